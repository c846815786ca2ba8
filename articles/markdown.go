package articles

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"bao/model"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// frontMatter holds the YAML keys bao reads at the top of a Markdown file.
type frontMatter struct {
	Title       string    `yaml:"title"`
	Author      yaml.Node `yaml:"author"`
	Authors     []string  `yaml:"authors"`
	Date        string    `yaml:"date"`
	Source      string    `yaml:"source"`
	Dateline    string    `yaml:"dateline"`
	Description string    `yaml:"description"`
	Lang        string    `yaml:"lang"`
	Language    string    `yaml:"language"`
	URL         string    `yaml:"url"`
	Feed        string    `yaml:"feed"`
}

// markdown parses CommonMark with GitHub's extensions (tables,
// strikethrough, task lists, bare links), footnotes and definition lists.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList))

// ParseMarkdown reads a Markdown article from cleaned text: optional YAML
// front matter (title, author or authors, date, source, dateline,
// description, lang), then CommonMark with GitHub's extensions, footnotes
// and definition lists. Every construct keeps its text, its inline styles
// and links; see the README's fidelity table. Only a "#" heading that opens
// the document is the title; a front-matter title equal to it is shown
// once. The first plain paragraph before any heading is the lead, unless
// the front matter gives a description.
func ParseMarkdown(src string) *model.Article {
	a := &model.Article{Format: model.Markdown}
	body, fm := splitFrontMatter(src, a)
	mp := &mdParser{a: a, src: []byte(body), leadOpen: fm.Description == "", first: true}
	doc := markdown.Parser().Parse(text.NewReader(mp.src))
	mp.blocks(doc, nest{})
	if a.Lead == "" && fm.Description != "" {
		a.Lead = CleanLine(fm.Description)
	}
	if a.Language == "" {
		a.Language = detectLanguage(body)
	}
	if a.Dateline == "" && a.Lead != "" {
		lead, source, dateline := splitLeadPrefix(a.Lead, a.Language)
		if source == "" || a.Source == "" || source == a.Source {
			a.Lead, a.Dateline = lead, dateline
			a.Source = cmp.Or(a.Source, source)
		}
	}
	a.Derive()
	return a
}

// splitFrontMatter reads YAML front matter into a and returns the rest.
func splitFrontMatter(src string, a *model.Article) (string, frontMatter) {
	var fm frontMatter
	if !strings.HasPrefix(src, "---\n") {
		return src, fm
	}
	head, body, ok := strings.Cut(src[4:], "\n---")
	if !ok {
		return src, fm
	}
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if err := yaml.Unmarshal([]byte(head), &fm); err != nil {
		return body, fm
	}
	a.Title = CleanLine(fm.Title)
	a.Byline = authors(fm)
	a.Source = CleanLine(fm.Source)
	a.Dateline = CleanLine(fm.Dateline)
	a.Date = parseDate(fm.Date)
	a.Language = CleanLine(fm.Lang + fm.Language)
	a.URL = model.SafeText(strings.TrimSpace(fm.URL))
	a.Feed = CleanLine(fm.Feed)
	return body, fm
}

func authors(fm frontMatter) []string {
	var out []string
	switch fm.Author.Kind {
	case yaml.ScalarNode:
		out = append(out, splitByline(fm.Author.Value)...)
	case yaml.SequenceNode:
		for _, n := range fm.Author.Content {
			out = append(out, n.Value)
		}
	}
	out = append(out, fm.Authors...)
	for i := range out {
		out[i] = CleanLine(out[i])
	}
	return out
}

// nest is where a block sits: how deep in lists and in block quotes, and
// the list depth the first quote opened at.
type nest struct{ depth, quote, quoteFrom uint8 }

// mdParser walks goldmark's syntax tree into blocks.
type mdParser struct {
	a   *model.Article
	src []byte
	// leadOpen is true until the first heading or the first block that
	// cannot be a lead: a plain paragraph before it is the lead.
	leadOpen bool
	// first is true until the first block: only a heading there can be
	// the title.
	first bool
	// openLinks are the spans of inline <a> tags not yet closed.
	openLinks []int
}

