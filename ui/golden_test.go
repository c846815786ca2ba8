package ui

import (
	"fmt"
	"strings"
	"testing"
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
