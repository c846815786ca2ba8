package state

import (
	"context"
	"fmt"
)

// migrations bring the schema from version i to i+1; applied ones are
// never edited, new ones are appended.
var migrations = []string{
	`CREATE TABLE reads (user TEXT NOT NULL, article TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE bookmarks (user TEXT NOT NULL, article TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE positions (user TEXT NOT NULL, article TEXT NOT NULL, section INTEGER NOT NULL, block INTEGER NOT NULL,
		offset INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE documents (article TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL) WITHOUT ROWID;
	 CREATE VIRTUAL TABLE sections USING fts5(article UNINDEXED, section UNINDEXED, title, body, tokenize = 'unicode61');`,
	`CREATE TABLE feeds (url TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', site TEXT NOT NULL DEFAULT '',
		etag TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL DEFAULT '', added INTEGER NOT NULL,
		fetched INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
	 CREATE TABLE feed_items (feed TEXT NOT NULL, item TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (feed, item)) WITHOUT ROWID;`,
}

// migrate applies the migrations the database has not seen, in one
// transaction that takes the write lock first (BEGIN IMMEDIATE) and only
// then reads the version: processes that start together on a new
// database wait for each other, and each migration runs exactly once.
func (s *Store) migrate() error {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			conn.ExecContext(ctx, `ROLLBACK`)
		}
	}()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var version int
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this bao knows (%d)", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		if _, err := conn.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, v+1); err != nil {
			return err
		}
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		return err
	}
	done = true
	return nil
}
