package articles

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bao/model"
)

// writeSite writes n articles of one site into dir, each with the site's
// widget line in the middle of its text, and returns the widget.
func writeSite(t *testing.T, dir string, n int) string {
	t.Helper()
	widget := "Theo dõi chúng tôi trên Google News để đọc tin mới nhất"
	topics := []string{"cầu Long Biên", "chợ Bến Thành", "phố cổ Hội An", "đèo Hải Vân", "vịnh Hạ Long", "hồ Gươm", "núi Bà Đen", "sông Hương"}
	for i := range n {
		text := fmt.Sprintf("Tin về %s\n\nHà Nội - Sáng nay có tin mới về %s.\n\nĐoạn thứ nhất nói về %s và người dân ở đó.\n\n%s\n\nĐoạn thứ hai kể thêm về %s trong năm nay.\n",
			topics[i%len(topics)], topics[i%len(topics)], topics[i%len(topics)], widget, topics[i%len(topics)])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return widget
}

func hasBlock(a *model.Article, text string) bool {
	for _, b := range a.Blocks {
		if b.Text == text {
			return true
		}
	}
	return false
}

// A line that recurs across a directory's articles is the site's widget,
// dropped from every one of them without a rule naming it, however the
// library is loaded; a directory too small to tell keeps it.
func TestLearnedFurniture(t *testing.T) {
	dir := t.TempDir()
	widget := writeSite(t, dir, 6)
	check := func(how string, arts []*model.Article) {
		t.Helper()
		if len(arts) != 6 {
			t.Fatalf("%s: %d articles", how, len(arts))
		}
		for _, a := range arts {
			if hasBlock(a, widget) || !slices.Contains(a.Dropped, widget) {
				t.Errorf("%s: %s keeps the widget (dropped %q)", how, a.Path, a.Dropped)
			}
			if len(a.Blocks) != 2 {
				t.Errorf("%s: %s has %d blocks, want the two paragraphs", how, a.Path, len(a.Blocks))
			}
			// The widget stood between the two paragraphs.
			if i := slices.Index(a.Dropped, widget); i < 0 || len(a.DroppedAt) != len(a.Dropped) || a.DroppedAt[i] != 1 {
				t.Errorf("%s: %s: the widget's place is lost: dropped %q at %v", how, a.Path, a.Dropped, a.DroppedAt)
			}
		}
	}
	check("Load", Load([]string{dir}, Options{}).Articles)

	var streamed []*model.Article
	for p := range Stream([]string{dir}, Options{}, time.Millisecond) {
		streamed = append(streamed, p.Articles...)
	}
	check("Stream", streamed)

	var reloaded []*model.Article
	for _, s := range LoadSummaries([]string{dir}, Options{}).Articles {
		a, err := Reload(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		reloaded = append(reloaded, a)
	}
	check("LoadSummaries and Reload", reloaded)

	a, err := ReadInLibrary(filepath.Join(dir, "00.txt"), Options{})
	if err != nil || hasBlock(a, widget) {
		t.Errorf("a file read again keeps the widget: %v", err)
	}

	small := t.TempDir()
	writeSite(t, small, 4)
	for _, a := range Load([]string{small}, Options{}).Articles {
		if !hasBlock(a, widget) {
			t.Errorf("four articles taught bao the widget: %s", a.Path)
		}
	}
}

// The site's name that ends most titles of a directory is learned and cut
// from them; a title whose dash is its own keeps it.
func TestLearnedTitleEnding(t *testing.T) {
	dir := t.TempDir()
	places := []string{"Cầu Long Biên", "Chợ Bến Thành", "Phố cổ Hội An", "Đèo Hải Vân", "Vịnh Hạ Long", "Hồ Gươm"}
	for i, p := range places {
		title := p + " đón khách trở lại - Báo Làng Quê Online"
		if i == 5 {
			title = p + " - nơi người Hà Nội hẹn hò"
		}
		text := fmt.Sprintf("%s\n\nSáng nay %s đông khách hơn mọi năm.\n\nNgười dân cho biết đã chờ đợi ngày này từ lâu.\n", title, p)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range Load([]string{dir}, Options{}).Articles {
		switch {
		case strings.HasSuffix(a.Path, "05.txt"):
			if a.Title != "Hồ Gươm - nơi người Hà Nội hẹn hò" {
				t.Errorf("title %q", a.Title)
			}
		case strings.Contains(a.Title, "Báo Làng Quê") || !slices.Contains(a.Dropped, "Báo Làng Quê Online"):
			t.Errorf("%s: title %q, dropped %q", a.Path, a.Title, a.Dropped)
		}
	}
}

// In a directory that mixes sites, a widget of one site is learned from
// that site's articles, by the addresses in their headers, though it is
// in too few of the directory's articles to be learned from the whole;
// another site's article that says the same words keeps them.
func TestLearnedSiteFurniture(t *testing.T) {
	dir := t.TempDir()
	widget := "Get alerts for breaking news from the Riverside Courier"
	write := func(name, site, topic string, withWidget bool) {
		t.Helper()
		text := fmt.Sprintf("Title: News about %s\nURL: https://www.%s/news/%s\n\nThe council met on Tuesday to talk about %s and what it costs.\n\n", topic, site, name, topic)
		if withWidget {
			text += widget + "\n\n"
		}
		text += fmt.Sprintf("Residents said %s had been a worry for years, and asked for a vote.\n", topic)
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	topics := []string{"the bridge", "the library", "the market", "the park", "the school", "the river", "the road", "the harbour"}
	for i := range 5 {
		write(fmt.Sprintf("courier%d", i), "courier.example", topics[i], true)
	}
	for i := range 16 {
		// The other site quotes the widget once.
		write(fmt.Sprintf("gazette%02d", i), "gazette.example", topics[i%len(topics)], i == 3)
	}
	lib := Load([]string{dir}, Options{})
	if len(lib.Articles) != 21 {
		t.Fatalf("%d articles", len(lib.Articles))
	}
	for _, a := range lib.Articles {
		courier := strings.Contains(a.Path, "courier")
		switch {
		case courier && (hasBlock(a, widget) || !slices.Contains(a.Dropped, widget)):
			t.Errorf("%s keeps its site's widget (dropped %q)", a.Path, a.Dropped)
		case !courier && slices.Contains(a.Dropped, widget):
			t.Errorf("%s lost a line its own site does not repeat", a.Path)
		}
	}
	// Read again on its own, an article loses what its site taught.
	a, err := ReadInLibrary(filepath.Join(dir, "courier0.txt"), Options{})
	if err != nil || hasBlock(a, widget) {
		t.Errorf("courier0 read again keeps the widget (%v)", err)
	}
}

// harbourPlaces are what the pages of a test library are about.
var harbourPlaces = []string{"the old harbour", "the river bridge", "the night market", "the hill park", "the north pier", "the tram depot"}

// loadPages writes page(0) to page(n-1) as 00.txt, 01.txt, ... into a
// directory of their own and loads it as a library.
func loadPages(t *testing.T, n int, page func(i int) string) []*model.Article {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(page(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Load([]string{dir}, Options{}).Articles
}

// A site's widget is learned however its numbers run ("Harbour Times
// issue 3 of the week", "... issue 5 ..."), and where it was read as the
// lead, the story's first paragraph is the lead in its place and the
// widget is listed as removed above it. A sentence that differs from
// article to article only in its numbers is text. (The widgets here are
// not made of controls' words, which a rule drops however often they
// come.)
func TestLearnedLeadAndNumbers(t *testing.T) {
	places := harbourPlaces
	arts := loadPages(t, len(places), func(i int) string {
		p := places[i]
		return fmt.Sprintf("Title: A new look for %s\n\nHarbour Times issue %d of the week\n\nShare this article\n\n"+
			"The council has chosen a design for %s after a year of meetings.\n\n"+
			"Work starts in %d weeks and will take %d months, the council said.\n\n"+
			"Harbour Times gallery %d pictures\n\n"+
			"People who live near %s welcomed the plan.\n", p, 3+i*2, p, 2+i, 10+i, 40+i*7, p)
	})
	if len(arts) != len(places) {
		t.Fatalf("%d articles", len(arts))
	}
	for _, a := range arts {
		if !strings.HasPrefix(a.Lead, "The council has chosen a design") {
			t.Errorf("%s: lead %q", a.Path, a.Lead)
		}
		toolbar, comments := -1, -1
		for i, d := range a.Dropped {
			switch {
			case strings.HasPrefix(d, "Harbour Times issue "):
				toolbar = i
			case strings.HasPrefix(d, "Harbour Times gallery "):
				comments = i
			}
		}
		share := slices.Index(a.Dropped, "Share this article")
		if toolbar < 0 || comments < 0 || share < 0 || len(a.DroppedAt) != len(a.Dropped) ||
			a.DroppedAt[toolbar] != model.AboveLead || a.DroppedAt[share] != model.AboveLead || a.DroppedAt[comments] != 1 {
			t.Errorf("%s: dropped %q at %v", a.Path, a.Dropped, a.DroppedAt)
		}
		if p := blocksOf(a, model.Paragraph); len(p) != 2 || !strings.HasPrefix(p[0], "Work starts in") {
			t.Errorf("%s: paragraphs %q", a.Path, p)
		}
	}

	// Where the widget stood over a heading, the article has no lead: the
	// widget and the lines removed above it are placed above the heading.
	a := &model.Article{Lead: "Listen 3 min Comment on this story", Dropped: []string{"Title: A new look"}, DroppedAt: []int{model.AboveLead},
		Blocks: []model.Block{{Kind: model.Heading, Level: 2, Text: "What the council chose"}, {Kind: model.Paragraph, Text: "The council chose a design."}}}
	a.Blocks = dropLead(a, a.Blocks, true)
	if a.Lead != "" || len(a.Blocks) != 2 || !slices.Equal(a.Dropped, []string{"Title: A new look", "Listen 3 min Comment on this story"}) ||
		!slices.Equal(a.DroppedAt, []int{0, 0}) {
		t.Errorf("lead %q, blocks %d, dropped %q at %v", a.Lead, len(a.Blocks), a.Dropped, a.DroppedAt)
	}
}

// An advertisement that opens many pages of a library as "Headline: ..."
// is read by each page as its header's title; once learned, it is not
// the title: the line under it is, marked as a guess, and the paragraph
// after that is the lead. A page whose header names its own title keeps
// it.
func TestLearnedWidgetIsNotTheTitle(t *testing.T) {
	places := harbourPlaces
	// story is a page's text under its title: two paragraphs on place p.
	story := func(p string) string {
		return fmt.Sprintf("The council has chosen a design for %s after a year of meetings.\n\nPeople who live near %s welcomed the plan.\n", p, p)
	}
	arts := loadPages(t, len(places), func(i int) string {
		p := places[i]
		if i == 5 {
			return "Headline: A new look for " + p + "\n\n" + story(p)
		}
		return "Headline: Harbour Coin Beats Gold! Buy Before Friday!\n\nA new look for " + p + "\n\n" + story(p)
	})
	if len(arts) != len(places) {
		t.Fatalf("%d articles", len(arts))
	}
	for _, a := range arts {
		var i int
		fmt.Sscanf(filepath.Base(a.Path), "%02d.txt", &i)
		own := i == 5
		switch {
		case own && (a.Title != "A new look for the tram depot" || a.TitleGuessed):
			t.Errorf("%s: title %q (guessed %v)", a.Path, a.Title, a.TitleGuessed)
		case !own && (a.Title != "A new look for "+places[i] || !a.TitleGuessed ||
			!strings.HasPrefix(a.Lead, "The council has chosen") || len(blocksOf(a, model.Paragraph)) != 1 ||
			!slices.Contains(a.Dropped, "Headline: Harbour Coin Beats Gold! Buy Before Friday!")):
			t.Errorf("%s: title %q (guessed %v), lead %q, dropped %q", a.Path, a.Title, a.TitleGuessed, a.Lead, a.Dropped)
		}
	}

	// A series whose titles differ only in their numbers keeps them.
	series := loadPages(t, 6, func(i int) string {
		return fmt.Sprintf("Title: Bản tin 18h ngày %d/4\n\nSáng %d/4, thành phố đón đợt khách đầu tiên của mùa hè.\n\nChiều cùng ngày có mưa rào ở vài nơi.\n", 5+i, 5+i)
	})
	for _, a := range series {
		if !strings.HasPrefix(a.Title, "Bản tin 18h ngày ") || a.TitleGuessed {
			t.Errorf("%s: title %q (guessed %v)", a.Path, a.Title, a.TitleGuessed)
		}
	}

	// Learned where it stood in the text of most pages, with its label or
	// without, the advertisement is not the title of the one page it
	// opens.
	for _, ad := range []string{"Headline: Harbour Coin Beats Gold! Buy Before Friday!", "Harbour Coin Beats Gold! Buy Before Friday!"} {
		mixed := loadPages(t, len(places), func(i int) string {
			p := places[i]
			if i == 5 {
				return "Headline: Harbour Coin Beats Gold! Buy Before Friday!\n\nA new look for " + p + "\n\n" + story(p)
			}
			return fmt.Sprintf("Title: A new look for %s\n\nThe council has chosen a design for %s after a year of meetings.\n\n"+
				"%s\n\nPeople who live near %s welcomed the plan.\n", p, p, ad, p)
		})
		for _, a := range mixed {
			if !strings.HasPrefix(a.Title, "A new look for ") || !strings.HasPrefix(a.Lead, "The council has chosen") {
				t.Errorf("%q: %s: title %q, lead %q", ad, a.Path, a.Title, a.Lead)
			}
		}
	}

	// A lead that is a sentence stays the lead; the title is its first
	// sentence, a guess.
	a := &model.Article{Title: "Harbour Coin Beats Gold!", Lead: "The council met on Monday. It chose a design.",
		Blocks: []model.Block{{Kind: model.Paragraph, Text: "Work starts in June."}}}
	a.Blocks = retitle(a, a.Blocks, false)
	if a.Title != "The council met on Monday." || !a.TitleGuessed || a.Lead != "The council met on Monday. It chose a design." || len(a.Blocks) != 1 {
		t.Errorf("title %q (guessed %v), lead %q, %d blocks", a.Title, a.TitleGuessed, a.Lead, len(a.Blocks))
	}
}
