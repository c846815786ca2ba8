package ui

import (
	"context"
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
	// matches are in document order; current indexes them.
	matches []match
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
	gen     int
	doc     *Document
	matches []match
}

// match is one occurrence: its line and cell columns [start, end).
type match struct{ line, start, end int }

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
	s.query, s.matches, s.current, s.jump = "", nil, -1, false
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
		s.matches = nil
		return nil
	}
	ctx, cancel := context.WithCancel(s.c.context())
	s.cancel = cancel
	gen, doc := s.gen, s.doc
	return func() tea.Msg {
		defer cancel()
		matches := findMatches(ctx, doc.Plain, q)
		if ctx.Err() != nil {
			return nil
		}
		return searchDoneMsg{gen, doc, matches}
	}
}

// done applies a finished search, and reports whether it was the latest.
func (s *Search) done(msg searchDoneMsg) bool {
	if msg.gen != s.gen || msg.doc != s.doc {
		return false
	}
	s.cancel = nil
	s.matches = msg.matches
	if s.current >= len(s.matches) {
		s.current = -1
	}
	return true
}

// findMatches lists the matches of q, folded, in plain. Lines of one
// paragraph are joined with spaces first, so a phrase wrapped over two
// lines is still found. It gives up, returning what it has, once ctx ends.
func findMatches(ctx context.Context, plain []string, q string) []match {
	var matches []match
	for start := 0; start < len(plain) && ctx.Err() == nil; {
		end := start
		for end < len(plain) && plain[end] != "" {
			end++
		}
		if end > start {
			matches = findIn(ctx, matches, plain[start:end], start, q)
		}
		start = end + 1
	}
	return matches
}

// findIn appends the matches of q in one paragraph (lines first..).
func findIn(ctx context.Context, matches []match, lines []string, first int, q string) []match {
	text := strings.Join(lines, " ")
	folded, idx := model.FoldIndex(text)
	// lineStart[i] is the byte offset in text where line i begins.
	lineStart := make([]int, len(lines))
	off := 0
	for i, l := range lines {
		lineStart[i] = off
		off += len(l) + 1
	}
	// Matches come in order, so the line a match starts on only moves
	// forward: the search is linear in the paragraph, however many
	// matches it has.
	line := 0
	for from, n := 0, 0; ; n++ {
		if n%4096 == 4095 && ctx.Err() != nil {
			return matches
		}
		i := strings.Index(folded[from:], q)
		if i < 0 {
			return matches
		}
		a, b := idx[from+i], idx[from+i+len(q)]
		for line+1 < len(lines) && lineStart[line+1] <= a {
			line++
		}
		matches = spanMatches(matches, lines, lineStart, line, first, a, b)
		from += i + len(q)
	}
}

// spanMatches appends to out one match per line that the byte range
// [a, b) of a joined paragraph covers, from line i on, in cell columns.
func spanMatches(out []match, lines []string, lineStart []int, i, first, a, b int) []match {
	for ; i < len(lines) && lineStart[i] < b; i++ {
		l := lines[i]
		ls, le := lineStart[i], lineStart[i]+len(l)
		if a >= le {
			continue
		}
		sa, sb := max(a, ls)-ls, min(b, le)-ls
		out = append(out, match{line: first + i, start: ansi.StringWidth(l[:sa]), end: ansi.StringWidth(l[:sb])})
	}
	return out
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
	for i, m := range r.search.matches {
		if m.line >= line {
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
	if len(s.matches) == 0 {
		r.status = "No search: press / to search."
		return
	}
	next := (s.current + delta + len(s.matches)) % len(s.matches)
	r.jumpToMatch(next)
}

// jumpToMatch makes match i current and brings it into view, a third of the
// way down the screen when it was off screen.
func (r *Reader) jumpToMatch(i int) {
	s := &r.search
	s.current = i
	m := s.matches[i]
	h := r.bodyHeight()
	if m.line < r.offset || m.line >= r.offset+h {
		r.offset = max(m.line-h/3, 0)
		r.clamp(true)
		r.anchor = -1
	}
	r.status = "match " + itoa(i+1) + " of " + itoa(len(s.matches))
}

// highlight styles the matches on one screen line.
func (s Search) highlight(line int, text string) string {
	if len(s.matches) == 0 {
		return text
	}
	var ranges []rangeStyle
	for i, m := range s.matches {
		if m.line != line {
			continue
		}
		st := s.c.Styles.Match
		if i == s.current {
			st = s.c.Styles.CurrentMatch
		}
		ranges = append(ranges, rangeStyle{m.start, m.end, st})
	}
	return applyRanges(text, ranges)
}

// Query returns the search that is applied.
func (s Search) Query() string { return s.query }

// Matches returns the number of matches.
func (s Search) Matches() int { return len(s.matches) }

// Current returns the line of the current match, or -1.
func (s Search) Current() int {
	if s.current < 0 || s.current >= len(s.matches) {
		return -1
	}
	return s.matches[s.current].line
}
