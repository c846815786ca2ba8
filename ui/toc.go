package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TOC is the table of contents: the start of the article and every
// heading, with the current section marked.
type TOC struct {
	c    *Common
	keys TOCKeys
	// entries[0] is the article start; entries[k+1] is section k.
	entries []tocEntry
	cursor  int
	current int
}

type tocEntry struct {
	title string
	level int
	line  int
}

// NewTOC returns an empty table of contents.
func NewTOC(c *Common) TOC { return TOC{c: c, keys: DefaultTOCKeys()} }

// openTOC fills the table of contents from the document and opens it on
// the current section.
func (r *Reader) openTOC() {
	if r.noSections() {
		return
	}
	t := NewTOC(r.c)
	t.entries = append(t.entries, tocEntry{title: "(start) " + r.article.Title, level: 1})
	for k, s := range r.article.Sections {
		t.entries = append(t.entries, tocEntry{title: s.Title, level: s.Level, line: r.doc.Sections[k]})
	}
	t.current = r.CurrentSection() + 1
	t.cursor = t.current
	r.toc, r.tocOpen = t, true
}

func (r Reader) handleTOCKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	t := &r.toc
	switch {
	case key.Matches(msg, t.keys.Up):
		t.cursor = max(t.cursor-1, 0)
	case key.Matches(msg, t.keys.Down):
		t.cursor = min(t.cursor+1, len(t.entries)-1)
	case key.Matches(msg, t.keys.Jump):
		r.tocOpen = false
		r.gotoLine(t.entries[t.cursor].line)
	case key.Matches(msg, t.keys.Close):
		r.tocOpen = false
	case key.Matches(msg, r.keys.Quit):
		return r, tea.Quit
	default:
		if d := msg.String(); len(d) == 1 && d[0] >= '1' && d[0] <= '9' {
			r.tocOpen = false
			r.gotoSection(int(d[0] - '1'))
		}
	}
	return r, nil
}

// View draws the table of contents in height lines.
func (t TOC) View(width, height int) string {
	st := t.c.Styles
	lines := []string{st.Accent.Render("Contents"), ""}
	rows := max(height-4, 1)
	first := max(min(t.cursor-rows/2, len(t.entries)-rows), 0)
	for i := first; i < len(t.entries) && i < first+rows; i++ {
		e := t.entries[i]
		mark := "  "
		if i == t.current {
			mark = "• "
			if st.ASCII {
				mark = "* "
			}
		}
		num := "   "
		if i > 0 && i <= 9 {
			num = string(rune('0'+i)) + ". "
		}
		indent := strings.Repeat("  ", max(e.level-2, 0))
		text := ansi.Truncate(mark+num+indent+e.title, width-2, "…")
		if i == t.cursor {
			text = st.Selected.Render("› " + text)
		} else {
			text = "  " + text
		}
		lines = append(lines, text)
	}
	lines = append(lines, "", st.Dim.Render("enter go there · esc close · 1-9 section"))
	return strings.Join(lines, "\n")
}

// Entries returns the titles listed, the article start first.
func (t TOC) Entries() []string {
	out := make([]string, len(t.entries))
	for i, e := range t.entries {
		out[i] = e.title
	}
	return out
}
