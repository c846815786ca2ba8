// Package model holds bao's domain: articles, their blocks and sections, and
// the library they are loaded into. It imports nothing else of bao's.
package model

import (
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// BlockKind says what role a block plays in an article.
type BlockKind uint8

// The kinds of block an article is made of.
const (
	Paragraph BlockKind = iota
	Heading
	Caption
	Quote
	ListItem
	// Code is a code block: Code holds its language and verbatim lines.
	Code
	// Table is a table: Table holds its rows.
	Table
	// Rule is a thematic break; it has no text.
	Rule
	// Figure is an image: Image holds its address; Text is its caption.
	Figure
	// Footnote is a footnote's text; Number is its number, which the
	// references to it show.
	Footnote
)

var kindNames = [...]string{"paragraph", "heading", "caption", "quote", "list_item", "code", "table", "rule", "figure", "footnote"}

// String returns the kind's name as it appears in bao's JSON output.
func (k BlockKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Block is one unit of an article's body: a paragraph, a heading, a caption...
//
// Blocks are a flat list; nesting is carried by Depth and Quote. A block
// inside a list item has the item's Depth, and a list nested in it has
// Depth+1. A block inside n block quotes has Quote n. So a code block in a
// list item in a quote is Kind Code, Depth 1, Quote 1.
type Block struct {
	Kind BlockKind
	// Level is the heading level, 1 to 6, for headings; 0 for other kinds.
	Level uint8
	// Depth is the list nesting of a list item (1 for a top-level item) or
	// of a block that continues one; 0 outside lists.
	Depth uint8
	// Quote is how many block quotes the block is inside. Quote blocks from
	// plain text leave it 0, which means 1.
	Quote uint8
	// QuoteFrom is the list depth the quotes open at: 0 when they hold
	// the list, 1 for a quote inside a top-level list item.
	QuoteFrom uint8
	// Task is a list item's checkbox.
	Task Task
	// Number is an ordered list item's number, or a footnote's number; 0
	// for a bulleted item.
	Number int32
	// Text is plain text: NFC, no control characters, no line breaks. It is
	// what search, filters, word counts and plain output use. A code
	// block's Text is its lines joined by spaces, a table's its cells.
	Text string
	// Spans style ranges of Text: emphasis, code, links...
	Spans []Span
	// Code holds a code block's language and lines.
	Code *CodeBlock
	// Table holds a table's rows.
	Table *TableBlock
	// Image holds a figure's image.
	Image *Image
}

// Adjacent reports blocks drawn without a blank line between them: items
// of one list, and an item and the first item of a list nested in it. An
// item of another kind of list (numbered after bulleted, tasks after
// numbered) starts a new list.
func Adjacent(prev, next Block) bool {
	if prev.Kind != ListItem || next.Kind != ListItem {
		return false
	}
	if next.Depth > prev.Depth {
		return true
	}
	return (prev.Number > 0) == (next.Number > 0) && (prev.Task == NoTask) == (next.Task == NoTask)
}

// Task is the state of a task-list item's checkbox.
type Task uint8

// The checkbox states.
const (
	NoTask Task = iota
	Unchecked
	Checked
)

// SpanKind is the inline style of a span of text.
type SpanKind uint8

// The kinds of span. A footnote reference is a span over its "[^n]" marker
// whose URL is "#fn-n".
const (
	Emphasis SpanKind = iota + 1
	Strong
	InlineCode
	Strike
	Link
	FootnoteRef
)

var spanNames = [...]string{"", "emphasis", "strong", "code", "strikethrough", "link", "footnote_ref"}

// String returns the span kind's name as it appears in bao's JSON output.
func (k SpanKind) String() string {
	if int(k) < len(spanNames) && k > 0 {
		return spanNames[k]
	}
	return "unknown"
}

// Span styles Text[Start:End] (byte offsets). Spans may nest: a link's
// text can be strong.
type Span struct {
	Kind       SpanKind
	Start, End int
	// URL and Title are a link's destination and title.
	URL, Title string
}

// CodeBlock is a code block's content.
type CodeBlock struct {
	// Lang is the language named by the fence info string, or "".
	Lang string
	// Lines are verbatim, tabs kept.
	Lines []string
}

// Align is a table column's alignment.
type Align uint8

// The column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Cell is one table cell: plain text and its spans.
type Cell struct {
	Text  string
	Spans []Span
}

// TableBlock is a table's content.
type TableBlock struct {
	Header []Cell
	Rows   [][]Cell
	// Align holds one alignment per column.
	Align []Align
}

// Pad splits room, the spaces a cell of column col leaves in its column,
// into those before and after the cell, as the column's alignment says.
func (t *TableBlock) Pad(col, room int) (before, after int) {
	if col < len(t.Align) {
		switch t.Align[col] {
		case AlignRight:
			return room, 0
		case AlignCenter:
			return room / 2, room - room/2
		}
	}
	return 0, room
}

// Image is a figure's picture.
type Image struct {
	URL, Alt string
	// Credit names who made the picture, when the source says.
	Credit string
	// Link is where the image links to, when it is a link.
	Link string
}

// Caption is the text a figure is shown with: its caption, or alt text,
// and its credit after it, named in the article's language ("Ảnh: ..."
// or "Photo: ..."). It is "" for an image with neither.
func (im *Image) Caption(text, lang string) string {
	if im == nil || im.Credit == "" {
		return text
	}
	label := "Photo: "
	if lang == "vi" {
		label = "Ảnh: "
	}
	if text == "" {
		return label + im.Credit
	}
	return text + " (" + label + im.Credit + ")"
}

// Section is a part of an article that starts at a heading.
type Section struct {
	Title string
	// Block is the index in Article.Blocks of the section's heading.
	Block int
	Level int
}

// Format is the kind of source an article was read from.
type Format string

// The formats bao reads.
const (
	PlainText Format = "text"
	Markdown  Format = "markdown"
	HTML      Format = "html"
)

// AboveLead is the place in DroppedAt of a line that stood above the lead:
// a header line, the title said again, a widget over the standfirst.
const AboveLead = -1

// Article is one recovered article.
type Article struct {
	// ID is derived from the article's content, so it is stable across runs
	// and file moves.
	ID     string
	Path   string
	Format Format
	// URL is the page the article was read from, or the address the
	// source gives for itself; "" when unknown.
	URL string
	// Feed names the news feed the article was saved from; "" otherwise.
	Feed  string
	Title string
	// TitleSpans style parts of the title, such as the badges linked from
	// a README's heading.
	TitleSpans []Span
	// Byline holds the names and credits of the people behind the article.
	Byline   []string
	Source   string
	Dateline string
	// Date is the publication date when the source states one; zero otherwise.
	Date time.Time
	Lead string
	// Blocks is the body after the lead.
	Blocks []Block
	// Sections is derived from the heading blocks by Derive.
	Sections []Section
	// Dropped holds the boilerplate lines removed from the text.
	Dropped []string
	// DroppedAt gives, for each line of Dropped, the block it stood before
	// in the text (len(Blocks) after the last one, AboveLead above the
	// lead), so that a reader can show it in its place. It is empty when
	// the places are not known.
	DroppedAt []int
	Language  string
	// TitleGuessed is set when the source has no title line and Title is
	// its first line, shown as a guess.
	TitleGuessed bool
	// Words is the number of words in the title, lead and blocks, set by Derive.
	Words int
	// Letters is the number of letters and digits in the same text, set by
	// Derive; reading times are reckoned from it.
	Letters int
	// Size is the size in bytes of the source.
	Size int64
	// ModTime is when the source file was last changed; zero for stdin.
	ModTime time.Time
	// ListText is what a list filter matches: the title, then source,
	// dateline and byline. Derive makes it, once per article however many
	// lists show it.
	ListText string
	// Summary is set when Lead, Blocks and Dropped were left out to save
	// memory in a large library; the whole article is read again from Path
	// to be shown. Sections and Words stay.
	Summary bool
	// Partial is set when only the beginning of a large source was parsed,
	// so that its first screen shows at once; the whole is read again from
	// Path. ID and Size are the whole source's.
	Partial bool
}

// Summarize returns a copy of a without the lead, blocks and dropped lines:
// what a list of many articles needs to keep in memory.
func (a *Article) Summarize() *Article {
	s := *a
	s.Lead, s.Blocks, s.Dropped, s.DroppedAt, s.Summary = "", nil, nil, nil, true
	s.Sections = append([]Section(nil), a.Sections...)
	for i := range s.Sections {
		// Detach the titles from the article's text so it can be freed.
		s.Sections[i].Title = strings.Clone(s.Sections[i].Title)
	}
	s.Title = strings.Clone(a.Title)
	s.Byline = append([]string(nil), a.Byline...)
	for i := range s.Byline {
		s.Byline[i] = strings.Clone(s.Byline[i])
	}
	s.Source, s.Dateline, s.Feed, s.URL = strings.Clone(a.Source), strings.Clone(a.Dateline), strings.Clone(a.Feed), strings.Clone(a.URL)
	s.ListText = strings.Clone(a.ListText)
	return &s
}

// LettersPerMinute is the silent reading rate that reading times assume.
//
// Brysbaert (2019, "How many words do we read per minute? A review and
// meta-analysis of reading rate", Journal of Memory and Language 109)
// puts adult silent reading of English non-fiction at 238 words a minute.
// Counting words does not carry over to Vietnamese, where a space ends
// every syllable: the same rate in "words" makes Vietnamese times about a
// third too long. Trauzettel-Klosinski and Dietz (2012, "Standardized
// assessment of reading performance: the new International Reading Speed
// Texts IReST", IOVS 53(9)) timed matched texts in 17 languages and found
// the rate in characters the least variable unit across alphabetic
// languages (coefficient of variation 6.1%). So bao counts letters, at
// the English rate: 238 words × 4.7 letters a word, the mean word length
// of the BBC news in bao's test corpus (559,570 letters in 119,125
// words). Vietnamese has no published measured rate that bao knows of;
// this is the cross-language estimate those two studies support.
const LettersPerMinute = 238 * 47 / 10

// Minutes is the estimated reading time, at least one minute.
func (a *Article) Minutes() int {
	m := (a.Letters + LettersPerMinute/2) / LettersPerMinute
	return max(m, 1)
}

// Derive recomputes Sections and Words from the title, lead and blocks,
// and trims the blocks' spare capacity (a large library keeps every
// article's blocks in memory).
func (a *Article) Derive() {
	if cap(a.Blocks) > len(a.Blocks) {
		a.Blocks = append([]Block(nil), a.Blocks...)
	}
	a.Sections = a.Sections[:0]
	words, letters := countText(a.Title)
	w, l := countText(a.Lead)
	words, letters = words+w, letters+l
	for i, b := range a.Blocks {
		w, l := countText(b.Text)
		words, letters = words+w, letters+l
		if b.Kind == Heading {
			a.Sections = append(a.Sections, Section{Title: b.Text, Block: i, Level: int(b.Level)})
		}
	}
	a.Words, a.Letters = words, letters
	a.ListText = a.Title + "\n" + a.Source + " " + a.Dateline + " " + strings.Join(a.Byline, " ") + " " + a.Feed + " " + folderName(a.Path)
}

// wordBreak marks the bytes that separate words.
var wordBreak = [256]bool{' ': true, '\n': true, '\t': true}

// CountWords counts the runs of non-space characters in s.
func CountWords(s string) int {
	n, prev := 0, true
	for i := 0; i < len(s); i++ {
		sp := wordBreak[s[i]]
		if prev && !sp {
			n++
		}
		prev = sp
	}
	return n
}

// countText counts the words of s, as CountWords does, and its letters and
// digits. It reads bytes, not runes: a UTF-8 sequence counts as a letter
// by its lead byte, except the ranges that hold no letters: U+0080-U+00BF
// (no-break space, symbols), the combining marks (so NFC and NFD count
// alike), U+2000-U+2FFF (punctuation, symbols, arrows) and the four-byte
// sequences (emoji). Close enough for a reading time, and as fast as
// counting words.
func countText(s string) (words, letters int) {
	// Without branches: a word starts at a byte that is not a break after
	// one that is; letters add up from the table. Four bytes a turn, so
	// that their lookups overlap.
	prev, w, l := uint(1), uint(0), uint(0)
	i := 0
	for ; i+4 <= len(s); i += 4 {
		c0, c1, c2, c3 := uint(textClass[s[i]]), uint(textClass[s[i+1]]), uint(textClass[s[i+2]]), uint(textClass[s[i+3]])
		w += prev&^c0&1 + c0&^c1&1 + c1&^c2&1 + c2&^c3&1
		l += c0>>1 + c1>>1 + c2>>1 + c3>>1
		prev = c3 & 1
	}
	for ; i < len(s); i++ {
		c := uint(textClass[s[i]])
		w += prev &^ c & 1
		l += c >> 1
		prev = c & 1
	}
	return int(w), int(l)
}

// textClass has, for each byte, bit 0 set when it separates words (as in
// wordBreak) and bit 1 set when it starts a letter or a digit.
var textClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		if wordBreak[c] {
			t[c] |= 1
		}
		switch {
		case c < utf8.RuneSelf:
			if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
				t[c] |= 2
			}
		case c < 0xC0: // a continuation byte
		case c == 0xC2, c == 0xCC, c == 0xCD, c == 0xE2, c >= 0xF0:
		default:
			t[c] |= 2
		}
	}
	return t
}()

