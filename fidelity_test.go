package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/articles"
	"bao/internal/wordcheck"
	"bao/ui"
)

// fixtures are the Markdown documents written to cover every construct.
func fixtures(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("testdata/fidelity/*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return paths
}

// TestNoWordLost checks every fixture's visible text, as goldmark renders
// it, against bao cat, the reader's rendering at two widths and two
// styles.
func TestNoWordLost(t *testing.T) {
	dark, err := ui.NewStyles("dark")
	if err != nil {
		t.Fatal(err)
	}
	ascii, _ := ui.NewStyles("ascii")
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			words, urls, err := wordcheck.Visible(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(words) < 10 {
				t.Fatalf("only %d visible words: the checker reads nothing", len(words))
			}
			var out, errOut bytes.Buffer
			if code := runCat([]string{"--color=never", path}, nil, &out, &errOut); code != 0 {
				t.Fatalf("cat: %d %s", code, errOut.String())
			}
			outputs := map[string]string{"cat": out.String()}
			a, err := articles.ReadFile(path, articles.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{80, 120, 40} {
				for name, st := range map[string]*ui.Styles{"dark": &dark, "ascii": &ascii} {
					doc := ui.Render(a, w, st, 0)
					outputs[fmt.Sprintf("reader %s %d", name, w)] = strings.Join(doc.Plain, "\n")
				}
			}
			for name, output := range outputs {
				r := wordcheck.Check(words, urls, output)
				if len(r.Lost) > 0 || len(r.LostURLs) > 0 {
					t.Errorf("%s: %d of %d words lost %q; %d of %d URLs lost %q", name, len(r.Lost), r.Words, r.Lost, len(r.LostURLs), r.URLs, r.LostURLs)
				}
				// A table too wide for the screen is drawn as records, which
				// repeat its headers: only its words' presence is checked.
				if len(r.OutOfOrder) > 0 && !strings.Contains(path, "table") && !strings.HasSuffix(name, " 40") {
					t.Errorf("%s: words out of order %q", name, r.OutOfOrder)
				}
			}
		})
	}
}

// TestNoWordLostCanFail makes sure the check sees a dropped code line.
func TestNoWordLostCanFail(t *testing.T) {
	words, urls, err := wordcheck.Visible([]byte("# T\n\nText [a](https://x.example/y).\n\n```\ngo get thing\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := wordcheck.Check(words, urls, "T\nText a")
	if len(r.Lost) != 3 || len(r.LostURLs) != 1 {
		t.Errorf("lost %q, URLs %q", r.Lost, r.LostURLs)
	}
}

// TestColorFlag checks cat's --color and --hyperlinks, and that escape
// sequences in the input never reach the output.
func TestColorFlag(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "links.md")
	src := "# Links\n\nRead [the guide](https://example.com/guide) and \x1b]8;;https://evil.example\x07this\x1b]8;;\x07 and \x1b[31mred\x1b[0m.\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cat := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		code := runCat(append(args, path), nil, &out, &errOut)
		return out.String() + errOut.String(), code
	}
	always, code := cat("--color=always", "--style", "dark")
	if code != 0 || !strings.Contains(always, "\x1b]8;;https://example.com/guide\x07") || !strings.Contains(always, "\x1b[") {
		t.Errorf("--color=always: no hyperlink or no styling (%d):\n%q", code, always)
	}
	if strings.Contains(always, "evil.example") {
		t.Errorf("a hyperlink from the input went through:\n%q", always)
	}
	plain, _ := cat("--color=always", "--hyperlinks=false")
	if strings.Contains(plain, "\x1b]8;") || !strings.Contains(plain, "\x1b[") {
		t.Errorf("--hyperlinks=false:\n%q", plain)
	}
	never, _ := cat("--color=never")
	if strings.ContainsRune(never, 0x1b) || !strings.Contains(never, "the guide[1]") || !strings.Contains(never, "[1] https://example.com/guide") {
		t.Errorf("--color=never:\n%s", never)
	}
	auto, _ := cat() // standard output is a buffer, not a terminal
	if auto != never {
		t.Errorf("--color=auto to a pipe differs from never:\n%q", auto)
	}
	if out, code := cat("--color=sometimes"); code != 2 || !strings.Contains(out, "want auto, always or never") {
		t.Errorf("bad --color: %d %q", code, out)
	}
}

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenCat keeps bao cat --color=never's output for every fixture in
// testdata/golden/cat. Regenerate with go test . -run TestGoldenCat
// -update and read the diff.
func TestGoldenCat(t *testing.T) {
	for _, path := range fixtures(t) {
		var out, errOut bytes.Buffer
		if code := runCat([]string{"--color=never", "--width", "80", path}, nil, &out, &errOut); code != 0 {
			t.Fatalf("%s: %d %s", path, code, errOut.String())
		}
		golden := filepath.Join("testdata", "golden", "cat", strings.TrimSuffix(filepath.Base(path), ".md")+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test . -run TestGoldenCat -update)", err)
		}
		if out.String() != string(want) {
			t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", path, golden, out.String(), want)
		}
	}
}
