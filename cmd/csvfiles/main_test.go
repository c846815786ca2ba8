package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A quoted field keeps its line breaks and quotes; a row whose name would
// leave the directory is skipped, not written.
func TestSplit(t *testing.T) {
	dir := t.TempDir()
	table := "id,domain,content\n" +
		"7,example.org,\"First paragraph.\n\nSecond, with \"\"quotes\"\".\"\n" +
		"../escape,example.org,nothing\n" +
		"8,example.org,One line.\n"
	written, skipped, err := split(strings.NewReader(table), "id", "content", dir)
	if err != nil || written != 2 || skipped != 1 {
		t.Fatalf("written %d, skipped %d, err %v", written, skipped, err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "7.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "First paragraph.\n\nSecond, with \"quotes\"."; string(got) != want {
		t.Errorf("7.txt is %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.txt")); err == nil {
		t.Error("a row named ../escape was written outside the directory")
	}
	if _, _, err := split(strings.NewReader(table), "id", "body", dir); err == nil {
		t.Error("a missing column gave no error")
	}
}
