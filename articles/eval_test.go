package articles

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/model"
)

// corpusDir is the shared corpus beside the checkout; tests that need it
// skip when it is absent.
const corpusDir = "../../shared/corpus"

// label is the hand-checked structure of one article. Captions are given
// by their first characters.
type label struct {
	Path     string   `json:"path"`
	Title    string   `json:"title"`
	Byline   []string `json:"byline"`
	Source   string   `json:"source"`
	Dateline string   `json:"dateline"`
	Headings []string `json:"headings"`
	Captions []string `json:"captions"`
	Dropped  []string `json:"dropped"`
}

// score counts matches of one field over many articles.
type score struct{ tp, predicted, expected int }

func (s score) precision() float64 { return ratio(s.tp, s.predicted) }
func (s score) recall() float64    { return ratio(s.tp, s.expected) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// add scores predicted strings against expected ones; match decides
// whether a prediction matches a label.
func (s *score) add(predicted, expected []string, match func(p, e string) bool) {
	s.predicted += len(predicted)
	s.expected += len(expected)
	used := make([]bool, len(expected))
	for _, p := range predicted {
		for i, e := range expected {
			if !used[i] && match(p, e) {
				used[i] = true
				s.tp++
				break
			}
		}
	}
}

func equal(p, e string) bool     { return p == e }
func hasPrefix(p, e string) bool { return strings.HasPrefix(p, e) }

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func blocksOf(a *model.Article, kind model.BlockKind) []string {
	var out []string
	for _, b := range a.Blocks {
		if b.Kind == kind {
			out = append(out, b.Text)
		}
	}
	return out
}

// evaluate parses every labelled file under dir and scores each field.
func evaluate(t *testing.T, dir, labelsFile string) map[string]*score {
	t.Helper()
	data, err := os.ReadFile(labelsFile)
	if err != nil {
		t.Fatal(err)
	}
	var labels []label
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	scores := map[string]*score{}
	for _, k := range []string{"title", "byline", "source", "dateline", "headings", "captions", "boilerplate"} {
		scores[k] = &score{}
	}
	for _, l := range labels {
		a, err := ReadFile(filepath.Join(dir, l.Path), Options{})
		if err != nil {
			t.Errorf("%s: %v", l.Path, err)
			continue
		}
		scores["title"].add(nonEmpty(a.Title), nonEmpty(l.Title), equal)
		scores["byline"].add(a.Byline, l.Byline, equal)
		scores["source"].add(nonEmpty(a.Source), nonEmpty(l.Source), equal)
		scores["dateline"].add(nonEmpty(a.Dateline), nonEmpty(l.Dateline), equal)
		scores["headings"].add(blocksOf(a, model.Heading), l.Headings, equal)
		scores["captions"].add(blocksOf(a, model.Caption), l.Captions, hasPrefix)
		scores["boilerplate"].add(a.Dropped, l.Dropped, equal)
		if testing.Verbose() {
			report(t, l, a)
		}
	}
	return scores
}

// report logs where an article's recovered structure differs from its label.
func report(t *testing.T, l label, a *model.Article) {
	var diffs []string
	if fmt.Sprint(a.Byline) != fmt.Sprint(l.Byline) {
		diffs = append(diffs, fmt.Sprintf("byline %q, want %q", a.Byline, l.Byline))
	}
	if h := blocksOf(a, model.Heading); fmt.Sprint(h) != fmt.Sprint(l.Headings) {
		diffs = append(diffs, fmt.Sprintf("headings %q, want %q", h, l.Headings))
	}
	if a.Dateline != l.Dateline || a.Source != l.Source {
		diffs = append(diffs, fmt.Sprintf("source/dateline %q/%q, want %q/%q", a.Source, a.Dateline, l.Source, l.Dateline))
	}
	if c := blocksOf(a, model.Caption); len(c) != len(l.Captions) {
		diffs = append(diffs, fmt.Sprintf("%d captions, want %d", len(c), len(l.Captions)))
		for _, x := range c {
			diffs = append(diffs, fmt.Sprintf("\n\tcaption %.70q", x))
		}
	}
	if len(diffs) > 0 {
		t.Logf("%s: %s", l.Path, strings.Join(diffs, "; "))
	}
}

// gated are the fields that must reach minScore in precision and recall.
var gated = []string{"headings", "captions", "byline", "boilerplate"}

const minScore = 0.95

func checkScores(t *testing.T, scores map[string]*score) {
	t.Helper()
	for _, k := range []string{"title", "byline", "source", "dateline", "headings", "captions", "boilerplate"} {
		s := scores[k]
		t.Logf("%-11s precision %.3f recall %.3f (%d matched, %d found, %d labelled)", k, s.precision(), s.recall(), s.tp, s.predicted, s.expected)
	}
	for _, k := range gated {
		if s := scores[k]; s.precision() < minScore || s.recall() < minScore {
			t.Errorf("%s: precision %.3f, recall %.3f; want both >= %.2f", k, s.precision(), s.recall(), minScore)
		}
	}
}

// TestLabelledCorpus scores structure recovery against hand-labelled
// articles of the shared corpus.
func TestLabelledCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s: skipping the labelled evaluation", corpusDir)
	}
	checkScores(t, evaluate(t, corpusDir, "testdata/labels.json"))
}

// TestLabelledFixtures scores structure recovery on articles written for
// these tests, in layouts the corpus lacks.
func TestLabelledFixtures(t *testing.T) {
	scores := evaluate(t, "testdata/fixtures", "testdata/fixtures.json")
	checkScores(t, scores)
	for _, k := range []string{"title", "source", "dateline"} {
		if s := scores[k]; s.precision() < 1 || s.recall() < 1 {
			t.Errorf("%s: precision %.3f, recall %.3f; want 1", k, s.precision(), s.recall())
		}
	}
}
