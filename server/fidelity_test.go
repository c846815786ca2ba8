package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/internal/wordcheck"
	"bao/model"
	"bao/ui"
)

// TestNoWordLostOverSSH pages through each Markdown fixture over SSH, as a
// visitor would with space, and checks that every word and URL of it, as
// goldmark renders it, reached the visitor's screen.
func TestNoWordLostOverSSH(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/fidelity/*.md")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			words, urls, err := wordcheck.Visible(src)
			if err != nil {
				t.Fatal(err)
			}
			a, err := articles.ReadFile(path, articles.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, addr := testServer(t, &model.Library{Articles: []*model.Article{a}}, nil)
			const w, h = 100, 30
			term := openTerminal(t, addr, newKey(t), w, h)
			term.waitText("1 article")
			term.send("\r")
			term.waitText("min read")
			// Each page is waited for whole: every body line as the reader
			// lays the article out at this size (80 columns), so that no
			// half-drawn screen is read.
			st, _ := ui.NewStyles("dark")
			doc := ui.Render(a, 80, &st, 0)
			body := h - 2
			last := max(len(doc.Plain)-body, 0)
			var seen strings.Builder
			for offset := 0; ; offset = min(offset+body, last) {
				want := make([]string, 0, body)
				for i := offset; i < offset+body && i < len(doc.Plain); i++ {
					want = append(want, strings.TrimSpace(doc.Plain[i]))
				}
				s := term.waitFor(fmt.Sprintf("the page at line %d", offset), func(s []string) bool {
					for i, l := range want {
						if i+1 >= len(s) || strings.TrimSpace(s[i+1]) != l {
							return false
						}
					}
					return true
				})
				seen.WriteString(strings.Join(s[1:len(s)-1], "\n") + "\n")
				if offset == last {
					break
				}
				term.send(" ")
			}
			r := wordcheck.Check(words, urls, seen.String())
			if len(r.Lost) > 0 || len(r.LostURLs) > 0 {
				t.Errorf("over SSH: %d of %d words lost %q; %d of %d URLs lost %q", len(r.Lost), r.Words, r.Lost, len(r.LostURLs), r.URLs, r.LostURLs)
			}
		})
	}
}
