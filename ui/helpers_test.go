package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedPath = "../../shared/corpus/seed/000_4184514eaf17b170.txt"

// seedLibrary loads the seed article, skipping when the corpus is absent.
func seedLibrary(t testing.TB) *model.Library {
	t.Helper()
	if _, err := os.Stat(seedPath); err != nil {
		t.Skipf("seed not found (%v): the shared corpus is not beside this checkout", err)
	}
	lib := articles.Load([]string{seedPath}, articles.Options{})
	if len(lib.Articles) != 1 {
		t.Fatalf("seed: %+v", lib.Errors)
	}
	return lib
}

// sampleLibrary is the built-in sample.
func sampleLibrary(t testing.TB) *model.Library {
	t.Helper()
	lib := articles.Sample()
	if len(lib.Articles) == 0 {
		t.Fatal("empty sample")
	}
	return lib
}

// harness drives a root model the way Bubble Tea would: it runs the
// commands that Update returns and feeds their messages back.
type harness struct {
	t *testing.T
	m tea.Model
}

func newHarness(t *testing.T, lib *model.Library, w, h int, opts Options) *harness {
	t.Helper()
	opts.Load = func() *model.Library { return lib }
	if opts.Style == "" {
		opts.Style = "dark"
	}
	m, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	hs := &harness{t: t, m: m}
	hs.run(m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers msg and everything that follows from it.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	h.run(cmd)
}

// run executes cmd and delivers its messages (see runCmd).
func (h *harness) run(cmd tea.Cmd) { runCmd(&h.m, cmd, 0) }

// keys sends key presses: single characters, or names such as "enter".
func (h *harness) keys(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText sends each rune of s as a key press.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+f":
		return tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen returns the view without styling, one string per line.
func (h *harness) screen() []string {
	v := h.m.View()
	return strings.Split(ansi.Strip(v.Content), "\n")
}

func (h *harness) root() Model { return h.m.(Model) }

// line returns screen line i, trimmed.
func (h *harness) line(i int) string {
	s := h.screen()
	if i >= len(s) {
		return ""
	}
	return strings.TrimSpace(s[i])
}

// golden compares text with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name, text string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if string(want) != text {
		t.Errorf("%s differs from the golden file (run go test ./ui -update and review the diff):\n--- got\n%s\n--- want\n%s", name, text, want)
	}
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func displayWidth(s string) int { return ansi.StringWidth(s) }

func typeOf(v any) string { return fmt.Sprintf("%T", v) }

// longArticle is the sample's article with 20 sections or more.
func longArticle(t testing.TB, lib *model.Library) *model.Article {
	t.Helper()
	for _, a := range lib.Articles {
		if len(a.Sections) >= 20 {
			return a
		}
	}
	t.Fatal("no article with 20 sections in the library")
	return nil
}

// summarised returns lib as summaries and a reload that gives the whole
// articles back, counting the reads in *reads.
func summarised(lib *model.Library, reads *int) (*model.Library, func(*model.Article) (*model.Article, error)) {
	byID := map[string]*model.Article{}
	lite := &model.Library{}
	for _, a := range lib.Articles {
		byID[a.ID] = a
		lite.Articles = append(lite.Articles, a.Summarize())
	}
	return lite, func(a *model.Article) (*model.Article, error) {
		*reads++
		return byID[a.ID], nil
	}
}
