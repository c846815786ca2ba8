// Package state keeps what bao remembers between runs in an embedded SQLite
// database: which articles each reader has read, where they stopped,
// their bookmarks, and a full-text index of the library.
package state

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"bao/model"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite", pure Go
)

// Store is an open state database. It is safe for concurrent use, also by
// several processes.
type Store struct {
	db   *sql.DB
	path string
	// pg is set for a PostgreSQL database (OpenPostgres).
	pg bool
	// writing serialises this process's index writes, which are long;
	// other processes wait on SQLite's busy timeout.
	writing sync.Mutex
	// syncing serialises whole index syncs.
	syncing sync.Mutex
}

// DefaultPath is $XDG_STATE_HOME/bao/state.db, or under ~/.local/state.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the state directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "bao", "state.db"), nil
}

// Open opens or creates the database at path, in WAL mode, and brings its
// schema up to date.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	// The path is escaped: a ? or % in it would otherwise start the
	// query or an escape, and the database would be written elsewhere.
	u := url.URL{Scheme: "file", Path: path, OmitHost: true}
	dsn := u.String() + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrateRetrying(); err != nil {
		db.Close()
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	return s, nil
}

// migrateRetrying migrates, trying again while another process holds the
// database: switching a new database to WAL can fail at once with
// SQLITE_BUSY, before the busy timeout applies.
func (s *Store) migrateRetrying() error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 500*time.Millisecond) {
		err := s.migrate()
		if err == nil || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

// OpenMemory returns a store that lives in memory only, for running
// without a state file: marks are lost at exit but search still works.
func OpenMemory() (*Store, error) {
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // each connection would get its own memory database
	s := &Store{db: db, path: ":memory:"}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// User returns the state of one reader. Readers never see each other's
// marks, positions or bookmarks.
func (s *Store) User(name string) *User { return &User{s: s, name: name} }

// User is one reader's state in a Store.
type User struct {
	s    *Store
	name string
}

// Marks loads the reader's read marks and bookmarks.
func (u *User) Marks() (model.Marks, error) {
	m := model.Marks{Read: map[string]bool{}, Bookmarked: map[string]bool{}}
	for table, set := range map[string]map[string]bool{"reads": m.Read, "bookmarks": m.Bookmarked} {
		rows, err := u.s.db.Query(u.s.q("SELECT article FROM "+table+` WHERE "user" = ?`), u.name)
		if err != nil {
			return m, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return m, err
			}
			set[id] = true
		}
		if err := rows.Close(); err != nil {
			return m, err
		}
	}
	return m, nil
}

// SetRead marks an article read or unread.
func (u *User) SetRead(id string, read bool) error { return u.set("reads", id, read) }

// SetBookmark adds or removes a bookmark.
func (u *User) SetBookmark(id string, on bool) error { return u.set("bookmarks", id, on) }

func (u *User) set(table, id string, on bool) error {
	var err error
	if on {
		_, err = u.s.db.Exec(u.s.q("INSERT INTO "+table+`("user", article, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`), u.name, id, time.Now().Unix())
	} else {
		_, err = u.s.db.Exec(u.s.q("DELETE FROM "+table+` WHERE "user" = ? AND article = ?`), u.name, id)
	}
	return err
}

// Position returns where the reader stopped in an article.
func (u *User) Position(id string) (model.Position, bool, error) {
	var p model.Position
	err := u.s.db.QueryRow(u.s.q(`SELECT section, block, "offset" FROM positions WHERE "user" = ? AND article = ?`), u.name, id).Scan(&p.Section, &p.Block, &p.Offset)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	return p, err == nil, err
}

// SavePosition records where the reader is in an article.
func (u *User) SavePosition(id string, p model.Position) error {
	_, err := u.s.db.Exec(u.s.q(`INSERT INTO positions("user", article, section, block, "offset", at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT("user", article) DO UPDATE SET section = excluded.section, block = excluded.block, "offset" = excluded."offset", at = excluded.at`),
		u.name, id, p.Section, p.Block, p.Offset, time.Now().Unix())
	return err
}