func (p *mdParser) blocks(n ast.Node, at nest) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.block(c, at)
	}
}

func (p *mdParser) add(b model.Block, at nest) {
	b.Depth, b.Quote = at.depth, at.quote
	if at.quote > 0 {
		b.QuoteFrom = at.quoteFrom
	}
	p.a.Blocks = append(p.a.Blocks, b)
	p.first = false
	p.leadOpen = false
}

func (p *mdParser) block(n ast.Node, at nest) {
	switch n := n.(type) {
	case *ast.Heading:
		t, spans := p.inline(n)
		if p.first && n.Level == 1 && at == (nest{}) {
			p.first = false
			if p.a.Title == "" {
				p.a.Title, p.a.TitleSpans = t, spans
				return
			}
			if model.Fold(p.a.Title) == model.Fold(t) {
				return
			}
		}
		if t == "" {
			return // an empty "#": no text, and no section to go to
		}
		p.add(model.Block{Kind: model.Heading, Level: uint8(n.Level), Text: t, Spans: spans}, at)
	case *ast.Paragraph, *ast.TextBlock:
		p.paragraph(n, at)
	case *ast.List:
		p.list(n, at)
	case *ast.Blockquote:
		in := nest{at.depth, at.quote + 1, at.quoteFrom}
		if at.quote == 0 {
			in.quoteFrom = at.depth
		}
		p.blocks(n, in)
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang, _, _ = strings.Cut(strings.TrimSpace(string(n.Info.Segment.Value(p.src))), " ")
		}
		p.code(n, lang, at)
	case *ast.CodeBlock:
		p.code(n, "", at)
	case *ast.ThematicBreak:
		p.add(model.Block{Kind: model.Rule}, at)
	case *ast.HTMLBlock:
		p.html(n, at)
	case *extast.Table:
		p.table(n, at)
	case *extast.DefinitionList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if term, ok := c.(*extast.DefinitionTerm); ok {
				t, spans := p.inline(term)
				if t == "" {
					// A term with no text ("[](x)" over ": ..."), as
					// an empty paragraph has: nothing to show.
					continue
				}
				if whole := (model.Span{Kind: model.Strong, End: len(t)}); !slices.Contains(spans, whole) {
					// A term is shown strong, once.
					spans = append(spans, whole)
				}
				p.add(model.Block{Kind: model.Paragraph, Text: t, Spans: spans}, at)
				continue
			}
			p.blocks(c, nest{at.depth + 1, at.quote, at.quoteFrom})
		}
	case *extast.FootnoteList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*extast.Footnote); ok {
				var t inlineText
				for k := fn.FirstChild(); k != nil; k = k.NextSibling() {
					t.separate()
					p.walk(&t, k)
				}
				text, spans := t.result()
				p.add(model.Block{Kind: model.Footnote, Number: int32(fn.Index), Text: text, Spans: spans}, at)
			}
		}
	default:
		if n.Type() == ast.TypeBlock && n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
			p.blocks(n, at)
			return
		}
		p.paragraph(n, at)
	}
}

// paragraph adds a paragraph, or a figure for each image when the paragraph
// holds nothing but images.
func (p *mdParser) paragraph(n ast.Node, at nest) {
	if images := p.figures(n); images != nil {
		for _, b := range images {
			p.add(b, at)
		}
		return
	}
	t, spans := p.inline(n)
	if t == "" {
		return
	}
	kind := model.Paragraph
	if at.quote > 0 {
		kind = model.Quote
	}
	if p.leadOpen && p.a.Title != "" && at == (nest{}) && len(spans) == 0 {
		p.a.Lead = t
		p.leadOpen, p.first = false, false
		return
	}
	p.add(model.Block{Kind: kind, Text: t, Spans: spans}, at)
}

