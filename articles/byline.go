package articles

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"bao/model"
)

// shareLines are the texts of share and tool buttons that scrapers keep as
// lines of their own. They are compared folded (no case, no diacritics).
var shareLines = setOf(
	"chia se", "share", "share this", "share this article", "share this page",
	"share on facebook", "share on twitter", "tweet", "facebook", "twitter", "instagram", "youtube", "linkedin", "pinterest",
	"tiktok", "whatsapp", "reddit", "flipboard",
	"email", "e-mail", "print", "in bai", "in bai viet", "luu", "luu bai", "shares", "close", "close dialog", "close window",
	"binh luan", "gui binh luan", "copy link", "sao chep lien ket", "zalo",
	"theo doi", "follow", "advertisement", "ad", "ads", "quang cao", "gop y", "bao loi",
	"save", "comments", "comment", "like", "thich",
)

// widgetLines start the blocks of links that news sites append to an
// article ("most read", "related stories"...). From such a line on, the tail
// of a scraped article is site furniture, not article text.
var widgetLines = setOf(
	"tin doc nhieu", "doc nhieu", "doc nhieu nhat", "tin lien quan", "bai lien quan",
	"tin cung chuyen muc", "tin moi", "tin moi nhat", "tin khac", "xem them",
	"doc them", "tin noi bat", "tieu diem", "co the ban quan tam", "ban co the quan tam",
	"tags", "tag", "tu khoa", "chu de", "most read", "most popular", "most viewed",
	"related stories", "related articles", "related", "related tags", "more on this story",
	"more stories", "top stories", "read more", "you may also like", "recommended",
	"latest news", "trending", "around the web", "related topics", "topics", "more from",
	"read next", "site index", "follow us", "more to explore", "explore more on these topics", "learn more",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// folded returns the folded form of a short line without a trailing colon.
func folded(s string) string {
	return strings.TrimRight(model.Fold(s), ": ")
}

// isShareLine reports whether s is the text of a share or tool button, a
// row of them after their count, or a photo agency's credit left without
// its photo.
func isShareLine(s string) bool {
	if len(s) > 240 {
		return false
	}
	if isDigit(s[0]) {
		return isShareCount(s)
	}
	if strings.IndexByte(s, ',') >= 0 {
		return false // no button, row of targets or agency's credit has a comma
	}
	n := len(s)
	button := hasPrefixFold(s, "click") || hasPrefixFold(s, "share") || hasPrefixFold(s, "email") ||
		hasPrefixFold(s, "print") || hasPrefixFold(s, "tweet") || hasPrefixFold(s, "post")
	agency := false
	if n > 30 && !button {
		// Only a button, an agency's credit or a row of share targets
		// is more than 30 characters long.
		first, _, _ := strings.Cut(s, " ")
		if len(first) > len("messenger") || !shareTargetWords[strings.ToLower(first)] {
			if n > 60 && runesOver(s, 60) {
				return false
			}
			// agencyLine ends with a letter: the agency (17 bytes at
			// most) and up to 30 letters after it, so only the line's
			// end is looked at.
			if c := s[len(s)-1]; c >= 0x80 || 'a' <= c|0x20 && c|0x20 <= 'z' {
				lower := strings.ToLower(s[max(0, len(s)-144):])
				for _, w := range agencyWords {
					if strings.Contains(lower, w) {
						agency = true
						break
					}
				}
			}
			// Runes are counted only for a line of 31 to 120 bytes,
			// which may be 30 characters or fewer.
			if !agency && (n > 120 || runesOver(s, 30)) {
				return false
			}
		}
	}
	if n > 60 {
		if n = runeCount(s); n > 60 {
			return false
		}
	}
	f := folded(s)
	if !agency {
		for _, w := range agencyWords {
			if strings.Contains(f, w) {
				agency = true
				break
			}
		}
	}
	// A blog's credit for its picture names the agency too, but says
	// what it is ("Featured image via Joe Raedle/Getty Images"): a
	// caption (isWireCaption).
	return n <= 30 && shareLines[f] || shareTargets(f) || button && shareButton.MatchString(f) ||
		agency && !strings.HasPrefix(f, "featured image") && agencyLine.MatchString(f)
}

// shareCount is a share button's count, and what is left of the row
// after it: "16.8k SHARES SHARE THIS STORY", "80510 SHARES Facebook
// Twitter Reddit Stumbleupon Pinterest".
var shareCount = regexp.MustCompile(`^\d[\d.,]*[km]? (?:shares?|likes?)(?: (.*))?$`)

// isShareCount reports whether s, which opens with a digit, is such a row:
// the count alone, or followed by share targets or a button's text. The
// targets' names may be run together ("FacebookTwitter
// GooglePinterestDigg").
func isShareCount(s string) bool {
	if len(s) > 160 {
		return false
	}
	m := shareCount.FindStringSubmatch(folded(splitGlued(s)))
	return m != nil && (m[1] == "" || shareLines[m[1]] || shareTargets(m[1]))
}

// splitGlued puts a space wherever glueCut finds a word run into the
// next, as buttons' labels are when a page's text is taken without its
// markup ("FacebookTwitter GooglePinterest").
func splitGlued(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for c := glueCut(w); c > 0; c = glueCut(w) {
			b.WriteString(w[:c])
			b.WriteByte(' ')
			w = w[c:]
		}
		b.WriteString(w)
	}
	return b.String()
}

// agencyWords are in every line agencyLine matches.
var agencyWords = []string{"getty", "rex", "shutterstock", "alamy", "ap photo", "pa media", "pa wire", "epa"}

// shareTargetWords name where a share button sends: a line of only these,
// two or more ("Facebook Twitter Pinterest"), is a row of buttons.
var shareTargetWords = setOf("facebook", "twitter", "x", "pinterest", "whatsapp", "linkedin", "reddit", "email",
	"e-mail", "messenger", "share", "print", "tumblr", "telegram", "zalo", "copy", "link", "google", "plus", "google+", "play", "stumbleupon",
	"shares", "digg", "delicious", "pocket", "tweet", "comment", "comments", "submit")

func shareTargets(f string) bool {
	words := strings.Fields(f)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !shareTargetWords[w] {
			return false
		}
	}
	return true
}

