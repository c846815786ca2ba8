package state

import (
	"sync"

	"bao/model"
)

// SessionOnly is one reader's state kept for a single session only, for
// visitors bao cannot recognise next time (no public key).
type SessionOnly struct {
	mu        sync.Mutex
	marks     model.Marks
	positions map[string]model.Position
}

// NewSessionOnly returns empty session state.
func NewSessionOnly() *SessionOnly {
	return &SessionOnly{marks: model.Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}, positions: map[string]model.Position{}}
}

// Marks returns a copy of the session's marks.
func (m *SessionOnly) Marks() (model.Marks, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := model.Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}
	for k := range m.marks.Read {
		out.Read[k] = true
	}
	for k := range m.marks.Bookmarked {
		out.Bookmarked[k] = true
	}
	return out, nil
}

// SetRead marks an article read or unread.
func (m *SessionOnly) SetRead(id string, read bool) error { return m.set(m.marks.Read, id, read) }

// SetBookmark adds or removes a bookmark.
func (m *SessionOnly) SetBookmark(id string, on bool) error { return m.set(m.marks.Bookmarked, id, on) }

func (m *SessionOnly) set(set map[string]bool, id string, on bool) error {
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
func (m *SessionOnly) Position(id string) (model.Position, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.positions[id]
	return p, ok, nil
}

// SavePosition records where the session is in an article.
func (m *SessionOnly) SavePosition(id string, p model.Position) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.positions[id] = p
	return nil
}
