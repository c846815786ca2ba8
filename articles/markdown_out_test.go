package articles

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"bao/model"
)

// blockKey describes everything of a block that saving must keep.
func blockKey(b model.Block) string {
	depth := b.Depth
	if b.Kind == model.ListItem {
		// Plain text's items are depth 0, Markdown's 1.
		depth = max(depth, 1)
	}
	s := fmt.Sprintf("%s L%d D%d Q%d N%d T%d %q", b.Kind, b.Level, depth, max(b.Quote, boolQuote(b)), b.Number, b.Task, b.Text)
	var spans []string
	for _, sp := range b.Spans {
		spans = append(spans, fmt.Sprintf(" [%s %d-%d %q %q]", sp.Kind, sp.Start, sp.End, sp.URL, sp.Title))
	}
	// Spans over the same text may come back in another order.
	slices.Sort(spans)
	s += strings.Join(spans, "")
	if b.Code != nil {
		s += fmt.Sprintf(" code %q %q", b.Code.Lang, b.Code.Lines)
	}
	if b.Table != nil {
		s += fmt.Sprintf(" table %v %v", b.Table.Header, b.Table.Rows)
	}
	if b.Image != nil {
		s += fmt.Sprintf(" image %q %q %q", b.Image.URL, b.Image.Credit, b.Image.Link)
	}
	return s
}

// boolQuote: a plain-text quote block (Quote 0) is written as one quote.
func boolQuote(b model.Block) uint8 {
	if b.Kind == model.Quote {
		return 1
	}
	return 0
}

// roundTrip saves a as Markdown, reads it back, and reports what differs.
func roundTrip(t *testing.T, name string, a *model.Article) {
	t.Helper()
	var out strings.Builder
	fetched := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	if err := WriteMarkdown(&out, a, SaveInfo{Fetched: fetched}); err != nil {
		t.Fatal(err)
	}
	b, err := Parse("saved.md", []byte(out.String()))
	if err != nil {
		t.Fatalf("%s: reading back: %v\n%s", name, err, out.String())
	}
	if b.Title != a.Title || strings.Join(b.Byline, "|") != strings.Join(a.Byline, "|") || b.Source != a.Source || b.URL != a.URL || !b.Date.Equal(a.Date) {
		t.Errorf("%s: header %q %q %q %q %v, want %q %q %q %q %v", name, b.Title, b.Byline, b.Source, b.URL, b.Date, a.Title, a.Byline, a.Source, a.URL, a.Date)
	}
	want := a.Blocks
	got := b.Blocks
	if a.Lead != "" {
		if b.Lead != a.Lead {
			t.Errorf("%s: lead %q, want %q", name, b.Lead, a.Lead)
		}
	} else if len(got) < len(want) && b.Lead != "" {
		// A first paragraph is read back as the lead.
		got = append([]model.Block{{Kind: model.Paragraph, Text: b.Lead}}, got...)
	}
	if len(got) != len(want) {
		var g, w []string
		for _, b := range got {
			g = append(g, blockKey(b))
		}
		for _, b := range want {
			w = append(w, blockKey(b))
		}
		t.Errorf("%s: %d blocks read back, want %d\n got:\n%s\nwant:\n%s", name, len(got), len(want), strings.Join(g, "\n"), strings.Join(w, "\n"))
		return
	}
	for i := range want {
		w, g := want[i], got[i]
		if w.Kind == model.Caption {
			// Written as an emphasised paragraph.
			if g.Text != w.Text {
				t.Errorf("%s: caption %d: %q, want %q", name, i, g.Text, w.Text)
			}
			continue
		}
		if blockKey(g) != blockKey(w) {
			t.Errorf("%s: block %d\n got  %s\n want %s", name, i, blockKey(g), blockKey(w))
		}
	}
}

// TestSaveReadsBack saves articles of every kind as Markdown and reads
// them back: nothing of their structure, text, spans, links, code,
// tables or figures may change.
func TestSaveReadsBack(t *testing.T) {
	var paths []string
	for _, glob := range []string{"testdata/html/*.html", "../testdata/fidelity/*.md", "sample/*"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	if len(paths) < 15 {
		t.Fatalf("only %d files found", len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(p, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		roundTrip(t, p, a)
	}
}

func TestSaveEscapes(t *testing.T) {
	a := &model.Article{Title: "Escapes: *not* [a link]", Blocks: []model.Block{
		{Kind: model.Paragraph, Text: "# not a heading"},
		{Kind: model.Paragraph, Text: "1. not a list"},
		{Kind: model.Paragraph, Text: "- nor this, *nor* _this_ `nor` <b>this</b> & &amp; \\ | ~~"},
		{Kind: model.Paragraph, Text: "2026."},
		{Kind: model.Paragraph, Text: "code with ` tick", Spans: []model.Span{{Kind: model.InlineCode, Start: 0, End: 16}}},
		{Kind: model.Paragraph, Text: "link with (parens) in it", Spans: []model.Span{{Kind: model.Link, Start: 0, End: 4, URL: "https://x.example/a_(b) c"}}},
	}}
	a.Derive()
	roundTrip(t, "escapes", a)
}