// isPromoLine reports whether s is a link to other stories left in the
// text ("READ NEXT", "RELATED GALLERY: ...", "A Message from ...").
func isPromoLine(s string) bool {
	if len(s) > 240 {
		return false
	}
	if strings.HasPrefix(s, "Also on ") && alsoOnSite.MatchString(s) {
		// "Also on rt.com Journalists & politicians ...": a link to
		// the site's other story.
		return true
	}
	if strings.HasPrefix(s, "On ") && onSite.MatchString(s) {
		// "On HoustonChronicle.com: Car sales plunge ...": the same.
		return true
	}
	colon := strings.Index(s[:min(len(s), 26)], ": ")
	message := len(s) > 15 && strings.EqualFold(s[:15], "a message from ")
	labelled := colon >= 0 && colon <= 24 || message
	if labelled {
		// Only one of promoPrefix's labels can come before the colon:
		// folding the label alone settles most lines.
		if !message && !promoLabels[model.Fold(s[:colon])] {
			return false
		}
		return promoPrefix.MatchString(folded(s))
	}
	// Without a label, only a line as long as the longest of promoLines
	// (46 characters, so 184 bytes or fewer) can be one.
	if len(s) > 4*maxPromoLine || runesOver(s, maxPromoLine) {
		return false
	}
	// Folding is the dear part: only a line as long as one of promoLines
	// (less the colon folded takes off) is folded and looked up.
	m := runeCount(strings.TrimRight(s, ": "))
	return promoLens.has(m) && promoLines[folded(s)]
}

// shareButton is a share button with its target: "Click to share on
// WhatsApp (Opens in new window)".
var shareButton = regexp.MustCompile(`^(?:click to )?(?:share|email|print|tweet|post)(?: (?:on|via|to|this on) [\p{L}0-9 +.]{2,24})?(?: \(opens in (?:a )?new (?:window|tab)\))?$`)

// agencyLine is a photo agency's credit on a line of its own: "Getty
// Images", "AFP via Getty Images", "Rex Features", "Photo: Shutterstock".
var agencyLine = regexp.MustCompile(`^(?:(?:photo|image|picture|anh)s?: )?(?:[\p{L} .]{1,30}(?:/| via ))?(?:getty images|rex features|rex/shutterstock|shutterstock|alamy(?: stock photo)?|ap photo|pa media|pa wire|epa-efe)(?:/[\p{L} .]{1,30})?$`)

// videoTitle is a video's title run into its player's label and length:
// "... seeks names of employees involved in climate meetings  Play
// Video1:54".
var videoTitle = regexp.MustCompile(`(?i)\S\s*play video\s*\d{1,2}:\d{2}$`)

