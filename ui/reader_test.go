package ui

import (
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// openFirst opens the first article of the list.
func openFirst(t *testing.T, lib *model.Library, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, lib, w, h, Options{})
	hs.keys("enter")
	if hs.root().Screen() != "reader" {
		t.Fatalf("enter did not open the reader; screen:\n%s", strings.Join(hs.screen(), "\n"))
	}
	return hs
}

// topLine is the first article line on screen, under the header.
func topLine(hs *harness) string { return hs.line(1) }

// headingText strips the heading prefix.
func headingText(s string) string { return strings.TrimSpace(strings.TrimLeft(s, "#")) }

// checkSectionKeys runs the section navigation tests on an article whose
// first line-of-list article has the given headings.
func checkSectionKeys(t *testing.T, lib *model.Library, headings []string) {
	hs := openFirst(t, lib, 80, 24)
	for i, want := range headings {
		hs.keys("]")
		if got := headingText(topLine(hs)); got != want {
			t.Fatalf("after ] #%d the top line is %q, want %q", i+1, got, want)
		}
		if hs.root().Reader().CurrentSection() != i {
			t.Errorf("current section %d, want %d", hs.root().Reader().CurrentSection(), i)
		}
	}
	hs.keys("]")
	if !strings.Contains(hs.line(23), "last section") {
		t.Errorf("] at the last section says %q", hs.line(23))
	}
	hs.keys("[")
	if got := headingText(topLine(hs)); got != headings[len(headings)-2] {
		t.Errorf("[ goes to %q, want %q", got, headings[len(headings)-2])
	}

	hs.keys("t")
	toc := strings.Join(hs.screen(), "\n")
	for _, h := range headings {
		if !strings.Contains(toc, h) {
			t.Errorf("contents lack %q:\n%s", h, toc)
		}
	}
	hs.keys("g") // ignored by the contents
	for range len(headings) {
		hs.keys("down")
	}
	hs.keys("enter")
	if got := headingText(topLine(hs)); got != headings[len(headings)-1] {
		t.Errorf("enter on the last entry goes to %q", got)
	}
	hs.keys("g", "3")
	if got := headingText(topLine(hs)); got != headings[2] {
		t.Errorf("3 goes to %q, want %q", got, headings[2])
	}
	hs.keys("1")
	if got := headingText(topLine(hs)); got != headings[0] {
		t.Errorf("1 goes to %q, want %q", got, headings[0])
	}
}

func TestSeedSections(t *testing.T) {
	checkSectionKeys(t, seedLibrary(t), []string{"Đã hoàn thành tốt nhiều nhiệm vụ", "Tập trung giải quyết 4 vấn đề", "Thực hiện 6 nhiệm vụ trọng tâm"})
}

func TestSampleSections(t *testing.T) {
	checkSectionKeys(t, sampleLibrary(t), []string{"Ba tuyến phố được đề xuất", "Người dân băn khoăn về giờ cấm xe", "Sẽ tiếp thu và điều chỉnh phương án"})
}

// checkResize jumps to a section at 120x40 and resizes to 60x20.
func checkResize(t *testing.T, lib *model.Library, section int) {
	hs := openFirst(t, lib, 120, 40)
	for range section + 1 {
		hs.keys("]")
	}
	want := headingText(topLine(hs))
	before := hs.root().Reader().Document().Width
	hs.send(teaSize(60, 20))
	if got := headingText(topLine(hs)); got != want {
		t.Errorf("after resize the top line is %q, want %q", got, want)
	}
	if after := hs.root().Reader().Document().Width; after >= before {
		t.Errorf("document width %d after resize, was %d", after, before)
	}
	for _, l := range hs.screen() {
		if w := displayWidth(l); w > 60 {
			t.Errorf("line wider than the window (%d): %q", w, l)
		}
	}
	hs.keys("j")
	hs.send(teaSize(120, 40))
	if got := hs.root().Reader().CurrentSection(); got != section {
		t.Errorf("after scrolling and resizing back, section %d, want %d", got, section)
	}
}

func TestSeedResizeKeepsHeading(t *testing.T) { checkResize(t, seedLibrary(t), 1) }

func TestSampleResizeKeepsHeading(t *testing.T) { checkResize(t, sampleLibrary(t), 1) }

