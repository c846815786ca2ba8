package articles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"bao/model"
)

// DefaultMaxSize is the largest input read as an article unless told
// otherwise.
const DefaultMaxSize = 16 << 20

// Options controls loading.
type Options struct {
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Workers is how many files are parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Head, when above zero, parses a file larger than Head bytes only up to
	// about Head bytes, at a paragraph break, and marks the article
	// Partial; Reload reads the whole. A reader opening one large file sets
	// it, to show the first screen before the rest is parsed.
	Head int64
	// Client fetches the paths that are web addresses; nil makes one
	// (see NewClient).
	Client *http.Client
	// Confine loads only files whose real path, symbolic links resolved,
	// lies inside one of the paths given: a link out of the library (to
	// /etc, say) is reported as an error instead of read. bao serve sets it.
	Confine bool
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// Parse turns the bytes of one article into a model article. name decides
// the format: Markdown for .md/.markdown names or text that opens with YAML
// front matter, plain text otherwise.
func Parse(name string, data []byte) (*model.Article, error) {
	return parse(name, data, 0)
}

// ParseHead is Parse for the beginning of data only, when data is larger
// than head bytes: the text up to the first paragraph break after head
// bytes (outside a Markdown code fence) is parsed and the article marked
// Partial. Its ID and Size are those of the whole.
func ParseHead(name string, data []byte, head int) (*model.Article, error) {
	return parse(name, data, head)
}

func parse(name string, data []byte, head int) (*model.Article, error) {
	if isHTMLName(name) || !isMarkdownName(name) && looksLikeHTML(data) {
		return parsePage(name, data, "", "")
	}
	text, invisible, err := clean(data)
	if err != nil {
		return nil, err
	}
	// Tabs are kept for Markdown's code; plain text reads them as spaces,
	// and the ID is taken as it always was, over text without tabs.
	flat := text
	if strings.IndexByte(text, '\t') >= 0 {
		flat = trimLineEnds(strings.ReplaceAll(text, "\t", " "))
	}
	sum := sha256.Sum256([]byte(flat))
	// Invisible characters go after the ID is taken, so that it stays what
	// it was when they were kept.
	if invisible {
		text, flat = dropInvisible(text), dropInvisible(flat)
	}
	markdown := isMarkdownName(name) || strings.HasPrefix(text, "---\n") || name == "-" && looksLikeMarkdown(text)
	partial := false
	if head > 0 && len(text) > head {
		// Markdown parses text, plain text flat: the one parsed is cut.
		if markdown {
			if cut := headCut(text, head, true); cut < len(text) {
				text, partial = text[:cut], true
			}
		} else if cut := headCut(flat, head, false); cut < len(flat) {
			flat, partial = flat[:cut], true
		}
	}
	var a *model.Article
	if markdown {
		a = ParseMarkdown(text)
		if a.Title == "" && len(a.Blocks) > 0 {
			// No leading "#" heading and no front-matter title: the file
			// is named after itself rather than after a random line.
			a.Title = nameTitle(name)
			a.Derive()
		}
	} else {
		a = ParsePlain(flat)
	}
	if a.Title == "" {
		return nil, ErrEmpty
	}
	a.Partial = partial
	a.ID = hex.EncodeToString(sum[:8])
	a.Path = name
	a.Size = int64(len(data))
	return a, nil
}

// parsePage parses an HTML page read from name (a file, "-" or a URL).
// It is parsed whole: pages are small, and their article is found only by
// looking at all of them.
func parsePage(name string, data []byte, pageURL, contentType string) (*model.Article, error) {
	a, err := ParseHTML(data, pageURL, contentType)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	a.ID = hex.EncodeToString(sum[:8])
	a.Path = name
	a.Size = int64(len(data))
	return a, nil
}

// headCut returns where to cut text for a head of about head bytes: after
// the first blank line from there on, and for Markdown not inside a ```
// or ~~~ code fence. len(text) when there is no such place. It reads the
// text once, line by line, keeping the fence state as it goes.
func headCut(text string, head int, markdown bool) int {
	fence, at := "", 0
	for line := range strings.Lines(text) {
		at += len(line)
		if markdown {
			l := strings.TrimLeft(line, " ")
			for _, f := range []string{"```", "~~~"} {
				if strings.HasPrefix(l, f) && len(line)-len(l) < 4 {
					switch fence {
					case "":
						fence = f
					case f:
						fence = ""
					}
				}
			}
		}
		// A blank line whose "\n\n" starts at or after head.
		if line == "\n" && at-2 >= head && fence == "" {
			return at
		}
	}
	return len(text)
}

// nameTitle is the title of a Markdown file that states none: its name
// without the extension.
func nameTitle(name string) string {
	if name == "-" {
		return "Standard input"
	}
	base := filepath.Base(name)
	return CleanLine(strings.TrimSuffix(base, filepath.Ext(base)))
}

// looksLikeMarkdown reports text that uses Markdown's own syntax: a "#"
// heading, a code fence, a link or image, or a table's delimiter row.
// Scraped plain text has none of these.
func looksLikeMarkdown(text string) bool {
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "```"), strings.HasPrefix(line, "~~~"):
			return true
		case strings.HasPrefix(line, "#"):
			if h := strings.TrimLeft(line, "#"); len(line)-len(h) <= 6 && strings.HasPrefix(h, " ") {
				return true
			}
		case strings.HasPrefix(line, "|") && strings.Contains(line, "---"):
			return true
		}
		if strings.Contains(line, "](http") || strings.Contains(line, "](./") || strings.Contains(line, "](#") {
			return true
		}
	}
	return false
}

