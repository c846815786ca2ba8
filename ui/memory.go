package ui

import (
	"sync"

	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// UserState is what bao remembers for one reader: read marks, bookmarks
// and reading positions. state.User keeps it in the state store,
// state.SessionOnly for the session only.
type UserState interface {
	Marks() (model.Marks, error)
	SetRead(id string, read bool) error
	SetBookmark(id string, on bool) error
	Position(id string) (model.Position, bool, error)
	SavePosition(id string, p model.Position) error
}

// SearchIndex finds articles of the library by their text.
type SearchIndex interface {
	Sync(lib *model.Library, reload func(*model.Article) (*model.Article, error)) (added, removed int, err error)
	Search(query string, limit int) ([]model.Hit, error)
}

// stateErrMsg reports that the store failed; bao warns once and goes on.
type stateErrMsg struct{ err error }

// stateOKMsg reports that writes to the store work again after failing.
type stateOKMsg struct{}

// marksMsg carries the reader's marks, loaded at start.
type marksMsg struct{ marks model.Marks }

// positionMsg carries where the reader stopped in an article.
type positionMsg struct {
	article *model.Article
	pos     model.Position
}

// indexedMsg reports that the search index is up to date.
type indexedMsg struct {
	added, removed int
	err            error
}

// Keeper keeps the reader's marks and positions for the session: the list
// and the reader read them here, and it writes them through UserState in
// the order they were made. With no UserState, it keeps them itself until
// the session ends.
type Keeper struct {
	user   UserState
	marks  model.Marks
	writes *writeQueue
	// positions are kept here when there is no UserState.
	positions map[string]model.Position
}

// writeQueue runs a session's writes one at a time in the order they were
// queued. Each command of Bubble Tea runs on its own goroutine, so writes
// made as commands could land in any order: a position saved on leaving
// an article could be overwritten by one saved a moment earlier.
type writeQueue struct {
	mu      sync.Mutex
	pending []func() error
	running bool
	// failed is set when the last run had an error, cleared by the next
	// run that has none.
	failed bool
}

// add queues a write. It returns a command that runs the queue when no
// command is running it already, nil otherwise: the running one takes the
// new write after those before it.
func (q *writeQueue) add(write func() error) tea.Cmd {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending = append(q.pending, write)
	if q.running {
		return nil
	}
	q.running = true
	return q.run
}

// run writes until the queue is empty and reports the first error, or,
// after a run that failed, that writes work again.
func (q *writeQueue) run() tea.Msg {
	var first error
	for {
		q.mu.Lock()
		if len(q.pending) == 0 {
			q.running = false
			q.mu.Unlock()
			break
		}
		write := q.pending[0]
		q.pending = q.pending[1:]
		q.mu.Unlock()
		if err := write(); err != nil && first == nil {
			first = err
		}
	}
	q.mu.Lock()
	recovered := first == nil && q.failed
	q.failed = first != nil
	q.mu.Unlock()
	if first != nil {
		return stateErrMsg{first}
	}
	if recovered {
		return stateOKMsg{}
	}
	return nil
}

func newKeeper(u UserState) *Keeper {
	return &Keeper{user: u, marks: model.Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}, writes: &writeQueue{}, positions: map[string]model.Position{}}
}

// IsRead reports whether the article has been opened.
func (m *Keeper) IsRead(a *model.Article) bool { return m.marks.Read[a.ID] }

// IsBookmarked reports whether the article is bookmarked.
func (m *Keeper) IsBookmarked(a *model.Article) bool { return m.marks.Bookmarked[a.ID] }

// load reads the marks in a command.
func (m *Keeper) load() tea.Cmd {
	u := m.user
	if u == nil {
		return nil
	}
	return func() tea.Msg {
		marks, err := u.Marks()
		if err != nil {
			return stateErrMsg{err}
		}
		return marksMsg{marks}
	}
}

// setRead changes a read mark now and queues its write.
func (m *Keeper) setRead(a *model.Article, read bool) tea.Cmd {
	return m.setMark(m.marks.Read, a.ID, read, func(id string, on bool) error { return m.user.SetRead(id, on) })
}

// toggleBookmark changes a bookmark now and queues its write.
func (m *Keeper) toggleBookmark(a *model.Article) tea.Cmd {
	return m.setMark(m.marks.Bookmarked, a.ID, !m.marks.Bookmarked[a.ID], func(id string, on bool) error { return m.user.SetBookmark(id, on) })
}

// setMark sets or clears id in set and queues its write with save.
func (m *Keeper) setMark(set map[string]bool, id string, on bool, save func(string, bool) error) tea.Cmd {
	if on {
		set[id] = true
	} else {
		delete(set, id)
	}
	if m.user == nil {
		return nil
	}
	return m.writes.add(func() error { return save(id, on) })
}

// position loads where the reader stopped in a.
func (m *Keeper) position(a *model.Article) tea.Cmd {
	u := m.user
	if u == nil {
		p, ok := m.positions[a.ID]
		if !ok {
			return nil
		}
		return func() tea.Msg { return positionMsg{a, p} }
	}
	return func() tea.Msg {
		p, ok, err := u.Position(a.ID)
		if err != nil {
			return stateErrMsg{err}
		}
		if !ok {
			return nil
		}
		return positionMsg{a, p}
	}
}

// savePosition queues the write of where the reader is in a.
func (m *Keeper) savePosition(a *model.Article, p model.Position) tea.Cmd {
	u, id := m.user, a.ID
	if u == nil {
		m.positions[id] = p
		return nil
	}
	return m.writes.add(func() error { return u.SavePosition(id, p) })
}
