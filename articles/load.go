package articles

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"

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
	text, err := Clean(data)
	if err != nil {
		return nil, err
	}
	var a *model.Article
	if isMarkdownName(name) || strings.HasPrefix(text, "---\n") {
		a = ParseMarkdown(text)
	} else {
		a = ParsePlain(text)
	}
	if a.Title == "" {
		return nil, ErrEmpty
	}
	sum := sha256.Sum256([]byte(text))
	a.ID = hex.EncodeToString(sum[:8])
	a.Path = name
	a.Size = int64(len(data))
	return a, nil
}

func isMarkdownName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// articleExts are the file names a directory walk loads.
func isArticleName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", "", ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// ReadFile loads one file as an article.
func ReadFile(path string, opts Options) (*model.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, cleanErr(err)
	}
	if info.IsDir() {
		return nil, errors.New("is a directory")
	}
	a, err := read(path, f, opts.maxSize())
	if err != nil {
		return nil, err
	}
	a.ModTime = info.ModTime()
	return a, nil
}

// read reads at most max bytes from r and parses them.
func read(name string, r io.Reader, max int64) (*model.Article, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, cleanErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than the %s limit (raise it with --max-size)", humanSize(max))
	}
	return Parse(name, data)
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
	lib := &model.Library{}
	files := expand(paths)
	results := make([]result, len(files))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				results[i] = loadOne(files[i].path, opts)
			}
		})
	}
	for i, f := range files {
		if f.err != nil {
			results[i].err = f.err
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i, r := range results {
		if r.err != nil {
			lib.Errors = append(lib.Errors, model.LoadError{Path: files[i].path, Err: r.err})
			continue
		}
		lib.Articles = append(lib.Articles, r.article)
	}
	return lib
}

// pending is a file to load, or a path that already failed.
type pending struct {
	path string
	err  error
}

type result struct {
	article *model.Article
	err     error
}

func loadOne(path string, opts Options) result {
	if path == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		a, err := read("-", in, opts.maxSize())
		return result{a, err}
	}
	a, err := ReadFile(path, opts)
	return result{a, err}
}

// expand turns the given paths into the files to load, in order, walking
// directories. Paths that cannot be read are kept with their error.
func expand(paths []string) []pending {
	var files []pending
	seen := map[fileKey]bool{}
	for _, p := range paths {
		if p == "-" {
			files = append(files, pending{path: p})
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			files = append(files, pending{p, cleanErr(err)})
		case info.IsDir():
			files = walk(p, info, seen, files)
		default:
			files = append(files, pending{path: p})
		}
	}
	return files
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

func walk(dir string, info fs.FileInfo, seen map[fileKey]bool, files []pending) []pending {
	if k, ok := keyOf(info); ok {
		if seen[k] {
			return files
		}
		seen[k] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return append(files, pending{dir, cleanErr(err)})
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		info, err := os.Stat(path)
		switch {
		case err != nil:
			files = append(files, pending{path, cleanErr(err)})
		case info.IsDir():
			files = walk(path, info, seen, files)
		case info.Mode().IsRegular() && isArticleName(e.Name()):
			files = append(files, pending{path: path})
		}
	}
	return files
}

// SafeText replaces what could act on a terminal (controls, escapes,
// bidirectional overrides) in text that bao did not clean, such as a file
// name, with U+FFFD.
func SafeText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || isC1(r) || isBidiControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
