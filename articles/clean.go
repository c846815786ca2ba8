// Package articles turns bytes (files, directories, stdin) into model
// articles: it cleans text, recovers the structure of scraped plain-text news
// articles and reads Markdown.
package articles

import (
	"bao/model"
	"bytes"
	"errors"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// ErrBinary is the reason given for input that holds NUL bytes.
var ErrBinary = errors.New("binary file (contains NUL bytes), not an article")

// ErrEmpty is the reason given for input with no text in it.
var ErrEmpty = errors.New("empty file, no article text")

// Clean turns raw bytes into the text bao parses: valid UTF-8 (invalid bytes
// become U+FFFD), NFC, LF line ends, no byte-order mark, no trailing spaces,
// tabs kept (Markdown's code needs them), and no other control characters:
// C0 except newline and tab, DEL, C1, terminal escape sequences (CSI, OSC, DCS and the like, in 7- and 8-bit
// forms) and bidirectional overrides are removed.
func Clean(data []byte) (string, error) {
	s, _, err := clean(data)
	return s, err
}

// clean is Clean, and reports whether the text may hold characters that
// model.Invisible reports (when it is false, it holds none).
func clean(data []byte) (s string, invisible bool, err error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", false, ErrBinary
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	strip, stable, invisible := scan(data)
	if strip && legacy(data) {
		// Windows-1252 was what most of the web wrote before UTF-8;
		// read as UTF-8, each of its accented letters ("Süddeutsche")
		// would be lost to U+FFFD.
		if d, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data = d
			strip, stable, invisible = scan(data)
		}
	}
	if !strip && stable {
		s = string(data)
	} else {
		s = norm.NFC.String(stripControls(data))
	}
	s = trimLineEnds(s)
	if strings.TrimSpace(s) == "" {
		return "", false, ErrEmpty
	}
	return s, invisible, nil
}

// legacy reports whether data is text in a single-byte encoding rather
// than UTF-8: it is not valid UTF-8, and not one byte of it above ASCII
// begins a valid UTF-8 sequence. UTF-8 text with a stray bad byte keeps
// its UTF-8, the bad byte becoming U+FFFD.
func legacy(data []byte) bool {
	if utf8.Valid(data) {
		return false
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n > 1 {
			return false
		}
		i++
	}
	return true
}

// dropInvisible removes the characters model.Invisible reports: a soft
// hyphen, a zero-width space, a word joiner, a byte-order mark.
func dropInvisible(s string) string {
	if !strings.Contains(s, "\u00ad") && !strings.Contains(s, "\u200b") && !strings.Contains(s, "\u2060") && !strings.Contains(s, "\ufeff") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if model.Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// CleanLine cleans a short piece of text that must stay on one line, such as
// a front-matter value: controls are removed and runs of space collapse.
func CleanLine(s string) string {
	s = dropInvisible(stripControls([]byte(s)))
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// nfcTable marks the runes of the Basic Multilingual Plane that are in NFC
// on their own and never compose or reorder with the rune before them. It
// is filled 64 runes at a time on first use, so a process pays only for the
// scripts its articles use.
type nfcTable struct {
	known, stable [1 << 16 / 64]atomic.Uint64
}

var nfcStable nfcTable

// chunk returns the bits of runes chunk*64 to chunk*64+63.
func (t *nfcTable) chunk(chunk rune) uint64 {
	if t.known[chunk].Load() == 0 {
		var set uint64
		for i := range rune(64) {
			c := chunk*64 + i
			if c >= 0xd800 && c < 0xe000 {
				continue
			}
			s := string(c)
			p := norm.NFC.PropertiesString(s)
			if p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) {
				set |= 1 << i
			}
		}
		t.stable[chunk].Store(set)
		t.known[chunk].Store(1)
	}
	return t.stable[chunk].Load()
}

// scan reports in one pass whether data needs stripControls (controls,
// escapes, bidi overrides or invalid UTF-8), whether it may hold invisible
// format characters (see model.Invisible), and whether it is made only of
// runes that are NFC whatever surrounds them, so that normalising would not
// change it. Precomposed Vietnamese is stable; text with combining marks is
// not.
func scan(data []byte) (strip, stable, invisible bool) {
	stable = true
	lastChunk, lastBits := rune(-1), uint64(0)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return true, false, true
			}
			i++
			continue
		}
		r, n := decodeRune(data, i)
		switch {
		case r == utf8.RuneError && n == 1, isC1(r), isBidiControl(r):
			return true, false, true
		case model.Invisible(r):
			invisible = true
		case !stable:
		case r >= 1<<16:
			stable = false
		default:
			if r/64 != lastChunk {
				lastChunk, lastBits = r/64, nfcStable.chunk(r/64)
			}
			stable = lastBits&(1<<(r%64)) != 0
		}
		i += n
	}
	return false, stable, invisible
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// decodeRune is utf8.DecodeRune(data[i:]) with the two- and three-byte
// sequences that hold Vietnamese and other Latin letters (lead bytes C2 to
// DF, and E1) decoded in line: most of the non-ASCII text bao reads.
func decodeRune(data []byte, i int) (rune, int) {
	c := data[i]
	switch {
	case c >= 0xc2 && c <= 0xdf && i+1 < len(data) && data[i+1]&0xc0 == 0x80:
		return rune(c&0x1f)<<6 | rune(data[i+1]&0x3f), 2
	case c == 0xe1 && i+2 < len(data) && data[i+1]&0xc0 == 0x80 && data[i+2]&0xc0 == 0x80:
		return 0x1000 | rune(data[i+1]&0x3f)<<6 | rune(data[i+2]&0x3f), 3
	}
	return utf8.DecodeRune(data[i:])
}

