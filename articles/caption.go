package articles

import (
	"regexp"
	"strings"
	"unicode"

	"bao/model"
)

// photoCredits start the credit that ends a photo caption.
var photoCredits = []string{"(Ảnh:", "(ảnh:", "Ảnh:", "Ảnh :", "(Ảnh minh họa", "Ảnh minh họa", "(Ảnh minh hoạ", "Ảnh minh hoạ",
	"Ảnh Internet", "(Ảnh Internet", "(Photo:", "Photo:", "Photo Credit:", "Photo credit:", "Image Credit:", "Image credit:", "(Nguồn ảnh:", "Picture:", "Image:", "Photograph:", "Image copyright", "Video:", "Đồ họa:", "(Đồ họa:"}

// creditCaptionLine reports whether a line on its own is a photo
// caption, a short text ending in a photo credit or a credit alone, given
// whether mayHaveCredit holds for it.
func creditCaptionLine(t string, credit bool) bool {
	if len(t) > 1600 || !credit || runesOver(t, 400) {
		return false
	}
	for _, c := range photoCredits {
		i := strings.Index(t, c)
		if i < 0 {
			continue
		}
		if i == 0 || !runesOver(t[i:], 60) && !strings.Contains(t[i+len(c):], ". ") {
			return true
		}
	}
	return false
}

// slashCredit is a photographer's credit in brackets closing a caption,
// as American papers give it: "(Evan Vucci/AP)", "(Whitney Shefte/The
// Washington Post)", "(John J. Kim / Chicago Tribune)", "(William B.
// Plowman/NBC/NBC News/Getty Images)".
var slashCredit = regexp.MustCompile(`\((?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}.'’-]*(?:\s?/\s?(?:The\s)?\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,4}){1,4}\)$`)

// isSlashCaption reports whether t, a line of its own, is a caption that
// ends in such a credit.
func isSlashCaption(t string) bool {
	return len(t) <= 1600 && strings.HasSuffix(t, ")") && strings.Contains(t, "/") && !runesOver(t, 400) && slashCredit.MatchString(t)
}

// isWireCaption reports whether t is a news agency's photo caption, which
// opens by saying what the picture is: "In this photo provided by the
// White House, ...", "In this Dec. 3, 2014, file photo, ...", "In this
// image released by A24 Films, ..."; or a blog's credit for its picture.
func isWireCaption(t string) bool {
	if strings.HasPrefix(t, "Featured ") {
		// A blog's credit for its picture: "Featured image via Twitter",
		// "Featured image by Gage Skidmore".
		if len(t) > 160 || !hasPrefixFold(t, "Featured image") {
			return false
		}
		rest := t[len("Featured image"):]
		return hasPrefixFold(rest, " via ") || hasPrefixFold(rest, " by ") || hasPrefixFold(rest, ": ") || hasPrefixFold(rest, " credit: ")
	}
	if isCoverCaption(t) {
		// "Cover image: artist’s impression of ...": what the picture
		// atop the page shows.
		return !runesOver(t, 400)
	}
	if len(t) > 1600 || !strings.HasPrefix(t, "In this ") || runesOver(t, 400) {
		return false
	}
	head := t[len("In this "):min(len(t), len("In this ")+40)]
	comma := strings.IndexByte(head, ',')
	for _, w := range []string{"photo", "image", "picture", "frame grab", "handout"} {
		if i := strings.Index(head, w); i >= 0 && (comma < 0 || i < comma) {
			return true
		}
	}
	return false
}

// coverLabel opens the caption of a page's top picture.
var coverLabel = regexp.MustCompile(`^(?:Cover|Top|Header|Main|Lead|Hero|Opening) (?:image|photo|picture|photograph|illustration)(?: credit)?: \S`)

