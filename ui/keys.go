package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// GlobalKeys work on every screen.
type GlobalKeys struct {
	Quit    key.Binding
	Help    key.Binding
	Suspend key.Binding
}

// DefaultGlobalKeys returns the bindings that work everywhere.
func DefaultGlobalKeys() GlobalKeys {
	return GlobalKeys{
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Suspend: key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
	}
}

// ListKeys are the article list's own bindings; the list's cursor and
// filter keys come from bubbles' list.
type ListKeys struct {
	Open          key.Binding
	Sort          key.Binding
	Reverse       key.Binding
	Errors        key.Binding
	ToggleRead    key.Binding
	NextUnread    key.Binding
	Bookmark      key.Binding
	BookmarksOnly key.Binding
	SearchAll     key.Binding
	Sources       key.Binding
	// Refresh fetches the feeds; enabled only where the reader may fetch
	// (Options.Refresh), never over SSH.
	Refresh key.Binding
	// Mouse lets the terminal have the mouse back, to select text.
	Mouse key.Binding
	Quit  key.Binding
}

// DefaultListKeys returns the list's bindings.
func DefaultListKeys() ListKeys {
	return ListKeys{
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Sort:          key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Reverse:       key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reverse order")),
		Errors:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "load errors")),
		ToggleRead:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark read/unread")),
		NextUnread:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "next unread")),
		Bookmark:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "bookmark")),
		BookmarksOnly: key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "bookmarks only")),
		SearchAll:     key.NewBinding(key.WithKeys("ctrl+f", "S"), key.WithHelp("ctrl+f/S", "search all")),
		Sources:       key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "by feed")),
		Refresh:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "fetch feeds"), key.WithDisabled()),
		Mouse:         key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mouse off: drag selects text")),
		Quit:          key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ReaderKeys are the reader's bindings.
type ReaderKeys struct {
	GlobalKeys
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
	NextSection, PrevSection, Section, TOC, Links             key.Binding
	// Sections is ] and [ together, for the footer.
	Sections                                  key.Binding
	NextArticle, PrevArticle                  key.Binding
	Search, NextMatch, PrevMatch, ClearSearch key.Binding
	Bookmark, ToggleRead                      key.Binding
	// Mouse makes the wheel scroll the reader; drag selects text while
	// it is off.
	Mouse key.Binding
	// Removed shows the lines recovery removed from the article.
	Removed key.Binding
	Back    key.Binding
}

// DefaultReaderKeys returns the reader's bindings: less for scrolling and
// searching, info for sections.
func DefaultReaderKeys() ReaderKeys {
	return ReaderKeys{
		GlobalKeys:  DefaultGlobalKeys(),
		Down:        key.NewBinding(key.WithKeys("j", "down", "ctrl+n", "enter"), key.WithHelp("j/↓", "down")),
		Up:          key.NewBinding(key.WithKeys("k", "up", "ctrl+p"), key.WithHelp("k/↑", "up")),
		PageDown:    key.NewBinding(key.WithKeys("space", "f", "pgdown", "ctrl+f"), key.WithHelp("space/f", "page down")),
		PageUp:      key.NewBinding(key.WithKeys("b", "pgup", "ctrl+b"), key.WithHelp("b", "page up")),
		HalfDown:    key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d", "½ page down")),
		HalfUp:      key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u", "½ page up")),
		Top:         key.NewBinding(key.WithKeys("g", "home", "<"), key.WithHelp("g/home", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end", ">"), key.WithHelp("G/end", "bottom")),
		NextSection: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		Sections:    key.NewBinding(key.WithKeys("]", "["), key.WithHelp("] [", "sections")),
		NextArticle: key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "next article")),
		PrevArticle: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "prev article")),
		Section:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "go to section")),
		TOC:         key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Links:       key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "links")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		ClearSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		Bookmark:    key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "bookmark")),
		ToggleRead:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark unread")),
		Mouse:       key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mouse wheel")),
		Removed:     key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "removed text")),
		Back:        key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "back")),
	}
}

// ShortHelp is the one-line help of the reader: its footer.
func (k ReaderKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Sections, k.TOC, k.Links, k.Search, k.Help, k.Back}
}

// FullHelp is the reader's full help, in columns.
func (k ReaderKeys) FullHelp() [][]key.Binding {
	// Three columns, so that the help fits a narrow terminal.
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.NextArticle, k.PrevArticle, k.Removed},
		{k.NextSection, k.PrevSection, k.Section, k.TOC, k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch},
		{k.Links, k.Bookmark, k.ToggleRead, k.Mouse, k.Back, k.Help, k.Quit},
	}
}

// needsWhole reports whether msg is a key that needs the whole document
// laid out: a section jump, the contents, the end, search or links.
func (k ReaderKeys) needsWhole(msg tea.KeyPressMsg) bool {
	return key.Matches(msg, k.NextSection, k.PrevSection, k.Section, k.TOC, k.Bottom, k.Search, k.Links)
}

// TOCKeys are the table of contents' bindings.
type TOCKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Filter, Jump, Close key.Binding
}

// DefaultTOCKeys returns the table of contents' bindings.
func DefaultTOCKeys() TOCKeys {
	return TOCKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Jump:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go there")),
		Close:    key.NewBinding(key.WithKeys("esc", "t", "q"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp is the table of contents' help.
func (k TOCKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Jump, k.Filter, k.Close}
}

// FullHelp is the table of contents' full help.
func (k TOCKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, k.ShortHelp()}
}

// SearchKeys are the bindings while typing a search.
type SearchKeys struct {
	Confirm, Cancel key.Binding
}

// DefaultSearchKeys returns the search prompt's bindings.
func DefaultSearchKeys() SearchKeys {
	return SearchKeys{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// footerHelp is the one-line help a footer shows: each binding's keys and
// what they do, in the order given. Footers are made with it from their
// key maps, so that they say what the keys do.
func footerHelp(bindings []key.Binding) string {
	var parts []string
	for _, b := range bindings {
		if h := b.Help(); b.Enabled() && h.Key != "" {
			parts = append(parts, h.Key+" "+h.Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// ErrorsKeys are the load-errors view's bindings.
type ErrorsKeys struct {
	Up, Down, Back key.Binding
}

// DefaultErrorsKeys returns the load-errors view's bindings.
func DefaultErrorsKeys() ErrorsKeys {
	return ErrorsKeys{
		Up:   key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down: key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Back: key.NewBinding(key.WithKeys("q", "esc", "e"), key.WithHelp("q/esc", "back")),
	}
}

// ShortHelp is the load-errors view's footer.
func (k ErrorsKeys) ShortHelp() []key.Binding { return []key.Binding{k.Back, k.Down, k.Up} }

// FullHelp is the load-errors view's full help.
func (k ErrorsKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// fitHelp is footerHelp cut to width cells by leaving bindings out from
// the right, but never keep: the footer always says how to get the full
// help.
func fitHelp(bindings []key.Binding, keep key.Binding, width int) string {
	bs := slices.Clone(bindings)
	for {
		line := footerHelp(bs)
		if ansi.StringWidth(line) <= width || len(bs) <= 1 {
			return line
		}
		drop := len(bs) - 1
		for drop > 0 && slices.Equal(bs[drop].Keys(), keep.Keys()) {
			drop--
		}
		bs = slices.Delete(bs, drop, drop+1)
	}
}
