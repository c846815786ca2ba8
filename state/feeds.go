package state

import (
	"context"

	"errors"
	"time"
)

// Feed is a followed feed and what the last fetch of it found.
type Feed struct {
	URL, Title, Site string
	// ETag and Modified are the validators of the last response, sent back
	// so that an unchanged feed is not downloaded again.
	ETag, Modified string
	Added, Fetched time.Time
	// Error is why the last fetch failed; "" when it did not.
	Error string
}

// ErrFeedExists is returned when adding a feed already followed.
var ErrFeedExists = errors.New("already followed")

// AddFeed follows a feed.
func (s *Store) AddFeed(f Feed) error {
	if f.Added.IsZero() {
		f.Added = time.Now()
	}
	res, err := s.db.Exec(s.q(`INSERT INTO feeds (url, title, site, added) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`),
		f.URL, f.Title, f.Site, f.Added.Unix())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrFeedExists
	}
	return nil
}

// RemoveFeed stops following a feed and forgets its items; false when it
// was not followed.
func (s *Store) RemoveFeed(url string) (bool, error) {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	res, err := tx.Exec(s.q(`DELETE FROM feeds WHERE url = ?`), url)
	if err != nil {
		return false, err
	}
	if _, err := tx.Exec(s.q(`DELETE FROM feed_items WHERE feed = ?`), url); err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, tx.Commit()
}

// Feeds lists the followed feeds in the order they were added.
func (s *Store) Feeds() ([]Feed, error) {
	rows, err := s.db.Query(s.q(`SELECT url, title, site, etag, modified, added, fetched, error FROM feeds ORDER BY added, url`))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var added, fetched int64
		if err := rows.Scan(&f.URL, &f.Title, &f.Site, &f.ETag, &f.Modified, &added, &fetched, &f.Error); err != nil {
			return nil, err
		}
		f.Added = time.Unix(added, 0)
		if fetched > 0 {
			f.Fetched = time.Unix(fetched, 0)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed records what a fetch found: title, site, validators, time and
// error.
func (s *Store) UpdateFeed(f Feed) error {
	_, err := s.db.Exec(s.q(`UPDATE feeds SET title = ?, site = ?, etag = ?, modified = ?, fetched = ?, error = ? WHERE url = ?`),
		f.Title, f.Site, f.ETag, f.Modified, f.Fetched.Unix(), f.Error, f.URL)
	return err
}

// SeenItems returns the IDs of a feed's items already saved.
func (s *Store) SeenItems(feed string) (map[string]bool, error) {
	rows, err := s.db.Query(s.q(`SELECT item FROM feed_items WHERE feed = ?`), feed)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		seen[id] = true
	}
	return seen, rows.Err()
}

// MarkSeen records that an item was saved, so the next fetch skips it.
func (s *Store) MarkSeen(feed, item string) error {
	_, err := s.db.Exec(s.q(`INSERT INTO feed_items (feed, item, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`), feed, item, time.Now().Unix())
	return err
}
