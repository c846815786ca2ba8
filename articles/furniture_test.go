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
