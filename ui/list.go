package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"bao/model"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// item is one article in the list.
type item struct {
	a *model.Article
	// order is the article's position in the library, for sorting by path.
	order int
	c     *Common
}

func newItem(a *model.Article, order int, c *Common) item {
	return item{a: a, order: order, c: c}
}

// Title is the article's title, marked when it has not been read.
func (i item) Title() string {
	mark := i.c.Styles.UnreadMark
	if i.c.Keeper.IsRead(i.a) {
		mark = strings.Repeat(" ", utf8.RuneCountInString(mark))
	}
	return mark + i.a.Title
}

// Description is the line under the title: source, date or dateline,
// reading time and number of sections.
func (i item) Description() string {
	var parts []string
	if i.c.Keeper.IsBookmarked(i.a) {
		parts = append(parts, strings.TrimSpace(i.c.Styles.BookmarkMark)+" bookmarked")
	}
	if i.a.Source != "" {
		parts = append(parts, i.a.Source)
	} else if len(i.a.Byline) > 0 {
		parts = append(parts, i.a.Byline[0])
	}
	switch {
	case !i.a.Date.IsZero():
		parts = append(parts, i.a.Date.Format("2006-01-02"))
	case i.a.Dateline != "":
		parts = append(parts, i.a.Dateline)
	}
	parts = append(parts, fmt.Sprintf("%d min", i.a.Minutes()))
	switch n := len(i.a.Sections); n {
	case 0:
	case 1:
		parts = append(parts, "1 section")
	default:
		parts = append(parts, fmt.Sprintf("%d sections", n))
	}
	return strings.Repeat(" ", utf8.RuneCountInString(i.c.Styles.UnreadMark)) + strings.Join(parts, " · ")
}

// FilterValue is matched by the filter: the title first (so that matches
// can be highlighted in it), then source, dateline and byline.
// The article's ListText, shared by every list that shows it. The title
// drawn in the list has the read mark in front; the filter shifts its
// highlights by the mark's width.
func (i item) FilterValue() string { return i.a.ListText }

// foldFilter matches the words of the term, without case or diacritics,
// as the starts of words of the target, in the order typed: "ha noi"
// finds "Hà Nội" and "Hạ Long ... nơi", not "thành ... nổi". Targets where
// the words follow one another ("Hà Nội") come first, then those that
// match in the title, then the rest, each in library order.
func foldFilter(term string, targets []string) []list.Rank {
	return (&filterCache{}).filter(term, targets)
}

// filterCache remembers the folded form of each target, so that a
// keystroke in the filter of a large list only searches strings.
type filterCache struct {
	mu sync.Mutex
	// folded is keyed by where a target's bytes are, not by its text:
	// hashing a pointer instead of a hundred bytes matters at 100,000
	// targets a keystroke. Each entry keeps its target, so the memory
	// cannot be reused for other text while the entry exists.
	folded map[*byte]foldedText
	// shift moves highlighted letters past the read mark drawn before
	// each title.
	shift int
}

// highlightLimit is how many matches get their letters highlighted; the
// rest are far down the list, and finding their letters would slow a
// keystroke in a list of 100,000.
const highlightLimit = 200

func (c *filterCache) filter(term string, targets []string) []list.Rank {
	words := strings.Fields(model.Fold(term))
	if len(words) == 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.folded == nil || len(c.folded) > 4*len(targets)+1000 {
		c.folded = make(map[*byte]foldedText, len(targets))
	}
	var ranks []list.Rank
	var scores []int
	for i, t := range targets {
		key := unsafe.StringData(t)
		f, ok := c.folded[key]
		if !ok || len(f.text) != len(t) {
			f = foldedText{t, model.Fold(t)}
			c.folded[key] = f
		}
		at, ok := prefixesInOrder(f.folded, words)
		if !ok {
			continue
		}
		ranks = append(ranks, list.Rank{Index: i})
		scores = append(scores, matchScore(f.folded, at, words))
	}
	order := make([]int, len(ranks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[a], scores[b]) })
	out := make([]list.Rank, len(ranks))
	for i, o := range order {
		out[i] = ranks[o]
		if i < highlightLimit {
			t := targets[out[i].Index]
			out[i].MatchedIndexes = matchedRunes(t, words)
			for k := range out[i].MatchedIndexes {
				out[i].MatchedIndexes[k] += c.shift
			}
		}
	}
	return out
}

