package articles

import (
	"cmp"
	"strings"
	"time"

	"bao/model"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
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
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table))

// ParseMarkdown reads a Markdown article from cleaned text: optional YAML
// front matter (title, author or authors, date, source, dateline,
// description, lang), "#" headings, paragraphs, lists, block quotes, and
// images whose alt or title text become captions. Without a title in the
// front matter, the first level-one heading is the title.
func ParseMarkdown(src string) *model.Article {
	a := &model.Article{Format: model.Markdown}
	body, fm := splitFrontMatter(src, a)
	mp := &mdParser{a: a, src: []byte(body), leadOpen: true}
	doc := markdown.Parser().Parse(text.NewReader(mp.src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		mp.block(n)
	}
	if a.Title == "" && len(a.Blocks) > 0 {
		a.Title = a.Blocks[0].Text
		a.Blocks = a.Blocks[1:]
	}
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

func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04", "2006-01-02", "2/1/2006", "02/01/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Time{}
}

// mdParser walks goldmark's syntax tree into blocks.
type mdParser struct {
	a   *model.Article
	src []byte
	// leadOpen is true until the first heading after the title or the
	// first paragraph: that paragraph is the lead.
	leadOpen bool
}

func (p *mdParser) add(kind model.BlockKind, level int, t string) {
	if t = strings.Join(strings.Fields(t), " "); t != "" {
		p.a.Blocks = append(p.a.Blocks, model.Block{Kind: kind, Level: uint8(level), Text: t})
	}
}

func (p *mdParser) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		t := p.inline(n, nil)
		if n.Level == 1 && p.a.Title == "" {
			p.a.Title = strings.Join(strings.Fields(t), " ")
			return
		}
		p.leadOpen = false
		p.add(model.Heading, n.Level, t)
	case *ast.Paragraph, *ast.TextBlock:
		p.paragraph(n)
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			p.add(model.ListItem, 0, p.inline(item, nil))
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.add(model.Quote, 0, p.inline(c, nil))
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		p.add(model.Paragraph, 0, string(n.Lines().Value(p.src)))
	case *ast.ThematicBreak, *ast.HTMLBlock:
	default:
		p.add(model.Paragraph, 0, p.inline(n, nil))
	}
}

// paragraph adds a paragraph and a caption for each image in it.
func (p *mdParser) paragraph(n ast.Node) {
	var captions []string
	t := strings.TrimSpace(p.inline(n, &captions))
	if t != "" && p.leadOpen && p.a.Lead == "" && p.a.Title != "" {
		p.a.Lead = strings.Join(strings.Fields(t), " ")
		p.leadOpen = false
	} else {
		p.add(model.Paragraph, 0, t)
	}
	for _, c := range captions {
		p.add(model.Caption, 0, c)
	}
}

// inline returns the plain text of n's inline content. Image alt and title
// texts go to captions when it is not nil.
func (p *mdParser) inline(n ast.Node, captions *[]string) string {
	var b strings.Builder
	p.writeInline(&b, n, captions)
	return b.String()
}

func (p *mdParser) writeInline(b *strings.Builder, n ast.Node, captions *[]string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(p.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.Image:
			alt := strings.TrimSpace(p.inline(c, nil))
			if t := strings.TrimSpace(string(c.Title)); t != "" && t != alt {
				alt = strings.TrimSpace(alt + " " + t)
			}
			if captions != nil && alt != "" {
				*captions = append(*captions, alt)
			}
		case *ast.AutoLink:
			b.Write(c.URL(p.src))
		case *ast.RawHTML:
		default:
			p.writeInline(b, c, captions)
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
		}
	}
}
