package ui

import (
	"slices"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// visibleTitles returns the titles the list shows, in order.
func visibleTitles(hs *harness) []string {
	var out []string
	for _, it := range hs.root().list.list.VisibleItems() {
		out = append(out, it.(item).a.Title)
	}
	return out
}

func withSeed(t *testing.T) *model.Library {
	lib := sampleLibrary(t)
	seed := seedLibrary(t)
	lib.Articles = append(lib.Articles, seed.Articles...)
	return lib
}

func filter(hs *harness, text string) {
	hs.keys("/")
	hs.typeText(text)
	hs.keys("enter")
}

func TestFilterWithoutDiacritics(t *testing.T) {
	hs := newHarness(t, withSeed(t), 100, 40, Options{})
	filter(hs, "ba dinh")
	got := visibleTitles(hs)
	if len(got) != 1 || !strings.Contains(got[0], "Ba Đình") {
		t.Fatalf("filter ba dinh shows %q", got)
	}
	hs.keys("enter")
	if hs.root().Screen() != "reader" || !strings.Contains(hs.root().Reader().Article().Title, "Ba Đình") {
		t.Error("enter did not open the filtered article")
	}
}

func TestFilterSample(t *testing.T) {
	for _, tt := range []struct{ query, want string }{
		{"cho noi", "Chợ nổi Cái Răng"},
		{"CHỢ NỔI", "Chợ nổi Cái Răng"},
		{"quang binh", "Mưa lớn kéo dài"}, // the dateline is searched too
		{"reuters", "Central bank"},
	} {
		hs := newHarness(t, sampleLibrary(t), 100, 40, Options{})
		filter(hs, tt.query)
		got := visibleTitles(hs)
		if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("filter %q shows %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestFoldFilterMarksTitleRunes(t *testing.T) {
	ranks := foldFilter("dinh", []string{"Ba Đình\nsource"})
	if len(ranks) != 1 || !slices.Equal(ranks[0].MatchedIndexes, []int{3, 4, 5, 6}) {
		t.Errorf("ranks %+v", ranks)
	}
}

func TestSortByTitleIsVietnamese(t *testing.T) {
	var lib model.Library
	for _, title := range []string{"Đà Nẵng đón khách", "Dũng cảm", "Ăn sáng", "An toàn", "Zebra", "Ê-đê"} {
		a, err := articles.Parse("x.txt", []byte(title+"\n\nBody.\n"))
		if err != nil {
			t.Fatal(err)
		}
		lib.Articles = append(lib.Articles, a)
	}
	hs := newHarness(t, &lib, 100, 40, Options{})
	hs.keys("s")
	want := []string{"An toàn", "Ăn sáng", "Dũng cảm", "Đà Nẵng đón khách", "Ê-đê", "Zebra"}
	if got := visibleTitles(hs); !slices.Equal(got, want) {
		t.Errorf("sorted by title: %q, want %q", got, want)
	}
	if !strings.Contains(hs.line(0), "by title") {
		t.Errorf("title bar %q does not say the order", hs.line(0))
	}
}

func TestLoadErrorsAreShown(t *testing.T) {
	lib := sampleLibrary(t)
	lib.Errors = []model.LoadError{{Path: "bad\x1b]0;x\x07.txt", Err: articles.ErrBinary}}
	hs := newHarness(t, lib, 100, 30, Options{})
	if !strings.Contains(hs.line(0), "1 failed to load (e)") {
		t.Errorf("title bar %q", hs.line(0))
	}
	hs.keys("e")
	screen := strings.Join(hs.screen(), "\n")
	if !strings.Contains(screen, "binary file") || strings.ContainsAny(screen, "\x1b\x07") {
		t.Errorf("errors screen:\n%q", screen)
	}
	hs.keys("q")
	if hs.root().Screen() != "list" {
		t.Error("q did not go back to the list")
	}
}

// TestFilterMatchesWordStartsInOrder: the list filter finds the typed
// words as the starts of words, in order, ranks the titles where they
// follow one another first, and looks at the folder name too.
func TestFilterMatchesWordStartsInOrder(t *testing.T) {
	var lib model.Library
	for _, c := range []struct{ path, text string }{
		{"news/vn/a.txt", "10 kỳ quan thành phố nổi tiếng nhất\n\nBody.\n"},
		{"news/vn/b.txt", "Hạ Long đón khách, nơi nghỉ mát\n\nBody.\n"},
		{"news/vn/c.txt", "Hà Nội mở rộng phố đi bộ\n\nBody.\n"},
		{"news/vn/d.txt", "Giá vàng tăng\n\nHà Nội - Giá vàng hôm nay tăng.\n"},
		{"news/bbc/sport/e.txt", "Cup final tonight\n\nBody.\n"},
	} {
		a, err := articles.Parse(c.path, []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		a.Path = c.path
		a.Derive()
		lib.Articles = append(lib.Articles, a)
	}
	hs := newHarness(t, &lib, 100, 40, Options{})
	filter(hs, "ha noi")
	got := visibleTitles(hs)
	// The title with the phrase, the title with both words, the article
	// whose dateline is Hà Nội; not "thành phố nổi tiếng".
	if len(got) != 3 || !strings.HasPrefix(got[0], "Hà Nội mở rộng") || !strings.HasPrefix(got[1], "Hạ Long") || !strings.HasPrefix(got[2], "Giá vàng") {
		t.Errorf("ha noi: %q", got)
	}
	hs.keys("esc")
	filter(hs, "sport")
	if got := visibleTitles(hs); len(got) != 1 || !strings.HasPrefix(got[0], "Cup final") {
		t.Errorf("sport (a folder): %q", got)
	}
}

// The list filters each keystroke's text in a command of its own; when
// the matches for "m" arrive after those for "mua", the list still shows
// the matches for "mua".
func TestFilterMatchesArrivingLateAreDropped(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 100, 40, Options{})
	hs.keys("/")
	var cmds []tea.Cmd
	for _, r := range "mua" {
		var cmd tea.Cmd
		hs.m, cmd = hs.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		cmds = append(cmds, cmd)
	}
	for _, cmd := range slices.Backward(cmds) {
		hs.run(cmd)
	}
	if got := visibleTitles(hs); len(got) != 1 || !strings.HasPrefix(got[0], "Mưa lớn kéo dài") {
		t.Errorf("typing mua, with the matches arriving last first, shows %q", got)
	}
	hs.keys("enter")
	if got := visibleTitles(hs); len(got) != 1 {
		t.Errorf("after enter the list shows %q", got)
	}
}