// isVideoTitle reports whether s is such a line.
func isVideoTitle(s string) bool {
	// The length closes the line ("1:54"): look at the end before the
	// expression, which would try every position of a line about a video.
	n := len(s)
	if n > 400 || n < len("Play Video1:54") || !isDigit(s[n-1]) || !isDigit(s[n-2]) || s[n-3] != ':' {
		return false
	}
	return strings.Contains(s, "ideo") && videoTitle.MatchString(s)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// promoLines stand alone in the text where a site put a link to other
// stories, or the label of a photo or video widget.
var promoLines = setOf("read next", "read more", "related", "recommended", "more stories", "you may also like",
	"xem them", "doc them", "tin lien quan", "bai lien quan", "advertisement", "sponsored", "sponsored content",
	"top picks", "enlarge", "advertisements", "play video", "watch video", "before you go, we thought you'd like these...",
	"loading photo gallery", "source link", "modal trigger", "story continues below", "story continues below…",
	"story continues below...", "story continues below advertisement", "article continues below", "story continued below",
	"don't miss", "don’t miss", "back to gallery")

// promoLens holds the lengths of promoLines, in characters, and
// maxPromoLine the longest.
var (
	promoLens    = lengthsOf(promoLines)
	maxPromoLine = len(promoLens) - 1
)

// lengths holds the rune counts of a set's keys, so that a line is folded
// and looked up only when it is as long as one of them.
type lengths []bool

// lengthsOf returns the lengths of set's keys and of more.
func lengthsOf(set map[string]bool, more ...string) lengths {
	var l lengths
	add := func(k string) {
		n := runeCount(k)
		for len(l) <= n {
			l = append(l, false)
		}
		l[n] = true
	}
	for k := range set {
		add(k)
	}
	for _, k := range more {
		add(k)
	}
	return l
}

// has reports whether n is one of the lengths.
func (l lengths) has(n int) bool { return n < len(l) && l[n] }

// followLine asks the reader to follow the site or write to its staff:
// "Like us on Facebook", "Follow us on Twitter & Instagram", "You can
// follow Anthony on Twitter @awzurcher", "To contact the reporter on this
// story: ...", "Matt Friedman may be reached at mf@example.com", or is an
// embedded post's counts ("15,531 15,531 Retweets 60,569 60,569 likes").
// It is matched folded.
var followLine = regexp.MustCompile(`^(?:like us on facebook|follow us on [\p{L} &,]{2,40}|follow [\p{L}0-9 .'’-]{2,30} on|like this (?:story|article|post)\? share it with (?:a friend|your friends)!?|(?:you can )?follow [\p{L}0-9 .'’-]{2,40} on ` + networks + `(?: \(@\w+\))?(?:(?:,| and|, and) ` + networks + `(?: \(@\w+\))?)*(?: (?:at )?@\w+)?|to contact the (?:reporters?|editors?|authors?|writers?)(?: responsible for| on| of| for)? this (?:story|article)[: ].{0,200}|[\p{L} .'’-]{2,40} (?:may|can) be reached at [\w.+-]+@[\w.-]+\.\w+\b.{0,120}|[\d,.]+k? [\d,.]+k? retweets\s+[\d,.]+k? [\d,.]+k? likes|\d{1,2}:\d{2} [ap]m - \d{1,2} [a-z]{3,9} \d{4})$`)

// networks are where a site asks to be followed.
const networks = `(?:twitter|instagram|facebook|x|threads|bluesky|youtube|tiktok|linkedin)`

// emailLine is an e-mail address alone: the reporter's, left at the end.
var emailLine = regexp.MustCompile(`^` + emailAddress + `$`)

// profileLine is the address of someone's page on a network, alone.
var profileLine = regexp.MustCompile(`^(?:https?://)?(?:www\.)?` + networks + `\.com/@?[\w.]{2,40}/?$`)

// emailAddress is an e-mail address, as an expression.
const emailAddress = `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`

// isFollowLine reports whether s is a request to follow the site or its
// writers, or an e-mail address left alone.
func isFollowLine(s string) bool {
	if len(s) > 320 || len(s) < 6 {
		return false
	}
	if !strings.Contains(s, " ") {
		// An address alone, the writer's: "jo.lind@example.com",
		// "twitter.com/jolind".
		return strings.Contains(s, "@") && emailLine.MatchString(s) || strings.Contains(s, ".com/") && profileLine.MatchString(s)
	}
	switch {
	case s[0] >= '0' && s[0] <= '9':
		// An embedded post's counts, "15,531 15,531 Retweets ...", or
		// its time, "9:53 PM - 26 Dec 2016".
		if !strings.Contains(s, "Retweets") && !strings.Contains(s, "M - ") {
			return false
		}
	case strings.IndexByte(s, '@') >= 0 && strings.Contains(s, " be reached at "):
		// followLine has an address after these words; the "@" is the
		// quicker search.
	case !hasPrefixFold(s, "like ") && !hasPrefixFold(s, "follow ") && !hasPrefixFold(s, "you can ") && !hasPrefixFold(s, "to contact "):
		return false
	}
	return followLine.MatchString(strings.TrimRight(model.Fold(s), ". "))
}

// isSiteFurniture reports whether s, in an English article, is one of the
// lines that blogs and news sites set around every article: a note of
// where the story came from ("H/T RedFlag News", "via: example.com"), a
// request to share it, "Posted on
// ... by admin", "Filed under: ...", "Continue reading →", a copyright
// line, "Continue reading below the advertisement", a prompt to
// subscribe, a link to the writer's other articles,
// site or feed ("To read more from Dan, visit ...", "Read more from E.J.
// Dionne’s archive, follow him on Twitter ...", "Click for more from The
// New York Times."), the comment policy, "See an error in this
// article?", a petition's appeal ("Add your name to millions demanding
// ...", "Sign the petition ..."), a note that the story appeared or was
// produced elsewhere first, an update's time stamp ("Updated Dec. 25 at
// 3:53 pm E.T."), a photo viewer's label with only its credits ("Enlarge
// this image toggle caption ..."). A copyright line has the word or a
// year after its "©": "© Woman's Day magazine 1975" credits a picture.
func isSiteFurniture(s string) bool {
	if len(s) > 480 || len(s) < 6 {
		return false
	}
	for _, p := range furnitureByInitial[s[0]|0x20] {
		if hasPrefixFold(s, p) {
			// "Posted by John Prager on 20 Sep 2016" names the writer:
			// a byline, not the site's "Posted ... by admin".
			return siteFurniture.MatchString(model.Fold(s)) && postedBy(s) == ""
		}
	}
	return false
}

// furnitureOpeners are the ways siteFurniture's lines begin: only a line
// that begins with one of them is folded and matched. They are as long as
// can be, so that sentences opening "More ..." or "Please ..." are not.
var furnitureOpeners = func() []string {
	o := []string{"posted ", "filed under", "continue reading", "copyright", "©", "subscribe ", "rss ", "see more ", "to read more ",
		"this article ", "this story ", "this post ", "this piece ", "this report ", "updated ", "enlarge this image",
		"click for more", "click here for more", "read more from ", "read more by ",
		"see an error", "note: we are moderating", "note: we are temporarily", "we are moderating", "we are temporarily",
		"provided by ", "visit ", "did you find this ", "was this ", "please leave ", "*please leave ", "if you enjoyed ", "if you liked ",
		"if you valued ",
		"please read our comment", "please adhere to our comment", "please follow our comment",
		"please respect our comment", "add your name ", "sign the petition", "sign our petition", "the views ", "the opinions ",
		"views expressed", "opinions expressed", "h/t ", "h/t:", "hat tip", "via: ", "via ", "please share this ",
		"originally published ", "originally appeared ", "first published ", "first appeared "}
	for _, a := range []string{"older ", "more ", "other ", "recent ", "latest "} {
		for _, b := range []string{"articles ", "posts ", "stories ", "columns "} {
			o = append(o, a+b)
		}
	}
	return o
}()

// furnitureByInitial holds furnitureOpeners by their first byte, in lower
// case (the first byte of "©" is 0xC2, which the case bit leaves as 0xE2):
// a line is compared only with the openers that start as it does.
var furnitureByInitial = func() (m [256][]string) {
	for _, p := range furnitureOpeners {
		m[p[0]|0x20] = append(m[p[0]|0x20], p)
	}
	return m
}()

// siteFurniture is matched folded.
var siteFurniture = regexp.MustCompile(`^(?:` +
	`posted (?:on|by)\b.{0,60}[^.!?]|filed under: .{1,200}|continue reading(?: ?[→»›…]|\.\.\.| (?:below|after)(?: (?:the|this) (?:advertisement|ad))?)?|` +
	`copyright ?© ?(?:\d{4}(?:[-–]\d{4})?,? )?[\p{L}0-9 .,&'-]{2,60}|(?:copyright ?)?(?:© ?)?\d{4}(?:[-–]\d{4})?,? [\p{L}0-9 .,&'-]{2,60}|` +
	`copyright [\p{L}0-9 .,&'-]{2,40}? \d{4}(?:[-–]\d{4})?(?: ?[-–|] ?.{1,40})?|` +
	`(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed\b.{0,200}\b(?:necessarily|solely|own)\b.{0,200}|` +
	`subscribe to [\p{L}0-9 .&'-]{2,50}!?|subscribe to (?:the |our )?[\p{L}0-9 .&'’-]{2,40} (?:youtube )?(?:channel|newsletter|podcast) for .{2,100}|` +
	`(?:older|more|other|recent|latest) (?:articles|posts|stories|columns) (?:by|from) [\p{L} .'’-]{2,40}|rss feed (?:for|of) [\p{L} .'’-]{2,40}|` +
	`see more .{2,40} at:? \S.{1,40}|see more [\p{L}0-9 '’-]{2,40} (?:posts|stories|articles)\.?|` +
	`this (?:article|story|post|piece|report) (?:was |has been )?(?:originally |first )?(?:appeared|published|produced|posted|adapted|republished|reprinted)\b.{0,300}|` +
	`updated:? (?:\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})[^!?]{0,50}|` +
	`enlarge this image (?:toggle caption )?(?:\S+ ?){0,12}|click (?:here )?for more(?: (?:from|on|at) [\p{L}0-9 .&'’-]{2,50})?|` +
	`read more (?:from|by) [\p{L} .'’-]{2,50}(?:archive|, follow|, subscribe).{0,160}|please (?:read|adhere to|follow|respect) our comment(?:ing|s)? policy\b.{0,400}|` +
	`see an error in this (?:article|story)\?.{0,60}|(?:note: )?we are (?:temporarily )?moderating (?:all )?comments\b.{0,200}|(?:add your name|sign (?:the|our) petition)\b.{0,300}|` +
	`provided by [\p{L}0-9 .&'’-]{2,60}|visit [\p{L}0-9 .&'’-]{2,40}(?:'s|’s)? homepage for more (?:stories|news)\.?|` +
	`(?:did you find|was) this (?:article|story|post|page) (?:helpful|useful)\??|\*?please leave (?:some |your )?feedback\b.{0,60}|` +
	`if you (?:enjoyed|liked|valued) this (?:article|story|piece)\b.{0,460}|to read more (?:from|by) [\p{L} .'’-]{2,40},? visit \S+|` +
	`(?:h/t|hat tip)[: ] ?@?[\p{L}0-9 .&'’-]{2,60}|via:? (?:@\w+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)|via: [\p{L}0-9 .&'’-]{2,40}|` +
	`please share this (?:story|article|post)\b.{0,300}|(?:originally|first) (?:published|appeared) (?:on|in|at|by) [\p{L}0-9 .&'’-]{2,60})$`)

// commentPrompt is a site's request for comments that closes a line, the
// question before it the site's as well: "Do you believe any of these
// theories? Scroll down to comment below!", "Let us know in the comments."
// It is matched folded, without the closing stops.
var commentPrompt = regexp.MustCompile(`(?:^|[?!.] )(?:(?:please )?scroll down (?:to|and) (?:comment|leave a comment)(?: below)?|` +
	`(?:please )?(?:leave|post|share) (?:a|your) (?:comment|comments|thoughts)(?: below| in the comments(?: section)?(?: below)?)|` +
	`(?:let us know|tell us|sound off)(?: what you think| your thoughts| how you feel)? (?:below|in the comments(?: section)?(?: below)?))$`)

// isAdLabel reports whether s is an advertising network's label left
// where its advertisement was: "Ads by Google", "ads by ants", in
// whatever language the page is.
func isAdLabel(s string) bool {
	rest, ok := strings.CutPrefix(s, "ads by ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "Ads by ")
	}
	return ok && len(rest) <= 30 && model.CountWords(rest) <= 3 && !endsSentence(rest) && !strings.ContainsAny(rest, ",;:")
}

// isCommentPrompt reports whether s asks for comments: a commentPrompt,
// alone or after a question of a line to itself.
func isCommentPrompt(s string) bool {
	if len(s) > 240 || !strings.Contains(s, "comment") && !strings.Contains(s, "below") {
		return false
	}
	f := strings.TrimRight(model.Fold(s), "!. ")
	m := commentPrompt.FindStringIndex(f)
	return m != nil && (m[0] == 0 || strings.HasSuffix(f[:m[0]+1], "?") && opensWithQuestion(f))
}

// opensWithQuestion reports whether the first sentence of f is a
// question: a request for comments after the story's own sentence is
// left with it.
func opensWithQuestion(f string) bool {
	q := strings.IndexByte(f, '?')
	if q < 0 {
		return false
	}
	for _, stop := range []string{". ", "! "} {
		if i := strings.Index(f, stop); i >= 0 && i < q {
			return false
		}
	}
	return true
}

// readerAddress opens a site's request that its readers answer, matched
// folded: "Tell us, ...", "HollywoodLifers, ..." (a word that names the
// site's readers, before a comma). readerPrompt asks for their answers
// below: "... Let us know your thoughts in the comments below.".
var (
	readerAddress = regexp.MustCompile(`^(?:tell us\b|\p{L}+ers, )`)
	readerPrompt  = regexp.MustCompile(`\b(?:let us know|sound off|tell us what you think|in the comments|comments section|comment below)\b`)
)

// isReaderPrompt reports whether s, one of the last lines of a story,
// asks its readers a question to answer below it: it addresses them and
// asks, or it opens with the question and asks for their answers. A
// line that opens with the story's own sentence stays, whatever it asks
// after it.
func isReaderPrompt(s string) bool {
	if len(s) > 480 || !strings.Contains(s, "?") {
		return false
	}
	f := model.Fold(s)
	return readerAddress.MatchString(f) || opensWithQuestion(f) && readerPrompt.MatchString(f)
}

// postedLine is a blog's note of who posted the story and when: "Posted
// by John Prager on 20 Sep 2016", "Posted on October 27, 2016 by Carl
// Herman".
var postedLine = regexp.MustCompile(`^Posted (?:on [\p{L}0-9 ,.]{4,40} )?by (\S.{1,58}?)(?: on [\p{L}0-9 ,.:]{4,40})?\s*$`)

// postedBy returns the writer a postedLine names, or "": a person, not
// the site's account ("Posted on by willyloman", "Posted by admin").
func postedBy(s string) string {
	if len(s) > 160 || !strings.HasPrefix(s, "Posted ") {
		return ""
	}
	m := postedLine.FindStringSubmatch(s)
	if m == nil || len(strings.Fields(m[1])) < 2 || !isBylineText(m[1]) {
		return ""
	}
	return m[1]
}

// isStoryTeaser reports whether s is another story's teaser, its link's words
// closing a line of a few sentences: "DEADLY DRUG – Xylazine is far more
// dangerous than fentanyl. Continue reading…", "... during... Read More".
func isStoryTeaser(s string) bool {
	if len(s) > 400 || len(s) < 20 {
		return false
	}
	switch t := strings.TrimRight(s, " "); {
	case strings.HasSuffix(t, "Continue reading…"), strings.HasSuffix(t, "Continue reading..."):
		return len(t) > len("Continue reading…")
	case strings.HasSuffix(t, "Read More"), strings.HasSuffix(t, "Read more"):
		t = strings.TrimRight(t[:len(t)-len("Read more")], " ")
		return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "..")
	}
	return false
}