// prefixesInOrder finds each word as the start of a word of s, each after
// the one before, and returns where they start.
func prefixesInOrder(s string, words []string) ([]int, bool) {
	at := make([]int, 0, len(words))
	pos := 0
	for _, w := range words {
		found := wordStart(s, w, pos)
		if found < 0 {
			return nil, false
		}
		at = append(at, found)
		pos = found + len(w)
	}
	return at, true
}

// matchScore ranks a match: 0 when the words follow one another, 1 when
// they are all in the title (the target's first line), 2 otherwise.
func matchScore(s string, at []int, words []string) int {
	phrase := true
	for i := 1; i < len(at); i++ {
		between := s[at[i-1]+len(words[i-1]) : at[i]]
		if strings.IndexFunc(between, isWordRune) >= 0 {
			phrase = false
		}
	}
	title := strings.IndexByte(s, '\n')
	switch {
	case phrase && (title < 0 || at[0] < title):
		return 0
	case title < 0 || at[len(at)-1] < title:
		return 1
	}
	return 2
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRuneBefore(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// foldedText is a filter target and its folded form.
type foldedText struct{ text, folded string }

// matchedRunes returns the rune indexes of t where the words match.
func matchedRunes(t string, words []string) []int {
	folded, idx := model.FoldIndex(t)
	at, _ := prefixesInOrder(folded, words)
	var matched []int
	for i, w := range words[:len(at)] {
		matched = append(matched, runeIndexes(t, idx[at[i]], idx[at[i]+len(w)])...)
	}
	slices.Sort(matched)
	return slices.Compact(matched)
}

// runeIndexes returns the rune indexes of s[a:b].
func runeIndexes(s string, a, b int) []int {
	start := utf8.RuneCountInString(s[:a])
	n := utf8.RuneCountInString(s[a:b])
	out := make([]int, n)
	for i := range out {
		out[i] = start + i
	}
	return out
}

// sortOrder is how the list is sorted.
type sortOrder int

const (
	byPath sortOrder = iota
	byTitle
	bySource
	byDate
)

var sortNames = [...]string{"path", "title", "source", "date"}

// applies reports whether sorting by o can order lib: by date when an
// article has a date, by source when one has a source or feed.
func (o sortOrder) applies(lib *model.Library) bool {
	switch o {
	case bySource:
		return slices.ContainsFunc(lib.Articles, func(a *model.Article) bool { return sourceOf(a) != "" })
	case byDate:
		return slices.ContainsFunc(lib.Articles, func(a *model.Article) bool { return !a.Date.IsZero() })
	}
	return true
}

// List is the library screen.
type List struct {
	c *Common
	// keys is shared with the help functions given to bubbles' list, so
	// bindings switched off here disappear from the help too.
	keys    *ListKeys
	list    list.Model
	lib     *model.Library
	sort    sortOrder
	loading bool
	// bookmarksOnly shows only bookmarked articles.
	bookmarksOnly bool
	// reverse turns the sort order around.
	reverse bool
	// sourceOnly shows only the articles of source (see sourceOf).
	sourceOnly bool
	source     string
	// progress says how loading goes, while it does.
	progress string
	// items are the styles the items are drawn with.
	items list.DefaultItemStyles
	// mouseOff gives the mouse back to the terminal, to select text.
	mouseOff bool
	// click is the last click on an item, to see a double click.
	click struct {
		index int
		at    time.Time
	}
	// filterSeq numbers the commands bubbles' list gives back, and
	// filterShown is the number of the one whose matches are shown (see
	// filterResultMsg).
	filterSeq, filterShown int
}

// filterResultMsg carries the matches of the filter command numbered seq.
// bubbles' list filters each keystroke's text in a command of its own,
// and their matches can arrive in any order: those for "m" after those
// for "mua" would leave the list showing five articles for "mua". Only
// matches newer than the ones shown are applied.
type filterResultMsg struct {
	seq     int
	matches list.FilterMatchesMsg
}

// numberFilter numbers cmd, a command bubbles' list gave back, so that
// the filter matches it brings are known by when it was issued.
func (m *List) numberFilter(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	m.filterSeq++
	return numbered(m.filterSeq, cmd)
}

// numbered runs cmd and wraps the filter matches it brings, in a batch
// too, as a filterResultMsg numbered seq.
func numbered(seq int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case list.FilterMatchesMsg:
			return filterResultMsg{seq: seq, matches: msg}
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				out[i] = numbered(seq, c)
			}
			return out
		default:
			return msg
		}
	}
}