// figures returns one figure block per image when n holds only images
// (each perhaps inside a link) and spaces; nil otherwise.
func (p *mdParser) figures(n ast.Node) []model.Block {
	var out []model.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		link := ""
		img := c
		if l, ok := c.(*ast.Link); ok && l.FirstChild() != nil && l.FirstChild() == l.LastChild() {
			link, img = p.url(l.Destination), l.FirstChild()
		}
		switch img := img.(type) {
		case *ast.Image:
			alt, _ := p.inline(img)
			caption, credit := alt, ""
			if title := CleanLine(string(img.Title)); strings.HasPrefix(title, creditTitle) {
				// The picture's credit, as bao writes it when saving.
				credit = strings.TrimSpace(strings.TrimPrefix(title, creditTitle))
			} else if title != "" && title != alt {
				caption = strings.TrimSpace(alt + " " + title)
			}
			out = append(out, model.Block{Kind: model.Figure, Text: caption,
				Image: &model.Image{URL: p.url(img.Destination), Alt: alt, Link: link, Credit: credit}})
		case *ast.Text:
			if strings.TrimSpace(string(img.Segment.Value(p.src))) != "" || link != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return out
}

func (p *mdParser) list(n *ast.List, at nest) {
	depth := at.depth + 1
	number := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		b := model.Block{Kind: model.ListItem}
		if n.IsOrdered() {
			b.Number = int32(number)
			number++
		}
		rest := item.FirstChild()
		if first, ok := rest.(*ast.TextBlock); ok {
			b.Task = task(first)
			b.Text, b.Spans = p.inline(first)
			rest = rest.NextSibling()
		} else if first, ok := rest.(*ast.Paragraph); ok {
			b.Task = task(first)
			b.Text, b.Spans = p.inline(first)
			rest = rest.NextSibling()
		}
		p.add(b, nest{depth, at.quote, at.quoteFrom})
		for ; rest != nil; rest = rest.NextSibling() {
			p.block(rest, nest{depth, at.quote, at.quoteFrom})
		}
	}
}

// task returns the state of a task-list checkbox that opens n.
func task(n ast.Node) model.Task {
	if box, ok := n.FirstChild().(*extast.TaskCheckBox); ok {
		if box.IsChecked {
			return model.Checked
		}
		return model.Unchecked
	}
	return model.NoTask
}

func (p *mdParser) code(n ast.Node, lang string, at nest) {
	lines := n.Lines()
	c := &model.CodeBlock{Lang: CleanLine(lang), Lines: make([]string, lines.Len())}
	var words []string
	for i := range lines.Len() {
		seg := lines.At(i)
		l := strings.TrimRight(string(seg.Value(p.src)), "\n")
		if seg.Padding > 0 {
			l = strings.Repeat(" ", seg.Padding) + l
		}
		c.Lines[i] = l
		words = append(words, strings.Fields(l)...)
	}
	p.add(model.Block{Kind: model.Code, Text: strings.Join(words, " "), Code: c}, at)
}

func (p *mdParser) table(n *extast.Table, at nest) {
	t := &model.TableBlock{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, [...]model.Align{extast.AlignLeft: model.AlignLeft, extast.AlignRight: model.AlignRight,
			extast.AlignCenter: model.AlignCenter, extast.AlignNone: model.AlignNone}[a])
	}
	var words []string
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []model.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			text, spans := p.inline(cell)
			cells = append(cells, model.Cell{Text: text, Spans: spans})
			if text != "" {
				words = append(words, text)
			}
		}
		if _, ok := row.(*extast.TableHeader); ok {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	p.add(model.Block{Kind: model.Table, Text: strings.Join(words, " "), Table: t}, at)
}

// html keeps the visible text of an HTML block as paragraphs, with its
// links; scripts, styles and comments are dropped.
func (p *mdParser) html(n *ast.HTMLBlock, at nest) {
	var raw bytes.Buffer
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		raw.Write(seg.Value(p.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(p.src))
	}
	for _, b := range htmlText(raw.Bytes()) {
		if at.quote > 0 && b.Kind == model.Paragraph {
			b.Kind = model.Quote
		}
		p.add(b, at)
	}
}

