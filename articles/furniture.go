package articles

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"bao/model"
)

// Site furniture learned from the library itself. A short line that
// recurs in many articles of one directory (a folder of one site's
// scrapes, or a feed's) is the site's widget ("Play VIDEO", "Theo dõi
// chúng tôi trên Google News"), not the text of any one article, so it is
// dropped from all of them, without a rule written for that site. So is
// the end of the titles after their last separator, when the same end
// (" - Tuổi Trẻ Online") closes the titles of many of them. A directory
// that mixes sites (a library bao fetch and feeds save into, a scraper's
// dump) is also learned from site by site, where its articles give their
// address: each site's articles are counted as a directory of their own
// would be. What is learned for a directory is kept for the process, so
// an article read again on its own later (Reload, a changed file) loses
// the same lines. Lines that are not sentences are compared with their
// numbers left out, so that a counter ("16.8k SHARES", "Listen 9 min
// Comment on this story ...") is one line however its numbers run; a
// widget read as an article's lead, its first line, is learned as well,
// and dropped from the lead.

const (
	// furnitureMin is how many articles a directory needs before
	// anything is learned from it, and how many a line must recur in.
	furnitureMin = 5
	// furnitureShare is the share of a directory's articles a line must
	// recur in, in percent.
	furnitureShare = 30
	// furnitureWindow is how many of a directory's articles are held
	// back while learning; later ones pass at once with what was learned.
	furnitureWindow = 200
	// furnitureLen is the longest line, in bytes, taken for furniture.
	furnitureLen = 240
)

// learned holds each directory's furniture, once learned.
var learned sync.Map // directory -> furniture

// furniture is what was learned from one directory: the lines of the
// whole directory, and those of each site among its articles.
type furniture struct {
	all   map[string]bool
	sites map[string]map[string]bool
}

