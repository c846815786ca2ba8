package articles

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small predicates over one line of cleaned text, shared by the plain-text
// and Markdown parsers.

// runeCount is the number of runes in s.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// runesOver reports whether s has more than n runes, counting them only
// when its length in bytes leaves it open: a rune is one to four bytes.
func runesOver(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	// Runes are the bytes that are not continuation bytes (10xxxxxx), in
	// the valid UTF-8 that Clean leaves; those are counted eight at a
	// time.
	cont, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont += bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s)-cont > n
}

// firstRune returns the first rune of s, or 0.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

const closingQuotes = "\"'”’»)"

// endsSentence reports whether s ends like a sentence or a clause: with a
// full stop, comma, colon and the like, possibly followed by closing quotes.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closingQuotes)
	switch lastRune(s) {
	case '.', ',', ';', ':', '!', '…':
		return true
	}
	return false
}

// isQuoteOpen reports whether r opens a quotation.
func isQuoteOpen(r rune) bool {
	return r == '"' || r == '“' || r == '«' || r == '‘' || r == '\''
}

// capitalised reports whether word starts with an upper-case letter, or is
// an initial such as "K.N" or "L.Bằng".
func capitalised(word string) bool {
	word = strings.TrimLeft(word, "(\"“")
	r := firstRune(word)
	return unicode.IsUpper(r)
}

// hasDigit reports whether s has a decimal digit.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// splitOutside splits s at each of seps that is not inside parentheses.
func splitOutside(s string, seps ...string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			continue
		case ')':
			depth = max(depth-1, 0)
			continue
		}
		if depth > 0 {
			continue
		}
		for _, sep := range seps {
			if strings.HasPrefix(s[i:], sep) {
				parts = append(parts, s[start:i])
				start = i + len(sep)
				i = start - 1
				break
			}
		}
	}
	parts = append(parts, s[start:])
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isVietnameseLetter reports letters used by Vietnamese and by few other
// languages written in Latin script: ă â đ ê ô ơ ư and the letters with
// tone marks of Latin Extended Additional.
func isVietnameseLetter(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'â', 'Â', 'đ', 'Đ', 'ê', 'Ê', 'ô', 'Ô', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return r >= 0x1ea0 && r <= 0x1ef9
}

// detectLanguage guesses "vi" or "en" from how often Vietnamese letters occur.
func detectLanguage(s string) string {
	if len(s) > 1200 {
		s = s[:1200]
	}
	letters, vi, check := 0, 0, 128
	for i, r := range s {
		if i >= check {
			// Vietnamese once no run of letters to come could make it
			// otherwise: most Vietnamese text is settled in its first
			// few hundred bytes.
			if vi*40 >= letters+len(s)-i {
				return "vi"
			}
			check += 128
		}
		switch {
		case r < 0x80:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
			}
		case r >= 0x1EA0 && r <= 0x1EF9:
			// The precomposed Vietnamese letters.
			letters++
			vi++
		case isVietnameseLetter(r):
			letters++
			vi++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters > 0 && vi*40 >= letters {
		return "vi"
	}
	return "en"
}
