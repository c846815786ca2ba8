// Package ui holds bao's Bubble Tea models: the root router, the article
// list, the reader with its table of contents and search, keys and styles.
// It keeps no package-level mutable state, so one process can serve many
// sessions.
package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"bao/model"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Options configures a session.
type Options struct {
	// Load returns the library; it runs in a command, off the UI loop.
	Load func() *model.Library
	// Stream, when set instead of Load, sends the library in batches so
	// the list shows the first articles of a large library at once.
	Stream func() <-chan model.Progress
	// Summaries keeps only summaries of streamed articles in memory (see
	// model.Article.Summarize). Reload reads a summarised or partial
	// article whole again to show it; it must be set whenever the library
	// can hold either, whether summarised here or by the loader (bao serve
	// loads summaries itself and sets only Reload).
	Summaries bool
	Reload    func(*model.Article) (*model.Article, error)
	// Style is a Glamour style name or JSON file; empty picks dark or light
	// from the terminal's background.
	Style string
	// ReadWidth is the widest the text is set; 0 means 80.
	ReadWidth int
	// Cache is shared by every session of the process; nil makes one.
	Cache *RenderCache
	// OpenSingle opens the article straight away when the library holds
	// exactly one.
	OpenSingle bool
	// User keeps the reader's marks and positions; nil keeps them for the
	// session only.
	User UserState
	// Index searches the whole library; nil disables library search.
	Index SearchIndex
	// IndexOnLoad brings Index up to date with each library loaded.
	IndexOnLoad bool
	// Loaded, when set, runs in a command once a library has finished
	// loading and, with IndexOnLoad, indexing.
	Loaded func(*model.Library)
	// Warning is shown once at start, e.g. that the state store could not
	// be opened.
	Warning string
	// Suspend lets ctrl+z hand the terminal back to the shell. Only a
	// local reader has a shell to go back to; over SSH it stays off.
	Suspend bool
	// NoHyperlinks turns off OSC 8 hyperlinks, for terminals that show
	// them wrongly.
	NoHyperlinks bool
	// OpenURL opens a link for the reader (see Common.OpenURL); nil over
	// SSH.
	OpenURL func(url string) error
	// Context ends with the session (over SSH, when the visitor leaves):
	// work still running for it stops. Nil means never.
	Context context.Context
	// Changes, when set, reports the library's files as they change: new
	// and written articles join the list, removed ones leave it.
	Changes func() <-chan model.Change
	// Refresh, when set, fetches the feeds (r in the list) in a command and
	// says what it found; new articles then arrive through Changes. Over
	// SSH it stays nil: a visitor never makes the server fetch.
	Refresh func() (string, error)
}

// screen names a screen the root can put in front.
type screen int

const (
	listScreen screen = iota
	readerScreen
	errorsScreen
	searchScreen
	sourcesScreen
)

// String is the screen's name, as Model.Screen gives it.
func (s screen) String() string {
	return [...]string{"list", "reader", "errors", "search", "sources"}[s]
}

// Model is the root: it routes messages to the screen in front.
type Model struct {
	c    *Common
	opts Options
	keys GlobalKeys
	// width and height are the terminal's; every screen is given them.
	width, height int
	screen        screen
	list          List
	reader        Reader
	errs          ErrorsView
	search        LibrarySearch
	sources       SourcesView
	lib           *model.Library
	byID          map[string]*model.Article
	styleFixed    bool
	// warned is set once a store failure has been shown.
	warned bool
	stream *streamState
	// backTo is the screen the reader was opened from.
	backTo screen
	// refreshing is set while the feeds are being fetched.
	refreshing bool
	// opening is set while a single article given to read is loading:
	// the list is not shown on the way to it.
	opening bool
}

// New returns the root model. It fails only for a style that cannot be
// loaded.
func New(opts Options) (Model, error) {
	name := opts.Style
	if name == "" {
		name = "dark"
	}
	st, err := NewStyles(name)
	if err != nil {
		return Model{}, err
	}
	st.noHyperlinks(opts.NoHyperlinks)
	if opts.ReadWidth <= 0 {
		opts.ReadWidth = 80
	}
	if opts.Cache == nil {
		opts.Cache = NewRenderCache(64)
	}
	c := &Common{Styles: &st, ReadWidth: opts.ReadWidth, Cache: opts.Cache, Keeper: newKeeper(opts.User), Index: opts.Index, Ctx: opts.Context, OpenURL: opts.OpenURL}
	m := Model{c: c, opts: opts, width: 80, height: 24, keys: DefaultGlobalKeys(), list: NewList(c), reader: NewReader(c), search: NewLibrarySearch(c), styleFixed: opts.Style != "", stream: &streamState{}, opening: opts.OpenSingle}
	if name == "light" {
		m.list.Restyle(false)
	}
	m.list.keys.Refresh.SetEnabled(opts.Refresh != nil)
	for _, s := range m.screens() {
		s.SetSize(m.width, m.height)
	}
	return m, nil
}

