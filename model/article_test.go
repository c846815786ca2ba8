package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestReadingTimeCountsLetters checks that a Vietnamese text, whose spaces
// end syllables rather than words, is not timed as if each syllable were an
// English word, and that NFC and NFD agree.
func TestReadingTimeCountsLetters(t *testing.T) {
	// 1,191 English words take 5 minutes at 238 words a minute.
	en := &Article{Title: "T", Blocks: []Block{{Kind: Paragraph, Text: strings.Repeat("Silent reading of English prose runs near two hundred words each minute, studies find. ", 85)}}}
	en.Derive()
	if en.Words != 1191 {
		t.Fatalf("words = %d", en.Words)
	}
	if got := en.Minutes(); got != 5 {
		t.Errorf("English: %d min for %d words, %d letters; want 5", got, en.Words, en.Letters)
	}

	// The same number of Vietnamese syllables, at about 3.5 letters each,
	// takes under four minutes, not five.
	text := strings.Repeat("Người dân thủ đô đón Tết trong ", 170)
	vi := &Article{Title: "T", Blocks: []Block{{Kind: Paragraph, Text: text}}}
	vi.Derive()
	if vi.Words != 1191 {
		t.Fatalf("syllables = %d", vi.Words)
	}
	if got := vi.Minutes(); got != 4 {
		t.Errorf("Vietnamese: %d min for %d syllables, %d letters; want 4", got, vi.Words, vi.Letters)
	}

	nfd := &Article{Title: "T", Blocks: []Block{{Kind: Paragraph, Text: norm.NFD.String(text)}}}
	nfd.Derive()
	if nfd.Letters != vi.Letters || nfd.Words != vi.Words {
		t.Errorf("NFD counts %d letters, %d words; NFC %d, %d", nfd.Letters, nfd.Words, vi.Letters, vi.Words)
	}
}

// TestCountTextByRune checks the table-driven count against one that
// reads rune by rune, on every prefix of texts that mix ASCII,
// Vietnamese in NFC and NFD, symbols and emoji, so that each way a text's
// length can fall against the four bytes a turn is met.
func TestCountTextByRune(t *testing.T) {
	byRune := func(s string) (words, letters int) {
		words = CountWords(s)
		for _, r := range s {
			switch {
			case r < utf8.RuneSelf:
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					letters++
				}
			case r < 0x100 && !unicode.IsLetter(r), unicode.Is(unicode.Mn, r), r >= 0x2000 && r < 0x3000, r >= 0x10000:
			default:
				letters++
			}
		}
		return words, letters
	}
	for _, s := range []string{
		"Kinhtedothi - Ngày 5/4, Hà Nội đón\tđoàn  công tác.\n",
		norm.NFD.String("Đường đèo dù không dài nhưng rất đẹp — “đúng vậy” 🙂 ½ x²"),
		"a", " b ", "ab  cd\n\nef g",
	} {
		for n := 0; n <= len(s); n++ {
			p := s[:n]
			if !utf8.ValidString(p) {
				continue
			}
			gw, gl := countText(p)
			ww, wl := byRune(p)
			if gw != ww || gl != wl {
				t.Errorf("countText(%q) = %d words, %d letters; by rune %d, %d", p, gw, gl, ww, wl)
			}
		}
	}
}
