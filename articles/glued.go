package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Some page-to-text dumps join a page's elements with nothing at all
// between them, so that a whole article is one line: "... nhà tắm và
// bếp.Lực lượng Phòng vệ ..." and, where a photo sat, "... nam Gaza.
// Video: IDFĐường hầm được xây dựng ...". Read as it is, the article is one
// paragraph, its captions and signature inside it.

// minGluedLine is the shortest line searched for run-together paragraphs,
// in bytes: an article's worth of text, not a paragraph's.
const minGluedLine = 800

// mayBeGlued is a quick test that a line may have a glue break: an end of
// sentence, maybe closed by a quote or bracket, where a paragraph starts
// (see paragraphStart), or a credit label.
func mayBeGlued(l string) bool {
	for _, c := range []byte{'.', '?', '!'} {
		for i := 0; ; {
			j := strings.IndexByte(l[i:], c)
			if j < 0 {
				break
			}
			i += j + 1
			if paragraphStart(l, i) || paragraphStart(l, afterClosing(l, i)) {
				return true
			}
		}
	}
	for i := 0; ; {
		j := strings.IndexByte(l[i:], ':')
		if j < 0 {
			return false
		}
		i += j
		for _, m := range creditLabels {
			if strings.HasSuffix(l[:i], m) {
				return true
			}
		}
		i++
	}
}

// glueBreaks returns the byte offsets in l where a paragraph starts with
// no space before it: where a sentence ends and the next begins with no
// space ("bếp.Lực"), and after a photo credit that runs into the next
// paragraph ("Ảnh: AFPViệc", "Ảnh: Andrew RingDubai"). splitLines splits a
// line only where it has two such places or more, so that text typed
// without a space after one full stop is left alone.
func glueBreaks(l string) []int {
	var cuts []int
	quotes := 0 // straight double quotes since the last break
	// cut breaks l at j, and again after a heading run into the
	// paragraph there; it returns where the search goes on.
	cut := func(j int) int {
		cuts = append(cuts, j)
		if h := runInHeading(l, j); h > 0 {
			cuts = append(cuts, h)
			j = h
		}
		quotes = 0
		return j - 1
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch c {
		case '"':
			quotes++
		case '.', '!', '?':
			if i == 0 || i+1 >= len(l) {
				continue
			}
			// Most full stops are followed by a space, a digit or a
			// lower-case letter: no break, and nothing more to look at.
			if n := l[i+1]; n == ' ' || n >= '0' && n <= '9' || n >= 'a' && n <= 'z' || !endsWord(l[:i]) && !endsAcronym(l[:i]) {
				continue
			}
			// A closing quote or bracket goes with the sentence it ends;
			// an opening one with the paragraph it starts.
			j := i + 1
			if k := afterClosing(l, j); k > j && (l[j] != '"' || quotes%2 == 1) {
				j = k
			}
			if paragraphStart(l, j) {
				i = cut(j)
			}
		case ':':
			// The credit labels end in one of these letters.
			if i == 0 || strings.IndexByte("honap", l[i-1]) < 0 {
				continue
			}
			if end := creditEnd(l, i); end > 0 {
				i = cut(end)
			}
		}
	}
	return cuts
}

// maxRunInHeading is the longest heading looked for where a paragraph
// starts, in bytes.
const maxRunInHeading = 100

// runInHeading looks at a paragraph that starts at l[j] for a short
// heading run into it: two words or more with no punctuation, the last
// ending in lower case and the paragraph's first word following with a
// capital ("Lang thang cảm xúcBạn đã ..."). It returns where that first
// word starts, or 0. A word that starts in lower case and has a capital
// inside after one letter is a brand ("iPhone", "eBay") and no break. Nor
// is anything followed at once by another such run ("Nhà báoCựu tuyển thủ
// quốc giaGiảng viên ..."): that is a list of labels run together, a
// site's widget, not a heading and its paragraph.
func runInHeading(l string, j int) int {
	k := runIn(l, j)
	if k > 0 && runIn(l, k) > 0 {
		return 0
	}
	return k
}

// runIn is runInHeading without the look at what follows.
func runIn(l string, j int) int {
	words, letters := 1, 0 // words so far; lower-case letters of this word
	lowerStart := false
	for k := j; k < len(l) && k < j+maxRunInHeading; {
		r, n := utf8.DecodeRuneInString(l[k:])
		switch {
		case r == ' ' || r == '\u00a0':
			words++
			letters, lowerStart = 0, false
		case unicode.IsUpper(r):
			next, _ := utf8.DecodeRuneInString(l[k+n:])
			if words >= 2 && lowerStart && letters >= 2 && unicode.IsLower(next) {
				return k
			}
			letters = 0
		case unicode.IsLower(r):
			if letters == 0 && (k == j || l[k-1] == ' ') {
				lowerStart = true
			}
			letters++
		case unicode.IsDigit(r) || unicode.IsMark(r):
		default:
			return 0 // punctuation: a sentence, not a heading
		}
		k += n
	}
	return 0
}

