package state

import (
	"os"
	"slices"
	"sync"
	"testing"

	"bao/articles"
	"bao/internal/pgtest"
	"bao/model"
)

// The PostgreSQL store is tested against a throwaway cluster, one database
// per test, with the same checks as the SQLite store.

var (
	cluster     *pgtest.Cluster
	clusterErr  error
	clusterOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if cluster != nil {
		cluster.Close()
	}
	os.Exit(code)
}

// pgURL returns a new empty database, or skips the test.
func pgURL(t *testing.T) string {
	t.Helper()
	clusterOnce.Do(func() { cluster, clusterErr = pgtest.New() })
	if clusterErr != nil {
		t.Skipf("PostgreSQL cannot be started: %v", clusterErr)
	}
	url, err := cluster.NewDatabase()
	if err != nil {
		t.Fatal(err)
	}
	return url
}

func openPG(t *testing.T, url string) *Store {
	t.Helper()
	s, err := OpenPostgres(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPostgresMarksAndPositions(t *testing.T) {
	url := pgURL(t)
	checkMarksAndPositions(t, openPG(t, url), func() *Store { return openPG(t, url) })
}

func TestPostgresSearch(t *testing.T) {
	checkSearchSample(t, openPG(t, pgURL(t)))
	checkSearchTitleFirst(t, openPG(t, pgURL(t)))
}

func TestPostgresIndex(t *testing.T) {
	checkIndexIncremental(t, openPG(t, pgURL(t)))
	checkIndexKeepsAnotherLibrary(t, openPG(t, pgURL(t)))
	checkConcurrentSyncs(t, openPG(t, pgURL(t)))
}

// Both stores give the same articles, in the same order where ranks
// differ, for the same queries: bao folds the text and the query itself,
// so neither database's own idea of accents decides.
func TestStoresAgree(t *testing.T) {
	lib := articles.Sample()
	if _, err := os.Stat(corpusDir); err == nil {
		lib = articles.Load([]string{corpusDir + "/seed", corpusDir + "/vi-baomoi-magizbox", corpusDir + "/en-bbc-news-greene/sport"}, articles.Options{})
	}
	lite, _ := openTemp(t)
	pg := openPG(t, pgURL(t))
	for _, s := range []*Store{lite, pg} {
		if _, _, err := s.Index(lib); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{"ha noi", "Hà Nội", "đà nẵng", "da nang", "bong da", "gia vang", "cho noi", "hu tie", "world cup", "chelsea", "tiêu đề", "Đường", "duong", "covid 19", "u23"}
	for _, q := range queries {
		a, err := lite.Search(q, 50)
		if err != nil {
			t.Fatal(err)
		}
		b, err := pg.Search(q, 50)
		if err != nil {
			t.Fatal(err)
		}
		ids := func(hs []model.Hit) []string {
			var out []string
			for _, h := range hs {
				out = append(out, h.ID)
			}
			slices.Sort(out)
			return out
		}
		if len(a) < 50 && !slices.Equal(ids(a), ids(b)) {
			t.Errorf("%q: SQLite finds %d articles, PostgreSQL %d, not the same ones", q, len(a), len(b))
		}
		if len(a) != len(b) {
			t.Errorf("%q: %d hits on SQLite, %d on PostgreSQL", q, len(a), len(b))
		}
	}
}

// Four processes' stores opening a new database at once migrate it once.
func TestPostgresMigrateTogether(t *testing.T) {
	url := pgURL(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := OpenPostgres(url)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("an instance failed to open the new database: %v", err)
	}
	s := openPG(t, url)
	var rows, version int
	s.db.QueryRow(`SELECT count(*), max(version) FROM schema_version`).Scan(&rows, &version)
	if rows != len(pgMigrations) || version != len(pgMigrations) {
		t.Errorf("%d migrations recorded (version %d), want %d", rows, version, len(pgMigrations))
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://bao:s3cret@db.example:5432/bao"); got != "postgres://bao:xxx@db.example:5432/bao" {
		t.Errorf("redact: %q", got)
	}
}
