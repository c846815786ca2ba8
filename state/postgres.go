package state

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"
)

// IsPostgres reports whether a --state value names a PostgreSQL database
// rather than a file.
func IsPostgres(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// OpenPostgres opens the PostgreSQL database at url (postgres://...) and
// brings its schema up to date. Several bao processes can share it: each
// reader's marks, positions and bookmarks, and the library search index,
// are the same whichever process answers.
func OpenPostgres(url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", redact(url), err)
	}
	// A reader's writes are small and one at a time; a process needs few
	// connections, and many processes share the server's limit.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, path: redact(url), pg: true}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.migratePostgres(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("state %s: %w", redact(url), err)
	}
	return s, nil
}

// redact leaves the password out of a database URL, for messages.
func redact(url string) string {
	at := strings.LastIndexByte(url, '@')
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	userinfo := url[scheme+3 : at]
	if i := strings.IndexByte(userinfo, ':'); i >= 0 {
		return url[:scheme+3] + userinfo[:i] + ":xxx" + url[at:]
	}
	return url
}

// q rewrites a query's ? placeholders as PostgreSQL's $1, $2...; SQLite
// takes them as they are. No query of this package has a ? inside a
// string.
func (s *Store) q(query string) string {
	if !s.pg || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pgMigrations are migrations for PostgreSQL, numbered as the SQLite ones:
// the same tables, with the library index as a text-search column over
// the folded title (weight A) and body (weight D).
var pgMigrations = []string{
	`CREATE TABLE reads ("user" TEXT NOT NULL, article TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY ("user", article));
	 CREATE TABLE bookmarks ("user" TEXT NOT NULL, article TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY ("user", article));
	 CREATE TABLE positions ("user" TEXT NOT NULL, article TEXT NOT NULL, section INTEGER NOT NULL, block INTEGER NOT NULL,
		"offset" INTEGER NOT NULL, at BIGINT NOT NULL, PRIMARY KEY ("user", article));
	 CREATE TABLE documents (article TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL);
	 CREATE TABLE sections (article TEXT NOT NULL, section INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
		words tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D')) STORED);
	 CREATE INDEX sections_words ON sections USING GIN (words);
	 CREATE INDEX sections_article ON sections (article);`,
	`CREATE TABLE feeds (url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', site TEXT NOT NULL DEFAULT '',
		etag TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL DEFAULT '', added BIGINT NOT NULL,
		fetched BIGINT NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '');
	 CREATE TABLE feed_items (feed TEXT NOT NULL, item TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (feed, item));`,
}

// migrationLock is the advisory lock key under which bao migrates a
// PostgreSQL database ("bao" in ASCII).
const migrationLock = 0x62616f

// migratePostgres applies the migrations the database has not seen, in
// one transaction that first takes a transaction-level advisory lock:
// instances that start together on a new database wait for each other,
// and each migration runs exactly once.
func (s *Store) migratePostgres(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(pgMigrations) {
		return fmt.Errorf("schema version %d is newer than this bao knows (%d)", version, len(pgMigrations))
	}
	for v := version; v < len(pgMigrations); v++ {
		if _, err := tx.ExecContext(ctx, pgMigrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, v+1); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// searchPostgres is Search on PostgreSQL: every folded word, the last as a
// prefix, with title matches ranked first (weight 1 against 0.1, as the
// SQLite index weighs them 10 to 1).
func (s *Store) searchPostgres(words []string, limit int) (*sql.Rows, error) {
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = "'" + w + "'"
	}
	terms[len(terms)-1] += ":*"
	query := strings.Join(terms, " & ")
	return s.db.Query(`SELECT article, section FROM sections WHERE words @@ to_tsquery('simple', $1)
		ORDER BY ts_rank('{0.1, 0, 0, 1}', words, to_tsquery('simple', $1)) DESC, article, section LIMIT $2`, query, limit*4)
}