// SectionAt returns the index of the section that block i belongs to, or -1
// when the block comes before the first heading.
func (a *Article) SectionAt(block int) int {
	s := -1
	for i, sec := range a.Sections {
		if sec.Block > block {
			break
		}
		s = i
	}
	return s
}

// Text returns every piece of text of the article, title first, for searching.
func (a *Article) Text() []string {
	out := make([]string, 0, len(a.Blocks)+2)
	out = append(out, a.Title, a.Lead)
	for _, b := range a.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// LoadError records why one path could not be read as an article.
type LoadError struct {
	Path string
	Err  error
}

// Error reports the path and the reason in one line.
func (e LoadError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e LoadError) Unwrap() error { return e.Err }

// Library is a set of loaded articles and the paths that failed to load.
type Library struct {
	Articles []*Article
	Errors   []LoadError
}

// MetaLine joins the byline, source, dateline and date with " · ".
func (a *Article) MetaLine() string {
	var parts []string
	if len(a.Byline) > 0 {
		parts = append(parts, strings.Join(a.Byline, ", "))
	}
	for _, s := range []string{a.Source, a.Dateline} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if !a.Date.IsZero() {
		parts = append(parts, a.Date.Format("2006-01-02"))
	}
	return strings.Join(parts, " · ")
}

// SafeText makes text from outside the article's cleaning (a file name, an
// error message) safe to print to a terminal: controls, C1 codes and
// bidirectional overrides become U+FFFD, and so do invalid bytes.
func SafeText(s string) string {
	return strings.Map(func(r rune) rune {
		if Unsafe(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Unsafe reports the runes a terminal would obey rather than show: C0
// controls, DEL, C1 controls, and the bidirectional embeddings, overrides,
// isolates and marks that let text reorder what is shown around it.
func Unsafe(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || IsBidiControl(r)
}

// Invisible reports the format characters that show nothing and mean
// nothing to a reader of Latin or Vietnamese text: the soft hyphen, the
// zero-width space, the word joiner and a byte-order mark inside the text.
// Left in, they split words for search ("Basse\u00adville") and take one
// column in some terminals and none in others.
func Invisible(r rune) bool {
	return r == 0xad || r == 0x200b || r == 0x2060 || r == 0xfeff
}

// IsBidiControl reports explicit embeddings, overrides and isolates, and
// the directional marks.
func IsBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// Progress is one batch of a library that is still loading.
type Progress struct {
	// Articles are the batch's articles; Order[i] is where Articles[i]'s
	// path came in the order the paths were found.
	Articles []*Article
	Order    []int
	Errors   []LoadError
	// Done is the number of paths handled so far, Found the number found
	// so far; Walking is true until every directory has been read.
	Done, Found int
	Walking     bool
}

// Summaries returns the batch with each article replaced by its summary
// (standard input, which cannot be read again, stays whole).
func (p Progress) Summaries() Progress {
	out := p
	out.Articles = make([]*Article, len(p.Articles))
	for i, a := range p.Articles {
		if a.Path != "-" && !strings.HasPrefix(a.Path, "https://") && !strings.HasPrefix(a.Path, "http://") {
			// Standard input and web pages are read once: kept whole.
			a = a.Summarize()
		}
		out.Articles[i] = a
	}
	return out
}

// folderName is the name of the directory a file is in ("sport" for
// news/bbc/sport/a.txt), or "" for standard input, a web page or a file
// named without a directory.
func folderName(p string) string {
	if p == "" || p == "-" || strings.Contains(p, "://") {
		return ""
	}
	dir := filepath.Base(filepath.Dir(p))
	if dir == "." || dir == "/" {
		return ""
	}
	return dir
}

// Change is what changed among a library's files since it was loaded:
// articles new or written again, and the paths of files removed.
type Change struct {
	Articles []*Article
	Removed  []string
}

// Position is a reading position that survives a change of width: the
// block at the top of the screen and how far into it, in runes. Block -1
// is the article's header (title and lead).
type Position struct {
	Section int
	Block   int
	Offset  int
}
