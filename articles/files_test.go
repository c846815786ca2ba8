package articles

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is refused at once, never waited on.
func TestFIFOIsRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan *struct{ err error }, 1)
	go func() {
		_, err := ReadFile(fifo, Options{})
		done <- &struct{ err error }{err}
	}()
	select {
	case r := <-done:
		if r.err == nil || !strings.Contains(r.err.Error(), "named pipe") {
			t.Errorf("reading a FIFO: %v", r.err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
	lib := Load([]string{filepath.Dir(fifo)}, Options{})
	if len(lib.Articles) != 0 {
		t.Errorf("a FIFO in a directory was loaded: %+v", lib.Articles)
	}
}

// With Confine, a link out of the library is an error, and a link inside
// it is read.
func TestConfine(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("Secret\n\nroot:x:0:0\n"), 0o600)
	lib := t.TempDir()
	os.WriteFile(filepath.Join(lib, "a.txt"), []byte("Tin A\n\nNội dung.\n"), 0o644)
	os.Symlink(outside, filepath.Join(lib, "link.txt"))
	os.Symlink(filepath.Join(lib, "a.txt"), filepath.Join(lib, "inside.txt"))

	confined := Load([]string{lib}, Options{Confine: true})
	if len(confined.Articles) != 2 || len(confined.Errors) != 1 || !strings.Contains(confined.Errors[0].Err.Error(), "out of the library") {
		t.Errorf("confined: %d articles, errors %+v", len(confined.Articles), confined.Errors)
	}
	for _, a := range confined.Articles {
		if a.Title == "Secret" {
			t.Error("a file outside the library was loaded")
		}
	}
	if err := Confiner([]string{lib})(filepath.Join(lib, "link.txt")); err == nil {
		t.Error("Confiner let a link out of the library through")
	}
	// A local reader follows links.
	if all := Load([]string{lib}, Options{}); len(all.Articles) != 3 {
		t.Errorf("unconfined: %d articles, want 3", len(all.Articles))
	}
}

// Files without an extension are not loaded from a directory; named on
// the command line, they are.
func TestOnlyArticleExtensions(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "weekends"), []byte("0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nText.\n"), 0o644)
	if lib := Load([]string{dir}, Options{}); len(lib.Articles) != 1 {
		t.Errorf("%d articles from a directory with one .md and one file without extension", len(lib.Articles))
	}
	if lib := Load([]string{filepath.Join(dir, "weekends")}, Options{}); len(lib.Articles) != 1 {
		t.Error("a file named on the command line was not loaded")
	}
}