// copyrightCredit closes a caption with the picture's copyright: "... La
// Paz, Bolivia, November 19, 2019. © Reuters / David Mercado".
var copyrightCredit = regexp.MustCompile(`[.!?][\s\x{00A0}]+©[\s\x{00A0}]*\p{Lu}[\p{L}.&' -]{1,30}(?:\s?/\s?\p{Lu}[\p{L}.' -]{1,40})?$`)

// isCopyrightCaption reports whether t is a picture's description that
// ends with such a credit.
func isCopyrightCaption(t string) bool {
	return len(t) <= 1200 && strings.Contains(t, "©") && !runesOver(t, 400) && copyrightCredit.MatchString(t)
}

// isCoverCaption reports whether t opens with a coverLabel; most lines
// are turned away by their first letter and the colon's place.
func isCoverCaption(t string) bool {
	if len(t) < 12 || !strings.ContainsRune("CTHMLO", rune(t[0])) {
		return false
	}
	return strings.IndexByte(t[:min(len(t), 28)], ':') > 0 && coverLabel.MatchString(t)
}

// isCreditAlone reports whether t is a photo's credit and nothing more:
// "Photo: DPA", "(Image: © TNG Collaboration)", "Alex Wong | Getty
// Images", "Photo by David Dyer-Bennet".
func isCreditAlone(t string) bool {
	return isLabelledCredit(t) || isPipeCredit(t) || isNamedCredit(t) || isByCredit(t)
}

// byCredit is a credit that says who made the picture in words, alone on
// its line, once or twice: "Photo by David Dyer-Bennet", "Photo
// illustration by Slate. Photo by David Dyer-Bennet.", "Illustration by
// Jane Doe for The Post", "Courtesy of Harbour Times".
var byCredit = regexp.MustCompile(`^(?:(?:Photo(?:graph)?s?|Photo illustration|Illustration|Illustrations|Image|Images|Graphic|Video|Artwork)(?: by| courtesy of| via) (?:\p{Lu}|\d)[^.!?;:]{1,60}(?:\.|$)\s?){1,2}$`)

// byCreditOpeners are the first five letters of every byCredit line.
var byCreditOpeners = setOf("Photo", "Illus", "Image", "Video", "Graph", "Artwo", "Court")

// isByCredit reports whether t is such a credit.
func isByCredit(t string) bool {
	if len(t) > 160 || len(t) < 10 || !strings.ContainsRune("PIVGAC", rune(t[0])) || !byCreditOpeners[t[:min(len(t), 5)]] {
		return false
	}
	if strings.HasPrefix(t, "Courtesy of ") {
		// "Courtesy of Harbour Times": whose the picture is.
		return len(t) <= 80 && !strings.ContainsAny(t, ".!?,;")
	}
	if strings.HasPrefix(t, "Courtesy ") {
		// "Courtesy Google", "Courtesy Harbour Times Archive": the
		// owner's name in capitals and nothing after it.
		return courtesyCredit.MatchString(t)
	}
	return (strings.Contains(t, " by ") || strings.Contains(t, " courtesy of ") || strings.Contains(t, " via ")) && byCredit.MatchString(t)
}

// courtesyCredit names whose a picture is without "of", as
// entertainment sites set it: "Courtesy Google", "Courtesy Harbour Times
// Archive".
var courtesyCredit = regexp.MustCompile(`^Courtesy (?:\p{Lu}[\p{L}&'’.-]*\s?){1,4}$`)

// isLabelledCredit reports whether t is a credit alone that says it is
// one: "Photo: DPA", "(Image: © NASA/ESA/K. Retherford/SWRI)", in
// brackets initials and all.
func isLabelledCredit(t string) bool {
	if len(t) > 160 {
		return false
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(t, "("), ")")
	if len(inner) < len(t) && len(inner) <= 80 && (strings.HasPrefix(inner, "Image: ") || strings.HasPrefix(inner, "Photo: ") ||
		strings.HasPrefix(inner, "Credit: ")) {
		return true
	}
	return isPhotoCredit(inner)
}

