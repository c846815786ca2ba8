package ui

import (
	"strconv"

	"bao/model"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Reader shows one article: a header with its title and current section, the
// rendered text, and a footer with the section position and how much has
// been read.
type Reader struct {
	c *Common
	// mouse takes the mouse from the terminal so that the wheel scrolls;
	// while it is off, drag selects text.
	mouse bool
	// removed lists the lines recovery removed, after the article, in
	// removedStyles: the session's styles with ShowRemoved set.
	removed       bool
	removedStyles *Styles
	width, height int
	keys          ReaderKeys
	help          help.Model
	article       *model.Article
	doc           *Document
	// offset is the first line shown.
	offset int
	// anchor is the block at the top of the screen, kept across re-renders
	// so that a resize keeps the reader at the same place.
	anchor int
	// status is a one-off message shown in the footer until the next key.
	status    string
	toc       TOC
	tocOpen   bool
	links     LinkList
	linksOpen bool
	search    Search
	showHelp  bool
	// restore is a position to go to once the whole document is laid out;
	// resuming is set when it is where the reader stopped last time.
	restore  *model.Position
	resuming bool
	// saved is the last position saved, so a scroll within a block does
	// not write to the store.
	saved model.Position
	// reach is how far down a jump went past the usual last screen (a
	// heading near the end put at the top): scrolling may go back there.
	reach int
	// pending is a key that needs the whole document (a section jump, the
	// contents, the end) pressed before the document was all rendered,
	// or before any of it was; it is replayed when the rest arrives.
	pending *tea.KeyPressMsg
}

// NewReader returns an empty reader.
func NewReader(c *Common) Reader {
	return Reader{c: c, width: 80, height: 24, keys: DefaultReaderKeys(), help: help.New(), toc: NewTOC(c), search: NewSearch(c), anchor: -1}
}

// styles are the styles the article is rendered in: the session's, and
// the removed lines listed when D asked for them.
func (r Reader) styles() *Styles {
	if !r.removed {
		return r.c.Styles
	}
	if r.removedStyles == nil || r.removedStyles.Name != r.c.Styles.Name+removedSuffix {
		return r.c.Styles.withRemoved()
	}
	return r.removedStyles
}

// Mouse reports whether the reader wants mouse events (the wheel).
func (r Reader) Mouse() bool { return r.mouse }

// Article returns the article being read, or nil.
func (r Reader) Article() *model.Article { return r.article }

// Open starts reading a: it shows the cached document at once if there is
// one, or renders the first screen and then the whole article in commands.
// With section >= 0 it opens there; with a query it highlights its matches.
func (r Reader) Open(a *model.Article, section int, query string) (Reader, tea.Cmd) {
	r.search.Stop()
	r.article, r.doc, r.offset, r.anchor, r.pending, r.restore, r.resuming = a, nil, 0, -1, nil, nil, false
	r.status, r.tocOpen, r.showHelp, r.linksOpen = "", false, false, false
	r.saved = model.Position{Block: -1}
	r.search = NewSearch(r.c)
	r.search.query, r.search.jump = query, query != ""
	if section >= 0 && section < len(a.Sections) {
		r.restore = &model.Position{Section: section, Block: a.Sections[section].Block}
	}
	return r, r.render()
}

// RestoreTo goes to a saved position once the article is laid out, unless
// the reader has already moved.
func (r Reader) RestoreTo(p model.Position) Reader {
	if r.offset != 0 || r.restore != nil {
		return r
	}
	r.restore, r.resuming = &p, true
	if r.whole() {
		r.applyRestore()
	}
	return r
}

// whole reports whether the whole article is laid out: not only a first
// screen, nor only the head of a large file.
func (r Reader) whole() bool {
	return r.doc != nil && r.doc.Complete && r.article != nil && !r.article.Partial
}

// Replace shows full, the whole of the partial article being read, at the
// same place.
func (r Reader) Replace(full *model.Article) (Reader, tea.Cmd) {
	if r.article == nil || r.article.ID != full.ID || !r.article.Partial {
		return r, nil
	}
	r.remember()
	r.article = full
	return r, r.render()
}

func (r *Reader) applyRestore() {
	p := *r.restore
	resuming := r.resuming
	r.restore, r.resuming = nil, false
	r.offset = r.doc.LineOf(p)
	r.anchor = r.doc.BlockAtLine(r.offset)
	r.clamp(false)
	if resuming && p.Block >= len(r.doc.Blocks) && len(r.doc.Blocks) > 0 {
		// Left at the end: reading again starts from the top.
		r.offset, r.anchor = 0, -1
		r.status = "You read this to the end before: back at the top."
	}
	r.saved = r.doc.PositionAt(r.offset)
	r.jumpToFirstMatch()
}

// jumpToFirstMatch goes to the first match from the top of the screen,
// once, when a new search asked for it and its matches have arrived.
func (r *Reader) jumpToFirstMatch() {
	s := &r.search
	if !s.jump || s.cancel != nil || r.restore != nil {
		return
	}
	s.jump = false
	if len(s.starts) > 0 {
		r.jumpToMatch(r.firstMatchFrom(r.offset))
		return
	}
	if s.query != "" {
		r.status = "No match for “" + s.query + "”."
	}
	s.query = ""
}

// Position is the reading position at the top of the screen. At the end
// of the article it is one block past the last: the article was read to
// the end, and opening it again starts from the top.
func (r Reader) Position() (model.Position, bool) {
	if r.doc == nil || r.article == nil {
		return model.Position{}, false
	}
	p := r.doc.PositionAt(r.offset)
	if r.whole() && r.offset > 0 && r.offset >= r.maxOffset() {
		p.Block, p.Offset = len(r.doc.Blocks), 0
	}
	return p, true
}

// savePosition saves the position when its block changed since the last
// save, or always when force is set.
func (r *Reader) savePosition(force bool) tea.Cmd {
	p, ok := r.Position()
	if !ok || r.c.Keeper == nil || r.restore != nil || !force && p.Block == r.saved.Block {
		return nil
	}
	r.saved = p
	return r.c.Keeper.savePosition(r.article, p)
}

// render asks for the document at the current width and style.
func (r *Reader) render() tea.Cmd {
	// Commands run on other goroutines: they get values, not the session's
	// Common, which Update keeps changing.
	a, width, st, cache, first := r.article, r.textWidth(), r.styles(), r.c.Cache, r.height*2+8
	if a == nil {
		return nil
	}
	if doc := cache.Peek(a, width, st); doc != nil {
		return r.setDoc(doc)
	}
	full := func() tea.Msg { return renderedMsg{a, width, st.Name, cache.Get(a, width, st)} }
	firstScreen := func() tea.Msg { return renderedMsg{a, width, st.Name, Render(a, width, st, first)} }
	return tea.Batch(firstScreen, full)
}

// setDoc shows doc, keeping the anchored block at the top; the command
// finds the search's matches in it.
func (r *Reader) setDoc(doc *Document) tea.Cmd {
	if r.doc != nil && r.doc.Complete && !doc.Complete && r.doc.Width == doc.Width {
		return nil
	}
	r.doc = doc
	if r.anchor >= 0 && r.anchor < len(doc.Blocks) {
		r.offset = doc.Blocks[r.anchor]
	} else if r.anchor >= len(doc.Blocks) && !doc.Complete {
		r.offset = len(doc.Lines)
	}
	cmd := r.search.Reindex(doc)
	r.clamp(false)
	if r.restore != nil && r.whole() {
		r.applyRestore()
	}
	return cmd
}

// SetSize re-renders for a new size, keeping the same block at the top.
func (r *Reader) SetSize(width, height int) tea.Cmd {
	r.width, r.height = width, height
	if r.doc == nil || r.doc.Width == r.textWidth() {
		r.clamp(false)
		return nil
	}
	r.remember()
	return r.render()
}

// textWidth is the width the article is set at for the reader's size.
func (r Reader) textWidth() int {
	return max(min(r.c.ReadWidth, r.width-2), min(20, r.width), 8)
}

// Restyle re-renders after the styles changed.
func (r Reader) Restyle() (Reader, tea.Cmd) {
	if r.article == nil {
		return r, nil
	}
	r.remember()
	r.doc = nil
	r.removedStyles = r.c.Styles.withRemoved()
	return r, r.render()
}

// remember records the block at the top of the screen.
func (r *Reader) remember() {
	if r.doc != nil {
		r.anchor = r.doc.BlockAtLine(r.offset)
	}
}

// bodyHeight is the number of article lines on screen.
func (r Reader) bodyHeight() int { return max(r.height-2, 1) }

func (r Reader) maxOffset() int {
	if r.doc == nil {
		return 0
	}
	return max(len(r.doc.Lines)-r.bodyHeight(), 0)
}

// clamp keeps the offset in the document. Jumps may leave a heading near the
// end at the top with blank space below; scrolling never goes further.
func (r *Reader) clamp(scrolled bool) {
	limit := r.maxOffset()
	if !scrolled && r.doc != nil && r.offset < len(r.doc.Lines) {
		limit = max(limit, r.offset)
	}
	r.offset = max(min(r.offset, limit), 0)
}

// scroll moves by n lines.
func (r *Reader) scroll(n int) {
	before := r.offset
	r.offset += n
	if n > 0 {
		r.offset = min(r.offset, max(r.maxOffset(), before, r.reach))
	}
	r.offset = max(r.offset, 0)
	r.anchor = -1
}

// Update handles keys, mouse and render results, and saves the position
// when the reader has moved to another block.
func (r Reader) Update(msg tea.Msg) (Reader, tea.Cmd) {
	r, cmd := r.update(msg)
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseWheelMsg:
		return r, tea.Batch(cmd, r.savePosition(false))
	}
	return r, cmd
}