// checkSearch searches without diacritics and moves between matches.
func checkSearch(t *testing.T, lib *model.Library, query, want string) {
	hs := openFirst(t, lib, 80, 24)
	hs.keys("/")
	hs.typeText(query)
	hs.keys("enter")
	r := hs.root().Reader()
	if r.search.Matches() < 2 {
		t.Fatalf("%q: %d matches, want at least 2", query, r.search.Matches())
	}
	first := r.search.Current()
	doc := r.Document()
	m := r.search.pieces[r.search.starts[r.search.current]]
	if got := cut(doc.Plain[m.line], m.start, m.end); !strings.EqualFold(got, want) {
		t.Errorf("current match is %q, want %q", got, want)
	}
	if first < r.Offset() || first >= r.Offset()+22 {
		t.Errorf("match line %d is off screen (offset %d)", first, r.Offset())
	}
	before := r.search.current
	hs.keys("n")
	r = hs.root().Reader()
	if want := (before + 1) % r.search.Matches(); r.search.current != want {
		t.Errorf("n went from match %d to %d, want %d", before, r.search.current, want)
	}
	hs.keys("N")
	if back := hs.root().Reader().search.current; back != before {
		t.Errorf("N went to match %d, want %d", back, before)
	}
	if !strings.Contains(hs.line(23), "match") {
		t.Errorf("footer %q does not report the match", hs.line(23))
	}
	hs.keys("esc")
	if hs.root().Reader().search.Active() || hs.root().Screen() != "reader" {
		t.Errorf("esc did not clear the search")
	}
	hs.keys("esc")
	if hs.root().Screen() != "list" {
		t.Errorf("second esc did not go back to the list")
	}
}

func TestSeedSearch(t *testing.T) { checkSearch(t, seedLibrary(t), "hoi nghi", "Hội nghị") }

func TestSampleSearch(t *testing.T) { checkSearch(t, sampleLibrary(t), "nguoi dan", "người dân") }

func TestNoSections(t *testing.T) {
	lib := sampleLibrary(t)
	var plain *model.Article
	for _, a := range lib.Articles {
		if len(a.Sections) == 0 {
			plain = a
			break
		}
	}
	hs := newHarness(t, &model.Library{Articles: []*model.Article{plain}}, 80, 24, Options{})
	hs.keys("enter", "]")
	if !strings.Contains(hs.line(23), "no sections") {
		t.Errorf("] on an article without headings says %q", hs.line(23))
	}
	hs.keys("t")
	if !strings.Contains(hs.line(23), "no sections") {
		t.Errorf("t on an article without headings says %q", hs.line(23))
	}
}

func TestHelpIsGenerated(t *testing.T) {
	hs := openFirst(t, sampleLibrary(t), 100, 30)
	hs.keys("?")
	screen := strings.Join(hs.screen(), "\n")
	for _, want := range []string{"next section", "contents", "search", "next match", "page down", "back"} {
		if !strings.Contains(screen, want) {
			t.Errorf("help lacks %q:\n%s", want, screen)
		}
	}
	hs.keys("j")
	if strings.Contains(strings.Join(hs.screen(), "\n"), "next match") {
		t.Error("a key did not close the help")
	}
}

func TestLongArticleSectionDigits(t *testing.T) {
	lib := sampleLibrary(t)
	long := longArticle(t, lib)
	hs := newHarness(t, &model.Library{Articles: []*model.Article{long}}, 80, 24, Options{OpenSingle: true})
	if hs.root().Screen() != "reader" {
		t.Fatal("a library of one article did not open straight into the reader")
	}
	hs.keys("9")
	if got := headingText(topLine(hs)); !strings.HasPrefix(got, "9.") {
		t.Errorf("9 goes to %q", got)
	}
	hs.keys("G")
	if !strings.Contains(hs.line(23), "100%") || !strings.Contains(hs.line(23), "22/22") {
		t.Errorf("footer at the end: %q", hs.line(23))
	}
	hs.keys("q")
	if hs.root().Screen() != "list" {
		t.Error("q did not show the list")
	}
}

func cut(s string, start, end int) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		w := displayWidth(string(r))
		if col >= start && col < end {
			b.WriteRune(r)
		}
		col += w
	}
	return b.String()
}

