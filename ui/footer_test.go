package ui

import (
	"strings"
	"testing"

	"bao/model"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// footerCheck is what pressing a footer's key must do: it gets the
// harness at the screen the footer belongs to and says what went wrong.
type footerCheck func(hs *harness) string

// TestFootersDoWhatTheySay presses, on every screen, the first key of each
// binding its footer names, and checks that it does what the footer says.
// A footer naming a binding with no check here fails the test, so a new
// footer entry needs a check.
func TestFootersDoWhatTheySay(t *testing.T) {
	lib := manual(t, 30)
	for i, name := range []string{"Second manual", "Third manual"} {
		a := *lib.Articles[0]
		a.ID, a.Title = name, name
		// Two feeds for the feeds-and-sources view.
		a.Feed = []string{"River Times", "Đà Lạt Daily"}[i]
		a.Derive()
		lib.Articles = append(lib.Articles, &a)
	}
	lib.Errors = []model.LoadError{{Path: "broken.txt", Err: errString("cannot be read")}, {Path: "other.txt", Err: errString("empty")}}
	screens := []struct {
		name  string
		open  func(hs *harness)
		keys  func(hs *harness) []key.Binding
		after map[string]footerCheck
	}{
		{"list", func(hs *harness) { hs.keys("j") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"up":     func(hs *harness) string { return want(hs.root().list.list.Index() == 0, "k did not move up") },
				"down":   func(hs *harness) string { return want(hs.root().list.list.Index() == 2, "j did not move down") },
				"filter": func(hs *harness) string { return want(hs.root().list.list.SettingFilter(), "/ did not start a filter") },
				"read": func(hs *harness) string {
					return want(hs.root().Screen() == "reader", "enter did not open the article")
				},
				"sort": func(hs *harness) string {
					return want(strings.Contains(strings.Join(hs.screen(), "\n"), "by title"), "s did not sort by title")
				},
				"by feed": func(hs *harness) string {
					return want(hs.root().Screen() == "sources", "g did not show the feeds and sources")
				},
				"search all": func(hs *harness) string {
					return want(hs.root().Screen() == "search", "ctrl+f did not open the search")
				},
				"more": func(hs *harness) string { return want(hs.root().list.list.Help.ShowAll, "? did not show all the keys") },
			}},
		{"reader", func(hs *harness) { hs.keys("enter") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"sections": func(hs *harness) string {
					return want(strings.Contains(footer(hs), "§ 1/30"), "] did not go to the first section")
				},
				"contents": func(hs *harness) string { return want(hs.root().reader.tocOpen, "t did not open the contents") },
				"links":    func(hs *harness) string { return want(hs.root().reader.linksOpen, "l did not open the links") },
				"search":   func(hs *harness) string { return want(hs.root().reader.search.Typing(), "/ did not start a search") },
				"help":     func(hs *harness) string { return want(hs.root().reader.showHelp, "? did not show the help") },
				"back":     func(hs *harness) string { return want(hs.root().Screen() == "list", "q did not go back to the list") },
			}},
		{"contents", func(hs *harness) { hs.keys("enter", "t") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"go there": func(hs *harness) string {
					return want(!hs.root().reader.tocOpen, "enter did not leave the contents")
				},
				"filter": func(hs *harness) string { return want(hs.root().reader.toc.filtering, "/ did not start a filter") },
				"close":  func(hs *harness) string { return want(!hs.root().reader.tocOpen, "esc did not close") },
			}},
		{"links", func(hs *harness) { hs.keys("enter", "l") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"open": func(hs *harness) string {
					return want(strings.Contains(footer(hs), "your own browser"), "enter said nothing of the link")
				},
				"copy":   func(hs *harness) string { return want(strings.Contains(footer(hs), "copied"), "y did not copy") },
				"filter": func(hs *harness) string { return want(hs.root().reader.links.filtering, "/ did not start a filter") },
				"close":  func(hs *harness) string { return want(!hs.root().reader.linksOpen, "esc did not close") },
			}},
		{"errors", func(hs *harness) { hs.keys("e") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"back": func(hs *harness) string { return want(hs.root().Screen() == "list", "q did not go back") },
				"down": func(hs *harness) string { return want(hs.root().errs.offset == 1, "j did not scroll") },
				"up":   func(hs *harness) string { return want(hs.root().errs.offset == 0, "k did not stay at the top") },
			}},
		{"sources", func(hs *harness) { hs.keys("g", "down") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"up":   func(hs *harness) string { return want(hs.root().sources.cursor == 0, "k did not move up") },
				"down": func(hs *harness) string { return want(hs.root().sources.cursor == 2, "j did not move down") },
				"list only these": func(hs *harness) string {
					return want(hs.root().Screen() == "list" && hs.root().list.sourceOnly, "enter did not limit the list")
				},
				"back": func(hs *harness) string { return want(hs.root().Screen() == "list", "esc did not go back") },
			}},
		{"library search", func(hs *harness) { hs.keys("ctrl+f"); hs.typeText("part"); hs.keys("down") },
			func(hs *harness) []key.Binding { return front(hs).ShortHelp() },
			map[string]footerCheck{
				"previous result": func(hs *harness) string {
					return want(hs.root().search.cursor == 0, "↑ did not go to the first result")
				},
				"next result": func(hs *harness) string {
					return want(hs.root().search.cursor == 2, "↓ did not go to the third result")
				},
				"read there": func(hs *harness) string {
					r := hs.root().Reader()
					return want(hs.root().Screen() == "reader" && r.Article().Title == "Second manual" && r.CurrentSection() == 2,
						"enter did not open the second result at its section")
				},
				"back": func(hs *harness) string { return want(hs.root().Screen() == "list", "esc did not go back") },
			}},
	}
	opts := Options{Index: everyArticle{lib}}
	for _, sc := range screens {
		hs := newHarness(t, lib, 100, 30, opts)
		sc.open(hs)
		for _, b := range sc.keys(hs) {
			if !b.Enabled() {
				continue
			}
			desc := b.Help().Desc
			check, ok := sc.after[desc]
			if !ok {
				t.Errorf("%s: the footer names %q (%s) and the test has no check for it", sc.name, desc, b.Help().Key)
				continue
			}
			hs := newHarness(t, lib, 100, 30, opts)
			sc.open(hs)
			if !strings.Contains(strings.Join(hs.screen(), "\n"), b.Help().Key+" "+desc) {
				t.Errorf("%s: %q is not on the screen:\n%s", sc.name, b.Help().Key+" "+desc, strings.Join(hs.screen(), "\n"))
			}
			hs.keys(b.Keys()[0])
			if msg := check(hs); msg != "" {
				t.Errorf("%s: %s", sc.name, msg)
			}
		}
	}
}

func want(ok bool, msg string) string {
	if ok {
		return ""
	}
	return msg
}

type errString string

func (e errString) Error() string { return string(e) }

// front is the screen in front of the harness's root.
func front(hs *harness) Component {
	m := hs.root()
	return m.front()
}

// everyArticle is an index that finds every article of its library, at
// its third section, whatever the query.
type everyArticle struct{ lib *model.Library }

func (everyArticle) Sync(*model.Library, func(*model.Article) (*model.Article, error)) (int, int, error) {
	return 0, 0, nil
}

func (e everyArticle) Search(string, int) ([]model.Hit, error) {
	var hits []model.Hit
	for _, a := range e.lib.Articles {
		hits = append(hits, model.Hit{ID: a.ID, Section: 2})
	}
	return hits, nil
}

// TestEveryScreenTakesItsSize resizes the terminal while each screen is in
// front and checks that the screen laid itself out for the new size: its
// footer is on the last line, not cut off below it.
func TestEveryScreenTakesItsSize(t *testing.T) {
	lib := manual(t, 30)
	lib.Errors = []model.LoadError{{Path: strings.Repeat("long/", 30) + "broken.txt", Err: errString("cannot be read")}}
	for _, sc := range []struct {
		name string
		open func(hs *harness)
	}{
		{"list", func(hs *harness) {}},
		{"reader", func(hs *harness) { hs.keys("enter") }},
		{"contents", func(hs *harness) { hs.keys("enter", "t") }},
		{"errors", func(hs *harness) { hs.keys("e") }},
		{"library search", func(hs *harness) { hs.keys("ctrl+f") }},
		{"sources", func(hs *harness) { hs.keys("g") }},
	} {
		hs := newHarness(t, lib, 100, 30, Options{Index: everyArticle{lib}})
		sc.open(hs)
		hs.send(tea.WindowSizeMsg{Width: 50, Height: 12})
		s := hs.screen()
		if len(s) != 12 && sc.name != "errors" {
			t.Errorf("%s: %d lines at height 12", sc.name, len(s))
		}
		text := strings.Join(s, "\n")
		for _, b := range front(hs).ShortHelp()[:1] {
			if !strings.Contains(text, b.Help().Key) {
				t.Errorf("%s at 50×12: the footer's first key %q is not on screen:\n%s", sc.name, b.Help().Key, text)
			}
		}
		if sc.name == "errors" && !strings.Contains(text, "…") {
			t.Errorf("errors at 50×12: the long path is not cut at the new width:\n%s", text)
		}
	}
}
