// Package wordcheck checks that a rendering of a Markdown document keeps
// every word of it. The document's visible text is taken from goldmark's
// own HTML rendering of it, not from bao's parser, so the two can disagree:
// the text of every element (code included), the alternative text of
// images, and the URL of every link and image.
package wordcheck

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	nethtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// Visible returns the words of a Markdown document's visible text in
// order, and the URLs it links to. YAML front matter is left out.
func Visible(src []byte) (words, urls []string, err error) {
	src = stripFrontMatter(src)
	var out bytes.Buffer
	if err := md.Convert(src, &out); err != nil {
		return nil, nil, err
	}
	z := nethtml.NewTokenizer(&out)
	skip := 0
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return words, urls, nil
		case nethtml.TextToken:
			if skip == 0 {
				words = append(words, Words(string(z.Text()))...)
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken, nethtml.EndTagToken:
			name, more := z.TagName()
			tag := string(name)
			var href, src, alt string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "href":
					href = string(v)
				case "src":
					src = string(v)
				case "alt":
					alt = string(v)
				}
			}
			switch {
			case tag == "script" || tag == "style":
				if bytes.HasPrefix(z.Raw(), []byte("</")) {
					skip = max(skip-1, 0)
				} else {
					skip++
				}
			case skip > 0:
			case tag == "a" && href != "" && !strings.HasPrefix(href, "#fn"):
				urls = append(urls, href)
			case tag == "img":
				words = append(words, Words(alt)...)
				if src != "" {
					urls = append(urls, src)
				}
			}
		}
	}
}

func stripFrontMatter(src []byte) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	if i := bytes.Index(src[4:], []byte("\n---")); i >= 0 {
		rest := src[4+i+4:]
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			return rest[j+1:]
		}
		return nil
	}
	return src
}

// Words splits text into runs of letters, marks and digits, NFC, leaving
// out runs of marks alone (the variation selector of an arrow).
func Words(text string) []string {
	words := strings.FieldsFunc(norm.NFC.String(text), func(r rune) bool { return !isWordRune(r) })
	out := words[:0]
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// Result is what a check found.
type Result struct {
	Words, URLs int
	// Lost are words found nowhere in the output; OutOfOrder are words
	// found only before the place the words before them were found (a
	// table drawn as records repeats its headers, for one).
	Lost, OutOfOrder []string
	// LostURLs are link and image URLs found nowhere in the output.
	LostURLs []string
}

// Check looks for the words, in order, and the URLs in output. Output is
// compared with everything but letters, marks and digits removed, so
// wrapping, breaking a long word, borders and reference numbers do not
// count as changes.
func Check(words, urls []string, output string) Result {
	hay := squash(output)
	r := Result{Words: len(words), URLs: len(urls)}
	at := 0
	for _, w := range words {
		w = squash(w)
		if i := strings.Index(hay[at:], w); i >= 0 {
			at += i + len(w)
			continue
		}
		if strings.Contains(hay, w) {
			r.OutOfOrder = append(r.OutOfOrder, w)
			continue
		}
		r.Lost = append(r.Lost, w)
	}
	for _, u := range urls {
		if !strings.Contains(hay, squash(u)) {
			r.LostURLs = append(r.LostURLs, u)
		}
	}
	return r
}

// squash keeps only the letters, marks and digits of s, NFC.
func squash(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