// Init loads the library and asks the terminal for its background colour.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.c.Keeper.load()}
	if m.opts.Stream != nil {
		cmds = append(cmds, waitProgress(m.opts.Stream()))
	} else {
		load := m.opts.Load
		cmds = append(cmds, func() tea.Msg { return LibraryLoadedMsg{load()} })
	}
	if m.opts.Changes != nil {
		cmds = append(cmds, waitChange(m.opts.Changes()))
	}
	if m.opts.Warning != "" {
		warning := m.opts.Warning
		cmds = append(cmds, func() tea.Msg { return stateErrMsg{errors.New(warning)} })
	}
	if !m.styleFixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update routes a message: global keys first, then sizes, then the screen
// in front; then it makes the changes of screen that asked for (see
// Common.move).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	for len(m.c.moves) > 0 {
		move := m.c.moves[0]
		m.c.moves = m.c.moves[1:]
		var more tea.Cmd
		next, more = next.(Model).update(move)
		cmd = tea.Batch(cmd, more)
	}
	return next, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Quit) {
			return m, m.quit()
		}
		if key.Matches(msg, m.keys.Suspend) && m.opts.Suspend {
			// Back to the shell, as in less; fg resumes the reader.
			return m, tea.Suspend
		}
	case tea.WindowSizeMsg:
		return m.handleResize(msg)
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg)
	case LibraryLoadedMsg:
		return m.handleLibrary(msg.Library)
	case progressMsg:
		return m.handleProgress(msg)
	case OpenArticleMsg:
		if msg.Article.Summary && m.opts.Reload != nil {
			return m, m.reload(msg)
		}
		if msg.Article.Partial && m.opts.Reload != nil {
			// The head shows now; the whole replaces it when read.
			next, cmd := m.open(msg)
			return next, tea.Batch(cmd, m.readWhole(msg.Article))
		}
		return m.open(msg)
	case wholeMsg:
		return m.handleWhole(msg)
	case changeMsg:
		return m.handleChange(msg)
	case refreshMsg:
		return m.refresh()
	case refreshedMsg:
		m.refreshing = false
		text := msg.summary
		if msg.err != nil {
			text = m.c.Styles.Error.Render("Fetching feeds: " + safeText(msg.err.Error()))
		}
		return m, m.list.list.NewStatusMessage(safeText(text))
	case reloadedMsg:
		if msg.err != nil {
			return m, m.list.list.NewStatusMessage(m.c.Styles.Error.Render("Cannot open “" + safeText(msg.open.Article.Title) + "”: " + safeText(msg.err.Error())))
		}
		return m.open(msg.open)
	case BackMsg:
		var cmd tea.Cmd
		if m.screen == readerScreen {
			cmd = m.reader.savePosition(true)
		}
		from := m.screen
		m.screen = listScreen
		if a := m.reader.Article(); a != nil {
			m.list.Select(a.ID)
		}
		if from == readerScreen && m.backTo == searchScreen {
			// Back to the results the article was opened from.
			m.screen, m.backTo = searchScreen, listScreen
			return m, tea.Batch(cmd, m.search.Focus())
		}
		return m, cmd
	case StepArticleMsg:
		return m.step(msg)
	case ShowSearchMsg:
		m.screen = searchScreen
		return m, m.search.Focus()
	case marksMsg:
		for id := range msg.marks.Read {
			m.c.Keeper.marks.Read[id] = true
		}
		for id := range msg.marks.Bookmarked {
			m.c.Keeper.marks.Bookmarked[id] = true
		}
		return m, nil
	case positionMsg:
		if msg.article == m.reader.Article() {
			m.reader = m.reader.RestoreTo(msg.pos)
		}
		return m, nil
	case stateErrMsg:
		return m.warn(msg.err)
	case stateOKMsg:
		if !m.warned {
			return m, nil
		}
		// Told that saving stopped, the reader is told it goes on; a
		// later failure is told again.
		m.warned = false
		const again = "Saving reading state again."
		m.reader.status = again
		return m, m.list.list.NewStatusMessage(again)
	case indexedMsg:
		m.search.indexed = true
		if msg.err != nil {
			return m.warn(msg.err)
		}
		return m, m.loaded()
	case ShowSourcesMsg:
		if m.lib == nil {
			return m, nil
		}
		m.screen, m.sources = sourcesScreen, NewSourcesView(m.c, m.lib, m.list.source, m.list.sourceOnly)
		return m, m.sources.SetSize(m.width, m.height)
	case SourceChosenMsg:
		m.screen = listScreen
		return m, m.list.SetSource(msg.Name, msg.All)
	case ShowErrorsMsg:
		m.screen, m.errs = errorsScreen, NewErrorsView(m.c, m.lib)
		return m, m.errs.SetSize(m.width, m.height)
	case renderedMsg, searchDoneMsg:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return m, cmd
	case list.FilterMatchesMsg, filterResultMsg:
		// The list refilters when a library batch arrives, also while
		// another screen is in front.
		var cmd tea.Cmd
		m.list, cmd = m.list.Update(msg)
		return m, cmd
	}
	cmd := m.front().handle(msg)
	return m, cmd
}

