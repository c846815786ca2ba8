package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"bao/model"
)

// TestLibraryChanges: files written, added and removed while the reader
// runs change the list without a restart.
func TestLibraryChanges(t *testing.T) {
	lib := manual(t, 3)
	lib.Articles[0].Path = "lib/manual.md"
	second := *lib.Articles[0]
	second.ID, second.Title, second.Path = "second", "Second manual", "lib/second.md"
	second.Derive()
	lib.Articles = append(lib.Articles, &second)

	fresh := second
	fresh.ID, fresh.Title, fresh.Path = "fresh", "Fresh from the feed", "lib/fresh.md"
	fresh.Derive()
	rewritten := *lib.Articles[0]
	rewritten.ID, rewritten.Title = "rewritten", "Manual, second edition"
	rewritten.Derive()
	ch := make(chan model.Change, 1)
	ch <- model.Change{Articles: []*model.Article{&fresh, &rewritten}, Removed: []string{"lib/second.md"}}
	hs := newHarness(t, lib, 100, 30, Options{Changes: func() <-chan model.Change { return ch }})
	screen := strings.Join(hs.screen(), "\n")
	for _, want := range []string{"Fresh from the feed", "Manual, second edition", "1 new article in the library.", "2 articles"} {
		if !strings.Contains(screen, want) {
			t.Errorf("list lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Second manual") {
		t.Errorf("a removed file is still listed:\n%s", screen)
	}
	// The new article opens.
	hs.keys("/")
	hs.typeText("fresh")
	hs.keys("enter", "enter")
	if r := hs.root().Reader(); hs.root().Screen() != "reader" || r.Article() == nil || r.Article().Title != "Fresh from the feed" {
		t.Errorf("the new article did not open: %s", hs.root().Screen())
	}
}

// TestRefreshKey: r fetches the feeds where the reader may, and is not
// offered where it may not (over SSH).
func TestRefreshKey(t *testing.T) {
	lib := manual(t, 3)
	calls := 0
	hs := newHarness(t, lib, 120, 40, Options{Refresh: func() (string, error) {
		calls++
		return "Fetched 2 feeds: 3 new articles.", nil
	}})
	hs.keys("?")
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "fetch feeds") || strings.Contains(s, "g/home") {
		// g is the feeds and sources, not the list's go-to-start.
		t.Errorf("help does not offer r, or gives g two meanings:\n%s", s)
	}
	hs.keys("?", "r")
	if calls != 1 || !strings.Contains(strings.Join(hs.screen(), "\n"), "Fetched 2 feeds: 3 new articles.") {
		t.Errorf("r: %d calls:\n%s", calls, strings.Join(hs.screen(), "\n"))
	}
	failing := newHarness(t, lib, 120, 30, Options{Refresh: func() (string, error) { return "", errors.New("offline") }})
	failing.keys("r")
	if !strings.Contains(strings.Join(failing.screen(), "\n"), "Fetching feeds: offline") {
		t.Errorf("a failed fetch says nothing:\n%s", strings.Join(failing.screen(), "\n"))
	}
	none := newHarness(t, lib, 120, 30, Options{})
	before := strings.Join(none.screen(), "\n")
	none.keys("r")
	none.keys("?")
	if strings.Contains(strings.Join(none.screen(), "\n"), "fetch feeds") {
		t.Errorf("help offers r without Refresh")
	}
	none.keys("?")
	if strings.Join(none.screen(), "\n") != before {
		t.Errorf("r without Refresh did something:\n%s", strings.Join(none.screen(), "\n"))
	}
}

// TestSourcesView: g lists the feeds and sources with their unread
// counts, and enter limits the list to one.
func TestSourcesView(t *testing.T) {
	lib := manual(t, 3)
	for i, name := range []string{"Flood reaches the lower town", "Harbour reopens", "Mùa hoa dã quỳ"} {
		a := *lib.Articles[0]
		a.ID, a.Title, a.Path = name, name, name+".md"
		a.Feed = []string{"River Times", "River Times", "Đà Lạt Daily"}[i]
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	hs := newHarness(t, lib, 100, 30, Options{})
	// Read one article of River Times.
	hs.keys("/")
	hs.typeText("harbour")
	hs.keys("enter", "enter", "q", "esc")
	hs.keys("g")
	screen := strings.Join(hs.screen(), "\n")
	for _, want := range []string{"All articles · 4 articles · 3 unread", "Đà Lạt Daily · 1 article · 1 unread", "River Times · 2 articles · 1 unread", "(no source) · 1 article · 1 unread"} {
		if !strings.Contains(screen, want) {
			t.Errorf("sources lack %q:\n%s", want, screen)
		}
	}
	// Đà Lạt sorts before River in Vietnamese order: All, Đà Lạt, River.
	hs.keys("j", "j", "enter")
	screen = strings.Join(hs.screen(), "\n")
	if hs.root().Screen() != "list" || !strings.Contains(screen, "from River Times (g)") || !strings.Contains(screen, "2 articles") ||
		strings.Contains(screen, "Mùa hoa") || !strings.Contains(screen, "Flood reaches") {
		t.Errorf("list limited to River Times:\n%s", screen)
	}
	hs.keys("g")
	if c := hs.root().sources.cursor; c != 2 {
		t.Errorf("the cursor is not on the feed the list shows: %d", c)
	}
	hs.keys("k", "k", "enter")
	if screen := strings.Join(hs.screen(), "\n"); strings.Contains(screen, "from River") || !strings.Contains(screen, "Mùa hoa") {
		t.Errorf("All articles did not lift the limit:\n%s", screen)
	}
}

// TestSearchSaysWhenCapped: more matches than are shown is said, fewer
// is counted. The index answers section 2 of articles that have two
// sections, as an index of an older version of a file would: the result
// shows the start of the article.
func TestSearchSaysWhenCapped(t *testing.T) {
	lib := manual(t, 2)
	for i := range 60 {
		a := *lib.Articles[0]
		a.ID, a.Title = fmt.Sprintf("copy-%d", i), fmt.Sprintf("Copy %d", i)
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	hs := newHarness(t, lib, 100, 30, Options{Index: everyArticle{lib}})
	hs.keys("ctrl+f")
	hs.typeText("part")
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "The first 50 results for “part”; more match") {
		t.Errorf("61 matches, 50 shown, and not said:\n%s", s)
	}
	small := manual(t, 2)
	hs = newHarness(t, small, 100, 30, Options{Index: everyArticle{small}})
	hs.keys("ctrl+f")
	hs.typeText("part")
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "1 result for “part”") {
		t.Errorf("one match:\n%s", s)
	}
}

// TestSortOffersWhatApplies: s skips orders the library cannot be put
// in (no dates, no sources), and R reverses the order.
func TestSortOffersWhatApplies(t *testing.T) {
	lib := manual(t, 2)
	for _, title := range []string{"Bưởi", "An", "Cam"} {
		a := *lib.Articles[0]
		a.ID, a.Title = title, title
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	hs := newHarness(t, lib, 100, 30, Options{})
	var orders []string
	for range 3 {
		hs.keys("s")
		orders = append(orders, hs.root().list.list.Title)
	}
	if got := strings.Join(orders, " | "); strings.Contains(got, "by date") || strings.Contains(got, "by source") || !strings.Contains(orders[0], "by title") || !strings.Contains(orders[1], "by path") {
		t.Errorf("orders offered without dates or sources: %s", got)
	}
	// Now by title: An, Bưởi, Cam, Manual.
	first := hs.root().list.list.Items()[0].(item).a.Title
	hs.keys("R")
	items := hs.root().list.list.Items()
	if first != "An" || items[len(items)-1].(item).a.Title != "An" || !strings.Contains(hs.root().list.list.Title, "by title, reversed") {
		t.Errorf("R: first %q, then last %q, title %q", first, items[len(items)-1].(item).a.Title, hs.root().list.list.Title)
	}
	lib.Articles[1].Date = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	hs = newHarness(t, lib, 100, 30, Options{})
	hs.keys("s", "s")
	if !strings.Contains(hs.root().list.list.Title, "by date") {
		t.Errorf("with a date, s s gives %q", hs.root().list.list.Title)
	}
}

// listIndex answers every query with its hits, in its order.
type listIndex []model.Hit

func (listIndex) Sync(*model.Library, func(*model.Article) (*model.Article, error)) (int, int, error) {
	return 0, 0, nil
}
func (l listIndex) Search(string, int) ([]model.Hit, error) { return l, nil }

// TestTypedAccentsRankFirst: a query typed with diacritics puts the
// articles that have it as typed first; without them, the index's order
// stands.
func TestTypedAccentsRankFirst(t *testing.T) {
	lib := manual(t, 1)
	for _, title := range []string{"Những con đường biết hát", "Giá biệt thự ven sông tăng"} {
		a := *lib.Articles[0]
		a.ID, a.Title = title, title
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	index := listIndex{{ID: "Những con đường biết hát", Section: -1}, {ID: "Giá biệt thự ven sông tăng", Section: -1}}
	first := func(query string) string {
		hs := newHarness(t, lib, 100, 30, Options{Index: index})
		hs.keys("ctrl+f")
		hs.typeText(query)
		return hs.root().search.results[0].article.Title
	}
	if got := first("biệt thự"); got != "Giá biệt thự ven sông tăng" {
		t.Errorf("biệt thự: first %q", got)
	}
	if got := first("biet thu"); got != "Những con đường biết hát" {
		t.Errorf("biet thu: first %q, want the index's first", got)
	}
}

// TestSnippetHoldsTheMatch: the snippet shows where the words start words
// in order, not a word that merely contains the first one, and starts at
// a word.
func TestSnippetHoldsTheMatch(t *testing.T) {
	a := &model.Article{Title: "Họp giao ban", Blocks: []model.Block{{Kind: model.Paragraph,
		Text: "Thanh tra thành phố báo cáo kết quả quý một, trong đó nêu rõ nhiều việc đã làm. Công an quận đề nghị tăng cường bảo đảm an ninh trật tự tại các tuyến phố đi bộ vào cuối tuần."}}}
	a.Derive()
	s := snippet(a, -1, queryWords("an ninh"), 60)
	if !strings.Contains(s, "an ninh") {
		t.Errorf("snippet misses the match: %q", s)
	}
	body := strings.TrimPrefix(s, "…")
	if i := strings.Index(a.Blocks[0].Text, body[:10]); i > 0 && a.Blocks[0].Text[i-1] != ' ' {
		t.Errorf("snippet starts inside a word: %q", s)
	}
}

// TestPlaceholdersWhole: the search boxes show their whole placeholder,
// not its first letter.
func TestPlaceholdersWhole(t *testing.T) {
	hs := newHarness(t, manual(t, 2), 100, 30, Options{Index: everyArticle{}})
	hs.keys("ctrl+f")
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "Search all articles: words, no accents needed") {
		t.Errorf("library search:\n%s", s)
	}
	hs = openFirst(t, manual(t, 2), 100, 30)
	hs.keys("/")
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "/search (no accents needed)") {
		t.Errorf("reader search:\n%s", s)
	}
}

// TestPhotoStoryNotDim: captions are drawn muted, except in an article
// that is mostly captions, where that would make the whole read muted.
func TestPhotoStoryNotDim(t *testing.T) {
	st, _ := NewStyles("dark")
	muted := st.Caption.Render("x")
	muted = muted[:strings.Index(muted, "x")]
	faint := func(a *model.Article) bool {
		for _, l := range Render(a, 80, &st, 0).Lines {
			if strings.Contains(l, "Ảnh chụp") {
				return strings.Contains(l, muted)
			}
		}
		t.Fatal("no caption rendered")
		return false
	}
	caption := model.Block{Kind: model.Caption, Text: "Ảnh chụp đoàn xe buýt điện trên phố Tràng Tiền sáng thứ bảy, khi trời vừa tạnh mưa."}
	story := &model.Article{Title: "Một ngày trên phố", Language: "vi", Blocks: []model.Block{caption, caption, caption, {Kind: model.Paragraph, Text: "Vài dòng giới thiệu."}}}
	news := &model.Article{Title: "Tin", Language: "vi", Blocks: []model.Block{{Kind: model.Paragraph, Text: strings.Repeat("Nội dung bài báo khá dài. ", 20)}, caption}}
	story.Derive()
	news.Derive()
	if faint(story) {
		t.Error("a photo story's captions are dim")
	}
	if !faint(news) {
		t.Error("an article's caption is not dim")
	}
}
