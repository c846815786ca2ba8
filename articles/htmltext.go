package articles

import (
	"bytes"

	"bao/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText returns the visible text of an HTML fragment, such as a
// Markdown file's HTML block, as paragraphs with their links. Block-level
// elements and <br> end a paragraph; scripts, styles, comments and
// templates are dropped; an image with alternative text and no other text
// around it becomes a figure.
func htmlText(src []byte) []model.Block {
	z := html.NewTokenizer(bytes.NewReader(src))
	var (
		out   []model.Block
		t     inlineText
		links []int // open <a> spans, by index into t.spans, -1 for none
		skip  int   // depth inside script, style and the like
	)
	flush := func() {
		for _, i := range links {
			if i >= 0 && t.spans[i].End < 0 {
				t.spans[i].End = t.b.Len()
			}
		}
		text, spans := t.result()
		if text != "" {
			out = append(out, model.Block{Kind: model.Paragraph, Text: text, Spans: spans})
		}
		t = inlineText{}
		links = links[:0]
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				t.write(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript || a == atom.Head:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case skip > 0:
			case a == atom.A && tt == html.StartTagToken:
				if href := CleanLine(attrs["href"]); href != "" {
					start := t.open()
					t.spans = append(t.spans, model.Span{Kind: model.Link, Start: start, End: -1, URL: href})
					links = append(links, len(t.spans)-1)
				} else {
					links = append(links, -1)
				}
			case a == atom.A && tt == html.EndTagToken:
				if n := len(links); n > 0 {
					if i := links[n-1]; i >= 0 {
						t.spans[i].End = t.b.Len()
					}
					links = links[:n-1]
				}
			case a == atom.Img && tt != html.EndTagToken:
				// An image is a figure of its own, linked where its link
				// goes: badges and logos keep both addresses.
				src, alt := CleanLine(attrs["src"]), CleanLine(attrs["alt"])
				if src == "" && alt == "" {
					continue
				}
				link := ""
				if n := len(links); n > 0 && links[n-1] >= 0 {
					link = t.spans[links[n-1]].URL
				}
				flush()
				out = append(out, model.Block{Kind: model.Figure, Text: alt, Image: &model.Image{URL: src, Alt: alt, Link: link}})
			case a == atom.Br || isBlockElement(a):
				flush()
			}
		}
	}
}

// isBlockElement reports the elements that start a new paragraph.
func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Blockquote, atom.Pre, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Details, atom.Summary, atom.Figure, atom.Figcaption, atom.Hr, atom.Dl, atom.Dt, atom.Dd, atom.Picture:
		return true
	}
	return false
}
