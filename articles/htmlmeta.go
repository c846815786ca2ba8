package articles

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"bao/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about its article in its head: meta tags,
// Open Graph, JSON-LD, <title> and <html lang>.
type pageMeta struct {
	title, site, description, lang, url, base string
	authors                                   []string
	date                                      time.Time
	// docTitle is the <title>, which often ends with the site's name.
	docTitle string
	// headlines are the page's <h1> texts, those inside <article> or
	// <main> first.
	headlines []string
}

// readMeta reads the page's metadata. JSON-LD is the most precise about
// authors and dates, so it is read first; meta tags fill what it leaves.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var ld []any
	var inner, outer []string
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inArticle bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Article, atom.Main:
				walk(c, true)
				continue
			case atom.H1:
				if h := CleanLine(textOf(c)); h != "" {
					if inArticle {
						inner = append(inner, h)
					} else {
						outer = append(outer, h)
					}
				}
				continue
			case atom.Html:
				m.lang = attr(c, "lang")
			case atom.Title:
				if m.docTitle == "" {
					m.docTitle = CleanLine(textOf(c))
				}
			case atom.Base:
				if m.base == "" {
					m.base = attr(c, "href")
				}
			case atom.Link:
				if strings.EqualFold(attr(c, "rel"), "canonical") && m.url == "" {
					m.url = attr(c, "href")
				}
			case atom.Meta:
				k := strings.ToLower(attr(c, "property"))
				if k == "" {
					k = strings.ToLower(attr(c, "name"))
				}
				if k == "" {
					k = strings.ToLower(attr(c, "itemprop"))
				}
				if k == "" {
					k = strings.ToLower(attr(c, "http-equiv"))
				}
				v := attr(c, "content")
				if v == "" {
					v = attr(c, "value")
				}
				v = unescapeAll(v)
				if k == "" || v == "" {
					break
				}
				if k == "author" || k == "article:author" || k == "dc.creator" {
					// Several authors may each have a tag.
					if metas[k] != "" {
						v = metas[k] + ", " + v
					}
				} else if metas[k] != "" {
					break
				}
				metas[k] = v
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(c, "type")), "ld+json") {
					var v any
					if json.Unmarshal([]byte(textOf(c)), &v) == nil {
						ld = append(ld, v)
					}
				}
				continue
			}
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	m.headlines = append(inner, outer...)
	if art := findArticleLD(ld); art != nil {
		m.title = ldString(art["headline"])
		m.description = ldString(art["description"])
		m.authors = ldNames(art["author"])
		m.date = parseDate(ldString(art["datePublished"]))
		if p, ok := art["publisher"].(map[string]any); ok {
			m.site = ldString(p["name"])
		}
		if l := ldString(art["inLanguage"]); l != "" && m.lang == "" {
			m.lang = l
		}
		if u := ldString(art["url"]); u != "" && m.url == "" {
			m.url = u
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := metas[k]; v != "" {
				return v
			}
		}
		return ""
	}
	if m.title == "" {
		m.title = first("og:title", "twitter:title", "dc.title", "headline")
	}
	if m.site == "" {
		m.site = first("og:site_name", "application-name", "publisher", "dc.publisher")
	}
	if m.description == "" {
		m.description = first("og:description", "description", "twitter:description", "dc.description")
	}
	if len(m.authors) == 0 {
		for _, k := range []string{"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"} {
			v := metas[k]
			if v == "" || strings.Contains(v, "://") {
				// article:author is often the author's page.
				continue
			}
			m.authors = splitAuthors(v)
			break
		}
	}
	if m.date.IsZero() {
		m.date = parseDate(first("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "og:published_time", "article.published", "article:modified_time"))
	}
	if m.lang == "" {
		m.lang = first("og:locale", "content-language", "language")
	}
	if m.url == "" {
		m.url = first("og:url")
	}
	return m
}

// findArticleLD finds the article object among JSON-LD values: an object
// whose @type is one of schema.org's article types, also inside arrays and
// @graph.
func findArticleLD(vs []any) map[string]any {
	for _, v := range vs {
		switch v := v.(type) {
		case []any:
			if a := findArticleLD(v); a != nil {
				return a
			}
		case map[string]any:
			if isArticleType(v["@type"]) {
				return v
			}
			if g, ok := v["@graph"].([]any); ok {
				if a := findArticleLD(g); a != nil {
					return a
				}
			}
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return unescapeAll(v)
	case []any:
		if len(v) > 0 {
			return ldString(v[0])
		}
	case map[string]any:
		return ldString(v["name"])
	}
	return ""
}

// unescapeAll undoes HTML escaping, also done twice over, as some sites
// do in JSON-LD ("&amp;#7871;"), and cleans the line.
func unescapeAll(s string) string {
	for range 3 {
		u := html.UnescapeString(s)
		if u == s {
			break
		}
		s = u
	}
	return CleanLine(s)
}

// ldNames reads JSON-LD authors: a name, a Person, or a list of either.
func ldNames(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		out = splitAuthors(CleanLine(v))
	case map[string]any:
		if t, _ := v["@type"].(string); t == "Organization" || t == "NewsMediaOrganization" {
			// The publisher standing in for an author.
			return nil
		}
		if n := ldString(v["name"]); n != "" {
			out = append(out, splitAuthors(n)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, ldNames(x)...)
		}
	}
	return dedupe(out)
}

// splitAuthors splits "By Jane Doe and John Roe" into names.
func splitAuthors(s string) []string {
	var out []string
	for _, n := range splitByline(s) {
		if n = strings.TrimSpace(n); n != "" && !strings.Contains(n, "://") {
			out = append(out, n)
		}
	}
	return dedupe(out)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if k := model.Fold(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// dateLayouts are the forms of date that front matter and pages' metadata
// use; dates with slashes are day first.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", time.RFC1123Z, time.RFC1123,
	"02/01/2006 15:04", "2/1/2006", "02/01/2006",
}

// parseDate reads a date in one of dateLayouts, or a longer text that
// opens with an ISO date; the zero time otherwise.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// fill sets the article's title, authors, source, date, language and lead
// from the metadata, with readability's findings where the page says
// nothing.
func (m pageMeta) fill(a *model.Article, r readability.Article) {
	a.Title = m.headline()
	if a.Title == "" {
		a.Title = CleanLine(r.Title())
	}
	if a.Title == "" {
		a.Title = m.docTitle
	}
	a.Title = trimSiteSuffix(a.Title, m.site)
	if t, ok := strings.CutSuffix(a.Title, ")"); ok {
		// "(Published 2016)", which some sites add to old articles' titles.
		if i := strings.LastIndex(t, " (Published "); i > 0 && len(t)-i == len(" (Published 2016") {
			a.Title = t[:i]
		}
	}
	a.Source = m.site
	if a.Source == "" {
		a.Source = CleanLine(r.SiteName())
	}
	a.Byline = m.authors
	if by := CleanLine(r.Byline()); len(a.Byline) == 0 && by != "" && model.Fold(by) != model.Fold(a.Source) {
		// Readability's byline, unless it is the publisher's name.
		a.Byline = splitAuthors(by)
	}
	if a.Source == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	a.Byline = slices.DeleteFunc(a.Byline, func(n string) bool { return isPublisher(n, a.Source, a.URL) })
	a.Date = m.date
	a.Lead = m.description
	a.Language = normLang(m.lang)
	if a.Language == "" {
		var b strings.Builder
		for _, bl := range a.Blocks[:min(len(a.Blocks), 20)] {
			b.WriteString(bl.Text)
			b.WriteByte(' ')
		}
		a.Language = detectLanguage(b.String())
	}
}

// headline is the title as the page shows it: the first <h1> (those in
// <article> or <main> first) that shares at least half its words with
// the metadata's title, which is often written for search engines and
// differs; the metadata's title when no <h1> is close to it.
func (m pageMeta) headline() string {
	if m.title == "" {
		for _, h := range m.headlines {
			if model.CountWords(h) >= 3 {
				return h
			}
		}
		return ""
	}
	want := strings.Fields(model.Fold(m.title))
	for _, h := range m.headlines {
		words := strings.Fields(model.Fold(h))
		if len(words) < 2 || len(words) > 60 || model.Fold(h) == model.Fold(m.site) {
			continue
		}
		shared := 0
		for _, w := range words {
			if slices.Contains(want, w) {
				shared++
			}
		}
		if 2*shared >= min(len(words), len(want)) {
			return h
		}
	}
	return m.title
}

// isPublisher reports an author that is the publication itself: its name
// or its host ("VnExpress", "baochinhphu.vn", the "CNN" of "Rob Picheta,
// CNN").
func isPublisher(name, source, pageURL string) bool {
	n := strings.TrimPrefix(model.Fold(name), "www.")
	if n == model.Fold(source) {
		return true
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		host := strings.TrimPrefix(model.Fold(u.Hostname()), "www.")
		if n == host || strings.HasPrefix(host, n+".") {
			return true
		}
	}
	return false
}

// trimSiteSuffix removes " | Site" or " - Site" from a title.
func trimSiteSuffix(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return t
		}
	}
	return title
}

// normLang turns "vi-VN", "vi_VN" or "en" into the two-letter code.
func normLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if len(l) != 2 {
		return ""
	}
	return l
}
