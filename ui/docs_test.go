package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// manual is a Markdown document with many short sections, as a manual
// has, each with a link.
func manual(t *testing.T, sections int) *model.Library { return manualWith(t, sections, true) }

// manualWith makes the manual with or without links.
func manualWith(t *testing.T, sections int, links bool) *model.Library {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Manual\n\nHow to use the tool.\n\n")
	for i := 1; i <= sections; i++ {
		if links {
			fmt.Fprintf(&b, "## Part %03d\n\nSee [page %d](https://example.org/p/%d) for part %d.\n\n", i, i, i, i)
		} else {
			fmt.Fprintf(&b, "## Part %03d\n\nSee page %d for part %d.\n\n", i, i, i)
		}
	}
	a, err := articles.Parse("manual.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return &model.Library{Articles: []*model.Article{a}}
}

func footer(hs *harness) string {
	s := hs.screen()
	return s[len(s)-1]
}

func TestLastSectionStaysLast(t *testing.T) {
	// Without links, the last screen holds the last five sections.
	hs := openFirst(t, manualWith(t, 60, false), 80, 24)
	hs.keys("G")
	if !strings.Contains(footer(hs), "§ 60/60") {
		t.Fatalf("G: footer %q", footer(hs))
	}
	hs.keys("]")
	if f := footer(hs); !strings.Contains(f, "§ 60/60") || !strings.Contains(f, "last section") {
		t.Errorf("] on the last section: footer %q", f)
	}
	// Walking the last sections one by one reaches each.
	hs.keys("g")
	for i := 1; i <= 60; i++ {
		hs.keys("]")
		if want := fmt.Sprintf("§ %d/60", i); !strings.Contains(footer(hs), want) {
			t.Fatalf("after %d presses of ]: footer %q, want %s", i, footer(hs), want)
		}
	}
	for i := 59; i >= 1; i-- {
		hs.keys("[")
		if want := fmt.Sprintf("§ %d/60", i); !strings.Contains(footer(hs), want) {
			t.Fatalf("[ back to %d: footer %q", i, footer(hs))
		}
	}
}

// tocSelected returns the selected line of the contents.
func tocSelected(hs *harness) string {
	for _, l := range hs.screen() {
		if strings.Contains(l, "›") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

func TestContentsOfALongDocument(t *testing.T) {
	hs := openFirst(t, manual(t, 200), 80, 24)
	hs.keys("t")
	if !strings.Contains(tocSelected(hs), "(start)") {
		t.Fatalf("contents open on %q", tocSelected(hs))
	}
	hs.keys("G")
	if !strings.Contains(tocSelected(hs), "Part 200") {
		t.Errorf("G selects %q", tocSelected(hs))
	}
	hs.keys("g", "pgdown")
	first := tocSelected(hs)
	if strings.Contains(first, "(start)") || first == "" {
		t.Errorf("pgdown selects %q", first)
	}
	hs.keys("pgup")
	if !strings.Contains(tocSelected(hs), "(start)") {
		t.Errorf("pgup selects %q", tocSelected(hs))
	}
	hs.keys("/")
	hs.typeText("part 150")
	hs.keys("enter")
	if !strings.Contains(tocSelected(hs), "Part 150") {
		t.Fatalf("filter: selects %q; screen:\n%s", tocSelected(hs), strings.Join(hs.screen(), "\n"))
	}
	hs.keys("enter")
	if !strings.Contains(footer(hs), "§ 150/200") || !strings.Contains(topLine(hs), "Part 150") {
		t.Errorf("enter on a filtered entry: top %q footer %q", topLine(hs), footer(hs))
	}
	// Opened again, the contents show the current section, selected.
	hs.keys("t")
	if !strings.Contains(tocSelected(hs), "Part 150") {
		t.Errorf("reopened on %q", tocSelected(hs))
	}
}

func TestLinkList(t *testing.T) {
	var opened []string
	lib := manual(t, 30)
	hs := newHarness(t, lib, 80, 24, Options{OpenURL: func(u string) error { opened = append(opened, u); return nil }})
	hs.keys("enter")
	hs.keys("l")
	scr := strings.Join(hs.screen(), "\n")
	if !strings.Contains(scr, "Links (30)") || !strings.Contains(scr, "[1] page 1 — https://example.org/p/1") {
		t.Fatalf("link list:\n%s", scr)
	}
	hs.keys("/")
	hs.typeText("page 17")
	hs.keys("enter", "enter")
	if len(opened) != 1 || opened[0] != "https://example.org/p/17" {
		t.Errorf("opened %q", opened)
	}
	if !strings.Contains(footer(hs), "Opened link 17") {
		t.Errorf("footer %q", footer(hs))
	}
	hs.keys("esc", "esc")
	if strings.Contains(strings.Join(hs.screen(), "\n"), "Links (30)") {
		t.Errorf("esc did not close the list")
	}
}

func TestLinkListOverSSHOpensNothing(t *testing.T) {
	hs := openFirst(t, manual(t, 3), 80, 24) // no OpenURL, as over SSH
	hs.keys("l", "j", "enter")
	scr := strings.Join(hs.screen(), "\n")
	if !strings.Contains(scr, "https://example.org/p/2") || !strings.Contains(footer(hs), "your own browser") {
		t.Errorf("over SSH, enter should show the address:\n%s", scr)
	}
}

func TestLinkNumbersInText(t *testing.T) {
	hs := openFirst(t, manual(t, 3), 80, 24)
	scr := strings.Join(hs.screen(), "\n")
	if !strings.Contains(scr, "See page 1[1] for part 1.") {
		t.Errorf("no reference number after the link:\n%s", scr)
	}
}

// TestPartialArticle opens the head of a large file, as bao FILE does, and
// checks that the whole replaces it at the same place and that keys that
// need the whole wait for it.
func TestPartialArticle(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Long\n\nIntro.\n\n")
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "## Part %03d\n\nText of part %d.\n\n", i, i)
	}
	path := t.TempDir() + "/long.md"
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := articles.Options{Head: 1 << 10}
	head, err := articles.ReadFile(path, opts)
	if err != nil || !head.Partial {
		t.Fatalf("head: %v", err)
	}
	lib := &model.Library{Articles: []*model.Article{head}}
	reloads := 0
	hs := newHarness(t, lib, 80, 24, Options{OpenSingle: true, Reload: func(a *model.Article) (*model.Article, error) {
		reloads++
		return articles.Reload(a, opts)
	}})
	if hs.root().Screen() != "reader" || reloads != 1 {
		t.Fatalf("screen %s, %d reloads", hs.root().Screen(), reloads)
	}
	if a := hs.root().reader.Article(); a.Partial || len(a.Sections) != 300 {
		t.Fatalf("the reader shows a partial article with %d sections", len(a.Sections))
	}
	hs.keys("G")
	if !strings.Contains(footer(hs), "§ 300/300") {
		t.Errorf("G: %q", footer(hs))
	}
	hs.keys("q")
	if !strings.Contains(strings.Join(hs.screen(), "\n"), "300 sections") {
		t.Errorf("the list does not show the whole article:\n%s", strings.Join(hs.screen(), "\n"))
	}
}

// TestPartialArticleWaits checks the reader on a head alone: the first
// screen is there, and a key that needs the whole is held, not applied to
// the head.
func TestPartialArticleWaits(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Long\n\nIntro.\n\n")
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "## Part %03d\n\nText of part %d.\n\n", i, i)
	}
	head, err := articles.ParseHead("long.md", []byte(b.String()), 1<<10)
	if err != nil || !head.Partial {
		t.Fatal(err)
	}
	c := &Common{Styles: benchStyles(nil), ReadWidth: 80, Cache: NewRenderCache(4)}
	r := NewReader(c)
	r, cmd := r.Open(head, -1, "")
	m := tea.Model(readerModel{r})
	runCmd(&m, cmd, 0)
	r = m.(readerModel).r
	if !strings.Contains(r.View(), "Intro.") {
		t.Fatalf("no first screen:\n%s", r.View())
	}
	r, _ = r.Update(keyMsg("G"))
	if r.Offset() != 0 || !strings.Contains(r.View(), "Laying out") {
		t.Errorf("G on a head moved to %d:\n%s", r.Offset(), r.View())
	}
}