// isArrowLink reports whether s is a link to another story set off by
// ">>", as Vietnamese sites list them under a story: ">> Khi chồng không
// đeo nhẫn cưới", several to a line at times. A label of a few words
// (">> Đáp án", ">>Luật sư tư vấn") links to the story's own part or a
// service, and stays.
func isArrowLink(s string) bool {
	return strings.HasPrefix(s, ">>") && len(s) <= 1200 && model.CountWords(s[2:]) >= 5
}

// isEmbedBox reports whether s is what a video player's embed box left:
// "Embed <the video's title> 0:39 autoplay autoplay Copy this code to your
// website or blog", the word, the title and the video's length.
func isEmbedBox(s string) bool {
	if len(s) > 400 || !strings.HasPrefix(s, "Embed ") {
		return false
	}
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) {
			return true
		}
	}
	return false
}

// isVideoTeaser reports whether s is a video widget's teaser, its label
// in title case run into the teaser's first sentence: "Popular Video This
// young singer was shocked when ...".
func isVideoTeaser(s string) bool {
	if len(s) > 600 {
		return false
	}
	for _, label := range []string{"Popular Video ", "Trending Video ", "Recommended Video ", "Related Video ", "Featured Video "} {
		if strings.HasPrefix(s, label) {
			return unicode.IsUpper(firstRune(s[len(label):]))
		}
	}
	return false
}

