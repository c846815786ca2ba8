package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// Common is what every screen of one session shares: its styles, its state
// and the render cache. Each session (one terminal, or one SSH visitor) has
// its own; only the cache is shared between sessions. Sizes are not here:
// each screen is given its own (see Component).
type Common struct {
	Styles *Styles
	// ReadWidth is the widest the article text is set, in cells.
	ReadWidth int
	Cache     *RenderCache
	// Keeper holds the reader's marks and positions and saves them.
	Keeper *Keeper
	// Index searches the library; nil when there is none.
	Index SearchIndex
	// OpenURL opens a link where the reader sits, with $BROWSER or the
	// platform's opener. Nil over SSH: nothing ever runs on the server.
	OpenURL func(url string) error
	// Ctx ends with the session: work started for it (an in-article
	// search) stops then. Nil means never.
	Ctx context.Context

	// moves are the screen changes the screen in front asked for (see
	// move).
	moves []tea.Msg
}

// move asks the root for a change of screen: msg is one of the messages
// that bring a screen forward (BackMsg, OpenArticleMsg and the Show ones).
// The root makes it before it takes the next message, so a key typed
// ahead, the second q of "q q", goes to the screen the first one brought
// forward; sent back as a command it could arrive after that key and the
// key would go to the screen being left. It returns no command.
func (c *Common) move(msg tea.Msg) tea.Cmd {
	c.moves = append(c.moves, msg)
	return nil
}

// context is the session's context.
func (c *Common) context() context.Context {
	if c.Ctx == nil {
		return context.Background()
	}
	return c.Ctx
}
