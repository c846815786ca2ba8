package ui

import (
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
}

// match is one occurrence: its line and cell columns [start, end).
type match struct{ line, start, end int }

// NewSearch returns an idle search.
func NewSearch(c *Common) Search {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search (no accents needed)"
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

// Clear forgets the search.
func (s *Search) Clear() {
	s.query, s.matches, s.current = "", nil, -1
}

// Reindex recomputes the matches for a new document.
func (s *Search) Reindex(doc *Document) {
	s.doc = doc
	if s.query != "" {
		s.find()
		if s.current >= len(s.matches) {
			s.current = -1
		}
	}
}

// find lists the matches of the query. Lines of one paragraph are joined
// with spaces first, so a phrase wrapped over two lines is still found.
func (s *Search) find() {
	s.matches = s.matches[:0]
	q := model.Fold(strings.TrimSpace(s.query))
	if q == "" || s.doc == nil {
		return
	}
	plain := s.doc.Plain
	for start := 0; start < len(plain); {
		end := start
		for end < len(plain) && plain[end] != "" {
			end++
		}
		if end > start {
			s.findIn(plain[start:end], start, q)
		}
		start = end + 1
	}
}

// findIn searches one paragraph (lines first..) for q.
func (s *Search) findIn(lines []string, first int, q string) {
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
	for from := 0; ; {
		i := strings.Index(folded[from:], q)
		if i < 0 {
			return
		}
		a, b := idx[from+i], idx[from+i+len(q)]
		for line+1 < len(lines) && lineStart[line+1] <= a {
			line++
		}
		s.matches = spanMatches(s.matches, lines, lineStart, line, first, a, b)
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

func (r Reader) handleSearchKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	s := &r.search
	switch {
	case key.Matches(msg, s.keys.Cancel):
		s.typing = false
		s.input.Blur()
		return r, nil
	case key.Matches(msg, s.keys.Confirm):
		s.typing = false
		s.input.Blur()
		s.query = s.input.Value()
		s.find()
		s.current = -1
		if len(s.matches) == 0 {
			if s.query != "" {
				r.status = "No match for “" + s.query + "”."
			}
			s.query = ""
			return r, nil
		}
		r.jumpToMatch(r.firstMatchFrom(r.offset))
		return r, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return r, cmd
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
