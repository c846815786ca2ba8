package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TOC is the table of contents: the start of the article and every
// heading, with the current section marked. Documents have hundreds of
// headings, so it pages, jumps to either end, and filters as you type
// after "/".
type TOC struct {
	c    *Common
	keys TOCKeys
	// entries[0] is the article start; entries[k+1] is section k.
	entries []tocEntry
	// shown are the indexes of the entries that match the filter.
	shown   []int
	cursor  int // into shown
	current int // into entries
	typedFilter
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
	t.apply()
	r.toc, r.tocOpen = t, true
}

// apply recomputes the entries shown for the filter and puts the cursor on
// the current section, or on the first match.
func (t *TOC) apply() {
	t.shown = t.shown[:0]
	for i, e := range t.entries {
		if t.matches(e.title) {
			t.shown = append(t.shown, i)
		}
	}
	t.cursor = 0
	for k, i := range t.shown {
		if i == t.current {
			t.cursor = k
		}
	}
}

// rows is how many entries the contents show at once.
func (r Reader) tocRows() int { return max(r.bodyHeight()-4, 1) }

// tocChoice is what a key in the contents asks of the reader.
type tocChoice struct {
	// close is set when the contents close; target is then the entry to go to
	// (0 the article's start, k+1 section k), or -1 for none.
	close  bool
	target int
}

// Update handles a key in the contents, rows entries to a page.
func (t TOC) Update(msg tea.KeyPressMsg, rows int) (TOC, tocChoice) {
	stay := tocChoice{target: -1}
	if t.filtering {
		if t.edit(msg) {
			t.apply()
		}
		return t, stay
	}
	last := max(len(t.shown)-1, 0)
	switch {
	case key.Matches(msg, t.keys.Up):
		t.cursor = max(t.cursor-1, 0)
	case key.Matches(msg, t.keys.Down):
		t.cursor = min(t.cursor+1, last)
	case key.Matches(msg, t.keys.PageUp):
		t.cursor = max(t.cursor-rows, 0)
	case key.Matches(msg, t.keys.PageDown):
		t.cursor = min(t.cursor+rows, last)
	case key.Matches(msg, t.keys.Top):
		t.cursor = 0
	case key.Matches(msg, t.keys.Bottom):
		t.cursor = last
	case key.Matches(msg, t.keys.Filter):
		t.filtering = true
	case key.Matches(msg, t.keys.Jump):
		if len(t.shown) > 0 {
			return t, tocChoice{close: true, target: t.shown[t.cursor]}
		}
	case key.Matches(msg, t.keys.Close):
		if msg.String() == "esc" && t.drop() {
			t.apply()
			return t, stay
		}
		return t, tocChoice{close: true, target: -1}
	default:
		if d := msg.String(); len(d) == 1 && d[0] >= '1' && d[0] <= '9' {
			return t, tocChoice{close: true, target: int(d[0] - '0')}
		}
	}
	return t, stay
}

// handleTOCKey passes a key to the contents and goes where they say.
func (r Reader) handleTOCKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	var choice tocChoice
	r.toc, choice = r.toc.Update(msg, r.tocRows())
	if !choice.close {
		return r, nil
	}
	r.tocOpen = false
	switch {
	case choice.target == 0:
		r.gotoLine(0)
	case choice.target > 0:
		r.gotoSection(choice.target - 1)
	}
	return r, nil
}

// View draws the table of contents in height lines.
func (t TOC) View(width, height int) string {
	st := t.c.Styles
	title := fmt.Sprintf("Contents (%d)", len(t.entries)-1)
	title += t.label(len(t.shown))
	lines := []string{st.Accent.Render(title), ""}
	rows := max(height-4, 1)
	first := max(min(t.cursor-rows/2, len(t.shown)-rows), 0)
	for k := first; k < len(t.shown) && k < first+rows; k++ {
		i := t.shown[k]
		e := t.entries[i]
		mark := "  "
		if i == t.current {
			mark = "• "
			if st.ASCII {
				mark = "* "
			}
		}
		num := "   "
		switch {
		case i > 0 && numberedAs(e.title, i):
			// The heading says its number already: "1. Ditch the
			// diet", not "1. 1. Ditch the diet"; and "10. Sleep"
			// lines up under it rather than after the digits' column.
			num = ""
		case i > 0 && i <= 9:
			num = string(rune('0'+i)) + ". "
		}
		indent := strings.Repeat("  ", max(e.level-2, 0))
		text := ansi.Truncate(mark+num+indent+e.title, width-2, "…")
		switch {
		case k == t.cursor:
			text = st.Selected.Render("› " + text)
		case i == t.current:
			text = "  " + st.Accent.Render(text)
		default:
			text = "  " + text
		}
		lines = append(lines, text)
	}
	if len(t.shown) == 0 {
		lines = append(lines, st.Dim.Render("  No heading matches."))
	}
	h := help.New()
	h.SetWidth(width)
	lines = append(lines, "", h.ShortHelpView(append(t.keys.ShortHelp(), t.keys.PageDown, t.keys.Bottom)))
	return strings.Join(lines, "\n")
}

// numberedAs reports whether a heading opens with the number n as a
// list's number: "1. ", "1) ", "1: ", "1 - ".
func numberedAs(title string, n int) bool {
	rest, ok := strings.CutPrefix(title, fmt.Sprint(n))
	if !ok {
		return false
	}
	for _, sep := range []string{". ", ") ", ": ", " - ", " – "} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}