func (r Reader) update(msg tea.Msg) (Reader, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.article == r.article && msg.width == r.textWidth() && msg.style == r.styles().Name {
			cmd := r.setDoc(msg.doc)
			if k := r.pending; k != nil && r.whole() {
				r.pending = nil
				var next tea.Cmd
				r, next = r.handleKey(*k)
				return r, tea.Batch(cmd, next)
			}
			return r, cmd
		}
		return r, nil
	case searchDoneMsg:
		if r.search.done(msg) {
			if r.status == "searching…" {
				r.status = ""
			}
			r.jumpToFirstMatch()
		}
		return r, nil
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			r.scroll(3)
		case tea.MouseWheelUp:
			r.scroll(-3)
		}
		return r, nil
	case tea.KeyPressMsg:
		return r.handleKey(msg)
	}
	return r, nil
}

func (r Reader) handleKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	r.status = ""
	switch {
	case r.search.Typing():
		return r.handleSearchKey(msg)
	case r.tocOpen:
		return r.handleTOCKey(msg)
	case r.linksOpen:
		var done bool
		var cmd tea.Cmd
		r.links, done, r.status, cmd = r.links.Update(msg, max(r.bodyHeight()-6, 1))
		r.linksOpen = !done
		return r, cmd
	case r.showHelp:
		r.showHelp = false
		return r, nil
	case r.doc == nil:
		if key.Matches(msg, r.keys.Back) {
			return r, r.c.move(BackMsg{})
		}
		if r.keys.needsWhole(msg) {
			// Typed ahead of the first screen ("Enter ]"): done when the
			// whole document is laid out, as below.
			r.pending = &msg
		}
		return r, nil
	}
	k := r.keys
	h := r.bodyHeight()
	if !r.whole() && k.needsWhole(msg) {
		r.pending = &msg
		r.status = "Laying out the article…"
		return r, nil
	}
	switch {
	case key.Matches(msg, k.Help):
		r.showHelp = true
	case key.Matches(msg, k.Down):
		r.scroll(1)
	case key.Matches(msg, k.Up):
		r.scroll(-1)
	case key.Matches(msg, k.PageDown):
		r.scroll(h)
	case key.Matches(msg, k.PageUp):
		r.scroll(-h)
	case key.Matches(msg, k.HalfDown):
		r.scroll(h / 2)
	case key.Matches(msg, k.HalfUp):
		r.scroll(-h / 2)
	case key.Matches(msg, k.Top):
		r.offset, r.anchor = 0, -1
	case key.Matches(msg, k.Bottom):
		r.offset, r.anchor = r.maxOffset(), -1
	case key.Matches(msg, k.NextSection):
		r.nextSection()
	case key.Matches(msg, k.PrevSection):
		r.prevSection()
	case key.Matches(msg, k.Section):
		n, _ := strconv.Atoi(msg.String())
		r.gotoSection(n - 1)
	case key.Matches(msg, k.TOC):
		r.openTOC()
	case key.Matches(msg, k.Links):
		if len(r.doc.Links) == 0 {
			r.status = "This article has no links."
			break
		}
		r.links, r.linksOpen = NewLinkList(r.c, r.doc.Links, r.c.OpenURL), true
	case key.Matches(msg, k.Search):
		return r, r.search.Start()
	case key.Matches(msg, k.NextMatch):
		r.moveMatch(1)
	case key.Matches(msg, k.PrevMatch):
		r.moveMatch(-1)
	case key.Matches(msg, k.ClearSearch) && r.search.Active():
		r.search.Clear()
	case key.Matches(msg, k.Removed):
		r.removed = !r.removed
		r.removedStyles = r.c.Styles.withRemoved()
		// The article stays on screen, taking keys, until the new layout
		// comes; it then opens at the same block.
		r.remember()
		n := len(r.article.Dropped)
		switch {
		case !r.removed:
			r.status = "Removed lines hidden."
		case n == 0:
			r.status = "bao removed nothing from this article."
		case n == 1 && removedInPlace(r.article):
			r.status = "The line bao removed is shown where it was, marked ✗."
		case n == 1:
			r.status = "The line bao removed is at the end (G)."
		case removedInPlace(r.article):
			r.status = "The " + plural(n, "line") + " bao removed are shown where they were, marked ✗."
		default:
			r.status = "The " + plural(n, "line") + " bao removed are at the end (G)."
		}
		return r, r.render()
	case key.Matches(msg, k.Mouse):
		r.mouse = !r.mouse
		if r.mouse {
			r.keys.Mouse.SetHelp("M", "select text")
			r.status = "Mouse on: the wheel scrolls. M gives the mouse back to select text."
		} else {
			r.keys.Mouse.SetHelp("M", "mouse wheel")
			r.status = "Mouse off: drag to select text."
		}
	case key.Matches(msg, k.Bookmark) && r.c.Keeper != nil:
		cmd := r.c.Keeper.toggleBookmark(r.article)
		r.status = "Bookmark removed."
		if r.c.Keeper.IsBookmarked(r.article) {
			r.status = "Bookmarked."
		}
		return r, cmd
	case key.Matches(msg, k.ToggleRead) && r.c.Keeper != nil:
		read := !r.c.Keeper.IsRead(r.article)
		r.status = "Marked unread."
		if read {
			r.status = "Marked read."
		}
		return r, r.c.Keeper.setRead(r.article, read)
	case key.Matches(msg, k.NextArticle):
		return r, r.c.move(StepArticleMsg{Delta: 1})
	case key.Matches(msg, k.PrevArticle):
		return r, r.c.move(StepArticleMsg{Delta: -1})
	case key.Matches(msg, k.Back):
		return r, r.c.move(BackMsg{})
	}
	return r, nil
}

