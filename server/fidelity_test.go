package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/internal/wordcheck"
	"bao/model"
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
			term := openTerminal(t, addr, newKey(t), 100, 30)
			term.waitText("1 article")
			term.send("\r")
			s := term.waitText("min read")
			var seen strings.Builder
			for page := 0; page < 50; page++ {
				seen.WriteString(strings.Join(s[1:len(s)-1], "\n") + "\n")
				if strings.Contains(s[len(s)-1], "100%") {
					break
				}
				before := strings.Join(s, "\n")
				term.send(" ")
				s = term.waitFor("the next page", func(now []string) bool { return strings.Join(now, "\n") != before })
			}
			r := wordcheck.Check(words, urls, seen.String())
			if len(r.Lost) > 0 || len(r.LostURLs) > 0 {
				t.Errorf("over SSH: %d of %d words lost %q; %d of %d URLs lost %q", len(r.Lost), r.Words, r.Lost, len(r.LostURLs), r.URLs, r.LostURLs)
			}
		})
	}
}
