package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// fidelityRow is one construct of the README's fidelity table: a piece of
// Markdown and what a faithful rendering of it shows. Both glow's renderer
// (Glamour, dark style, 80 columns) and bao (cat --color=always --style
// dark --width 80) are run on it, and the README's "yes"/"no" for each
// must match what the check finds.
type fidelityRow struct {
	name, md string
	// check is given the output without styling and with it.
	check func(plain, styled string) bool
}

var fidelityRows = []fidelityRow{
	{"Code block keeps its lines", "# T\n\n```\nline one\nline two\n```\n",
		func(p, _ string) bool { return hasLine(p, "line one") && hasLine(p, "line two") }},
	{"Code inside a list item", "# T\n\n- Upgrade all three together:\n\n  ```sh\n  go get example.com/a@latest\n  ```\n",
		func(p, _ string) bool { return strings.Contains(p, "go get example.com/a@latest") }},
	{"Tab-indented code stays code", "# T\n\nText.\n\n\tfirst := 1\n\tsecond := 2\n",
		func(p, _ string) bool { return hasLine(p, "first := 1") && hasLine(p, "second := 2") }},
	{"Code is highlighted", "# T\n\n```go\nfunc main() {}\n```\n",
		func(_, s string) bool {
			return strings.Count(s, "\x1b[") > 4 && strings.Contains(ansi.Strip(s), "func main() {}")
		}},
	{"Table as a grid", "# T\n\n| Name | Age |\n|---|--:|\n| An | 31 |\n| Bình | 27 |\n",
		func(p, _ string) bool { return gridRow(p, "An", "31") && gridRow(p, "Bình", "27") }},
	{"Table wider than the screen: no word cut", "# T\n\n| A | B | C |\n|---|---|---|\n| " + strings.Repeat("alpha ", 12) + "| " + strings.Repeat("bravo ", 12) + "| " + strings.Repeat("charlie ", 12) + "|\n",
		func(p, _ string) bool {
			return wordsIntact(p, "alpha", 12) && wordsIntact(p, "bravo", 12) && wordsIntact(p, "charlie", 12)
		}},
	{"Link URL shown or listed", "# T\n\nSee [the guide](https://example.com/guide/path).\n",
		func(p, _ string) bool { return strings.Contains(p, "https://example.com/guide/path") }},
	{"Links are terminal hyperlinks (OSC 8)", "# T\n\nSee [the guide](https://example.com/guide).\n",
		func(_, s string) bool { return strings.Contains(s, "\x1b]8;") }},
	{"Emphasis and strong styled", "# T\n\nSome *soft* and **loud** words.\n",
		func(_, s string) bool { return hasSGR(s, "3", "soft") && hasSGR(s, "1", "loud") }},
	{"Strikethrough styled", "# T\n\nIt was ~~wrong~~ right.\n",
		func(_, s string) bool { return hasSGR(s, "9", "wrong") }},
	{"Ordered list keeps its numbers", "# T\n\n3. three\n4. four\n",
		func(p, _ string) bool { return strings.Contains(p, "3. three") && strings.Contains(p, "4. four") }},
	{"Nested list indented", "# T\n\n- parent\n  - child\n",
		func(p, _ string) bool { return indentOf(p, "child") > indentOf(p, "parent") }},
	{"Task list shows boxes, not [x]", "# T\n\n- [x] done\n- [ ] todo\n",
		func(p, _ string) bool { return !strings.Contains(p, "[x]") && strings.Contains(p, "done") }},
	{"Nested quotes show their depth", "# T\n\n> outer\n>\n> > inner\n",
		func(p, _ string) bool { return barsBefore(p, "inner") > barsBefore(p, "outer") }},
	{"Horizontal rule drawn", "# T\n\nabove\n\n---\n\nbelow\n",
		func(p, _ string) bool { return regexp.MustCompile(`(?m)^\s*[─-]{3,}\s*$`).MatchString(p) }},
	{"Text of an HTML block kept", "<p align=\"center\">A tagline in HTML</p>\n\n# T\n\nText.\n",
		func(p, _ string) bool { return strings.Contains(p, "A tagline in HTML") }},
	{"Entities and escapes decoded", "# T\n\n500&nbsp;MB and \\*may\\*.\n",
		func(p, _ string) bool { return strings.Contains(p, "500\u00a0MB") && strings.Contains(p, "*may*") }},
	{"Footnotes shown", "# T\n\nA claim[^1].\n\n[^1]: The source.\n",
		func(p, _ string) bool { return strings.Contains(p, "The source.") }},
	{"Definition list kept", "# T\n\nTerm\n:   Its meaning.\n",
		func(p, _ string) bool { return strings.Contains(p, "Term") && strings.Contains(p, "Its meaning.") }},
	{"Front-matter title shown once", "---\ntitle: Only Once\n---\n# Only Once\n\nText.\n",
		func(p, _ string) bool { return strings.Count(p, "Only Once") == 1 }},
	{"Long URL keeps the width", "# T\n\nhttps://example.com/" + strings.Repeat("a", 150) + "\n",
		func(p, _ string) bool {
			return maxWidth(p) <= 80 && strings.Contains(strings.ReplaceAll(squashSpace(p), "\n", ""), strings.Repeat("a", 150))
		}},
}