// namedCredit is a photographer's credit on a line of its own, with the
// outlet or agency after a slash or a comma: "Jason Cipriani/ZDNet", "Al
// Goldis, Associated Press".
var namedCredit = regexp.MustCompile(`^(?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}.'’-]*(?:/\p{Lu}[\p{L}.&'’-]*\p{Lu}[\p{L}.&'’-]*|, (?:` + photoAgencies + `|USA TODAY|Special to [\p{L}. ]{2,30}))$`)

// photoAgencies are the agencies a photographer's credit names after
// the name, as an expression's alternatives.
const photoAgencies = `Getty Images|AP|AP Photo|AFP|Reuters|Bloomberg|Shutterstock|Alamy|EPA|EPA-EFE|Rex|REX|Zuma Press|NurPhoto|Sipa USA|Corbis|Imagn|USA TODAY Sports|Associated Press|The Associated Press|ASSOCIATED PRESS|THE ASSOCIATED PRESS`

// isNamedCredit reports whether t is such a credit.
func isNamedCredit(t string) bool {
	return len(t) <= 80 && (strings.IndexByte(t, '/') > 0 || strings.Contains(t, ", ")) && namedCredit.MatchString(t)
}

// pipeCredit is a photographer's credit with the agency after a bar, as
// some American sites set it under a picture: "Alex Wong | Getty Images",
// "Natalie Naccache | Bloomberg | Getty Images".
var pipeCredit = regexp.MustCompile(`^(?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}.'’-]*(?: \| [\p{Lu}][\p{L}.&'’ -]{1,30}){0,2} \| (?:` + photoAgencies + `)$`)

// isPipeCredit reports whether t is such a credit.
func isPipeCredit(t string) bool {
	return len(t) <= 160 && strings.Contains(t, " | ") && pipeCredit.MatchString(t)
}

// agencyPhotoCredit closes a caption with the agency before the
// photographer's name: "... (AP Photo/Alan Diaz, File)", "...
// REUTERS/Brendan McDermid".
var agencyPhotoCredit = regexp.MustCompile(`(?:\((?:AP|AFP|EPA|Reuters|Xinhua) Photo/[\p{L}.'’ -]{3,40}(?:, File)?\)|[.!?] (?:REUTERS|AFP|AP)/[\p{L}.'’ -]{3,40})$`)

// isAgencyCaption reports whether t is a description with such a credit.
func isAgencyCaption(t string) bool {
	if len(t) > 1200 {
		return false
	}
	tail := t[max(0, len(t)-60):]
	if !strings.Contains(tail, "Photo/") && !strings.Contains(tail, "REUTERS/") && !strings.Contains(tail, "AFP/") &&
		!strings.Contains(tail, "AP/") {
		return false
	}
	return !runesOver(t, 400) && agencyPhotoCredit.MatchString(t)
}

// isCaptionAlone reports whether t, a line of its own, is a photo's
// caption by what it says: a credit closes or opens it, in any of the
// forms above, or it says what the picture is.
func isCaptionAlone(t string) bool {
	return captionAlone(t, mayHaveCredit(t))
}

// captionAlone is isCaptionAlone for a line whose mayHaveCredit is known.
func captionAlone(t string, credit bool) bool {
	return creditCaptionLine(t, credit) || isSlashCaption(t) || isWireCaption(t) || isPipeCredit(t) || isCopyrightCaption(t) || isAgencyCaption(t) ||
		isNamedCredit(t) || isByCredit(t) || isTailCreditCaption(t) || isGalleryCaption(t)
}

// isGalleryCaption reports whether t is a gallery's caption with its
// counter run into it: "1of4Grass Valley's Dionicio Torres looks at ...".
func isGalleryCaption(t string) bool {
	if len(t) < 8 || len(t) > 1600 || !isDigit(t[0]) || runesOver(t, 400) {
		return false
	}
	return galleryCaption.MatchString(t)
}

