package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"bao/model"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// LibrarySearchKeys are the library search's bindings.
type LibrarySearchKeys struct {
	Up, Down, Open, Back key.Binding
}

// DefaultLibrarySearchKeys returns the library search's bindings.
func DefaultLibrarySearchKeys() LibrarySearchKeys {
	return LibrarySearchKeys{
		Up:   key.NewBinding(key.WithKeys("up", "ctrl+p", "ctrl+k"), key.WithHelp("↑", "previous result")),
		Down: key.NewBinding(key.WithKeys("down", "ctrl+n", "ctrl+j"), key.WithHelp("↓", "next result")),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read there")),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp is the library search's footer.
func (k LibrarySearchKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Open, k.Back}
}

// FullHelp is the library search's full help.
func (k LibrarySearchKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// searchLimit is the most results shown.
const searchLimit = 50

// LibrarySearch finds a phrase in every article: results show the title,
// the section and a snippet with the match highlighted, and open the
// article at that section.
type LibrarySearch struct {
	c             *Common
	width, height int
	keys          LibrarySearchKeys
	input         textinput.Model
	byID          map[string]*model.Article
	reload        func(*model.Article) (*model.Article, error)
	indexed       bool
	// seq numbers the queries sent; results of older queries are dropped.
	seq     int
	query   string
	results []searchResult
	// capped is set when more articles matched than are shown.
	capped bool
	cursor int
	err    string
}

type searchResult struct {
	article *model.Article
	section int
	snippet string
}

// snippetsMsg carries snippets of summarised articles, read from their
// files, for the query numbered seq.
type snippetsMsg struct {
	seq      int
	snippets map[int]string
}

// searchResultsMsg carries the hits for the query numbered seq.
type searchResultsMsg struct {
	seq   int
	query string
	hits  []model.Hit
	err   error
}

// NewLibrarySearch returns an empty search.
func NewLibrarySearch(c *Common) LibrarySearch {
	in := textinput.New()
	in.Prompt = "Search all articles: "
	in.Placeholder = "words, no accents needed"
	in.SetWidth(40)
	return LibrarySearch{c: c, width: 80, height: 24, keys: DefaultLibrarySearchKeys(), input: in}
}

// SetSize fits the search to width×height cells.
func (s *LibrarySearch) SetSize(width, height int) tea.Cmd {
	s.width, s.height = width, height
	// Without a width the input shows one letter of its placeholder.
	s.input.SetWidth(max(width-ansi.StringWidth(s.input.Prompt)-4, 10))
	return nil
}

// Focus puts the cursor in the search box.
func (s *LibrarySearch) Focus() tea.Cmd { return s.input.Focus() }

// Update handles typing, moving between results and opening one.
func (s LibrarySearch) Update(msg tea.Msg) (LibrarySearch, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		if msg.seq == s.seq {
			return s, s.setResults(msg)
		}
		return s, nil
	case snippetsMsg:
		if msg.seq == s.seq {
			for i, snip := range msg.snippets {
				if i < len(s.results) {
					s.results[i].snippet = snip
				}
			}
		}
		return s, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Back):
			return s, s.c.move(BackMsg{})
		case key.Matches(msg, s.keys.Up):
			s.cursor = max(s.cursor-1, 0)
			return s, nil
		case key.Matches(msg, s.keys.Down):
			s.cursor = min(s.cursor+1, max(len(s.results)-1, 0))
			return s, nil
		case key.Matches(msg, s.keys.Open):
			if s.cursor < len(s.results) {
				r := s.results[s.cursor]
				q := s.query
				return s, s.c.move(OpenArticleMsg{Article: r.article, Section: r.section, Query: q})
			}
			return s, nil
		}
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if s.input.Value() != before {
		return s, tea.Batch(cmd, s.ask())
	}
	return s, cmd
}

