package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"
)

// TestAdd saves pages from a local server into a library, and bao with
// no path then reads that library instead of the sample.
func TestAdd(t *testing.T) {
	page, err := os.ReadFile("articles/testdata/html/guardian.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story", "/story-again":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/login":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><head><title>Sign in</title></head><body><form><input></form></body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())

	// Before anything is saved, bao reads the sample library.
	if p := savedLibrary(""); p != nil {
		t.Fatalf("empty library: reads %v, not the sample", p)
	}

	var out, errOut bytes.Buffer
	code := run([]string{"add", srv.URL + "/story", srv.URL + "/story-again", srv.URL + "/login", srv.URL + "/gone"}, nil, &out, &errOut)
	if code != 1 {
		t.Errorf("exit code %d, want 1 for the pages that failed", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "saved ") || !strings.HasPrefix(lines[1], "already saved: ") {
		t.Errorf("output:\n%s", out.String())
	}
	for _, want := range []string{"/login: no article found in the page", "/gone: the server answered 404 Not Found"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("errors lack %q:\n%s", want, errOut.String())
		}
	}
	saved, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_DATA_HOME"), "bao", "library", "*"))
	if len(saved) != 1 || !strings.HasSuffix(saved[0], "night-trains-return-to-the-alps-as-travellers-shun-short.md") {
		t.Fatalf("library holds %v", saved)
	}

	// Now bao with no path reads the library, and bao cat reads it.
	lib := savedLibrary("")
	if len(lib) != 1 || lib[0] != filepath.Dir(saved[0]) {
		t.Errorf("bao with no path reads %v", lib)
	}
	out.Reset()
	errOut.Reset()
	if code := run(append([]string{"cat"}, lib...), nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Night trains return to the Alps") {
		t.Errorf("cat of the library: code %d:\n%.400s%s", code, out.String(), errOut.String())
	}
	// --library names another one, empty: the sample.
	if p := savedLibrary(t.TempDir()); p != nil {
		t.Errorf("--library with an empty directory reads %v", p)
	}
}

// TestServePicksUpNewArticles: an article written into a served directory
// reaches a visitor who is already reading, without SIGHUP; the footer
// never offers a visitor to fetch feeds.
func TestServePicksUpNewArticles(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", tool)
		}
	}
	lib := t.TempDir()
	os.WriteFile(filepath.Join(lib, "a.txt"), []byte("Bản tin sáng\n\nNội dung của bài.\n"), 0o644)
	bin := buildBinary(t)
	_, port, logs := startServe(t, bin, "--no-state", lib)
	x := sshInTmux(t, port)
	s := x.waitFor("1 article")
	if strings.Contains(s, "fetch feeds") {
		t.Errorf("a visitor is offered to fetch feeds:\n%s", s)
	}
	x.keys("r")
	saved, err := (&articles.Library{Dir: lib}).Save(&model.Article{Title: "Bản tin chiều", URL: "https://example.vn/chieu",
		Blocks: []model.Block{{Kind: model.Paragraph, Text: "Tin mới nhất trong ngày."}}}, articles.SaveInfo{})
	if err != nil {
		t.Fatal(err)
	}
	s = x.waitFor("Bản tin chiều")
	if !strings.Contains(s, "2 articles") {
		t.Errorf("after %s was saved:\n%s", saved, s)
	}
	if !strings.Contains(logs.String(), "library files changed") {
		t.Errorf("the reload was not logged:\n%s", logs.String())
	}
}
