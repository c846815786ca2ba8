package articles

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"bom", "\uFEFFtitle", "title"},
		{"tabs kept, trailing space dropped", "a\tb  \nc \u00a0\t", "a\tb\nc"},
		{"nfd to nfc", "Ba Đi\u0300nh", "Ba Đình"},
		{"csi", "a\x1b[2Jb\x1b[5mc", "abc"},
		{"osc title bel", "a\x1b]0;pwned\x07b", "ab"},
		{"osc 8 link st", "a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"},
		{"osc 52", "a\x1b]52;c;ZXZpbA==\x07b", "ab"},
		{"c1 csi", "a\u009b2Jb", "ab"},
		{"c1 osc", "a\u009d0;x\u009cb", "ab"},
		{"bel del c1", "a\x07b\x7fc\u0085d", "abcd"},
		{"bidi", "abc\u202edef\u2066g", "abcdefg"},
		{"a bad byte in utf8", "é a\xffb", "é a\uFFFDb"},
		{"windows-1252", "S\xfcddeutsche Zeitung \x96 \x93quoted\x94", "Süddeutsche Zeitung – “quoted”"},
		{"8-bit csi read as 1252 is a harmless character", "a\x9b2Jb", "a›2Jb"},
		{"unterminated osc stops at line end", "a\x1b]0;x\nb", "a\nb"},
	}
	for _, tt := range tests {
		got, err := Clean([]byte(tt.in))
		if err != nil || got != tt.want {
			t.Errorf("%s: Clean(%q) = %q, %v; want %q", tt.name, tt.in, got, err, tt.want)
		}
	}
}

func TestCleanRejects(t *testing.T) {
	if _, err := Clean([]byte("a\x00b")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL bytes: err = %v, want ErrBinary", err)
	}
	for _, in := range []string{"", "  \n\r\n\t", "\uFEFF"} {
		if _, err := Clean([]byte(in)); !errors.Is(err, ErrEmpty) {
			t.Errorf("Clean(%q): err = %v, want ErrEmpty", in, err)
		}
	}
}

// noControls reports the first control character in s, if any.
func noControls(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || isBidiControl(r)) {
			return r, false
		}
	}
	return 0, true
}

func TestHostileArticle(t *testing.T) {
	in := "Title \x1b]0;owned\x07with \u009b31mcolour\n\nBy Eve\x1b[5m Blink\n\nBody \x1b]52;c;Y2xpcA==\x07text \u202eevil\x07.\n \x1b[2JCaption\n"
	a, err := Parse("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	all := append(a.Text(), a.Byline...)
	for _, s := range all {
		if r, ok := noControls(s); !ok || strings.Contains(s, "\x1b") {
			t.Errorf("%q keeps control %U", s, r)
		}
	}
}

// decodeRune, the cleaning pass's own decoder, gives what utf8.DecodeRune gives
// for every lead byte, every second byte and third bytes on each side of
// the continuation range.
func TestDecodeRuneAgrees(t *testing.T) {
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for _, c2 := range []int{0x00, 0x41, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xff} {
				for _, b := range [][]byte{{byte(c0), byte(c1), byte(c2)}, {byte(c0), byte(c1)}, {byte(c0)}} {
					r1, n1 := decodeRune(b, 0)
					r2, n2 := utf8.DecodeRune(b)
					if r1 != r2 || n1 != n2 {
						t.Fatalf("% x: %U %d, want %U %d", b, r1, n1, r2, n2)
					}
				}
			}
		}
	}
}