// afterClosing returns where the text after a closing quote or bracket at
// l[j] starts, or j when there is none.
func afterClosing(l string, j int) int {
	switch {
	case strings.HasPrefix(l[j:], "”"):
		return j + len("”")
	case j < len(l) && (l[j] == '"' || l[j] == ')'):
		return j + 1
	}
	return j
}

// endsWord reports whether s ends in a lower-case letter, a digit or a
// closing bracket: the end of a sentence, not of an abbreviation such as
// "TP." or "U.S.".
func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r) || r == ')' || r == '"' || r == '”' || r == '’' || r == '\''
}

// endsAcronym reports whether s ends in a word of three capitals or more
// standing alone ("TP HCM", "theo IDF"): a sentence can end in one. A
// title written before a name without a space ("PGS.Nguyễn") does not end
// a sentence, nor does a capital or two ("TP.Hồ Chí Minh", "U.S.").
func endsAcronym(s string) bool {
	start := strings.LastIndexAny(s, " \"“(") + 1
	w := s[start:]
	if utf8.RuneCountInString(w) < 3 || dottedTitles[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// acronymWord reports whether s starts with three capitals or more and
// then a space or an opening bracket.
func acronymWord(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
			continue
		case r == ' ' || r == '(':
			return n >= 3
		}
		return false
	}
	return false
}

// dottedTitles are the titles that Vietnamese writes before a name with a
// full stop and often no space: "PGS.TS Lê Văn A", "NSND.Trần B".
var dottedTitles = map[string]bool{"PGS": true, "NSND": true, "NSƯT": true, "KTS": true, "BSCK": true}

// paragraphStart reports whether a paragraph starts at l[j:] with no space
// before it: an upper-case letter, or an opening quote and one, followed
// by a lower-case letter or a space (so "VnExpress.net" or "3.ABC" are
// not breaks).
func paragraphStart(l string, j int) bool {
	if j >= len(l) {
		return false
	}
	k := j
	switch {
	case strings.HasPrefix(l[k:], "“"):
		k += len("“")
	case l[k] == '"':
		k++
	}
	r, n := utf8.DecodeRuneInString(l[k:])
	next, _ := utf8.DecodeRuneInString(l[k+n:])
	return unicode.IsUpper(r) && (unicode.IsLower(next) || next == ' ')
}

// creditLabels are the labels of a photo or video credit.
var creditLabels = []string{"Ảnh", "Video", "Photo", "Nguồn", "Đồ họa", "Clip"}

// creditEnd looks at a colon at l[i]: when it ends a credit label ("Ảnh:")
// and the credit runs into the next paragraph within 60 bytes ("Ảnh:
// AFPViệc", "Ảnh: Andrew RingDubai", "Ảnh: Quỳnh Trang\"Hôm"), it returns
// the offset where that paragraph starts, or 0.
func creditEnd(l string, i int) int {
	label := false
	for _, m := range creditLabels {
		if strings.HasSuffix(l[:i], m) {
			label = true
			break
		}
	}
	if !label {
		return 0
	}
	token := 0          // letters of the word so far
	tokenUpper := false // the word began with a capital
	caps := 0           // capitals in a row
	for k := i + 1; k < len(l) && k < i+64; {
		r, n := utf8.DecodeRuneInString(l[k:])
		next, _ := utf8.DecodeRuneInString(l[k+n:])
		switch {
		case r == ' ' || r == '-' || r == '(' || r == '/':
			// A hyphen, a bracket or a slash starts a word too:
			// "Huntington-Whiteley", "(The", "Nguyễn Khang/TTXVN".
			token, caps = 0, 0
		case r == '.' || r == ',' || r == ';':
			return 0 // a sentence or list: the breaks at full stops decide
		case (r == '"' || r == '“') && token > 0 && unicode.IsUpper(next):
			return k
		case unicode.IsUpper(r) && token > 0:
			// lower-case then a capital: "RingDubai", but not a brand
			// such as "VnExpress" or "TikTok" (a short capitalised word
			// before the capital); capitals then a capital and lower case:
			// "AFPSominsai".
			if caps == 0 && !(tokenUpper && token <= 3) && (unicode.IsLower(next) || unicode.IsDigit(next)) {
				// "ReutersC919": a credit cannot end in a capital
				// and digits.
				return k
			}
			if caps >= 2 && unicode.IsLower(next) {
				return k
			}
			// lower-case then an acronym standing as a word:
			// "BazaarBAFTA (".
			if caps == 0 && !(tokenUpper && token <= 3) && acronymWord(l[k:]) {
				return k
			}
		}
		if r != ' ' && r != '-' && r != '(' && r != '/' {
			if token == 0 {
				tokenUpper = unicode.IsUpper(r)
			}
			token++
			if unicode.IsUpper(r) {
				caps++
			} else {
				caps = 0
			}
		}
		k += n
	}
	return 0
}
