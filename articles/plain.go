package articles

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"bao/model"
)

// line is one non-blank line of a plain-text article.
type line struct {
	text string // trimmed
	// indent is set when the line began with a space or a no-break space,
	// which scraped articles use for image captions.
	indent bool
	// gap is set when one or more blank lines came before the line.
	gap bool
	// n is the line's place among the article's lines.
	n int
	// caption is set on a photo's caption split off the start of a story.
	caption bool
	// heading is the level of a heading the text marked as one, as
	// Markdown does ("## Context"), or 0.
	heading int
	// bold is set on a line that was set in bold whole ("**Title**").
	bold bool
}

// splitLines turns cleaned text into non-blank lines, splitting the lines
// whose paragraphs were run together (see glueBreaks).
func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	gap := false
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			gap = true
			continue
		}
		first := firstRune(raw)
		l := line{text: t, indent: first == ' ' || first == '\u00a0' || unicode.IsSpace(first), gap: gap}
		gap = false
		if len(t) >= minGluedLine && mayBeGlued(t) {
			// Paragraphs run together with no space between them.
			if cuts := glueBreaks(t); len(cuts) >= 2 {
				at := 0
				for _, c := range cuts {
					l.text, l.n = strings.TrimSpace(t[at:c]), len(out)
					out = append(out, l)
					l, at = line{}, c
				}
				l.text = strings.TrimSpace(t[at:])
			}
		}
		l.n = len(out)
		out = append(out, l)
	}
	return out
}

// plainParser recovers one article's structure from its lines.
type plainParser struct {
	a     *model.Article
	lines []line
	// spaced is set when paragraphs are separated by blank lines. A leading
	// space is then a paragraph indent; in the dense layout (one paragraph a
	// line) it marks an image caption.
	spaced bool
	// dropAt holds, for each line of Dropped, its place among the lines
	// (-1 above the text), blockAt the place of the line each block came
	// from, and cur the place of the line being read: together they put
	// each removed line back among the blocks (DroppedAt).
	dropAt, blockAt []int
	cur             int
	// leadLine is the line the lead was taken from, leadAt its place.
	leadLine string
	leadAt   int
	// marked is set when the text marks its headings with "#": no line
	// without the marks is read as one.
	marked bool
}

// ParsePlain recovers the structure of a plain-text article from cleaned
// text (see Clean): title, byline, source, dateline, lead, headings,
// captions, list items and quotes, with share buttons and site widgets
// dropped.
func ParsePlain(text string) *model.Article {
	p := &plainParser{a: &model.Article{Format: model.PlainText}, lines: splitLines(rejoinWrapped(text))}
	p.blockAt = make([]int, 0, len(p.lines))
	p.a.Language = detectLanguage(text)
	p.lines = readMetaHeader(p.a, p.lines)
	if p.a.Title != "" && len(p.lines) > 0 && namesSite(p.a.Title, p.a.URL) {
		// The header names the site, not the story: its headline, if
		// any, is the text's first line, read as any file's is. The
		// header's line is among the removed ones already. A header
		// with no text under it keeps its title: it is all there is.
		p.a.Title = ""
	}
	for range p.a.Dropped {
		p.dropAt = append(p.dropAt, -1) // the header's lines
	}
	p.markupResidue()
	p.dropSecondCopies()
	p.dropPullQuotes()
	if p.a.Language == "en" {
		p.dropTimeStamps()
		p.dropWireSlug()
	}
	p.dropRelatedBar()
	p.dropShareLines()
	if p.a.Language == "en" {
		p.cutNameCards()
	}
	// Boxes before the card list that may end the text, so that D
	// shows their lines in the order they stood.
	p.dropSignupBoxes()
	p.dropFormWidgets()
	p.dropComments()
	if p.a.Language == "en" {
		p.dropReadingLists()
		p.dropAppealBox()
	}
	p.dropCardList()
	if p.a.Language == "en" {
		p.dropReaderPrompts()
	}
	p.dropSourceLinks()
	p.dropTrailingWidgets()
	p.dropTaggedTeasers()
	p.dropLinkLists()
	// After the widgets: "Xem thêm:" at the end heads a block of links,
	// which goes with it; anywhere else it stands for one link.
	english := p.a.Language == "en"
	// Other stories' teasers go, unless they are most of the page: a
	// blog's front page is its teasers.
	teasers := 0
	for _, l := range p.lines {
		if isStoryTeaser(l.text) {
			teasers++
		}
	}
	dropTeasers := teasers > 0 && 2*teasers < len(p.lines)
	p.dropLines(func(s string) bool {
		return isPromoLine(s) || isFollowLine(s) || isAdLabel(s) || isTeaserLine(s) || isVideoTitle(s) || isImageAltText(s) ||
			english && (isSignupLine(s) || isSiteFurniture(s) || isLettersAppeal(s) || isShortcodeLine(s) || isEmbedBox(s) || isVideoTeaser(s) || isCommentPrompt(s) ||
				isCommissionNote(s)) ||
			isControlsLine(s, p.a.Language) || dropTeasers && isStoryTeaser(s) || isArrowLink(s) || isPopupBox(s) ||
			isIconLabel(s) || isGalleryCounter(s) || isRightsLine(s) || english && (isCutTeaser(s) || isCapsCallToAction(s) || isGraphicLink(s)) || isEscapedMarkup(s)
	})
	p.dropVideoPlayers()
	p.creditCaptions()
	if len(p.lines) == 0 {
		p.placeDropped()
		p.a.Derive()
		return p.a
	}
	rest := p.lines
	if p.a.Title == "" && len(rest) > 1 && p.a.Language == "en" && datelineAlone.MatchString(rest[0].text) {
		// "BAAR, SWITZERLAND" over a release's first paragraph.
		p.a.Dateline = rest[0].text
		p.cur = rest[0].n
		rest = rest[1:]
	}
	if p.a.Title == "" && len(rest) > 2 && rest[1].n == rest[0].n+1 && (isLabelledCredit(rest[1].text) || isByCredit(rest[1].text)) &&
		!isCreditAlone(rest[0].text) && !runesOver(rest[0].text, 400) && !isBylineText(rest[0].text) && !isHeadlineCase(rest[0].text) &&
		endsSentence(rest[0].text) && (model.CountWords(rest[0].text) >= 8 || strings.HasSuffix(rest[0].text, ".") && isByCredit(rest[1].text)) {
		// A picture's description, a sentence, and its credit where the
		// title would be: the file has none, and they caption the
		// picture atop it, right under it. A title over a credit reads
		// as a headline, and a standfirst has the page's lines between;
		// a short one is a caption when it ends with a full stop and the
		// credit says "Photo by".
		for _, l := range rest[:2] {
			p.cur = l.n
			p.add(model.Caption, 0, l.text)
		}
		rest = rest[2:]
	}
	titleLine, storyFirst := false, false
	bylineFirst := false
	if p.a.Title == "" {
		rest, bylineFirst = p.openingByline(rest)
	}
	switch {
	case len(rest) == 0:
		p.placeDropped()
		p.a.Derive()
		return p.a
	case bylineFirst || p.a.Title == "" && (rest[0].caption || rest[0].heading > 1 || isCaptionAlone(rest[0].text)):
		// The writer's name where the title would be, or a photo's
		// caption with its credit: the scraper left the title out, and
		// the story follows (the caption is read as one below).
		p.a.Title, p.a.TitleGuessed, storyFirst = firstSentence(rest[0].text), true, true
	case p.a.Title == "" && isTitleLine(rest, p.a.Language):
		p.a.Title, titleLine = rest[0].text, true
		// One word where the title would be ("Space", "Origin",
		// "Background") is more often the section the page was filed
		// under, or a box's label, than the story's headline: it stands
		// as the title, said to be a guess.
		p.a.TitleGuessed = !strings.ContainsRune(rest[0].text, ' ') && !writtenUnspaced(rest[0].text) && len(rest) > 1
		rest = rest[1:]
	case p.a.Title == "" && !runesOver(rest[0].text, 200) && !hasSentenceBreak(rest[0].text) && !hasLeadPrefix(rest[0].text, p.a.Language):
		// A sentence where the title would be: a standfirst or a caption,
		// shown as the heading and said to be a guess.
		p.a.Title, p.a.TitleGuessed = rest[0].text, true
		rest = rest[1:]
	case p.a.Title == "":
		// The file opens with its story: the paragraph stays the text, and
		// its first sentence stands for the title, said to be a guess
		// (taken again below, once a caption at its start is split off).
		p.a.Title, p.a.TitleGuessed, storyFirst = firstSentence(rest[0].text), true, true
	case model.Fold(rest[0].text) == model.Fold(p.a.Title):
		// The header's title, said again as the text's first line: a
		// removed line, as the title said again anywhere else is.
		p.drop(rest[0].text, rest[0].n)
		rest = rest[1:]
	}
	if titleLine && len(rest) > 1 && len(rest[0].text) < len(p.a.Title)+16 && model.Fold(rest[0].text) == model.Fold(p.a.Title) {
		// The headline said twice, as some extractors give it.
		p.drop(rest[0].text, rest[0].n)
		rest = rest[1:]
	}
	if titleLine && len(rest) > 1 && model.CountWords(rest[0].text) >= 3 && len(rest[0].text) < len(p.a.Title) &&
		strings.Contains(model.Fold(p.a.Title), model.Fold(rest[0].text)) {
		// Part of the title said again under it: "No 'American Idol' For
		// Me" under "Kanye West, No 'American Idol' For Me".
		p.drop(rest[0].text, rest[0].n)
		rest = rest[1:]
	}
	p.spaced = isSpaced(p.lines)
	rest = p.header(rest)
	rest = p.lead(rest)
	if storyFirst && p.a.Lead == "" {
		rest = openingCaption(rest)
	}
	if !p.a.TitleGuessed {
		for _, c := range trimTitle(p.a) {
			if titleLine {
				// A header's title line is in Dropped already.
				p.drop(c, -1)
			}
		}
	}
	rest, captions := signedCaptions(rest)
	p.body(rest)
	p.joinSplitCaptions()
	p.dropOtherStories()
	p.demoteVerses()
	p.demoteQuestions()
	p.demoteHeadlines()
	if !p.letterSignatures() {
		p.trailingByline()
	}
	for _, c := range captions {
		p.cur = c.n
		p.add(model.Caption, 0, c.text)
	}
	if storyFirst {
		p.a.Title = firstSentence(p.firstText())
	}
	p.placeDropped()
	p.a.Derive()
	return p.a
}

// openingByline takes the writer's name from the first line when it is a
// byline ("by Scott Creighton", or "By" alone with the name on the line
// under it) and reports whether it did. A "By" left without a name goes.
func (p *plainParser) openingByline(rest []line) ([]line, bool) {
	t := rest[0].text
	switch {
	case len(t) == 2 && strings.EqualFold(t, "by"):
		p.drop(t, rest[0].n)
		if len(rest) > 2 && isBylineText(rest[1].text) && !endsSentence(rest[1].text) && !runesOver(rest[1].text, 60) {
			p.a.Byline = append(p.a.Byline, splitByline(rest[1].text)...)
			return rest[2:], true
		}
		return rest[1:], false
	case len(rest) > 1 && hasPrefixFold(t, "by ") && !runesOver(t, 60) && isBylineText(t):
		p.a.Byline = append(p.a.Byline, splitByline(t)...)
		return rest[1:], true
	case len(rest) > 1 && len(t) <= 40 && isUpperWords(t) && isBylineText(t) && model.CountWords(t) <= 4 && p.stampDroppedAt(rest[0].n+1):
		// "JANIE HAR" over the posting's stamp: the writer.
		p.a.Byline = append(p.a.Byline, t)
		return rest[1:], true
	case len(rest) > 1 && len(t) <= 40 && deskCredits[folded(t)]:
		// "Staff Reports": the paper's desk where the writer's name
		// would be.
		p.a.Byline = append(p.a.Byline, t)
		return rest[1:], true
	}
	if name := labelledCredit(t); name != "" && len(rest) > 1 {
		// "Tested by: John Milbank RRP: 49.95 Euro ...": a review's
		// box, which stays; the tester is its writer.
		p.a.Byline = append(p.a.Byline, name)
	}
	return rest, false
}

// stampDroppedAt reports whether the line at n was a time stamp, removed.
func (p *plainParser) stampDroppedAt(n int) bool {
	for k, at := range p.dropAt {
		if at == n && isTimeStamp(p.a.Dropped[k]) {
			return true
		}
	}
	return false
}

// deskCredits sign a story for a paper's desk rather than a writer.
var deskCredits = setOf("staff reports", "staff report", "from staff reports", "staff and wire reports",
	"from staff and wire reports", "wire reports", "from wire reports", "staff and agencies", "news staff")

// creditLabel opens a line that names who wrote or tested what follows,
// in a review's or a feature's box: "Tested by: John Milbank RRP: ...".
var creditLabel = regexp.MustCompile(`^(?:Tested|Reviewed|Words|Written|Text|Interview) by:? ((?:\p{Lu}[\p{L}'’-]*\.?\s){0,2}\p{Lu}[\p{L}'’-]*)(?:$|\s+(?:\p{Lu}[\p{L}/]*:|\||[-–—]))`)

// labelledCredit returns the name a creditLabel line gives, or "".
func labelledCredit(t string) string {
	if len(t) > 400 || !strings.Contains(t[:min(len(t), 20)], " by") {
		return ""
	}
	if m := creditLabel.FindStringSubmatch(t); m != nil {
		return m[1]
	}
	return ""
}

// placeDropped sets DroppedAt: each removed line goes before the first
// block that came from a later line, or above the lead if it stood there.
func (p *plainParser) placeDropped() {
	if len(p.dropAt) != len(p.a.Dropped) || len(p.blockAt) != len(p.a.Blocks) {
		return // a line or block went uncounted: places unknown
	}
	p.a.DroppedAt = make([]int, len(p.dropAt))
	for i, n := range p.dropAt {
		switch {
		case n <= afterBlocks:
			p.a.DroppedAt[i] = afterBlocks - n // placed by dropHere
		case p.a.Lead != "" && n < p.leadAt:
			p.a.DroppedAt[i] = model.AboveLead
		default:
			p.a.DroppedAt[i] = sort.SearchInts(p.blockAt, n)
		}
	}
	// The lines above the lead were removed by several passes; they are
	// put back in the order they stood, in the slots they hold.
	var slots []int
	for i, at := range p.a.DroppedAt {
		if at == model.AboveLead {
			slots = append(slots, i)
		}
	}
	byLine := slices.Clone(slots)
	slices.SortStableFunc(byLine, func(x, y int) int { return p.dropAt[x] - p.dropAt[y] })
	texts := make([]string, len(byLine))
	for k, i := range byLine {
		texts[k] = p.a.Dropped[i]
	}
	for k, i := range slots {
		p.a.Dropped[i] = texts[k]
	}
}

// firstText returns the lead, or the first paragraph: where the story
// starts, after its dateline and any caption before it.
func (p *plainParser) firstText() string {
	if p.a.Lead != "" && !isDisclosure(p.a.Lead) {
		return p.a.Lead
	}
	for _, b := range p.a.Blocks {
		if b.Kind == model.Paragraph && !isDisclosure(b.Text) {
			return b.Text
		}
	}
	return p.a.Title
}

// signedCaptions splits off the photo captions that some sites put after
// the article's text: up to ten short lines at the end, with no blank line
// between them and none of them a byline, after a blank line that follows
// either a byline (the signature) or a body with no blank line in it (the
// one blank line sets them apart). It returns the lines before them and
// the captions.
func signedCaptions(ls []line) (body, captions []line) {
	for n := 1; n <= 10 && n+1 < len(ls); n++ {
		c := ls[len(ls)-n] // the nth line from the end joins the captions
		if len(c.text) > 300 && runesOver(c.text, 300) || isBylineText(c.text) {
			return ls, nil
		}
		i := len(ls) - n - 1 // the signature, if this is it
		if !c.gap {
			continue
		}
		if isBylineText(ls[i].text) || i >= 3 && dense(ls[1:i+1]) {
			return ls[:i+1], ls[i+1:]
		}
		return ls, nil // a blank line among the captions
	}
	return ls, nil
}

// joinSplitCaptions joins a caption that a line break cut in two: a
// caption, heading or short paragraph that does not end a sentence,
// followed by a caption that goes on in lower case ("...di chuyển trên" /
// "đường phố ngập nước. Ảnh: Minh Hải").
func (p *plainParser) joinSplitCaptions() {
	bs := p.a.Blocks
	out, at := bs[:0], p.blockAt[:0]
	for i, b := range bs {
		if n := len(out); n > 0 && b.Kind == model.Caption && unicode.IsLower(firstRune(b.Text)) {
			prev := &out[n-1]
			short := prev.Kind == model.Paragraph && !runesOver(prev.Text, 300)
			if (prev.Kind == model.Caption || prev.Kind == model.Heading || short) && !endsSentence(prev.Text) {
				prev.Kind, prev.Level = model.Caption, 0
				prev.Text += " " + b.Text
				continue
			}
		}
		out, at = append(out, b), append(at, p.blockAt[i])
	}
	p.a.Blocks, p.blockAt = out, at
}

// dense reports whether no blank line comes before any of ls.
func dense(ls []line) bool {
	for _, l := range ls {
		if l.gap {
			return false
		}
	}
	return true
}

// demoteVerses turns back into paragraphs the headings of a text that is
// all short lines: a poem's or a song's, whose lines without a full stop
// read as headings. When an article has six headings or more, a quarter
// of its blocks or more, no section under them runs to 300 characters and
// most of its other lines end without a sentence's full stop (with a
// semicolon, a comma, an ellipsis or nothing), it is verse. Short
// sections of sentences under short heads are a list of tips ("Cleanse
// carefully"), whose heads stay.
func (p *plainParser) demoteVerses() {
	headings := 0
	for _, b := range p.a.Blocks {
		if b.Kind == model.Heading {
			headings++
		}
	}
	if headings < 6 || 4*headings < len(p.a.Blocks) {
		return
	}
	headed, longest, section, lines, sentences := false, 0, 0, 0, 0
	for _, b := range p.a.Blocks {
		if b.Kind == model.Heading {
			headed, section = true, 0
			continue
		}
		lines++
		switch lastRune(strings.TrimRight(b.Text, closingQuotes)) {
		case '.', '!', '?':
			sentences++
		}
		if headed {
			section += runeCount(b.Text)
			longest = max(longest, section)
		}
	}
	if longest >= 300 || 2*sentences >= lines {
		return
	}
	for i, b := range p.a.Blocks {
		if b.Kind == model.Heading {
			p.a.Blocks[i].Kind, p.a.Blocks[i].Level = model.Paragraph, 0
		}
	}
}

