package articles

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bao/model"
)

// leadPrefix matches "SOURCE - " or "(Source) - " at the start of a lead:
// up to four words, then a dash.
var leadPrefix = regexp.MustCompile(`^(\(([^()]{2,40})\)|[\p{L}\p{N}.&]+(?: [\p{L}\p{N}.&]+){0,3})\s*[-–—]{1,2}\s+`)

// englishDateline matches wire-style datelines: "LONDON, March 3 -",
// "WASHINGTON (Reuters) -", "NEW YORK, Jan. 5 (AP) —", "ALBANY, N.Y. —",
// "HARRISBURG, Pennsylvania --", "DUBAI, United Arab Emirates —", "TEXAS, USA —", "MADISON, WISCONSIN
// (The Borowitz Report) –", "ALBANY, NEW YORK —", and with an em dash set
// close, as American style has it, "IRVING, TX—Saying ..." (wireDateline
// wants a capital after that one).
var englishDateline = regexp.MustCompile(`^([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}(?:, (?:[A-Z][a-z]{2,}\.? \d{1,2}|[A-Z][A-Za-z.]{1,5}\.|[A-Z][a-z]{3,}(?: [A-Z][a-z]{3,}){0,2}|[A-Z]{3,}(?: [A-Z]{4,})|[A-Z]{4,}|[A-Z]{2,3}))?)\s*(?:\(([^()]{2,30})\))?\s*(?:[-–—]{1,2}\s+|(—))`)

// wireDateline matches englishDateline at the start of t, the place in
// capitals; outside English only with an agency or a state after it. It
// returns the match, the place and the agency.
func wireDateline(t, lang string) []string {
	// The place opens with two capitals (or a capital and a full stop or
	// an apostrophe): most lines are settled before the expression runs.
	if len(t) < 4 || t[0] < 'A' || t[0] > 'Z' || !(t[1] >= 'A' && t[1] <= 'Z' || t[1] == '.' || t[1] == '\'' || t[1] == 0xE2) {
		return nil
	}
	m := englishDateline.FindStringSubmatch(t)
	if m == nil || !isUpperWords(strings.Split(m[1], ",")[0]) || lang != "en" && m[2] == "" && !strings.Contains(m[1], ",") ||
		m[3] != "" && !unicode.IsUpper(firstRune(t[len(m[0]):])) {
		return nil
	}
	return m
}

// wireStamp matches the agency's name in brackets with no dash after it,
// after a place or alone, as CNN opens its stories: "Park City, Utah
// (CNN)Mitt Romney ...", "(CNN)The Democratic ...".
var wireStamp = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*(?:,? \p{Lu}[\p{L}.'’-]*){0,4} ?)?\((CNN(?: Business| Money)?|CNNMoney|AP|Reuters|AFP)\) ?["“‘'\p{Lu}]`)

// splitWireStamp takes a wireStamp off the start of t: the text after it,
// the agency, and the place, if any.
func splitWireStamp(t string) (rest, source, dateline string, ok bool) {
	if strings.IndexByte(t[:min(len(t), 64)], '(') < 0 {
		return t, "", "", false
	}
	m := wireStamp.FindStringSubmatchIndex(t)
	if m == nil {
		return t, "", "", false
	}
	// The match ends with the story's first letter.
	_, n := utf8.DecodeLastRuneInString(t[:m[1]])
	return strings.TrimLeft(t[m[1]-n:], " "), t[m[4]:m[5]], strings.TrimSpace(t[:max(m[3], 0)]), true
}

// pipeDateline matches a place set off from the story by a bar, as some
// sites open theirs: "Ottawa | Prime Minister ...", "Detroit, MI | A
// Michigan elector ...". The place is up to three capitalised words and
// perhaps a state after a comma; the story opens with a capital.
var pipeDateline = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,2}(?:, (?:[A-Z]{2}|[A-Z][a-z]+))?) \| \p{Lu}`)

// agencyFirst matches a photo agency's name opening a text.
var agencyFirst = regexp.MustCompile(`^(?:` + photoAgencies + `)\b`)