// isControlsLine reports whether s, in an article in lang, is a row of a
// page's controls that no rule names: a short line, not a sentence, whose
// every word is a control's or goes with one, at least one of them
// unmistakable ("Listen 9 min Comment on this story Comment Gift Article
// Share", "VIEW GALLERY - 2 IMAGES", "DOWNLOAD OUR APPS", "Video Ad
// Feedback", "4 Min Read", "Like this: Like Loading...", "Bình luận (0)",
// "Chia sẻ bài viết của bạn tại đây"). A sentence, or a line that leads
// into what follows ("Share your photos with us:"), is text. Vietnamese words are compared syllable by
// syllable, without diacritics.
func isControlsLine(s, lang string) bool {
	controls, fillers, pairStarts := controlWords, controlFillers, map[string]bool(nil)
	switch lang {
	case "en":
	case "vi":
		controls, fillers, pairStarts = viControlWords, viControlFillers, viControlPairStarts
	default:
		return false
	}
	if len(s) > 120 || len(s) < 5 {
		return false
	}
	switch t := strings.TrimRight(s, closingQuotes); lastRune(t) {
	case '!', '?', ':':
		return false
	case '.':
		if !strings.HasSuffix(t, "...") {
			return false // a sentence; "Loading..." trails off as a control's label does
		}
	}
	// Most lines fail at their first or second word: each is looked at
	// as it comes. A syllable that opens a two-syllable control waits
	// for the next.
	words, strong, waiting := 0, false, ""
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, "'’\"“”:;,.()-–—|•·›»«…")
		if w == "" || isCount(w) {
			continue
		}
		w = model.Fold(w)
		words++
		if waiting != "" {
			pair := controls[waiting+" "+w]
			if !pair && !fillers[waiting] {
				return false
			}
			waiting = ""
			if pair {
				// A control of two words ("bình luận"): no syllable
				// of it alone is one, since names are made of them
				// ("Quang Anh", "Đặng Tài").
				strong = true
				continue
			}
		}
		switch {
		case controls[w]:
			strong = true
		case pairStarts[w]:
			waiting = w
		case !fillers[w]:
			return false
		}
	}
	return strong && words >= 2 && (waiting == "" || fillers[waiting])
}

// isCount reports whether w is a number as a counter shows it: "72k",
// "15,531", "2/3".
func isCount(w string) bool {
	if !isDigit(w[0]) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; !isDigit(c) && c != '.' && c != ',' && c != '/' && c != 'k' && c != 'm' {
			return false
		}
	}
	return true
}

// controlWords name a page's controls and nothing else a story would
// say in a line made only of such words; controlFillers go with them.
var (
	controlWords = setOf("share", "shares", "shared", "sharing", "comment", "comments", "tweet", "tweets", "retweet",
		"retweets", "subscribe", "newsletter", "newsletters", "signup", "login", "advertisement", "advertisements", "ad",
		"ads", "sponsored", "download", "app", "apps", "gallery", "loading", "bookmark", "print", "email", "e-mail",
		"like", "likes", "follow", "min", "mins", "feedback", "cookie", "cookies")
	controlFillers = setOf("story", "stories", "article", "articles", "page", "pages", "more", "below", "above", "here",
		"read", "reading", "continue", "continues", "continued", "next", "previous", "related", "recommended",
		"popular", "trending", "video", "videos", "photos", "images", "image", "listen", "watch", "play", "post", "posts",
		"link", "copy", "save", "gift", "view", "views", "this", "on", "our", "us", "your", "the", "to", "a", "an", "of",
		"with", "in", "for", "and", "now", "all", "see", "click", "tap", "via", "x", "settings", "preferences", "policy",
		"manage", "accept")
	// Vietnamese, folded: controls of two syllables, and the syllables
	// of "tải", "bài viết của bạn tại đây", "xem thêm ảnh" and the like.
	viControlWords = setOf("chia se", "binh luan", "theo doi", "dang ky", "ung dung", "quang cao", "luot thich",
		"gop y", "bao loi", "zalo", "facebook")
	viControlFillers = setOf("tai", "bai", "viet", "tin", "xem", "them", "anh", "video", "in", "luu", "gui", "tren",
		"cua", "chung", "toi", "ban", "day", "nay", "va", "cac", "nhan", "moi")
	// viControlPairStarts are the first syllables of those controls.
	viControlPairStarts = func() map[string]bool {
		m := map[string]bool{}
		for k := range viControlWords {
			if first, _, ok := strings.Cut(k, " "); ok {
				m[first] = true
			}
		}
		return m
	}()
)

// isPopupBox reports whether s is a pop-up box kept with its close button
// ("× 101 Things All Young Adults Should Know ... Buy Now", "× 1594x906 ×
// Want More Positive Stories Like This One? ..."): no line of a story
// opens with a multiplication sign.
func isPopupBox(s string) bool {
	return strings.HasPrefix(s, "× ") && len(s) <= 2000
}

// isImageAltText reports whether s is an image's alternative text left in
// a page's text: the title numbered, "... mới chỉ bay 8 chặng - Ảnh 1.",
// or without its accents, "... phat tan virus doc hai hinh anh 2"; or the
// image's file name (see isImageFileName).
func isImageAltText(s string) bool {
	if isImageFileName(s) {
		return true
	}
	t := strings.TrimSuffix(s, ".")
	if len(s) > 400 || t == "" || t[len(t)-1] < '0' || t[len(t)-1] > '9' {
		return false
	}
	t = strings.TrimRight(t, "0123456789")
	return strings.HasSuffix(t, " - Ảnh ") || strings.HasSuffix(t, " hinh anh ")
}

