package articles

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkClean fails when parsed text could reach a terminal as a control.
func checkClean(t *testing.T, where string, s string) {
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8 %q", where, s)
	}
	if r, ok := noControls(s); !ok {
		t.Fatalf("%s: control %U in %q", where, r, s)
	}
	if strings.Contains(s, "\n") {
		t.Fatalf("%s: line break in %q", where, s)
	}
}

func fuzzParse(f *testing.F, name string) {
	f.Add([]byte("Title\n\nBy Jane Doe\nShare\n\nLONDON, March 3 (Reuters) - Text.\nHeading\nBody.\n Caption\n\nMost read\nX\n"))
	f.Add([]byte("Tiêu đề\nTP HCMThí sinh dự thi.\nĐoạn một. Ảnh: A. Đoạn hai.  Đoạn ba. Lưu Quý"))
	f.Add([]byte("---\ntitle: x\nauthor: [a, b]\n---\n# H\n\n![alt](i.png \"t\")\n\n- a\n- b\n\n> q\n"))
	f.Add([]byte("\x1b]0;x\x07\u009b2J\xff\xfe\r\n\u202e"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(name, data)
		if err != nil {
			return
		}
		if a.Title == "" {
			t.Fatal("parsed article has no title")
		}
		checkClean(t, "title", a.Title)
		checkClean(t, "lead", a.Lead)
		for _, s := range append(a.Byline, a.Source, a.Dateline) {
			checkClean(t, "byline/source/dateline", s)
		}
		for _, b := range a.Blocks {
			if b.Text == "" {
				t.Fatalf("empty %s block", b.Kind)
			}
			checkClean(t, b.Kind.String(), b.Text)
		}
		for _, s := range a.Sections {
			if s.Block < 0 || s.Block >= len(a.Blocks) || a.Blocks[s.Block].Text != s.Title {
				t.Fatalf("section %+v does not point at its heading", s)
			}
		}
	})
}

func FuzzParsePlain(f *testing.F)    { fuzzParse(f, "fuzz.txt") }
func FuzzParseMarkdown(f *testing.F) { fuzzParse(f, "fuzz.md") }
