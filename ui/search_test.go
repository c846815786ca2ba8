package ui

import (
	"context"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// bigParagraph is an article of one paragraph of about size bytes in
// which "n" matches hundreds of thousands of times.
func bigParagraph(t *testing.T, size int) *model.Library {
	t.Helper()
	text := "Tiêu đề\n\n" + strings.Repeat("anh nói năng nhẹ nhàng ", size/30) + "\n"
	a, err := articles.Parse("big.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return &model.Library{Articles: []*model.Article{a}}
}

// press delivers one key to the root without running the command it
// returns.
func press(hs *harness, k string) tea.Cmd {
	var cmd tea.Cmd
	hs.m, cmd = hs.m.Update(keyMsg(k))
	return cmd
}

// The search runs in a command: the key that starts it returns at once,
// and the matches arrive as a message.
func TestSearchRunsOffTheUILoop(t *testing.T) {
	hs := newHarness(t, bigParagraph(t, 1<<20), 100, 30, Options{OpenSingle: true})
	hs.keys("/", "n")
	cmd := press(hs, "enter")
	press(hs, "n") // before the matches arrive
	r := hs.root().Reader()
	if r.search.Matches() != 0 || !strings.Contains(hs.line(29), "searching") {
		t.Fatalf("enter returned with %d matches and footer %q; the search ran on the UI loop", r.search.Matches(), hs.line(29))
	}
	hs.run(cmd)
	n := hs.root().Reader().search.Matches()
	if n < 100000 {
		t.Fatalf("%d matches of n", n)
	}
	if !strings.Contains(strings.Join(hs.screen(), "\n"), "match 1 of "+itoa(n)) {
		t.Errorf("no jump to the first match:\n%s", strings.Join(hs.screen(), "\n"))
	}
}

// A search still running when the session's context ends stops without a
// result, and one cleared before it ends is dropped.
func TestSearchStopsWithTheSession(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	hs := newHarness(t, bigParagraph(t, 1<<20), 100, 30, Options{OpenSingle: true, Context: ctx})
	hs.keys("/", "n")
	cmd := press(hs, "enter")
	cancel()
	if msg := cmd(); msg != nil {
		t.Errorf("a search whose session ended returned %T", msg)
	}

	hs = newHarness(t, bigParagraph(t, 1<<20), 100, 30, Options{OpenSingle: true})
	hs.keys("/", "n")
	cmd = press(hs, "enter")
	hs.keys("esc") // clears the search
	hs.run(cmd)
	if n := hs.root().Reader().search.Matches(); n != 0 {
		t.Errorf("a cleared search still shows %d matches", n)
	}
}

// A phrase is counted once however the lines wrap, in paragraphs, list
// items and quotes alike, so the count is the same at every width; after a
// resize, n goes on from the match that was current.
func TestSearchCountsTheText(t *testing.T) {
	phrase := "anh nói năng nhẹ nhàng "
	md := "# Tiêu đề\n\n" + strings.Repeat(phrase, 200) + "\n\n- " + strings.Repeat(phrase, 20) +
		"\n- one\n\n> " + strings.Repeat(phrase, 20) + "\n"
	a, err := articles.Parse("wrap.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	lib := &model.Library{Articles: []*model.Article{a}}
	const want = 240
	split := 0
	for w := 30; w <= 130; w += 7 {
		hs := newHarness(t, lib, w, 20, Options{OpenSingle: true})
		hs.keys("/")
		hs.typeText("nhe nhang")
		hs.keys("enter")
		s := hs.root().Reader().search
		if s.Matches() != want {
			t.Errorf("width %d: %d matches, want %d", w, s.Matches(), want)
		}
		if len(s.pieces) > len(s.starts) {
			split++
		}
	}
	if split == 0 {
		t.Fatal("no width wrapped a match over two lines; the test shows nothing")
	}

	hs := newHarness(t, lib, 60, 20, Options{OpenSingle: true})
	hs.keys("/")
	hs.typeText("nhe nhang")
	hs.keys("enter", "n", "n", "n")
	if f := footer(hs); !strings.Contains(f, "match 4 of 240") {
		t.Fatalf("after three n: %q", f)
	}
	hs.send(teaSize(97, 25))
	hs.keys("n")
	if f := footer(hs); !strings.Contains(f, "match 5 of 240") {
		t.Errorf("n after a resize: %q, want match 5 of 240", f)
	}
}
