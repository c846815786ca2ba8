package state

import (
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"bao/model"
)

// Index brings the full-text index in line with a library of whole
// articles: articles it has not indexed yet are added and articles no
// longer in lib are removed. Articles are identified by their content hash,
// so an edited file is re-indexed and a moved one is not.
func (s *Store) Index(lib *model.Library) (added, removed int, err error) {
	return s.Sync(lib, nil)
}

// Sync is Index for a library that may hold summaries: a summarised
// article that is not indexed yet is read whole again with reload (and
// skipped when reload is nil, fails, or finds the file changed). A second
// Sync of the same library reads nothing.
func (s *Store) Sync(lib *model.Library, reload func(*model.Article) (*model.Article, error)) (added, removed int, err error) {
	// One sync at a time: two (a reload during the first indexing) would
	// both read what is indexed, then both write what is missing.
	s.syncing.Lock()
	defer s.syncing.Unlock()
	docs, err := s.documents()
	if err != nil {
		return 0, 0, err
	}
	have := make(map[string]bool, len(docs))
	for id := range docs {
		have[id] = true
	}
	keep := make(map[string]bool, len(lib.Articles))
	paths := make(map[string]bool, len(lib.Articles))
	var batch []*model.Article
	// Batches keep each write transaction short, so readers of the same
	// database are never blocked for long.
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		s.writing.Lock()
		err := s.add(batch)
		s.writing.Unlock()
		if err == nil {
			added += len(batch)
		}
		batch = batch[:0]
		return err
	}
	for _, a := range lib.Articles {
		keep[a.ID] = true
		paths[a.Path] = true
		if have[a.ID] {
			continue
		}
		have[a.ID] = true
		if a.Summary || a.Partial {
			if reload == nil {
				continue
			}
			full, err := reload(a)
			if err != nil || full.ID != a.ID {
				continue // gone or changed since it was listed
			}
			a = full
		}
		if batch = append(batch, a); len(batch) == 200 {
			if err := flush(); err != nil {
				return added, 0, err
			}
		}
	}
	if err := flush(); err != nil {
		return added, 0, err
	}
	removed, err = s.prune(docs, keep, paths)
	return added, removed, err
}

// Prune removes from the index every article not in keep.
// prune removes from the index the articles that this library no longer
// has: those whose path it loads with another text, and those whose file
// is gone. Another library sharing the database keeps its articles: a
// document whose path this library does not load and whose file still
// exists is left alone.
// docs is what was indexed when the sync began; syncs do not overlap, and
// what another process added meanwhile is not in it, so it is kept.
func (s *Store) prune(docs map[string]string, keep, paths map[string]bool) (removed int, err error) {
	s.writing.Lock()
	defer s.writing.Unlock()
	var gone []string
	for id, path := range docs {
		if keep[id] {
			continue
		}
		if paths[path] || fileGone(path) {
			gone = append(gone, id)
		}
	}
	return len(gone), s.remove(gone)
}

// fileGone reports whether path names a file that does not exist. The
// built-in sample's paths name no file and are never gone.
func fileGone(path string) bool {
	if strings.HasPrefix(path, "sample/") || path == "-" {
		return false
	}
	_, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// documents returns each indexed article's path.
func (s *Store) documents() (map[string]string, error) {
	docs := map[string]string{}
	rows, err := s.db.Query(s.q(`SELECT article, path FROM documents`))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, path string
		if err := rows.Scan(&id, &path); err != nil {
			return nil, err
		}
		docs[id] = path
	}
	return docs, rows.Err()
}

func (s *Store) remove(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.Exec(s.q(`DELETE FROM sections WHERE article = ?`), id); err != nil {
			return err
		}
		if _, err := tx.Exec(s.q(`DELETE FROM documents WHERE article = ?`), id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s *Store) add(batch []*model.Article) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have indexed the same article meanwhile: its
	// sections are not added twice.
	doc, err := tx.Prepare(s.q(`INSERT INTO documents (article, path, title) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`))
	if err != nil {
		return err
	}
	sec, err := tx.Prepare(s.q(`INSERT INTO sections (article, section, title, body) VALUES (?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	for _, a := range batch {
		res, err := doc.Exec(a.ID, a.Path, a.Title)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		for _, part := range sectionTexts(a) {
			if s.pg {
				// PostgreSQL's parser would find words of its own in
				// punctuation (“hu is one word in its C locale); it gets
				// the words bao finds, as SQLite's unicode61 does.
				// sectionTexts has folded them already.
				part.title, part.body = strings.Join(words(part.title), " "), strings.Join(words(part.body), " ")
			}
			if _, err := sec.Exec(a.ID, part.section, part.title, part.body); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// sectionText is the folded text of one section, as indexed.
type sectionText struct {
	section     int
	title, body string
}

// sectionTexts splits an article into its start (title, byline, source,
// lead and blocks before the first heading) and its sections, folded for
// matching without case or diacritics.
func sectionTexts(a *model.Article) []sectionText {
	var out []sectionText
	var b strings.Builder
	cur := -1
	flush := func() {
		out = append(out, sectionText{section: cur, body: model.Fold(b.String())})
		b.Reset()
	}
	b.WriteString(strings.Join(a.Byline, " ") + " " + a.Source + " " + a.Dateline + " " + a.Lead)
	for i, blk := range a.Blocks {
		if blk.Kind == model.Heading {
			flush()
			cur = a.SectionAt(i)
		}
		b.WriteString(" ")
		b.WriteString(blk.Text)
	}
	flush()
	out[0].title = model.Fold(a.Title)
	return out
}

// Search finds articles whose text has every word of query,
// without case or diacritics, best first: matches in titles rank above
// matches in the text. Each article appears once, with its best section.
func (s *Store) Search(query string, limit int) ([]model.Hit, error) {
	words := queryWords(query)
	if len(words) == 0 {
		return nil, nil
	}
	var rows *sql.Rows
	var err error
	if s.pg {
		rows, err = s.searchPostgres(words, limit)
	} else {
		rows, err = s.db.Query(`SELECT article, section FROM sections WHERE sections MATCH ? ORDER BY bm25(sections, 0, 0, 10.0, 1.0) LIMIT ?`, matchExpr(words), limit*4)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []model.Hit
	seen := map[string]bool{}
	for rows.Next() && len(hits) < limit {
		var h model.Hit
		if err := rows.Scan(&h.ID, &h.Section); err != nil {
			return nil, err
		}
		if !seen[h.ID] {
			seen[h.ID] = true
			hits = append(hits, h)
		}
	}
	return hits, rows.Err()
}

// queryWords are the folded words of what the reader typed: runs of
// letters and digits, so that nothing typed is query syntax.
func queryWords(query string) []string { return words(model.Fold(query)) }

// words splits folded text into its runs of letters and digits.
func words(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// matchExpr turns the words into an FTS5 query: every word must occur, the
// last one as a prefix since it may still be being typed. Only the last is
// a prefix because Vietnamese syllables are short: "ba"* would match ban,
// bao, bang...
func matchExpr(words []string) string {
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"`
	}
	if n := len(terms); n > 0 {
		terms[n-1] += "*"
	}
	return strings.Join(terms, " ")
}