// readerModel runs a lone reader as a Bubble Tea model.
type readerModel struct{ r Reader }

func (m readerModel) Init() tea.Cmd { return nil }
func (m readerModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.r, cmd = m.r.Update(msg)
	return m, cmd
}
func (m readerModel) View() tea.View { return tea.NewView(m.r.View()) }

// TestSuspend checks that ctrl+z suspends a local reader and does nothing
// over SSH, where there is no shell to go back to.
func TestSuspend(t *testing.T) {
	for _, local := range []bool{true, false} {
		hs := newHarness(t, manual(t, 3), 80, 24, Options{Suspend: local})
		_, cmd := hs.m.Update(keyMsg("ctrl+z"))
		var msg tea.Msg
		if cmd != nil {
			msg = cmd()
		}
		if _, ok := msg.(tea.SuspendMsg); ok != local {
			t.Errorf("suspend allowed %v: ctrl+z gave %T", local, msg)
		}
	}
}

// TestNoLineOpensWithADash wraps text with dashes at every width and
// checks that no line starts with an en or em dash.
func TestNoLineOpensWithADash(t *testing.T) {
	text := "Hà Nội — thủ đô ngàn năm văn hiến – nơi hội tụ tinh hoa — đón chào du khách bốn phương – và bạn bè quốc tế — mỗi mùa thu"
	for width := 8; width <= 60; width++ {
		ranges := wrapRanges(text, width)
		var words []string
		for _, l := range ranges {
			line := text[l.start:l.end]
			if startsWithDash(line) {
				t.Errorf("width %d: line %q opens with a dash", width, line)
			}
			if cellWidth(line) > width {
				t.Errorf("width %d: line %q is %d wide", width, line, cellWidth(line))
			}
			words = append(words, strings.Fields(line)...)
		}
		if strings.Join(words, " ") != text {
			t.Fatalf("width %d: words changed: %q", width, strings.Join(words, " "))
		}
	}
}