// isImageFileName reports whether s is a picture's file name left where
// the picture was: one word of lower-case letters, digits and
// underscores, with three underscores or more and six digits or more, a
// year not being enough ("plane_photo_w_watermark_0_1463649006"); or a
// name ending in an image's extension ("IMG_2041.JPG", "cho-hoa.jpg").
func isImageFileName(s string) bool {
	if len(s) < 8 || len(s) > 120 || strings.IndexByte(s, ' ') >= 0 || strings.Contains(s, "/") {
		return false
	}
	if i := strings.LastIndexByte(s, '.'); i > 0 && imageExtensions[strings.ToLower(s[i+1:])] {
		return true
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '_', r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return strings.Count(s, "_") >= 3 && digits >= 6
}

// imageExtensions are the ends of pictures' file names, lower case.
var imageExtensions = setOf("jpg", "jpeg", "png", "gif", "webp")

// isSignupLine reports whether s is a newsletter's sign-up box left in the
// text: "Sign up for our newsletter ...", "... delivered to your inbox. By
// subscribing, you agree to our privacy policy.", "Receive occasional
// updates and special offers for ...", or its "Privacy Policy" link alone.
func isSignupLine(s string) bool {
	if len(s) > 400 || len(s) < len("privacy policy") {
		return false
	}
	// Most lines have none of these: look for them before folding, each
	// by a part that starts with a letter rare in text.
	if !strings.Contains(s, "wslett") && !strings.Contains(s, "WSLETT") && !strings.Contains(s, "vacy") &&
		!strings.Contains(s, "VACY") && !strings.Contains(s, "ffers") && (strings.IndexByte(s, 'x') < 0 || !strings.Contains(s, "inbox")) &&
		!strings.Contains(s, "igning up") && !strings.Contains(s, "ubscri") && !strings.Contains(s, "etterbox") &&
		!strings.Contains(s, " issues for ") {
		return false
	}
	f := strings.TrimRight(model.Fold(s), ".!")
	switch {
	case f == "privacy policy" || f == "terms of use privacy policy" || f == "terms of service privacy policy":
		return true
	case formMessages[f]:
		return true
	case strings.Contains(f, "error processing your subscription") || strings.HasPrefix(f, "keep an eye on your inbox") ||
		strings.HasPrefix(f, "check your inbox"):
		// "There was an error processing your subscription.", "Keep
		// an eye on your inbox for ...": the form's messages.
		return len(f) <= 100
	case strings.Contains(f, "newsletter"):
		return strings.Contains(f, "sign up") || strings.Contains(f, "subscribe") || strings.Contains(f, "join our")
	}
	if subscriptionOffer.MatchString(f) {
		// "Get Motor Cycle Monthly delivered through your letterbox
		// every month. 12 issues for £11.99. ...": a magazine's offer.
		return true
	}
	return strings.Contains(f, "to your inbox") || strings.Contains(f, "by subscribing") ||
		strings.Contains(f, "special offers") && strings.Contains(f, "updates")
}

// subscriptionOffer is a magazine's offer of issues by post, folded.
var subscriptionOffer = regexp.MustCompile(`\bdelivered (?:to|through) your (?:letterbox|door)|\b\d+ issues for [£$€]\d`)

// formMessages are what a sign-up form says once it is sent, folded.
var formMessages = setOf("thanks for signing up", "thank you for signing up", "thanks for subscribing",
	"thank you for subscribing", "you're subscribed", "you’re subscribed")

// isNewsletterName reports whether s names a newsletter alone, as its
// sign-up box is headed: "Pick Six Newsletter", "The Morning newsletter".
func isNewsletterName(s string) bool {
	if len(s) > 80 || !strings.Contains(s, "ewsletter") && !strings.Contains(s, "EWSLETTER") || endsSentence(s) || model.CountWords(s) > 6 {
		return false
	}
	f := model.Fold(s)
	return strings.HasSuffix(f, " newsletter") || strings.HasSuffix(f, " newsletters")
}

// isLettersAppeal reports whether s asks readers to write in: "The Times
// is committed to publishing a diversity of letters to the editor. We’d
// like to hear what you think ... And here's our email: ...", "I’d love
// to hear from you! ... please email me at ...". The appeal is what the
// line is: it opens with it, or it is about letters to the editor, and it
// gives an address. A story that asks for word in passing ("... if our
// count doesn't match up with your own, we'd like to hear from you.
// Email ...") keeps it.
func isLettersAppeal(s string) bool {
	if len(s) > 480 || !strings.Contains(s, "to hear ") {
		return false
	}
	f := model.Fold(s)
	at := strings.Index(f, "like to hear what you think")
	if at < 0 {
		at = strings.Index(f, "to hear from you")
	}
	if at < 0 || at > 20 && !strings.Contains(f, "letters to the editor") {
		return false
	}
	return strings.Contains(f, "email:") || strings.Contains(f, "e-mail:") || emailIn.MatchString(s)
}

// emailIn finds an e-mail address in a line.
var emailIn = regexp.MustCompile(emailAddress)

// isCapsCallToAction reports whether s, in capitals, sends the reader
// elsewhere: "GET FOX BUSINESS ON THE GO BY CLICKING HERE", "READ MORE ON
// ... BY CLICKING HERE", "CLICK HERE TO GET THE APP".
func isCapsCallToAction(s string) bool {
	return len(s) <= 160 && (strings.Contains(s, "CLICK HERE") || strings.Contains(s, "CLICKING HERE")) && isUpperWords(s)
}

// isGraphicLink reports whether s is a link to a graphic or a video set
// in brackets between paragraphs: "(Graphic: Global assets in 2019 -
// here)".
func isGraphicLink(s string) bool {
	return len(s) <= 200 && strings.HasPrefix(s, "(") && strings.HasSuffix(s, " here)") && graphicLink.MatchString(s)
}

var graphicLink = regexp.MustCompile(`^\((?:Graphic|Graphics|Interactive|Factbox|Video|Chart|Photos?)s?: .{3,160} [-–—] (?:click )?here\)$`)

// galleryCounter is a photo gallery's count of its pictures: "Image 1 of
// 23", "1  /  5".
var galleryCounter = regexp.MustCompile(`^(?:(?:Image|Photo|Picture|Slide) \d{1,3} of \d{1,3}|\d{1,3} +/ +\d{1,3})$`)

// isGalleryCounter reports whether s is such a count.
func isGalleryCounter(s string) bool {
	return len(s) <= 24 && galleryCounter.MatchString(s)
}

// alsoOnSite is a link to another story of the site, named by address.
var alsoOnSite = regexp.MustCompile(`^Also on [\w-]+\.` + siteDomains + ` \S`)

// onSite is a link to the site's other story under the site's address:
// "On HoustonChronicle.com: Car sales plunge nearly 17 percent".
var onSite = regexp.MustCompile(`^On [\w-]+\.` + siteDomains + `: \S`)

// siteDomains are the endings of the sites' addresses that a text names
// ("Cleveland.com", "rt.com"), as an expression.
const siteDomains = `(?:com|net|org|co\.uk|com\.au|ca|in|vn|com\.vn)`

// isIconLabel reports whether s opens with the name of an icon that a
// page's text kept instead of its picture ("chevron_left Browse All
// Posts", "arrow_forward"), as icon fonts are written: a line of a few
// words, no more.
func isIconLabel(s string) bool {
	if len(s) > 80 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	first, _, _ := strings.Cut(s, " ")
	return iconName.MatchString(first) && model.CountWords(s) <= 6
}

// iconName is an icon font's name for an icon: lower-case words joined by
// underscores.
var iconName = regexp.MustCompile(`^[a-z]+(?:_[a-z]+)+$`)

// isCutTeaser reports whether s, in English, is another story's summary
// cut off by a widget in mid-sentence after a comma: "Two people in China
// have been diagnosed with the plague,...". No sentence ends so; a list
// that trails off ("apples, pears,...") has commas before, and a story's
// own text cut short (a scrape's) has sentences before.
func isCutTeaser(s string) bool {
	if len(s) > 400 || !strings.HasSuffix(s, ",...") && !strings.HasSuffix(s, ",…") {
		return false
	}
	body := strings.TrimRight(s, ".…")
	body = body[:len(body)-1]
	return !strings.Contains(body, ",") && !hasSentenceBreak(body)
}

// isEscapedMarkup reports whether s is only markup that a page's editor
// left in its text, escaped: "&lt;span data-mce-type="bookmark" ...&gt;
// &amp;#65279;&lt;/span&gt;". Tags and entities are all there is.
func isEscapedMarkup(s string) bool {
	if len(s) > 2000 || !strings.HasPrefix(s, "&lt;") || !strings.HasSuffix(s, "&gt;") {
		return false
	}
	rest := escapedTag.ReplaceAllString(s, "")
	return strings.TrimSpace(htmlEntity.ReplaceAllString(rest, "")) == ""
}

var (
	// escapedTag is an HTML tag written with entities for its brackets.
	escapedTag = regexp.MustCompile(`&lt;/?[a-zA-Z][^&]*(?:&(?:quot|amp|#\d+);[^&]*)*&gt;`)
	// htmlEntity is an entity, escaped once more or not.
	htmlEntity = regexp.MustCompile(`&(?:amp;)?(?:#\d+|#x[0-9a-fA-F]+|[a-z]+);`)
)

// hasPrefixFold reports whether s begins with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isTeaserLine reports whether s is a link to another story set in the
// text: a headline in brackets ("[What Kanye West said at the VMAs]"), or
// one in capitals that trails off ("ARE THEY GETTING MARRIED? CLICK HERE
// ..."). A bracketed sentence (an editor's note) is text.
func isTeaserLine(s string) bool {
	bracket := strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")
	trailing := strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
	if !bracket && !trailing || len(s) > 480 || runesOver(s, 200) {
		return false
	}
	if bracket {
		inner := strings.TrimSpace(s[1 : len(s)-1])
		return runesOver(inner, 10-1) && !strings.ContainsAny(inner, "[]") && !endsSentence(inner) && !strings.HasSuffix(inner, "?")
	}
	return model.CountWords(s) >= 4 && isUpperWords(s)
}

// promoPrefix is a link to another story or a sponsor: "RELATED GALLERY:
// ...", "READ MORE: ...", "A Message from ...".
var promoPrefix = regexp.MustCompile(`^(?:` + strings.Join(promoLabelList, "|") + `): .{3,200}$|^a message from [\p{L}0-9 &'.-]{2,60}$`)

// promoLabelList holds the labels of promoPrefix, folded; promoLabels is
// the same as a set.
var (
	promoLabelList = []string{"related", "related gallery", "related video", "related article", "related story",
		"related coverage", "read more", "read next", "see also", "also read", "watch", "xem them", "doc them", "tin lien quan",
		"see it now", "buy it now", "shop now", "related post", "more on"}
	promoLabels = setOf(promoLabelList...)
)

// isWidgetLine reports whether s heads a block of site links.
func isWidgetLine(s string) bool {
	if len(s) > 160 || runesOver(s, 40) {
		return false
	}
	f := folded(s)
	return widgetLines[f] || (strings.HasPrefix(f, "popular on ") || strings.HasPrefix(f, "next up in ")) && model.CountWords(f) <= 5
}

// hasNameJoin reports whether s has a word that joins two names or a name
// and its credit ("and", "và", "Theo").
func hasNameJoin(s string) bool {
	for _, w := range strings.Fields(s) {
		if bylineParticles[model.Fold(w)] {
			return true
		}
	}
	return false
}

// bylineParticles may appear in lower case inside a byline.
var bylineParticles = setOf("theo", "va", "and", "tong", "hop", "t/h", "th", "by", "of", "de", "van", "von", "bin")

// creditWords start credits that name a source rather than a person.
var creditPrefixes = []string{"theo ", "by ", "báo ", "nguồn: ", "nguồn ", "source: ", "reporting by ", "written by ",
	"from the editors of ", "by the editors of ", "compiled by ", "edited by ", "additional reporting by "}

// isBylineText reports whether s reads as a byline: a few capitalised names
// or initials, possibly with a credit in parentheses ("Huy Đức (theo Digital
// Trends)") or after "Theo"/"By", and no sentence punctuation.
func isBylineText(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 360 {
		return false
	}
	if len(s) < 2 || len(s) <= 4 && runeCount(s) < 2 || runesOver(s, 90) {
		return false
	}
	bare := s
	if strings.ContainsRune(s, '(') {
		bare = stripParenthetical(s)
	}
	if strings.ContainsAny(bare, ":;!?\"“”") {
		return false
	}
	if isCredit(s) {
		return true
	}
	if hasDigit(s) {
		return false
	}
	if strings.HasSuffix(s, ".") && !endsWithInitial(s) {
		return false
	}
	core := stripTitle(bare)
	core = strings.TrimRight(core, " -–—")
	words := strings.FieldsFunc(core, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '–' || r == ',' || r == '&' })
	if len(words) == 0 || len(words) > 8 || strings.Contains(core, ",") && len(words) > 6 {
		return false
	}
	if len(words) > 5 && len(strings.Fields(core)) == len(words) && !hasNameJoin(core) {
		// Six capitalised words with nothing to part two names or a
		// name and a credit are no one's name: "How HUD Makes Lousy
		// Programs Look Great" is a headline.
		return false
	}
	if viHonorifics[words[0]] && len(words) > 1 {
		// "Ông Phan Văn Vĩnh (nguyên Tổng cục trưởng ...)": Mr or Mrs
		// is how a story speaks of the people in it, and a writer signs
		// without it. The line names the man in the picture.
		return false
	}
	if len(words) >= 2 && len(words) <= 4 && (words[0] == "Ban" || words[0] == "Nhóm") && capitalised(words[1]) {
		// A desk signs the story: "Ban Thời sự", "Nhóm Phóng viên".
		return true
	}
	for _, w := range words {
		if !capitalised(w) && !bylineParticles[model.Fold(w)] {
			return false
		}
	}
	return capitalised(words[0])
}

