package state

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"bao/articles"
	"bao/internal/unprivileged"
	"bao/model"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestMarksAndPositions(t *testing.T) {
	s, path := openTemp(t)
	checkMarksAndPositions(t, s, func() *Store {
		// A second store on the same file, as a second process would open it.
		other, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { other.Close() })
		return other
	})
}

// checkMarksAndPositions writes one reader's marks and positions in s and
// reads them back through another store on the same database.
func checkMarksAndPositions(t *testing.T, s *Store, reopen func() *Store) {
	alice := s.User("alice")
	if err := alice.SetRead("a1", true); err != nil {
		t.Fatal(err)
	}
	alice.SetRead("a2", true)
	alice.SetRead("a2", false)
	alice.SetBookmark("a3", true)
	alice.SetBookmark("a3", true) // twice is once
	alice.SavePosition("a1", model.Position{Section: 2, Block: 7, Offset: 120})
	alice.SavePosition("a1", model.Position{Section: 3, Block: 9, Offset: 5})

	other := reopen()
	m, err := other.User("alice").Marks()
	if err != nil {
		t.Fatal(err)
	}
	if !m.Read["a1"] || m.Read["a2"] || !m.Bookmarked["a3"] || len(m.Read) != 1 || len(m.Bookmarked) != 1 {
		t.Errorf("marks seen by another store: %+v", m)
	}
	p, ok, err := other.User("alice").Position("a1")
	if err != nil || !ok || p != (model.Position{Section: 3, Block: 9, Offset: 5}) {
		t.Errorf("position %+v %v %v", p, ok, err)
	}
	bob, _ := other.User("bob").Marks()
	if len(bob.Read) != 0 || len(bob.Bookmarked) != 0 {
		t.Errorf("bob sees alice's marks: %+v", bob)
	}
	if _, ok, _ := other.User("bob").Position("a1"); ok {
		t.Error("bob sees alice's position")
	}
}

func TestSchemaVersion(t *testing.T) {
	s, path := openTemp(t)
	var v int
	s.db.QueryRow(`SELECT max(version) FROM schema_version`).Scan(&v)
	if v != len(migrations) {
		t.Errorf("version %d, want %d", v, len(migrations))
	}
	s.Close()
	again, err := Open(path) // migrating twice changes nothing
	if err != nil {
		t.Fatal(err)
	}
	var rows int
	again.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&rows)
	again.Close()
	if rows != len(migrations) {
		t.Errorf("%d version rows after reopening", rows)
	}
	var mode string
	s2, _ := Open(path)
	s2.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	s2.Close()
	if mode != "wal" {
		t.Errorf("journal mode %q, want wal", mode)
	}
}

func TestCorruptAndUnwritable(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	os.WriteFile(corrupt, []byte("this is not a database, just text that is long enough to look like a header"), 0o600)
	if _, err := Open(corrupt); err == nil {
		t.Error("a corrupt file opened without error")
	}
	if unprivileged.Rerun(t, "TestCorruptAndUnwritable") {
		return // the read-only directory, which root can write to, was checked as nobody
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o500)
	if _, err := Open(filepath.Join(ro, "state.db")); err == nil {
		t.Error("a store in a read-only directory opened without error")
	}
}

// TestKilledMidWrite kills a process that keeps saving positions and
// checks that the store still opens with committed positions.
func TestKilledMidWrite(t *testing.T) {
	if os.Getenv("BAO_STATE_WRITER") != "" {
		writer(os.Getenv("BAO_STATE_WRITER"))
		return
	}
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidWrite$")
	cmd.Env = append(os.Environ(), "BAO_STATE_WRITER="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf) // the writer says when it has committed some
	if string(buf[:n]) == "" {
		t.Fatal("writer did not start")
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("store after kill -9: %v", err)
	}
	defer s.Close()
	var check string
	s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check)
	if check != "ok" {
		t.Errorf("integrity check: %s", check)
	}
	p, ok, err := s.User("writer").Position("article")
	if err != nil || !ok || p.Block < 100 || p.Offset != p.Block*2 {
		t.Errorf("last committed position %+v (found %v, err %v)", p, ok, err)
	}
}

// writer saves positions as fast as it can until killed.
func writer(path string) {
	s, err := Open(path)
	if err != nil {
		os.Exit(3)
	}
	u := s.User("writer")
	for i := 0; ; i++ {
		u.SavePosition("article", model.Position{Section: 1, Block: i, Offset: i * 2})
		u.SetRead("a"+strconv.Itoa(i%50), i%2 == 0)
		if i == 100 {
			fmt.Println("committed")
		}
	}
}

func TestSessionOnlyIsPerSession(t *testing.T) {
	a, b := NewSessionOnly(), NewSessionOnly()
	a.SetRead("x", true)
	a.SavePosition("x", model.Position{Block: 3})
	if m, _ := b.Marks(); m.Read["x"] {
		t.Error("memory state leaked between sessions")
	}
	if p, ok, _ := a.Position("x"); !ok || p.Block != 3 {
		t.Errorf("position %+v", p)
	}
}