// TestNextArticle reads through a filtered list with J and K.
func TestNextArticle(t *testing.T) {
	lib := manual(t, 3)
	for _, name := range []string{"Second manual", "Third manual", "Other"} {
		a := *lib.Articles[0]
		a.ID, a.Title = name, name
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	hs := newHarness(t, lib, 80, 24, Options{})
	filter(hs, "manual")
	hs.keys("enter")
	title := func() string { return hs.root().reader.Article().Title }
	if title() != "Manual" {
		t.Fatalf("opened %q", title())
	}
	hs.keys("J")
	if title() != "Second manual" {
		t.Errorf("J opened %q", title())
	}
	hs.keys("J", "J")
	if title() != "Third manual" || !strings.Contains(footer(hs), "last article") {
		t.Errorf("J past the filtered list: %q, footer %q", title(), footer(hs))
	}
	hs.keys("K")
	if title() != "Second manual" {
		t.Errorf("K opened %q", title())
	}
	hs.keys("q")
	if sel := hs.root().list.list.SelectedItem(); sel == nil || sel.(item).a.Title != "Second manual" {
		t.Errorf("back in the list, the selection is not the article read last")
	}
}

// TestFinishedArticleStartsAtTheTop reads an article to the end, leaves it
// and opens it again: it opens at the top and says why; one left halfway
// opens where it was left.
func TestFinishedArticleStartsAtTheTop(t *testing.T) {
	hs := newHarness(t, manual(t, 40), 80, 24, Options{})
	hs.keys("enter", "G", "q", "enter")
	if r := hs.root().reader; r.Offset() != 0 || !strings.Contains(footer(hs), "read this to the end") {
		t.Errorf("reopened at %d, footer %q", r.Offset(), footer(hs))
	}
	hs.keys("5", "q", "enter")
	if r := hs.root().reader; r.Offset() == 0 || !strings.Contains(footer(hs), "§ 5/40") {
		t.Errorf("halfway: reopened at %d, footer %q", r.Offset(), footer(hs))
	}
}

// TestHelpKeyAtEveryWidth checks that the reader's footer names ? help at
// every width from 30 to 200 columns.
func TestHelpKeyAtEveryWidth(t *testing.T) {
	hs := openFirst(t, manual(t, 3), 80, 24)
	for w := 30; w <= 200; w += 7 {
		hs.send(teaSize(w, 24))
		if f := footer(hs); !strings.Contains(f, "? help") {
			t.Errorf("%d columns: footer %q", w, f)
		}
	}
}

// TestStatusNotCut shows a long message in a narrow window: the footer
// gives it the position's room rather than cut it.
func TestStatusNotCut(t *testing.T) {
	hs := openFirst(t, manual(t, 3), 60, 20)
	hs.keys("G", "]")
	if f := footer(hs); !strings.Contains(f, "Already at the last section.") {
		t.Errorf("footer %q", f)
	}
	hs.send(teaSize(34, 20))
	hs.keys("]")
	if f := footer(hs); !strings.Contains(f, "Already at the last section.") {
		t.Errorf("34 columns: footer %q", f)
	}
}

// TestListHelpKeyAtEveryWidth checks the same of the list's footer, "?
// more", filtered or not, with the widest key names (ctrl+f/S) kept while
// they fit.
func TestListHelpKeyAtEveryWidth(t *testing.T) {
	hs := newHarness(t, sampleLibrary(t), 80, 24, Options{})
	for _, filtered := range []bool{false, true} {
		if filtered {
			filter(hs, "ha")
		}
		for w := 40; w <= 200; w += 7 {
			hs.send(teaSize(w, 24))
			f := footer(hs)
			if !strings.Contains(f, "? more") {
				t.Errorf("%d columns (filtered %v): footer %q", w, filtered, f)
			}
			if w >= 120 && !strings.Contains(f, "search all") {
				t.Errorf("%d columns (filtered %v): footer %q lacks the library search", w, filtered, f)
			}
		}
	}
}

// A heading that carries its own number is not numbered again in the
// contents ("1. Ditch the diet", not "1. 1. Ditch the diet"); the digit
// still jumps there, and a heading without a number keeps its digit.
func TestContentsOfNumberedHeadings(t *testing.T) {
	a, err := articles.Parse("tips.md", []byte("# Tips\n\nA few tips.\n\n## 1. Ditch the diet\n\nEat well.\n\n"+
		"## 2) Sleep more\n\nEight hours.\n\n## Why it works\n\nIt just does.\n"))
	if err != nil {
		t.Fatal(err)
	}
	hs := openFirst(t, &model.Library{Articles: []*model.Article{a}}, 80, 24)
	hs.keys("t")
	scr := strings.Join(hs.screen(), "\n")
	for _, want := range []string{" 1. Ditch the diet", " 2) Sleep more", "3. Why it works"} {
		if !strings.Contains(scr, want) {
			t.Errorf("contents lack %q:\n%s", want, scr)
		}
	}
	for _, not := range []string{"1. 1. Ditch", "2. 2) Sleep"} {
		if strings.Contains(scr, not) {
			t.Errorf("contents show %q:\n%s", not, scr)
		}
	}
	hs.keys("2")
	if !strings.Contains(topLine(hs), "Sleep more") {
		t.Errorf("2 goes to %q", topLine(hs))
	}
}

// Headings numbered past the digits' reach line up with those before.
func TestContentsOfNumberedHeadingsPastNine(t *testing.T) {
	var doc strings.Builder
	doc.WriteString("# Eleven tips\n\nA list.\n")
	for n := 1; n <= 11; n++ {
		fmt.Fprintf(&doc, "\n## %d. Tip number %d\n\nText.\n", n, n)
	}
	a, err := articles.Parse("tips.md", []byte(doc.String()))
	if err != nil {
		t.Fatal(err)
	}
	hs := openFirst(t, &model.Library{Articles: []*model.Article{a}}, 80, 30)
	hs.keys("t")
	col := map[string]int{}
	for _, line := range hs.screen() {
		for _, h := range []string{"1. Tip number 1", "9. Tip number 9", "10. Tip number 10"} {
			if i := strings.Index(line, h); i >= 0 && strings.HasSuffix(strings.TrimRight(line, " "), h) {
				col[h] = ansi.StringWidth(line[:i])
			}
		}
	}
	if len(col) != 3 || col["1. Tip number 1"] != col["10. Tip number 10"] || col["9. Tip number 9"] != col["10. Tip number 10"] {
		t.Errorf("numbered headings start at columns %v:\n%s", col, strings.Join(hs.screen(), "\n"))
	}
}
