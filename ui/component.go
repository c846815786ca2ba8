package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Component is the shape of every screen: it takes messages, draws itself
// at the size it was last given, and names its keys. Its footer and its ?
// help are drawn from ShortHelp and FullHelp, so they cannot name a key
// the screen does not handle.
//
// A new screen is a struct with a constructor taking *Common, a key map
// type with DefaultXKeys, and these methods; the root holds it in a field,
// names it in screen and front, and gives it every size.
type Component interface {
	help.KeyMap
	// SetSize gives the screen width×height cells; the command, if any,
	// lays the screen out again.
	SetSize(width, height int) tea.Cmd
	// handle updates the screen in place.
	handle(msg tea.Msg) tea.Cmd
	View() string
}

var (
	_ Component = (*List)(nil)
	_ Component = (*Reader)(nil)
	_ Component = (*ErrorsView)(nil)
	_ Component = (*LibrarySearch)(nil)
)

func (m *List) handle(msg tea.Msg) (cmd tea.Cmd) {
	*m, cmd = m.Update(msg)
	return cmd
}

func (r *Reader) handle(msg tea.Msg) (cmd tea.Cmd) {
	*r, cmd = r.Update(msg)
	return cmd
}

func (v *ErrorsView) handle(msg tea.Msg) (cmd tea.Cmd) {
	*v, cmd = v.Update(msg)
	return cmd
}

func (s *LibrarySearch) handle(msg tea.Msg) (cmd tea.Cmd) {
	*s, cmd = s.Update(msg)
	return cmd
}

// ShortHelp is the list's footer: bubbles' list draws it from its key map
// and ListKeys.
func (m List) ShortHelp() []key.Binding { return m.list.ShortHelp() }

// FullHelp is the list's ? help.
func (m List) FullHelp() [][]key.Binding { return m.list.FullHelp() }

// ShortHelp is the reader's footer for what is open: the contents, the
// links, or the article.
func (r Reader) ShortHelp() []key.Binding {
	switch {
	case r.tocOpen:
		return r.toc.keys.ShortHelp()
	case r.linksOpen:
		return r.links.keys.ShortHelp()
	}
	return r.keys.ShortHelp()
}

// FullHelp is the reader's ? help for what is open.
func (r Reader) FullHelp() [][]key.Binding {
	switch {
	case r.tocOpen:
		return r.toc.keys.FullHelp()
	case r.linksOpen:
		return r.links.keys.FullHelp()
	}
	return r.keys.FullHelp()
}

// ShortHelp is the load-errors view's footer.
func (v ErrorsView) ShortHelp() []key.Binding { return v.keys.ShortHelp() }

// FullHelp is the load-errors view's full help.
func (v ErrorsView) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

// ShortHelp is the library search's footer.
func (s LibrarySearch) ShortHelp() []key.Binding { return s.keys.ShortHelp() }

// FullHelp is the library search's full help.
func (s LibrarySearch) FullHelp() [][]key.Binding { return s.keys.FullHelp() }