// openUnrendered opens a long article of the sample in a reader 80x10
// and returns the reader, nothing of the article laid out yet, and a
// function that gives the rendered message for its first lines lines
// (0 for all of it).
func openUnrendered(t *testing.T) (Reader, func(lines int) renderedMsg) {
	t.Helper()
	lib := sampleLibrary(t)
	long := longArticle(t, lib)
	m, err := New(Options{Style: "dark", Load: func() *model.Library { return lib }})
	if err != nil {
		t.Fatal(err)
	}
	m.reader.SetSize(80, 10)
	r, _ := m.reader.Open(long, -1, "")
	return r, func(lines int) renderedMsg {
		return renderedMsg{long, r.textWidth(), "dark", Render(long, r.textWidth(), m.c.Styles, lines)}
	}
}

// TestKeysWaitForTheWholeDocument presses ] while only the first screen of
// a long article is laid out: the jump happens when the rest arrives.
func TestKeysWaitForTheWholeDocument(t *testing.T) {
	r, rendered := openUnrendered(t)
	r, _ = r.Update(rendered(10))
	if r.Document().Complete {
		t.Fatal("the first-screen render is complete; the article is too short for this test")
	}
	r, _ = r.Update(keyMsg("5"))
	if r.CurrentSection() == 4 {
		t.Fatal("jumped before the document was laid out")
	}
	r, _ = r.Update(rendered(0))
	if r.CurrentSection() != 4 {
		t.Errorf("after the whole document arrived, section %d, want 4", r.CurrentSection())
	}
}

// TestKeysBeforeTheFirstScreen presses 5 before anything of the article
// is laid out ("Enter 5" typed together): the jump happens when the
// document arrives.
func TestKeysBeforeTheFirstScreen(t *testing.T) {
	r, rendered := openUnrendered(t)
	if r.Document() != nil {
		t.Fatal("the document is laid out on opening; this test needs it not to be")
	}
	r, _ = r.Update(keyMsg("5"))
	r, _ = r.Update(rendered(0))
	if r.CurrentSection() != 4 {
		t.Errorf("after the document arrived, section %d, want 4", r.CurrentSection())
	}
}

// TestScrollBackToAJump: after ] puts a heading near the end at the top,
// k then j comes back to it.
func TestScrollBackToAJump(t *testing.T) {
	hs := openFirst(t, sampleLibrary(t), 80, 40)
	hs.keys("3")
	at := hs.root().Reader().Offset()
	hs.keys("k", "j")
	if got := hs.root().Reader().Offset(); got != at {
		t.Errorf("k then j ends at line %d, the jump was to %d", got, at)
	}
}

// TestHelpFitsAndIsTrue: at 70 columns the reader's help still lists every
// binding, and the list's help leaves out what does not apply.
func TestHelpFitsAndIsTrue(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 70, 24, Options{})
	hs.keys("?")
	if screen := strings.Join(hs.screen(), "\n"); strings.Contains(screen, "load errors") || !strings.Contains(screen, "search all") {
		t.Errorf("list help:\n%s", screen)
	}
	hs.keys("?", "enter", "?")
	screen := strings.Join(hs.screen(), "\n")
	for _, want := range []string{"page down", "next section", "next match", "bookmark", "back", "quit"} {
		if !strings.Contains(screen, want) {
			t.Errorf("reader help at 70 columns lacks %q:\n%s", want, screen)
		}
	}
}

// A title guessed from a file's first line says so under it.
func TestGuessedTitleShown(t *testing.T) {
	a := &model.Article{Title: "The river rose overnight and reached the market hall.", TitleGuessed: true,
		Blocks: []model.Block{{Kind: model.Paragraph, Text: "The council opened the school."}}}
	a.Derive()
	hs := newHarness(t, &model.Library{Articles: []*model.Article{a}}, 100, 20, Options{OpenSingle: true})
	if s := strings.Join(hs.screen(), "\n"); !strings.Contains(s, "title guessed from the first line") {
		t.Errorf("the guess is not shown:\n%s", s)
	}
}