// inline returns the plain text of n's inline content and its spans.
func (p *mdParser) inline(n ast.Node) (string, []model.Span) {
	var t inlineText
	p.openLinks = p.openLinks[:0]
	p.walk(&t, n)
	for _, i := range p.openLinks {
		if t.spans[i].End < 0 {
			t.spans[i].End = t.b.Len()
		}
	}
	return t.result()
}

func (p *mdParser) walk(t *inlineText, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(p.src)
			if !c.IsRaw() {
				v = unescape(v)
			}
			t.write(string(v))
			if c.SoftLineBreak() || c.HardLineBreak() {
				t.write(" ")
			}
		case *ast.String:
			v := c.Value
			if !c.IsRaw() && !c.IsCode() {
				v = unescape(v)
			}
			t.write(string(v))
		case *ast.CodeSpan:
			start := t.open()
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if tx, ok := k.(*ast.Text); ok {
					t.writeCode(string(tx.Segment.Value(p.src)))
				} else if s, ok := k.(*ast.String); ok {
					t.writeCode(string(s.Value))
				}
			}
			t.close(model.Span{Kind: model.InlineCode, Start: start})
		case *ast.Emphasis:
			kind := model.Emphasis
			if c.Level >= 2 {
				kind = model.Strong
			}
			start := t.open()
			p.walk(t, c)
			t.close(model.Span{Kind: kind, Start: start})
		case *extast.Strikethrough:
			start := t.open()
			p.walk(t, c)
			t.close(model.Span{Kind: model.Strike, Start: start})
		case *ast.Link:
			start := t.open()
			p.walk(t, c)
			t.close(model.Span{Kind: model.Link, Start: start, URL: p.url(c.Destination), Title: CleanLine(string(c.Title))})
		case *ast.AutoLink:
			url := CleanLine(string(c.URL(p.src)))
			start := t.open()
			t.write(string(c.Label(p.src)))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			t.close(model.Span{Kind: model.Link, Start: start, URL: url})
		case *ast.Image:
			start := t.open()
			p.walk(t, c)
			if t.b.Len() == start {
				// No alternative text: a word stands in, so that the
				// image's address keeps a place in the text.
				t.write("image")
			}
			t.close(model.Span{Kind: model.Link, Start: start, URL: p.url(c.Destination), Title: CleanLine(string(c.Title))})
		case *extast.FootnoteLink:
			start := t.open()
			t.write(fmt.Sprintf("[^%d]", c.Index))
			t.close(model.Span{Kind: model.FootnoteRef, Start: start, URL: fmt.Sprintf("#fn-%d", c.Index)})
		case *ast.RawHTML:
			p.rawHTML(t, c)
		case *extast.TaskCheckBox, *extast.FootnoteBacklink:
		default:
			if c.Type() == ast.TypeBlock {
				t.separate()
			}
			p.walk(t, c)
		}
	}
}

// rawHTML keeps what inline HTML shows: an <a href> is a link over the
// text up to its </a>, an <img> its alternative text linked to its
// source, a <br> a space. Other tags are dropped and their text kept.
func (p *mdParser) rawHTML(t *inlineText, n *ast.RawHTML) {
	var raw bytes.Buffer
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(p.src))
	}
	z := html.NewTokenizer(&raw)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		name, more := z.TagName()
		attrs := map[string]string{}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		switch a := atom.Lookup(name); {
		case a == atom.A && tt == html.StartTagToken:
			p.openLinks = append(p.openLinks, len(t.spans))
			t.spans = append(t.spans, model.Span{Kind: model.Link, Start: t.open(), End: -1, URL: CleanLine(attrs["href"])})
		case a == atom.A && tt == html.EndTagToken:
			if k := len(p.openLinks); k > 0 {
				if i := p.openLinks[k-1]; i < len(t.spans) {
					t.spans[i].End = t.b.Len()
				}
				p.openLinks = p.openLinks[:k-1]
			}
		case a == atom.Img && tt != html.EndTagToken:
			start := t.open()
			t.write(cmp.Or(CleanLine(attrs["alt"]), "image"))
			t.close(model.Span{Kind: model.Link, Start: start, URL: CleanLine(attrs["src"])})
		case a == atom.Br:
			t.separate()
		}
	}
}