// splitPipeDateline takes a pipeDateline off the start of an English
// lead that is a story's sentence of a dozen words or more: a bar after
// a name opens photo credits ("Alex Wong | Getty Images") and kickers
// ("Analysis | Kanye West and how ...") as well.
func splitPipeDateline(lead, lang string) (rest, place string, ok bool) {
	if lang != "en" || strings.IndexByte(lead[:min(len(lead), 48)], '|') < 0 {
		return lead, "", false
	}
	m := pipeDateline.FindStringSubmatch(lead)
	if m == nil || hasPrefixFold(m[1], "by ") {
		return lead, "", false
	}
	rest = lead[len(m[1])+len(" | "):]
	if model.CountWords(rest) < 12 || !endsSentence(rest) || agencyFirst.MatchString(rest) || strings.Contains(rest[:min(len(rest), 60)], "Photo") {
		// A photographer and their agency over a picture's description
		// ("Alex Wong | Getty Images Kristi Noem, ..."), a viewer's
		// buttons over a credit ("Expand | Collapse (Photo: ...").
		return lead, "", false
	}
	return rest, m[1], true
}

// stateDateline matches an American dateline with the city in title case
// and the state's postal code before a dash: "Indianapolis, IN — Some
// ...". The story's first letter ends the match.
var stateDateline = regexp.MustCompile(`^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}, ([A-Z]{2})) ?[-–—]{1,2} ?(["“\p{Lu}])`)

// splitStateDateline takes a stateDateline off the start of an English
// paragraph: "New York, NY – With ...", "Indianapolis, IN — Some are
// ...", the city in title case and the state's postal code.
func splitStateDateline(t, lang string) (rest, place string, ok bool) {
	if lang != "en" || !strings.Contains(t[:min(len(t), 40)], ", ") {
		return t, "", false
	}
	m := stateDateline.FindStringSubmatch(t[:min(len(t), 120)])
	if m == nil || !usStates[m[2]] {
		return t, "", false
	}
	return t[len(m[0])-len(m[3]):], m[1], true
}

// usStates are the postal codes of the states and of Washington, D.C.
var usStates = setOf("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
	"ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
	"SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC")

// splitLeadPrefix takes a source and a dateline off the start of a lead:
// "Kinhtedothi - Ngày 5/4, ..." gives source "Kinhtedothi"; "(Dân trí) - "
// gives "Dân trí"; "Hà Nội - " and "LONDON, March 3 - " give datelines.
func splitLeadPrefix(lead, lang string) (rest, source, dateline string) {
	if m := wireDateline(lead, lang); m != nil {
		return lead[len(m[0]):], m[2], m[1]
	}
	if rest, source, dateline, ok := splitWireStamp(lead); ok {
		return rest, source, dateline
	}
	if rest, place, ok := splitPipeDateline(lead, lang); ok {
		return rest, "", place
	}
	if rest, place, ok := splitStateDateline(lead, lang); ok {
		return rest, "", place
	}
	// The prefix is at most four words and a bracket before a dash: a
	// lead with no dash near its start has none.
	if head := lead[:min(len(lead), 240)]; strings.IndexByte(head, '-') < 0 && !strings.Contains(head, "–") && !strings.Contains(head, "—") {
		return lead, "", ""
	}
	m := leadPrefix.FindStringSubmatch(lead)
	if m == nil {
		return lead, "", ""
	}
	rest = lead[len(m[0]):]
	if r := firstRune(rest); r == 0 || unicode.IsLower(r) {
		// "Mahlagha Jaberi - người mẫu gốc Iran - thường ...": a name
		// and what it is, not a place and the sentence after it.
		return lead, "", ""
	}
	switch {
	case m[2] != "":
		return rest, strings.TrimSpace(m[2]), ""
	case isSourceName(m[1]) && (lang == "vi" || isUpperWords(m[1]) || strings.Contains(m[1], ".")):
		// In English a capitalised word before a dash is as often the
		// sentence's subject ("Tillerson – the chief executive...",
		// "Germany — and a fight...") as a publication; an acronym or a
		// domain is still one.
		return rest, m[1], ""
	case lang == "vi" && allCapitalised(m[1]):
		// Province names hold a dash of their own: "Thừa Thiên - Huế",
		// "Bà Rịa - Vũng Tàu". Their second half is the next capitalised
		// words before another dash, or glued to the lead's first word
		// ("Thừa Thiên - HuếBan tổ chức..."), which splitGluedDateline
		// takes apart.
		if m2 := leadPrefix.FindStringSubmatch(rest); m2 != nil && m2[2] == "" && allCapitalised(m2[1]) &&
			!strings.Contains(m2[1], ".") && utf8.RuneCountInString(m[1]+m2[1]) <= 30 {
			return rest[len(m2[0]):], "", m[1] + " - " + m2[1]
		}
		for i, w := range strings.SplitN(rest, " ", 4) {
			if i == 3 || !capitalised(w) {
				break
			}
			if glueCut(w) > 0 {
				return lead, "", ""
			}
		}
		return rest, "", m[1]
	}
	return lead, "", ""
}

