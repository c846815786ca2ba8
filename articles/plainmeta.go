package articles

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"bao/model"
)

// Scrapers and corpora often put the article's metadata at the top of a
// text file, one key and value a line: "# url = https://...", "# date =
// 2020-05-01" (CoNLL-style), or "Title: ...", "URL: ...", "Date: ...".
// Read as text, those lines became the title, the lead and a paragraph,
// and the real title a heading.

// hashMeta is a "# key = value" line.
var hashMeta = regexp.MustCompile(`^#\s*([\p{L}_][\p{L}\p{N}_ .-]{0,30}?)\s*=\s*(.*)$`)

// colonMeta is a "Key: value" line with one of the keys metaKeys knows.
var colonMeta = regexp.MustCompile(`^([\p{L}][\p{L} _-]{1,24}?)\s*:\s*(.*)$`)

// metaKeys are the keys a "Key: value" header line may have, and the
// field each fills ("" for one kept only in Dropped).
var metaKeys = map[string]string{
	"title": "title", "article title": "title", "headline": "title", "tiêu đề": "title",
	"url": "url", "link": "url", "source url": "url", "article url": "url", "đường dẫn": "url",
	"date": "date", "published": "date", "published date": "date", "publish date": "date", "pubdate": "date",
	"date published": "date", "ngày": "date", "ngày đăng": "date", "time": "date",
	"source": "source", "publisher": "source", "site": "source", "nguồn": "source",
	"author": "byline", "authors": "byline", "byline": "byline", "tác giả": "byline",
	"id": "", "doc_id": "", "docid": "", "newdoc id": "", "category": "", "section": "", "tags": "",
	"keywords": "", "language": "", "lang": "", "summary": "", "description": "", "chuyên mục": "",
}

// readMetaHeader takes the metadata lines at the top of lines into a,
// keeping each in Dropped so that nothing read is lost, and returns the
// lines after them. "Key: value" lines count only as a block of two or
// more known keys, or one naming the title, so that a first line such as
// "Warning: storms ahead" stays the title.
func readMetaHeader(a *model.Article, lines []line) []line {
	type kv struct{ key, value, text string }
	var found []kv
	colon, title := 0, false
	for _, l := range lines {
		if l.text[0] != '#' && !strings.Contains(l.text, ":") {
			break
		}
		if m := hashMeta.FindStringSubmatch(l.text); m != nil && !strings.EqualFold(m[1], "text") {
			found = append(found, kv{strings.ToLower(m[1]), strings.TrimSpace(m[2]), l.text})
			if field := metaKeys[strings.ToLower(m[1])]; field == "title" {
				title = true
			}
			continue
		}
		m := colonMeta.FindStringSubmatch(l.text)
		if m == nil || strings.HasPrefix(m[2], "//") {
			break
		}
		field, ok := metaKeys[strings.ToLower(strings.TrimSpace(m[1]))]
		if !ok {
			break
		}
		colon++
		title = title || field == "title"
		found = append(found, kv{strings.ToLower(strings.TrimSpace(m[1])), strings.TrimSpace(m[2]), l.text})
	}
	if len(found) == 0 || colon > 0 && colon < 2 && !title {
		return lines
	}
	if colon == 0 && len(found) < 2 && !title {
		// One "# key = value" line alone could be a Markdown-ish heading.
		return lines
	}
	for _, f := range found {
		a.Dropped = append(a.Dropped, f.text)
		if f.value == "" {
			continue
		}
		field, ok := metaKeys[f.key]
		if !ok {
			// CoNLL-style keys name their own fields.
			field = metaKeys[strings.NewReplacer("_", " ").Replace(f.key)]
		}
		switch field {
		case "title":
			if a.Title == "" && utf8.RuneCountInString(f.value) <= 300 {
				a.Title = f.value
			}
		case "url":
			if a.URL == "" && (strings.HasPrefix(f.value, "http://") || strings.HasPrefix(f.value, "https://")) {
				a.URL = f.value
			}
		case "date":
			if a.Date.IsZero() {
				a.Date = parseDate(f.value)
				if a.Date.IsZero() {
					a.Date = parseDMY(dateLine.FindStringSubmatch(f.value))
				}
			}
		case "source":
			if a.Source == "" {
				a.Source = f.value
			}
		case "byline":
			if len(a.Byline) == 0 {
				a.Byline = splitByline(f.value)
			}
		}
	}
	rest := lines[len(found):]
	if len(rest) > 0 {
		// "Content: ..." opens the body after such a header.
		if m := colonMeta.FindStringSubmatch(rest[0].text); m != nil && bodyKeys[strings.ToLower(strings.TrimSpace(m[1]))] {
			a.Dropped = append(a.Dropped, strings.TrimSpace(rest[0].text[:len(rest[0].text)-len(m[2])]))
			rest = slices.Clone(rest)
			if rest[0].text = strings.TrimSpace(m[2]); rest[0].text == "" {
				rest = rest[1:]
			}
		}
	}
	return rest
}

// bodyKeys are the keys that open the body after a header ("Content: ...").
var bodyKeys = setOf("content", "body", "text", "article", "nội dung")