// url decodes a link destination's escapes and entities.
func (p *mdParser) url(dest []byte) string {
	return CleanLine(string(unescape(dest)))
}

// unescape decodes backslash escapes and character references, as an HTML
// renderer would.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// inlineText builds a block's plain text, runs of space collapsed and
// controls dropped, and the spans over it.
type inlineText struct {
	b     strings.Builder
	spans []model.Span
	// space is set when a space is due before the next text.
	space bool
}

func (t *inlineText) write(s string) {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v':
			// Only ASCII space collapses: a no-break space is kept, and
			// keeps "500 MB" on one line.
			t.space = t.b.Len() > 0
		case model.Unsafe(r), model.Invisible(r):
		default:
			if t.space {
				t.b.WriteByte(' ')
				t.space = false
			}
			t.b.WriteRune(r)
		}
	}
}

// writeCode writes code span text: line ends are spaces, other spaces kept.
func (t *inlineText) writeCode(s string) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			t.b.WriteByte(' ')
		case model.Unsafe(r), model.Invisible(r):
		default:
			if t.space {
				t.b.WriteByte(' ')
				t.space = false
			}
			t.b.WriteRune(r)
		}
	}
}

// separate puts a space before what comes next.
func (t *inlineText) separate() { t.space = t.b.Len() > 0 }

// open starts a span and returns its start.
func (t *inlineText) open() int {
	if t.space {
		t.b.WriteByte(' ')
		t.space = false
	}
	return t.b.Len()
}

func (t *inlineText) close(s model.Span) {
	s.End = t.b.Len()
	if s.End > s.Start {
		t.spans = append(t.spans, s)
	}
}

func (t *inlineText) result() (string, []model.Span) {
	raw := t.b.String()
	s := norm.NFC.String(raw)
	if len(t.spans) == 0 {
		return s, nil
	}
	if s != raw {
		// A mark after a span's edge (or an entity) composed with the
		// letter before it: move each edge to the edge of the
		// normalised segment that holds it.
		t.spans = remapSpans(raw, t.spans)
	}
	spans := t.spans[:0]
	for _, sp := range t.spans {
		if sp.End > len(s) {
			sp.End = len(s)
		}
		if sp.End > sp.Start && !slices.Contains(spans, sp) {
			// The same style twice over the same text (a definition term
			// that is also strong) is one span.
			spans = append(spans, sp)
		}
	}
	if len(spans) == 0 {
		return s, nil
	}
	return s, spans
}

// remapSpans carries span offsets in raw over to offsets in NFC(raw). An
// edge inside a segment that normalisation rewrote widens to take in the
// whole segment, so a span never cuts a composed rune.
func remapSpans(raw string, spans []model.Span) []model.Span {
	type seg struct{ from, to, nfrom, nto int }
	var segs []seg
	var it norm.Iter
	it.InitString(norm.NFC, raw)
	n := 0
	for !it.Done() {
		from := it.Pos()
		out := len(it.Next())
		segs = append(segs, seg{from, it.Pos(), n, n + out})
		n += out
	}
	// find returns the segment holding offset x, or one past the last.
	find := func(x int) int {
		return sort.Search(len(segs), func(i int) bool { return segs[i].to > x })
	}
	for i := range spans {
		if j := find(spans[i].Start); j < len(segs) {
			spans[i].Start = segs[j].nfrom
		} else {
			spans[i].Start = n
		}
		if spans[i].End <= 0 {
			continue
		}
		if j := find(spans[i].End - 1); j < len(segs) {
			spans[i].End = segs[j].nto
		} else {
			spans[i].End = n
		}
	}
	return spans
}
