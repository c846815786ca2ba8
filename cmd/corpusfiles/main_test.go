package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A quoted field keeps its line breaks and quotes; a row whose name would
// leave the directory is skipped, not written.
func TestSplitCSV(t *testing.T) {
	dir := t.TempDir()
	table := "id,domain,content\n" +
		"7,example.org,\"First paragraph.\n\nSecond, with \"\"quotes\"\".\"\n" +
		"../escape,example.org,nothing\n" +
		"8,example.org,One line.\n"
	written, skipped, err := splitCSV(strings.NewReader(table), "id", "content", "", dir)
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
	if _, _, err := splitCSV(strings.NewReader(table), "id", "body", "", dir); err == nil {
		t.Error("a missing column gave no error")
	}
}

// Files named by row number open with the header lines asked for, each
// value on one line; a header column the table lacks is an error.
func TestSplitCSVHeader(t *testing.T) {
	dir := t.TempDir()
	table := "title,url,raw_text\n" +
		"\"A title\nover two lines\",https://example.org/a,\"Body one.\n\nBody two.\"\n" +
		"Second,https://example.org/b,Other.\n"
	written, _, err := splitCSV(strings.NewReader(table), "#", "raw_text", "title=Title,url=URL", dir)
	if err != nil || written != 2 {
		t.Fatalf("written %d, err %v", written, err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "001.txt"))
	want := "Title: A title over two lines\nURL: https://example.org/a\n\nBody one.\n\nBody two."
	if err != nil || string(got) != want {
		t.Errorf("001.txt is %q (%v), want %q", got, err, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "002.txt")); !strings.HasPrefix(string(got), "Title: Second\n") {
		t.Errorf("002.txt is %q", got)
	}
	if _, _, err := splitCSV(strings.NewReader(table), "#", "raw_text", "author=Author", dir); err == nil {
		t.Error("a missing header column gave no error")
	}
}

// A JSON file's field is written under the file's name, below the header
// lines of the fields it has; a file without the text field is an error,
// not an empty file.
func TestSplitJSON(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	good := filepath.Join(src, "Real_7.json")
	bare := filepath.Join(src, "Real_8.json")
	bad := filepath.Join(src, "Real_9.json")
	os.WriteFile(good, []byte(`{"title": "Tin", "url": "https://example.vn/7", "text": "Đoạn một.\n\nĐoạn \u0022hai\u0022."}`), 0o644)
	os.WriteFile(bare, []byte(`{"title": "Tin khác", "url": null, "text": "Một đoạn."}`), 0o644)
	os.WriteFile(bad, []byte(`{"title": "Tin"}`), 0o644)
	if n, _, err := splitJSON([]string{good, bare}, "text", "title=Title,url=URL", dir); err != nil || n != 2 {
		t.Fatalf("written %d, err %v", n, err)
	}
	wantFiles(t, dir, map[string]string{
		"Real_7.txt": "Title: Tin\nURL: https://example.vn/7\n\nĐoạn một.\n\nĐoạn \"hai\".",
		"Real_8.txt": "Title: Tin khác\n\nMột đoạn.",
	})
	if _, _, err := splitJSON([]string{bad}, "text", "", dir); err == nil {
		t.Error("a record without the field gave no error")
	}
}

// JSON records, one a line, are written as rows are: numbered, under their
// header lines, a value that is not a string as it was written, a field a
// record lacks with no line; a record without the text is an error.
func TestSplitJSONL(t *testing.T) {
	dir := t.TempDir()
	records := `{"title": "Tin một", "text": "Đoạn một.\n\nĐoạn hai.", "url": "https://example.vn/1", "year": 2019}` + "\n\n" +
		`{"title": "Tin hai", "text": "Một đoạn.", "url": "https://example.vn/2"}` + "\n"
	written, _, err := splitJSONL(strings.NewReader(records), "#", "text", "title=Title,year=Year", dir)
	if err != nil || written != 2 {
		t.Fatalf("written %d, err %v", written, err)
	}
	wantFiles(t, dir, map[string]string{
		"001.txt": "Title: Tin một\nYear: 2019\n\nĐoạn một.\n\nĐoạn hai.",
		"002.txt": "Title: Tin hai\n\nMột đoạn.",
	})
	if _, _, err := splitJSONL(strings.NewReader(records), "#", "body", "", t.TempDir()); err == nil {
		t.Error("a missing text field gave no error")
	}
}

// Ragged rows are read by the columns asked for; a row too short to hold
// them is skipped, not a crash.
func TestSplitCSVRagged(t *testing.T) {
	dir := t.TempDir()
	table := "id,title,text,label,,\n" +
		"1,One,First text.,REAL\n" +
		"2,Two\n" +
		"3,Three,Third text.,FAKE,,,\n"
	written, skipped, err := splitCSV(strings.NewReader(table), "id", "text", "title=Title", dir)
	if err != nil || written != 2 || skipped != 1 {
		t.Fatalf("written %d, skipped %d, err %v", written, skipped, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "3.txt")); string(got) != "Title: Three\n\nThird text." {
		t.Errorf("3.txt is %q", got)
	}
}

// wantFiles reports each file of dir whose text is not the one given.
func wantFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, want := range files {
		if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != want {
			t.Errorf("%s is %q (%v), want %q", name, got, err, want)
		}
	}
}
