package state

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"
)

const corpusDir = "../../shared/corpus"

func indexed(t *testing.T, lib *model.Library) *Store {
	t.Helper()
	s, _ := openTemp(t)
	if _, _, err := s.Index(lib); err != nil {
		t.Fatal(err)
	}
	return s
}

func byID(lib *model.Library) map[string]*model.Article {
	m := map[string]*model.Article{}
	for _, a := range lib.Articles {
		m[a.ID] = a
	}
	return m
}

func TestSearchSample(t *testing.T) {
	s, _ := openTemp(t)
	checkSearchSample(t, s)
}

// checkSearchSample indexes the sample library in s and searches it.
func checkSearchSample(t *testing.T, s *Store) {
	lib := articles.Sample()
	if _, _, err := s.Index(lib); err != nil {
		t.Fatal(err)
	}
	arts := byID(lib)
	tests := []struct {
		query, title, section string
	}{
		{"cho noi", "Chợ nổi Cái Răng", ""},
		{"CHỢ NỔI", "Chợ nổi Cái Răng", ""},
		{"hu tieu", "Chợ nổi Cái Răng", "Ăn sáng trên sông"},
		{"the ra vao", "Hoàn Kiếm", "Người dân băn khoăn về giờ cấm xe"},
		{"gio cam xe", "Hoàn Kiếm", ""}, // in the title: the article's start
		{"dinh tien hoang", "Hoàn Kiếm", "Ba tuyến phố được đề xuất"},
		{"wage growth", "Central bank", "What the bank said"},
		{"round of wage data", "Central bank", "What economists expect"},
		{"escape sequences", "Reading in the terminal", "19. Mind the escape sequences"},
	}
	for _, tt := range tests {
		hits, err := s.Search(tt.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tt.query)
			continue
		}
		a := arts[hits[0].ID]
		if !strings.HasPrefix(a.Title, tt.title) {
			t.Errorf("%q: first hit %q, want %q", tt.query, a.Title, tt.title)
		}
		got := ""
		if hits[0].Section >= 0 {
			got = a.Sections[hits[0].Section].Title
		}
		if got != tt.section {
			t.Errorf("%q: section %q, want %q", tt.query, got, tt.section)
		}
	}
	if hits, _ := s.Search(`" OR title:* NEAR(`, 10); len(hits) != 0 {
		t.Errorf("FTS syntax in a query was not neutralised: %+v", hits)
	}
}

// TestSearchTitleFirst ranks an article with the word in its title above
// articles that only mention it.
func TestSearchTitleFirst(t *testing.T) {
	s, _ := openTemp(t)
	checkSearchTitleFirst(t, s)
}

func checkSearchTitleFirst(t *testing.T, s *Store) {
	var lib model.Library
	for _, text := range []string{
		"Giá xăng giảm\n\nGiá dầu thế giới giảm kéo theo giá vàng.\n",
		"Giá vàng lập đỉnh\n\nNgười dân xếp hàng.\n",
		"Thời tiết\n\nTrời nắng. Vàng lá rơi.\n",
	} {
		a, _ := articles.Parse("x.txt", []byte(text))
		lib.Articles = append(lib.Articles, a)
	}
	if _, _, err := s.Index(&lib); err != nil {
		t.Fatal(err)
	}
	hits, _ := s.Search("vang", 10)
	if len(hits) != 3 || hits[0].ID != lib.Articles[1].ID {
		t.Errorf("hits %+v, want the title match first", hits)
	}
}

func TestSearchCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s", corpusDir)
	}
	lib := articles.Load([]string{corpusDir}, articles.Options{})
	s := indexed(t, lib)
	arts := byID(lib)
	if hits, _ := s.Search("ba dinh", 20); !hasSeed(arts, hits) {
		t.Error("ba dinh does not find the seed")
	}
	hits, _ := s.Search("hoi nghi quan uy ba dinh", 3)
	if !hasSeed(arts, hits) {
		t.Errorf("hoi nghi quan uy ba dinh: the seed is not in the first three: %+v", hits)
	}
	hits, _ = s.Search("hoi nghi nhiet liet bieu duong", 5)
	if len(hits) == 0 || filepath.Base(arts[hits[0].ID].Path) != "000_4184514eaf17b170.txt" || hits[0].Section != 1 {
		t.Errorf("hoi nghi in the seed's second section: %+v", hits)
	}
	hits, _ = s.Search("world cross country", 10)
	if len(hits) == 0 || !strings.Contains(arts[hits[0].ID].Path, "en-bbc-news-greene") {
		t.Errorf("an English query does not find the BBC article: %+v", hits)
	}
}

func hasSeed(arts map[string]*model.Article, hits []model.Hit) bool {
	for _, h := range hits {
		if filepath.Base(arts[h.ID].Path) == "000_4184514eaf17b170.txt" {
			return true
		}
	}
	return false
}
