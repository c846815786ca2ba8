package ui

import (
	"strings"

	"bao/model"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// ErrorsView lists the files that failed to load and why.
type ErrorsView struct {
	c             *Common
	width, height int
	keys          ErrorsKeys
	lines         []string
	offset        int
}

// NewErrorsView lists lib's load errors. Paths are shown with anything
// that could act on the terminal replaced.
func NewErrorsView(c *Common, lib *model.Library) ErrorsView {
	v := ErrorsView{c: c, keys: DefaultErrorsKeys()}
	for _, e := range lib.Errors {
		v.lines = append(v.lines, safeText(e.Path)+": "+safeText(e.Err.Error()))
	}
	return v
}

// Update scrolls; q or esc goes back.
func (v ErrorsView) Update(msg tea.Msg) (ErrorsView, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	switch {
	case key.Matches(k, v.keys.Back):
		return v, v.c.move(BackMsg{})
	case key.Matches(k, v.keys.Down):
		v.offset = min(v.offset+1, max(len(v.lines)-1, 0))
	case key.Matches(k, v.keys.Up):
		v.offset = max(v.offset-1, 0)
	}
	return v, nil
}

// SetSize fits the view to width×height cells.
func (v *ErrorsView) SetSize(width, height int) tea.Cmd {
	v.width, v.height = width, height
	return nil
}

// View draws the errors.
func (v ErrorsView) View() string {
	st := v.c.Styles
	out := []string{"", "  " + st.Error.Render(itoa(len(v.lines))+" files could not be read") + st.Dim.Render("   "+footerHelp(v.ShortHelp())), ""}
	for _, l := range v.lines[v.offset:] {
		out = append(out, "  "+ansi.Truncate(l, v.width-4, "…"))
	}
	return fitHeight(strings.Join(out, "\n"), v.height)
}
