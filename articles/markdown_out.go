package articles

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"bao/model"

	"go.yaml.in/yaml/v3"
)

// savedFrontMatter is the front matter bao writes for a saved article;
// ParseMarkdown reads every field back.
type savedFrontMatter struct {
	Title       string   `yaml:"title"`
	Authors     []string `yaml:"authors,omitempty"`
	Date        string   `yaml:"date,omitempty"`
	Source      string   `yaml:"source,omitempty"`
	Dateline    string   `yaml:"dateline,omitempty"`
	URL         string   `yaml:"url,omitempty"`
	Feed        string   `yaml:"feed,omitempty"`
	Fetched     string   `yaml:"fetched,omitempty"`
	Lang        string   `yaml:"lang,omitempty"`
	Description string   `yaml:"description,omitempty"`
}

// SaveInfo is what a saved article records besides the article: where
// and when it was fetched, and the feed it came from.
type SaveInfo struct {
	Fetched time.Time
	Feed    string
}

// WriteMarkdown writes a as Markdown with YAML front matter (title,
// authors, date, source, url, fetched at, language, lead), so that bao and
// any other tool read it back: headings, paragraphs with their emphasis,
// code and links, quotes, lists, code blocks, tables, figures with their
// caption and credit, rules and footnotes.
func WriteMarkdown(w io.Writer, a *model.Article, info SaveInfo) error {
	fm := savedFrontMatter{Title: a.Title, Authors: a.Byline, Source: a.Source, Dateline: a.Dateline,
		URL: a.URL, Feed: info.Feed, Lang: a.Language, Description: a.Lead}
	if !a.Date.IsZero() {
		fm.Date = a.Date.Format(time.RFC3339)
	}
	if !info.Fetched.IsZero() {
		fm.Fetched = info.Fetched.UTC().Format(time.RFC3339)
	}
	head, err := yaml.Marshal(fm)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(head)
	b.WriteString("---\n")
	prev := model.Block{Kind: model.Rule + 100}
	// definition is set while writing a definition list: a paragraph at
	// depth 1 after a paragraph outside lists is a term's definition.
	definition := false
	for i, blk := range a.Blocks {
		definition = blk.Kind == model.Paragraph && blk.Depth == 1 && blk.Quote == 0 &&
			(prev.Kind == model.Paragraph && prev.Depth == 0 || definition)
		// An item that opens with another block (code, a quote) has no
		// text: that block follows on the next line, or the item would
		// end at the blank line.
		opensItem := prev.Kind == model.ListItem && prev.Text == "" && blk.Depth >= prev.Depth
		if i > 0 && !model.Adjacent(prev, blk) && !opensItem {
			// A blank line inside the quotes both blocks share.
			shared := min(quoteLevel(prev), quoteLevel(blk))
			sep := ""
			if shared > 0 {
				sep = strings.Repeat("    ", int(blk.QuoteFrom)) + quotePrefix(shared)
			}
			b.WriteString(strings.TrimRight(sep, " ") + "\n")
		} else if i == 0 {
			b.WriteString("\n")
		}
		if definition {
			b.WriteString(": " + startSafe(inlineMarkdown(blk.Text, blk.Spans)) + "\n")
		} else {
			writeMarkdownBlock(&b, blk)
		}
		prev = blk
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func quotePrefix(n uint8) string { return strings.Repeat("> ", int(n)) }

// quoteLevel is how many quotes a block is in; a plain-text quote block
// (Quote 0) is in one.
func quoteLevel(b model.Block) uint8 {
	if b.Kind == model.Quote && b.Quote == 0 {
		return 1
	}
	return b.Quote
}

func writeMarkdownBlock(b *strings.Builder, blk model.Block) {
	// Each list level is indented four spaces, enough for the text of
	// "- " and of "10. " items. Quotes opened inside a list item are
	// indented as the item's text; list nesting inside the quotes comes
	// after their markers.
	q, depth := quotePrefix(quoteLevel(blk)), int(blk.Depth)
	if blk.Quote > 0 && blk.QuoteFrom > 0 {
		q = strings.Repeat("    ", int(blk.QuoteFrom)) + q
		depth -= int(blk.QuoteFrom)
	}
	indent := ""
	if depth > 1 {
		indent = strings.Repeat("    ", depth-1)
	}
	line := func(s string) { b.WriteString(q + s + "\n") }
	text := func() string { return startSafe(inlineMarkdown(blk.Text, blk.Spans)) }
	switch blk.Kind {
	case model.Heading:
		line(strings.Repeat("#", int(max(blk.Level, 1))) + " " + inlineMarkdown(blk.Text, blk.Spans))
	case model.ListItem:
		marker := "- "
		if blk.Number > 0 {
			marker = strconv.Itoa(int(blk.Number)) + ". "
		}
		switch blk.Task {
		case model.Checked:
			marker += "[x] "
		case model.Unchecked:
			marker += "[ ] "
		}
		line(indent + marker + text())
	case model.Code:
		lang, lines := "", []string(nil)
		if blk.Code != nil {
			lang, lines = blk.Code.Lang, blk.Code.Lines
		}
		fence := "```"
		for _, l := range lines {
			for strings.Contains(l, fence) {
				fence += "`"
			}
		}
		cont := indent
		if depth > 0 {
			cont = strings.Repeat("    ", depth)
		}
		line(cont + fence + lang)
		for _, l := range lines {
			line(cont + l)
		}
		line(cont + fence)
	case model.Table:
		if blk.Table != nil {
			writeMarkdownTable(b, q, blk.Table)
		}
	case model.Rule:
		line("* * *")
	case model.Figure:
		line(figureMarkdown(blk))
	case model.Caption:
		line("*" + escapeMarkdown(blk.Text, true) + "*")
	case model.Footnote:
		line(fmt.Sprintf("[^%d]: %s", blk.Number, inlineMarkdown(blk.Text, blk.Spans)))
	default:
		if depth > 0 {
			indent = strings.Repeat("    ", depth)
		}
		line(indent + text())
	}
}

// startSafe keeps the start of a line of text from reading as a heading,
// list item, rule or setext underline.
func startSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return `\` + s
	}
	if j := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (strings.HasPrefix(s[j:], ". ") || strings.HasPrefix(s[j:], ") ") || j == len(s)-1 && (s[j] == '.' || s[j] == ')')) {
		return s[:j] + `\` + s[j:]
	}
	return s
}

// figureMarkdown writes an image with its caption as alternative text and
// its credit as title, linked when it links somewhere.
func figureMarkdown(blk model.Block) string {
	im := blk.Image
	if im == nil {
		return escapeMarkdown(blk.Text, true)
	}
	s := "![" + escapeMarkdown(blk.Text, false) + "](" + destination(im.URL)
	if im.Credit != "" {
		s += ` "` + creditTitle + strings.ReplaceAll(im.Credit, `"`, `\"`) + `"`
	}
	s += ")"
	if im.Link != "" {
		s = "[" + s + "](" + destination(im.Link) + ")"
	}
	return s
}

// creditTitle opens an image title that is the picture's credit.
const creditTitle = "Credit: "

func destination(u string) string {
	if u == "" || strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func writeMarkdownTable(b *strings.Builder, q string, t *model.TableBlock) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	row := func(cells []model.Cell) {
		parts := make([]string, cols)
		for i := range parts {
			if i < len(cells) {
				parts[i] = strings.ReplaceAll(inlineMarkdown(cells[i].Text, cells[i].Spans), "|", `\|`)
			}
		}
		b.WriteString(q + "| " + strings.Join(parts, " | ") + " |\n")
	}
	row(t.Header)
	seps := make([]string, cols)
	for i := range seps {
		seps[i] = "---"
		if i < len(t.Align) {
			switch t.Align[i] {
			case model.AlignLeft:
				seps[i] = ":--"
			case model.AlignCenter:
				seps[i] = ":-:"
			case model.AlignRight:
				seps[i] = "--:"
			}
		}
	}
	b.WriteString(q + "| " + strings.Join(seps, " | ") + " |\n")
	for _, r := range t.Rows {
		row(r)
	}
}

// inlineMarkdown writes text with its spans as Markdown: *emphasis*,
// **strong**, `code`, ~~strikethrough~~ and [links](url "title").
func inlineMarkdown(text string, spans []model.Span) string {
	type edge struct {
		at    int
		open  bool
		order int
		s     model.Span
	}
	var edges []edge
	for i, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		edges = append(edges, edge{s.Start, true, i, s}, edge{s.End, false, i, s})
	}
	// At one offset, closings come before openings; outer spans open
	// first and close last.
	slices.SortStableFunc(edges, func(x, y edge) int {
		if c := cmp.Compare(x.at, y.at); c != 0 {
			return c
		}
		if x.open != y.open {
			if x.open {
				return 1
			}
			return -1
		}
		// Over the same text, code is innermost: nothing is written
		// inside its backticks.
		lx, ly := x.s.End-x.s.Start, y.s.End-y.s.Start
		px, py := literal(x.s.Kind), literal(y.s.Kind)
		if x.open {
			return cmp.Or(cmp.Compare(ly, lx), cmp.Compare(px, py), cmp.Compare(x.order, y.order))
		}
		return cmp.Or(cmp.Compare(lx, ly), cmp.Compare(py, px), cmp.Compare(y.order, x.order))
	})
	// A link inside a link cannot be written. Over the same text it is a
	// linked picture (an <a> around an <img> in an HTML block), written as
	// one; otherwise the inner link goes.
	inLink := 0
	var outer model.Span
	edges = slices.DeleteFunc(edges, func(e edge) bool {
		if e.s.Kind != model.Link {
			return false
		}
		if e.open {
			inLink++
			if inLink == 1 {
				outer = e.s
			}
			return inLink > 1 && (e.s.Start != outer.Start || e.s.End != outer.End)
		}
		inLink--
		return inLink > 0 && (e.s.Start != outer.Start || e.s.End != outer.End)
	})
	pictures := map[int]bool{}
	for i := 1; i < len(edges); i++ {
		if p, e := edges[i-1], edges[i]; p.open && e.open && p.s.Kind == model.Link && e.s.Kind == model.Link && p.s.Start == e.s.Start && p.s.End == e.s.End {
			pictures[e.order] = true
		}
	}
	var b strings.Builder
	at := 0
	inCode := false
	for _, e := range edges {
		if e.at > at {
			b.WriteString(markdownText(text[at:e.at], inCode))
			at = e.at
		}
		switch e.s.Kind {
		case model.Emphasis:
			b.WriteString("*")
		case model.Strong:
			b.WriteString("**")
		case model.Strike:
			b.WriteString("~~")
		case model.InlineCode:
			inCode = e.open
			code := text[e.s.Start:e.s.End]
			fence := codeFence(code)
			// Code that starts or ends with a backtick, or with spaces at
			// both ends, is padded: Markdown strips one space each side.
			pad := strings.HasPrefix(code, "`") || strings.HasSuffix(code, "`") ||
				strings.HasPrefix(code, " ") && strings.HasSuffix(code, " ") && strings.Trim(code, " ") != ""
			switch {
			case pad && e.open:
				fence += " "
			case pad:
				fence = " " + fence
			}
			b.WriteString(fence)
		case model.FootnoteRef:
			// Its text is the "[^n]" marker itself, written as it is.
			inCode = e.open
		case model.Link:
			if e.open {
				if pictures[e.order] {
					b.WriteString("!")
				}
				b.WriteString("[")
			} else {
				b.WriteString("](" + destination(e.s.URL))
				if e.s.Title != "" {
					b.WriteString(` "` + strings.ReplaceAll(e.s.Title, `"`, `\"`) + `"`)
				}
				b.WriteString(")")
			}
		}
	}
	b.WriteString(markdownText(text[at:], inCode))
	return b.String()
}

// literal is 1 for the spans whose text is written as it is.
func literal(k model.SpanKind) int {
	if k == model.InlineCode || k == model.FootnoteRef {
		return 1
	}
	return 0
}

func markdownText(s string, code bool) string {
	if code {
		return s
	}
	return escapeMarkdown(s, false)
}

// codeFence is a run of backticks longer than any in s.
func codeFence(s string) string {
	n, run := 1, 0
	for _, r := range s {
		if r == '`' {
			run++
			n = max(n, run+1)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", n)
}

// escapeMarkdown escapes what Markdown would read as markup: a backslash
// before each punctuation mark that can start or end an inline, and,
// when s opens a line, a heading or list marker (see startSafe).
func escapeMarkdown(s string, lineStart bool) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			// As an entity: "&amp;" in the text must not read as "&".
			b.WriteString("&amp;")
			continue
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	if lineStart {
		return startSafe(b.String())
	}
	return b.String()
}
