package ui

import (
	"container/list"
	"sync"
	"sync/atomic"

	"bao/model"
)

// RenderCache holds rendered documents keyed by (article, width, style),
// shared by every reader in the process: many SSH visitors reading the same
// article at the same size share one copy, and each document is rendered
// once however many readers ask for it at the same time. It keeps at most
// a fixed number of documents, dropping the least recently used.
type RenderCache struct {
	// hits and misses count the layouts found and made, for metrics.
	hits, misses atomic.Uint64

	mu      sync.Mutex
	max     int
	entries map[renderKey]*list.Element
	order   *list.List // front: most recently used
}

type renderKey struct {
	id    string
	width int
	style string
}

type cacheEntry struct {
	key  renderKey
	once sync.Once
	doc  *Document
	done atomic.Bool
}

// cacheID names an article in the cache: its ID, its path, and whether it
// is only the head of its file (which shares the whole's ID).
func cacheID(a *model.Article) string {
	if a.Partial {
		return a.ID + "\x00" + a.Path + "\x00head"
	}
	return a.ID + "\x00" + a.Path
}

// NewRenderCache returns a cache of at most max documents.
func NewRenderCache(max int) *RenderCache {
	return &RenderCache{max: max, entries: map[renderKey]*list.Element{}, order: list.New()}
}

// Get returns the complete document for a at width in st, rendering it if
// no reader has yet.
func (c *RenderCache) Get(a *model.Article, width int, st *Styles) *Document {
	e := c.entry(renderKey{cacheID(a), width, st.Name})
	e.once.Do(func() {
		e.doc = Render(a, width, st, 0)
		e.done.Store(true)
	})
	return e.doc
}

// Peek returns the cached document if it is ready, or nil.
func (c *RenderCache) Peek(a *model.Article, width int, st *Styles) *Document {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[renderKey{cacheID(a), width, st.Name}]
	if !ok {
		return nil
	}
	e := el.Value.(*cacheEntry)
	if !e.done.Load() {
		return nil
	}
	c.order.MoveToFront(el)
	c.hits.Add(1)
	return e.doc
}

// Stats returns how many layouts were found in the cache and how many had
// to be made. A Peek that finds nothing is not a miss: the Get that
// follows it is.
func (c *RenderCache) Stats() (hits, misses uint64) { return c.hits.Load(), c.misses.Load() }

func (c *RenderCache) entry(k renderKey) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[k]; ok {
		c.order.MoveToFront(el)
		c.hits.Add(1)
		return el.Value.(*cacheEntry)
	}
	c.misses.Add(1)
	e := &cacheEntry{key: k}
	c.entries[k] = c.order.PushFront(e)
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
	return e
}
