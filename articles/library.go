package articles

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bao/model"

	"go.yaml.in/yaml/v3"
)

// DefaultLibraryDir is where saved articles go unless told otherwise:
// $XDG_DATA_HOME/bao/library, or ~/.local/share/bao/library.
func DefaultLibraryDir() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the library directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "bao", "library"), nil
}

// HasArticles reports whether dir holds a file bao reads as an article.
func HasArticles(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isArticleName(d.Name()) {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// Library is a directory of saved articles, one Markdown file each.
type Library struct {
	Dir string
	// byURL and byBody find saved articles by address and by the hash of
	// their text; read from the directory on first use.
	byURL, byBody map[string]string
}

// ErrSaved is wrapped by the error Save returns for an article the library
// already has.
var ErrSaved = errors.New("already saved")

// Save writes a into the library as Markdown with front matter, unless
// the library holds it already: the same address, or else the same text.
// It writes a hidden temporary file and renames it, so an interrupted
// save leaves no half-written article. It returns the file's path.
func (l *Library) Save(a *model.Article, info SaveInfo) (string, error) {
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return "", err
	}
	if l.byURL == nil {
		l.index()
	}
	if p, ok := l.byURL[a.URL]; ok && a.URL != "" {
		return p, fmt.Errorf("%w: %s", ErrSaved, p)
	}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, a, info); err != nil {
		return "", err
	}
	sum := bodyHash(buf.Bytes())
	if p, ok := l.byBody[sum]; ok {
		return p, fmt.Errorf("%w: %s", ErrSaved, p)
	}
	path := l.freeName(a, info.Fetched)
	tmp, err := os.CreateTemp(l.Dir, ".saving-*.md")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	if a.URL != "" {
		l.byURL[a.URL] = path
	}
	l.byBody[sum] = path
	return path, nil
}

// index reads the addresses and text hashes of the saved articles.
func (l *Library) index() {
	l.byURL, l.byBody = map[string]string{}, map[string]string{}
	entries, err := os.ReadDir(l.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !isMarkdownName(e.Name()) {
			continue
		}
		p := filepath.Join(l.Dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if u := frontMatterURL(data); u != "" {
			l.byURL[u] = p
		}
		l.byBody[bodyHash(data)] = p
	}
}

// cutFrontMatter returns a saved file's front matter and body.
func cutFrontMatter(data []byte) (head, body []byte) {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, data
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, data
	}
	return data[4 : 4+end], data[4+end+5:]
}

func frontMatterURL(data []byte) string {
	head, _ := cutFrontMatter(data)
	var fm struct {
		URL string `yaml:"url"`
	}
	if yaml.Unmarshal(head, &fm) != nil {
		return ""
	}
	return fm.URL
}

// bodyHash is the hash of a saved file's title and text: its front
// matter and body without when and by which feed it was fetched.
func bodyHash(data []byte) string {
	head, body := cutFrontMatter(data)
	h := sha256.New()
	for line := range bytes.Lines(head) {
		if !bytes.HasPrefix(line, []byte("fetched:")) && !bytes.HasPrefix(line, []byte("feed:")) && !bytes.HasPrefix(line, []byte("url:")) {
			h.Write(line)
		}
	}
	h.Write(bytes.TrimSpace(body))
	return string(h.Sum(nil))
}

// freeName is a file name for a, not yet taken: its date, then its title
// without accents, "2026-03-07-chien-su-day-gia-hoa.md".
func (l *Library) freeName(a *model.Article, fetched time.Time) string {
	day := a.Date
	if day.IsZero() {
		day = fetched
	}
	if day.IsZero() {
		day = time.Now()
	}
	base := day.Format("2006-01-02") + "-" + slug(a.Title)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		p := filepath.Join(l.Dir, name+".md")
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// slug is a title in lower-case ASCII letters and digits joined by
// hyphens, cut at a hyphen to at most 60 bytes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range model.Fold(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 60 {
		s = s[:60]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
	}
	if s == "" {
		return "article"
	}
	return s
}