func hasLine(p, text string) bool {
	for l := range strings.Lines(p) {
		if strings.TrimSpace(l) == text {
			return true
		}
	}
	return false
}

// gridRow reports a line holding both cells with a column rule between.
func gridRow(p, a, b string) bool {
	return regexp.MustCompile(`(?m)` + regexp.QuoteMeta(a) + `\s*[│|]\s*` + regexp.QuoteMeta(b)).MatchString(p)
}

func wordsIntact(p, word string, n int) bool {
	return len(regexp.MustCompile(`\b`+word+`\b`).FindAllString(p, -1)) >= n
}

func indentOf(p, text string) int {
	for l := range strings.Lines(p) {
		if i := strings.Index(l, text); i >= 0 {
			return ansi.StringWidth(l[:i])
		}
	}
	return -1
}

func barsBefore(p, text string) int {
	for l := range strings.Lines(p) {
		if i := strings.Index(l, text); i >= 0 {
			return strings.Count(l[:i], "│") + strings.Count(l[:i], "|") + strings.Count(l[:i], ">")
		}
	}
	return -1
}

// hasSGR reports text drawn with the given SGR attribute set.
func hasSGR(s, attr, text string) bool {
	re := regexp.MustCompile(`\x1b\[([0-9;]*)m` + regexp.QuoteMeta(text))
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		for _, a := range strings.Split(m[1], ";") {
			if a == attr {
				return true
			}
		}
	}
	return false
}

func maxWidth(p string) int {
	w := 0
	for l := range strings.Lines(p) {
		w = max(w, ansi.StringWidth(strings.TrimRight(l, "\n ")))
	}
	return w
}

func squashSpace(p string) string {
	return strings.Join(strings.Fields(p), "")
}

// renderBoth renders md with Glamour and with bao, styled.
func renderBoth(t *testing.T, md string) (glow, bao string) {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	g, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/doc.md"
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := runCat([]string{"--color=always", "--style", "dark", "--width", "80", path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("bao cat: %d %s", code, errOut.String())
	}
	return g, out.String()
}

// TestFidelityTable checks the README's fidelity table against what
// Glamour and bao do.
func TestFidelityTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	claims := map[string][2]string{}
	for _, m := range regexp.MustCompile(`(?m)^\| ([^|]+?) \| (yes|no)[^|]* \| (yes|no)[^|]* \|$`).FindAllStringSubmatch(string(readme), -1) {
		claims[m[1]] = [2]string{m[2], m[3]}
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	for _, row := range fidelityRows {
		glowOut, baoOut := renderBoth(t, row.md)
		got := [2]string{yes(row.check(ansi.Strip(glowOut), glowOut)), yes(row.check(ansi.Strip(baoOut), baoOut))}
		claim, ok := claims[row.name]
		switch {
		case !ok:
			t.Errorf("README has no fidelity row %q (glow %s, bao %s)", row.name, got[0], got[1])
		case claim != got:
			t.Errorf("%s: README says glow %s, bao %s; measured glow %s, bao %s", row.name, claim[0], claim[1], got[0], got[1])
		}
		if got[1] != "yes" {
			t.Errorf("bao fails %q:\n%s", row.name, ansi.Strip(baoOut))
		}
	}
	if len(claims) != len(fidelityRows) {
		t.Errorf("README has %d fidelity rows, the test %d", len(claims), len(fidelityRows))
	}
}
