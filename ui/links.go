package ui

import (
	"fmt"
	"strings"

	"bao/model"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// LinkList lists an article's links by their reference numbers. It can be
// filtered; enter opens the selected link where the reader runs (never on
// an SSH server), y copies it to the reader's own clipboard.
type LinkList struct {
	c     *Common
	keys  LinkKeys
	links []model.NumberedLink
	// shown are the indexes into links that match the filter.
	shown  []int
	cursor int
	typedFilter
	// open opens a URL where the reader is; nil over SSH.
	open func(string) error
}

// LinkKeys are the link list's bindings.
type LinkKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Filter, Open, Copy, Close key.Binding
}

// DefaultLinkKeys returns the link list's bindings.
func DefaultLinkKeys() LinkKeys {
	return LinkKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Close:    key.NewBinding(key.WithKeys("esc", "l", "q"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp is the link list's footer.
func (k LinkKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Copy, k.Filter, k.Close}
}

// FullHelp is the link list's full help.
func (k LinkKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, k.ShortHelp()}
}

// NewLinkList returns a list of links.
func NewLinkList(c *Common, links []model.NumberedLink, open func(string) error) LinkList {
	l := LinkList{c: c, keys: DefaultLinkKeys(), links: links, open: open}
	l.apply()
	return l
}

// apply recomputes the links that match the filter, keeping the cursor
// on the same link when it still shows.
func (l *LinkList) apply() {
	keep := -1
	if l.cursor < len(l.shown) {
		keep = l.shown[l.cursor]
	}
	l.shown = l.shown[:0]
	for i, link := range l.links {
		if l.matches(fmt.Sprintf("%d %s %s", link.Number, link.Text, link.URL)) {
			l.shown = append(l.shown, i)
		}
	}
	l.cursor = 0
	for k, i := range l.shown {
		if i == keep {
			l.cursor = k
		}
	}
}

// Selected returns the selected link, if any.
func (l LinkList) Selected() (model.NumberedLink, bool) {
	if l.cursor < len(l.shown) {
		return l.links[l.shown[l.cursor]], true
	}
	return model.NumberedLink{}, false
}

// Update handles a key. done is set when the list closes; status is a
// message for the reader's footer.
func (l LinkList) Update(msg tea.KeyPressMsg, rows int) (_ LinkList, done bool, status string, cmd tea.Cmd) {
	k := l.keys
	if l.filtering {
		if l.edit(msg) {
			l.apply()
		}
		return l, false, "", nil
	}
	switch {
	case key.Matches(msg, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, k.Down):
		l.cursor = max(min(l.cursor+1, len(l.shown)-1), 0)
	case key.Matches(msg, k.PageUp):
		l.cursor = max(l.cursor-rows, 0)
	case key.Matches(msg, k.PageDown):
		l.cursor = max(min(l.cursor+rows, len(l.shown)-1), 0)
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = max(len(l.shown)-1, 0)
	case key.Matches(msg, k.Filter):
		l.filtering = true
	case key.Matches(msg, k.Open):
		link, ok := l.Selected()
		switch {
		case !ok:
		case l.open == nil || !model.Linkable(link.URL):
			return l, false, "Open it in your own browser: the address is shown in full above.", nil
		default:
			if err := l.open(link.URL); err != nil {
				return l, false, "Could not open the link: " + err.Error(), nil
			}
			return l, false, fmt.Sprintf("Opened link %d.", link.Number), nil
		}
	case key.Matches(msg, k.Copy):
		if link, ok := l.Selected(); ok {
			return l, false, fmt.Sprintf("Link %d copied to your terminal's clipboard.", link.Number), tea.SetClipboard(link.URL)
		}
	case key.Matches(msg, k.Close):
		if msg.String() == "esc" && l.drop() {
			l.apply()
			return l, false, "", nil
		}
		return l, true, "", nil
	}
	return l, false, "", nil
}

// View draws the list in width × height cells: the links, then the
// selected link's address in full.
func (l LinkList) View(width, height int) string {
	st := l.c.Styles
	title := fmt.Sprintf("Links (%d)", len(l.links))
	title += l.label(len(l.shown))
	var full []string
	if link, ok := l.Selected(); ok {
		for _, r := range wrapRanges(link.URL, max(width-2, 8)) {
			full = append(full, link.URL[r.start:r.end])
		}
	}
	rows := max(height-5-len(full), 1)
	lines := []string{st.Accent.Render(title), ""}
	first := max(min(l.cursor-rows/2, len(l.shown)-rows), 0)
	for k := first; k < len(l.shown) && k < first+rows; k++ {
		link := l.links[l.shown[k]]
		text := link.Text
		if text == "" || text == link.URL {
			text = link.URL
		} else {
			text += " — " + link.URL
		}
		row := ansi.Truncate(fmt.Sprintf("[%d] %s", link.Number, text), width-2, "…")
		if k == l.cursor {
			lines = append(lines, st.Selected.Render("› "+row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	if len(l.shown) == 0 {
		lines = append(lines, st.Dim.Render("  No link matches."))
	}
	lines = append(lines, "")
	for _, f := range full {
		lines = append(lines, st.Dim.Render(f))
	}
	return strings.Join(lines, "\n")
}
