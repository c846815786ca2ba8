package articles

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rejoinWrapped joins the lines of hard-wrapped text back into paragraphs.
// Text saved by some scrapers, mail and corpora is cut into lines of 50 to
// 80 columns in mid-sentence; read line by line, each fragment would be a
// paragraph, and a short one a heading. Such text is recognised by its
// shape: the longest lines (the 90th percentile, at most 100 columns) are
// the wrap width, half the lines or more come close to it, and most of
// those end in mid-sentence. A line close to the width is then joined with
// the next unless a blank line, or an indented line after a sentence's
// end, comes between. Text of any other shape is returned as it is.
func rejoinWrapped(text string) string {
	// Most text is not wrapped: a line of more than 100 characters in
	// every ten settles it without a copy.
	// Counting newlines is quick, and bounds the number of lines: once a
	// tenth of that many are long, the scan can stop.
	most := strings.Count(text, "\n") + 1
	n, long := 0, 0
	for rest := text; rest != ""; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		if i > 0 {
			n++
			if runesOver(rest[:i], 100) {
				if long++; long*10 > most {
					return text
				}
			}
		}
		rest = rest[min(i+1, len(rest)):]
	}
	if n < 8 || long*10 > n {
		return text
	}
	lines := strings.Split(text, "\n")
	var lens []int
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			lens = append(lens, utf8.RuneCountInString(strings.TrimRight(l, " \t")))
		}
	}
	if len(lens) < 8 {
		return text
	}
	sorted := slices.Sorted(slices.Values(lens))
	width := sorted[len(sorted)*9/10]
	if width < 40 || width > 100 {
		return text
	}
	near := width - max(width/5, 8)
	full, open := 0, 0
	for _, l := range lines {
		t := strings.TrimRight(l, " \t")
		if strings.TrimSpace(t) != "" && utf8.RuneCountInString(t) >= near {
			full++
			if !endsSentence(t) {
				open++
			}
		}
	}
	if full*2 < len(lens) || open*3 < full*2 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(lines); i++ {
		cur := strings.TrimRight(lines[i], " \t")
		b.WriteString(cur)
		if i+1 == len(lines) {
			break
		}
		next := lines[i+1]
		nt := strings.TrimLeft(next, " \t\u00a0")
		joins := strings.TrimSpace(cur) != "" && nt != "" && utf8.RuneCountInString(cur) >= near &&
			!(len(nt) < len(next) && endsSentence(cur)) && !startsItem(nt, cur)
		if !joins {
			b.WriteByte('\n')
			continue
		}
		// "well-" and "known" were one word; "2015 -" and "2020" were not;
		// nor is an address cut where it reached the width.
		r, _ := utf8.DecodeRuneInString(nt)
		if !(strings.HasSuffix(cur, "-") && !strings.HasSuffix(cur, " -") && unicode.IsLower(r)) && !cutAddress(cur, nt) {
			b.WriteByte(' ')
		}
		lines[i+1] = nt
	}
	return b.String()
}

// startsItem reports whether a line opens an item of its own, which a
// wrapped line before it does not run into: a link's address in a list
// of them ("[2]: https://..."), a bullet ("* "), or a heading marked
// with "#" under a line that is not one.
func startsItem(next, cur string) bool {
	switch next[0] {
	case '[':
		return linkDefinition.MatchString(next)
	case '*':
		return strings.HasPrefix(next, "* ")
	case '#':
		return cur[0] != '#'
	}
	return false
}

// cutAddress reports whether an address at the end of cur goes on at the
// start of next, a line of no spaces: "https://example.com/a-long-na" and
// "me-of-a-page/".
func cutAddress(cur, next string) bool {
	sp := strings.LastIndexByte(cur, ' ')
	return strings.Contains(cur[sp+1:], "://") && !strings.ContainsAny(next, " \t")
}
