package articles

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"bao/model"
)

// page makes an HTML page with the head and the body given, the body
// padded with a paragraph long enough to be read as an article.
func page(head, body string) []byte {
	return []byte("<!DOCTYPE html><html><head>" + head + "</head><body><article>" + body +
		"<p>" + strings.Repeat("The council met again on Monday to discuss the plan. ", 8) + "</p></article></body></html>")
}

func TestHTMLCharsets(t *testing.T) {
	// "Hà Nội" in windows-1258: à is one byte, ộ is ô and a combining dot
	// below.
	hanoi1258 := "H\xe0 N\xf4\xf2i"
	for _, c := range []struct {
		name, contentType string
		data              []byte
		want              string
	}{
		{"meta windows-1258", "", page(`<meta charset="windows-1258"><title>`+hanoi1258+" m\xf9a thu</title>", ""), "Hà Nội mùa thu"},
		{"http-equiv windows-1258", "", page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>`+hanoi1258+`</title>`, ""), "Hà Nội"},
		{"header ISO-8859-1", "text/html; charset=ISO-8859-1", page("<title>Caf\xe9 d\xe9j\xe0 vu</title>", ""), "Café déjà vu"},
		{"header over meta", "text/html; charset=iso-8859-1", page("<meta charset=\"utf-8\"><title>Na\xefve</title>", ""), "Naïve"},
		{"BOM", "", append([]byte("\xef\xbb\xbf"), page("<title>Phở bò</title>", "")...), "Phở bò"},
		{"undeclared UTF-8", "", page("<title>Đà Lạt</title>", ""), "Đà Lạt"},
		{"undeclared, not UTF-8", "", page("<title>Caf\xe9</title>", ""), "Café"},
	} {
		a, err := ParseHTML(c.data, "", c.contentType)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if a.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, a.Title, c.want)
		}
	}
}

func TestHTMLSniffedAndNamed(t *testing.T) {
	p := page("<title>Sniffed page</title>", "")
	for _, name := range []string{"-", "page.html", "page.HTM", "saved.txt"} {
		a, err := Parse(name, p)
		if err != nil || a.Format != model.HTML || a.Title != "Sniffed page" {
			t.Errorf("%s: %v, %+v", name, err, a)
		}
	}
	// A Markdown file that holds HTML stays Markdown.
	a, err := Parse("notes.md", []byte("<html>\n\n# Notes\n\nText.\n"))
	if err != nil || a.Format != model.Markdown {
		t.Errorf("notes.md: %v, %+v", err, a)
	}
	// Plain text that mentions a tag is not a page.
	a, err = Parse("-", []byte("Title\n\nUse <html> to start a page.\n"))
	if err != nil || a.Format != model.PlainText {
		t.Errorf("plain text: %v, %+v", err, a)
	}
}

func TestHTMLWithoutArticle(t *testing.T) {
	for name, p := range map[string][]byte{
		"login wall": []byte(`<html><head><title>Sign in</title></head><body><form><input name=u><input type=password><button>Sign in</button></form><p>Forgot your password?</p></body></html>`),
		"index":      []byte(`<html><head><title>News</title></head><body><ul><li><a href=/a>One story</a></li><li><a href=/b>Another story</a></li><li><a href=/c>A third</a></li></ul></body></html>`),
		"empty":      []byte(`<!doctype html><html></html>`),
	} {
		if _, err := ParseHTML(p, "https://example.com/x", ""); !errors.Is(err, ErrNoArticle) {
			t.Errorf("%s: %v, want ErrNoArticle", name, err)
		}
	}
}

func TestHTMLLinksResolve(t *testing.T) {
	p := page(`<title>Links</title><link rel="canonical" href="https://news.example/2026/story">`,
		`<p>See <a href="/about">about</a>, <a href="other">other</a>, <a href="#notes">notes</a>, <a href="//cdn.example/x">cdn</a> and <a href="javascript:void(0)">nothing</a> here in this paragraph of text.</p>`)
	links := func(a *model.Article) []string {
		var out []string
		for _, b := range a.Blocks {
			for _, s := range b.Spans {
				if s.Kind == model.Link {
					out = append(out, s.URL)
				}
			}
		}
		return out
	}
	// A file: against the address the page gives for itself.
	a, err := ParseHTML(p, "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "https://news.example/about https://news.example/2026/other #notes https://cdn.example/x"
	if got := strings.Join(links(a), " "); got != want {
		t.Errorf("file: links %q, want %q", got, want)
	}
	if a.URL != "https://news.example/2026/story" {
		t.Errorf("file: URL %q", a.URL)
	}
	// Fetched: against where it was fetched from.
	a, err = ParseHTML(p, "https://mirror.example/page/1", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := links(a)[0]; got != "https://mirror.example/about" {
		t.Errorf("fetched: first link %q", got)
	}
	if a.URL != "https://news.example/2026/story" {
		t.Errorf("fetched: URL %q, want the canonical address", a.URL)
	}
}

// TestHTMLStructure checks the block kinds a page's markup maps onto.
func TestHTMLStructure(t *testing.T) {
	p := page("<title>Structure</title>", `
<h2>First <em>part</em></h2>
<p>Text with <strong>strong</strong>, <code>code</code> and <del>gone</del> words.</p>
<ol start="3"><li>three<ul><li>nested</li></ul></li><li>four</li></ol>
<blockquote><p>Quoted.</p><blockquote><p>Deeper.</p></blockquote></blockquote>
<pre><code class="language-go">func main() {
	println("tab kept")
}</code></pre>
<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody><tr><td>An</td><td>30</td></tr></tbody></table>
<hr>
<h3>Second</h3>`)
	a, err := ParseHTML(p, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range a.Blocks {
		s := b.Kind.String()
		switch b.Kind {
		case model.Heading:
			s += string(rune('0' + b.Level))
		case model.ListItem:
			s += string(rune('0'+b.Depth)) + "#" + string(rune('0'+b.Number))
		case model.Quote:
			s += string(rune('0' + b.Quote))
		case model.Code:
			s += ":" + b.Code.Lang + ":" + b.Code.Lines[1]
		case model.Table:
			s += ":" + b.Table.Header[1].Text + ":" + b.Table.Rows[0][0].Text
		}
		got = append(got, s)
	}
	want := "heading2 paragraph list_item1#3 list_item2#0 list_item1#4 quote1 quote2 code:go:\tprintln(\"tab kept\") table:Age:An rule heading3 paragraph"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("blocks\n %s\nwant\n %s", g, want)
	}
	var kinds []string
	for _, s := range a.Blocks[1].Spans {
		kinds = append(kinds, s.Kind.String()+"="+a.Blocks[1].Text[s.Start:s.End])
	}
	if g := strings.Join(kinds, " "); g != "strong=strong code=code strikethrough=gone" {
		t.Errorf("spans %s", g)
	}
	if h := a.Blocks[0]; len(h.Spans) != 1 || h.Text[h.Spans[0].Start:h.Spans[0].End] != "part" {
		t.Errorf("heading spans %+v", h.Spans)
	}
}

// TestHTMLHostileText: controls in a page's text and attributes never
// reach the article.
func TestHTMLHostileText(t *testing.T) {
	p := page("<title>Bad\x1b]0;owned\x07 title</title>", `<p>Text <a href="https://x.example/&#x1b;[2J">link</a> and &#x9b;2J escape &#27;[31m here.</p><figure><img src="/i.jpg" alt="a&#7;b"><figcaption>cap&#x1b;[0m</figcaption></figure>`)
	a, err := ParseHTML(p, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	all.WriteString(a.Title)
	for _, b := range a.Blocks {
		all.WriteString(b.Text)
		for _, s := range b.Spans {
			all.WriteString(s.URL)
		}
		if b.Image != nil {
			all.WriteString(b.Image.URL + b.Image.Alt + b.Image.Credit)
		}
	}
	if r, ok := noControls(all.String()); !ok {
		t.Errorf("control %U reached the article: %q", r, all.String())
	}
}
