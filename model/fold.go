package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form bao matches searches against: lower case, with
// diacritics removed whether s is NFC or NFD, and đ/Đ (which have no
// decomposition) folded to d. "Ba Đình" and "ba dinh" fold to the same text.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var buf [utf8.UTFMax * 4]byte
	for _, r := range s {
		foldRune(&b, r, buf[:0])
	}
	return b.String()
}

// FoldIndex folds s like Fold and also returns, for every byte of the folded
// text, the byte offset in s of the rune it came from, plus a final entry
// len(s). A match found at folded bytes [i, j) covers s[idx[i]:idx[j]].
func FoldIndex(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	idx := make([]int, 0, len(s)+1)
	var buf [utf8.UTFMax * 4]byte
	for off, r := range s {
		before := b.Len()
		foldRune(&b, r, buf[:0])
		for range b.Len() - before {
			idx = append(idx, off)
		}
	}
	idx = append(idx, len(s))
	return b.String(), idx
}

// latinFolds holds the folded form of the Latin letters with diacritics
// (U+00C0 to U+024F and U+1E00 to U+1EFF, which cover Vietnamese), computed
// once, so that folding them needs no decomposition.
var latinFolds = func() map[rune]string {
	m := map[rune]string{}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			var b strings.Builder
			decompose(&b, r, nil)
			m[r] = b.String()
		}
	}
	add(0xc0, 0x24f)
	add(0x1e00, 0x1eff)
	return m
}()

func foldRune(b *strings.Builder, r rune, buf []byte) {
	switch {
	case r < utf8.RuneSelf:
		b.WriteByte(byte(unicode.ToLower(r)))
		return
	case r == 'đ' || r == 'Đ' || r == 'ð' || r == 'Ð':
		b.WriteByte('d')
		return
	case unicode.Is(unicode.Mn, r):
		return
	}
	if f, ok := latinFolds[r]; ok {
		b.WriteString(f)
		return
	}
	decompose(b, r, buf)
}

// decompose writes r in NFD, lower case, without combining marks.
func decompose(b *strings.Builder, r rune, buf []byte) {
	if r == 'đ' || r == 'Đ' || r == 'ð' || r == 'Ð' {
		b.WriteByte('d')
		return
	}
	buf = utf8.AppendRune(buf, r)
	for _, d := range string(norm.NFD.Bytes(buf)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}