// D shows the lines recovery removed where they stood, marked, and hides
// them again; an article with none says so.
func TestShowRemoved(t *testing.T) {
	text := "# url = https://tin.example.vn/a.html\n# date = 2023-03-14\nGiá lúa tăng mạnh\n\nChia sẻ\n\nGiá lúa tại đồng bằng tăng thêm 300 đồng mỗi ký.\n\nThương lái cho biết nhu cầu xuất khẩu tăng.\n"
	a, err := articles.Parse("lua.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Dropped) != 3 {
		t.Fatalf("dropped %q, want the two header lines and the share line", a.Dropped)
	}
	hs := newHarness(t, &model.Library{Articles: []*model.Article{a}}, 80, 24, Options{OpenSingle: true})
	screen := func() string { return strings.Join(hs.screen(), "\n") }
	if strings.Contains(screen(), "Chia sẻ") {
		t.Fatalf("a removed line shows before D:\n%s", screen())
	}
	hs.keys("D")
	if !strings.Contains(footer(hs), "3 lines bao removed are shown where they were") {
		t.Errorf("D says %q", footer(hs))
	}
	s := screen()
	for _, want := range []string{"Lines bao removed are shown where they were", "✗ Chia sẻ", "✗ # url = https://tin.example.vn/a.html", "✗ # date = 2023-03-14"} {
		if !strings.Contains(s, want) {
			t.Errorf("after D the screen lacks %q:\n%s", want, s)
		}
	}
	// In its place: the share line stood between the title and the
	// first paragraph, the lead, so it comes above the lead.
	share, lead := strings.Index(s, "✗ Chia sẻ"), strings.Index(s, "Giá lúa tại đồng bằng")
	if share < 0 || lead < 0 || share > lead {
		t.Errorf("the share line is not in its place:\n%s", s)
	}
	hs.keys("D")
	if strings.Contains(screen(), "Chia sẻ") {
		t.Errorf("a second D left the removed lines:\n%s", screen())
	}

	// One line is one line.
	one, _ := articles.Parse("one.txt", []byte("Giá lúa tăng mạnh\n\nChia sẻ\n\nGiá lúa tại đồng bằng tăng thêm 300 đồng mỗi ký.\n"))
	hs = newHarness(t, &model.Library{Articles: []*model.Article{one}}, 80, 24, Options{OpenSingle: true})
	hs.keys("D")
	if !strings.Contains(footer(hs), "The line bao removed is shown where it was") {
		t.Errorf("D with one removed line says %q", footer(hs))
	}

	b, _ := articles.Parse("clean.txt", []byte("Giá lúa tăng mạnh\n\nGiá lúa tại đồng bằng tăng.\n"))
	hs = newHarness(t, &model.Library{Articles: []*model.Article{b}}, 80, 24, Options{OpenSingle: true})
	hs.keys("D")
	if !strings.Contains(footer(hs), "removed nothing") {
		t.Errorf("D on a whole article says %q", footer(hs))
	}
}

// Keys pressed while D's new layout is being made are not lost.
func TestKeysWhileRemovedLinesLayOut(t *testing.T) {
	text := "Giá lúa tăng mạnh\n\nChia sẻ\n\nGiá lúa tại đồng bằng tăng thêm 300 đồng mỗi ký.\n\n" + strings.Repeat("Thương lái cho biết nhu cầu xuất khẩu tăng.\n\n", 40)
	a, err := articles.Parse("lua.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, &model.Library{Articles: []*model.Article{a}}, 80, 24, Options{OpenSingle: true})
	layout := press(hs, "D") // the new layout is not made yet
	hs.keys("G")
	hs.run(layout)
	// The reader is at the article's end, with the removed lines below.
	if off, max := hs.root().Reader().Offset(), len(hs.root().Reader().Document().Lines); off < max/2 {
		t.Errorf("G pressed while the layout was made was lost: at line %d of %d", off, max)
	}
}

// TestKeysTypedAheadGoToTheScreenBroughtForward gives each key before the
// commands of the one before it have run, as when keys arrive together:
// Enter opens the article, q leaves it, and the second q quits from the
// list instead of going to the reader being left.
func TestKeysTypedAheadGoToTheScreenBroughtForward(t *testing.T) {
	h := newHarness(t, sampleLibrary(t), 100, 30, Options{})
	var cmd tea.Cmd
	for _, step := range []struct {
		key  string
		want string
	}{{"enter", "reader"}, {"q", "list"}, {"q", "list"}} {
		h.m, cmd = h.m.Update(keyMsg(step.key))
		if got := h.root().Screen(); got != step.want {
			t.Fatalf("after %s the screen in front is %s, want %s", step.key, got, step.want)
		}
	}
	if !quits(cmd) {
		t.Error("the second q, typed ahead, did not quit")
	}
}

// quits reports whether cmd, run, ends in tea.Quit.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	msg, ok := await(cmd)
	if !ok {
		return false
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return true
	}
	cmds, ok := sequence(msg)
	if b, isBatch := msg.(tea.BatchMsg); isBatch {
		cmds, ok = b, true
	}
	for _, c := range cmds {
		if ok && quits(c) {
			return true
		}
	}
	return false
}
