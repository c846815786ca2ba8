package ui

import (
	"strings"
	"testing"

	"bao/model"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// rowOf returns the screen row that shows text, or fails.
func rowOf(t *testing.T, hs *harness, text string) int {
	t.Helper()
	for i, l := range hs.screen() {
		if strings.Contains(l, text) {
			return i
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, strings.Join(hs.screen(), "\n"))
	return -1
}

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// In the list a click selects the article clicked, a second click on it
// opens it, and the wheel moves the selection. Elsewhere the mouse is the
// terminal's, so that dragging selects text, until M asks for the wheel.
func TestMouse(t *testing.T) {
	lib := sampleLibrary(t)
	hs := newHarness(t, lib, 100, 30, Options{})
	if got := hs.m.View().MouseMode; got != tea.MouseModeCellMotion {
		t.Fatalf("the list does not take the mouse (mode %v)", got)
	}
	items := hs.root().list.list.VisibleItems()
	third := items[2].(item).a
	row := rowOf(t, hs, third.Title[:20])
	hs.send(click(10, row))
	if got := hs.root().list.list.Index(); got != 2 {
		t.Fatalf("a click on the third title selected item %d", got)
	}
	if hs.root().Screen() != "list" {
		t.Fatal("a single click opened the article")
	}
	// The description line under a title belongs to the same item.
	hs.send(click(10, rowOf(t, hs, items[1].(item).Description()[:10])))
	if got := hs.root().list.list.Index(); got != 1 {
		t.Errorf("a click on the second item's description selected item %d", got)
	}
	// Clicks between items and on the title bar select nothing.
	hs.send(click(10, 0))
	if got := hs.root().list.list.Index(); got != 1 {
		t.Errorf("a click on the title bar moved the selection to %d", got)
	}

	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := hs.root().list.list.Index(); got != 3 {
		t.Errorf("two turns of the wheel down from item 1 went to %d", got)
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if got := hs.root().list.list.Index(); got != 2 {
		t.Errorf("the wheel up went to %d", got)
	}

	hs.send(click(10, row))
	hs.send(click(10, row))
	if hs.root().Screen() != "reader" || hs.root().Reader().Article() != third {
		t.Fatalf("a double click did not open %q", third.Title)
	}
	if got := hs.m.View().MouseMode; got != tea.MouseModeNone {
		t.Errorf("the reader takes the mouse (mode %v): dragging cannot select text", got)
	}
	if !strings.Contains(strings.Join(hs.screen(), "\n"), "min read") {
		t.Fatal("the reader is not showing the article")
	}
	hs.keys("?")
	if help := strings.Join(hs.screen(), "\n"); !strings.Contains(help, "M") || !strings.Contains(help, "mouse wheel") {
		t.Errorf("the reader's help does not say how to get the wheel:\n%s", help)
	}
	hs.keys("?", "M")
	if got := hs.m.View().MouseMode; got != tea.MouseModeCellMotion {
		t.Errorf("M did not take the mouse (mode %v)", got)
	}
	if f := footer(hs); !strings.Contains(f, "wheel scrolls") {
		t.Errorf("M says %q", f)
	}
	hs.send(teaSize(100, 12)) // so that the article does not fit
	before := hs.root().Reader().Offset()
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if hs.root().Reader().Offset() <= before {
		t.Errorf("the wheel did not scroll the reader (%d lines on a screen of 30):\n%s", len(hs.root().Reader().Document().Lines), strings.Join(hs.screen(), "\n"))
	}
	hs.keys("M")
	if got := hs.m.View().MouseMode; got != tea.MouseModeNone {
		t.Errorf("a second M kept the mouse (mode %v)", got)
	}

	// M in the list gives the mouse back too.
	hs.send(teaSize(100, 30))
	hs.keys("q", "M")
	if got := hs.m.View().MouseMode; got != tea.MouseModeNone {
		t.Errorf("M in the list kept the mouse (mode %v)", got)
	}
	hs.keys("M")
	if got := hs.m.View().MouseMode; got != tea.MouseModeCellMotion {
		t.Errorf("a second M in the list did not take it back (mode %v)", got)
	}
}

// recorder keeps every frame its model draws after an update.
type recorder struct {
	tea.Model
	frames *[]string
}

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.Model.Update(msg)
	*r.frames = append(*r.frames, ansi.Strip(m.View().Content))
	return recorder{m, r.frames}, cmd
}

// Opening one file goes straight to it: no frame shows the list on the
// way, and the first percentage shown is of the whole article, not of its
// first screen's layout.
func TestOpenSingleDrawsNoList(t *testing.T) {
	a := longArticle(t, sampleLibrary(t))
	lib := &model.Library{Articles: []*model.Article{a}}
	m, err := New(Options{Style: "dark", Load: func() *model.Library { return lib }, OpenSingle: true})
	if err != nil {
		t.Fatal(err)
	}
	var frames []string
	var tm tea.Model = recorder{m, &frames}
	tm, _ = tm.Update(teaSize(100, 30))
	runCmd(&tm, m.Init(), 0)
	percent := func(f string) string {
		j := strings.Index(f, "%")
		if j < 0 {
			return ""
		}
		return f[strings.LastIndex(f[:j], " ")+1 : j+1]
	}
	first := ""
	for i, f := range frames {
		if strings.Contains(f, "articles") || strings.Contains(f, "1 article") || strings.Contains(f, "Loading") {
			t.Errorf("frame %d shows the list:\n%s", i, f)
		}
		if first == "" {
			first = percent(f)
		}
	}
	last := frames[len(frames)-1]
	if !strings.Contains(last, "min read") {
		t.Fatalf("the article is not open:\n%s", last)
	}
	// Nothing scrolled: every percentage shown is the last one.
	if first != percent(last) {
		t.Errorf("the first percentage shown is %q, then %q", first, percent(last))
	}
}
