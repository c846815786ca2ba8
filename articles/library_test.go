package articles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bao/model"
)

func TestLibrarySave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "library")
	lib := &Library{Dir: dir}
	a, err := Parse("bbc.html", fixturePage(t, "bbc.html"))
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	p, err := lib.Save(a, SaveInfo{Fetched: when})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p) != "2026-05-02-seaside-town-rebuilds-its-pier-after-winter-storms.md" {
		t.Errorf("saved as %s", p)
	}
	// The same address again, even in a new session of the library.
	again := &Library{Dir: dir}
	if _, err := again.Save(a, SaveInfo{Fetched: when.Add(time.Hour)}); !errors.Is(err, ErrSaved) {
		t.Errorf("same address saved twice: %v", err)
	}
	// The same text under another address.
	b := *a
	b.URL = "https://mirror.example/pier"
	if _, err := again.Save(&b, SaveInfo{Fetched: when}); !errors.Is(err, ErrSaved) {
		t.Errorf("same text saved twice: %v", err)
	}
	// Another article with the same title and date gets its own name.
	c := *a
	c.URL, c.Blocks = "https://other.example/pier", a.Blocks[:3]
	pc, err := again.Save(&c, SaveInfo{Fetched: when})
	if err != nil || filepath.Base(pc) != "2026-05-02-seaside-town-rebuilds-its-pier-after-winter-storms-2.md" {
		t.Errorf("second article: %s, %v", pc, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("library holds %d files, want 2", len(entries))
	}
	// What was saved is an article bao reads, with its address and its
	// fetch time in the front matter.
	saved, err := ReadFile(p, Options{})
	if err != nil || saved.Title != a.Title || saved.URL != a.URL || len(saved.Blocks) != len(a.Blocks) {
		t.Errorf("read back: %v %+v", err, saved)
	}
	data, _ := os.ReadFile(p)
	if !strings.Contains(string(data), `fetched: "2026-11-26T08:00:00Z"`) {
		t.Errorf("no fetch time:\n%s", data)
	}
}

// TestInterruptedSave: a save cut short leaves only a hidden temporary
// file, which is never read as an article.
func TestInterruptedSave(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".saving-123.md"), []byte("---\ntitle: Half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if HasArticles(dir) {
		t.Error("a half-written save counts as an article")
	}
	lib := Load([]string{dir}, Options{})
	if len(lib.Articles)+len(lib.Errors) != 0 {
		t.Errorf("loaded %+v", lib)
	}
	a := &model.Article{Title: "Whole", URL: "https://x.example/w", Blocks: []model.Block{{Kind: model.Paragraph, Text: "Text."}}}
	if _, err := (&Library{Dir: dir}).Save(a, SaveInfo{}); err != nil {
		t.Fatal(err)
	}
	if !HasArticles(dir) {
		t.Error("the saved article is not found")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Chiến sự đẩy giá hoa nhập khẩu dịp 8-3 tăng mạnh": "chien-su-day-gia-hoa-nhap-khau-dip-8-3-tang-manh",
		"Đà Lạt: ‘mùa’ hoa!":                               "da-lat-mua-hoa",
		"???":                                              "article",
		strings.Repeat("word ", 30):                        "word-word-word-word-word-word-word-word-word-word-word-word",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
