package articles

import (
	"net/url"
	"strings"
	"unicode"

	"bao/model"
)

// A scraped title often carries the page's furniture: the site's name
// after a separator ("... - VnExpress Sức khỏe", "... | Celeb Dirty
// Laundry") or a kicker before one ("Analysis | ...", "Nghe podcasts |
// ..."). The headline is what the reader wants at the top; the rest goes
// to Dropped when it came from the text.

// titleSeps separate a title from a site's name.
var titleSeps = []string{" | ", " - ", " – ", " — "}

// titleSepChars are trimmed off what is taken from a title.
const titleSepChars = " |-–—"

// trimTitle takes the site's name and a kicker off a's title, given the
// source and URL the article names, and returns what it took off.
func trimTitle(a *model.Article) []string {
	var cut []string
	if i := siteSuffix(a.Title, a.Source, a.URL); i > 0 {
		cut = append(cut, strings.Trim(a.Title[i:], titleSepChars))
		a.Title = strings.TrimSpace(a.Title[:i])
	}
	start, end := pipeParts(a.Title)
	if start > 0 {
		cut = append(cut, strings.Trim(a.Title[:start], titleSepChars))
	}
	if end < len(a.Title) {
		cut = append(cut, strings.Trim(a.Title[end:], titleSepChars))
	}
	a.Title = strings.TrimSpace(a.Title[start:end])
	return cut
}

// siteSuffix returns where the site's name at the end of a title starts,
// separator included: the last part after a separator, of five words or
// fewer, that begins with the source's name or the URL's domain. It
// returns -1 when there is none.
func siteSuffix(title, source, pageURL string) int {
	if !strings.Contains(title, " | ") && !strings.Contains(title, " - ") && !strings.Contains(title, " – ") && !strings.Contains(title, " — ") {
		return -1
	}
	var names []string
	if f := squashFold(source); len(f) >= 3 {
		names = append(names, f)
	}
	if d := domainName(pageURL); len(d) >= 3 {
		names = append(names, d)
	}
	best := -1
	for _, sep := range titleSeps {
		i := strings.LastIndex(title, sep)
		if i <= 0 || i < best || model.CountWords(title[i+len(sep):]) > 5 {
			continue
		}
		tail := squashFold(title[i+len(sep):])
		for _, n := range names {
			if strings.HasPrefix(tail, n) {
				best = i
			}
		}
	}
	return best
}

// pipeParts returns the headline's range in a title with one " | ": a
// kicker of one or two words before it ("Analysis | Kanye West and ...")
// or a name of up to four capitalised words after it ("... | Celeb Dirty
// Laundry") is left out.
func pipeParts(title string) (start, end int) {
	end = len(title)
	i := strings.Index(title, " | ")
	if i <= 0 || strings.LastIndex(title, " | ") != i {
		return 0, end
	}
	left, right := title[:i], title[i+3:]
	lw, rw := model.CountWords(left), model.CountWords(right)
	switch {
	case lw <= 2 && rw >= 4:
		return i + 3, end
	case rw <= 4 && lw >= 4 && allCapitalised(right):
		return 0, i
	}
	return 0, end
}

// squashFold folds s and keeps only its letters and digits: "VnExpress
// Sức khỏe" gives "vnexpresssuckhoe".
func squashFold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, model.Fold(s))
}

// namesSite reports whether a header's title is the site's name rather
// than the story's: it opens with the words that, run together, are the
// URL's domain name, and at most four words follow, none a colon's
// (a tagline or a host: "The Black Sphere with Kevin Jackson" on
// theblacksphere.net). "Reuters: Oil rises as ..." names a story.
func namesSite(title, pageURL string) bool {
	site := domainName(pageURL)
	if len(site) < 5 || strings.Contains(title, ":") {
		return false
	}
	words := strings.Fields(title)
	run := ""
	for i, w := range words[:min(len(words), 4)] {
		if run += squashFold(w); !strings.HasPrefix(site, run) {
			return false
		}
		if run == site {
			return len(words)-i-1 <= 4
		}
	}
	return false
}

// domainName returns the name in a URL's host: "vnexpress" for
// https://video.vnexpress.net/..., "bbc" for www.bbc.co.uk.
func domainName(pageURL string) string {
	if pageURL == "" {
		return ""
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	if len(labels) < 2 {
		return ""
	}
	name := labels[len(labels)-2]
	if len(labels) >= 3 && len(name) <= 3 {
		// "co.uk", "com.vn"
		name = labels[len(labels)-3]
	}
	return squashFold(name)
}