// galleryCaption opens with such a counter.
var galleryCaption = regexp.MustCompile(`^\d{1,3}of\d{1,3}\p{Lu}`)

// isTailCreditCaption reports whether t is a picture's description with
// its credit run on at the end, the way some sites set them under the
// picture: "... sought treatment Credit: EPA", "Dr. Jo Lind at the pier
// Courtesy of Harbour Times", "... problematic use of the drug. Getty",
// "... or medical use. Statista", "The road to retiring early isn't
// easy. Kathrin Ziegler/Getty". After a full stop the credit is an
// agency's or a picture source's name, or a name and its outlet after a
// slash, and the description has six words or more.
func isTailCreditCaption(t string) bool {
	if len(t) < 24 || len(t) > 1600 {
		return false
	}
	if endsSentence(t) {
		// Only a credit in words ends with a stop.
		return byCreditAfter(t) && !runesOver(t, 400)
	}
	if runesOver(t, 800) {
		return false
	}
	tail := t[max(0, len(t)-72):]
	for _, label := range []string{" Credit: ", " Credits: ", " Courtesy of ", " (Credit: ", " (credit: "} {
		if i := strings.LastIndex(tail, label); i >= 0 {
			i += len(t) - len(tail)
			credit := strings.TrimSuffix(t[i+len(label):], ")")
			// A credit in brackets says what it is: a shorter
			// description will do. A credit's own stops are its
			// abbreviations' ("Univ. of Arizona"); a stop before a
			// capital starts a sentence, which no credit has.
			least := 6
			if label[1] == '(' {
				least = 3
			}
			if credit != "" && !sentenceInCredit.MatchString(credit) && model.CountWords(t[:i]) >= least {
				return true
			}
			return !runesOver(t, 400) && byCreditAfter(t)
		}
	}
	if runesOver(t, 400) {
		// A longer description says what its last words are.
		return false
	}
	if byCreditAfter(t) {
		return true
	}
	i := strings.LastIndex(tail, ". ")
	if i < 0 {
		return false
	}
	i += len(t) - len(tail)
	return tailCredit.MatchString(t[i+2:]) && model.CountWords(t[:i]) >= 6
}

// sentenceInCredit finds a stop that ends a sentence in a credit: one
// followed by a capital.
var sentenceInCredit = regexp.MustCompile(`\. \p{Lu}`)

// byCreditAfter reports whether t is a picture's description of three
// words or more, then a sentence or two of byCredit: "John M. Ford in
// 1987. Photo illustration by Slate. Photo by David Dyer-Bennet.".
func byCreditAfter(t string) bool {
	// A credit is 160 bytes at most (isByCredit): it starts near the end,
	// and says "by" or "Courtesy".
	tail := t[max(0, len(t)-162):]
	if !strings.Contains(tail, " by ") && !strings.Contains(tail, "Courtesy") {
		return false
	}
	for i := len(t) - len(tail); ; {
		j := strings.Index(t[i:], ". ")
		if j < 0 {
			return false
		}
		i += j + 2
		if isByCredit(t[i:]) {
			return model.CountWords(t[:i]) >= 3
		}
	}
}

// tailCredit is the credit after such a description: a picture source
// or a photographer and outlet parted by a slash.
var tailCredit = regexp.MustCompile(`^(?:` + photoAgencies + `|Getty|Statista|iStock|NASA|Twitter|Instagram|YouTube|Facebook|Handout|` +
	`(?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*(?:\s?/\s?(?:The\s)?\p{Lu}[\p{L}.&'’-]*(?:\s\p{Lu}[\p{L}.&'’-]*){0,3}){1,3})$`)