// demoteQuestions turns an interview's questions back into paragraphs.
// A question can be a heading ("Vốn đầu tư ra sao?"), and a few can head
// a quiz's puzzles, but when six or more headings are questions, and they
// are three in four of the headings, the article is an interview: its
// questions are not its sections. In English an explainer's sections are
// questions too ("How can Obama waive sanctions?"); an interview's ask
// someone ("What was your childhood like?"), so there a third of them
// must say "you" or open with "Q".
func (p *plainParser) demoteQuestions() {
	headings, questions, asking := 0, 0, 0
	for _, b := range p.a.Blocks {
		if b.Kind == model.Heading {
			headings++
			if strings.HasSuffix(strings.TrimRight(b.Text, closingQuotes), "?") {
				questions++
				if asksSomeone(b.Text) {
					asking++
				}
			}
		}
	}
	if questions < 6 || 4*questions < 3*headings || p.a.Language == "en" && 3*asking < questions {
		return
	}
	for i, b := range p.a.Blocks {
		if b.Kind == model.Heading && strings.HasSuffix(strings.TrimRight(b.Text, closingQuotes), "?") {
			p.a.Blocks[i].Kind, p.a.Blocks[i].Level = model.Paragraph, 0
		}
	}
}

// asksSomeone reports whether an English question is put to someone: it
// says "you" or "your", or opens with "Q" as interviews mark questions.
func asksSomeone(q string) bool {
	if strings.HasPrefix(q, "Q:") || strings.HasPrefix(q, "Q.") || strings.HasPrefix(q, "Q-") || strings.HasPrefix(q, "Q ") {
		return true
	}
	for w := range strings.FieldsFuncSeq(q, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		switch strings.ToLower(w) {
		case "you", "your", "yours", "yourself", "you're", "you’re", "you've", "you’ve", "you'd", "you’d", "you'll", "you’ll":
			return true
		}
	}
	return false
}

// dropOtherStories removes the headlines of other stories that English
// sites set between a story's paragraphs ("Orrin Hatch explains
// friendship with Muhammad Ali" in a story on Mitt Romney). Read as text
// they are headings; what gives them away is that the story never uses
// their words, while a section's heading names what its section is about.
// A heading of four words or more that matter, fewer than a quarter of
// which the rest of the article uses, goes, unless it is a caption (a
// credit is on it) or one of a series of lines that open alike; and only
// where the text has a hundred such words or more, enough for a section's
// words to come up again. An article of ten headings or more is a list
// (of books, of films), whose headings name things the text may not
// repeat: it keeps them.
func (p *plainParser) dropOtherStories() {
	if p.a.Language != "en" {
		return
	}
	type candidate struct {
		i     int
		words []string
	}
	var candidates []candidate
	headings, headlineCase := 0, 0
	for i, b := range p.a.Blocks {
		if b.Kind != model.Heading {
			continue
		}
		if headings++; headings >= 10 {
			return
		}
		if isHeadlineCase(b.Text) && model.CountWords(b.Text) >= 5 {
			headlineCase++
		}
		if words := contentWords(b.Text, nil); len(words) >= 4 && !mayHaveCredit(b.Text) {
			candidates = append(candidates, candidate{i, words})
		}
	}
	if len(candidates) == 0 || headlineCase >= 3 {
		// Three long headings or more set as headlines: the article's
		// own style for its sections ("Stadia's Current Roster Of Games
		// Isn't Very Impressive"), not other stories' links.
		return
	}
	// Lines that open alike are one of the article's series ("What we
	// said: ...", "What we wanted to say: ..."), whatever their words.
	openings := map[string]int{}
	for _, b := range p.a.Blocks {
		openings[opening(b.Text)]++
	}
	used := map[string]bool{}
	contentWords(p.a.Title, used)
	contentWords(p.a.Lead, used)
	for _, b := range p.a.Blocks {
		if b.Kind != model.Heading {
			contentWords(b.Text, used)
		}
	}
	if len(used) < 100 {
		return // too little text to say which words it does not use
	}
	gone := map[int]bool{}
	for _, c := range candidates {
		i := c.i
		if openings[opening(p.a.Blocks[i].Text)] > 1 {
			continue
		}
		n := 0
		for _, w := range c.words {
			if used[w] {
				n++
			}
		}
		if 4*n < len(c.words) {
			gone[i] = true
			p.drop(p.a.Blocks[i].Text, p.blockAt[i])
		}
	}
	if len(gone) > 0 {
		p.keepBlocks(func(i int) bool { return !gone[i] })
	}
}

// keepBlocks keeps the blocks that keep reports, given their index, with
// their places.
func (p *plainParser) keepBlocks(keep func(int) bool) {
	out, at := p.a.Blocks[:0], p.blockAt[:0]
	for i, b := range p.a.Blocks {
		if keep(i) {
			out, at = append(out, b), append(at, p.blockAt[i])
		}
	}
	p.a.Blocks, p.blockAt = out, at
}

// opening is the first three words of t.
func opening(t string) string {
	f := strings.Fields(t)
	return strings.Join(f[:min(3, len(f))], " ")
}

// contentWords returns the words of t that say what it is about: of four
// letters or more and not among the commonest words of English, in lower
// case, without a possessive's "'s". With a set, it adds them to it.
func contentWords(t string, set map[string]bool) []string {
	var words []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = strings.ToLower(strings.Trim(w, "'’"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if len(w) < 4 || commonWords[w] {
			continue
		}
		if set != nil {
			set[w] = true
		} else {
			words = append(words, w)
		}
	}
	return words
}

// commonWords are the English words of four letters or more that say
// nothing of what a line is about.
var commonWords = setOf("that", "this", "these", "those", "with", "from", "into", "over", "after", "before",
	"about", "their", "there", "they", "them", "then", "than", "what", "when", "where", "which", "while",
	"will", "would", "could", "should", "have", "been", "were", "does", "just", "also", "more", "most",
	"some", "your", "very", "much", "many", "only", "even", "such", "says", "said", "here", "both", "each",
	"other", "being", "under", "again", "against", "between", "through", "during", "because", "until")

// demoteHeadlines turns back into paragraphs the headings of an English
// article when none of them is short and there are one or two. Section
// headings in English news are often a few words ("Regional Woes",
// "Budget hawks"); a lone line of seven words or more between paragraphs
// is as often the headline of a link to another story, a standfirst or a
// caption, and a line whose role is uncertain is a paragraph. Three or
// more such lines are an article's sections ("Why Hillary used a private
// email server").
func (p *plainParser) demoteHeadlines() {
	if p.a.Language != "en" {
		return
	}
	headings := 0
	for _, b := range p.a.Blocks {
		if b.Kind == model.Heading {
			if headings++; model.CountWords(b.Text) <= 6 || headings > 2 {
				return
			}
		}
	}
	for i, b := range p.a.Blocks {
		if b.Kind == model.Heading && !numberedLine.MatchString(b.Text) {
			// Numbered points are headings by their sequence, not by
			// their length.
			p.a.Blocks[i].Kind, p.a.Blocks[i].Level = model.Paragraph, 0
		}
	}
}

// isTitleLine reports whether the first of ls reads as a title: not an
// indented caption, and not a long sentence or paragraph, which is what a
// file without a title line opens with (a standfirst, or the story). A
// space before a line set apart from the text by a blank line is not a
// caption's: some exports start every title with one.
func isTitleLine(ls []line, lang string) bool {
	l := ls[0]
	if l.indent && (len(ls) < 2 || !ls[1].gap || endsSentence(l.text)) {
		return false
	}
	words := model.CountWords(l.text)
	if words > 30 || words > 15 && (strings.HasSuffix(l.text, ".") && !endsWithLetterInitial(l.text) || lang == "vi" && (strings.HasSuffix(l.text, "…") || strings.HasSuffix(l.text, "!"))) {
		return false
	}
	if lang == "vi" && words >= 8 && (strings.Contains(l.text, "dưới đây") || strings.HasPrefix(l.text, "Dưới đây")) {
		// "Những hình ảnh dưới đây tuyệt đối không dành cho người yếu
		// tim!": a standfirst pointing at what follows; a headline
		// does not say "below".
		return false
	}
	// A dateline or a stamp is in the line's first few words: only they
	// are matched.
	return !isStorySentence(l.text) && !isDisclosure(l.text) && (lang != "en" || !hasLeadPrefix(l.text[:min(len(l.text), 160)], lang))
}

// writtenUnspaced reports whether t is in a script written without
// spaces between its words (Chinese, Japanese, Thai), where a line with
// no space is not one word.
func writtenUnspaced(t string) bool {
	for _, r := range t {
		if r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return true
		}
	}
	return false
}

