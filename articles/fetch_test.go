package articles

import (
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"bao/model"
)

func fixturePage(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/html/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFetch serves pages from a local server and checks each documented
// outcome.
func TestFetch(t *testing.T) {
	bbc := fixturePage(t, "bbc.html")
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	mux := http.NewServeMux()
	mux.HandleFunc("/news/story", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			http.Error(w, "who are you?", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(bbc)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/story", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip only", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		z := gzip.NewWriter(w)
		z.Write(bbc)
		z.Close()
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler</p>", 1000))
		for range 50 << 20 / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-never:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>Sign in</title></head><body><form><input name=user><button>Sign in</button></form></body></html>`))
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	mux.HandleFunc("/notes.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		w.Write([]byte("# Notes\n\nSome *notes*.\n"))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	client := NewClient()
	client.Timeout = 2 * time.Second
	opts := Options{Client: client, MaxSize: 4 << 20}
	for _, c := range []struct {
		path, want string
	}{
		{"/news/story", ""},
		{"/moved", ""},
		{"/gzip", ""},
		{"/notes.md", ""},
		{"/loop", "more than 5 redirects"},
		{"/to-ftp", "not http or https"},
		{"/busy", "429 Too Many Requests (it asks to wait 2m0s)"},
		{"/broken", "500 Internal Server Error"},
		{"/missing", "404 Not Found"},
		{"/huge", "larger than the 4 MiB limit"},
		{"/silent", "no whole answer within 2s"},
		{"/login", ErrNoArticle.Error()},
		{"/photo.png", "image/png, not an article"},
		{"/feed", "news feed"},
	} {
		start := time.Now()
		a, err := Fetch(context.Background(), client, srv.URL+c.path, opts)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.path, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one saying %q", c.path, err, c.want)
		case c.want == "" && a.Path != srv.URL+c.path:
			t.Errorf("%s: path %q", c.path, a.Path)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %s", c.path, d)
		}
		if c.path == "/moved" && err == nil && a.URL != "https://www.bbc.co.uk/news/articles/c0pier2026x" {
			t.Errorf("/moved: URL %q, want the page's canonical address", a.URL)
		}
		if c.path == "/news/story" && err == nil && (a.Format != model.HTML || a.Title != "Seaside town rebuilds its pier after winter storms") {
			t.Errorf("story: %s %q", a.Format, a.Title)
		}
	}
	var he *HTTPError
	_, err := Fetch(context.Background(), client, srv.URL+"/busy", opts)
	if !errors.As(err, &he) || he.RetryAfter != 2*time.Minute {
		t.Errorf("429: %#v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              0,
		"30":                            30 * time.Second,
		"Fri, 02 Jan 2026 03:05:05 GMT": time.Minute,
		"yesterday":                     0,
	} {
		if got := retryAfter(h, now); got != want {
			t.Errorf("Retry-After %q: %s, want %s", h, got, want)
		}
	}
}

// TestLoadURL: a web address among the paths is fetched like a file is
// read, and a failure is recorded under its address.
func TestLoadURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(fixturePage(t, "guardian.html"))
	}))
	t.Cleanup(srv.Close)
	lib := LoadSummaries([]string{srv.URL + "/story", srv.URL + "/gone"}, Options{})
	if len(lib.Articles) != 1 || lib.Articles[0].Summary || lib.Articles[0].Title != "Night trains return to the Alps as travellers shun short flights" {
		t.Fatalf("articles %+v", lib.Articles)
	}
	if len(lib.Errors) != 1 || lib.Errors[0].Path != srv.URL+"/gone" {
		t.Fatalf("errors %+v", lib.Errors)
	}
}

// TestFetchCharsets serves pages in windows-1258 (named by the HTTP
// header) and ISO-8859-1 (named by a meta tag) and reads their words.
func TestFetchCharsets(t *testing.T) {
	body := func(title, text string) []byte {
		return []byte("<html><head>" + title + "</head><body><article><p>" + strings.Repeat(text+" ", 30) + "</p></article></body></html>")
	}
	// "Hà Nội" in windows-1258: ộ is ô and a combining dot below.
	vi := body("<title>H\xe0 N\xf4\xf2i m\xf9a thu</title>", "Ph\xf4\xec c\xf4\xd2 H\xe0 N\xf4\xf2i")
	latin := body("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>Caf&eacute; d\xe9j\xe0 vu</title>", "Le caf\xe9 du coin")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/vi":
			w.Header().Set("Content-Type", "text/html; charset=windows-1258")
			w.Write(vi)
		case "/latin":
			w.Header().Set("Content-Type", "text/html")
			w.Write(latin)
		}
	}))
	t.Cleanup(srv.Close)
	for path, want := range map[string][2]string{"/vi": {"Hà Nội mùa thu", "Phố cổ Hà Nội"}, "/latin": {"Café déjà vu", "Le café du coin"}} {
		a, err := Fetch(context.Background(), NewClient(), srv.URL+path, Options{})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if a.Title != want[0] || len(a.Blocks) == 0 || !strings.HasPrefix(a.Blocks[0].Text, want[1]) {
			t.Errorf("%s: %q / %+v", path, a.Title, a.Blocks)
		}
	}
}