// doubleClick is the longest time between the two clicks of a double click.
const doubleClick = 500 * time.Millisecond

// Mouse reports whether the list wants mouse events: clicks select, a
// double click opens, the wheel scrolls.
func (m List) Mouse() bool { return !m.mouseOff }

// itemAt returns the index, among the visible items, of the item drawn on
// screen row y, or -1.
func (m List) itemAt(y int) int {
	// The title bar and the status bar come first, each with the blank
	// line its style pads it with.
	top := 1 + m.list.Styles.TitleBar.GetVerticalFrameSize() + 1 + m.list.Styles.StatusBar.GetVerticalFrameSize()
	d := list.NewDefaultDelegate()
	step := d.Height() + d.Spacing()
	if y < top || (y-top)%step >= d.Height() {
		return -1
	}
	start, end := m.list.Paginator.GetSliceBounds(len(m.list.VisibleItems()))
	i := start + (y-top)/step
	if i >= end {
		return -1
	}
	return i
}

// mouse handles a click or the wheel.
func (m List) mouse(msg tea.MouseMsg) (List, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			m.list.CursorDown()
		case tea.MouseWheelUp:
			m.list.CursorUp()
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return m, nil
		}
		i := m.itemAt(msg.Y)
		if i < 0 {
			return m, nil
		}
		now := time.Now()
		double := m.click.index == i && now.Sub(m.click.at) < doubleClick
		m.click.index, m.click.at = i, now
		m.list.Select(i)
		if double {
			m.click.at = time.Time{}
			if it, ok := m.list.SelectedItem().(item); ok {
				return m, m.c.move(OpenArticleMsg{Article: it.a, Section: -1})
			}
		}
	}
	return m, nil
}

// SetProgress shows how loading goes in the title bar; "" when done.
func (m *List) SetProgress(p string) {
	m.progress = p
	m.updateTitle()
}

// NewList returns the list, waiting for its library.
func NewList(c *Common) List {
	d := list.NewDefaultDelegate()
	l := list.New(nil, d, 0, 0)
	l.Title = "bao"
	cache := &filterCache{shift: utf8.RuneCountInString(c.Styles.UnreadMark)}
	l.Filter = cache.filter
	l.DisableQuitKeybindings()
	// g is the feeds and sources; home still goes to the start.
	l.KeyMap.GoToStart = key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "go to start"))
	l.SetStatusBarItemName("article", "articles")
	keys := new(ListKeys)
	*keys = DefaultListKeys()
	l.StatusMessageLifetime = 10 * time.Second
	// Page dots are drawn one per page: unreadable and slow for a large
	// library.
	l.Paginator.Type = paginator.Arabic
	l.AdditionalFullHelpKeys = func() []key.Binding {
		return []key.Binding{keys.Open, keys.Sort, keys.Reverse, keys.ToggleRead, keys.NextUnread, keys.Bookmark, keys.BookmarksOnly, keys.SearchAll, keys.Sources, keys.Refresh, keys.Errors, keys.Mouse, keys.Quit}
	}
	m := List{c: c, keys: keys, list: l, loading: true}
	m.Restyle(true)
	return m
}

