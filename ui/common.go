package ui

import "context"

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
}

// context is the session's context.
func (c *Common) context() context.Context {
	if c.Ctx == nil {
		return context.Background()
	}
	return c.Ctx
}