func isMarkdownName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// isArticleName reports the file names a directory walk loads.
func isArticleName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// ReadFile loads one file as an article. Only regular files are read: a
// named pipe or a device would block or never end.
func ReadFile(path string, opts Options) (*model.Article, error) {
	// O_NONBLOCK: opening a named pipe does not wait for a writer; the
	// file is then refused by what it is.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, cleanErr(err)
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	a, err := read(path, f, opts.maxSize(), int(opts.Head))
	if err != nil {
		return nil, err
	}
	a.ModTime = info.ModTime()
	return a, nil
}

// regular refuses what is not a regular file, saying what it is.
func regular(info fs.FileInfo) error {
	switch m := info.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe, not a file; pipe it to bao on standard input instead")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a file")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a file")
	}
	return errors.New("is not a regular file")
}

// read reads at most max bytes from r and parses them.
func read(name string, r io.Reader, max int64, head int) (*model.Article, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, cleanErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than the %s limit (raise it with --max-size)", humanSize(max))
	}
	return parse(name, data, head)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanErr drops the path that os errors repeat, since bao prints it first.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads every path: files, directories (recursively, skipping hidden
// entries, following symbolic links without looping) and "-" for standard
// input. Files are parsed in parallel; the library keeps the order in which
// paths were given and found. A path that fails is recorded in the
// library's errors and loading goes on.
func Load(paths []string, opts Options) *model.Library {
	var results []result
	for b := range stream(paths, opts, 0) {
		results = append(results, b.results...)
	}
	slices.SortFunc(results, func(a, b result) int { return a.index - b.index })
	lib := &model.Library{}
	for _, r := range results {
		if r.err != nil {
			lib.Errors = append(lib.Errors, model.LoadError{Path: r.path, Err: r.err})
			continue
		}
		lib.Articles = append(lib.Articles, r.article)
	}
	return lib
}

// Each loads paths like Load and calls fn for every article or load error
// in the same order, as soon as it and everything before it are ready, so
// that a large library is never all in memory. It stops at the first error
// fn returns.
func Each(paths []string, opts Options, fn func(a *model.Article, loadErr *model.LoadError) error) error {
	pending := map[int]result{}
	next := 0
	var failed error
	for b := range stream(paths, opts, 50*time.Millisecond) {
		for _, r := range b.results {
			pending[r.index] = r
		}
		for failed == nil {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.err != nil {
				failed = fn(nil, &model.LoadError{Path: r.path, Err: r.err})
			} else {
				failed = fn(r.article, nil)
			}
		}
	}
	return failed
}

// LoadSummaries loads paths like Load but keeps only each article's
// summary (see model.Article.Summarize; standard input is kept whole), for
// a large library that is read one article at a time: Reload reads an
// article whole again.
func LoadSummaries(paths []string, opts Options) *model.Library {
	lib := &model.Library{}
	Each(paths, opts, func(a *model.Article, loadErr *model.LoadError) error {
		switch {
		case loadErr != nil:
			lib.Errors = append(lib.Errors, *loadErr)
		case a.Path == "-" || IsURL(a.Path):
			// Read once: there is no file to read it from again.
			lib.Articles = append(lib.Articles, a)
		default:
			lib.Articles = append(lib.Articles, a.Summarize())
		}
		return nil
	})
	return lib
}

// Reload reads a summarised article whole again from its file.
func Reload(a *model.Article, opts Options) (*model.Article, error) {
	if !a.Summary && !a.Partial {
		return a, nil
	}
	opts.Head = 0
	whole, err := ReadFile(a.Path, opts)
	applyLearned(whole)
	return whole, err
}

// errOutside is the error for a file a symbolic link leads out of the
// library to.
var errOutside = errors.New("a symbolic link out of the library; not served (bao serve --follow-links serves it)")

// Confiner returns a check that a path, links resolved, lies in one of
// the paths given to load, for files read again after loading with
// Confine. The paths are resolved once, here.
func Confiner(paths []string) func(path string) error {
	roots := realRoots(paths)
	return func(path string) error { return inside(path, roots) }
}

// inside checks that path, links resolved, lies in one of roots (resolved
// too).
func inside(path string, roots []string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return cleanErr(err)
	}
	for _, r := range roots {
		if rel, err := filepath.Rel(r, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil
		}
	}
	return errOutside
}

