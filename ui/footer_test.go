package ui

import (
	"strings"
	"testing"

	"bao/model"

	"charm.land/bubbles/v2/key"
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
	for _, name := range []string{"Second manual", "Third manual"} {
		a := *lib.Articles[0]
		a.ID, a.Title = name, name
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
			func(hs *harness) []key.Binding { return hs.root().list.list.ShortHelp() },
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
				"search all articles": func(hs *harness) string {
					return want(hs.root().Screen() == "search", "ctrl+f did not open the search")
				},
				"more": func(hs *harness) string { return want(hs.root().list.list.Help.ShowAll, "? did not show all the keys") },
			}},
		{"reader", func(hs *harness) { hs.keys("enter") },
			func(hs *harness) []key.Binding { return hs.root().reader.keys.ShortHelp() },
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
			func(hs *harness) []key.Binding { return hs.root().reader.toc.keys.ShortHelp() },
			map[string]footerCheck{
				"go there": func(hs *harness) string {
					return want(!hs.root().reader.tocOpen, "enter did not leave the contents")
				},
				"filter": func(hs *harness) string { return want(hs.root().reader.toc.filtering, "/ did not start a filter") },
				"close":  func(hs *harness) string { return want(!hs.root().reader.tocOpen, "esc did not close") },
			}},
		{"links", func(hs *harness) { hs.keys("enter", "l") },
			func(hs *harness) []key.Binding { return hs.root().reader.links.keys.ShortHelp() },
			map[string]footerCheck{
				"open": func(hs *harness) string {
					return want(strings.Contains(footer(hs), "your own browser"), "enter said nothing of the link")
				},
				"copy":   func(hs *harness) string { return want(strings.Contains(footer(hs), "copied"), "y did not copy") },
				"filter": func(hs *harness) string { return want(hs.root().reader.links.filtering, "/ did not start a filter") },
				"close":  func(hs *harness) string { return want(!hs.root().reader.linksOpen, "esc did not close") },
			}},
		{"errors", func(hs *harness) { hs.keys("e") },
			func(hs *harness) []key.Binding { return hs.root().errs.keys.ShortHelp() },
			map[string]footerCheck{
				"back": func(hs *harness) string { return want(hs.root().Screen() == "list", "q did not go back") },
				"down": func(hs *harness) string { return want(hs.root().errs.offset == 1, "j did not scroll") },
				"up":   func(hs *harness) string { return want(hs.root().errs.offset == 0, "k did not stay at the top") },
			}},
		{"library search", func(hs *harness) { hs.keys("ctrl+f") },
			func(hs *harness) []key.Binding { return hs.root().search.keys.ShortHelp() },
			map[string]footerCheck{
				"previous result": func(hs *harness) string { return want(hs.root().Screen() == "search", "↑ left the search") },
				"next result":     func(hs *harness) string { return want(hs.root().Screen() == "search", "↓ left the search") },
				"read there": func(hs *harness) string {
					return want(hs.root().Screen() == "search", "enter with no result left the search")
				},
				"back": func(hs *harness) string { return want(hs.root().Screen() == "list", "esc did not go back") },
			}},
	}
	for _, sc := range screens {
		hs := newHarness(t, lib, 100, 30, Options{})
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
			hs := newHarness(t, lib, 100, 30, Options{})
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
