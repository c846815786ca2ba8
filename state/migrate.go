package state

import "fmt"

// migrations bring the schema from version i to i+1; applied ones are
// never edited, new ones are appended.
var migrations = []string{
	`CREATE TABLE reads (user TEXT NOT NULL, article TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE bookmarks (user TEXT NOT NULL, article TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE positions (user TEXT NOT NULL, article TEXT NOT NULL, section INTEGER NOT NULL, block INTEGER NOT NULL,
		offset INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (user, article)) WITHOUT ROWID;
	 CREATE TABLE documents (article TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL) WITHOUT ROWID;
	 CREATE VIRTUAL TABLE sections USING fts5(article UNINDEXED, section UNINDEXED, title, body, tokenize = 'unicode61');`,
}

// migrate applies the migrations the database has not seen, each in its
// own transaction, recording the version in schema_version.
func (s *Store) migrate() error {
	if _, err := s.db.Exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this bao knows (%d)", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_version (version) VALUES (?)`, v+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