// viHonorifics are the Vietnamese words for Mr and Mrs, as a name's first
// word.
var viHonorifics = setOf("Ông", "Bà", "ÔNG", "BÀ")

// personTitles are professional titles that may come before a name in a
// byline ("Luật sư Phạm Thanh Hữu"), folded.
var personTitles = []string{"luat su ", "tien si ", "thac si ", "bac si ", "nha bao ", "pgs.ts ", "pgs ", "gs ", "ts ", "ths ", "dr ", "dr. ", "prof ", "prof. "}

// stripTitle removes a professional title from the start of s.
func stripTitle(s string) string {
	// The titles are short: folding the start of s is enough.
	head := s
	if len(head) > 24 {
		head = head[:24]
		for len(head) > 0 && !utf8.RuneStart(s[len(head)]) {
			head = head[:len(head)-1]
		}
	}
	f := model.Fold(head)
	for _, t := range personTitles {
		if strings.HasPrefix(f, t) {
			words := len(strings.Fields(t))
			return strings.Join(strings.Fields(s)[words:], " ")
		}
	}
	return s
}

// splitGluedByline splits a last line where a scraper glued a name to the
// organisation under it: "Luật sư Phạm Thanh HữuĐoàn luật sư TP HCM".
func splitGluedByline(s string) []string {
	if len(s) > 300 || endsSentence(s) || model.CountWords(s) > 14 {
		return nil
	}
	off := 0
	for _, w := range strings.SplitAfter(s, " ") {
		if cut := glueCut(strings.TrimSpace(w)); cut > 0 {
			name, org := s[:off+cut], strings.TrimSpace(s[off+cut:])
			if isBylineText(name) && !strings.ContainsAny(org, ".,;:!?") {
				return []string{name, org}
			}
			return nil
		}
		off += len(w)
	}
	return nil
}

