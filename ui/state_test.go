package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"bao/model"
	"bao/state"
)

func tempStore(t *testing.T) *state.Store {
	t.Helper()
	s, err := state.Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestResumeAcrossWidths leaves an article at 120 columns and reopens it in
// a new session at 60: the same block is at the top.
func TestResumeAcrossWidths(t *testing.T) {
	store := tempStore(t)
	lib := sampleLibrary(t)
	long := 5 // the 22-section guide
	a := lib.Articles[long]
	if len(a.Sections) < 20 {
		t.Fatalf("sample article %d is not the long one", long)
	}
	opts := Options{User: store.User("local"), Index: store}
	first := newHarness(t, lib, 120, 40, opts)
	for range long {
		first.keys("down")
	}
	first.keys("enter", "7", "j", "j", "j")
	before, _ := first.root().Reader().Position()
	first.keys("q")

	second := newHarness(t, lib, 60, 20, opts)
	for range long {
		second.keys("down")
	}
	second.keys("enter")
	after, _ := second.root().Reader().Position()
	if after.Block != before.Block || after.Section != 6 {
		t.Errorf("reopened at %+v, left at %+v", after, before)
	}
	if !strings.Contains(second.line(0), "§ 7. Resize freely") && !strings.Contains(second.line(0), "§ 7.") {
		t.Errorf("header %q", second.line(0))
	}
}

func TestMarksAndBookmarksInTheList(t *testing.T) {
	store := tempStore(t)
	lib := sampleLibrary(t)
	hs := newHarness(t, lib, 100, 40, Options{User: store.User("alice")})
	if !strings.HasPrefix(hs.line(4), "│ ● ") {
		t.Errorf("unread article not marked: %q", hs.line(4))
	}
	hs.keys("enter", "F", "q")
	if strings.Contains(hs.line(4), "●") || !strings.Contains(hs.line(5), "bookmarked") {
		t.Errorf("after reading and bookmarking: %q / %q", hs.line(4), hs.line(5))
	}
	hs.keys("u")
	if got := hs.root().list.list.Index(); got != 1 {
		t.Errorf("u moved to %d, want the next unread (1)", got)
	}
	hs.keys("B")
	if got := visibleTitles(hs); len(got) != 1 || got[0] != lib.Articles[0].Title {
		t.Errorf("bookmarks only: %q", got)
	}
	// Back to every article, the cursor stays on the one it was on.
	hs.keys("B")
	if got := hs.root().list.selectedID(); got != lib.Articles[0].ID {
		t.Errorf("after leaving bookmarks only the cursor is on %q, want the bookmarked article", got)
	}
	hs.keys("j", "m")
	m, _ := store.User("alice").Marks()
	if !m.Read[lib.Articles[0].ID] || !m.Bookmarked[lib.Articles[0].ID] || !m.Read[lib.Articles[1].ID] {
		t.Errorf("stored marks %+v", m)
	}
	other, _ := store.User("bob").Marks()
	if len(other.Read)+len(other.Bookmarked) != 0 {
		t.Errorf("another reader sees %+v", other)
	}
	// A new session of the same reader sees the marks.
	again := newHarness(t, lib, 100, 40, Options{User: store.User("alice")})
	if strings.Contains(again.line(4), "●") || !strings.Contains(again.line(5), "bookmarked") {
		t.Errorf("marks not restored: %q / %q", again.line(4), again.line(5))
	}
}

// failingState fails every write.
type failingState struct{ *state.SessionOnly }

func (failingState) SetRead(string, bool) error { return errors.New("disk I/O error") }
func (failingState) SavePosition(string, model.Position) error {
	return errors.New("disk I/O error")
}

func TestStoreFailureWarnsAndReads(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 100, 30, Options{User: failingState{state.NewSessionOnly()}})
	hs.keys("enter")
	if hs.root().Screen() != "reader" || !strings.Contains(hs.line(29), "Not saving reading state") {
		t.Errorf("screen %s, footer %q", hs.root().Screen(), hs.line(29))
	}
	hs.keys("]", "]")
	if !strings.Contains(hs.line(0), "§") {
		t.Error("reading stopped after the store failed")
	}
	hs.keys("q", "enter")
	if strings.Contains(hs.line(29), "Not saving") {
		t.Error("the warning was shown twice")
	}
}

func TestStartupWarning(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 100, 30, Options{Warning: "state /x/state.db: file is not a database"})
	if screen := strings.Join(hs.screen(), "\n"); !strings.Contains(screen, "Not saving reading state: state /x/state.db: file is not a database") {
		t.Errorf("no warning:\n%s", screen)
	}
}