// front is the screen in front.
func (m *Model) front() Component {
	switch m.screen {
	case readerScreen:
		return &m.reader
	case errorsScreen:
		return &m.errs
	case searchScreen:
		return &m.search
	case sourcesScreen:
		return &m.sources
	}
	return &m.list
}

// screens are all the screens, in front or not.
func (m *Model) screens() []Component {
	return []Component{&m.list, &m.reader, &m.errs, &m.search, &m.sources}
}

// handleResize gives every screen the new size, so the one brought to the
// front next is already laid out for it.
func (m Model) handleResize(msg tea.WindowSizeMsg) (tea.Model, tea.Cmd) {
	if msg.Width == m.width && msg.Height == m.height && m.lib != nil {
		return m, nil
	}
	m.width, m.height = max(msg.Width, 1), max(msg.Height, 1)
	var cmds []tea.Cmd
	for _, s := range m.screens() {
		cmds = append(cmds, s.SetSize(m.width, m.height))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) handleBackground(msg tea.BackgroundColorMsg) (tea.Model, tea.Cmd) {
	if m.styleFixed {
		return m, nil
	}
	name := "light"
	if msg.IsDark() {
		name = "dark"
	}
	if m.c.Styles.Name == name || strings.TrimSuffix(m.c.Styles.Name, noLinksSuffix) == name {
		return m, nil
	}
	// A new value, not an update in place: render commands still running
	// hold the old styles.
	st, _ := NewStyles(name)
	st.noHyperlinks(m.opts.NoHyperlinks)
	m.c.Styles = &st
	m.list.Restyle(msg.IsDark())
	var cmd tea.Cmd
	m.reader, cmd = m.reader.Restyle()
	return m, cmd
}

func (m Model) handleLibrary(lib *model.Library) (tea.Model, tea.Cmd) {
	m.lib = lib
	m.byID = make(map[string]*model.Article, len(lib.Articles))
	for _, a := range lib.Articles {
		m.byID[a.ID] = a
	}
	m.search.byID, m.search.reload = m.byID, m.opts.Reload
	var cmd tea.Cmd
	m.list, cmd = m.list.SetLibrary(lib)
	m.list.SetSize(m.width, m.height)
	if idx := m.opts.Index; idx != nil && m.opts.IndexOnLoad {
		cmd = tea.Batch(cmd, m.syncIndex(lib))
	} else {
		m.search.indexed = idx != nil
		cmd = tea.Batch(cmd, m.loaded())
	}
	if m.opening && len(lib.Articles) == 1 {
		// Straight to the reader, in this update: no frame of the list.
		m.opening = false
		next, open := m.Update(OpenArticleMsg{Article: lib.Articles[0], Section: -1})
		return next, tea.Batch(cmd, open)
	}
	m.opening = false
	return m, cmd
}

// syncIndex brings the search index up to date with lib in a command.
func (m Model) syncIndex(lib *model.Library) tea.Cmd {
	idx, reload := m.opts.Index, m.opts.Reload
	return func() tea.Msg {
		added, removed, err := idx.Sync(lib, reload)
		return indexedMsg{added, removed, err}
	}
}

// wholeMsg carries the whole of a partial article.
type wholeMsg struct {
	head, whole *model.Article
	err         error
}

// readWhole reads the whole of a partial article in a command.
func (m Model) readWhole(head *model.Article) tea.Cmd {
	reload := m.opts.Reload
	return func() tea.Msg {
		full, err := reload(head)
		return wholeMsg{head, full, err}
	}
}

// handleWhole puts the whole article in the library's place of its head,
// and in the reader if it shows the head.
func (m Model) handleWhole(msg wholeMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.reader.status = "Cannot read the rest of “" + safeText(msg.head.Title) + "”: " + safeText(msg.err.Error())
		return m, nil
	}
	if m.lib != nil {
		// A new library, not a change in place: the index may still be
		// reading the old one in a command.
		lib := *m.lib
		lib.Articles = slices.Clone(lib.Articles)
		for i, a := range lib.Articles {
			if a == msg.head {
				lib.Articles[i] = msg.whole
			}
		}
		m.lib = &lib
		m.byID[msg.whole.ID] = msg.whole
	}
	var cmds []tea.Cmd
	var cmd tea.Cmd
	if m.lib != nil {
		m.list, cmd = m.list.SetLibrary(m.lib)
		m.list.SetSize(m.width, m.height)
		cmds = append(cmds, cmd)
	}
	m.reader, cmd = m.reader.Replace(msg.whole)
	return m, tea.Batch(append(cmds, cmd)...)
}

