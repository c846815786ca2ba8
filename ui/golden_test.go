package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"
)

// Golden screens, without styling, at fixed sizes. Regenerate with
// go test ./ui -update and read the diff before committing.

func screenText(hs *harness) string {
	lines := hs.screen()
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			hs := newHarness(t, sampleLibrary(t), w, h, Options{})
			golden(t, fmt.Sprintf("list-%dx%d.txt", w, h), screenText(hs))
			hs.keys("enter")
			golden(t, fmt.Sprintf("reader-%dx%d.txt", w, h), screenText(hs))
			hs.keys("]", "]")
			golden(t, fmt.Sprintf("reader-section2-%dx%d.txt", w, h), screenText(hs))
			hs.keys("t")
			golden(t, fmt.Sprintf("contents-%dx%d.txt", w, h), screenText(hs))
		})
	}
}

// TestScreensFitTheWindow checks every screen of every sample article at
// several sizes: exactly the window's height, no line wider than it.
func TestScreensFitTheWindow(t *testing.T) {
	lib := sampleLibrary(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {40, 10}, {20, 5}, {200, 60}} {
		w, h := size[0], size[1]
		hs := newHarness(t, lib, w, h, Options{})
		check := func(what string) {
			t.Helper()
			s := hs.screen()
			if len(s) > h {
				t.Errorf("%dx%d %s: %d lines", w, h, what, len(s))
			}
			for _, l := range s {
				if displayWidth(l) > w {
					t.Errorf("%dx%d %s: line of width %d: %q", w, h, what, displayWidth(l), l)
					return
				}
			}
		}
		check("list")
		for i := range lib.Articles {
			hs.keys("enter")
			check(fmt.Sprintf("article %d", i))
			hs.keys("]", "t")
			check(fmt.Sprintf("article %d contents", i))
			hs.keys("esc", "?")
			check(fmt.Sprintf("article %d help", i))
			hs.keys("q", "q", "down")
		}
	}
}

// TestGoldenFidelity keeps the screens of the Markdown fixtures in
// ../testdata/fidelity: every page of each, at 80x24 and 120x40, as the
// reader shows them (paging with space from the top).
func TestGoldenFidelity(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/fidelity/*.md")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		a, err := articles.ReadFile(path, articles.Options{})
		if err != nil {
			t.Fatal(err)
		}
		lib := &model.Library{Articles: []*model.Article{a}}
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s-%dx%d", name, w, h), func(t *testing.T) {
				hs := openFirst(t, lib, w, h)
				var pages strings.Builder
				for page := 1; ; page++ {
					fmt.Fprintf(&pages, "--- page %d\n", page)
					pages.WriteString(screenText(hs))
					before := hs.root().reader.Offset()
					hs.keys("space")
					if hs.root().reader.Offset() == before || page > 40 {
						break
					}
				}
				golden(t, fmt.Sprintf("fidelity/%s-%dx%d.txt", name, w, h), pages.String())
			})
		}
	}
}