// isVideoCaption reports whether t captions a video the page embedded:
// "XEM CLIP: ... (Nguồn: VTV)", "Video: ...", "WATCH: ...".
func isVideoCaption(t string) bool {
	if len(t) > 600 {
		return false
	}
	// Word-segmented text sets its colons apart: "Clip : ...".
	for _, p := range []string{"XEM CLIP", "Xem clip", "XEM VIDEO", "Xem video", "Video:", "VIDEO:", "WATCH:", "Watch:", "Clip:",
		"Video :", "VIDEO :", "Clip :", "CLIP :"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// isClipTitle reports whether t, a line of a Vietnamese article, is the
// title of a clip the page embedded, said the way such pages say it, the
// word then what the clip shows: "Clip ông Vũ cười nhưng đâu có vui".
func isClipTitle(t string) bool {
	return strings.HasPrefix(t, "Clip ") && len(t) <= 200 && !endsSentence(t)
}

// mayHaveCredit is a quick test that t might hold a photo credit. It runs
// on every line, so it reads each line as few times as it can. "Ảnh" is
// looked for by its last byte and "nh" first: "Ả" begins with the byte
// that begins most accented Vietnamese letters, which makes a search from
// there slow. The labels that end with a colon ("(ảnh:", "Nguồn ảnh:",
// "Picture:", "Video:", "Đồ họa:") are found by one search for the
// colons, few in a line, and a look at what comes before each. Every
// label in photoCredits must pass it (TestCreditPrefilter).
func mayHaveCredit(t string) bool {
	if strings.Contains(t, "\xa2nh") && strings.Contains(t, "Ảnh") || strings.Contains(t, "Photo") || strings.Contains(t, "Image") {
		return true
	}
	for i := strings.IndexByte(t, ':'); i > 0; {
		if before := t[:i]; strings.HasSuffix(before, "(ảnh") || strings.HasSuffix(before, "Nguồn ảnh") ||
			strings.HasSuffix(before, "Picture") || strings.HasSuffix(before, "Video") || strings.HasSuffix(before, "Đồ họa") {
			return true
		}
		j := strings.IndexByte(t[i+1:], ':')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// isPhotoCredit reports whether t is a photo credit alone: "Ảnh: Volvo".
func isPhotoCredit(t string) bool {
	// Every one of photoCredits opens with one of these bytes: "(",
	// "Ả", "P", "I", "V", "Đ".
	if t == "" || len(t) > 240 || strings.IndexByte("(\xe1PIV\xc4", t[0]) < 0 || runesOver(t, 60) {
		return false
	}
	for _, c := range photoCredits {
		if strings.HasPrefix(t, c) {
			return !strings.Contains(t, ". ")
		}
	}
	return false
}

// isAnonymousCredit reports whether t is a photo credit that names no
// one: "Ảnh Internet", "(Ảnh minh họa)", "Ảnh: Tổng hợp". It credits a
// picture, not a writer, however many of them end a page.
func isAnonymousCredit(t string) bool {
	if len(t) > 40 {
		return false
	}
	f := strings.TrimSpace(strings.Trim(model.Fold(t), "()<>.: "))
	f, ok := strings.CutPrefix(f, "anh")
	return ok && anonymousCredits[strings.Trim(f, ": ")]
}

// anonymousCredits are what a credit says when it names no one, folded.
var anonymousCredits = setOf("internet", "minh hoa", "tong hop", "st", "suu tam", "nguon internet")

// describesPicture reports whether t, a Vietnamese line of the text,
// says what a picture shows: it opens by naming the picture ("Hình ảnh
// con trăn khổng lồ ...", "Bức ảnh đã gây xôn xao ...") and is one
// sentence of 25 words at most. A paragraph about a picture goes on for
// more; one that introduces the pictures below ("Những hình ảnh dưới
// đây ...") is the text's. Without a full stop it says more than eight
// words: "Hình ảnh đầu tiên từ máy chụp 3D" heads a section of a list.
func describesPicture(t string) bool {
	if len(t) > 400 || !strings.HasPrefix(t, "Hình ảnh ") && !strings.HasPrefix(t, "Bức ảnh ") && !strings.HasPrefix(t, "Bức hình ") &&
		!strings.HasPrefix(t, "Những hình ảnh ") && !strings.HasPrefix(t, "Những bức ảnh ") && !strings.HasPrefix(t, "Ảnh chụp ") {
		return false
	}
	words := model.CountWords(t)
	return words <= 25 && (words > 8 || endsSentence(t)) && !hasSentenceBreak(t) && !strings.Contains(t, "dưới đây")
}

// opensWithConnective reports whether a Vietnamese line opens with a
// word that goes on from what came before it, and its comma: "Bên cạnh
// đó, ...", "Tuy nhiên, ...". A picture's description does not.
func opensWithConnective(t string) bool {
	head, _, ok := strings.Cut(t[:min(len(t), 40)], ",")
	return ok && connectives[strings.TrimSpace(model.Fold(head))]
}

// connectives go on from the sentence before them, folded.
var connectives = setOf("ben canh do", "ngoai ra", "tuy nhien", "do do", "vi vay", "vi the", "theo do", "trong khi do",
	"dong thoi", "the nhung", "them vao do", "hon nua", "mat khac", "nguoc lai", "sau do", "cuoi cung", "trong do")

// bareCredit matches a credit of initials without a colon after a
// sentence: "... của xổ số Vietlott. Ảnh TM Giá trị ...", or one saying
// where the picture was taken from: "... tại sảnh ga đi. Ảnh cắt từ
// video.", "Ảnh chụp màn hình" closing the line.
var bareCredit = regexp.MustCompile(`[.!?] (Ảnh (?:[\p{Lu}][\p{Lu}./]{0,7}(?: |$)|(?:cắt từ (?:video|clip)|chụp màn hình)\.?$))`)

// findCredit returns where the first photo credit in t starts and how long
// its "Ảnh:"-like opening is, or -1.
func findCredit(t string) (at, open int) {
	at = -1
	if !mayHaveCredit(t) {
		return at, 0
	}
	// Each label is looked for only when the word it is built on is in
	// the line: most lines hold one of them at most.
	var words [len(creditWords)]bool
	for w, word := range creditWords {
		words[w] = strings.Contains(t, word)
	}
	for i, c := range photoCredits {
		if !words[creditWord[i]] {
			continue
		}
		if i := strings.Index(t, c); i >= 0 && (at < 0 || i < at) {
			at, open = i, len(c)
		}
	}
	if !strings.Contains(t, "Ảnh ") {
		return at, open
	}
	// The expressions run on a window around each "Ảnh ", not the line.
	bare, bracket := -1, -1
	for off := 0; bare < 0 || bracket < 0; {
		j := strings.Index(t[off:], "Ảnh ")
		if j < 0 {
			break
		}
		i := off + j
		off = i + len("Ảnh ")
		if bare < 0 && i >= 2 && t[i-1] == ' ' && (t[i-2] == '.' || t[i-2] == '!' || t[i-2] == '?') {
			if m := bareCredit.FindStringSubmatchIndex(t[i-2 : min(len(t), i+40)]); m != nil && m[0] == 0 {
				bare = i - 2 + m[2]
			}
		}
		if bracket < 0 && i >= 1 && t[i-1] == '(' {
			if m := bracketCredit.FindStringIndex(t[i-1 : min(len(t), i+200)]); m != nil && m[0] == 0 {
				bracket = i - 1
			}
		}
	}
	if bare >= 0 && (at < 0 || bare < at) {
		at, open = bare, len("Ảnh ")
	}
	if bracket >= 0 && (at < 0 || bracket < at) {
		at, open = bracket, len("(Ảnh ")
	}
	return at, open
}

// creditWords are the words photoCredits are built on: "nh" (Ảnh, ảnh),
// Photo, Image, Picture:, Video:, "họa:" (Đồ họa:); creditWord says, for
// each of photoCredits, which.
var creditWords = [...]string{"nh", "Photo", "Image", "Picture:", "Video:", "họa:"}

var creditWord = func() []int {
	out := make([]int, len(photoCredits))
	for i, c := range photoCredits {
		for w, word := range creditWords {
			if strings.Contains(c, word) {
				out[i] = w
				break
			}
		}
	}
	return out
}()

// bracketCredit is a credit in brackets without a colon: "... hiện
// trường vụ đánh bom (Ảnh AP) Sokolov ...". Lower case after "ảnh" ("UAV
// (ảnh)") points at a photo rather than crediting one.
var bracketCredit = regexp.MustCompile(`\(Ảnh \p{Lu}[^()]{0,40}\)`)

// inlineCaption finds a photo caption running inside a paragraph: the
// sentence before a photo credit plus the credit. It returns the caption's
// byte range, or end 0 when there is none.
func inlineCaption(t string) (start, end int) {
	at, open := findCredit(t)
	if at < 0 {
		return 0, 0
	}
	end = at + open + creditLen(t[at+open:], t[at] == '(')
	before := strings.TrimRight(t[:at], " ")
	before = strings.TrimSuffix(before, ".")
	// A caption is at most 400 runes, so look no further back than that.
	window := max(len(before)-1600, 0)
	start = 0
	for _, b := range []string{". ", "! ", "? ", "… ", ".” ", ".\" ", "  "} {
		if i := strings.LastIndex(before[window:], b); i >= 0 && window+i+len(b) > start {
			start = window + i + len(b)
		}
	}
	if runesOver(t[start:at], 400) {
		start = at
	}
	return start, end
}

// runeOffset returns the byte offset of s's nth character, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// creditLen returns how much of s (the text after "Ảnh:") is the credit: up
// to the closing bracket, the end of the sentence or a run of spaces, and
// no further than the start of a new sentence: a capitalised word followed
// by a lower-case one ("Công an TP HCM | Siêu xe 25 tỷ"), or a quotation.
func creditLen(s string, bracketed bool) int {
	if bracketed {
		// Up to 120 characters, however many bytes they take.
		if i := strings.IndexByte(s, ')'); i >= 0 && !runesOver(s[:i], 120-1) {
			n := i + 1
			if strings.HasPrefix(s[n:], ".") {
				n++
			}
			return n
		}
	}
	// At most 80 characters, and never part of a word: "Điện Biê" and
	// "n Phủ" were once a caption's end and a paragraph's start.
	limit := len(s)
	if n := runeOffset(s, 80); n < len(s) {
		limit = n
		if sp := strings.LastIndexByte(s[:limit], ' '); sp > 0 && s[limit] != ' ' {
			limit = sp
		}
	}
	for _, stop := range []string{". ", "  "} {
		if i := strings.Index(s[:limit], stop); i >= 0 {
			limit = i
			if stop == ". " {
				limit++
			}
		}
	}
	if limit == len(s) && strings.HasSuffix(s, ".") {
		limit = len(s)
	}
	lead := len(s[:limit]) - len(strings.TrimLeft(s[:limit], " "))
	words := strings.SplitAfter(s[lead:limit], " ")
	n := lead
	for i, w := range words {
		tw := strings.TrimSpace(w)
		if i > 0 && tw != "" && (isQuoteOpen(firstRune(tw)) || capitalised(tw) && i+1 < len(words) && unicode.IsLower(firstRune(words[i+1]))) {
			return n
		}
		if i == 1 && capitalised(tw) && isAgencyCredit(strings.TrimSpace(words[0])) {
			// "Ảnh: AFP Theo Hãng tin ...": an agency or a site is
			// the whole credit.
			return n
		}
		n += len(w)
	}
	return limit
}

// isAgencyCredit reports whether a credit's first word is a whole credit:
// an agency's initials ("AFP", "TTXVN", "AP/TTXVN") or a site ("RT.com").
func isAgencyCredit(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return strings.Contains(w, ".") && !strings.HasSuffix(w, ".")
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
}
