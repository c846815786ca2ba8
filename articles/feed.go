package articles

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"bao/model"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Feed is a news feed as fetched: its title and site, and its items.
type Feed struct {
	// URL is the feed's own address.
	URL, Title, Site string
	Items            []FeedItem
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	// ID identifies the item across fetches: its GUID, else its link.
	ID, Title, Link string
	Authors         []string
	Published       time.Time
	// Content is the item's full text as HTML, when the feed carries it;
	// Summary its description.
	Content, Summary string
}

// ErrNotFeed is returned for a page that is not a feed and names none.
var ErrNotFeed = errors.New("not a feed, and the page names no feed")

// ParseFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document
// fetched from feedURL.
func ParseFeed(data []byte, feedURL string) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a readable feed: %w", err)
	}
	out := &Feed{URL: feedURL, Title: CleanLine(html.UnescapeString(f.Title)), Site: resolveAgainst(feedURL, f.Link)}
	for _, it := range f.Items {
		item := FeedItem{ID: strings.TrimSpace(it.GUID), Title: CleanLine(html.UnescapeString(it.Title)),
			Link: resolveAgainst(feedURL, strings.TrimSpace(it.Link)), Content: it.Content, Summary: it.Description}
		if item.ID == "" {
			item.ID = item.Link
		}
		if item.ID == "" {
			item.ID = item.Title
		}
		for _, p := range it.Authors {
			if p != nil && CleanLine(p.Name) != "" {
				item.Authors = append(item.Authors, splitAuthors(CleanLine(p.Name))...)
			}
		}
		if it.PublishedParsed != nil {
			item.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			item.Published = *it.UpdatedParsed
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

func resolveAgainst(base, ref string) string {
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	r, err2 := url.Parse(ref)
	if err != nil || err2 != nil {
		return ref
	}
	return model.SafeText(b.ResolveReference(r).String())
}

// isFeedType reports a media type feeds are served as.
func isFeedType(contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	return strings.HasSuffix(mt, "rss+xml") || strings.HasSuffix(mt, "atom+xml") || mt == "application/feed+json" ||
		mt == "application/rdf+xml"
}

// FindFeed fetches rawURL and returns its feed: the document itself when
// it is one, or the first feed a web page names with <link
// rel="alternate">.
func FindFeed(ctx context.Context, client *http.Client, rawURL string, max int64) (*Feed, *Page, error) {
	p, err := Get(ctx, client, rawURL, max, "", "")
	if err != nil {
		return nil, nil, err
	}
	if !looksLikeHTML(p.Body) || isFeedType(p.ContentType) {
		f, err := ParseFeed(p.Body, p.URL)
		if err == nil {
			return f, p, nil
		}
		if isFeedType(p.ContentType) || looksLikeFeed(p.Body) {
			// A feed that cannot be read says so, rather than "not a feed".
			return nil, nil, err
		}
	}
	alt := feedLink(p.Body, p.URL)
	if alt == "" {
		return nil, nil, ErrNotFeed
	}
	p, err = Get(ctx, client, alt, max, "", "")
	if err != nil {
		return nil, nil, fmt.Errorf("the page's feed %s: %w", alt, err)
	}
	f, err := ParseFeed(p.Body, p.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("the page's feed %s: %w", alt, err)
	}
	return f, p, nil
}

// feedLink finds the first <link rel="alternate"> naming a feed.
func feedLink(page []byte, pageURL string) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Link &&
				strings.Contains(strings.ToLower(attr(c, "rel")), "alternate") && isFeedType(attr(c, "type")) && attr(c, "href") != "" {
				found = resolveAgainst(pageURL, attr(c, "href"))
				return
			}
			walk(c)
		}
	}
	walk(doc)
	return found
}

// ItemArticle makes an article of a feed item's own text: its content, or
// its summary when that is all it has. It returns nil when the item
// carries too little text to read without its page.
func ItemArticle(f *Feed, it FeedItem, summaryOK bool) *model.Article {
	body := it.Content
	if body == "" && summaryOK {
		body = it.Summary
	}
	if body == "" {
		return nil
	}
	w := htmlWalker{}
	if u, err := url.Parse(it.Link); err == nil && u.IsAbs() {
		w.base = u
	} else if u, err := url.Parse(f.URL); err == nil {
		w.base = u
	}
	doc, err := html.Parse(strings.NewReader("<body>" + body + "</body>"))
	if err != nil {
		return nil
	}
	markFigures(doc)
	w.blocks(doc, nest{})
	w.flush()
	a := &model.Article{Format: model.HTML, Title: it.Title, Byline: it.Authors, Source: f.Title, Date: it.Published, URL: it.Link, Blocks: w.out}
	if a.Title == "" {
		a.Title = f.Title
	}
	tidyHTMLArticle(a)
	a.Derive()
	if !summaryOK && a.Words < minArticleWords*2 {
		// A teaser, not the article: read its page instead.
		return nil
	}
	var text strings.Builder
	for _, b := range a.Blocks[:min(len(a.Blocks), 20)] {
		text.WriteString(b.Text + " ")
	}
	a.Language = detectLanguage(a.Title + " " + text.String())
	return a
}
