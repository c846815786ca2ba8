package articles

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"bao/model"

	"github.com/charmbracelet/x/ansi"
)

// jsonArticle is the JSON Lines schema of `bao cat --json`, documented in
// the README.
type jsonArticle struct {
	ID     string       `json:"id"`
	Path   string       `json:"path"`
	Format model.Format `json:"format"`
	URL    string       `json:"url,omitempty"`
	Feed   string       `json:"feed,omitempty"`
	Title  string       `json:"title"`
	// TitleGuessed is set when the source has no title line and the title
	// is its first line.
	TitleGuessed bool          `json:"title_guessed,omitempty"`
	Byline       []string      `json:"byline"`
	Source       string        `json:"source"`
	Dateline     string        `json:"dateline"`
	Date         string        `json:"date,omitempty"`
	Lead         string        `json:"lead"`
	Blocks       []jsonBlock   `json:"blocks"`
	Sections     []jsonSection `json:"sections"`
	Dropped      []string      `json:"dropped"`
	DroppedAt    []int         `json:"dropped_at,omitempty"`
	Language     string        `json:"language"`
	Words        int           `json:"words"`
	Minutes      int           `json:"minutes"`
}

type jsonBlock struct {
	Kind  string     `json:"kind"`
	Level int        `json:"level,omitempty"`
	Text  string     `json:"text"`
	Spans []jsonSpan `json:"spans,omitempty"`
	// Depth, Quote, Number and Task place list items and what nests in them.
	Depth int `json:"depth,omitempty"`
	Quote int `json:"quote,omitempty"`
	// QuoteFrom is the list depth the quotes open at.
	QuoteFrom int    `json:"quote_from,omitempty"`
	Number    int    `json:"number,omitempty"`
	Task      string `json:"task,omitempty"`
	// Lang and Lines are a code block's.
	Lang  string   `json:"lang,omitempty"`
	Lines []string `json:"lines,omitempty"`
	// Header, Rows and Align are a table's.
	Header []jsonCell   `json:"header,omitempty"`
	Rows   [][]jsonCell `json:"rows,omitempty"`
	Align  []string     `json:"align,omitempty"`
	// URL, Alt, Credit and Link are a figure's.
	URL    string `json:"url,omitempty"`
	Alt    string `json:"alt,omitempty"`
	Credit string `json:"credit,omitempty"`
	Link   string `json:"link,omitempty"`
}

// jsonSpan is a styled range of a text, in byte offsets into its UTF-8.
type jsonSpan struct {
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
}

type jsonCell struct {
	Text  string     `json:"text"`
	Spans []jsonSpan `json:"spans,omitempty"`
}

func spansJSON(spans []model.Span) []jsonSpan {
	if len(spans) == 0 {
		return nil
	}
	out := make([]jsonSpan, len(spans))
	for i, s := range spans {
		out[i] = jsonSpan{Kind: s.Kind.String(), Start: s.Start, End: s.End, URL: s.URL, Title: s.Title}
	}
	return out
}

func cellsJSON(cells []model.Cell) []jsonCell {
	out := make([]jsonCell, len(cells))
	for i, c := range cells {
		out[i] = jsonCell{Text: c.Text, Spans: spansJSON(c.Spans)}
	}
	return out
}

var alignNames = [...]string{model.AlignNone: "", model.AlignLeft: "left", model.AlignCenter: "center", model.AlignRight: "right"}

var taskNames = [...]string{model.NoTask: "", model.Unchecked: "unchecked", model.Checked: "checked"}

func blockJSON(b model.Block) jsonBlock {
	j := jsonBlock{Kind: b.Kind.String(), Level: int(b.Level), Text: b.Text, Spans: spansJSON(b.Spans),
		Depth: int(b.Depth), Quote: int(b.Quote), QuoteFrom: int(b.QuoteFrom), Number: int(b.Number), Task: taskNames[b.Task]}
	if b.Code != nil {
		j.Lang, j.Lines = b.Code.Lang, nonNil(b.Code.Lines)
	}
	if b.Table != nil {
		j.Header = cellsJSON(b.Table.Header)
		j.Rows = make([][]jsonCell, len(b.Table.Rows))
		for i, r := range b.Table.Rows {
			j.Rows[i] = cellsJSON(r)
		}
		for _, a := range b.Table.Align {
			j.Align = append(j.Align, alignNames[a])
		}
	}
	if b.Image != nil {
		j.URL, j.Alt, j.Credit, j.Link = b.Image.URL, b.Image.Alt, b.Image.Credit, b.Image.Link
	}
	return j
}