// reloadedMsg carries an article read whole again, to be opened.
type reloadedMsg struct {
	open OpenArticleMsg
	err  error
}

// reload reads a summarised article whole in a command.
func (m Model) reload(msg OpenArticleMsg) tea.Cmd {
	reload := m.opts.Reload
	return func() tea.Msg {
		full, err := reload(msg.Article)
		if err == nil {
			msg.Article = full
		}
		return reloadedMsg{msg, err}
	}
}

// loaded runs Options.Loaded for the current library.
func (m Model) loaded() tea.Cmd {
	f, lib := m.opts.Loaded, m.lib
	if f == nil {
		return nil
	}
	return func() tea.Msg { f(lib); return nil }
}

// step leaves the article being read for its neighbour in the list, as
// the list shows it, saving where the reader was.
func (m Model) step(msg StepArticleMsg) (tea.Model, tea.Cmd) {
	cur := m.reader.Article()
	if cur == nil || m.screen != readerScreen {
		return m, nil
	}
	next := m.list.Neighbour(cur.ID, msg.Delta)
	if next == nil {
		m.reader.status = "This is the last article in the list."
		if msg.Delta < 0 {
			m.reader.status = "This is the first article in the list."
		}
		return m, nil
	}
	save := m.reader.savePosition(true)
	m.list.Select(next.ID)
	nm, cmd := m.Update(OpenArticleMsg{Article: next, Section: -1})
	return nm, tea.Batch(save, cmd)
}

// open reads an article: marks it read and, unless a section was asked
// for, goes back to where the reader stopped.
func (m Model) open(msg OpenArticleMsg) (tea.Model, tea.Cmd) {
	if m.screen != readerScreen {
		// q in the reader goes back here: the list, or the search results.
		m.backTo = m.screen
	}
	m.screen = readerScreen
	var cmd tea.Cmd
	m.reader, cmd = m.reader.Open(msg.Article, msg.Section, msg.Query)
	cmds := []tea.Cmd{cmd, m.c.Keeper.setRead(msg.Article, true)}
	if msg.Section < 0 {
		cmds = append(cmds, m.c.Keeper.position(msg.Article))
	}
	return m, tea.Batch(cmds...)
}

// quit saves the reading position, then quits.
func (m Model) quit() tea.Cmd {
	if m.screen == readerScreen {
		if save := m.reader.savePosition(true); save != nil {
			return tea.Sequence(save, tea.Quit)
		}
	}
	return tea.Quit
}

// warn shows a store failure once, until writes work again; bao goes on
// reading, and keeps trying to save.
func (m Model) warn(err error) (tea.Model, tea.Cmd) {
	if m.warned {
		return m, nil
	}
	m.warned = true
	msg := "Not saving reading state: " + safeText(err.Error())
	m.reader.status = msg
	return m, m.list.list.NewStatusMessage(m.c.Styles.Error.Render(msg))
}

// View draws the screen in front, in the alternate screen, with the window
// titled after the article being read. The mouse is taken from the
// terminal only where it does something: in the list (clicks, the wheel),
// and in the reader when M asked for the wheel. Elsewhere drag selects
// text as in any terminal program.
func (m Model) View() tea.View {
	body := m.front().View()
	if m.opening {
		body = ""
	}
	v := tea.NewView(clip(body, m.width, m.height))
	v.AltScreen = true
	if m.screen == listScreen && m.list.Mouse() || m.screen == readerScreen && m.reader.Mouse() {
		v.MouseMode = tea.MouseModeCellMotion
	}
	if a := m.reader.Article(); m.screen == readerScreen && a != nil {
		// The title goes into an OSC sequence: a control in it would end
		// the sequence and reach the terminal as commands.
		v.WindowTitle = "bao: " + safeText(a.Title)
	} else {
		v.WindowTitle = "bao"
	}
	return v
}

// Reader returns the reader, for tests and the server.
func (m Model) Reader() Reader { return m.reader }

// Screen names the screen in front: "list", "reader", "errors",
// "search" or "sources".
func (m Model) Screen() string { return m.screen.String() }

// clip cuts s to at most h lines of at most w cells, so that no screen can
// spill out of a small window.
func clip(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// safeText keeps file names and error texts from acting on the terminal.
func safeText(s string) string { return model.SafeText(s) }
