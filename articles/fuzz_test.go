package articles

import (
	"strings"
	"testing"
	"unicode/utf8"

	"bao/model"
)

// checkClean fails when parsed text could reach a terminal as a control.
func checkClean(t *testing.T, where string, s string) {
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8 %q", where, s)
	}
	if r, ok := noControls(s); !ok {
		t.Fatalf("%s: control %U in %q", where, r, s)
	}
	if strings.Contains(s, "\n") {
		t.Fatalf("%s: line break in %q", where, s)
	}
}

// checkSpans fails when a span does not lie on rune boundaries of text,
// or its URL could reach a terminal as a control.
func checkSpans(t *testing.T, text string, spans []model.Span) {
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || !utf8.ValidString(text[s.Start:s.End]) {
			t.Fatalf("span %+v outside or across runes of %q", s, text)
		}
		checkClean(t, "span URL", s.URL+s.Title)
	}
}

func fuzzParse(f *testing.F, name string) {
	if strings.HasSuffix(name, ".html") {
		f.Add([]byte("<!doctype html><html lang=vi><head><meta charset=windows-1258><title>T</title><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"H&amp;#7871;\",\"author\":[{\"name\":\"A\"}]}</script></head><body><article><h1>H</h1><p>" + strings.Repeat("word ", 50) + "<a href=\"/x\x1b]0;\">l</a><em>e</em></p><figure><img data-src=/i.jpg alt=\"\x07\"><figcaption>c <span class=credit>Ảnh: X</span></figcaption></figure><ul><li><p>i</p><ol start=3><li>n</li></ol></li></ul><pre class=language-go>\tf()\n</pre><table><tr><th>a<td>b</table><blockquote><blockquote>q</blockquote></blockquote><hr></article></body></html>"))
		f.Add([]byte("<html><body><div class=caption>x</div><span>a</span><span>b</span>\xff\xfe</body></html>"))
	}
	f.Add([]byte("Title\n\nBy Jane Doe\nShare\n\nLONDON, March 3 (Reuters) - Text.\nHeading\nBody.\n Caption\n\nMost read\nX\n"))
	f.Add([]byte("Tiêu đề\nTP HCMThí sinh dự thi.\nĐoạn một. Ảnh: A. Đoạn hai.  Đoạn ba. Lưu Quý"))
	f.Add([]byte("---\ntitle: x\nauthor: [a, b]\n---\n# H\n\n![alt](i.png \"t\")\n\n- a\n- b\n\n> q\n"))
	f.Add([]byte("\x1b]0;x\x07\u009b2J\xff\xfe\r\n\u202e"))
	f.Add([]byte("# T\n\n| a | `b` |\n|---|--:|\n| [c](http://x \"t\") | ~~d~~ |\n\n1. [x] *e*\n\n   > ```go\n   > \tf\n   > ```\n\n---\n\n<p>g <a href=\"h\">i</a></p>\n\nj[^1]\n\n[^1]: k &#27; &nbsp;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(name, data)
		if err != nil {
			return
		}
		if a.Title == "" {
			t.Fatal("parsed article has no title")
		}
		checkClean(t, "title", a.Title)
		checkClean(t, "lead", a.Lead)
		for _, s := range append(a.Byline, a.Source, a.Dateline) {
			checkClean(t, "byline/source/dateline", s)
		}
		for _, b := range a.Blocks {
			switch b.Kind {
			case model.Rule, model.Code, model.ListItem, model.Figure, model.Table, model.Footnote:
				// May have no text: a rule, an empty code block, an item
				// that opens with a code block, an image without
				// alternative text, a table of empty cells, an empty footnote.
			default:
				if b.Text == "" {
					t.Fatalf("empty %s block", b.Kind)
				}
			}
			checkClean(t, b.Kind.String(), b.Text)
			checkSpans(t, b.Text, b.Spans)
			if b.Code != nil {
				for _, l := range b.Code.Lines {
					checkClean(t, "code line", strings.ReplaceAll(l, "\t", " "))
				}
			}
			if b.Table != nil {
				for _, row := range append([][]model.Cell{b.Table.Header}, b.Table.Rows...) {
					for _, c := range row {
						checkClean(t, "cell", c.Text)
						checkSpans(t, c.Text, c.Spans)
					}
				}
			}
			if b.Image != nil {
				checkClean(t, "image", b.Image.URL+b.Image.Alt+b.Image.Link)
			}
		}
		for _, s := range a.Sections {
			if s.Block < 0 || s.Block >= len(a.Blocks) || a.Blocks[s.Block].Text != s.Title {
				t.Fatalf("section %+v does not point at its heading", s)
			}
		}
	})
}

func FuzzParsePlain(f *testing.F)    { fuzzParse(f, "fuzz.txt") }
func FuzzParseMarkdown(f *testing.F) { fuzzParse(f, "fuzz.md") }
func FuzzParseHTML(f *testing.F)     { fuzzParse(f, "fuzz.html") }