// isBidiControl reports explicit embeddings, overrides and isolates, which
// would let article text reorder what the terminal shows around it.
func isBidiControl(r rune) bool { return model.IsBidiControl(r) }

func stripControls(data []byte) string {
	if strip, _, _ := scan(data); !strip {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data))
	s := strings.ToValidUTF8(string(data), "\uFFFD")
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
				continue
			}
			b.WriteByte('\n')
		case r == '\t', r == '\n':
			b.WriteByte(byte(r))
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			i += c1SequenceLen(s[i:], r, n)
			continue
		case model.Unsafe(r):
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// escapeLen returns the length of the escape sequence that starts s (s[0] is
// ESC): CSI up to its final byte, OSC/DCS/SOS/PM/APC up to BEL or ST, or a
// two-byte escape.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiBodyLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringBodyLen(s[2:])
	}
	if s[1] < 0x20 || s[1] >= utf8.RuneSelf {
		return 1
	}
	return 2
}

func c1SequenceLen(s string, r rune, n int) int {
	if r == 0x9b {
		return n + csiBodyLen(s[n:])
	}
	return n + stringBodyLen(s[n:])
}

// csiBodyLen skips parameter and intermediate bytes and the final byte.
func csiBodyLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x40 && c <= 0x7e {
			return i + 1
		}
		if c < 0x20 || c >= 0x7f {
			return i
		}
	}
	return len(s)
}

// stringBodyLen skips a control string up to and including its terminator
// (BEL, ESC \ or 8-bit ST). An unterminated string stops at the line end, so
// a stray OSC cannot swallow the rest of an article.
func stringBodyLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0x07:
			return i + 1
		case '\n':
			return i
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		}
		if strings.HasPrefix(s[i:], "\u009c") {
			return i + len("\u009c")
		}
	}
	return len(s)
}

// trimLineEnds turns CR and CRLF into LF (for input that needed no other
// cleaning) and removes trailing spaces, tabs and no-break spaces from
// every line. Only lines that have any are copied.
func trimLineEnds(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	trailing := func(s string) bool {
		return strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t") || strings.HasSuffix(s, "\u00a0")
	}
	// Most texts have no line that ends in spaces: one search for the
	// line breaks, and a look at the byte before each, says so.
	if !trailing(s) {
		clean := true
		for i := strings.IndexByte(s, '\n'); i >= 0; {
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == 0xa0 && strings.HasSuffix(s[:i], "\u00a0")) {
				clean = false
				break
			}
			j := strings.IndexByte(s[i+1:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
		if clean {
			return s
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		body, nl := strings.CutSuffix(line, "\n")
		if trailing(body) {
			body = strings.TrimRight(body, " \t\u00a0")
		}
		b.WriteString(body)
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
