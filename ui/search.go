package ui

import (
	"context"
	"sort"
	"strings"

	"bao/model"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Search finds text inside the article shown, ignoring case and diacritics,
// and remembers where the matches are.
type Search struct {
	c      *Common
	keys   SearchKeys
	input  textinput.Model
	typing bool
	query  string
	// pieces are the matches' parts on screen lines, in document order;
	// starts[i] is the first piece of match i. current indexes starts.
	pieces  []piece
	starts  []int
	current int
	doc     *Document
	// gen numbers the searches started; a result of an older one is
	// dropped. cancel stops the one running, if any.
	gen    int
	cancel context.CancelFunc
	// jump, when set, moves to the first match once the matches arrive
	// (a search just typed, or an article opened from library search).
	jump bool
}

// searchDoneMsg carries the matches of search gen in doc.
type searchDoneMsg struct {
	gen    int
	doc    *Document
	pieces []piece
	starts []int
}

// piece is the part of a match on one screen line: the line and the cell
// columns [start, end). A match wrapped over two lines has two pieces.
type piece struct{ line, start, end int }

// NewSearch returns an idle search.
func NewSearch(c *Common) Search {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search (no accents needed)"
	// Without a width the input shows one letter of its placeholder.
	in.SetWidth(40)
	return Search{c: c, keys: DefaultSearchKeys(), input: in, current: -1}
}

// Start shows the prompt.
func (s *Search) Start() tea.Cmd {
	s.typing = true
	s.input.SetValue("")
	return s.input.Focus()
}

// Typing reports whether the prompt is open.
func (s Search) Typing() bool { return s.typing }

// Active reports whether there is a search to clear.
func (s Search) Active() bool { return s.query != "" }

// Clear forgets the search, stopping one that runs.
func (s *Search) Clear() {
	s.Stop()
	s.query, s.pieces, s.starts, s.current, s.jump = "", nil, nil, -1, false
}

// Stop cancels the search that runs, if any; its result will be dropped.
func (s *Search) Stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.gen++
}

// Reindex finds the matches again in a new document, in a command.
func (s *Search) Reindex(doc *Document) tea.Cmd {
	s.doc = doc
	if s.query == "" {
		return nil
	}
	return s.run()
}

// run starts finding the query's matches in the document, off the UI loop:
// a long article with many matches never freezes the screen. The search
// stops when a newer one starts, when the search is cleared, and when the
// session's context ends.
func (s *Search) run() tea.Cmd {
	s.Stop()
	q := model.Fold(strings.TrimSpace(s.query))
	if q == "" || s.doc == nil {
		s.pieces, s.starts = nil, nil
		return nil
	}
	ctx, cancel := context.WithCancel(s.c.context())
	s.cancel = cancel
	gen, doc := s.gen, s.doc
	return func() tea.Msg {
		defer cancel()
		pieces, starts := findMatches(ctx, doc, q)
		if ctx.Err() != nil {
			return nil
		}
		return searchDoneMsg{gen, doc, pieces, starts}
	}
}

// done applies a finished search, and reports whether it was the latest.
func (s *Search) done(msg searchDoneMsg) bool {
	if msg.gen != s.gen || msg.doc != s.doc {
		return false
	}
	s.cancel = nil
	s.pieces, s.starts = msg.pieces, msg.starts
	// Matches are counted in the text, so after a resize match i is the
	// same occurrence and n goes on from it. A first-screen layout holds
	// fewer; the current match stays for the whole one.
	if s.current >= len(s.starts) && msg.doc.Complete {
		s.current = -1
	}
	return true
}

// findMatches lists the occurrences of q, folded, in doc: the pieces of
// every match in order, and where each match's pieces start. It looks in
// the texts the lines were wrapped from, so a phrase wrapped over two
// lines is one match, and the count is the same at every width. A line not
// wrapped from a text (code, a table row) is searched on its own. It gives
// up, returning what it has, once ctx ends.
func findMatches(ctx context.Context, doc *Document, q string) (pieces []piece, starts []int) {
	for l := 0; l < len(doc.Plain) && ctx.Err() == nil; {
		at := LineText{Text: -1}
		if l < len(doc.At) {
			at = doc.At[l]
		}
		if at.Text < 0 {
			if doc.Plain[l] != "" {
				pieces, starts = findIn(ctx, pieces, starts, doc.Plain[l], q, func(out []piece, a, b int) []piece {
					return append(out, piece{l, ansi.StringWidth(doc.Plain[l][:a]), ansi.StringWidth(doc.Plain[l][:b])})
				})
			}
			l++
			continue
		}
		end := l + 1
		for end < len(doc.At) && doc.At[end].Text == at.Text {
			end++
		}
		first := l
		pieces, starts = findIn(ctx, pieces, starts, doc.Texts[at.Text], q, func(out []piece, a, b int) []piece {
			// Matches come in order, so the line a match starts on only
			// moves forward.
			for first+1 < end && int(doc.At[first].End) <= a {
				first++
			}
			for i := first; i < end && int(doc.At[i].Start) < b; i++ {
				t := doc.At[i]
				ls, le := int(t.Start), int(t.End)
				if a >= le {
					continue
				}
				text := doc.Texts[t.Text]
				sa, sb := max(a, ls), min(b, le)
				col := int(t.Col)
				out = append(out, piece{i, col + ansi.StringWidth(text[ls:sa]), col + ansi.StringWidth(text[ls:sb])})
			}
			return out
		})
		l = end
	}
	return pieces, starts
}