// realRoots resolves the paths given to load, for Confine.
func realRoots(paths []string) []string {
	var roots []string
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			roots = append(roots, r)
		}
	}
	return roots
}

// Stream loads paths like Load but sends what it has every interval (0:
// only once, at the end), so that a reader can show the first articles of
// a large library while the rest load. Directories are walked while files
// are parsed. The channel is closed when everything has been sent.
func Stream(paths []string, opts Options, interval time.Duration) <-chan model.Progress {
	out := make(chan model.Progress, 1)
	go func() {
		defer close(out)
		for b := range stream(paths, opts, interval) {
			p := model.Progress{Done: b.done, Found: b.found, Walking: b.walking}
			for _, r := range b.results {
				if r.err != nil {
					p.Errors = append(p.Errors, model.LoadError{Path: r.path, Err: r.err})
					continue
				}
				p.Articles = append(p.Articles, r.article)
				p.Order = append(p.Order, r.index)
			}
			out <- p
		}
	}()
	return out
}

// batch is what stream sends: results as they come, and how far it is.
type batch struct {
	results     []result
	done, found int
	walking     bool
}

// stream is Stream with the results as they are, each with its index.
func stream(paths []string, opts Options, interval time.Duration) <-chan batch {
	out := make(chan batch, 1)
	found := make(chan pending, 256)
	var walking atomic.Bool
	var count atomic.Int64
	walking.Store(true)
	go func() {
		defer close(found)
		defer walking.Store(false)
		var roots []string
		if opts.Confine {
			roots = realRoots(paths)
		}
		expand(paths, func(p pending) {
			if opts.Confine && p.err == nil && p.path != "-" {
				p.err = inside(p.path, roots)
			}
			p.index = int(count.Add(1)) - 1
			found <- p
		})
	}()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make(chan result, 256)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for p := range found {
				r := result{index: p.index, path: p.path, err: p.err, dirTotal: p.dirTotal}
				if p.err == nil {
					r.article, r.err = loadOne(p.path, opts)
				}
				results <- r
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	go collect(learnFromResults(results), out, interval, &walking, &count)
	return out
}

// collect batches results and sends them after interval, then at doubling
// intervals up to a second (each batch costs the reader a pass over the
// whole list), and at the end.
func collect(results <-chan result, out chan<- batch, interval time.Duration, walking *atomic.Bool, count *atomic.Int64) {
	defer close(out)
	var pending []result
	done := 0
	var timer *time.Timer
	var tick <-chan time.Time
	if interval > 0 {
		timer = time.NewTimer(interval)
		defer timer.Stop()
		tick = timer.C
	}
	send := func() {
		out <- batch{results: pending, done: done, found: int(count.Load()), walking: walking.Load()}
		pending = nil
	}
	for {
		select {
		case r, ok := <-results:
			if !ok {
				send()
				return
			}
			pending = append(pending, r)
			done++
		case <-tick:
			if len(pending) > 0 {
				send()
			}
			interval = min(2*interval, time.Second)
			timer.Reset(interval)
		}
	}
}

// pending is a file to load, or a path that already failed.
type pending struct {
	path  string
	err   error
	index int
	// dirTotal is how many files of its directory the walk emits.
	dirTotal int
}

type result struct {
	index   int
	path    string
	article *model.Article
	err     error
	// dirTotal is how many files the walk found in the result's
	// directory, for learning its furniture; 0 for a file given alone.
	dirTotal int
}

func loadOne(path string, opts Options) (*model.Article, error) {
	if path == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return read("-", in, opts.maxSize(), 0)
	}
	if IsURL(path) {
		client := opts.Client
		if client == nil {
			client = NewClient()
		}
		return Fetch(context.Background(), client, path, opts)
	}
	return ReadFile(path, opts)
}