// siteStamp takes off the start of a lead the name of the site that
// published it, which some sites stamp on their standfirst without a dash:
// "Dân trí Thanh tra Bộ GD&ĐT ..." on dantri.com.vn. The name is up to
// three words that, folded and run together, are the URL's domain name,
// followed by a capitalised word. It returns the name and the rest, or ""
// and the lead as it was.
func siteStamp(lead, pageURL string) (name, rest string) {
	site := domainName(pageURL)
	if len(site) < 3 {
		return "", lead
	}
	words := strings.SplitN(lead, " ", 5)
	folded := ""
	for i, w := range words[:min(3, len(words)-1)] {
		folded += squashFold(w)
		if folded == "" || !strings.HasPrefix(site, folded) {
			break
		}
		if folded == site {
			if !unicode.IsUpper(firstRune(words[i+1])) {
				break
			}
			n := len(strings.Join(words[:i+1], " "))
			return lead[:n], strings.TrimSpace(lead[n:])
		}
	}
	return "", lead
}

// isSourceName reports whether a lead prefix names a publication rather than
// a place: a domain ("VTV.vn"), an acronym ("TTO", "ANTĐ") or one long
// single word ("Kinhtedothi").
func isSourceName(p string) bool {
	if strings.Contains(p, " ") {
		return strings.Contains(p, ".")
	}
	n := utf8.RuneCountInString(p)
	switch {
	case strings.Contains(p, "."):
		return true
	case isUpperWords(p):
		return n >= 2 && n <= 6
	}
	return n >= 6 && capitalised(p) && !hasDigit(p)
}

// isUpperWords reports whether s has letters and none of them is lower case.
func isUpperWords(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// allCapitalised reports whether every word of s starts with a capital.
func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if !capitalised(w) {
			return false
		}
	}
	return s != ""
}

// splitGluedDateline splits a place-name dateline that a scraper glued to
// the first word of the lead: "TP HCMThí sinh..." gives "TP HCM" and "Thí
// sinh...", "Thanh HóaRa bờ..." gives "Thanh Hóa" and "Ra bờ...". A glued
// word that also appears elsewhere in the article (a brand such as "TikTok")
// is left alone.
func splitGluedDateline(lead string, inBody func(string) bool) (dateline, rest string) {
	words := strings.SplitAfter(lead, " ")
	prefix := 0
	for i, w := range words {
		if i >= 6 || !capitalised(w) && strings.TrimSpace(w) != "-" {
			return "", lead
		}
		if cut := glueCut(strings.TrimSpace(w)); cut > 0 {
			token := strings.TrimSpace(w)
			token = strings.TrimRightFunc(token, func(r rune) bool { return !unicode.IsLetter(r) })
			if inBody(token) || strings.Count(lead, token) > 1 {
				return "", lead
			}
			return strings.TrimSpace(lead[:prefix+cut]), lead[prefix+cut:]
		}
		prefix += len(w)
	}
	return "", lead
}

// glueCut returns the byte offset in word where a second word starts without
// a space ("HCMThí" -> 3, "HóaRa" -> 3), or 0: a capital that follows a
// letter and is followed by a lower-case letter.
func glueCut(word string) int {
	runes := []rune(word)
	off := 0
	for i := 1; i+1 < len(runes); i++ {
		off += utf8.RuneLen(runes[i-1])
		if unicode.IsLetter(runes[i-1]) && unicode.IsUpper(runes[i]) && unicode.IsLower(runes[i+1]) {
			return off
		}
	}
	return 0
}