// siteOf is the site an article comes from, the host of its address
// without "www.", or "" when it gives none.
func siteOf(a *model.Article) string {
	if a == nil || a.URL == "" {
		return ""
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// tally counts, for one directory or one site of it, how many articles
// each candidate line is in.
type tally struct {
	counts   map[string]int
	articles int
}

func (t *tally) add(a *model.Article) {
	for _, c := range furnitureCandidates(a) {
		t.counts[c]++
	}
	t.articles++
}

// titleHeader marks a learned header line that gave many articles their
// title.
const titleHeader = "\x00header\x00"

// titleTail marks a learned title ending: the text after it is the site's
// name as it ends the titles of a directory (" - Tuổi Trẻ Online").
const titleTail = "\x00title\x00"

// furnitureCandidates are the distinct short texts of a plain-text
// article's lead and blocks, the lines that could be furniture, as
// furnitureKey has them; the header line its title came from, word for
// word; and the end of its title after the last separator, which could be
// the site's name.
func furnitureCandidates(a *model.Article) []string {
	if a == nil || a.Format != model.PlainText {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if len(t) <= furnitureLen {
			if k := furnitureKey(t); !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	if a.Lead != "" {
		add(a.Lead)
	}
	if l := titleLine(a); l != "" && len(l) <= furnitureLen {
		// The same title over many pages is no page's title; word for
		// word, numbers and all: "Bản tin 18h ngày 5/4" and "... 6/4"
		// are a series, not a widget.
		out = append(out, titleHeader+l)
	}
	for _, b := range a.Blocks {
		add(b.Text)
	}
	if tail := titleEnding(a); tail != "" {
		out = append(out, titleTail+tail)
	}
	return out
}

// furnitureKey is the line t as it is learned and looked up: in a line
// that is not a sentence, each run of digits, with the points, commas and
// colons inside it, stands as one "#" ("Listen 9 min" and "Listen 10 min"
// are both "Listen # min"). A sentence is kept whole: one that says the
// same with other numbers in each article ("Work starts in 3 weeks.") is
// a template's text, not a widget.
func furnitureKey(t string) string {
	i := strings.IndexAny(t, "0123456789")
	if i < 0 || endsSentence(t) || lastRune(t) == '?' {
		return t
	}
	b := []byte(t[:i])
	for i < len(t) {
		c := t[i]
		if !isDigit(c) {
			b = append(b, c)
			i++
			continue
		}
		b = append(b, '#')
		for i < len(t) && (isDigit(t[i]) || (t[i] == '.' || t[i] == ',' || t[i] == ':') && i+1 < len(t) && isDigit(t[i+1])) {
			i++
		}
	}
	return string(b)
}

// titleEnding returns the end of a's title from its last separator (" -
// Tuổi Trẻ Online"), when that end is five words or fewer, or "".
func titleEnding(a *model.Article) string {
	if a.TitleGuessed {
		return ""
	}
	at := -1
	for _, sep := range titleSeps {
		if i := strings.LastIndex(a.Title, sep); i > at {
			at = i
		}
	}
	if at <= 0 || model.CountWords(a.Title[at:]) > 5 {
		return ""
	}
	return a.Title[at:]
}

// learnFurniture returns the lines that recur in enough of n articles,
// given how many articles each line is in.
func learnFurniture(counts map[string]int, n int) map[string]bool {
	f := map[string]bool{}
	if n < furnitureMin {
		return f
	}
	for t, c := range counts {
		if c >= furnitureMin && c*100 >= furnitureShare*n {
			f[t] = true
		}
	}
	return f
}

// applyFurniture moves a's blocks whose text is furniture, of its
// directory or of its site, to Dropped, and reports whether it changed
// anything.
func applyFurniture(a *model.Article, learnt furniture) bool {
	if a == nil || a.Format != model.PlainText {
		return false
	}
	var site map[string]bool
	if len(learnt.sites) > 0 {
		site = learnt.sites[siteOf(a)]
	}
	if len(learnt.all) == 0 && len(site) == 0 {
		return false
	}
	// known reports a key learned for the directory or for a's site; f,
	// a line of text learned as furniture.
	known := func(k string) bool { return learnt.all[k] || site[k] }
	f := func(t string) bool { return len(t) <= furnitureLen && known(furnitureKey(t)) }
	tail := titleEnding(a)
	if tail != "" && !known(titleTail+tail) {
		tail = ""
	}
	lead := a.Lead != "" && f(a.Lead)
	widgetTitle := titleFromWidget(a, known, f)
	if tail == "" && !lead && !widgetTitle && !slices.ContainsFunc(a.Blocks, func(b model.Block) bool { return f(b.Text) }) {
		return false
	}
	// Places of the lines dropped before, kept up to date when blocks go.
	placed := len(a.DroppedAt) == len(a.Dropped)
	old := len(a.Dropped)
	kept := a.Blocks[:0:0]
	keptBefore := make([]int, len(a.Blocks)+1)
	if tail != "" {
		// The directory's titles all end with the site's name.
		a.Title = strings.TrimSpace(strings.TrimSuffix(a.Title, tail))
		a.Dropped = append(a.Dropped, strings.Trim(tail, titleSepChars))
		if a.Lead != "" {
			a.DroppedAt = append(a.DroppedAt, model.AboveLead)
		} else {
			a.DroppedAt = append(a.DroppedAt, 0)
		}
	}
	for i, b := range a.Blocks {
		keptBefore[i] = len(kept)
		if f(b.Text) {
			a.Dropped = append(a.Dropped, b.Text)
			a.DroppedAt = append(a.DroppedAt, len(kept))
			continue
		}
		kept = append(kept, b)
	}
	keptBefore[len(a.Blocks)] = len(kept)
	if placed {
		for i := range old {
			if a.DroppedAt[i] != model.AboveLead {
				a.DroppedAt[i] = keptBefore[min(max(a.DroppedAt[i], 0), len(keptBefore)-1)]
			}
		}
	} else {
		a.DroppedAt = nil
	}
	if lead {
		kept = dropLead(a, kept, placed)
	}
	if widgetTitle {
		kept = retitle(a, kept, placed)
	}
	a.Blocks = kept
	a.Derive()
	return true
}

// titleLine returns the header line a's title was read from ("Headline:
// ...", "Title: ..."), or "".
func titleLine(a *model.Article) string {
	if a.TitleGuessed || a.Title == "" {
		return ""
	}
	for i, d := range a.Dropped {
		if i < len(a.DroppedAt) && a.DroppedAt[i] == model.AboveLead && len(d) > len(a.Title) && strings.HasSuffix(d, a.Title) {
			return d
		}
	}
	return ""
}

// titleFromWidget reports whether a's title was read from a header line
// that is a learned widget, or says what one says: an advertisement that
// opens some of a library's pages as "Headline: ..." is taken by each for
// its own header.
func titleFromWidget(a *model.Article, known, isFurniture func(string) bool) bool {
	l := titleLine(a)
	return l != "" && (known(titleHeader+l) || isFurniture(l) || isFurniture(a.Title))
}

// retitle gives a, whose title came from a widget, the title it would
// have had without it, marked as a guess: its lead when that reads as a
// title (a short line with no sentence break), the first paragraph then
// being the lead; otherwise the lead's first sentence. It returns the
// blocks left.
func retitle(a *model.Article, kept []model.Block, placed bool) []model.Block {
	a.TitleGuessed = true
	if a.Lead == "" {
		if len(kept) > 0 {
			a.Title = firstSentence(kept[0].Text)
		}
		return kept
	}
	if runesOver(a.Lead, 200) || hasSentenceBreak(a.Lead) {
		a.Title = firstSentence(a.Lead)
		return kept
	}
	a.Title, a.Lead = a.Lead, ""
	return promoteLead(a, kept, placed)
}

// promoteLead makes the first of kept, if a paragraph, a's lead, which a
// has lost: the lines removed before that paragraph then stand above the
// lead. It returns the blocks left.
func promoteLead(a *model.Article, kept []model.Block, placed bool) []model.Block {
	if len(kept) == 0 || kept[0].Kind != model.Paragraph {
		return kept
	}
	a.Lead = kept[0].Text
	if placed {
		for i, at := range a.DroppedAt {
			switch {
			case at == 0:
				a.DroppedAt[i] = model.AboveLead
			case at > 0:
				a.DroppedAt[i] = at - 1
			}
		}
	}
	return kept[1:]
}

// dropLead moves a's lead, a learned widget, to Dropped. The first of the
// blocks kept, if a paragraph, is the lead in its place, as it would have
// been had the widget not stood above it, and the lines removed before it
// are then above the lead; without one, the article has no lead. It
// returns the blocks left.
func dropLead(a *model.Article, kept []model.Block, placed bool) []model.Block {
	widget := a.Lead
	a.Lead = ""
	kept = promoteLead(a, kept, placed)
	a.Dropped = append(a.Dropped, widget)
	if !placed {
		return kept
	}
	at := model.AboveLead
	if a.Lead == "" {
		// No lead now: what stood above it stands at the top.
		at = 0
		for i, d := range a.DroppedAt {
			if d == model.AboveLead {
				a.DroppedAt[i] = 0
			}
		}
	}
	a.DroppedAt = append(a.DroppedAt, at)
	return kept
}

// applyLearned applies what was learned for a's directory, if anything.
func applyLearned(a *model.Article) {
	if a == nil || a.Path == "" {
		return
	}
	if f, ok := learned.Load(filepath.Dir(a.Path)); ok {
		applyFurniture(a, f.(furniture))
	}
}

// dirLearner holds one directory's results while its furniture is learned.
type dirLearner struct {
	held    []result
	all     tally
	sites   map[string]*tally
	total   int // the directory's files, as the walk counted them
	seen    int // its results so far
	learnt  furniture
	learned bool
}

// learn settles the directory's furniture from what it has counted.
func (d *dirLearner) learn() {
	d.learnt = furniture{all: learnFurniture(d.all.counts, d.all.articles)}
	for site, t := range d.sites {
		if f := learnFurniture(t.counts, t.articles); len(f) > 0 {
			if d.learnt.sites == nil {
				d.learnt.sites = map[string]map[string]bool{}
			}
			d.learnt.sites[site] = f
		}
	}
	d.learned = true
	d.all, d.sites = tally{}, nil
}

// learnFromResults passes results on, holding those of a directory until
// all of its files (or the first furnitureWindow) have arrived, learning
// its furniture from them, and dropping it from every article of the
// directory before it goes on.
func learnFromResults(in <-chan result) <-chan result {
	out := make(chan result, 256)
	go func() {
		defer close(out)
		dirs := map[string]*dirLearner{}
		release := func(dir string, d *dirLearner) {
			d.learn()
			learned.Store(dir, d.learnt)
			for _, r := range d.held {
				applyFurniture(r.article, d.learnt)
				out <- r
			}
			d.held = nil
		}
		for r := range in {
			if r.dirTotal < furnitureMin {
				out <- r
				continue
			}
			dir := filepath.Dir(r.path)
			d := dirs[dir]
			if d == nil {
				d = &dirLearner{all: tally{counts: map[string]int{}}, total: r.dirTotal}
				dirs[dir] = d
			}
			d.seen++
			if d.learned {
				applyFurniture(r.article, d.learnt)
				out <- r
				continue
			}
			if r.article != nil {
				d.all.add(r.article)
				if site := siteOf(r.article); site != "" {
					t := d.sites[site]
					if t == nil {
						t = &tally{counts: map[string]int{}}
						if d.sites == nil {
							d.sites = map[string]*tally{}
						}
						d.sites[site] = t
					}
					t.add(r.article)
				}
			}
			d.held = append(d.held, r)
			if d.seen >= d.total || len(d.held) >= furnitureWindow {
				release(dir, d)
			}
		}
		// A directory whose count was off (a file gone meanwhile).
		for dir, d := range dirs {
			if !d.learned {
				release(dir, d)
			}
		}
	}()
	return out
}

// ReadInLibrary reads one file of a library again, as ReadFile does, and
// drops from it what was learned from its directory when the library was
// loaded: for a file that changed after the load.
func ReadInLibrary(path string, opts Options) (*model.Article, error) {
	a, err := ReadFile(path, opts)
	applyLearned(a)
	return a, err
}