// endsWithLetterInitial reports whether t ends with a name's initial,
// one capital letter and a full stop, which does not end a sentence:
// "... sau khi bắt_giữ Cao_Mỹ_D." (word-segmented text joins a name's
// syllables with "_"), "... says Jane D.".
func endsWithLetterInitial(t string) bool {
	rest, ok := strings.CutSuffix(t, ".")
	if !ok {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(rest)
	if !unicode.IsUpper(r) || len(rest) == size {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(rest[:len(rest)-size])
	return before == ' ' || before == '_'
}

// interjections open a line that talks, followed by a comma.
var interjections = []string{"really", "seriously", "honestly", "well", "oh", "okay", "ok", "wow", "hey"}

// isInterjected reports whether t opens with one of interjections and a
// comma.
func isInterjected(t string) bool {
	i := strings.Index(t[:min(len(t), 12)], ", ")
	return i > 0 && slices.ContainsFunc(interjections, func(w string) bool { return strings.EqualFold(t[:i], w) })
}

// isDisclosure reports whether t is a blog's note that a post is paid
// for, set above it: "This shop has been compensated by #CollectiveBias,
// Inc. and its advertiser. All opinions are mine alone. #ad", "This post
// is sponsored by ...", "Disclosure: ...".
func isDisclosure(t string) bool {
	if len(t) > 600 || !strings.Contains(t, "pinions") && !strings.Contains(t, "ompensated") && !strings.Contains(t, "ffiliate") &&
		!strings.Contains(t, "ponsored") && !strings.Contains(t, "isclosure") {
		return false
	}
	f := model.Fold(t)
	return strings.HasPrefix(f, "disclosure:") || strings.Contains(f, "all opinions are mine") ||
		strings.Contains(f, "all opinions are my own") || strings.Contains(f, "has been compensated by") ||
		strings.Contains(f, "contains affiliate links") || strings.HasPrefix(f, "this post is sponsored by") ||
		strings.HasPrefix(f, "this post was sponsored by")
}

// isBareLabel reports whether t is a field's label with nothing after it,
// a word or two and a colon, as a page's template leaves one where the
// field was empty: "Authors:" closing a story.
func isBareLabel(t string) bool {
	body, ok := strings.CutSuffix(t, ":")
	if !ok || len(body) > 30 || body == "" {
		return false
	}
	words := strings.Fields(body)
	if len(words) > 2 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return unicode.IsUpper(firstRune(body))
}

// isRightsLine reports whether t is a page's copyright notice, under its
// story or its pictures: "© 2019 Associated Press. All Rights Reserved.
// This material may not be published ...", "Copyright © 2023 NPR. All
// rights reserved. Visit our website terms of use ...". It reserves all
// rights, and opens with "©", or with "Copyright" and then "©" or the
// year. A notice run on at the end of a caption or a paragraph ("2019, in
// Las Vegas. Photo: John Locher, AP / Copyright 2019 The Associated
// Press. All rights reserved.") is not one: the line is mostly the
// page's text, and a sentence about copyright says more than a year.
func isRightsLine(t string) bool {
	if len(t) > 300 || len(t) < 20 {
		return false
	}
	// Every line passes here: the opening is looked at first.
	s := t
	for i := 0; i < 2 && strings.IndexByte("*_[ \"'", s[0]) >= 0; i++ {
		s = s[1:]
	}
	if !strings.HasPrefix(s, "©") && !hasPrefixFold(s, "copyright") && !hasPrefixFold(s, "(c)") {
		return false
	}
	f := model.Fold(t)
	if !strings.Contains(f, "all rights reserved") {
		return false
	}
	return rightsOpening.MatchString(f)
}

// rightsOpening is how a copyright notice opens, folded.
var rightsOpening = regexp.MustCompile(`^\W{0,2}(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d\d\b))`)

// isCommissionNote reports whether t is a site's note that it is paid
// for sales made through its links: "Disclosure: ZDNet may earn a
// commission from some of the products featured on this page.",
// "Sometimes we include links to online retail stores. If you click on
// one and make a purchase we may receive a small commission.", as an
// English page sets it under a review or a deal.
func isCommissionNote(t string) bool {
	if len(t) > 600 || !strings.Contains(t, "ommission") {
		return false
	}
	f := model.Fold(t)
	for _, s := range []string{"may earn a commission", "may earn commission", "may earn an affiliate commission", "may receive a commission",
		"may receive a small commission", "may get a commission", "may get a small commission", "earn a small commission"} {
		if strings.Contains(f, s) {
			return true
		}
	}
	return false
}

// isStorySentence reports whether t, a file's first line, is a sentence
// rather than a headline: one sentence of eight words or more that ends in
// a full stop. A headline may end in one when it is two sentences ("Need
// to reach Trump? Call Rhona."), set in headline case, or ends in an
// abbreviation ("... in U.K.", "... recount in Wis.") or an initial ("...
// nữ_sinh Cao_Mỹ_D.").
func isStorySentence(t string) bool {
	if q := strings.TrimRight(t, "\"'”’»"); len(q) < len(t) && strings.HasSuffix(q, ".") {
		// "... with the slogan “Meth, we’re on it.”": the full stop
		// inside the quote ends the sentence.
		t = q
	}
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") && !hasSentenceEnd(t) && !endsInAbbreviation(t) &&
		!stateAbbreviations[t[strings.LastIndexByte(t, ' ')+1:]] && !endsInInitial(t) &&
		model.CountWords(t) >= 8 && !isHeadlineCase(strings.TrimSuffix(t, "."))
}

// stateAbbreviations are the American states as news style shortens them
// after a town, which a headline can end with.
var stateAbbreviations = setOf("Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
	"Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.",
	"Pa.", "Tenn.", "Vt.", "Va.", "Wash.", "Wis.", "Wyo.")

// hasSentenceEnd is hasSentenceBreak that knows a full stop after an
// abbreviation or an initial ("Donald J. Trump") ends no sentence.
func hasSentenceEnd(t string) bool {
	return hasStopPast(t, func(s string) bool { return endsInAbbreviation(s) || endsInInitial(s) })
}

// hasStopPast reports whether t has a sentence break, a full stop
// before which passed reports nothing it should pass over, or a "!" or
// "?" before a space.
func hasStopPast(t string, passed func(string) bool) bool {
	if strings.Contains(t, "? ") || strings.Contains(t, "! ") {
		return true
	}
	for i := 0; ; {
		j := strings.Index(t[i:], ". ")
		if j < 0 {
			return false
		}
		i += j + 1
		if !passed(t[:i]) {
			return true
		}
	}
}

// endsInInitial reports whether t ends in a capital letter and a full stop
// that follow no letter: the initial that stands for a name ("Nguyễn Văn
// D.", "Cao_Mỹ_D.").
func endsInInitial(t string) bool {
	t = strings.TrimSuffix(t, ".")
	r, n := utf8.DecodeLastRuneInString(t)
	before, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
	return unicode.IsUpper(r) && !unicode.IsLetter(before)
}

// hasLeadPrefix reports whether t opens with a source or a dateline
// ("WASHINGTON — ", "Park City, Utah (CNN)"): the story's first paragraph.
func hasLeadPrefix(t, lang string) bool {
	_, source, dateline := splitLeadPrefix(t, lang)
	return source != "" || dateline != ""
}

// drop removes line n's text s (or part of it) from the article.
func (p *plainParser) drop(s string, n int) {
	p.a.Dropped = append(p.a.Dropped, s)
	p.dropAt = append(p.dropAt, n)
}

// dropSecondCopies removes a story said twice within one line, as some
// scrapers run a page's text together with a second copy of it after the
// first (and the writer's name between): from where the line's opening
// comes again, the rest is the line's own beginning, 200 bytes or more.
// It goes whole to the removed lines; the first copy stays.
func (p *plainParser) dropSecondCopies() {
	for i, l := range p.lines {
		if k := secondCopyAt(l.text); k > 0 {
			// Placed as the next line's first: after what stays of
			// this one, where it stood.
			p.drop(l.text[k:], l.n+1)
			p.lines[i].text = strings.TrimRight(l.text[:k], " ")
		}
	}
}

// dropPullQuotes removes a pull quote: a sentence of the story set again
// between its paragraphs in large type, its words said in a longer line
// within six lines either side, and the name set under it ("News
// industry analyst Ken Doctor"). The text's first two lines are left: a
// standfirst said again in the first paragraph is the page's own.
func (p *plainParser) dropPullQuotes() {
	var at []int
	for i := 2; i+2 < len(p.lines); i++ {
		t := p.lines[i].text
		if len(t) < 40 || len(t) > 400 || !endsSentence(t) || !isQuoteAttribution(p.lines[i+1].text) || model.CountWords(t) < 8 {
			continue
		}
		// A few of its words, as written, are looked for first: most
		// lines are turned away without folding either.
		probe, words := wordsAt(t, 1, 5), ""
		for j := max(0, i-6); j < min(len(p.lines), i+8); j++ {
			u := p.lines[j].text
			if j == i || len(u) < len(t)+20 || !strings.Contains(u, probe) {
				continue
			}
			if words == "" {
				words = spacedWords(t)
			}
			if strings.Contains(spacedWords(u), words) {
				at = append(at, i, i+1)
				i++
				break
			}
		}
	}
	if len(at) > 0 {
		p.dropEach(func(i int, _ line) bool { return slices.Contains(at, i) })
	}
}

// spacedWords is s folded, its words parted by one space and the whole
// between spaces, so that one line's words are looked for in another's
// whatever the quotation marks and stops about them.
func spacedWords(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range model.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// isQuoteAttribution reports whether t is the name set under a pull
// quote: a few words, capitalised, with no stop, and no photo's credit
// ("Photograph: Tom Lind/Getty", "Photo: Meg Kinnard, AP") such as a
// caption said again in the text has under it.
func isQuoteAttribution(t string) bool {
	return len(t) <= 60 && !endsSentence(t) && !strings.ContainsAny(t, "?!") && model.CountWords(t) <= 8 && capitalised(t) &&
		!isCaptionAlone(t)
}

// secondCopyAt returns where a second copy of t's beginning starts in
// t, running to its end, a third of t or more and no longer than what
// comes before it, or -1. The opening looked for is t's first 100 bytes
// or so, 300 bytes in or further.
func secondCopyAt(t string) int {
	if len(t) < 600 {
		return -1
	}
	n := 100
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	k := strings.Index(t[300:], t[:n])
	if k < 0 {
		return -1
	}
	if k += 300; 2*k < len(t) {
		// A copy is no longer than what came before it; the words of
		// a line that says them over and over ("anh nói năng nhẹ nhàng
		// anh nói năng ...") come again long before its middle.
		return -1
	}
	if 3*(len(t)-k) < len(t) || !strings.HasPrefix(t, t[k:]) {
		// A story that ends by saying its opening sentence again
		// ("Tuy nhiên, ..., Ủy ban Tài chính ... 5,3% GDP.") says it
		// inside a sentence of its own: a copy is a third of the text
		// or more.
		return -1
	}
	return k
}

// popBlock removes the last block, which became the byline or went.
func (p *plainParser) popBlock() {
	n := len(p.a.Blocks) - 1
	p.a.Blocks, p.blockAt = p.a.Blocks[:n], p.blockAt[:min(n, len(p.blockAt))]
}

// afterBlocks, less a number of blocks, stands in dropAt for a place
// given in blocks rather than lines (see dropHere).
const afterBlocks = -2

// dropHere removes s from the text where the blocks added so far end: for
// a part of a line, whose place the line's number cannot tell.
func (p *plainParser) dropHere(s string) {
	p.drop(s, afterBlocks-len(p.a.Blocks))
}

// linkListHeads head a list of links to other stories inside the text
// ("Read more about:", "You might also like...."); "read more" alone
// follows the headline of one.
var linkListHeads = setOf("read more about", "you might also like", "you may also like", "more on this story",
	"related stories", "related articles", "related topics", "also read", "see also", "xem them", "doc them", "tin lien quan")

// linkHeadLens holds the lengths of linkListHeads and of "read more".
var linkHeadLens = lengthsOf(linkListHeads, "read more")

// isLinkLine reports whether a line reads as a link to another story: short
// and not a sentence of the text (a headline may end in a question mark).
func isLinkLine(t string) bool {
	return !runesOver(t, 120) && (!endsSentence(t) || strings.HasSuffix(t, "?"))
}

// isHeadlineCase reports whether t is set as English sites set headlines:
// four words or more, not ending in a full stop, with every word of four
// letters or more capitalised ("Jennifer Aniston Reveals Secret to Happy
// Marriage"), and no photo credit (a caption of names and titles looks
// the same).
func isHeadlineCase(t string) bool {
	if len(t) > 480 || runesOver(t, 120) || strings.HasSuffix(t, ".") || mayHaveCredit(t) {
		return false
	}
	words := strings.Fields(t)
	if len(words) < 4 {
		return false
	}
	long := 0
	for _, w := range words {
		w = strings.Trim(w, "'\"‘’“”(),:;?!")
		if !runesOver(w, 4-1) {
			continue
		}
		if !capitalised(w) {
			return false
		}
		long++
	}
	return long >= 3
}

// opensSection reports whether line i, headline-like, is rather the next
// section's heading or a photo's caption: a caption's credit or label is
// on it or after it ("... hearing.Image copyright GETTY", "Image
// caption"), or a paragraph follows it (two sentences, or a long one).
func opensSection(ls []line, i int) bool {
	if mayHaveCredit(ls[i].text) {
		return true
	}
	if i+1 >= len(ls) {
		return false
	}
	next := ls[i+1].text
	return folded(next) == "image caption" || hasSentenceBreak(next) || runesOver(next, 120)
}

// introducesList reports whether t is the story's sentence that brings on
// a list: five words or more ending with a colon, no widget's head.
func introducesList(t string) bool {
	return strings.HasSuffix(t, ":") && model.CountWords(t) >= 5 && !isWidgetLine(t)
}

// dropLinkLists removes the lists of links sites leave inside the text: a
// head such as "Read more about:" and the headline-like lines after it (at
// most ten), and a headline followed by "Read more".
func (p *plainParser) dropLinkLists() {
	kept := p.lines[:0]
	for i := 0; i < len(p.lines); i++ {
		l := p.lines[i]
		f := ""
		if len(l.text) <= 64 && linkHeadLens.has(runeCount(strings.TrimRight(strings.TrimRight(l.text, ": "), ".… "))) {
			// Folded only when as long as a head: folding keeps the
			// count of runes in cleaned (NFC) text.
			f = strings.TrimRight(folded(l.text), ".… ")
		}
		box := 0
		if i > 0 && l.gap && l.indent {
			box = p.indentedLinks(i)
		}
		switch {
		case i > 0 && linkListHeads[f]:
			p.drop(l.text, l.n)
			for n := 0; n < 10 && i+1 < len(p.lines) && isLinkLine(p.lines[i+1].text) && !opensSection(p.lines, i+1); n++ {
				i++
				p.drop(p.lines[i].text, p.lines[i].n)
			}
			continue
		case i > 0 && l.gap && i+2 < len(p.lines) && !p.lines[i+1].gap && isHeadlineCase(l.text) && isHeadlineCase(p.lines[i+1].text) &&
			!introducesList(p.lines[i-1].text):
			// Two headlines or more of other stories, one under the
			// other, set apart from the text before them; not what the
			// story lists ("Here is the official track listing:").
			p.drop(l.text, l.n)
			for n := 0; n < 10 && i+1 < len(p.lines) && !p.lines[i+1].gap && isHeadlineCase(p.lines[i+1].text); n++ {
				i++
				p.drop(p.lines[i].text, p.lines[i].n)
			}
			continue
		case box > 1:
			// A box of links set in under the lead, one under the other,
			// between blank lines ("    Vietjet Air ngừng khai thác 4
			// chuyến bay ..." twice under Tuổi Trẻ's "TTO - ..."). In the
			// one-paragraph-a-line layout an indented line is a caption,
			// and no blank line sets it apart.
			for n := box; n > 0; n-- {
				p.drop(p.lines[i].text, p.lines[i].n)
				i++
			}
			i--
			continue
		case f == "read more" && len(kept) > 1 && isLinkLine(kept[len(kept)-1].text):
			// The headline before it is the link's text.
			p.drop(kept[len(kept)-1].text, kept[len(kept)-1].n)
			kept = kept[:len(kept)-1]
			p.drop(l.text, l.n)
			continue
		}
		kept = append(kept, l)
	}
	p.lines = kept
}

// indentedLinks returns how many lines from the i-th on are indented
// links, one under the other, when a blank line (or the end) follows the
// last of them; 0 otherwise. It counts ten at most. An indented list ("-
// Brighton to London will go up by £140") is text.
func (p *plainParser) indentedLinks(i int) int {
	n := 0
	for ; n < 10 && i+n < len(p.lines); n++ {
		l := p.lines[i+n]
		if !l.indent || n > 0 && l.gap || !isLinkLine(l.text) || isListLine(p.lines, i+n) {
			break
		}
	}
	if i+n < len(p.lines) && !p.lines[i+n].gap {
		return 0
	}
	return n
}

// dropShareLines removes share-button lines wherever they are.
// dropShareLines removes share buttons and photo agencies' credits alone
// (see isShareLine). A credit right under a short line that is not a
// sentence ("Donald Trump Campaigns Across New Hampshire" / "Photo by Joe
// Raedle/Getty Images") credits that line: both are the caption.
func (p *plainParser) dropShareLines() {
	kept := p.lines[:0]
	follow := -2 // the number of the last "Follow" button's line
	for _, l := range p.lines {
		if l.n == follow+1 && isPostAuthor(l.text) {
			// An embedded post's author under its "Follow" button:
			// "Donald J. Trump ? @realDonaldTrump".
			p.drop(l.text, l.n)
			continue
		}
		if !isShareLine(l.text) {
			if buttons := shareTail(l.text); buttons != "" {
				// "... It was Pocket, not Tor. Tweet Share Comment": the
				// buttons under the text run onto its last line.
				l.text = strings.TrimSpace(l.text[:len(l.text)-len(buttons)])
				p.drop(buttons, l.n)
			}
			kept = append(kept, l)
			continue
		}
		if k := len(kept) - 1; k >= 0 && !l.gap && kept[k].n == l.n-1 && agencyLine.MatchString(folded(l.text)) &&
			!endsSentence(kept[k].text) && !runesOver(kept[k].text, 200) && model.CountWords(kept[k].text) >= 3 {
			kept[k].caption, l.caption = true, true
			kept = append(kept, l)
			continue
		}
		if folded(l.text) == "follow" {
			follow = l.n
			if k := len(kept) - 1; k >= 0 && kept[k].n == l.n-1 && isPostAuthor(kept[k].text) {
				// The author over the button.
				p.drop(kept[k].text, kept[k].n)
				kept = kept[:k]
			}
		}
		p.drop(l.text, l.n)
	}
	p.lines = kept
}

// postAuthor is an embedded post's author as a page shows it beside the
// "Follow" button: a name as its owner set it (symbols and emoji, which
// a lost encoding may leave as "?", among the letters: "Kevin #Trump45#",
// "American????Comrade"), the verified mark, and the handle. Only a line
// beside the button is asked.
var postAuthor = regexp.MustCompile(`^[^@\s][^@]{0,60}? @\w{1,30}$`)

// isPostAuthor reports whether s is a postAuthor.
func isPostAuthor(s string) bool {
	return len(s) <= 100 && strings.IndexByte(s, '@') > 0 && postAuthor.MatchString(s)
}

// dropReaderPrompts removes a request that the readers answer a question
// in the comments, which sites set as a story's last line or the one
// before it ("Tell us, HollywoodLifers: Do you believe ...?"), and
// links to the site's exclusives set between paragraphs.
func (p *plainParser) dropReaderPrompts() {
	for i := 1; i < len(p.lines); i++ {
		if isExclusiveLink(p.lines[i].text) {
			// Not the first line: there it is the story's own headline.
			p.drop(p.lines[i].text, p.lines[i].n)
			p.lines = slices.Delete(p.lines, i, i+1)
			i--
		}
	}
	for k := 0; k < 2 && len(p.lines) > 2; k++ {
		i := len(p.lines) - 1 - k
		if l := p.lines[i]; isReaderPrompt(l.text) {
			p.drop(l.text, l.n)
			p.lines = slices.Delete(p.lines, i, i+1)
			k--
		}
	}
}

// isExclusiveLink reports whether t links to another of the site's
// stories under its "EXCLUSIVE:" label: a headline after it ("EXCLUSIVE:
// Brad Pitt and Angelina Jolie Fight Over Their Kids' Schooling"); a
// sentence after it is the story's own news.
func isExclusiveLink(t string) bool {
	rest, ok := strings.CutPrefix(t, "EXCLUSIVE: ")
	return ok && isHeadlineCase(rest)
}

// dropSourceLinks removes the address of the page a story was taken
// from, which copying sites set under it: labelled ("Nguồn:
// https://...", "Source: http://...") anywhere, or, in Vietnamese, alone
// among the last three lines (in English an address alone there is as
// often what the story points its readers to), when it is the only
// address alone in the text: several are a list of references.
func (p *plainParser) dropSourceLinks() {
	var links []int // the lines that are addresses, labelled or alone
	bare := 0
	for i, l := range p.lines {
		if labelled, ok := sourceLink(l.text); ok {
			links = append(links, i)
			if !labelled {
				bare++
			}
		}
	}
	if len(links) == 0 {
		return
	}
	drop := map[int]bool{}
	for _, i := range links {
		if labelled, _ := sourceLink(p.lines[i].text); labelled || bare == 1 && p.a.Language == "vi" && i >= len(p.lines)-3 {
			drop[i] = true
			if next := i + 1; labelled && isPictureLabel(p.lines[i].text) && next < len(p.lines) && !runesOver(p.lines[next].text, 160) && !endsSentence(p.lines[next].text) {
				// "image: http://.../phi-nhung.jpg" over "Ca sĩ Phi
				// Nhung": the picture's address, and its caption.
				p.lines[next].caption = true
			}
		}
	}
	kept := p.lines[:0]
	for i, l := range p.lines {
		if drop[i] {
			p.drop(l.text, l.n)
			continue
		}
		kept = append(kept, l)
	}
	p.lines = kept
}

// sourceLinkLabels are the words that label an address the text need
// not show, folded: the source's, or a picture's ("image: http://...").
var sourceLinkLabels = []string{"nguon", "source", "link", "via", "theo", "xem", "image", "photo"}

// isPictureLabel reports whether t opens with the label of a picture's
// address: "image: ", "Photo: ".
func isPictureLabel(t string) bool {
	return hasPrefixFold(t, "image: ") || hasPrefixFold(t, "photo: ")
}

// sourceLink reports whether t is a web address alone, and whether a
// label ("Nguồn:", "Source:") stands before it.
func sourceLink(t string) (labelled, ok bool) {
	if len(t) > 400 || len(t) < len("http://a.bc") {
		return false, false
	}
	sp := strings.IndexByte(t[:min(len(t), 10)], ' ')
	if t[0] != 'h' && (sp < 0 || strings.IndexByte("nNsSlLvVtTxXiIpP", t[0]) < 0) {
		// Neither an address nor a label word (at most "nguồn:", 8
		// bytes, and opening as one of sourceLinkLabels does) and a
		// space.
		return false, false
	}
	head, rest, found := strings.Cut(t, " ")
	if found {
		// The label may say which page it was ("Link nhật báo MOZ của
		// Đức: https://...").
		if !slices.Contains(sourceLinkLabels, strings.TrimRight(model.Fold(head), ":")) {
			return false, false
		}
		at := strings.Index(rest[:min(len(rest), 200)], "http")
		if at < 0 || model.CountWords(rest[:at]) > 8 || at > 0 && !strings.HasSuffix(strings.TrimRight(rest[:at], " "), ":") {
			return false, false
		}
		labelled, t = true, rest[at:]
	}
	if strings.IndexByte(t, ' ') >= 0 || !strings.HasPrefix(t, "http://") && !strings.HasPrefix(t, "https://") || len(t) < len("http://a.bc") {
		return false, false
	}
	return labelled, true
}

// dropReadingLists removes a list of the site's other stories set inside
// the text under its label ("Most read in world news", "Trending"): the
// label and the three or more lines under it that are headlines, not
// sentences, up to the story's next sentence.
func (p *plainParser) dropReadingLists() {
	for i := 0; i < len(p.lines); i++ {
		if !isReadingListLabel(p.lines[i].text) {
			continue
		}
		j := i + 1
		for j < len(p.lines) && isListedHeadline(p.lines[j].text) {
			j++
		}
		if j-i-1 < 3 {
			continue
		}
		for _, l := range p.lines[i:j] {
			p.drop(l.text, l.n)
		}
		p.lines = slices.Delete(p.lines, i, j)
		i--
	}
}

// readingLists label a list of the site's most read or newest stories;
// so do two words, one of listKinds and one of listedThings ("Trending
// Stories", "Popular Posts", "Related Articles").
var (
	readingLists = setOf("most read", "most popular", "most viewed", "most shared", "most read stories", "trending", "trending now",
		"editor's picks", "editors' picks", "don't miss")
	listKinds    = setOf("top", "more", "latest", "trending", "popular", "related", "recommended", "featured", "recent", "other")
	listedThings = setOf("stories", "articles", "posts", "news", "headlines", "reads")
)

// isReadingListLabel reports whether t labels such a list: one of
// readingLists, a kind of list of stories, or "Most read in world news".
func isReadingListLabel(t string) bool {
	if len(t) > 60 || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	f := folded(t)
	if kind, things, ok := strings.Cut(f, " "); ok && listKinds[kind] && listedThings[things] {
		return true
	}
	return readingLists[f] || (strings.HasPrefix(f, "most read in ") || strings.HasPrefix(f, "most popular in ") || strings.HasPrefix(f, "top stories in ") ||
		strings.HasPrefix(f, "related coverage from ")) && model.CountWords(f) <= 10
}

// isListedHeadline reports whether t reads as a listed story's headline:
// four words or more, short, and no sentence or question.
func isListedHeadline(t string) bool {
	cut := strings.HasSuffix(t, "…") // a headline cut short, as lists do
	return !runesOver(t, 160) && model.CountWords(t) >= 4 && (cut || !endsSentence(t)) && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "?”")
}

// dropAppealBox removes the box that closes a page asking its readers
// to pay for it: from the box's heading ("A Word to Our Loyal Readers")
// to the end, when an appeal ("Support Snopes so we continue ...") is
// among the last three lines and the heading, three words or more under
// the story's last sentence, is at most twelve lines above it (a staff
// list may be between, a name a line).
func (p *plainParser) dropAppealBox() {
	n := len(p.lines)
	for i := n - 1; i >= max(1, n-3); i-- {
		if !isAppeal(p.lines[i].text) {
			continue
		}
		for j := i - 1; j >= max(1, i-12); j-- {
			t := p.lines[j].text
			if runesOver(t, 600) {
				return
			}
			if words := model.CountWords(t); words >= 3 && words <= 8 && !runesOver(t, 60) && !endsSentence(t) &&
				!strings.HasSuffix(t, "?") && unicode.IsUpper(firstRune(t)) && endsSentence(p.lines[j-1].text) {
				p.dropFrom(j)
				return
			}
		}
		return
	}
}

// appeal is a site's request for its readers' money.
var appeal = regexp.MustCompile(`^(?:support (?:\p{L}[\p{L}0-9.]*(?: \p{L}[\p{L}0-9.]*){0,2} so (?:we|that we|it|they) (?:can )?(?:continue|keep)|(?:our|independent|local) journalism)|` +
	`(?:please )?become an? (?:member|supporter|subscriber|patron)\b|we need your support\b|make a (?:donation|contribution) (?:to|today)\b)`)

// isAppeal reports whether t asks for such support.
func isAppeal(t string) bool {
	return len(t) <= 600 && strings.IndexByte("SsBbWwMmPp", t[0]) >= 0 && appeal.MatchString(strings.ToLower(t))
}

// markupResidue reads what a page's Markdown left in its text when it
// was rendered as text: "## " headings (a wrapped one says its marks
// again where it was cut), and, in text that lists its links' addresses
// at the end ("[1]: https://..."), that list, which goes, and pictures'
// descriptions in brackets, which are captions: alone ("[SLS core
// stage]"), linked ("[[Stadia]][1]") or before the caption or the
// paragraph they were glued to, which is split off them.
func (p *plainParser) markupResidue() {
	refs, marks := 0, false
	for i := range p.lines {
		l := &p.lines[i]
		switch l.text[0] {
		case '[':
			if linkDefinition.MatchString(l.text) {
				refs++
			}
		case '#':
			marks = true
		}
		if strings.Contains(l.text, "**") || l.text[0] == '*' {
			l.bold = len(l.text) > 4 && strings.HasPrefix(l.text, "**") && strings.HasSuffix(l.text, "**") && strings.Count(l.text, "**") == 2
			if t := stripEmphasis(l.text); t != "" {
				// Marks around nothing but spaces ("*\u00a0*") mark
				// nothing: the line stays as it was, never empty.
				l.text = t
			}
		}
	}
	for i := range len(p.lines) - 1 {
		// A description in brackets that the line under it says again
		// is the picture's ("[A shopper looks at ...]" over "1of4A
		// shopper looks at ...").
		if l := &p.lines[i]; l.text[0] == '[' && pictureAltEnd(l.text) == len(l.text) && runesOver(l.text, 20) &&
			strings.Contains(p.lines[i+1].text, l.text[1:min(len(l.text)-1, 60)]) {
			l.caption = true
		}
	}
	if refs < 2 && !marks {
		return
	}
	out := make([]line, 0, len(p.lines))
	for _, l := range p.lines {
		if refs >= 2 && l.text[0] == '[' && linkDefinition.MatchString(l.text) {
			p.drop(l.text, l.n)
			continue
		}
		if level, text := atxHeading(l.text); level > 0 {
			if refs >= 2 && linkOnly.MatchString(text) {
				// "## [Home][5]": the page's navigation.
				p.drop(l.text, l.n)
				continue
			}
			l.text, l.heading = text, level
			p.marked = true
		}
		if refs >= 2 && l.text[0] == '[' {
			if end := pictureAltEnd(l.text); end > 0 && isShareButton(strings.Trim(l.text[:end], "[] 0123456789")) {
				// A share button's picture: "[[Bookmark and Share]][1]".
				p.drop(l.text, l.n)
				continue
			} else if end == len(l.text) {
				l.caption, l.heading = true, 0
			} else if end > 0 && l.heading == 0 && isCaptionAlone(strings.TrimSpace(l.text[end:])) {
				// The description glued to the caption: one caption.
				l.caption = true
			} else if end > 0 && l.heading == 0 {
				alt, rest := l, l
				alt.text, alt.caption = l.text[:end], true
				rest.text, rest.gap = strings.TrimSpace(l.text[end:]), false
				out = append(out, alt)
				l = rest
			}
		}
		out = append(out, l)
	}
	p.lines = out
}

// isShareButton reports whether a picture's description names a share
// button: "Bookmark and Share", "Tweet".
func isShareButton(alt string) bool {
	if len(alt) > 40 {
		return false
	}
	f := strings.ToLower(alt)
	return strings.Contains(f, "share") || strings.Contains(f, "bookmark") || strings.Contains(f, "tweet")
}

// stripEmphasis takes Markdown's bold marks out of a line ("**ST.
// JOSEPH, Mich. (AP)** — ..."), and the italic marks around a whole line
// ("*© 2019 Associated Press. ...*"); asterisks that mark nothing stay.
func stripEmphasis(t string) string {
	for range min(strings.Count(t, "**")/2, 8) {
		s := boldText.ReplaceAllString(t, "$1$2$3")
		if s == t {
			break
		}
		t = s
	}
	if n := len(t); n > 2 && t[0] == '*' && t[n-1] == '*' && strings.Count(t, "*") == 2 && t[1] != ' ' && t[n-2] != ' ' {
		t = t[1 : n-1]
	}
	return strings.TrimSpace(t)
}

// boldText is text between bold marks that open and close a run of
// words, not asterisks inside a word that stand for letters ("f**k",
// "Ni** My**").
var boldText = regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*([^\p{L}\p{N}*]|$)`)

// linkDefinition is a link's address in a list of them: "[12]: https://
// example.com/a", "[3]: mailto:jo@example.com", "[1]: #".
var linkDefinition = regexp.MustCompile(`^\[\d{1,3}\]: \S`)

// atxHeading returns the level and text of a line marked as a heading
// with "#" marks, the marks said again where a wrapped heading was cut
// taken out ("### [Long title ... Make ### It 2]"), or 0.
func atxHeading(t string) (int, string) {
	level := 0
	for level < len(t) && level < 7 && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level >= len(t) || t[level] != ' ' {
		return 0, t
	}
	marks := t[:level]
	text := strings.TrimSpace(t[level:])
	text = strings.ReplaceAll(text, " "+marks+" ", " ")
	text = strings.TrimSpace(strings.TrimRight(text, "#"))
	if text == "" {
		return 0, t
	}
	return level, text
}

// pictureAltEnd returns where a picture's description in brackets that
// opens t ends: "[alt]", "[[alt]][3]", "[ [alt] ][3]"; or 0. A link's
// text ("[Google Stadia][2] launches ...") is no picture.
func pictureAltEnd(t string) int {
	if m := linkedPicture.FindStringIndex(t); m != nil {
		return m[1]
	}
	if strings.HasPrefix(t, "[ ") {
		return 0 // a button's label: "[ Read All Comments ]"
	}
	end := strings.IndexByte(t, ']')
	if end < 2 || strings.IndexByte(t[1:end], '[') >= 0 || runesOver(t[:end], 300) {
		return 0
	}
	if end+1 < len(t) && (t[end+1] == '[' || t[end+1] == '(' || t[end+1] == ':') {
		return 0
	}
	return end + 1
}

// linkOnly is a link's text and number alone: "[Home][5]".
var linkOnly = regexp.MustCompile(`^\[[^\[\]]{1,80}\]\[\d{1,3}\]$`)

// linkedPicture is a picture that links somewhere: "[[Stadia]][1]",
// "[ [Materials from ... (onmeth.com)] ][3]".
var linkedPicture = regexp.MustCompile(`^\[ ?\[[^\[\]]{1,300}\] ?\]\[\d{1,3}\]`)

// dropFormWidgets removes a form a page embeds among the story's
// paragraphs, as its text gives it: a run of twelve or more short lines,
// labels and buttons, two or more of them said three times or more
// ("Add your details", "Do this later"), a third of the run or more. A
// gallery says each caption twice and a product list each
// feature twice; a templated page (three lines or more said three times
// or more) is left as it is: its repeats are its own.
func (p *plainParser) dropFormWidgets() {
	if len(p.lines) < 12 {
		return
	}
	formLine := func(t string) bool { return len(t) <= 160 && !runesOver(t, 80) && model.CountWords(t) <= 8 }
	// Only short lines are counted: a form's are, and a templated page
	// repeats short ones too.
	var seen map[string]int
	for _, l := range p.lines {
		if formLine(l.text) {
			if seen == nil {
				seen = map[string]int{}
			}
			seen[l.text]++
		}
	}
	templated := 0
	for _, n := range seen {
		if n >= 3 {
			templated++
		}
	}
	if templated >= 3 || templated < 2 {
		return
	}
	for i := 0; i < len(p.lines); i++ {
		if !formLine(p.lines[i].text) {
			continue
		}
		j := i
		for j < len(p.lines) && formLine(p.lines[j].text) {
			j++
		}
		repeated := map[string]int{}
		for k := i; k < j; k++ {
			repeated[p.lines[k].text]++
		}
		many, lines := 0, 0
		for _, n := range repeated {
			if n >= 3 {
				many++
				lines += n
			}
		}
		if j-i >= 12 && many >= 2 && lines*10 >= (j-i)*3 {
			for _, l := range p.lines[i:j] {
				p.drop(l.text, l.n)
			}
			p.lines = slices.Delete(p.lines, i, j)
			j = i
		}
		i = j
	}
}

// shareTail returns the share buttons run onto the end of a sentence
// ("... not Tor. Tweet Share Comment"), or "".
func shareTail(t string) string {
	if len(t) < 12 {
		return ""
	}
	if c := t[len(t)-1] | 0x20; c < 'a' || c > 'z' {
		return ""
	}
	i := strings.LastIndex(t[max(0, len(t)-48):], ". ")
	if i < 0 {
		return ""
	}
	tail := t[max(0, len(t)-48)+i+2:]
	if strings.ContainsAny(tail, ".,") || !shareTargets(strings.ToLower(tail)) {
		return ""
	}
	return tail
}

// dropLines removes the lines whose text drop reports, wherever they
// are, but for those already read as captions.
func (p *plainParser) dropLines(drop func(string) bool) {
	p.dropEach(func(_ int, l line) bool { return !l.caption && drop(l.text) })
}

// dropLine removes line i.
func (p *plainParser) dropLine(i int) {
	p.drop(p.lines[i].text, p.lines[i].n)
	p.lines = slices.Delete(p.lines, i, i+1)
}

// dropEach removes the lines that drop reports, given their index.
func (p *plainParser) dropEach(drop func(int, line) bool) {
	kept := p.lines[:0]
	for i, l := range p.lines {
		if drop(i, l) {
			p.drop(l.text, l.n)
			continue
		}
		kept = append(kept, l)
	}
	p.lines = kept
}

// dropVideoPlayers removes what a video player leaves in the text: the
// video's title with its length ("Sanders booed after voicing support for
// Clinton 01:18"), and the title said just above it, alone or in the
// player's label ("PlayPete Williams: ... Facebook Twitter Google Plus
// Embed"). A title with a length and nothing above it is taken only when
// it is set as a headline.
func (p *plainParser) dropVideoPlayers() {
	drop := map[int]bool{}
	for i, l := range p.lines {
		if len(l.text) <= 20 && isDigit(l.text[0]) && strings.IndexByte(l.text, '/') > 0 && playerClock.MatchString(l.text) {
			drop[i] = true // "0:00 / 1:10"
			continue
		}
		if i+2 < len(p.lines) && p.lines[i+1].text == "/" && isClock(l.text) && isClock(p.lines[i+2].text) {
			drop[i], drop[i+1], drop[i+2] = true, true, true // the same on three lines
			continue
		}
		title := videoLength(l.text)
		if title == "" {
			continue
		}
		for j := i - 1; j >= max(0, i-2); j-- {
			if t := p.lines[j].text; t == title || strings.HasPrefix(t, "Play") && strings.Contains(t, title) {
				drop[i], drop[j] = true, true
			}
		}
		if isHeadlineCase(title) {
			drop[i] = true
		}
	}
	if len(drop) > 0 {
		p.dropEach(func(i int, _ line) bool { return drop[i] })
	}
}

// playerClock is a video player's time and length: "0:00 / 1:10".
var playerClock = regexp.MustCompile(`^\d{1,2}(?::\d{2}){1,2} ?/ ?\d{1,2}(?::\d{2}){1,2}$`)

// isClock reports whether t is a time on a player's clock alone: "0:00",
// "1:10", "12:05".
func isClock(t string) bool {
	n := len(t)
	return n >= 4 && n <= 5 && isDigit(t[0]) && isDigit(t[n-1]) && isDigit(t[n-2]) && t[n-3] == ':' && (n == 4 || isDigit(t[1]))
}

// videoLength returns the title of a line that is a video's title and its
// length ("... Clinton 01:18", "... Stance 2:25"), or "".
func videoLength(t string) string {
	n := len(t)
	if n > 400 || n < 12 || !isDigit(t[n-1]) || !isDigit(t[n-2]) || t[n-3] != ':' {
		return ""
	}
	i := strings.LastIndexByte(t, ' ')
	if i < 0 || n-i-1 > 5 || !isDigit(t[i+1]) {
		return ""
	}
	title := strings.TrimSpace(t[:i])
	if !runesOver(title, 10-1) || runesOver(title, 150) || endsSentence(title) {
		return ""
	}
	return title
}

// dropTrailingWidgets removes the site's link blocks at the end: from the
// first widget heading ("Tin đọc nhiều", "Related stories") found among the
// trailing lines that are not sentences.
func (p *plainParser) dropTrailingWidgets() {
	cut := -1
	for i := len(p.lines) - 1; i > 0; i-- {
		t := p.lines[i].text
		if isWidgetLine(t) {
			cut = i
			continue
		}
		if isSignupLine(t) {
			// "Sign up for our Email Newsletters here." under the
			// links: it goes too, and the links are looked for above.
			continue
		}
		if endsSentence(t) || len(t) > 480 || runesOver(t, 120) {
			break
		}
	}
	if cut < 0 {
		return
	}
	// The writer's signature and the source's credit may stand under
	// the links ("Xem Thêm:" / ... / "Nguồn: Liekr" / "Nghi Ân/Theo
	// Thethaovaxaohoi.vn"): they stay, to be read as the byline.
	end := len(p.lines)
	for end-1 > cut && len(p.lines)-end < 2 && isSignatureLine(p.lines[end-1].text) {
		end--
	}
	for _, l := range p.lines[cut:end] {
		p.drop(l.text, l.n)
	}
	p.lines = append(p.lines[:cut], p.lines[end:]...)
}

// closingCopyright is an owner's notice alone, closing a story: "©
// Reuters", "© Harbour Times 2019".
var closingCopyright = regexp.MustCompile(`^© ?\p{Lu}[\p{L}0-9.&'’-]*(?: [\p{L}0-9.&'’-]+){0,4}$`)

// isSignatureLine reports whether t reads as a writer's signature or a
// source's credit: a name or names, or "Theo ...", "Nguồn: ...".
func isSignatureLine(t string) bool {
	return !runesOver(t, 80) && (isBylineText(t) || isCredit(t))
}

// dropTaggedTeasers removes the headlines of the site's other stories
// that end a page, two or more, each tagged with what it links to:
// "... wireless gaming headset [Video]".
func (p *plainParser) dropTaggedTeasers() {
	i := len(p.lines)
	for i > 1 && isTaggedTeaser(p.lines[i-1].text) {
		i--
	}
	if len(p.lines)-i >= 2 {
		p.dropFrom(i)
	}
}

// isTaggedTeaser reports whether t is a headline tagged with a media
// label: "... Review [Video]", "... in pictures [Gallery]".
func isTaggedTeaser(t string) bool {
	if len(t) > 480 || !strings.HasSuffix(t, "]") || runesOver(t, 160) {
		return false
	}
	i := strings.LastIndex(t, " [")
	return i > 0 && mediaTags[strings.ToLower(t[i+2:len(t)-1])] && !endsSentence(t[:i])
}

// mediaTags say what a tagged headline links to.
var mediaTags = setOf("video", "videos", "gallery", "photos", "pictures", "podcast", "audio", "watch")

// dropFrom removes the lines from i to the end of the text.
func (p *plainParser) dropFrom(i int) {
	for _, l := range p.lines[i:] {
		p.drop(l.text, l.n)
	}
	p.lines = p.lines[:i]
}

// dropCardList removes a list of other stories that ends the text, each
// a headline and a line or two under it, the cards set apart by lines of
// a dash alone: three such lines or more, and no card of more than three
// lines or of a paragraph's length, or opening with a sentence. A dash
// alone between a story's sections parts paragraphs, not headlines.
func (p *plainParser) dropCardList() {
	first, seps, card := -1, 0, 0
	for i := len(p.lines) - 1; i > 0; i-- {
		t := p.lines[i].text
		if cardSeparators[t] {
			// A card opens with its headline, which ends no sentence;
			// what follows a dash between a story's sections does.
			if card == 0 || endsSentence(p.lines[i+1].text) {
				break
			}
			seps, first, card = seps+1, i, 0
			continue
		}
		if card++; card > 3 || len(t) > 800 || len(t) > 200 && runesOver(t, 200) {
			break
		}
	}
	if seps < 3 {
		return
	}
	if t := p.lines[first-1].text; !runesOver(t, 80) && !endsSentence(t) && !isBylineText(t) && first > 1 &&
		!bulletLine.MatchString(t) && !numberedLine.MatchString(t) {
		// The list's own headline: "More from CBS Sports".
		first--
	}
	p.dropFrom(first)
}

// cutNameCards takes out of the text the cards that pop up over a
// person's name on some news sites, glued into the sentence by a page's
// dump: "South Dakota Gov. Kristi NoemKristi Lynn NoemSouth Dakota
// governor doubles down on ... goes into effect MORE (R) is defending
// ...". Each card goes to Dropped, the sentence closes over it.
func (p *plainParser) cutNameCards() {
	for i := range p.lines {
		if !strings.Contains(p.lines[i].text, " MORE") {
			continue
		}
		for {
			kept, card := cutNameCard(p.lines[i].text)
			if card == "" {
				break
			}
			p.lines[i].text = kept
			p.drop(card, p.lines[i].n)
		}
	}
}

// cutNameCard returns s without its first name card, and the card, or s
// and "". A card opens right after the name it is for, with no space
// ("... Kristi NoemKristi Lynn Noem..."): the same first name again, the
// full name, the person's stories glued on ("NoemSouth Dakota governor
// ..."), and the link " MORE" last.
func cutNameCard(s string) (string, string) {
	for from := 0; ; {
		at := strings.Index(s[from:], " MORE")
		if at < 0 {
			return s, ""
		}
		end := from + at + len(" MORE")
		from = end
		if end < len(s) && s[end] != ' ' {
			continue
		}
		for g := max(end-800, 1); g < end-len(" MORE"); g++ {
			r, _ := utf8.DecodeRuneInString(s[g:])
			before, _ := utf8.DecodeLastRuneInString(s[:g])
			if !unicode.IsUpper(r) || !unicode.IsLower(before) {
				continue
			}
			words := strings.Fields(s[max(g-80, 0):g])
			if len(words) < 2 {
				continue
			}
			first, last := words[len(words)-2], words[len(words)-1]
			card := s[g:end]
			if !strings.HasPrefix(card, first+" ") || !capitalised(first) {
				continue
			}
			// The full name ends as the name in the text does, glued to
			// the first of the person's stories.
			if k := strings.Index(card[:min(len(card), 80)], last); k > 0 && k+len(last) < len(card) {
				if next, _ := utf8.DecodeRuneInString(card[k+len(last):]); unicode.IsUpper(next) {
					return s[:g] + s[end:], card
				}
			}
		}
	}
}

// dropTimeStamps removes, in an English text, the lines near its top
// that only say when the story was posted or updated ("Posted Nov 18,
// 8:19 PM", "Updated an hour ago", "Wednesday 20 November 2019 9:22 am"):
// a page's stamps, above or under the headline. A text with more such
// lines, or with one further down (among its first twenty), is a
// schedule or a timeline, whose
// dates are its text; so are two or more of which none says it stamps
// the story's posting or update.
func (p *plainParser) dropTimeStamps() {
	var at []int
	labelled := false
	// Two times of day alone or more head a running story's updates
	// ("10 p.m.", "4:14 p.m."): they are not its stamps.
	clocks := countClocks(p.lines)
	for i, l := range p.lines[:min(len(p.lines), 20)] {
		if isTimeStamp(l.text) && !(clocks >= 2 && isClockHeading(l.text)) {
			if len(at) > 0 && i >= 8 && l.text == p.lines[at[0]].text {
				// The stamp said again under the story: the page's own,
				// as a posting's stamp is.
				at, labelled = append(at, i), true
				continue
			}
			if at = append(at, i); i >= 8 || len(at) > 3 {
				return
			}
			labelled = labelled || isLabelledStamp(l.text)
		}
	}
	if len(at) == 0 || len(at) > 1 && !labelled {
		return
	}
	p.dropEach(func(i int, _ line) bool { return slices.Contains(at, i) })
}

// dropRelatedBar removes a first line made of other stories' headlines
// parted by slashes, as some sites set links over the story ("Buýt hai
// tầng ở Hà Nội trung bình có bảy khách mỗi lượt / Hành khách trải
// nghiệm tuyến buýt mui trần đầu tiên ở Hà Nội"): two or more parts of
// seven to thirty words, none a sentence or a stamp ("Updated Nov. 19,
// 2019 8:21 am ET / Original ..."); a title with a slash in it has a
// shorter part, and so has a couplet (six words and eight).
func (p *plainParser) dropRelatedBar() {
	if len(p.lines) < 3 {
		return
	}
	t := p.lines[0].text
	if len(t) > 600 || !strings.Contains(t, " / ") {
		return
	}
	for part := range strings.SplitSeq(t, " / ") {
		n := model.CountWords(part)
		if n < 7 || n > 30 || endsSentence(part) || strings.ContainsAny(part, "?!") || isTimeStamp(part) {
			return
		}
	}
	p.dropLine(0)
}

// wireSlug is a news agency's slug for a story and its version, which
// some pages print over the headline: "AP-US--Trump-Impeachment, 4th
// Ld-Writethru", "BC-EU--Britain-Election".
var wireSlug = regexp.MustCompile(`^(?:AP|BC)-[A-Z]{2,4}--[\p{L}0-9-]+(?:, [\p{L}0-9 -]{2,40})?$`)

// dropWireSlug removes a wire slug among the text's first three lines.
func (p *plainParser) dropWireSlug() {
	for i, l := range p.lines[:min(len(p.lines), 3)] {
		if len(l.text) <= 100 && strings.Contains(l.text, "--") && wireSlug.MatchString(l.text) {
			p.dropLine(i)
			return
		}
	}
}

// isLabelledStamp reports whether a time stamp says what it stamps, or
// counts back from now: "Updated Nov 19, 6:55 AM", "Updated an hour ago".
func isLabelledStamp(s string) bool { return labelledStamp(model.Fold(s)) }

// labelledStamp is isLabelledStamp on a folded stamp.
func labelledStamp(f string) bool {
	return slices.ContainsFunc(stampLabels, func(l string) bool { return strings.HasPrefix(f, l) }) || strings.Contains(f, " ago")
}

// stampLabels are what a stamp says it stamps, folded.
var stampLabels = []string{"posted", "published", "updated", "last updated", "first published", "modified"}

// isTimeStamp reports whether s is only a date or time, perhaps labelled;
// a day and month alone ("July 24") may be a timeline's heading, and is
// not one.
func isTimeStamp(s string) bool {
	if len(s) > 160 || len(s) < 5 || !hasDigit(s) && !strings.Contains(s, " ago") {
		return false
	}
	if strings.Contains(s, " | ") {
		// "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, ...",
		// or a byline's and a topic's place kept empty or labelled
		// around the date: "By | November 18, 2019 -- 19:14 GMT | Topic:
		// Hardware".
		stamp := false
		for part := range strings.SplitSeq(s, " | ") {
			switch {
			case isTimeStamp(part):
				stamp = true
			case part == "By" || metaLabel.MatchString(part):
			default:
				return false
			}
		}
		return stamp
	}
	if i := strings.Index(s, "Updated"); i > 4 && isDigit(s[i-1]) {
		// A posting's date and its update run together: "Nov. 20,
		// 2019Updated: Nov. 20, 2019 1:35 a.m.".
		return isTimeStamp(s[:i]) && isTimeStamp(s[i:])
	}
	if len(s) > 80 {
		return false
	}
	// "5:45 AM PST 11/19/2019 by": the writer's name that followed is
	// not in the text.
	s = strings.TrimSuffix(s, " by")
	f := strings.TrimRight(model.Fold(s), ";,. ")
	if strings.Contains(f, "\u00a0") {
		f = strings.ReplaceAll(f, "\u00a0", " ") // "1:35\u00a0a.m."
	}
	if !timeStamp.MatchString(f) {
		return false
	}
	return strings.Contains(f, ":") || yearIn.MatchString(f) || labelledStamp(f)
}

// metaLabel is a page's label for an article's topic or section.
var metaLabel = regexp.MustCompile(`^(?:Topic|Topics|Section|Category|Filed under|In): [\p{L}0-9 &,.'’-]{1,40}$`)

// yearIn finds a year.
var yearIn = regexp.MustCompile(`\b(?:19|20)\d{2}`)

// timeStamp is matched folded: a label, then a time ago, or a date with
// its weekday and time, or a time with its date.
var timeStamp = func() *regexp.Regexp {
	const (
		month = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
		day   = `\d{1,2}(?:st|nd|rd|th)?`
		date  = `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?(?:` + month + ` ` + day + `(?:,? \d{4})?|` + day + ` ` + month + `,? \d{4}|\d{1,2}/\d{1,2}/\d{4})`
		// "a.m." loses its last stop when the stamp is trimmed.
		clock = `\d{1,2}(?::\d{2}(?::\d{2})?(?: ?(?:am|pm|a\.m\.?|p\.m\.?))?|(?: ?(?:am|pm|a\.m\.?|p\.m\.?)))(?: (?:[a-z]{2,4}|gmt[+-]\d{1,2}|utc[+-]\d{1,2}))?`
		ago   = `(?:about |around )?(?:an?|\d{1,3}) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|just now|yesterday|today`
	)
	return regexp.MustCompile(`^(?:(?:` + strings.Join(stampLabels, "|") + `)(?::| on| at)? )?(?:` +
		ago + `|` + date + `(?:(?:,? (?:at |- |-- |\| )?| ?)` + clock + `(?: \(` + clock + `\))?)?|` + clock + `(?:,? ` + date + `)?)$`)
}()

// dropComments removes the readers' comments that a page's text ends
// with, from their heading ("Top Rated Comments", "12 Comments", "Leave a
// Reply", "Ý kiến bạn đọc") to the end: the heading after the text's
// first few lines, with lines after it. The comments may run longer than
// the story.
func (p *plainParser) dropComments() {
	for i := min(len(p.lines)/2, 5); i < len(p.lines)-1; i++ {
		if t := p.lines[i].text; len(t) <= 40 && mayBeComments(t) && commentsHeading.MatchString(strings.TrimRight(model.Fold(t), ":.")) {
			p.dropFrom(i)
			return
		}
	}
}

// mayBeComments is a quick test that t may be a commentsHeading, by a
// part of each that folding leaves alone.
func mayBeComments(t string) bool {
	return strings.Contains(t, "omment") || strings.Contains(t, "OMMENT") || strings.Contains(t, "eply") ||
		strings.Contains(t, "EPLY") || strings.Contains(t, "ạn đọc") || strings.Contains(t, "ẠN ĐỌC") || strings.Contains(t, "uận (")
}

// commentsHeading is matched folded.
var commentsHeading = regexp.MustCompile(`^(?:(?:top rated|most popular|latest|recent|reader|readers['’]?) comments|\d+ comments?|comments \(\d+\)|leave a (?:reply|comment)|y kien ban doc|binh luan \(\d+\))$`)

// isShortcodeLine reports whether s is a blog's shortcode left in the
// text as written, with nothing around it: "[button link=... ] Send us
// YOUR kit review[/button]", "[automerge]1574096160[/automerge]". A
// caption's shortcode holds a caption, and is not one of them.
func isShortcodeLine(s string) bool {
	if len(s) > 600 || s[0] != '[' || !strings.HasSuffix(s, "]") {
		return false
	}
	end := strings.IndexAny(s, " ]")
	tag := s[1:max(end, 1)]
	if tag == "" || tag == "caption" || strings.ContainsAny(tag, "/[") {
		return false
	}
	return strings.HasSuffix(s, "[/"+tag+"]")
}

// cardSeparators are the lines that part the cards of a list of stories.
var cardSeparators = setOf("-", "–", "—", "•", "·", "|")

// dropSignupBoxes removes a newsletter's sign-up box whole, in an English
// text: its name ("Pick Six Newsletter"), its pitch, and the form's lines
// ("Thanks for signing up!", "Sorry!", "There was an error processing
// your subscription."), of which isSignupLine knows only some: from the
// name to the last sign-up line that follows within a few lines.
func (p *plainParser) dropSignupBoxes() {
	if p.a.Language != "en" {
		return
	}
	out := p.lines[:0]
	for i := 0; i < len(p.lines); i++ {
		end := -1
		if isNewsletterName(p.lines[i].text) {
			for j := i + 1; j < len(p.lines) && j <= i+3 && end < 0; j++ {
				if isSignupLine(p.lines[j].text) {
					end = j
				}
			}
		}
		if end < 0 {
			out = append(out, p.lines[i])
			continue
		}
		// Further form lines, and a short one between two ("Sorry!").
		for k := end + 1; k < len(p.lines); k++ {
			if isSignupLine(p.lines[k].text) {
				end = k
			} else if k+1 < len(p.lines) && !runesOver(p.lines[k].text, 40) && isSignupLine(p.lines[k+1].text) {
				end, k = k+1, k+1
			} else {
				break
			}
		}
		for _, l := range p.lines[i : end+1] {
			p.drop(l.text, l.n)
		}
		i = end
	}
	p.lines = out
}

// dateLine matches a line holding only a date and perhaps a time, with an
// optional weekday: "05/04/2018 10:30", "Thứ Năm, 5/4/2018 - 14:02 GMT+7".
var dateLine = regexp.MustCompile(`^(?:[\p{L} ]{2,12},\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?:\s*\(?GMT[+-]\d{1,2}\)?)?)?$`)

// parseDMY turns day, month, year matches into a date.
func parseDMY(m []string) time.Time {
	if len(m) < 4 {
		return time.Time{}
	}
	t, err := time.Parse("2/1/2006", m[1]+"/"+m[2]+"/"+m[3])
	if err != nil {
		return time.Time{}
	}
	return t
}

// header takes the short lines between the title and the lead: bylines and
// a date.
func (p *plainParser) header(rest []line) []line {
	for n := 0; n < 3 && len(rest) > 1; n++ {
		t := rest[0].text
		posted, handle, dated := postedBy(t), handleByline(t), datedByline(t)
		switch {
		case dateLine.MatchString(t):
			p.a.Date = parseDMY(dateLine.FindStringSubmatch(t))
		case isBylineText(t) && !rest[0].caption && rest[0].heading == 0 && !rest[1].indent && !boxHeadings[folded(t)] && !isCreditAlone(t) &&
			(p.a.TitleGuessed || !echoesTitle(t, p.a.Title)):
			// A photographer's credit ("Patrick Semansky, ASSOCIATED
			// PRESS") names a person too, and is the picture's caption.
			p.a.Byline = append(p.a.Byline, p.bylineParts(t)...)
		case handle != "":
			// "Natasha Turak @NatashaTurak".
			p.a.Byline = append(p.a.Byline, handle)
		case dated != "":
			// "By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT":
			// the line goes, as a stamp does; the name is the byline.
			p.a.Byline = append(p.a.Byline, dated)
			p.drop(t, rest[0].n)
		case n == 0 && len(rest) > 2 && hasPrefixFold(rest[1].text, "by ") && !runesOver(rest[1].text, 80) &&
			isBylineText(rest[1].text) && !isBylineText(t) && !hasPrefixFold(t, "by ") && model.CountWords(t) <= 40:
			// A photo's caption or a standfirst between the title and
			// "By Troy L. Smith, Cleveland.com": the byline is taken, the
			// line above it stays, and the line is listed as removed
			// (its "By" is in no field).
			p.a.Byline = append(p.a.Byline, p.bylineParts(rest[1].text)...)
			p.drop(rest[1].text, rest[1].n)
			rest = append([]line{rest[0]}, rest[2:]...)
			return rest
		case posted != "":
			// "Posted by John Prager on 20 Sep 2016": the writer's name
			// is the byline, and the line goes, whole, so that D shows
			// what it said (a site's own account went with the widgets).
			p.a.Byline = append(p.a.Byline, splitByline(posted)...)
			p.drop(t, rest[0].n)
		case len(rest) > 2 && hasPrefixFold(t, "by ") && !runesOver(t, 40) && hasPrefixFold(rest[1].text, "by ") && isBylineText(rest[1].text):
			// "by In the news" over "by Dan Lucas": the section the
			// site filed the story under, set as its writer is.
			p.drop(t, rest[0].n)
		default:
			return rest
		}
		rest = rest[1:]
	}
	return rest
}

// echoesTitle reports whether two or more of the words that say what t is
// about are in title too. Capitalised like a name, "Mars Sample Return"
// under "NASA Seeks Members For The Mars Sample Receiving Project" is the
// picture's subject or the story's kicker: a writer's name is seldom in
// the headline of the story they wrote.
func echoesTitle(t, title string) bool {
	if title == "" {
		return false
	}
	in := map[string]bool{}
	contentWords(title, in)
	shared := 0
	for _, w := range contentWords(t, nil) {
		if in[w] {
			shared++
		}
	}
	return shared >= 2
}

// boxHeadings head a box of a story's points under its title, folded.
var boxHeadings = setOf("key points", "story highlights", "highlights", "what you need to know", "the big picture",
	"at a glance", "in brief", "the facts", "key takeaways", "takeaways")

// creditCaptions makes a photographer's credit on a line of its own a
// caption: with the agency ("Natalie Naccache | Bloomberg | Getty
// Images") or in words ("Photo by David Dyer-Bennet"). So is the
// description right above it, when that is not the first line: the
// picture's caption then its credit, as the page set them. A description
// over a credit in words is a sentence or six words or more; a short
// line without a stop over it is a section's heading.
func (p *plainParser) creditCaptions() {
	for i := range p.lines {
		t := p.lines[i].text
		pipe := isPipeCredit(t)
		photo := p.a.Language == "vi" && isPhotoCredit(t) && !strings.Contains(model.Fold(t), "minh hoa")
		if !pipe && !photo && !isByCredit(t) {
			continue
		}
		p.lines[i].caption = true
		above := &p.lines[max(i-1, 0)]
		if i > 1 && above.n == p.lines[i].n-1 && !p.lines[i].gap && !runesOver(above.text, 400) && (!photo || !runesOver(above.text, 160) && !opensWithConnective(above.text)) &&
			(model.CountWords(above.text) >= 6 || !pipe && model.CountWords(above.text) >= 3 && endsSentence(above.text)) {
			// In Vietnamese, a credit alone ("Ảnh Internet", "Ảnh:
			// Asahi") right under a short line credits the picture
			// that line describes; under a paragraph it credits one
			// the scraper lost. "Ảnh minh họa: ..." is a caption of
			// its own, and a stock photo's label. A line that goes on
			// from the one before it ("Bên cạnh đó, ...") is the
			// text's, and the credit under it a lost picture's.
			above.caption = true
		}
	}
}

// clockHeading is a time of day alone, as a running story heads each
// update.
var clockHeading = regexp.MustCompile(`^\d{1,2}(?::\d{2})? ?(?:a\.m\.|p\.m\.|[AaPp]\.?[Mm]\.?)$`)

// countClocks counts the times of day alone among ls.
func countClocks(ls []line) int {
	n := 0
	for _, l := range ls {
		if isClockHeading(l.text) {
			n++
		}
	}
	return n
}

// isClockHeading reports whether t is a clockHeading.
func isClockHeading(t string) bool { return len(t) <= 12 && clockHeading.MatchString(t) }

// datelineAlone is a place in capitals with its country or state, on a
// line of its own.
var datelineAlone = regexp.MustCompile(`^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}, [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}$`)

// datedByline returns the name in "By NAME, DATE", or "".
func datedByline(t string) string {
	if len(t) > 120 || !hasPrefixFold(t, "by ") {
		return ""
	}
	name, date, ok := strings.Cut(t[3:], ", ")
	if !ok || !isTimeStamp(date) || !isBylineText(name) || model.CountWords(name) > 4 {
		return ""
	}
	return name
}

// handleByline returns the name in a byline that ends with the writer's
// handle ("Natasha Turak @NatashaTurak"), or "".
func handleByline(t string) string {
	if len(t) > 80 {
		return ""
	}
	at := strings.LastIndex(t, " @")
	if at < 0 || strings.ContainsRune(t[at+2:], ' ') {
		return ""
	}
	if name := strings.TrimSpace(t[:at]); isBylineText(name) && model.CountWords(name) <= 4 {
		return name
	}
	return ""
}

// bylineParts splits a byline, and takes a site's address in it
// ("Troy L. Smith, Cleveland.com") for the source instead.
func (p *plainParser) bylineParts(t string) []string {
	parts := splitByline(t)
	out := parts[:0]
	for _, part := range parts {
		if siteAddress.MatchString(part) {
			if p.a.Source == "" {
				p.a.Source = part
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// siteAddress is a site named by its address: "Cleveland.com".
var siteAddress = regexp.MustCompile(`^[\p{L}0-9-]+\.` + siteDomains + `$`)

// lead takes the first paragraph and splits off its source and dateline.
func (p *plainParser) lead(rest []line) []line {
	if len(rest) > 2 && len(rest[0].text) <= 2 && isDigit(rest[0].text[0]) && (rest[1].caption || isCaptionAlone(rest[1].text)) {
		// "4" over a gallery's captions: how many pictures it holds.
		p.drop(rest[0].text, rest[0].n)
		rest = rest[1:]
	}
	if len(rest) > 1 && (rest[0].caption || isCaptionAlone(rest[0].text)) {
		// "Photo Credit: ..." under the title, or a description with
		// its credit ("... Ảnh: Phạm Duy.", "... (Evan Vucci/AP)"),
		// captions the photo above the story; the standfirst, if any,
		// is the line after it. A picture's description in brackets
		// may come first, its caption after it.
		for n := 0; n < 12 && len(rest) > 1 && (rest[0].caption || n == 0 || isCaptionAlone(rest[0].text)); n++ {
			p.cur = rest[0].n
			p.add(model.Caption, 0, rest[0].text)
			rest = rest[1:]
		}
	} else if len(rest) > 2 && rest[1].n == rest[0].n+1 && isCreditAlone(rest[1].text) && !runesOver(rest[0].text, 400) {
		// The description, then its credit on a line of its own
		// ("(Image: © TNG Collaboration)").
		for _, l := range rest[:2] {
			p.cur = l.n
			p.add(model.Caption, 0, l.text)
		}
		rest = rest[2:]
	}
	if len(rest) == 0 || rest[0].indent || rest[0].heading > 0 || len(rest[0].text) <= 40 && boxHeadings[folded(rest[0].text)] {
		// "Key Points" over a story's summary in points: a heading, and
		// the story's lead is not among them.
		return rest
	}

	lead := rest[0].text
	body := func(token string) bool {
		for _, l := range rest[1:] {
			if strings.Contains(l.text, token) {
				return true
			}
		}
		return false
	}
	lead, source, dateline := splitLeadPrefix(lead, p.a.Language)
	if source == "" && dateline == "" {
		source, lead = siteStamp(lead, p.a.URL)
	}
	if source != "" || p.a.Source == "" {
		p.a.Source = source
	}
	if dateline != "" || p.a.Dateline == "" {
		p.a.Dateline = dateline
	}
	// Glued datelines ("Thanh HóaRa bờ...") come from Vietnamese sites'
	// markup; in English a capital inside a word is a name ("RadarOnline").
	if p.a.Dateline == "" && source == "" && p.a.Language == "vi" {
		p.a.Dateline, lead = splitGluedDateline(lead, body)
	}
	if runesOver(lead, maxLead) || len(rest) == 1 && strings.Count(lead, ". ") >= 2 {
		// A whole story on one line, not a standfirst: it is the body's
		// first paragraph, with its source and dateline taken off.
		rest[0].text = strings.TrimSpace(lead)
		return rest
	}
	p.a.Lead = strings.TrimSpace(lead)
	p.leadLine, p.leadAt = rest[0].text, rest[0].n
	if p.a.Dateline == "" && source == "" {
		p.laterDateline(rest[1:min(len(rest), 3)])
	}
	return rest[1:]
}

// laterDateline takes a wire-style dateline ("SALT LAKE CITY — ...", or
// an agency's stamp, "Orlando (CNN) ...") off the first of lines, the two
// after the lead, that opens with one: a standfirst, a pull quote or a
// player's label can stand between the title and the story's first
// paragraph.
func (p *plainParser) laterDateline(lines []line) {
	for i := range lines {
		t := lines[i].text
		if lines[i].indent {
			continue
		}
		if rest, source, dateline, ok := splitWireStamp(t); ok && runesOver(rest, 80-1) {
			// "Orlando (CNN) Hillary Clinton kicked off ...", under
			// CNN's story highlights.
			p.a.Dateline = dateline
			if p.a.Source == "" {
				p.a.Source = source
			}
			lines[i].text = rest
			return
		}
		m := wireDateline(t, p.a.Language)
		if m == nil {
			// "New York, NY – The range of ...": a press release's
			// first paragraph under its summary.
			if rest, place, ok := splitStateDateline(t, p.a.Language); ok && runesOver(rest, 80-1) {
				p.a.Dateline = place
				lines[i].text = rest
				return
			}
			continue
		}
		// The story's paragraph, not a kicker over a teaser ("PREVENTING
		// PARKINSON'S – ... Continue reading…"), a link ("WELS - Through
		// My Bible"), or a name with a note ("BONNER BOLTON (pro partner
		// ...) - ").
		if r := firstRune(t[len(m[0]):]); r == 0 || unicode.IsLower(r) || !runesOver(t[len(m[0]):], 80-1) || isStoryTeaser(t) ||
			m[2] != "" && unicode.IsLower(firstRune(m[2])) {
			continue
		}
		p.a.Dateline = m[1]
		if m[2] != "" && p.a.Source == "" {
			p.a.Source = m[2]
		}
		lines[i].text = t[len(m[0]):]
		return
	}
}

// maxOpeningCaption is the longest first sentence of a story on one line
// taken for a photo's caption, in characters. In the labelled one-line
// stories, the captions that open them are 20 to 74 characters long and
// the first sentences that are not, 106 or more; across all of one such
// source, first sentences of 60 to 80 characters are as often the story's
// as a caption, and shorter ones mostly captions.
const maxOpeningCaption = 60

// openingCaption splits off the photo caption that opens a story written
// on one line with no title: a short first sentence before a longer text
// ("Hai nhà lãnh đạo gặp gỡ tại Kremlin ngày 21/10. Khi Thủ tướng ..."),
// a credit in brackets ("(Nguồn: Reuters) Thủ tướng ..."), or "Ảnh minh
// họa" standing for a stock photo.
func openingCaption(rest []line) []line {
	if len(rest) == 0 {
		return rest
	}
	t := rest[0].text
	end := 0
	switch {
	case t[0] == '(':
		if j := strings.IndexByte(t, ')'); j > 0 && j < 80 && hasCreditLabel(t[1:j]) {
			end = j + 1
		}
	case strings.HasPrefix(t, "Ảnh minh họa "):
		end = len("Ảnh minh họa")
	case strings.HasPrefix(t, "Ảnh minh hoạ "):
		end = len("Ảnh minh hoạ")
	default:
		if s := firstSentence(t); looksLikeCaption(s) && len(t) >= 4*len(s) && !hasCreditLabel(strings.TrimLeft(t[len(s):], " (")) {
			end = len(s)
		}
	}
	if end <= 0 || end >= len(t) || !paragraphStart(t, end+1) && !paragraphStart(t, end) {
		return rest
	}
	c := rest[0]
	c.text, c.caption = strings.TrimSpace(t[:end]), true
	r := rest[0]
	r.text = strings.TrimSpace(t[end:])
	return append([]line{c, r}, rest[1:]...)
}

// looksLikeCaption reports whether the first sentence of a story reads as
// a photo's caption rather than the start of the story: short, a plain
// statement of what is shown, with no clause set off by a comma or colon
// ("Kết thúc đợt 1, chỉ số ...") and no "là" ("X là Y" explains, a caption
// shows), ending in a word, not an abbreviation ("TP."), and not opening a
// quotation that goes on.
func looksLikeCaption(s string) bool {
	if strings.HasSuffix(s, "…") || runesOver(s, maxOpeningCaption) || model.CountWords(s) < 2 ||
		strings.ContainsAny(s, ",:;") || strings.Contains(s, " là ") || !endsWord(strings.TrimRight(s, ".!? ")) ||
		strings.Count(s, "“") != strings.Count(s, "”") || strings.Count(s, "\"")%2 == 1 {
		return false
	}
	return strings.HasSuffix(s, ".")
}

// hasCreditLabel reports whether t opens with a credit's label and a
// colon: "Nguồn: Reuters", "Ảnh: AP".
func hasCreditLabel(t string) bool {
	for _, m := range creditLabels {
		if rest, ok := strings.CutPrefix(t, m); ok && strings.HasPrefix(strings.TrimLeft(rest, " "), ":") {
			return true
		}
	}
	return false
}

// maxLead is the longest first paragraph taken as the lead, in characters.
const maxLead = 1000

// firstSentence returns the first sentence of a paragraph, cut at a word
// after 100 characters: the title of a file that has none.
func firstSentence(t string) string {
	for i := 0; i < len(t); {
		j := strings.IndexAny(t[i:], ".?!")
		if j < 0 {
			break
		}
		i += j + 1
		// "Hòm thư Yahoo! nâng lên 1TB.": a sentence goes on after a
		// stop that a lower-case word follows.
		if i < len(t) && t[i] == ' ' && !endsInAbbreviation(t[:i]) && !unicode.IsLower(firstRune(t[i+1:])) {
			t = t[:i]
			break
		}
	}
	at := runeOffset(t, 100) // the 101st character, or len(t)
	if at == len(t) {
		return t
	}
	cut := strings.LastIndexByte(t[:at+1], ' ')
	if cut <= 0 {
		return t
	}
	return strings.TrimRight(t[:cut], " ,;:-–—") + "…"
}

// body classifies the remaining lines into blocks.
func (p *plainParser) body(rest []line) {
	repeats := repeatedLines(rest)
	if l := p.leadLine; runesOver(l, saidAgainMin) && repeats[l] == 0 && slices.ContainsFunc(rest[min(galleryGap, len(rest)):], func(r line) bool { return r.text == l }) {
		// The lead said again further down, as a story taken twice is.
		repeats[l] = -1
	}
	// Lines next to a video player's label ("Play VIDEO"), which is
	// removed already: a repeated line there is the video's title, shown
	// above and below the player, and goes with it.
	video := map[int]bool{}
	for i, n := range p.dropAt {
		if d := p.a.Dropped[i]; len(d) > 2*len("watch video") {
			continue // folded only when it can be one of them
		} else if f := folded(d); f == "play video" || f == "watch video" {
			video[n-1], video[n+1] = true, true
		}
	}
	captionNext := false
	vi := p.a.Language == "vi"
	// A running story's times of day ("10 p.m.", "4:14 p.m."), two or
	// more, head its updates.
	clocks := countClocks(rest)
	for i, l := range rest {
		p.cur = l.n
		credit := mayHaveCredit(l.text)
		if len(l.text) == len("Image caption") && folded(l.text) == "image caption" {
			// A label the page showed before a photo's caption.
			p.drop(l.text, l.n)
			captionNext = true
			continue
		}
		if captionNext {
			captionNext = false
			if !runesOver(l.text, 400) {
				p.add(model.Caption, 0, l.text)
				continue
			}
		}
		switch {
		case p.isTitleAgain(l.text):
			// The headline said again in the text: the title of a video
			// the page embedded, or of the page's share box.
			p.drop(l.text, l.n)
		case l.caption:
			p.add(model.Caption, 0, l.text)
		case vi && repeats[l.text] >= 0 && describesPicture(l.text):
			// "Hình ảnh con trăn khổng lồ ...": a picture's description,
			// however it would read otherwise; a gallery's second copy
			// of it goes, as any description's does.
			if repeats[l.text] == 1 {
				repeats[l.text] = -1
			}
			p.add(model.Caption, 0, l.text)
		case l.heading > 0:
			p.add(model.Heading, 2, l.text)
		case repeats[l.text] < 0:
			// Galleries are scraped with each photo's description twice:
			// the first copy is kept as a caption, later ones dropped.
			p.drop(l.text, l.n)
		case repeats[l.text] == 3:
			p.add(model.Caption, 0, l.text)
		case repeats[l.text] == 1 && video[l.n]:
			repeats[l.text] = -1
			p.drop(l.text, l.n)
		case repeats[l.text] == 1 && !isListLine(rest, i):
			repeats[l.text] = -1
			p.add(model.Caption, 0, l.text)
		case hasLostBreaks(l.text):
			for _, para := range splitRuns(l.text) {
				if isPromoLine(para) {
					// A widget's label left at the end of a flattened
					// page: "... 3 km.  Source link".
					p.dropHere(para)
					continue
				}
				p.paragraph(para, credit)
			}
		case isPostSignature(l.text):
			p.embeddedPost(l)
		case isNumberedHeading(rest, i) || clocks >= 2 && isClockHeading(l.text):
			p.add(model.Heading, 2, l.text)
		case isListLine(rest, i):
			p.add(model.ListItem, 0, listText(l.text))
		case l.indent && !p.spaced || captionAlone(l.text, credit) || isVideoCaption(l.text) || p.a.Language == "vi" && isClipTitle(l.text):
			p.add(model.Caption, 0, l.text)
		case p.a.Language != "en" && (inCaptionRun(rest, i) || isGluedCaption(rest, i)):
			p.add(model.Caption, 0, l.text)
		case vi && p.echoesAbove(rest, i):
			p.add(model.Caption, 0, l.text)
		case (!p.marked || l.bold) && p.isHeading(rest, i):
			// Where the text marks its headings, a line in bold may be
			// one too.
			p.add(model.Heading, 2, l.text)
		case isQuoteLine(l.text):
			p.add(model.Quote, 0, strings.TrimSpace(strings.TrimPrefix(l.text, ">")))
		default:
			p.paragraph(l.text, credit)
		}
		if repeats[l.text] == 2 {
			// Said again further down: read here as any line is, and
			// dropped there.
			repeats[l.text] = -1
		}
	}
}

// postSignature closes a social post embedded in a page, as the page's
// text gives it: "— Tom Phillips (@tomphillipsin) December 31, 2014";
// postSignatureLine is one on a line of its own, under the post's text.
var (
	postSignature     = regexp.MustCompile(`\s[^()]{1,60}` + postSigned)
	postSignatureLine = regexp.MustCompile(`^[-—–\x{FFFD}]\s*[^()]{1,60}` + postSigned)
)

// postSigned is the handle and date that end a post's signature.
const postSigned = `\(@\w{1,15}\)\s*(?:\pL+\.? \d{1,2}, \d{4}|\d{1,2} (?:tháng )?\pL*\.? ?\d{1,2},? \d{4})$`

// isPostSignature reports whether t ends with an embedded post's
// signature.
func isPostSignature(t string) bool {
	return len(t) <= 2000 && strings.Contains(t, "(@") && (postSignature.MatchString(t) || postSignatureLine.MatchString(t))
}

// embeddedPost adds a line that ends with a post's signature as a quote.
// A signature on a line of its own closes the post on the line above,
// which is made a quote with it.
func (p *plainParser) embeddedPost(l line) {
	if n := len(p.a.Blocks); n > 0 && postSignatureLine.MatchString(l.text) {
		// A short post without a full stop may have been read as a heading.
		if last := &p.a.Blocks[n-1]; (last.Kind == model.Paragraph || last.Kind == model.Heading) && p.blockAt[n-1] == l.n-1 {
			last.Kind, last.Level = model.Quote, 0
		}
	}
	p.add(model.Quote, 0, l.text)
}

// isTitleAgain reports whether t is the article's title, when the file
// gave one.
func (p *plainParser) isTitleAgain(t string) bool {
	title := p.a.Title
	return !p.a.TitleGuessed && title != "" && len(t) >= len(title)-8 && len(t) <= len(title)+8 &&
		model.Fold(t) == model.Fold(title)
}

func (p *plainParser) add(kind model.BlockKind, level int, text string) {
	if text = strings.TrimSpace(text); text != "" {
		p.a.Blocks = append(p.a.Blocks, model.Block{Kind: kind, Level: uint8(level), Text: text})
		p.blockAt = append(p.blockAt, p.cur)
	}
}

// paragraph adds a paragraph, splitting off the photo captions that run
// inline in it ("... sentence. Caption. Ảnh: Credit. Next sentence ...")
// when it may have a photo credit.
func (p *plainParser) paragraph(text string, credit bool) {
	for credit && text != "" {
		start, end := inlineCaption(text)
		if end <= 0 {
			p.add(model.Paragraph, 0, text)
			return
		}
		p.add(model.Paragraph, 0, text[:start])
		p.add(model.Caption, 0, text[start:end])
		text = strings.TrimSpace(text[end:])
	}
	p.add(model.Paragraph, 0, text)
}

// A gallery's two copies of a description are at most galleryGap lines
// apart; text the scraper took twice, further apart, is dropped the second
// time when it is longer than saidAgainMin characters (a paragraph).
const (
	galleryGap   = 4
	saidAgainMin = 100
)

// repeatedLines maps each text that occurs twice among ls to 1 when the
// two are at most four lines apart, a photo gallery's description scraped
// twice, and to 2 when they are further apart and the text is a paragraph
// of more than 100 characters: text the scraper took twice, such as a
// story said again after its summary. Shorter lines further apart are
// left alone: a table of contents and its headings, two people with the
// same title. A long line that is no sentence, said three times or more,
// maps to 3: a caption each time.
func repeatedLines(ls []line) map[string]int {
	type count struct{ n, first int }
	seen := make(map[string]count, len(ls))
	twice := 0
	for i, l := range ls {
		c, ok := seen[l.text]
		if !ok {
			c.first = i
		} else if c.n == 1 {
			twice++
			if i-c.first > galleryGap {
				c.first = -1
			}
		}
		c.n++
		seen[l.text] = c
	}
	// Lines said three times or more, three of them or more, make a
	// templated page (a meal plan's days, a schedule): a line said twice
	// there is the template's too, not a story taken twice.
	templated := 0
	for _, c := range seen {
		if c.n >= 3 {
			templated++
		}
	}
	out := make(map[string]int, twice)
	for t, c := range seen {
		// A gallery repeats a photo's description once; a line seen three
		// times or more, or one with tabs, is a table's row.
		switch {
		case c.n >= 3 && templated < 3 && !runesOver(t, 300) && !endsSentence(t) && !strings.ContainsRune(t, '\t') &&
			!strings.HasSuffix(t, "?") && !unicode.IsLower(firstRune(t)) && model.CountWords(t) >= 10:
			// A long line that is not a sentence, said three times or
			// more on a page that is no template: the one description
			// a blog gave each of its pictures.
			out[t] = 3
		case c.n != 2 || !runesOver(t, 20-1) || strings.ContainsRune(t, '\t'):
		case c.first < 0 && (!runesOver(t, saidAgainMin) || templated >= 3):
		case c.first < 0:
			out[t] = 2
		default:
			out[t] = 1
		}
	}
	return out
}

// hasLostBreaks reports whether a line holds several paragraphs run
// together, with double spaces where the breaks were. Text typed with two
// spaces after every sentence is not split.
func hasLostBreaks(t string) bool {
	if !strings.Contains(t, "  ") {
		return false
	}
	runs := strings.Count(t, "  ")
	sentences := strings.Count(t, ". ") + strings.Count(t, "? ") + strings.Count(t, "! ")
	return sentences >= 3 && runs*2 <= sentences
}

// splitRuns splits a line at runs of two or more spaces, which is where
// scrapers that flatten a page leave the paragraph breaks.
func splitRuns(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, "  ") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// isHeading reports whether line i reads as a section heading: short, not a
// sentence, capitalised, and followed by body text.
func (p *plainParser) isHeading(ls []line, i int) bool {
	t := ls[i].text
	if len(t) > 400 {
		return false
	}
	// Most lines are sentences: settle those before counting anything.
	// A Vietnamese heading may trail off ("Nhiều tồn tại…"); one word
	// that does ("Xuân…" / "… hạ…") is a run of captions.
	if i+1 >= len(ls) || endsSentence(t) && !(p.a.Language == "vi" && strings.HasSuffix(t, "…") && !strings.HasPrefix(t, "…") &&
		model.CountWords(t) >= 2 && model.CountWords(t) <= 8) {
		return false
	}
	n := runeCount(t)
	if n > 100 || n < 3 {
		return false
	}
	words := model.CountWords(t)
	if words > 18 || hasSentenceBreak(t) && hasSentenceBreakPastTitles(numberedLine.ReplaceAllString(t, "")) && (words > 10 || !isUpperWords(t)) {
		// In capitals, a full stop inside a short line ends a short
		// form, not a sentence: "VOLKSWAGEN ID. SPACE VIZZION CONCEPT".
		return false
	}
	if r := firstRune(t); isQuoteOpen(r) {
		if !isQuotedHeading(t) {
			return false
		}
	} else if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if lastRune(t) == '?' && words > 12 || lastRune(t) == ')' && isBylineText(t) {
		return false
	}
	if isInterjected(t) {
		// "Really, have you ever seen anything so gorgeous?": a writer
		// talking to the reader, not a heading.
		return false
	}
	if strings.Count(t, ", ") >= 2 && reportingClause.MatchString(t) {
		// "And what exactly, a reporter asked, was that going to be?":
		// the story reports what someone said.
		return false
	}
	if clockTime.MatchString(t) || speakerLine.MatchString(t) {
		// "9:53 PM - 26 Dec 2016" under an embedded post; "Kim: Really?"
		// in a transcript.
		return false
	}
	if !hasWord(t) {
		return false
	}
	next := ls[i+1]
	if next.indent && i+2 >= len(ls) || unicode.IsLower(firstRune(next.text)) {
		return false
	}
	if ls[i].gap && !next.gap && next.n == ls[i].n+1 && i > 0 && !runesOver(next.text, 200) && strings.HasSuffix(strings.TrimRight(ls[i-1].text, closingQuotes), ":") {
		// A block of short lines with no blank line between them that a
		// colon brings on, after a blank line, is a list ("... linking
		// Clinton herself and associates to:" / "Money laundering" /
		// "Child exploitation"), its first item no section's name.
		return false
	}
	if n := len(p.a.Blocks); n > 0 {
		last := p.a.Blocks[n-1]
		if last.Kind == model.Heading {
			return false
		}
		// A stack of short lines ("Title" / "Author" / "Publisher, $17")
		// is headed by its first line only.
		if last.Kind == model.Paragraph && i > 0 && p.blockAt[n-1] == ls[i-1].n &&
			!endsSentence(last.Text) && !endsSentence(trimLinkLabel(last.Text)) && !runesOver(last.Text, 100) {
			return false
		}
	}
	return !(i+2 >= len(ls) && isBylineText(next.text) && isBylineText(t))
}

// reportingClause is a clause set off by commas that says who spoke: ",
// a reporter asked,", ", he said,".
var reportingClause = regexp.MustCompile(`, (?:\p{L}+ ){0,3}(?:asked|asks|said|says|added|adds|wondered|replied|told \p{L}+),`)

// isQuotedHeading reports whether t, which opens with a quotation mark,
// can be a heading: the quoted words start with a capital ("'My choice is
// different'", "“Cát-sê những ngày đầu ... 4 tô phở”"), the line is not in
// capitals (a pull quote), and it is not an entry of a list of quoted
// names, a dash or a price after the name ("“AA8” - 9,5 triệu USD",
// "“Mean Girls” quotes by PaipurNails at Etsy, $4").
func isQuotedHeading(t string) bool {
	inner := strings.TrimLeftFunc(t, isQuoteOpen)
	if cut, ok := strings.CutPrefix(inner, "…"); ok && strings.HasPrefix(cut, " ") {
		// "“… prevent the evacuation of ...”": a fact-check's heading
		// quotes the claim from where it picks up.
		inner = "A" + strings.TrimLeft(cut, " ")
	}
	if !unicode.IsUpper(firstRune(inner)) || isUpperWords(t) || hasDigit(t[strings.LastIndexByte(t, ' ')+1:]) {
		return false
	}
	if end := strings.IndexAny(inner, "”\"’'»"); end >= 0 {
		_, n := utf8.DecodeRuneInString(inner[end:])
		after := strings.TrimLeft(inner[end+n:], " ")
		return !strings.HasPrefix(after, "-") && !strings.HasPrefix(after, "–") && !strings.HasPrefix(after, "—")
	}
	return true
}

var (
	// clockTime starts with a time of day.
	clockTime = regexp.MustCompile(`^\d{1,2}:\d{2}\s?(?:[AaPp]\.?[Mm]\.?|[Gg]iờ|h\b)`)
	// speakerLine is a line of a transcript: a speaker's name, a colon and
	// what they said, ending as a sentence does.
	speakerLine = regexp.MustCompile(`^\p{Lu}[\p{L}.'’]*(?: \p{Lu}[\p{L}.'’]*)?: .*[.?!…]["”’]?$`)
)

// inCaptionRun reports whether line i is one of two or more descriptions
// one under the other: lines of seven words or more that are neither
// sentences nor labels, such as a gallery's captions at the end of a story
// ("Nước hồ chảy từ sông băng ..., lọc qua đá núi lửa xốp"). A heading is
// followed by its section's text, not by another such line; a line said
// again under itself is a table's row.
func inCaptionRun(ls []line, i int) bool {
	t := ls[i].text
	return isDescription(t) &&
		(i > 0 && ls[i-1].text != t && isDescription(ls[i-1].text) ||
			i+1 < len(ls) && ls[i+1].text != t && isDescription(ls[i+1].text))
}

// isDescription reports whether t describes rather than tells: seven to
// forty words, capitalised, with no sentence ending in or after them, no
// label ("Đội hình: ...") and no tab.
func isDescription(t string) bool {
	if endsSentence(t) || len(t) > 1000 || runesOver(t, 250) || hasSentenceBreak(t) {
		return false
	}
	if r := lastRune(strings.TrimRight(t, closingQuotes)); r == '?' || r == ':' {
		return false
	}
	if r := firstRune(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if words := model.CountWords(t); words < 7 || words > 40 {
		return false
	}
	return !strings.Contains(t, ": ") && !strings.ContainsRune(t, '\t') && !strings.Contains(t, "http") && !strings.Contains(t, "www.") && !isBylineText(t)
}

// isGluedCaption reports whether line i, in text with blank lines between
// its paragraphs, is the caption of a picture the scraper dropped between
// a paragraph and it: the second of a block of two, with no blank line
// and no dropped line between them, under a paragraph of 120 characters
// or more that ends a sentence, and a sentence itself, four words or
// more and at most 160 characters, that opens with a capital or a
// quotation mark ("... và truyền dịch." / "Bữa trưa của chú sư tử trong
// Thảo Cầm Viên."). A writer's name there signs the story. English text
// puts other things there as often (a quotation, "Read the full analysis
// here."): the rule is not used for it.
func isGluedCaption(ls []line, i int) bool {
	if i == 0 || i+1 >= len(ls) || ls[i].gap || !ls[i+1].gap || ls[i-1].n != ls[i].n-1 || !ls[i-1].gap && i > 1 {
		return false
	}
	t, above := ls[i].text, ls[i-1].text
	if runesOver(t, 160) || !runesOver(above, 120-1) || !endsSentence(above) || hasSentenceBreak(t) || strings.HasSuffix(t, ":") {
		return false
	}
	if r := firstRune(t); !unicode.IsUpper(r) && !isQuoteOpen(r) {
		return false
	}
	return model.CountWords(t) >= 4 && !isBylineText(t)
}

// echoesAbove reports whether line i of Vietnamese text is a picture's
// caption made of a sentence of the text above it: a line of seven to
// thirty-five words with no stop inside it and no colon, three quarters
// of whose word pairs are in one of the two lines above (or the lead), a
// line half as long again. Sites that set a photo between paragraphs
// often caption it so ("Cua đỏ là loài giáp xác duy nhất ..." under the
// paragraph that says it); a heading says again what comes after it,
// not what came before. English text sets a pull quote so, and the rule
// is not used for it.
func (p *plainParser) echoesAbove(ls []line, i int) bool {
	t := ls[i].text
	if len(t) < 24 || len(t) > 320 || hasSentenceBreak(t) || strings.Contains(t, ":") || opensWithConnective(t) {
		return false
	}
	words := model.CountWords(t)
	if words < 7 || words > 35 {
		return false
	}
	var above []string
	for j := max(0, i-2); j < i; j++ {
		above = append(above, ls[j].text)
	}
	if i < 2 && p.leadLine != "" {
		above = append(above, p.leadLine)
	}
	// Three words of it, as written, are looked for first: its second to
	// fourth, after the capital, or its last three. A line that says it
	// again has one of them, and most lines are turned away before
	// anything is folded.
	inner, last := wordsAt(t, 1, 4), strings.TrimRight(t[wordStart(t, words-3):], ".!?… ")
	if inner == "" || last == "" {
		return false
	}
	var pairs []string
	for _, u := range above {
		if len(u) < len(t)+20 || !strings.Contains(u, inner) && !strings.Contains(u, last) ||
			2*model.CountWords(u) < 3*words || strings.Contains(u, ";") {
			// A line that lists with semicolons lists the headings
			// of the sections below it, as a digest's summary does.
			continue
		}
		if pairs == nil {
			f := strings.Fields(spacedWords(t))
			for k := 1; k < len(f); k++ {
				pairs = append(pairs, " "+f[k-1]+" "+f[k]+" ")
			}
			if len(pairs) == 0 {
				return false
			}
		}
		spaced, found := spacedWords(u), 0
		for _, pair := range pairs {
			if strings.Contains(spaced, pair) {
				found++
			}
		}
		if 4*found >= 3*len(pairs) {
			return true
		}
	}
	return false
}

// wordStart returns where the word of t numbered n (from 0) starts, its
// words parted by single spaces, or len(t).
func wordStart(t string, n int) int {
	i := 0
	for ; n > 0 && i < len(t); n-- {
		j := strings.IndexByte(t[i:], ' ')
		if j < 0 {
			return len(t)
		}
		i += j + 1
	}
	return i
}

// wordsAt returns t's words from the one numbered from (from 0) to the
// one before to, as written: a part of a line that a copy of it has,
// whatever the quotation marks about the copy, looked for before any
// folding (pull quotes, captions said again).
func wordsAt(t string, from, to int) string {
	i := wordStart(t, from)
	j := i + wordStart(t[i:], to-from)
	return strings.TrimRight(t[i:j], " ")
}

// isSpaced reports whether most lines after the title follow a blank line.
func isSpaced(ls []line) bool {
	gaps := 0
	for _, l := range ls[1:] {
		if l.gap {
			gaps++
		}
	}
	return len(ls) > 2 && gaps*2 > len(ls)-1
}

// hasSentenceBreak reports whether t holds the end of a sentence followed
// by more text.
func hasSentenceBreak(t string) bool {
	return strings.Contains(t, ". ") || strings.Contains(t, "! ") || strings.Contains(t, "? ")
}

// trimLinkLabel takes a link's label in brackets off the end of a
// sentence: "Why the grant is promising. (More)".
func trimLinkLabel(t string) string {
	if !strings.HasSuffix(t, ")") {
		return t
	}
	if i := strings.LastIndex(t, " ("); i > 0 && len(t)-i <= 24 {
		return t[:i]
	}
	return t
}

// hasSentenceBreakPastTitles is hasSentenceBreak with the full stops of
// people's titles passed over: "Time for Dr. Sherlock" is no sentence.
func hasSentenceBreakPastTitles(t string) bool {
	return hasStopPast(t, func(s string) bool { return honorifics[strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])] })
}

// honorifics come before a name.
var honorifics = setOf("mr.", "mrs.", "ms.", "dr.", "prof.", "st.")

// hasWord reports whether t has a word of two or more letters.
func hasWord(t string) bool {
	run := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

var (
	bulletLine   = regexp.MustCompile(`^[-*•–—▪●+]\s+\S`)
	numberedLine = regexp.MustCompile(`^(\d{1,3})([.)]?)\s+\S`)
)

// isListLine reports whether line i is a list item: a bullet, or a number
// with a dot or bracket, or a bare number in a run of numbered lines.
func isListLine(ls []line, i int) bool {
	t := ls[i].text
	// A bullet or a digit comes first in every list line.
	if c := t[0]; (c < '0' || c > '9') && !strings.ContainsRune("-*•–—▪●+", firstRune(t)) {
		return false
	}
	if bulletLine.MatchString(t) {
		return true
	}
	m := numberedLine.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	if numberAt(ls, i-1) == n-1 || numberAt(ls, i+1) == n+1 {
		return true
	}
	// A numbered line with prose between it and the next number is a
	// numbered heading ("1. Xác định mục tiêu"), unless it is a sentence.
	return m[2] != "" && !runesOver(t, 400-1) && endsSentence(t)
}

// isNumberedHeading reports whether line i is a numbered point that heads
// the prose under it, written as a sentence ("2. More context: two prior
// claims have been made.") or not ("1. Define early retirement"). It is
// one sentence of 35 words or fewer, the lines next to it are not
// numbered, and the nearest numbered line above or below it is the point
// before or after it. Its number is what makes it a heading, so it is one
// right under the section's own heading, or under a short line, where
// an unnumbered line would not be.
func isNumberedHeading(ls []line, i int) bool {
	t := ls[i].text
	if t[0] < '0' || t[0] > '9' || len(t) > 400 || i+1 >= len(ls) {
		return false
	}
	if !endsSentence(t) && unicode.IsLower(firstRune(ls[i+1].text)) {
		// "3) High-profile Muslim Americans tend to be the subject of a
		// fair amount" / "of blogger criticism, ...": a point's sentence
		// cut where the text was wrapped, not its heading.
		return false
	}
	m := numberedLine.FindStringSubmatchIndex(t)
	if m == nil || m[5] == m[4] {
		return false // no dot or bracket after the number
	}
	n, _ := strconv.Atoi(t[m[2]:m[3]])
	if numberAt(ls, i-1) >= 0 || numberAt(ls, i+1) >= 0 {
		return false
	}
	if point := strings.TrimSpace(t[m[5]:]); hasSentenceEnd(point) || model.CountWords(point) > 35 {
		return false
	}
	// The nearest numbered lines above and below: the points around it.
	for j := i - 2; j >= 0; j-- {
		if k := numberAt(ls, j); k >= 0 {
			if k == n-1 {
				return true
			}
			break
		}
	}
	for j := i + 2; j < len(ls); j++ {
		if k := numberAt(ls, j); k >= 0 {
			return k == n+1
		}
	}
	return false
}

func numberAt(ls []line, i int) int {
	if i < 0 || i >= len(ls) || !isDigit(ls[i].text[0]) {
		return -2
	}
	m := numberedLine.FindStringSubmatch(ls[i].text)
	if m == nil {
		return -2
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// listText removes a bullet from a list line; numbers are kept.
func listText(t string) string {
	if bulletLine.MatchString(t) {
		_, rest, _ := strings.Cut(t, " ")
		return strings.TrimSpace(rest)
	}
	return t
}

// isQuoteLine reports whether t is a quotation on its own: "> text", or a
// text wholly inside quotation marks.
func isQuoteLine(t string) bool {
	if strings.HasPrefix(t, "> ") {
		return true
	}
	open, closeQ := firstRune(t), lastRune(strings.TrimRight(t, "."))
	if !(open == '“' && closeQ == '”') || strings.Count(t, "“") != 1 {
		return false
	}
	return true
}

// creditedByName is "Theo NAME (Outlet)": a writer, by name, and the
// outlet the story is from.
var creditedByName = regexp.MustCompile(`^[Tt]heo (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){1,3}) \(([^()]{2,40})\)$`)

// signatureSite splits a Vietnamese signature that names the site a
// story was taken from into the writer and the site: "Lê Anh –
// Thoibao.de", "Minh Cát / phunusuckhoe.vn", "Thanh Thu (TH)/Khoevadep",
// "Nghi Ân/Theo Thethaovaxaohoi.vn", "Theo MỘC LAN (VTC News)". The
// writer is two to four capitalised words; the site one word or a
// domain. It returns "", "" for anything else.
func signatureSite(t string) (name, site string) {
	if len(t) > 120 || !strings.ContainsAny(t, "–—-/(") || runesOver(t, 80) || splitGluedByline(t) != nil {
		// "T.ThủyTheo PCMag/DTrends" is a name and a credit glued.
		return "", ""
	}
	if m := creditedByName.FindStringSubmatch(t); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	for _, sep := range []string{" – ", " — ", " - ", " / ", "/"} {
		before, after, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		name, site = strings.TrimSpace(before), strings.TrimSpace(after)
		if f := model.Fold(site); strings.HasPrefix(f, "theo ") {
			site = strings.TrimSpace(site[len("theo "):])
		}
		words := model.CountWords(stripParenthetical(name))
		if words < 2 || words > 4 || !isBylineText(name) || hasDigit(name) || !isSiteWord(site) {
			return "", ""
		}
		return name, site
	}
	return "", ""
}

// isSiteWord reports whether s is one word naming a site, or its domain:
// "Thoibao.de", "Khoevadep".
func isSiteWord(s string) bool {
	if s == "" || len(s) > 60 || strings.ContainsAny(s, " /") || !unicode.IsLetter(firstRune(s)) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return true
}

// signsStory reports whether block n, which reads as a name or a credit
// at the end of the body, signs the story. In English a signature comes
// straight after the story's last sentence, at most three lines of names
// and credits under it; a list of short capitalised lines ("Witch's Gift
// Box", "Crowley Magick Box") under a link is no signature; a credit
// that says so ("Additional reporting by ...") is one anywhere.
// Vietnamese stories sign under captions and boxes too.
func (p *plainParser) signsStory(n int) bool {
	if p.a.Language != "en" || isCredit(p.a.Blocks[n].Text) {
		// "Additional reporting by Joseph Hudak" says what it is.
		return true
	}
	for k := n - 1; k >= max(0, n-3); k-- {
		b := p.a.Blocks[k]
		if b.Kind == model.Paragraph && endsSentence(b.Text) {
			return true
		}
		if !isBylineText(b.Text) && !isPhotoCredit(b.Text) {
			return false
		}
	}
	return false
}

// letterSignatures takes the signatures of a letters page: under each
// letter, one that ends as a sentence does, the writer's name and under
// it their town and county ("Dr Jo Lind" / "Portsmouth, Hampshire"), two
// or more times, or once closing the text. The names are the byline, in
// order, and leave the text; the towns stay under their letters. It
// reports whether it took any, so that the last town is not read as a
// signature of its own ("Portsmouth" and "Hampshire").
func (p *plainParser) letterSignatures() bool {
	bs := p.a.Blocks
	var at []int
	for i := 0; i+1 < len(bs); i++ {
		// Cheap tests first: this runs on every block.
		b, town := bs[i], bs[i+1].Text
		if b.Kind != model.Paragraph && b.Kind != model.Heading || bs[i+1].Kind != model.Paragraph || len(b.Text) > 90 ||
			len(town) > 80 || !strings.Contains(town, ", ") || !townLine.MatchString(town) || !isBylineText(b.Text) {
			continue
		}
		// Under a letter: a paragraph, or the lead for the first.
		letter := p.a.Lead
		if i > 0 {
			letter = ""
			if bs[i-1].Kind == model.Paragraph {
				letter = bs[i-1].Text
			}
		}
		if model.CountWords(letter) >= 8 && endsLetter(letter) {
			at = append(at, i)
		}
	}
	if len(at) < 2 && (len(at) == 0 || at[0] != len(bs)-2) {
		// One signature is a letter's only at the end of the text.
		return false
	}
	for _, i := range at {
		p.a.Byline = append(p.a.Byline, bs[i].Text)
	}
	p.keepBlocks(func(i int) bool { return !slices.Contains(at, i) })
	return true
}

// endsLetter reports whether t ends as a letter does, with a full stop,
// a question or an exclamation: a list of names and posts ("William
// Bennett, Former secretary of education under Ronald Reagan") does not.
func endsLetter(t string) bool {
	return strings.ContainsRune(".?!…", lastRune(strings.TrimRight(t, closingQuotes)))
}

// townLine is a town and its county or state: "Ilkley, West Yorkshire",
// "Ryde, Isle of Wight".
var townLine = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]+(?: (?:of |upon |on |under )?\p{Lu}[\p{L}'’.-]+){0,2}, \p{Lu}[\p{L}'’.-]+(?: (?:of |upon |on |under )?\p{Lu}[\p{L}'’.-]+){0,2}$`)

// trailingByline moves the credits at the end of the body into Byline:
// last blocks that read as names or photo credits ("Minh Quân", "Ảnh:
// Volvo"), or a short credit after the last sentence of the last paragraph
// ("... 2 phút. Hạnh Nguyên(Tổng hợp)").
func (p *plainParser) trailingByline() {
	if n := len(p.a.Blocks); n > 1 && p.a.Language == "en" {
		// "— Tom Rogan is a writer ...": the writer's note on themselves,
		// which stays; their name is the byline. Its dash makes it a
		// list of one when read.
		last, prev := p.a.Blocks[n-1], p.a.Blocks[n-2]
		text := last.Text
		if last.Kind == model.ListItem && prev.Kind != model.ListItem {
			text = "— " + text
		}
		if m := closingBio.FindStringSubmatch(text); m != nil && (last.Kind == model.Paragraph || last.Kind == model.ListItem) {
			p.a.Byline = append(p.a.Byline, m[1])
			return
		}
		if m := writerNoteOf(text); m != nil && last.Kind == model.Paragraph && !reportsSpeech(text) {
			// "Eric Song is IGN's deal curator and ...": the same note
			// without its dash, saying what the writer does; or what
			// a column says of its writer ("Dear Abby is written by
			// Abigail Van Buren, ...").
			p.a.Byline = append(p.a.Byline, m[1])
			return
		}
	}
	for range 3 {
		n := len(p.a.Blocks)
		if n == 0 {
			return
		}
		last := &p.a.Blocks[n-1]
		if name, ok := signOff(last.Text); ok && last.Kind == model.Paragraph {
			// "-- By Michael Russell Follow @mrussell": the writer, and a
			// request to follow them. The line goes, whole, so that D
			// shows what it said; the name is the byline.
			p.popBlock()
			p.a.Byline = append(splitByline(name), p.a.Byline...)
			p.dropHere(last.Text)
			continue
		}
		if last.Kind == model.Paragraph && closingCopyright.MatchString(last.Text) {
			// "© Reuters" under the story: the owner's notice.
			p.popBlock()
			p.dropHere(last.Text)
			continue
		}
		if last.Kind == model.Paragraph && (p.isSiteName(last.Text) || isBareLabel(last.Text)) {
			p.popBlock()
			p.dropHere(last.Text)
			continue
		}
		if names := staffByline(last.Text); names != nil && last.Kind == model.Paragraph {
			// "(Reporting by A and B; Editing by C)": the wire's staff
			// line, which ends its stories and stays; its reporters and
			// writers are the byline.
			p.a.Byline = append(names, p.a.Byline...)
			return
		}
		if name, site := signatureSite(last.Text); name != "" && p.a.Language == "vi" && last.Kind != model.ListItem {
			// "Lê Anh – Thoibao.de", "Minh Cát / phunusuckhoe.vn",
			// "Theo MỘC LAN (VTC News)": the writer, and the site the
			// story came from. The line goes, whole, so that D shows
			// what it said, as a sign-off's does.
			p.a.Byline = append([]string{name}, p.a.Byline...)
			if p.a.Source == "" {
				p.a.Source = site
			}
			p.popBlock()
			p.dropHere(last.Text)
			continue
		}
		if (isPhotoCredit(last.Text) || p.a.Language == "vi" && isCredit(last.Text) || last.Kind != model.ListItem && last.Kind != model.Quote && !isWireCaption(last.Text) &&
			isBylineText(last.Text) && !isCallToAction(last.Text)) && !isAnonymousCredit(last.Text) && p.signsStory(n-1) {
			// "T.ThủyTheo PCMag/DTrends" is a name and a credit glued;
			// "Bảo Lâm (theo PhoneArena)" is one byline.
			parts := splitGluedByline(last.Text)
			if len(parts) != 2 || !isCredit(parts[1]) {
				parts = splitByline(last.Text)
			}
			p.a.Byline = append(parts, p.a.Byline...)
			p.popBlock()
			continue
		}
		if last.Kind != model.Paragraph {
			return
		}
		if parts := splitGluedByline(last.Text); parts != nil && p.signsStory(n-1) {
			p.a.Byline = append(parts, p.a.Byline...)
			p.popBlock()
			return
		}
		if body, credit := splitTrailingCredit(last.Text); credit != "" {
			last.Text = body
			if body == "" {
				p.popBlock()
			}
			if p.isSiteName(credit) {
				p.dropHere(credit)
			} else {
				p.a.Byline = append(signatureByline(credit), p.a.Byline...)
			}
		}
		return
	}
}

// signOff returns the name in a signature that ends in a request to
// follow the writer ("-- By Michael Russell Follow @mrussell").
func signOff(t string) (name string, ok bool) {
	i := strings.Index(t, " Follow @")
	if i < 0 || len(t) > 200 {
		return "", false
	}
	name = strings.TrimSpace(strings.TrimLeft(t[:i], "-–— "))
	return name, isBylineText(name)
}

// isSiteName reports whether s is the name of the site the article came
// from, signing its own page: "BÁO ĐIỆN TỬ VTC NEWS" under "Source: Báo
// điện tử VTC News", or "Astrobiology" ending a page of astrobiology.com,
// whose address the header gave (its domain's name, as domainName reads
// it).
func (p *plainParser) isSiteName(s string) bool {
	if p.a.Source != "" && len(s) <= 2*len(p.a.Source) && model.Fold(s) == model.Fold(p.a.Source) {
		return true
	}
	// A name of three letters or fewer ("cnn", "ap") is as often an
	// agency credit, which signs the story, and is left to the byline.
	site := domainName(p.a.URL)
	return len(site) > 3 && !runesOver(s, 2*len(site)) && squashFold(s) == site
}

// splitTrailingCredit splits "... last sentence. Name Name" into the text
// and the credit, when the part after the last sentence reads as a byline.
func splitTrailingCredit(t string) (string, string) {
	tail := max(len(t)-240, 0)
	for tail > 0 && !utf8.RuneStart(t[tail]) {
		tail--
	}
	cut := lastSentenceEnd(t, tail)
	if cut < 0 || cut >= len(t) {
		return t, ""
	}
	before := strings.TrimRight(t[:cut], " ")
	if w := before[strings.LastIndexByte(before, ' ')+1:]; runeCount(w) == 2 && capitalised(w) && cut > len(w)+1 {
		// "P. Họ": the full stop belongs to an initial.
		cut -= len(w) + 1
	}
	before = strings.TrimRight(t[:cut], " ")
	if endsInAbbreviation(before) {
		// "at 8 p.m. ET.", "stars J.K. Simmons": the full stop is an
		// abbreviation's, and what follows ends the same sentence.
		return t, ""
	}
	credit := strings.TrimSpace(t[cut:])
	if strings.HasSuffix(credit, ".") && !endsWithInitial(credit) {
		// A signature has no full stop of its own; what ends in one is
		// the last sentence ("It's Donald Trump.", "All Rights
		// Reserved.").
		return t, ""
	}
	credit = strings.TrimSpace(strings.TrimRight(credit, "-–—."))
	if isCallToAction(credit) {
		// "... unlock your supernatural lifestyle. CLICK HERE": a link's
		// words, not a name.
		return t, ""
	}
	if name, _ := signatureParts(credit); !isBylineText(name) || len(strings.Fields(name)) > 7 {
		return t, ""
	}
	return strings.TrimSpace(t[:cut]), credit
}

// lastSentenceEnd returns where the text after the last sentence end in
// t[from:] starts: after a full stop, question or exclamation mark or an
// ellipsis, a closing quote if one follows, and a space. It returns -1
// when there is none.
func lastSentenceEnd(t string, from int) int {
	for i := len(t) - 1; i > from; i-- {
		if t[i] != ' ' {
			continue
		}
		j := i
		switch {
		case strings.HasSuffix(t[from:j], "”"):
			j -= len("”")
		case t[j-1] == '"':
			j--
		}
		if j > from && (t[j-1] == '.' || t[j-1] == '!' || t[j-1] == '?' || strings.HasSuffix(t[from:j], "…")) {
			return i + 1
		}
	}
	return -1
}

// closingBio is the note on the writer that ends an opinion piece, set off
// by a dash: "— Tom Rogan is a writer, a panelist on ...".
var closingBio = regexp.MustCompile(`^[—–-]+ ?((?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}'’-]*),? (?:is|was) (?:a|an|the)\s`)

// writerNote is a closing note on the writer with no dash before it, which
// names their trade: "Eric Song is IGN's deal curator and ...", "Ana Reyes
// is a freelance writer based in Lisbon."
var writerNote = regexp.MustCompile(`^((?:\p{Lu}[\p{L}.'’-]*\s){1,2}\p{Lu}[\p{L}'’-]*) (?:is|was) (?:a|an|the|\p{Lu}[\p{L}&.-]*['’]s)\s(?:[\p{L}'’.&-]+\s){0,4}?(?:writer|editor|reporter|correspondent|columnist|contributor|journalist|curator|critic|producer|author|blogger)s?\b`)

// writerNoteOf matches t against writerNote when it can be one: short,
// with "is" or "was" after a name's few words.
func writerNoteOf(t string) []string {
	if len(t) > 600 {
		return nil
	}
	head := t[:min(len(t), 80)]
	if !strings.Contains(head, " is ") && !strings.Contains(head, " was ") {
		return nil
	}
	if strings.Contains(head, " is written by ") {
		return columnNote.FindStringSubmatch(t)
	}
	if i := strings.Index(head, " ("); i > 0 && i < 40 {
		// "Jeff Foust (jeff@example.com) is the editor ...".
		if j := strings.IndexByte(t[i:], ')'); j > 0 && j < 80 {
			return writerNote.FindStringSubmatch(t[:i] + t[i+j+1:])
		}
	}
	return writerNote.FindStringSubmatch(t)
}

// columnNote closes a syndicated column by naming who writes it: "Dear
// Abby is written by Abigail Van Buren, also known as ...".
var columnNote = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’.&-]*\s){1,4}is written by ((?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}'’-]*)\b`)

// reportsSpeech reports whether t tells what someone said: a story's
// line, not a note on its writer.
func reportsSpeech(t string) bool {
	return strings.Contains(t, " said") || strings.Contains(t, " says") || strings.Contains(t, " told ")
}

// isCallToAction reports whether s, words after a text's last sentence,
// asks the reader to do something ("CLICK HERE", "Read more", "Download
// now") rather than names a writer.
func isCallToAction(s string) bool {
	first, _, _ := strings.Cut(model.Fold(s), " ")
	return callsToAction[first]
}

// callsToAction are the verbs a link's words begin with.
var callsToAction = setOf("click", "read", "learn", "see", "watch", "download", "subscribe", "shop", "buy", "order",
	"register", "join", "sign", "listen", "get", "find", "visit", "follow", "share", "continue", "tap")

// signatureParts splits a signature into the names it begins with and the
// credit after them: "Gia Tùng Theo Inquirer, Telegraph", "Bích Đào/VOV
// online Theo AP", "Nguyễn Thủy Ảnh: CNN". A signature with no such credit
// is all name.
func signatureParts(s string) (name, credit string) {
	cut := -1
	for _, sep := range []string{" Theo ", " theo ", "/", " Ảnh:", " Ảnh :"} {
		if i := strings.Index(s, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 || runesOver(s[cut:], 80) {
		return s, ""
	}
	return strings.TrimSpace(s[:cut]), strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s[cut:]), "/"))
}

// signatureByline returns the byline entries of a signature: its names,
// then its credit.
func signatureByline(s string) []string {
	name, credit := signatureParts(s)
	if credit == "" || strings.ContainsRune(name, '(') {
		return splitByline(s)
	}
	return append(splitByline(name), credit)
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = setOf("mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "prof.", "gen.", "gov.", "sen.", "rep.",
	"inc.", "co.", "corp.", "ltd.", "no.", "vs.", "etc.", "approx.", "lt.", "col.", "sgt.", "capt.", "gov.", "rev.",
	"jan.", "feb.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// endsInAbbreviation reports whether s ends with an abbreviation's full
// stop: dotted letters ("p.m.", "U.S.", "J.K."), or a title ("Mr.").
func endsInAbbreviation(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	// Two or more letters, each followed by a full stop.
	return dottedLetters.MatchString(w)
}

var dottedLetters = regexp.MustCompile(`^(?:\p{L}\.){2,}$`)
