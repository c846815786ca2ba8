package state

import (
	"strings"
	"unicode"

	"bao/model"
)

// Hit is one search result: an article and the section that matched best
// (-1 for the title, lead and text before the first heading).
type Hit struct {
	ID      string
	Section int
}

// Index brings the full-text index in line with lib: articles it has not
// indexed yet are added and articles no longer in lib are removed. Articles
// are identified by their content hash, so an edited file is re-indexed and
// a moved one is not.
func (s *Store) Index(lib *model.Library) (added, removed int, err error) {
	have := map[string]bool{}
	rows, err := s.db.Query(`SELECT article FROM documents`)
	if err != nil {
		return 0, 0, err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, 0, err
		}
		have[id] = true
	}
	if err := rows.Close(); err != nil {
		return 0, 0, err
	}
	want := map[string]bool{}
	var todo []*model.Article
	for _, a := range lib.Articles {
		if !want[a.ID] && !have[a.ID] {
			todo = append(todo, a)
		}
		want[a.ID] = true
	}
	var gone []string
	for id := range have {
		if !want[id] {
			gone = append(gone, id)
		}
	}
	if err := s.remove(gone); err != nil {
		return 0, 0, err
	}
	// Batches keep each write transaction short, so readers of the same
	// database are never blocked for long.
	for len(todo) > 0 {
		n := min(len(todo), 500)
		if err := s.add(todo[:n]); err != nil {
			return added, len(gone), err
		}
		added += n
		todo = todo[n:]
	}
	return added, len(gone), nil
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
		if _, err := tx.Exec(`DELETE FROM sections WHERE article = ?`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM documents WHERE article = ?`, id); err != nil {
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
	doc, err := tx.Prepare(`INSERT OR REPLACE INTO documents (article, path, title) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	sec, err := tx.Prepare(`INSERT INTO sections (article, section, title, body) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	for _, a := range batch {
		if _, err := doc.Exec(a.ID, a.Path, a.Title); err != nil {
			return err
		}
		for _, part := range sectionTexts(a) {
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
func (s *Store) Search(query string, limit int) ([]Hit, error) {
	match := matchExpr(query)
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.Query(`SELECT article, section FROM sections WHERE sections MATCH ? ORDER BY bm25(sections, 0, 0, 10.0, 1.0) LIMIT ?`, match, limit*4)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	seen := map[string]bool{}
	for rows.Next() && len(hits) < limit {
		var h Hit
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

// matchExpr turns what the reader typed into an FTS5 query: every folded
// word must occur, the last one as a prefix since it may still be being
// typed. Only the last is a prefix because Vietnamese syllables are short:
// "ba"* would match ban, bao, bang... Nothing typed is FTS5 syntax.
func matchExpr(query string) string {
	words := strings.FieldsFunc(model.Fold(query), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + w + `"`
	}
	if n := len(terms); n > 0 {
		terms[n-1] += "*"
	}
	return strings.Join(terms, " ")
}
