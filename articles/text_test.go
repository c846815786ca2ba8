package articles

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// runesOver agrees with counting every rune, at every threshold, in
// ASCII, precomposed and decomposed Vietnamese and four-byte runes, and in
// every prefix of them, so that each way a length falls against the eight
// bytes counted at a time is met.
func TestRunesOverAgrees(t *testing.T) {
	var texts []string
	for _, s := range []string{"", "a", "Hà Nội", "Ha\u0300 No\u0302\u0323i", "𝔅ao 🙂 báo", strings.Repeat("Đường phố ", 30)} {
		for n := range len(s) + 1 {
			if utf8.ValidString(s[:n]) {
				texts = append(texts, s[:n])
			}
		}
	}
	for _, s := range texts {
		count := utf8.RuneCountInString(s)
		for n := 0; n <= count+2; n++ {
			if got := runesOver(s, n); got != (count > n) {
				t.Errorf("runesOver(%q, %d) = %v, %d runes", s, n, got, count)
			}
		}
	}
}
