package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
)

// benchArticle is the seed; the benchmark is skipped, saying so, when the
// corpus is absent (BenchmarkRenderSample runs without it).
func benchArticle(b *testing.B) *model.Article {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skipf("the seed is not beside this checkout (%v); BenchmarkRenderSample runs without it", err)
	}
	a, err := articles.Parse("seed.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// bigArticle repeats the long sample article's blocks until the article
// text is about size bytes.
func bigArticle(size int) *model.Article {
	var src *model.Article
	for _, a := range articles.Sample().Articles {
		if len(a.Sections) >= 20 {
			src = a
		}
	}
	a := &model.Article{ID: "big", Title: src.Title, Lead: src.Lead, Language: "en"}
	n := 0
	for round := 0; n < size; round++ {
		for _, b := range src.Blocks {
			a.Blocks = append(a.Blocks, b)
			n += len(b.Text)
		}
	}
	a.Derive()
	return a
}

func benchStyles(b *testing.B) *Styles {
	st, err := NewStyles("dark")
	if err != nil {
		b.Fatal(err)
	}
	return &st
}

// BenchmarkRenderSample renders the first sample article (the seed's
// layout, 2 KB) at width 80.
func BenchmarkRenderSample(b *testing.B) {
	a, st := articles.Sample().Articles[0], benchStyles(b)
	b.ReportAllocs()
	for b.Loop() {
		Render(a, 80, st, 0)
	}
}

func BenchmarkRenderSeed(b *testing.B) {
	a, st := benchArticle(b), benchStyles(b)
	b.ReportAllocs()
	for b.Loop() {
		Render(a, 80, st, 0)
	}
}

// BenchmarkGlamourSeed renders the same article as Markdown through
// Glamour's full pipeline, for comparison.
func BenchmarkGlamourSeed(b *testing.B) {
	a := benchArticle(b)
	var md strings.Builder
	md.WriteString("# " + a.Title + "\n\n" + a.Lead + "\n\n")
	for _, blk := range a.Blocks {
		if blk.Kind == model.Heading {
			md.WriteString("## ")
		}
		md.WriteString(blk.Text + "\n\n")
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(md.String()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender300KB(b *testing.B) {
	a, st := bigArticle(300<<10), benchStyles(b)
	b.SetBytes(300 << 10)
	b.ReportAllocs()
	for b.Loop() {
		Render(a, 80, st, 0)
	}
}

// BenchmarkFirstScreen1MB is the work between opening a 1 MB article and
// its first frame: the first-screen render and the view.
func BenchmarkFirstScreen1MB(b *testing.B) {
	a := bigArticle(1 << 20)
	b.ReportAllocs()
	for b.Loop() {
		m, _ := New(Options{Style: "dark", Load: func() *model.Library { return nil }})
		r := m.reader
		r.SetSize(100, 30)
		r, cmd := r.Open(a, -1, "")
		// The batch's first command is the first-screen render.
		msg := cmd().(tea.BatchMsg)[0]()
		r, _ = r.Update(msg)
		if r.View() == "" {
			b.Fatal("empty view")
		}
	}
}

// rootAt returns the whole program, 100x30, reading a fully rendered a.
func rootAt(b *testing.B, a *model.Article) tea.Model {
	lib := &model.Library{Articles: []*model.Article{a}}
	m, err := New(Options{Style: "dark", Load: func() *model.Library { return lib }, OpenSingle: true})
	if err != nil {
		b.Fatal(err)
	}
	var tm tea.Model = m
	runCmd(&tm, m.Init(), 0)
	var cmd tea.Cmd
	tm, cmd = tm.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	runCmd(&tm, cmd, 0)
	if r := tm.(Model).reader; r.Document() == nil || !r.Document().Complete {
		b.Fatal("the article is not laid out")
	}
	return tm
}

// BenchmarkSectionJump is one key press to the next frame of the whole
// program: ] through the root's Update, then its View.
func BenchmarkSectionJump(b *testing.B) {
	m := rootAt(b, bigArticle(300<<10))
	next, top := keyMsg("]"), keyMsg("g")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := next
		if i%40 == 39 {
			k = top
		}
		m, _ = m.Update(k)
		_ = m.View()
		i++
	}
}

// BenchmarkScrollLine is j then the root's View.
func BenchmarkScrollLine(b *testing.B) {
	m := rootAt(b, bigArticle(300<<10))
	down := keyMsg("j")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(down)
		_ = m.View()
	}
}

// BenchmarkFilter100k is one keystroke in the filter of a 100,000-article
// list: the filter over every item, then the next frame.
func BenchmarkFilter100k(b *testing.B) {
	lib := &model.Library{}
	sample := articles.Sample().Articles
	for i := range 100000 {
		a := *sample[i%len(sample)]
		a.ID = fmt.Sprint(i)
		a.Title = fmt.Sprintf("%s %d", a.Title, i)
		a.Derive()
		// As the terminal reader keeps a large library: summaries.
		lib.Articles = append(lib.Articles, a.Summarize())
	}
	m, _ := New(Options{Style: "dark", Load: func() *model.Library { return lib }})
	l, _ := m.list.SetLibrary(lib)
	l.SetSize(100, 30)
	queries := []string{"ha", "ha n", "ha no", "ha noi", "cho noi", "bank", "z"}
	l.list.SetFilterText("x") // fill the folding cache, as the first keystroke does
	i := 0
	for b.Loop() {
		l.list.SetFilterText(queries[i%len(queries)])
		_ = l.View()
		i++
	}
}

// bigMarkdown writes a Markdown file of about size bytes made of the
// fidelity fixtures (code, tables, links, lists, quotes) repeated, and
// returns its path.
func bigMarkdown(b *testing.B, size int) string {
	var parts []string
	for _, name := range []string{"constructs.md", "wide-table.md", "html.md"} {
		data, err := os.ReadFile("../testdata/fidelity/" + name)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	var doc strings.Builder
	doc.WriteString("# A long document\n\n")
	for i := 0; doc.Len() < size; i++ {
		fmt.Fprintf(&doc, "\n## Part %d\n\n%s\n", i+1, parts[i%len(parts)])
	}
	path := b.TempDir() + "/big.md"
	if err := os.WriteFile(path, []byte(doc.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpen1MBMarkdown is what opening a 1 MB Markdown file costs
// before its first frame, as bao FILE pays it: reading the file, cleaning
// it and taking its ID, parsing its first 32 KiB (the head; the rest is
// parsed after the first frame), the first-screen render and the view.
func BenchmarkOpen1MBMarkdown(b *testing.B) { benchOpen(b, bigMarkdown(b, 1<<20), 32<<10) }

// BenchmarkOpen1MBMarkdownWhole is the same with the whole file parsed
// before the first frame, as a file opened from a directory's list is.
func BenchmarkOpen1MBMarkdownWhole(b *testing.B) { benchOpen(b, bigMarkdown(b, 1<<20), 0) }

// benchOpen opens the file at path as bao FILE does, with the given head.
func benchOpen(b *testing.B, path string, head int64) {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	for b.Loop() {
		a, err := articles.ReadFile(path, articles.Options{Head: head})
		if err != nil {
			b.Fatal(err)
		}
		m, _ := New(Options{Style: "dark", Load: func() *model.Library { return nil }})
		m.reader.SetSize(100, 30)
		r, cmd := m.reader.Open(a, -1, "")
		msg := cmd().(tea.BatchMsg)[0]()
		r, _ = r.Update(msg)
		if r.View() == "" {
			b.Fatal("empty view")
		}
	}
}

// BenchmarkRender300KBMarkdown renders a whole 300 KB Markdown document
// (code highlighted, tables, links) at width 80, parsed beforehand.
func BenchmarkRender300KBMarkdown(b *testing.B) {
	a, err := articles.ReadFile(bigMarkdown(b, 300<<10), articles.Options{})
	if err != nil {
		b.Fatal(err)
	}
	st := benchStyles(b)
	b.SetBytes(300 << 10)
	b.ReportAllocs()
	for b.Loop() {
		Render(a, 80, st, 0)
	}
}

// BenchmarkOpen1MBText is BenchmarkOpen1MBMarkdown for a 1 MB plain-text
// article (the long sample article's text, repeated).
func BenchmarkOpen1MBText(b *testing.B) {
	var text strings.Builder
	if err := articles.WriteText(&text, bigArticle(1<<20), 0); err != nil {
		b.Fatal(err)
	}
	path := b.TempDir() + "/big.txt"
	if err := os.WriteFile(path, []byte(text.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	benchOpen(b, path, 32<<10)
}