// ask sends the query to the index in a command.
func (s *LibrarySearch) ask() tea.Cmd {
	s.seq++
	seq, q, idx := s.seq, s.input.Value(), s.c.Index
	if idx == nil {
		s.err = "Library search needs the state store (it is off: --no-state or it could not be opened)."
		return nil
	}
	if strings.TrimSpace(q) == "" {
		s.results, s.query = nil, ""
		return nil
	}
	return func() tea.Msg {
		// One more than is shown, to know whether there are more.
		hits, err := idx.Search(q, searchLimit+1)
		return searchResultsMsg{seq, q, hits, err}
	}
}

// setResults shows the hits. Snippets of summarised articles come from
// their files, read in a command.
func (s *LibrarySearch) setResults(msg searchResultsMsg) tea.Cmd {
	s.query, s.err, s.cursor = msg.query, "", 0
	if msg.err != nil {
		s.err = "Search failed: " + safeText(msg.err.Error())
	}
	s.results = nil
	s.capped = len(msg.hits) > searchLimit
	if s.capped {
		msg.hits = msg.hits[:searchLimit]
	}
	words := queryWords(msg.query)
	width := max(s.width-6, 20)
	msg.hits = s.exactFirst(msg.query, msg.hits)
	todo := map[int]*model.Article{}
	for _, h := range msg.hits {
		a := s.byID[h.ID]
		if a == nil {
			continue
		}
		r := searchResult{article: a, section: h.Section}
		if r.section >= len(a.Sections) {
			// The index read an older version of the file, with more
			// sections (it changes while the reader runs).
			r.section = -1
		}
		if a.Summary {
			todo[len(s.results)] = a
		} else {
			r.snippet = snippet(a, h.Section, words, width)
		}
		s.results = append(s.results, r)
	}
	reload, seq := s.reload, s.seq
	if len(todo) == 0 || reload == nil {
		return nil
	}
	sections := make(map[int]int, len(todo))
	for i := range todo {
		sections[i] = s.results[i].section
	}
	return func() tea.Msg {
		out := make(map[int]string, len(todo))
		for i, a := range todo {
			if full, err := reload(a); err == nil {
				out[i] = snippet(full, sections[i], words, width)
			}
		}
		return snippetsMsg{seq, out}
	}
}

// exactFirst puts first, keeping their order, the hits whose title or
// section has the query as typed, when it was typed with diacritics:
// "biệt thự" ranks "biệt thự" above "biết hát", which folds the same.
// Without diacritics every hit matches alike.
func (s *LibrarySearch) exactFirst(query string, hits []model.Hit) []model.Hit {
	q := strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(query)), " "))
	if q == "" || model.Fold(q) == q {
		return hits
	}
	has := func(h model.Hit) bool {
		a := s.byID[h.ID]
		if a == nil {
			return false
		}
		text := a.Title
		if h.Section >= 0 && h.Section < len(a.Sections) {
			text += " " + a.Sections[h.Section].Title
		}
		if !a.Summary {
			text += " " + sectionText(a, h.Section)
		}
		return strings.Contains(strings.ToLower(text), q)
	}
	exact := make([]model.Hit, 0, len(hits))
	var rest []model.Hit
	for _, h := range hits {
		if has(h) {
			exact = append(exact, h)
		} else {
			rest = append(rest, h)
		}
	}
	return append(exact, rest...)
}

