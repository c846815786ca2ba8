package articles

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"bao/internal/wordcheck"
	"bao/model"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// unseenLabel is a label of unseen-labels.json: the structure of one
// article of a source no recovery rule was written on, labelled by reading
// its raw text before bao ran on it. Headings, captions and dropped lines
// are given by their first 60 characters, with runs of spaces as one.
type unseenLabel struct {
	label
	Source string `json:"source"`
	// Batch 2 was labelled after rules had been written on the first,
	// before bao ran on it: articles no rule was written looking at.
	Batch int `json:"batch"`
}

// TestUnseenSources measures plain-text recovery on scraped news from
// sources outside the shared corpus (see scripts/unseen-sources.sh, which
// puts them in a directory; BAO_UNSEEN names it). It reports precision and
// recall per field and per source, and fails only when words are lost: the
// figures are a measurement, in BENCHMARKS.md, not a gate.
func TestUnseenSources(t *testing.T) {
	dir := os.Getenv("BAO_UNSEEN")
	if dir == "" {
		t.Skip("BAO_UNSEEN is not set: scripts/unseen-sources.sh DIR puts the sources in DIR")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("unseen sources not found: %v", err)
	}
	data, err := os.ReadFile("testdata/unseen-labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var labels []unseenLabel
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	fields := []string{"title", "byline", "dateline", "headings", "captions", "dropped"}
	bySource := map[string]map[string]*score{}
	all := map[string]*score{}
	for _, f := range fields {
		all[f] = &score{}
	}
	// Each source is loaded as a library, a directory of its files, as a
	// reader would: what bao learns from a directory counts.
	byPath := map[string]*model.Article{}
	seen := map[string]bool{}
	for _, l := range labels {
		if seen[l.Source] {
			continue
		}
		seen[l.Source] = true
		src := l.Source
		lib := Load([]string{filepath.Join(dir, src)}, Options{})
		for _, a := range lib.Articles {
			byPath[a.Path] = a
		}
	}
	lost, words := 0, 0
	for _, l := range labels {
		path := filepath.Join(dir, l.Path)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run scripts/unseen-sources.sh again)", l.Path, err)
		}
		a := byPath[path]
		if a == nil {
			t.Errorf("%s: not loaded", l.Path)
			continue
		}
		groups := []map[string]*score{all}
		for _, key := range []string{l.Source, fmt.Sprintf("%s #%d", l.Source, l.Batch)} {
			sc := bySource[key]
			if sc == nil {
				sc = map[string]*score{}
				for _, f := range fields {
					sc[f] = &score{}
				}
				bySource[key] = sc
			}
			groups = append(groups, sc)
		}
		title := a.Title
		if a.TitleGuessed {
			title = "" // said to be a guess: no title claimed
		}
		for _, sc := range groups {
			// Compared decomposed: bao gives text in NFC, and a label
			// copied from a decomposed file is in NFD; a label cut at 60
			// characters of such a file may end between a letter and
			// its mark.
			sc["title"].add(decomposed(nonEmpty(squashSpaces(title))), decomposed(nonEmpty(squashSpaces(l.Title))), equal)
			sc["byline"].add(decomposed(bylineNames(a.Byline)), decomposed(bylineNames(l.Byline)), equal)
			sc["dateline"].add(decomposed(nonEmpty(a.Dateline)), decomposed(nonEmpty(l.Dateline)), equal)
			sc["headings"].add(decomposed(squashAll(blocksOf(a, model.Heading))), decomposed(squashAll(l.Headings)), hasPrefix)
			sc["captions"].add(decomposed(squashAll(blocksOf(a, model.Caption))), decomposed(squashAll(l.Captions)), hasPrefix)
			sc["dropped"].add(decomposed(squashAll(a.Dropped)), decomposed(squashAll(l.Dropped)), hasPrefix)
		}
		if testing.Verbose() {
			report(t, l.label, a)
			t.Logf("\tdropped %q, want %q", a.Dropped, l.Dropped)
		}
		// Every word of the file is somewhere in the article, dropped
		// lines included.
		text := string(raw)
		if !utf8.ValidString(text) {
			// The Horne sets are Windows-1252, which bao reads them as.
			text, _ = charmap.Windows1252.NewDecoder().String(text)
		}
		kept := strings.Join(append(append([]string{a.Title, a.Lead, a.Source, a.Dateline, strings.Join(a.Byline, " ")}, a.Dropped...), blockTexts(a)...), " ")
		// Where the file ran two elements together ("Ảnh: AFPViệc"), the
		// word is looked for as the two it was.
		text = gluedWords.ReplaceAllString(text, "$1 $2")
		r := wordcheck.Check(wordcheck.Words(text), nil, kept)
		words += r.Words
		lost += len(r.Lost)
		if len(r.Lost) > 0 {
			t.Errorf("%s: %d of %d words lost: %q", l.Path, len(r.Lost), r.Words, r.Lost)
		}
	}
	var sources []string
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	var b strings.Builder
	fmt.Fprintf(&b, "%-15s %-9s %9s %7s %s\n", "source", "field", "precision", "recall", "(matched/found/labelled)")
	for _, src := range append(sources, "all") {
		sc := all
		if src != "all" {
			sc = bySource[src]
		}
		for _, f := range fields {
			x := sc[f]
			fmt.Fprintf(&b, "%-15s %-9s %9.2f %7.2f (%d/%d/%d)\n", src, f, x.precision(), x.recall(), x.tp, x.predicted, x.expected)
		}
	}
	t.Logf("%d articles, %d words, %d lost\n%s", len(labels), words, lost, b.String())
}

// decomposed returns ss in Unicode's decomposed form (NFD).
func decomposed(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = norm.NFD.String(s)
	}
	return out
}

// bylineNames keeps the people a byline names: labels of the shared corpus
// keep a credit with its name ("Điệp Anh (theo Reuters)"), those of the
// unseen sources give the name alone, so both sides are compared without
// credits in brackets, and without credits standing alone ("Theo AP",
// "(tổng hợp)", "Ảnh: CNN").
func bylineNames(b []string) []string {
	var out []string
	for _, s := range b {
		s = squashSpaces(stripParenthetical(s))
		f := model.Fold(s)
		if s == "" || strings.HasPrefix(f, "theo ") || strings.HasPrefix(f, "anh:") || strings.HasPrefix(f, "nguon") {
			continue
		}
		out = append(out, s)
	}
	return out
}

// gluedWords finds a lower-case letter, or a run of capitals, directly
// before a capitalised word.
var gluedWords = regexp.MustCompile(`(\p{Ll}|\p{Lu}\p{Lu})(\p{Lu}\p{Ll})`)

func squashSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// squashAll squashes each line's spaces and takes off the Markdown marks
// it opens or closes with ("## Most read stories", "* [Headline][5]",
// "*© 2019 ...*"): a label copies a line as the file has it, and bao
// shows it, kept or removed, without them. Both sides are compared so.
func squashAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = squashSpaces(strings.TrimRight(strings.TrimLeft(s, "#* "), "* "))
	}
	return out
}

func blockTexts(a *model.Article) []string {
	var out []string
	for _, b := range a.Blocks {
		out = append(out, b.Text)
	}
	return out
}
