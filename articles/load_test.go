package articles

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bao/internal/unprivileged"
	"bao/model"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "First\n\nBody one.\n")
	write(t, filepath.Join(dir, "sub", "b.md"), "# Second\n\nBody two.\n")
	write(t, filepath.Join(dir, ".hidden", "c.txt"), "Hidden\n")
	write(t, filepath.Join(dir, ".d.txt"), "Hidden too\n")
	write(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8\xff\x00")
	write(t, filepath.Join(dir, "empty.txt"), "")
	write(t, filepath.Join(dir, "bin.txt"), "abc\x00def")
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("word ", 1000))
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	lib := Load([]string{dir, filepath.Join(dir, "nope.txt")}, Options{MaxSize: 1000})
	var titles []string
	for _, a := range lib.Articles {
		titles = append(titles, a.Title)
	}
	if strings.Join(titles, ",") != "First,Second" {
		t.Errorf("titles = %q, want First, Second", titles)
	}
	reasons := map[string]string{}
	for _, e := range lib.Errors {
		reasons[filepath.Base(e.Path)] = e.Err.Error()
	}
	want := map[string]string{
		"empty.txt":    "empty",
		"bin.txt":      "binary",
		"big.txt":      "larger than the 1000 bytes limit",
		"dangling.txt": "no such file",
		"nope.txt":     "no such file",
	}
	for name, reason := range want {
		if !strings.Contains(reasons[name], reason) {
			t.Errorf("%s: error %q, want it to say %q", name, reasons[name], reason)
		}
	}
	if len(lib.Errors) != len(want) {
		t.Errorf("errors = %v", lib.Errors)
	}
}

func TestLoadUnreadable(t *testing.T) {
	if unprivileged.Rerun(t, "TestLoadUnreadable") {
		return
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "secret.txt"), "Secret\n")
	os.Chmod(filepath.Join(dir, "secret.txt"), 0)
	lib := Load([]string{dir}, Options{})
	if len(lib.Errors) != 1 || !strings.Contains(lib.Errors[0].Err.Error(), "permission denied") {
		t.Errorf("errors = %v", lib.Errors)
	}
}

func TestLoadStdin(t *testing.T) {
	lib := Load([]string{"-"}, Options{Stdin: strings.NewReader("From a pipe\n\nText.\n")})
	if len(lib.Articles) != 1 || lib.Articles[0].Title != "From a pipe" || lib.Articles[0].Path != "-" {
		t.Fatalf("library = %+v", lib)
	}
}

func TestIDStableAcrossMoves(t *testing.T) {
	a, _ := Parse("one/a.txt", []byte("Title\n\nBody.\n"))
	b, _ := Parse("two/b.txt", []byte("Title\r\n\r\nBody.   \r\n"))
	if a.ID != b.ID || len(a.ID) != 16 {
		t.Errorf("IDs %q and %q", a.ID, b.ID)
	}
}

// Soft hyphens, zero-width spaces, word joiners and stray byte-order marks
// are taken out of the text, plain or Markdown, so that search finds the
// word they split; the ID is the one the text had with them.
func TestInvisibleCharacters(t *testing.T) {
	raw := "Ferry\u200b timetable\n\nThe Basse\u00adville ferry sails at\u2060 noon.\ufeff\n"
	for _, name := range []string{"a.txt", "a.md"} {
		a, err := Parse(name, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		text := a.Title + "|" + a.Lead + "|" + strings.Join(blockTexts(a), "|")
		if strings.ContainsAny(text, "\u00ad\u200b\u2060\ufeff") || !strings.Contains(text, "Basseville") {
			t.Errorf("%s: text %q", name, text)
		}
		if sum := sha256.Sum256([]byte(raw)); a.ID != hex.EncodeToString(sum[:8]) {
			t.Errorf("%s: ID %s, want the one of the text as it was", name, a.ID)
		}
	}
}

func TestSafeText(t *testing.T) {
	if got := model.SafeText("a\x1b]0;x\x07b\u202ec"); strings.ContainsAny(got, "\x1b\x07\u202e") {
		t.Errorf("SafeText kept controls: %q", got)
	}
}

// TestParseHead checks that a head is cut at a paragraph break outside
// code fences, keeps the whole's ID and size, and is marked partial.
func TestParseHead(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Long\n\nFirst paragraph.\n\n```\ncode line\n\ninside the fence after a blank line\n```\n\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "## Part %d\n\nText of part %d.\n\n", i, i)
	}
	data := []byte(b.String())
	whole, err := Parse("long.md", data)
	if err != nil {
		t.Fatal(err)
	}
	head, err := ParseHead("long.md", data, 60) // the cut would fall inside the fence
	if err != nil {
		t.Fatal(err)
	}
	if !head.Partial || whole.Partial || head.ID != whole.ID || head.Size != whole.Size {
		t.Errorf("head partial %v whole partial %v, IDs %s %s, sizes %d %d", head.Partial, whole.Partial, head.ID, whole.ID, head.Size, whole.Size)
	}
	if len(head.Blocks) == 0 || head.Blocks[0].Kind != model.Code || len(head.Blocks[0].Code.Lines) != 3 {
		t.Fatalf("the head cut the code fence: %+v", head.Blocks)
	}
	if len(head.Blocks) >= len(whole.Blocks) {
		t.Errorf("head has %d blocks, whole %d", len(head.Blocks), len(whole.Blocks))
	}
	for i, blk := range head.Blocks {
		if blk.Text != whole.Blocks[i].Text {
			t.Errorf("block %d: head %q whole %q", i, blk.Text, whole.Blocks[i].Text)
		}
	}
	small, _ := ParseHead("small.md", []byte("# Small\n\nText.\n"), 1<<10)
	if small.Partial {
		t.Error("a file smaller than the head is partial")
	}
	// Reload reads the whole of a partial article.
	dir := t.TempDir()
	path := dir + "/long.md"
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := ReadFile(path, Options{Head: 1 << 10})
	if err != nil || !h.Partial {
		t.Fatalf("ReadFile with a head: %v partial %v", err, h != nil && h.Partial)
	}
	full, err := Reload(h, Options{Head: 1 << 10})
	if err != nil || full.Partial || len(full.Blocks) != len(whole.Blocks) {
		t.Errorf("Reload: %v, partial %v, %d blocks of %d", err, full.Partial, len(full.Blocks), len(whole.Blocks))
	}
}