func TestLibrarySearchOpensAtSection(t *testing.T) {
	store := tempStore(t)
	lib := sampleLibrary(t)
	hs := newHarness(t, lib, 100, 30, Options{User: store.User("x"), Index: store, IndexOnLoad: true})
	hs.keys("ctrl+f")
	if hs.root().Screen() != "search" {
		t.Fatal("ctrl+f did not open the search")
	}
	hs.typeText("hu tieu")
	screen := strings.Join(hs.screen(), "\n")
	if !strings.Contains(screen, "Chợ nổi Cái Răng") || !strings.Contains(screen, "§ Ăn sáng trên sông") || !strings.Contains(screen, "hủ tiếu") {
		t.Fatalf("results:\n%s", screen)
	}
	hs.keys("enter")
	r := hs.root().Reader()
	if hs.root().Screen() != "reader" || !strings.Contains(hs.line(1), "Ăn sáng trên sông") {
		t.Errorf("opened at %q", hs.line(1))
	}
	if r.search.Query() != "hu tieu" || r.search.Matches() == 0 || r.search.Current() < 0 {
		t.Errorf("matches not highlighted: query %q, %d matches", r.search.Query(), r.search.Matches())
	}
	// q goes back to the results, esc from there to the list.
	hs.keys("q")
	if screen := strings.Join(hs.screen(), "\n"); hs.root().Screen() != "search" || !strings.Contains(screen, "§ Ăn sáng trên sông") {
		t.Fatalf("q from a search result went to %s:\n%s", hs.root().Screen(), screen)
	}
	hs.keys("esc")
	if hs.root().Screen() != "list" {
		t.Errorf("esc from the results went to %s", hs.root().Screen())
	}
}

func TestLibrarySearchDropsStaleResults(t *testing.T) {
	c := &Common{}
	st, _ := NewStyles("dark")
	c.Styles = &st
	s := NewLibrarySearch(c)
	s.seq = 2
	s, _ = s.Update(searchResultsMsg{seq: 1, query: "old", hits: []model.Hit{{ID: "x"}}})
	if s.query != "" {
		t.Error("results of an older query were shown")
	}
}

// TestSummarisedLibrary keeps only summaries in the list: opening an
// article and search snippets read it whole again.
func TestSummarisedLibrary(t *testing.T) {
	full := sampleLibrary(t)
	store := tempStore(t)
	if _, _, err := store.Index(full); err != nil {
		t.Fatal(err)
	}
	reloads := 0
	lite, reload := summarised(full, &reloads)
	opts := Options{User: store.User("x"), Index: store, Summaries: true, Reload: reload}
	hs := newHarness(t, lite, 100, 30, opts)
	if !strings.Contains(hs.line(5), "3 sections") {
		t.Errorf("summary lost its sections: %q", hs.line(5))
	}
	hs.keys("enter", "]")
	if hs.root().Screen() != "reader" || !strings.Contains(hs.line(1), "Ba tuyến phố được đề xuất") || reloads != 1 {
		t.Fatalf("reader after opening a summary (%d reloads):\n%s", reloads, strings.Join(hs.screen(), "\n"))
	}
	hs.keys("q", "ctrl+f")
	hs.typeText("hu tieu")
	if screen := strings.Join(hs.screen(), "\n"); !strings.Contains(screen, "hủ tiếu") {
		t.Errorf("no snippet for a summarised article:\n%s", screen)
	}
}

// TestSyncReadsOnlyNew indexes a summarised library by reading the
// articles again, and a second time reads nothing.
func TestSyncReadsOnlyNew(t *testing.T) {
	full := sampleLibrary(t)
	store := tempStore(t)
	reads := 0
	lite, reload := summarised(full, &reads)
	added, _, err := store.Sync(lite, reload)
	if err != nil || added != len(full.Articles) || reads != len(full.Articles) {
		t.Fatalf("first index: %d added, %d reads, %v", added, reads, err)
	}
	reads = 0
	added, removed, err := store.Sync(&model.Library{Articles: lite.Articles}, reload)
	if err != nil || added != 0 || removed != 0 || reads != 0 {
		t.Errorf("second index: %d added, %d removed, %d reads, %v", added, removed, reads, err)
	}
	if hits, _ := store.Search("hu tieu", 5); len(hits) != 1 {
		t.Errorf("search after indexing summaries: %+v", hits)
	}
}

// flakyState fails its writes while down is set, as a database that stops
// and comes back.
type flakyState struct {
	*state.SessionOnly
	down *atomic.Bool
}

func (f flakyState) SavePosition(id string, p model.Position) error {
	if f.down.Load() {
		return errors.New("connection refused")
	}
	return f.SessionOnly.SavePosition(id, p)
}

// When the store comes back, saving goes on without a new session, the
// reader is told so, and a second failure is told again.
func TestStoreComesBack(t *testing.T) {
	down := &atomic.Bool{}
	st := flakyState{state.NewSessionOnly(), down}
	hs := newHarness(t, manual(t, 6), 100, 12, Options{User: st})
	hs.keys("enter")
	down.Store(true)
	hs.keys("]")
	if !strings.Contains(footer(hs), "Not saving reading state") {
		t.Fatalf("the failure was not told: %q", footer(hs))
	}
	down.Store(false)
	hs.keys("]")
	if !strings.Contains(footer(hs), "Saving reading state again") {
		t.Errorf("saving again was not told: %q", footer(hs))
	}
	id := hs.root().Reader().Article().ID
	if p, ok, _ := st.Position(id); !ok || p.Section != 1 {
		t.Errorf("position after the store came back: %+v %v, want section 2", p, ok)
	}
	down.Store(true)
	hs.keys("]")
	if !strings.Contains(footer(hs), "Not saving reading state") {
		t.Errorf("a second failure was not told: %q", footer(hs))
	}
}