func TestIndexIncremental(t *testing.T) {
	s, _ := openTemp(t)
	checkIndexIncremental(t, s)
}

func checkIndexIncremental(t *testing.T, s *Store) {
	dir := t.TempDir()
	for i, a := range articles.Sample().Articles {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.md", i)), []byte(a.Title+"\n\n"+a.Blocks[0].Text+"\n"), 0o644)
	}
	lib := articles.Load([]string{dir}, articles.Options{})
	added, removed, err := s.Index(lib)
	if err != nil || added != len(lib.Articles) || removed != 0 {
		t.Fatalf("first index: %d added %d removed, %v", added, removed, err)
	}
	added, removed, _ = s.Index(lib)
	if added != 0 || removed != 0 {
		t.Errorf("second index of the same library: %d added %d removed", added, removed)
	}
	// One file edited, one removed.
	os.WriteFile(filepath.Join(dir, "00.md"), []byte("Changed\n\nNew text.\n"), 0o644)
	os.Remove(filepath.Join(dir, "01.md"))
	lib = articles.Load([]string{dir}, articles.Options{})
	added, removed, _ = s.Index(lib)
	if added != 1 || removed != 2 {
		t.Errorf("after an edit and a removal: %d added %d removed, want 1 and 2", added, removed)
	}
	if hits, _ := s.Search("changed", 10); len(hits) != 1 {
		t.Errorf("the edited article is found %d times", len(hits))
	}
}

// Two libraries on one database: indexing one never drops the other's
// articles.
func TestIndexKeepsAnotherLibrary(t *testing.T) {
	s, _ := openTemp(t)
	checkIndexKeepsAnotherLibrary(t, s)
}

func checkIndexKeepsAnotherLibrary(t *testing.T, s *Store) {
	a, b := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(a, "a.txt"), []byte("Alpha tiêu đề\n\nVăn bản về cầu Long Biên.\n"), 0o644)
	os.WriteFile(filepath.Join(b, "b.txt"), []byte("Beta tiêu đề\n\nVăn bản về chợ Bến Thành.\n"), 0o644)
	libA := articles.Load([]string{a}, articles.Options{})
	libB := articles.Load([]string{b}, articles.Options{})
	s.Index(libA)
	if _, removed, _ := s.Index(libB); removed != 0 {
		t.Errorf("indexing library B removed %d of library A's articles", removed)
	}
	s.Index(libA)
	for _, q := range []string{"long bien", "ben thanh"} {
		if hits, _ := s.Search(q, 10); len(hits) != 1 {
			t.Errorf("%q: %d hits after both libraries were indexed, want 1", q, len(hits))
		}
	}
}

// Concurrent syncs of one library index each article once.
func TestConcurrentSyncs(t *testing.T) {
	s, _ := openTemp(t)
	checkConcurrentSyncs(t, s)
}

func checkConcurrentSyncs(t *testing.T, s *Store) {
	lib := articles.Sample()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { s.Sync(lib, nil) })
	}
	wg.Wait()
	var rows, want int
	s.db.QueryRow(`SELECT count(*) FROM sections`).Scan(&rows)
	for _, a := range lib.Articles {
		want += len(sectionTexts(a))
	}
	if rows != want {
		t.Errorf("%d section rows after 4 concurrent syncs, want %d", rows, want)
	}
}

// Processes started together on a new database each get the whole
// schema, migrated once. Each process is this test binary, run again as
// openHelper.
func TestMigrateTogether(t *testing.T) {
	for round := range 10 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("state-%d.db", round))
		var cmds []*exec.Cmd
		var outs []*bytes.Buffer
		for range 4 {
			cmd := exec.Command(os.Args[0], "-test.run=^TestOpenHelper$")
			cmd.Env = append(os.Environ(), "BAO_OPEN_HELPER="+path)
			out := &bytes.Buffer{}
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, outs = append(cmds, cmd), append(outs, out)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("round %d: a process failed to open the new database: %v\n%s", round, err, outs[i])
			}
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		s.db.QueryRow(`SELECT count(*) FROM schema_version`).Scan(&n)
		s.Close()
		if n != len(migrations) {
			t.Errorf("round %d: %d migrations recorded, want %d", round, n, len(migrations))
		}
	}
}

// TestOpenHelper opens the database named by BAO_OPEN_HELPER, for
// TestMigrateTogether; on its own it does nothing.
func TestOpenHelper(t *testing.T) {
	path := os.Getenv("BAO_OPEN_HELPER")
	if path == "" {
		return
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// A ? or % in the path is part of the file name.
func TestPathWithQueryCharacters(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "odd?name%20x.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.User("u").SetRead("a", true)
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the database is not at the path given: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) == 0 || entries[0].Name() != "odd?name%20x.db" {
		t.Errorf("files written: %v", entries)
	}
}
