package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// topics give the generated articles titles that filters can find.
var topics = []string{"Bóng đá Hà Nội thắng", "Giá vàng hôm nay", "Covid và trường học", "Đường sắt cao tốc", "Chợ nổi miền Tây", "Thời tiết Quảng Bình"}

// manyArticles is a library of n small articles of two sections each.
// Every sixth is about football, so a filter for "bong da" finds n/6 of
// them spread over the whole list.
func manyArticles(t testing.TB, n int) *model.Library {
	t.Helper()
	lib := &model.Library{}
	for i := range n {
		text := fmt.Sprintf("%s, bài %03d\n\nNgày %d/4, tin số %d.\nPhần một\nĐoạn văn thứ nhất của bài.\nPhần hai\nĐoạn văn thứ hai của bài.\n",
			topics[i%len(topics)], i, i%28+1, i)
		a, err := articles.Parse(fmt.Sprintf("lib/%03d.txt", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		lib.Articles = append(lib.Articles, a)
	}
	return lib
}

// checkList fails unless the list is in front, draws, and has an article
// under the cursor whenever it shows any.
func checkList(t *testing.T, hs *harness, step string) {
	t.Helper()
	r := hs.root()
	if r.Screen() != "list" {
		t.Fatalf("%s: screen %s, want the list", step, r.Screen())
	}
	_ = hs.screen() // must not panic
	if len(r.list.list.VisibleItems()) == 0 {
		return
	}
	if _, ok := r.list.list.SelectedItem().(item); !ok {
		t.Fatalf("%s: %d articles shown and none selected (index %d)", step, len(r.list.list.VisibleItems()), r.list.list.Index())
	}
	sel := strings.Count(strings.Join(hs.screen(), "\n"), "│ ")
	if sel == 0 {
		t.Fatalf("%s: no selection marker drawn:\n%s", step, strings.Join(hs.screen(), "\n"))
	}
}

// openAndBack opens the article under the cursor and leaves it with key,
// checking that the cursor comes back to the same article.
func openAndBack(t *testing.T, hs *harness, key string) {
	t.Helper()
	want := hs.root().list.selectedID()
	hs.keys("enter")
	if hs.root().Screen() != "reader" {
		t.Fatalf("enter opened %s, want the reader", hs.root().Screen())
	}
	if got := hs.root().Reader().Article().ID; got != want {
		t.Fatalf("opened %s, want the selected %s", got, want)
	}
	hs.keys(key)
	checkList(t, hs, "back with "+key)
	if got := hs.root().list.selectedID(); got != want {
		t.Errorf("back with %s: cursor on %s, want %s", key, got, want)
	}
}

func TestFilterOpenBack(t *testing.T) {
	for _, key := range []string{"q", "esc"} {
		for _, query := range []string{"bong da", "covid"} {
			hs := newHarness(t, manyArticles(t, 400), 100, 30, Options{})
			filter(hs, query)
			if n := len(hs.root().list.list.VisibleItems()); n == 0 || n == 400 {
				t.Fatalf("filter %q shows %d", query, n)
			}
			hs.keys("G") // the last match: far down the library
			openAndBack(t, hs, key)
			hs.keys("k", "k")
			openAndBack(t, hs, key)
		}
	}
}

func TestFilterOpenBackSample(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 100, 30, Options{})
	filter(hs, "cai rang")
	openAndBack(t, hs, "q")
	if !strings.Contains(strings.Join(hs.screen(), "\n"), "│ ") {
		t.Error("the filtered article is drawn without the selection marker")
	}
}

func TestBookmarksOnlyKeepsASelection(t *testing.T) {
	hs := newHarness(t, manyArticles(t, 300), 100, 30, Options{})
	hs.keys("G")
	for range 40 {
		hs.keys("k")
	}
	hs.keys("f", "j", "j", "f", "B")
	checkList(t, hs, "bookmarks only")
	if n := len(hs.root().list.list.VisibleItems()); n != 2 {
		t.Fatalf("bookmarks only shows %d, want 2", n)
	}
	openAndBack(t, hs, "q")
	hs.keys("j")
	openAndBack(t, hs, "esc")
	hs.keys("B")
	checkList(t, hs, "all articles again")
}

func TestSortedOpenBack(t *testing.T) {
	hs := newHarness(t, manyArticles(t, 300), 100, 30, Options{})
	for range 3 {
		hs.keys("s")
		hs.keys("j", "j", "j")
		openAndBack(t, hs, "q")
	}
	// Sorted and filtered at once.
	filter(hs, "gia vang")
	hs.keys("G")
	openAndBack(t, hs, "q")
}

// TestOpenBackDuringStreamingLoad sends the library in two batches, the
// second while an article of the first is open under a filter.
func TestOpenBackDuringStreamingLoad(t *testing.T) {
	dir := t.TempDir()
	lib := manyArticles(t, 300)
	first, second := writeBatches(t, dir, lib, 150)
	ch := make(chan model.Progress)
	hs := newHarness(t, lib, 100, 30, Options{Stream: func() <-chan model.Progress { return ch }})
	for _, p := range first {
		hs.send(progressMsg{p, true, ch})
	}
	filter(hs, "bong da")
	hs.keys("G")
	want := hs.root().list.selectedID()
	hs.keys("enter")
	for _, p := range second {
		hs.send(progressMsg{p, true, ch})
	}
	hs.send(progressMsg{ok: false, ch: ch})
	hs.keys("q")
	checkList(t, hs, "back after the load ended")
	if got := hs.root().list.selectedID(); got != want {
		t.Errorf("cursor on %s, want %s", got, want)
	}
	if n := len(hs.root().lib.Articles); n != 300 {
		t.Errorf("%d articles loaded, want 300", n)
	}
}

// writeBatches writes lib's articles into dir in two directories and
// streams each, returning the batches of each.
func writeBatches(t *testing.T, dir string, lib *model.Library, split int) (first, second []model.Progress) {
	t.Helper()
	a, b := dir+"/a", dir+"/b"
	for i, art := range lib.Articles {
		d := a
		if i >= split {
			d = b
		}
		writeArticle(t, d, fmt.Sprintf("%03d.txt", i), articleText(art))
	}
	collect := func(d string) []model.Progress {
		var out []model.Progress
		for p := range articles.Stream([]string{d}, articles.Options{}, 0) {
			out = append(out, p)
		}
		return out
	}
	return collect(a), collect(b)
}

// articleText writes an article back as plain text: title, then blocks.
func articleText(a *model.Article) string {
	var b strings.Builder
	b.WriteString(a.Title + "\n\n")
	for _, bl := range a.Blocks {
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

// FuzzListAndReader drives random keys through the list and the reader in
// a library of a few hundred articles: no key sequence may panic, and the
// list always has an article under its cursor when it shows any.
func FuzzListAndReader(f *testing.F) {
	f.Add("/bong da\renter\x1b", uint8(80), uint8(24))
	f.Add("GkkkkfjjfB\r\x1bB", uint8(100), uint8(30))
	f.Add("s\rq/covid\rG\rq", uint8(60), uint8(20))
	lib := manyArticles(f, 300)
	keys := []string{"j", "k", "g", "G", "enter", "esc", "q", "/", "b", "o", "n", "g", "d", "a", "c", "v", "i", " ", "f", "B", "s", "m", "u", "]", "[", "t", "1", "3", "down", "up", "?", "space"}
	f.Fuzz(func(t *testing.T, seq string, w, h uint8) {
		m, err := New(Options{Style: "dark", Load: func() *model.Library { return lib }})
		if err != nil {
			t.Fatal(err)
		}
		var tm tea.Model = m
		width, height := int(w)%160+20, int(h)%50+8
		runCmd(&tm, m.Init(), 0)
		step := func(msg tea.Msg) {
			var cmd tea.Cmd
			tm, cmd = tm.Update(msg)
			runCmd(&tm, cmd, 0)
			checkView(t, tm, width, height)
			r := tm.(Model)
			if r.screen == listScreen && !r.list.list.SettingFilter() && len(r.list.list.VisibleItems()) > 0 {
				if _, ok := r.list.list.SelectedItem().(item); !ok {
					t.Fatalf("after %q: articles shown and none selected", seq)
				}
			}
		}
		step(tea.WindowSizeMsg{Width: width, Height: height})
		for i := 0; i < len(seq) && i < 80; i++ {
			var k string
			switch c := seq[i]; {
			case c == '\r':
				k = "enter"
			case c == 0x1b:
				k = "esc"
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '/' || c == '[' || c == ']':
				k = string(c)
				if c == ' ' {
					k = "space"
				}
			default:
				k = keys[int(c)%len(keys)]
			}
			if k == "ctrl+c" {
				continue
			}
			step(keyMsg(k))
		}
	})
}

func writeArticle(t testing.TB, dir, name, text string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