type jsonSection struct {
	Title string `json:"title"`
	Block int    `json:"block"`
}

// WriteJSON writes a as one line of JSON.
func WriteJSON(w io.Writer, a *model.Article) error {
	j := jsonArticle{
		ID: a.ID, Path: a.Path, Format: a.Format, URL: a.URL, Feed: a.Feed, Title: a.Title, TitleGuessed: a.TitleGuessed,
		Byline: nonNil(a.Byline), Source: a.Source, Dateline: a.Dateline, Lead: a.Lead,
		Blocks: make([]jsonBlock, len(a.Blocks)), Sections: make([]jsonSection, len(a.Sections)),
		Dropped: nonNil(a.Dropped), DroppedAt: a.DroppedAt, Language: a.Language, Words: a.Words, Minutes: a.Minutes(),
	}
	if !a.Date.IsZero() {
		j.Date = a.Date.Format("2006-01-02")
	}
	for i, b := range a.Blocks {
		j.Blocks[i] = blockJSON(b)
	}
	for i, s := range a.Sections {
		j.Sections[i] = jsonSection{Title: s.Title, Block: s.Block}
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return err
	}
	_, err := io.WriteString(w, escapeControls(buf.String()))
	return err
}

// escapeControls writes C1 controls and bidirectional overrides, which JSON
// allows raw but a terminal would obey, as \u escapes. Only file paths can
// still hold them: article text is cleaned when parsed.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isC1(r) || isBidiControl(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isC1(r) || isBidiControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteText writes a as readable plain text wrapped to width columns (no
// wrapping when width <= 0), with no escape sequences: the title underlined,
// a line of byline, source and dateline, the lead, headings marked with #,
// captions with "[Ảnh]"/"[Photo]" and list items with bullets.
func WriteText(w io.Writer, a *model.Article, width int) error {
	var b strings.Builder
	var links model.LinkNumbers
	title, _, _ := model.MarkLinks(a.Title, a.TitleSpans, &links)
	b.WriteString(wrap(title, width))
	b.WriteString("\n" + strings.Repeat("=", min(max(ansi.StringWidth(a.Title), 3), widthOr(width, 80))) + "\n")
	if meta := a.MetaLine(); meta != "" {
		b.WriteString(wrap(meta, width) + "\n")
	}
	if a.Lead != "" {
		b.WriteString("\n" + wrap(a.Lead, width) + "\n")
	}
	for i, blk := range a.Blocks {
		if i == 0 || !model.Adjacent(a.Blocks[i-1], blk) {
			b.WriteString("\n")
		}
		writeBlock(&b, blk, a.Language, width, &links)
		b.WriteString("\n")
	}
	if len(links.List) > 0 {
		b.WriteString("\n")
		for _, l := range links.List {
			fmt.Fprintf(&b, "[%d] %s\n", l.Number, l.URL)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeBlock writes one block as plain text. Links show their reference
// number after their text; the numbered URLs follow the article.
func writeBlock(b *strings.Builder, blk model.Block, lang string, width int, links *model.LinkNumbers) {
	var text string
	if blk.Kind != model.Figure {
		text, _, _ = model.MarkLinks(blk.Text, blk.Spans, links)
	}
	quote := int(blk.Quote)
	if blk.Kind == model.Quote {
		quote = max(quote, 1)
	}
	d := int(blk.Depth)
	if d > 0 {
		if blk.Kind == model.ListItem {
			d--
		} else {
			d++
		}
	}
	outer := 0 // list levels outside the quotes
	if quote > 0 {
		outer = min(int(blk.QuoteFrom), d)
	}
	indent := strings.Repeat("  ", outer) + strings.Repeat("> ", quote) + strings.Repeat("  ", d-outer)
	switch blk.Kind {
	case model.Heading:
		text = strings.Repeat("#", max(int(blk.Level), 1)) + " " + text
	case model.Caption:
		text = captionMark(lang) + " " + text
	case model.Figure:
		text = captionMark(lang) + " " + figureText(blk, lang, links)
	case model.ListItem:
		text = listMarker(blk) + text
	case model.Footnote:
		text = fmt.Sprintf("[^%d] %s", blk.Number, text)
	case model.Rule:
		b.WriteString(indent + "----")
		return
	case model.Code:
		writeCode(b, blk, indent)
		return
	case model.Table:
		writeTable(b, blk.Table, indent, width, links)
		return
	}
	rest := indent
	if blk.Kind == model.ListItem || blk.Kind == model.Caption || blk.Kind == model.Figure || blk.Kind == model.Footnote {
		rest += "  "
	}
	b.WriteString(wrapIndent(text, width, indent, rest))
}

// figureText is a figure's caption with the reference numbers of its
// image and, for a linked image, of its link.
func figureText(blk model.Block, lang string, links *model.LinkNumbers) string {
	text, spans := blk.Text, blk.Spans
	if blk.Image == nil {
		text, _, _ = model.MarkLinks(text, spans, links)
		return text
	}
	text = blk.Image.Caption(text, lang)
	if text == "" {
		text = "(image)"
	}
	url := blk.Image.URL
	if blk.Image.Link != "" {
		// The image's own address first, then where it links to.
		text += fmt.Sprintf("[%d]", links.Number(url, text))
		url = blk.Image.Link
	}
	text, _, _ = model.MarkLinks(text, []model.Span{{Kind: model.Link, End: len(text), URL: url}}, links)
	return text
}

func listMarker(blk model.Block) string {
	switch {
	case blk.Task == model.Checked:
		return "[x] "
	case blk.Task == model.Unchecked:
		return "[ ] "
	case blk.Number > 0:
		return fmt.Sprintf("%d. ", blk.Number)
	}
	return "• "
}

// writeCode writes a code block's lines verbatim, tabs kept, after indent
// and four spaces.
func writeCode(b *strings.Builder, blk model.Block, indent string) {
	if blk.Code == nil || len(blk.Code.Lines) == 0 {
		b.WriteString(indent + "    ")
		return
	}
	for i, l := range blk.Code.Lines {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.TrimRight(indent+"    "+l, " "))
	}
}

// writeTable writes a table as a grid of "|" columns when it fits the
// width, and as one record of "header: value" lines per row when not.
func writeTable(b *strings.Builder, t *model.TableBlock, indent string, width int, links *model.LinkNumbers) {
	if t == nil {
		return
	}
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	cell := func(row []model.Cell, i int) string {
		if i >= len(row) {
			return ""
		}
		text, _, _ := model.MarkLinks(row[i].Text, row[i].Spans, links)
		return text
	}
	header := make([]string, cols)
	rows := make([][]string, len(t.Rows))
	widths := make([]int, cols)
	for i := range cols {
		header[i] = cell(t.Header, i)
		widths[i] = max(ansi.StringWidth(header[i]), 3)
	}
	for k, r := range t.Rows {
		rows[k] = make([]string, cols)
		for i := range cols {
			rows[k][i] = cell(r, i)
			widths[i] = max(widths[i], ansi.StringWidth(rows[k][i]))
		}
	}
	total := ansi.StringWidth(indent) + 1
	for _, w := range widths {
		total += w + 3
	}
	if width > 0 && total > width {
		for k, r := range rows {
			if k > 0 {
				b.WriteString("\n" + indent + "---\n")
			}
			for i, c := range r {
				if i > 0 {
					b.WriteString("\n")
				}
				b.WriteString(wrapIndent(header[i]+": "+c, width, indent, indent+"  "))
			}
		}
		return
	}
	line := func(cells []string) string {
		var l strings.Builder
		l.WriteString(indent + "|")
		for i, c := range cells {
			before, after := t.Pad(i, widths[i]-ansi.StringWidth(c))
			l.WriteString(" " + strings.Repeat(" ", before) + c + strings.Repeat(" ", after) + " |")
		}
		return l.String()
	}
	b.WriteString(line(header) + "\n" + indent + "|")
	for _, w := range widths {
		b.WriteString(strings.Repeat("-", w+2) + "|")
	}
	for _, r := range rows {
		b.WriteString("\n" + line(r))
	}
}

// wrapIndent wraps text to width after indent, with rest before every
// line after the first.
func wrapIndent(text string, width int, indent, rest string) string {
	if width <= 0 {
		return indent + text
	}
	lines := strings.Split(ansi.Wordwrap(text, max(width-ansi.StringWidth(rest), 10), ""), "\n")
	if ansi.StringWidth(indent+text) <= width {
		return indent + text
	}
	return indent + strings.Join(lines, "\n"+rest)
}

func widthOr(w, def int) int {
	if w <= 0 {
		return def
	}
	return w
}

func captionMark(lang string) string {
	if lang == "vi" {
		return "[Ảnh]"
	}
	return "[Photo]"
}

// wrap wraps s to width columns; width <= 0 does not wrap.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	return ansi.Wordwrap(s, width, "")
}

// PrintError formats a load error as bao reports it: "bao: PATH: reason".
func PrintError(w io.Writer, e model.LoadError) {
	fmt.Fprintf(w, "bao: %s: %s\n", model.SafeText(e.Path), model.SafeText(e.Err.Error()))
}