// isCredit reports whether s is a short credit line such as "Theo
// Reuters", "Theo 7-second riddles" or "By Jane Doe".
func isCredit(s string) bool {
	if endsSentence(s) && !endsWithInitial(s) || strings.Contains(s, ",") {
		return false
	}
	for _, p := range creditPrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			if n := len(strings.Fields(s[len(p):])); n == 0 || n > 6 {
				return false
			}
			// After "by", a person or an agency, not a category ("by In
			// the news").
			return p != "by " || isBylineText(s[len(p):])
		}
	}
	return false
}

// endsWithInitial reports whether s ends in an initial such as "K.N." or "Q.".
func endsWithInitial(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	last := strings.TrimSuffix(s[strings.LastIndexFunc(s, unicode.IsSpace)+1:], ".")
	return !runesOver(strings.ReplaceAll(last, ".", ""), 3) && strings.ToUpper(last) == last
}

// stripParenthetical removes parenthesised parts of s.
func stripParenthetical(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth = max(depth-1, 0)
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// splitByline splits a byline into its names and credits.
func splitByline(s string) []string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "-–—"))
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	if f := model.Fold(s); strings.HasPrefix(f, "theo ") || strings.HasPrefix(f, "bao ") {
		return []string{s}
	}
	return splitOutside(s, " - ", " – ", " — ", ", ", " và ", " and ", " & ")
}

// staffRole is where a wire story's staff line names a role: "Reporting
// by", "; Editing by", ", with reporting by", "Additional reporting by".
var staffRole = regexp.MustCompile(`(?i)(?:^|[;,]\s*)((?:with |and )?(?:additional )?(?:reporting|writing|editing|compiled|graphics|photos?|production) by )`)

// staffByline returns the reporters and writers that a wire story's
// closing staff line names, in brackets: "(Reporting by Indulal PM;
// Editing by Sunil Nair)", "(Reporting by A, B, with reporting by C and
// D, editing by E.)". Editors and the rest are not its writers; a name
// "in Washington" is given without its place. Nil if t is not such a
// line, or a part of it is not a name.
func staffByline(t string) []string {
	if len(t) > 400 || t[0] != '(' && t[0] != 'R' && t[0] != 'W' {
		return nil
	}
	inner := t
	if t[0] == '(' {
		// In brackets, as Reuters closes its stories; or bare, as the
		// stories reach other sites.
		inner = strings.TrimSuffix(strings.TrimSuffix(t, "."), ")")
		if len(inner) == len(t) {
			return nil
		}
		inner = inner[1:]
	}
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(inner), "."))
	if !isStaffLine(inner) || strings.ContainsAny(inner, "()") {
		return nil
	}
	roles := staffRole.FindAllStringSubmatchIndex(inner, -1)
	if len(roles) == 0 {
		return nil
	}
	var names []string
	for i, m := range roles {
		end := len(inner)
		if i+1 < len(roles) {
			end = roles[i+1][0]
		}
		role := strings.ToLower(inner[m[2]:m[3]])
		for _, name := range splitByline(inner[m[3]:end]) {
			if at := strings.Index(name, " in "); at > 0 {
				name = name[:at]
			}
			if name = strings.TrimSpace(name); !isBylineText(name) || model.CountWords(name) > 5 {
				return nil
			}
			if strings.Contains(role, "reporting") || strings.Contains(role, "writing") {
				names = append(names, name)
			}
		}
	}
	return names
}