// gotoLine puts line at the top of the screen.
func (r *Reader) gotoLine(line int) {
	r.offset = line
	r.anchor = r.doc.BlockAtLine(line)
	r.clamp(false)
	r.reach = r.offset
}

func (r *Reader) noSections() bool {
	if len(r.article.Sections) == 0 {
		r.status = "This article has no sections."
		return true
	}
	return false
}

// nextSection goes to the section after the current one. It counts from
// the section the footer shows, which at the end of a document is the
// last heading on screen, not the first heading below the top line.
func (r *Reader) nextSection() {
	if r.noSections() {
		return
	}
	next := r.CurrentSection() + 1
	if next >= len(r.doc.Sections) {
		r.status = "Already at the last section."
		return
	}
	r.gotoLine(r.doc.Sections[next])
}

// prevSection goes to the start of the current section when its heading
// is above the screen, and to the section before otherwise.
func (r *Reader) prevSection() {
	if r.noSections() {
		return
	}
	if r.offset == 0 {
		r.status = "Already at the start."
		return
	}
	cur := r.CurrentSection()
	if cur >= 0 && r.doc.Sections[cur] < r.offset {
		r.gotoLine(r.doc.Sections[cur])
		return
	}
	if cur <= 0 {
		r.gotoLine(0)
		return
	}
	r.gotoLine(r.doc.Sections[cur-1])
}

// gotoSection jumps to section n (0-based).
func (r *Reader) gotoSection(n int) {
	if r.noSections() {
		return
	}
	if n < 0 || n >= len(r.doc.Sections) {
		r.status = "There are only " + strconv.Itoa(len(r.doc.Sections)) + " sections."
		return
	}
	r.gotoLine(r.doc.Sections[n])
}

// CurrentSection returns the index of the section at the top of the screen,
// or -1 before the first heading.
func (r Reader) CurrentSection() int {
	if r.doc == nil {
		return -1
	}
	if r.doc.Complete && r.offset > 0 && r.offset == r.maxOffset() {
		// At the end, the last heading on screen is where the reader is.
		return r.doc.SectionAtLine(len(r.doc.Lines) - 1)
	}
	return r.doc.SectionAtLine(r.offset)
}

// Offset returns the first line on screen.
func (r Reader) Offset() int { return r.offset }

// Document returns the document shown, or nil while it is rendering.
func (r Reader) Document() *Document { return r.doc }