// Restyle applies the list styles for a dark or light background.
func (m *List) Restyle(dark bool) {
	d := list.NewDefaultDelegate()
	d.Styles = list.NewDefaultItemStyles(dark)
	for _, st := range []*lipgloss.Style{&d.Styles.NormalTitle, &d.Styles.NormalDesc, &d.Styles.SelectedTitle,
		&d.Styles.SelectedDesc, &d.Styles.DimmedTitle, &d.Styles.DimmedDesc} {
		*st = readable(*st, dark)
	}
	m.items = d.Styles
	m.list.SetDelegate(d)
	m.list.Styles = list.DefaultStyles(dark)
	for _, st := range []*lipgloss.Style{&m.list.Styles.StatusBar, &m.list.Styles.NoItems, &m.list.Styles.Title,
		&m.list.Styles.StatusEmpty, &m.list.Styles.StatusBarFilterCount} {
		*st = readable(*st, dark)
	}
	h := &m.list.Help.Styles
	for _, st := range []*lipgloss.Style{&h.ShortKey, &h.ShortDesc, &h.ShortSeparator, &h.FullKey, &h.FullDesc, &h.FullSeparator, &h.Ellipsis} {
		*st = readable(*st, dark)
	}
}

// delegateStyles are the styles the list's items are drawn with.
func (m List) delegateStyles() list.DefaultItemStyles { return m.items }

// SetLibrary shows a loaded library.
func (m List) SetLibrary(lib *model.Library) (List, tea.Cmd) {
	m.lib, m.loading = lib, false
	m.keys.Errors.SetEnabled(len(lib.Errors) > 0)
	m.updateTitle()
	return m, m.applySort()
}

func (m *List) updateTitle() {
	t := "bao"
	if m.lib != nil {
		t = fmt.Sprintf("bao · %s · by %s", plural(len(m.lib.Articles), "article"), sortNames[m.sort])
		if m.reverse {
			t += ", reversed"
		}
		if m.bookmarksOnly {
			t += " · bookmarks only (B)"
		}
		if m.sourceOnly {
			name := m.source
			if name == "" {
				name = "no source"
			}
			t += " · from " + safeText(name) + " (g)"
		}
		if n := len(m.lib.Errors); n > 0 {
			t += fmt.Sprintf(" · %d failed to load (e)", n)
		}
		if m.progress != "" {
			t += " · " + m.progress
		}
	}
	m.list.Title = t
}

// plural writes "1 article", "2 articles".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// applySort reorders the items.
func (m *List) applySort() tea.Cmd {
	items := make([]item, 0, len(m.lib.Articles))
	for i, a := range m.lib.Articles {
		if (!m.bookmarksOnly || m.c.Keeper.IsBookmarked(a)) && (!m.sourceOnly || sourceOf(a) == m.source) {
			items = append(items, newItem(a, i, m.c))
		}
	}
	switch m.sort {
	case byTitle:
		col := collate.New(language.Vietnamese, collate.IgnoreCase)
		slices.SortStableFunc(items, func(a, b item) int { return col.CompareString(a.a.Title, b.a.Title) })
	case bySource:
		col := collate.New(language.Vietnamese, collate.IgnoreCase)
		slices.SortStableFunc(items, func(a, b item) int { return col.CompareString(sourceOf(a.a), sourceOf(b.a)) })
	case byDate:
		slices.SortStableFunc(items, func(a, b item) int { return b.a.Date.Compare(a.a.Date) })
	}
	if m.reverse {
		slices.Reverse(items)
	}
	li := make([]list.Item, len(items))
	for i := range items {
		li[i] = items[i]
	}
	selected := m.selectedID()
	cmd := m.list.SetItems(li)
	m.keepSelection(selected)
	return m.numberFilter(cmd)
}

