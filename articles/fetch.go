package articles

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"bao/model"
)

// Fetching limits: a page that takes longer, redirects more or is larger
// is refused with an error that says which limit it met.
const (
	connectTimeout = 10 * time.Second
	fetchTimeout   = 30 * time.Second
	maxRedirects   = 5
)

// UserAgent names bao to the sites it fetches from.
var UserAgent = "bao (terminal article reader; Go-http-client)"

// IsURL reports whether a path given to bao is a web address.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// HTTPError is a response that was not a success.
type HTTPError struct {
	URL    string
	Status int
	// RetryAfter is how long the server asked to wait, for 429 and 503;
	// 0 when it did not say.
	RetryAfter time.Duration
}

func (e *HTTPError) Error() string {
	s := fmt.Sprintf("the server answered %d %s", e.Status, http.StatusText(e.Status))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (it asks to wait %s)", e.RetryAfter.Round(time.Second))
	}
	return s
}

// NewClient returns the HTTP client bao fetches with: http and https only,
// at most 5 redirects, connect and total timeouts, at most 2 connections
// to a host, and gzip (the transport asks for it and decodes it).
func NewClient() *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   connectTimeout,
		ResponseHeaderTimeout: fetchTimeout,
		MaxConnsPerHost:       2,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   fetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s, which is not http or https", req.URL.Scheme)
			}
			return nil
		},
	}
}

// Page is a fetched response.
type Page struct {
	// URL is where the page was found, after redirects.
	URL         string
	ContentType string
	Body        []byte
	// ETag and LastModified are the validators for a conditional GET.
	ETag, LastModified string
	// NotModified is set when a conditional GET found nothing new.
	NotModified bool
}

// Get fetches rawURL with the client, reading at most max bytes. With
// etag or lastModified set, it asks only for a newer version.
func Get(ctx context.Context, client *http.Client, rawURL string, max int64, etag, lastModified string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("not an http or https address")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/*;q=0.8,*/*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchErr(err, client.Timeout)
	}
	defer resp.Body.Close()
	p := &Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		p.NotModified = true
		return p, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &HTTPError{URL: p.URL, Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("the page is %s, larger than the %s limit", humanSize(resp.ContentLength), humanSize(max))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fetchErr(err, client.Timeout)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("the page is larger than the %s limit", humanSize(max))
	}
	p.Body = body
	return p, nil
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// fetchErr says in words what went wrong with a request that had timeout
// to finish.
func fetchErr(err error, timeout time.Duration) error {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("no whole answer within %s", timeout)
	case errors.Is(err, context.Canceled):
		return errors.New("stopped")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Fetch reads the article at a web address: an HTML page is extracted,
// a text or Markdown file is parsed as one. The article's Path is the
// address given; its URL is where the page was found.
func Fetch(ctx context.Context, client *http.Client, rawURL string, opts Options) (*model.Article, error) {
	p, err := Get(ctx, client, rawURL, opts.maxSize(), "", "")
	if err != nil {
		return nil, err
	}
	a, err := pageArticle(rawURL, p)
	if err != nil {
		return nil, err
	}
	a.Path = rawURL
	return a, nil
}

// pageArticle parses a fetched page by its content type.
func pageArticle(name string, p *Page) (*model.Article, error) {
	mt, _, _ := mime.ParseMediaType(p.ContentType)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" || mt == "application/octet-stream") && looksLikeHTML(p.Body):
		return parsePage(name, p.Body, p.URL, p.ContentType)
	case strings.HasSuffix(mt, "rss+xml") || strings.HasSuffix(mt, "atom+xml") || mt == "application/feed+json" || strings.HasSuffix(mt, "/xml") && looksLikeFeed(p.Body):
		return nil, errors.New("this is a news feed, not an article; follow it with bao feeds add")
	case mt == "text/markdown" || mt == "text/x-markdown":
		return parse(name+".md", p.Body, 0)
	case strings.HasPrefix(mt, "text/") || mt == "":
		if looksLikeHTML(p.Body) {
			return parsePage(name, p.Body, p.URL, p.ContentType)
		}
		return parse(name, p.Body, 0)
	}
	return nil, fmt.Errorf("the page is %s, not an article", mt)
}

// looksLikeFeed reports XML that opens an RSS, RDF or Atom feed.
func looksLikeFeed(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	return strings.Contains(head, "<rss") || strings.Contains(head, "<feed") || strings.Contains(head, "<rdf:rdf")
}