// firstMatch is where in folded the words first start words one after
// another, else where the first of them first starts a word; -1 if none.
func firstMatch(folded string, words []string) int {
	if len(words) == 0 {
		return -1
	}
	phrase := strings.Join(words, " ")
	if i := wordStart(folded, phrase, 0); i >= 0 {
		return i
	}
	first := -1
	for _, w := range words {
		if i := wordStart(folded, w, 0); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// wordStart is where w first occurs in s from from on at the start of a
// word, or -1.
func wordStart(s, w string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isWordRune(lastRuneBefore(s, i)) {
			return i
		}
		from = i + 1
	}
	return -1
}

// queryWords are the folded words of a query.
func queryWords(q string) []string {
	return strings.FieldsFunc(model.Fold(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// sectionText is the plain text of a section (-1: the lead and what comes
// before the first heading).
func sectionText(a *model.Article, section int) string {
	var parts []string
	if section < 0 {
		parts = append(parts, a.Title)
		if a.Lead != "" {
			parts = append(parts, a.Lead)
		}
	}
	for i, b := range a.Blocks {
		if a.SectionAt(i) == section {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, " ")
}

// snippet is about width cells of the section around the first match, with
// every query word in it marked. The match is where the words start words
// as typed, one after another ("an ninh", not the "an" of "thanh"), else
// the first word that starts a word; the snippet starts at a word.
func snippet(a *model.Article, section int, words []string, width int) string {
	text := sectionText(a, section)
	folded, idx := model.FoldIndex(text)
	first := firstMatch(folded, words)
	if first < 0 {
		return ansi.Truncate(text, width, "…")
	}
	// Start about a third of the width before the match, at a word.
	start := idx[first]
	for n := 0; start > 0 && n < width/3; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	if start > 0 && text[start-1] != ' ' {
		if sp := strings.IndexByte(text[start:idx[first]], ' '); sp >= 0 {
			start += sp + 1
		} else {
			start = idx[first]
		}
	}
	prefix := ""
	if start > 0 {
		prefix = "…"
	}
	window := ansi.Truncate(prefix+text[start:], width, "…")
	return window
}

// View draws the search box and the results.
func (s LibrarySearch) View() string {
	st := s.c.Styles
	w := s.width
	lines := []string{"", " " + s.input.View()}
	switch {
	case s.err != "":
		lines = append(lines, " "+st.Error.Render(s.err))
	case !s.indexed:
		lines = append(lines, " "+st.Dim.Render("Indexing the library… results may be incomplete."))
	case s.query != "" && s.capped:
		lines = append(lines, " "+st.Dim.Render(fmt.Sprintf("The first %d results for “%s”; more match: add a word to narrow them.", len(s.results), s.query)))
	case s.query != "":
		lines = append(lines, " "+st.Dim.Render(fmt.Sprintf("%s for “%s”", plural(len(s.results), "result"), s.query)))
	default:
		lines = append(lines, "")
	}
	lines = append(lines, "")
	per := 4
	rows := max((s.height-1-len(lines))/per, 1)
	first := max(min(s.cursor-rows/2, len(s.results)-rows), 0)
	words := queryWords(s.query)
	for i := first; i < len(s.results) && i < first+rows; i++ {
		r := s.results[i]
		title := ansi.Truncate(r.article.Title, w-4, "…")
		if i == s.cursor {
			title = st.Selected.Render("› " + title)
		} else {
			title = "  " + title
		}
		where := "start of the article"
		if r.section >= 0 {
			where = "§ " + r.article.Sections[r.section].Title
		}
		lines = append(lines, " "+title, "   "+st.Dim.Render(ansi.Truncate(where, w-6, "…")), "   "+highlightWords(r.snippet, words, st.Match), "")
	}
	footer := " " + st.Dim.Render(ansi.Truncate(footerHelp(s.ShortHelp()), max(w-2, 0), "…"))
	return fitHeight(strings.Join(lines, "\n"), max(s.height-1, 0)) + "\n" + footer
}

// highlightWords marks each occurrence of the folded words in text.
func highlightWords(text string, words []string, style interface{ Render(...string) string }) string {
	folded, idx := model.FoldIndex(text)
	var b strings.Builder
	last := 0
	for i := 0; i < len(folded); {
		hit := ""
		if i > 0 && isWordByte(folded[i-1]) {
			i++
			continue
		}
		for _, w := range words {
			if w != "" && strings.HasPrefix(folded[i:], w) && len(w) > len(hit) {
				hit = w
			}
		}
		if hit == "" {
			i++
			continue
		}
		a, z := idx[i], idx[i+len(hit)]
		if a >= last {
			b.WriteString(text[last:a])
			b.WriteString(style.Render(text[a:z]))
			last = z
		}
		i += len(hit)
	}
	b.WriteString(text[last:])
	return b.String()
}

// isWordByte reports whether b is part of a word in folded text (letters
// and digits; any byte of a multi-byte rune counts as a letter).
func isWordByte(b byte) bool {
	return b >= 0x80 || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}
