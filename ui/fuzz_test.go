package ui

import (
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// fuzzKeys maps each byte of the fuzzer's key string to a key press.
var fuzzKeys = []string{"j", "k", "space", "b", "d", "u", "g", "G", "]", "[", "1", "3", "9", "t", "enter", "esc", "/", "n", "N", "q", "?", "down", "up", "m", "F", "f", "B", "u", "s", "e", "x", "a"}

// FuzzReader feeds an arbitrary article and key sequence, at an arbitrary
// window size, to the whole program: it must not panic, and no screen may
// be taller or wider than the window.
func FuzzReader(f *testing.F) {
	f.Add([]byte("Title\n\nBy Jane\n\nLONDON - Lead.\nHeading\nText of the section.\n Caption\n"), "]]t\x0e\x0fj", uint8(80), uint8(24))
	f.Add([]byte("# T\n\n## A\n\nx\n\n## B\n\ny\n"), "/aa\x0en\x11\x00", uint8(20), uint8(5))
	f.Add([]byte("Tiêu đề\nTP HCMThí sinh.\nĐoạn. Ảnh: A. Tiếp.  Ba. Lưu Quý"), "G[[[1t\x07", uint8(200), uint8(60))
	f.Add([]byte("\x1b]0;x\x07\u202e\u0301\u0301 wide 中文字 ＡＢ 🙂\n\n\tx"), "jjjj", uint8(1), uint8(1))
	f.Add([]byte("# T\n\n| a | `b` |\n|---|--:|\n| [c](http://x) | ~~d~~ |\n\n1. [x] *e*\n\n   > ```go\n   > \tfunc f() {}\n   > ```\n\n---\n\n![i](http://y)\n\nj[^1]\n\n[^1]: k\n"), "ljj/c\rjy\x1bG[t", uint8(30), uint8(12))
	f.Fuzz(func(t *testing.T, data []byte, keys string, w, h uint8) {
		// Odd first bytes ("#" among them) read the data as Markdown, even
		// ones as plain text, so both parsers and every block kind meet the
		// reader.
		name := "fuzz.txt"
		if len(data) > 0 && data[0]%2 == 1 {
			name = "fuzz.md"
		}
		a, err := articles.Parse(name, data)
		if err != nil {
			return
		}
		width, height := int(w)%160+1, int(h)%60+1
		lib := &model.Library{Articles: []*model.Article{a}}
		m, err := New(Options{Style: "dark", Load: func() *model.Library { return lib }, OpenSingle: true})
		if err != nil {
			t.Fatal(err)
		}
		var tm tea.Model = m
		step := func(msg tea.Msg) {
			var cmd tea.Cmd
			tm, cmd = tm.Update(msg)
			runCmd(&tm, cmd, 0)
			checkView(t, tm, width, height)
		}
		runCmd(&tm, m.Init(), 0)
		step(tea.WindowSizeMsg{Width: width, Height: height})
		for i := 0; i < len(keys) && i < 64; i++ {
			if keys[i] < 0x20 && i+1 < len(keys) {
				// A control byte resizes instead.
				width, height = int(keys[i+1])%160+1, int(keys[i])%60+1
				step(tea.WindowSizeMsg{Width: width, Height: height})
				i++
				continue
			}
			step(keyMsg(fuzzKeys[int(keys[i])%len(fuzzKeys)]))
		}
	})
}

func checkView(t *testing.T, tm tea.Model, w, h int) {
	t.Helper()
	lines := strings.Split(tm.View().Content, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines in a window of %d", len(lines), h)
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line of width %d in a window of %d: %q", lw, w, ansi.Strip(l))
		}
	}
}