// findIn finds q in text, folded, and for each match lets add append the
// pieces of its byte range [a, b) of text, noting where they start. A match that falls in a space between two lines has no piece and
// is not counted.
func findIn(ctx context.Context, pieces []piece, starts []int, text, q string, add func(out []piece, a, b int) []piece) ([]piece, []int) {
	folded, idx := model.FoldIndex(text)
	for from, n := 0, 0; ; n++ {
		if n%4096 == 4095 && ctx.Err() != nil {
			return pieces, starts
		}
		i := strings.Index(folded[from:], q)
		if i < 0 {
			return pieces, starts
		}
		before := len(pieces)
		pieces = add(pieces, idx[from+i], idx[from+i+len(q)])
		if len(pieces) > before {
			starts = append(starts, before)
		}
		from += i + len(q)
	}
}

// handleSearchKey passes a key to the search prompt.
func (r Reader) handleSearchKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	var cmd tea.Cmd
	var started bool
	r.search, cmd, started = r.search.Update(msg)
	if started {
		r.status = "searching…"
	}
	return r, cmd
}

// Update handles a key while the query is typed: enter runs the search
// (started reports it), esc leaves the prompt, anything else edits.
func (s Search) Update(msg tea.KeyPressMsg) (_ Search, _ tea.Cmd, started bool) {
	switch {
	case key.Matches(msg, s.keys.Cancel):
		s.typing = false
		s.input.Blur()
		return s, nil, false
	case key.Matches(msg, s.keys.Confirm):
		s.typing = false
		s.input.Blur()
		s.query = s.input.Value()
		s.current, s.jump = -1, true
		if strings.TrimSpace(s.query) == "" {
			s.Clear()
			return s, nil, false
		}
		return s, s.run(), true
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd, false
}

// firstMatchFrom returns the first match at or after line, wrapping.
func (r Reader) firstMatchFrom(line int) int {
	for i, p := range r.search.starts {
		if r.search.pieces[p].line >= line {
			return i
		}
	}
	return 0
}

func (r *Reader) moveMatch(delta int) {
	s := &r.search
	if s.cancel != nil {
		r.status = "searching…"
		return
	}
	if len(s.starts) == 0 {
		r.status = "No search: press / to search."
		return
	}
	if s.current >= len(s.starts) {
		r.status = "searching…"
		return
	}
	next := (s.current + delta + len(s.starts)) % len(s.starts)
	r.jumpToMatch(next)
}

// jumpToMatch makes match i current and brings it into view, a third of the
// way down the screen when it was off screen.
func (r *Reader) jumpToMatch(i int) {
	s := &r.search
	s.current = i
	line := s.pieces[s.starts[i]].line
	h := r.bodyHeight()
	if line < r.offset || line >= r.offset+h {
		r.offset = max(line-h/3, 0)
		r.clamp(true)
		r.anchor = -1
	}
	r.status = "match " + itoa(i+1) + " of " + itoa(len(s.starts))
}

// highlight styles the matches on one screen line.
func (s Search) highlight(line int, text string) string {
	// Pieces are in line order: find this line's by halving.
	p := sort.Search(len(s.pieces), func(i int) bool { return s.pieces[i].line >= line })
	if p == len(s.pieces) || s.pieces[p].line != line {
		return text
	}
	// m is the match that piece p belongs to.
	m := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > p }) - 1
	var ranges []rangeStyle
	for ; p < len(s.pieces) && s.pieces[p].line == line; p++ {
		for m+1 < len(s.starts) && s.starts[m+1] <= p {
			m++
		}
		st := s.c.Styles.Match
		if m == s.current {
			st = s.c.Styles.CurrentMatch
		}
		ranges = append(ranges, rangeStyle{s.pieces[p].start, s.pieces[p].end, st})
	}
	return applyRanges(text, ranges)
}

// Query returns the search that is applied.
func (s Search) Query() string { return s.query }

// Matches returns the number of matches.
func (s Search) Matches() int { return len(s.starts) }

// Current returns the line of the current match, or -1.
func (s Search) Current() int {
	if s.current < 0 || s.current >= len(s.starts) {
		return -1
	}
	return s.pieces[s.starts[s.current]].line
}