// expand finds the files to load, in order, walking directories, and
// hands each to emit. Paths that cannot be read are emitted with their
// error.
func expand(paths []string, emit func(pending)) {
	seen := map[fileKey]bool{}
	for _, p := range paths {
		if p == "-" || IsURL(p) {
			emit(pending{path: p})
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			emit(pending{path: p, err: cleanErr(err)})
		case info.IsDir():
			walk(p, info, seen, emit)
		default:
			emit(pending{path: p})
		}
	}
}

// fileKey identifies a directory, so that symbolic-link loops are walked once.
type fileKey struct{ dev, ino uint64 }

func keyOf(info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}

func walk(dir string, info fs.FileInfo, seen map[fileKey]bool, emit func(pending)) {
	if k, ok := keyOf(info); ok {
		if seen[k] {
			return
		}
		seen[k] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		emit(pending{path: dir, err: cleanErr(err)})
		return
	}
	// Each entry is looked at once; the directory's files are counted
	// first, so that its furniture can be learned once all have loaded.
	type found struct {
		path string
		info fs.FileInfo
		err  error
		file bool
	}
	var list []found
	files := 0
	for _, e := range entries { // os.ReadDir sorts by name
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if e.Type().IsRegular() {
			// The common case needs no stat: the directory entry says what
			// it is.
			if isArticleName(e.Name()) {
				list = append(list, found{path: path, file: true})
				files++
			}
			continue
		}
		info, err := os.Stat(path) // follows symbolic links
		f := found{path: path, info: info, err: err}
		if err == nil && !info.IsDir() {
			if !info.Mode().IsRegular() || !isArticleName(e.Name()) {
				continue
			}
			f.file = true
			files++
		}
		list = append(list, f)
	}
	for _, f := range list {
		switch {
		case f.file:
			emit(pending{path: f.path, dirTotal: files})
		case f.err != nil:
			emit(pending{path: f.path, err: cleanErr(f.err)})
		default:
			walk(f.path, f.info, seen, emit)
		}
	}
}
