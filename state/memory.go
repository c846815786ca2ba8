package state

import (
	"sync"

	"bao/model"
)

// Memory is one reader's state kept for a single session only, for
// visitors bao cannot recognise next time (no public key).
type Memory struct {
	mu        sync.Mutex
	marks     Marks
	positions map[string]model.Position
}

// NewMemory returns empty session state.
func NewMemory() *Memory {
	return &Memory{marks: Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}, positions: map[string]model.Position{}}
}

// Marks returns a copy of the session's marks.
func (m *Memory) Marks() (Marks, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}
	for k := range m.marks.Read {
		out.Read[k] = true
	}
	for k := range m.marks.Bookmarked {
		out.Bookmarked[k] = true
	}
	return out, nil
}

// SetRead marks an article read or unread.
func (m *Memory) SetRead(id string, read bool) error { return m.set(m.marks.Read, id, read) }

// SetBookmark adds or removes a bookmark.
func (m *Memory) SetBookmark(id string, on bool) error { return m.set(m.marks.Bookmarked, id, on) }

func (m *Memory) set(set map[string]bool, id string, on bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if on {
		set[id] = true
	} else {
		delete(set, id)
	}
	return nil
}

// Position returns where the session stopped in an article.
func (m *Memory) Position(id string) (model.Position, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.positions[id]
	return p, ok, nil
}

// SavePosition records where the session is in an article.
func (m *Memory) SavePosition(id string, p model.Position) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.positions[id] = p
	return nil
}
