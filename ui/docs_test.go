package ui

import (
	"fmt"
	"strings"
	"testing"

	"bao/articles"
	"bao/model"
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
