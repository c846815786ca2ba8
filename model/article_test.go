package model

import (
	"strings"
	"testing"

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
