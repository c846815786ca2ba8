// Command wordloss checks that bao keeps every word of Markdown files: for
// each .md file under the given directories (the Go module cache when none
// is given), it compares the visible text goldmark renders with what
// bao cat --color=never and the reader (80 columns) show, and reports the
// words and URLs each one lost.
//
//	go run ./cmd/wordloss [-v] [DIR...]
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"bao/articles"
	"bao/internal/wordcheck"
	"bao/ui"
)

func main() {
	verbose := flag.Bool("v", false, "list the lost words of each file")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "wordloss: go env GOMODCACHE:", err)
			os.Exit(2)
		}
		dirs = []string{strings.TrimSpace(string(out))}
	}
	st, err := ui.NewStyles("dark")
	if err != nil {
		fmt.Fprintln(os.Stderr, "wordloss:", err)
		os.Exit(2)
	}
	var t totals
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".md") {
				return nil
			}
			t.file(path, &st, *verbose)
			return nil
		})
	}
	t.report()
	if t.lostWords+t.lostURLs > 0 {
		os.Exit(1)
	}
}

type totals struct {
	files, skipped, words, urls, lostWords, lostURLs, filesLosing int
	reasons                                                       map[string]int
}

func (t *totals) file(path string, st *ui.Styles, verbose bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.skip("unreadable")
		return
	}
	a, err := articles.ReadFile(path, articles.Options{})
	if err != nil {
		switch {
		case errors.Is(err, articles.ErrEmpty):
			t.skip("empty")
		default:
			t.skip(err.Error())
		}
		return
	}
	words, urls, err := wordcheck.Visible(src)
	if err != nil {
		t.skip("goldmark: " + err.Error())
		return
	}
	t.files++
	t.words += len(words)
	t.urls += len(urls)
	var cat bytes.Buffer
	articles.WriteText(&cat, a, 80)
	doc := ui.Render(a, 80, st, 0)
	worst := 0
	for name, out := range map[string]string{"cat": cat.String(), "reader": strings.Join(doc.Plain, "\n")} {
		r := wordcheck.Check(words, urls, out)
		t.lostWords += len(r.Lost)
		t.lostURLs += len(r.LostURLs)
		worst = max(worst, len(r.Lost)+len(r.LostURLs))
		if len(r.Lost)+len(r.LostURLs) > 0 {
			fmt.Printf("%s: %s lost %d of %d words, %d of %d URLs\n", path, name, len(r.Lost), r.Words, len(r.LostURLs), r.URLs)
			if verbose {
				fmt.Printf("  words %q\n  urls %q\n", r.Lost, r.LostURLs)
			}
		}
	}
	if worst > 0 {
		t.filesLosing++
	}
}

func (t *totals) skip(reason string) {
	if t.reasons == nil {
		t.reasons = map[string]int{}
	}
	t.skipped++
	t.reasons[reason]++
}

func (t *totals) report() {
	fmt.Printf("\n%d files, %d visible words, %d URLs\n", t.files, t.words, t.urls)
	fmt.Printf("lost: %d words and %d URLs, in %d files (cat and reader together)\n", t.lostWords, t.lostURLs, t.filesLosing)
	if t.skipped > 0 {
		var rs []string
		for r, n := range t.reasons {
			rs = append(rs, fmt.Sprintf("%d %s", n, r))
		}
		sort.Strings(rs)
		fmt.Printf("not read as articles: %d (%s)\n", t.skipped, strings.Join(rs, "; "))
	}
}
