package ui

import (
	"testing"

	"bao/model"
	"bao/state"

	tea "charm.land/bubbletea/v2"
)

// gatedUser holds the write of one position until the gate opens.
type gatedUser struct {
	*state.SessionOnly
	held model.Position
	gate chan struct{}
}

func (u *gatedUser) SavePosition(id string, p model.Position) error {
	if p == u.held {
		<-u.gate
	}
	return u.SessionOnly.SavePosition(id, p)
}

// TestLastWriteWins saves two positions as two commands, run as Bubble Tea
// runs them, each on its own goroutine, with the first write held up until
// the second command has finished: the position stored must be the later
// one.
func TestLastWriteWins(t *testing.T) {
	earlier, later := model.Position{Block: 3}, model.Position{Block: 9}
	u := &gatedUser{SessionOnly: state.NewSessionOnly(), held: earlier, gate: make(chan struct{})}
	m := newKeeper(u)
	a := &model.Article{ID: "a"}
	cmds := []tea.Cmd{m.savePosition(a, earlier), m.savePosition(a, later)}
	done := make([]chan struct{}, len(cmds))
	for i, cmd := range cmds {
		done[i] = make(chan struct{})
		go func() {
			defer close(done[i])
			if cmd != nil {
				cmd()
			}
		}()
	}
	<-done[1] // the second command has returned (or was nil)
	close(u.gate)
	<-done[0]
	p, ok, err := u.Position("a")
	if err != nil || !ok || p.Block != later.Block {
		t.Errorf("stored position %+v (%v, %v), want block %d", p, ok, err, later.Block)
	}
}