// selectedID is the ID of the article under the cursor, or "".
func (m List) selectedID() string {
	if it, ok := m.list.SelectedItem().(item); ok {
		return it.a.ID
	}
	return ""
}

// keepSelection puts the cursor back on the article with the given ID
// when it is still shown, and otherwise keeps the cursor on a shown item.
// bubbles' list keeps the cursor's index when its items change (new
// items, a filter's matches arriving) even when that index is past the
// end, and then draws from a slice past its end.
func (m *List) keepSelection(id string) {
	visible := m.list.VisibleItems()
	if id != "" {
		for i, it := range visible {
			if it.(item).a.ID == id {
				m.list.Select(i)
				return
			}
		}
	}
	if n := len(visible); m.list.Index() >= n {
		m.list.Select(max(n-1, 0))
	}
}

// SetSize fits the list to the screen.
func (m *List) SetSize(w, h int) tea.Cmd {
	m.list.SetSize(w, h)
	return nil
}

// Filtering reports whether the filter prompt is taking keys.
func (m List) Filtering() bool { return m.list.SettingFilter() }

// SetSource lists only the articles of one feed or source (see
// sourceOf), or all of them.
func (m *List) SetSource(name string, all bool) tea.Cmd {
	m.source, m.sourceOnly = name, !all
	m.updateTitle()
	return m.applySort()
}

// Update handles the list's keys.
func (m List) Update(msg tea.Msg) (List, tea.Cmd) {
	if r, ok := msg.(filterResultMsg); ok {
		if r.seq < m.filterShown {
			return m, nil // older than the matches shown
		}
		m.filterShown = r.seq
		msg = r.matches
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		if m.loading || m.list.SettingFilter() {
			return m, nil
		}
		return m.mouse(mm)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.SettingFilter() && !m.loading {
		switch {
		case key.Matches(k, m.keys.Open):
			if it, ok := m.list.SelectedItem().(item); ok {
				return m, m.c.move(OpenArticleMsg{Article: it.a, Section: -1})
			}
			return m, nil
		case key.Matches(k, m.keys.Sort):
			// The next order that can order this library.
			for range sortNames {
				m.sort = (m.sort + 1) % sortOrder(len(sortNames))
				if m.sort.applies(m.lib) {
					break
				}
			}
			m.updateTitle()
			return m, m.applySort()
		case key.Matches(k, m.keys.Reverse):
			m.reverse = !m.reverse
			m.updateTitle()
			return m, m.applySort()
		case key.Matches(k, m.keys.Errors):
			return m, m.c.move(ShowErrorsMsg{})
		case key.Matches(k, m.keys.ToggleRead):
			if it, ok := m.list.SelectedItem().(item); ok {
				return m, m.c.Keeper.setRead(it.a, !m.c.Keeper.IsRead(it.a))
			}
			return m, nil
		case key.Matches(k, m.keys.Bookmark):
			if it, ok := m.list.SelectedItem().(item); ok {
				return m, m.c.Keeper.toggleBookmark(it.a)
			}
			return m, nil
		case key.Matches(k, m.keys.NextUnread):
			return m, m.nextUnread()
		case key.Matches(k, m.keys.BookmarksOnly):
			m.bookmarksOnly = !m.bookmarksOnly
			m.updateTitle()
			return m, m.applySort()
		case key.Matches(k, m.keys.SearchAll):
			return m, m.c.move(ShowSearchMsg{})
		case key.Matches(k, m.keys.Sources):
			return m, m.c.move(ShowSourcesMsg{})
		case key.Matches(k, m.keys.Refresh):
			return m, func() tea.Msg { return refreshMsg{} }
		case key.Matches(k, m.keys.Mouse):
			m.mouseOff = !m.mouseOff
			if m.mouseOff {
				m.keys.Mouse.SetHelp("M", "mouse on: clicks select")
				return m, m.list.NewStatusMessage("Mouse off: drag to select text; M turns it back on.")
			}
			m.keys.Mouse.SetHelp("M", "mouse off: drag selects text")
			return m, m.list.NewStatusMessage("Mouse on: click selects, double-click opens, the wheel scrolls.")
		case key.Matches(k, m.keys.Quit) && m.list.FilterState() == list.Unfiltered:
			return m, tea.Quit
		}
	}
	if m.list.SettingFilter() {
		m.detachFilterText()
	}
	selected := m.selectedID()
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	cmd = m.numberFilter(cmd)
	if _, ok := msg.(list.FilterMatchesMsg); ok {
		if m.list.SettingFilter() {
			// While the filter is typed, the cursor stays at the top
			// of the matches.
			selected = ""
		}
		m.keepSelection(selected)
	}
	return m, cmd
}

// detachFilterText gives the filter box a fresh copy of its text. bubbles'
// list filters in a command that reads the box's text on another goroutine,
// while the next keystroke edits that text in place: a data race (bubbles
// v2.2.1). With a copy, the keystroke edits memory no command holds.
func (m *List) detachFilterText() {
	in := &m.list.FilterInput
	pos := in.Position()
	in.SetValue(in.Value())
	in.SetCursor(pos)
}

// nextUnread moves the cursor to the next unread article after it,
// wrapping around.
func (m *List) nextUnread() tea.Cmd {
	items := m.list.VisibleItems()
	n := len(items)
	for step := 1; step <= n; step++ {
		i := (m.list.Index() + step) % n
		if !m.c.Keeper.IsRead(items[i].(item).a) {
			m.list.Select(i)
			return nil
		}
	}
	return m.list.NewStatusMessage("Everything here has been read.")
}

// Neighbour returns the article delta places from the one with id among
// the articles the list shows (filtered and sorted as on screen), or nil
// at either end.
func (m *List) Neighbour(id string, delta int) *model.Article {
	items := m.list.VisibleItems()
	for i, it := range items {
		if it.(item).a.ID == id {
			if j := i + delta; j >= 0 && j < len(items) {
				return items[j].(item).a
			}
			return nil
		}
	}
	return nil
}

// View draws the list.
func (m List) View() string {
	if m.loading {
		return "\n  " + m.c.Styles.Dim.Render("Loading articles…")
	}
	if len(m.lib.Articles) == 0 {
		msg := "No articles to show."
		if len(m.lib.Errors) > 0 {
			msg += fmt.Sprintf(" %d files failed to load: press e to see why.", len(m.lib.Errors))
		}
		return "\n  " + m.list.Title + "\n\n  " + msg
	}
	m.fitFooter()
	return m.list.View()
}

// fitFooter leaves keys out of the footer, the least needed first, until it
// fits beside "? more", which must stay; the ? help has them all. It works
// on the copy of the list that View draws, so only the footer changes.
func (m *List) fitFooter() {
	k, km := m.keys, &m.list.KeyMap
	extra := []key.Binding{k.Open, k.Sort, k.Sources, k.SearchAll}
	m.list.AdditionalShortHelpKeys = func() []key.Binding { return extra }
	without := func(b key.Binding) func() {
		return func() {
			extra = slices.DeleteFunc(extra, func(e key.Binding) bool { return e.Help() == b.Help() })
		}
	}
	drops := []func(){without(k.Sources), without(k.Sort), without(k.SearchAll), without(k.Open),
		func() { km.CursorUp.SetEnabled(false); km.CursorDown.SetEnabled(false) },
		func() { km.Filter.SetEnabled(false) },
	}
	h := m.list.Help
	h.SetWidth(0)
	room := m.list.Width() - m.list.Styles.HelpStyle.GetHorizontalFrameSize()
	for _, drop := range drops {
		if lipgloss.Width(h.ShortHelpView(m.list.ShortHelp())) <= room {
			return
		}
		drop()
	}
}

// Select moves the cursor to the article with the given ID when the list
// shows it. Indexes are into the shown items, which a filter narrows.
func (m *List) Select(id string) { m.keepSelection(id) }
