package articles

import (
	"bytes"
	"errors"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"bao/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoArticle is returned for a page in which no article was found: a
// login wall, an index of links, an empty page.
var ErrNoArticle = errors.New("no article found in the page")

// minArticleWords is the fewest words of body text a page must have to be
// read as an article.
const minArticleWords = 40

// isHTMLName reports the file names read as HTML pages.
func isHTMLName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// looksLikeHTML reports bytes that open, after a byte-order mark, spaces
// and comments, with a doctype or an <html>, <head> or <body> tag.
func looksLikeHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for {
		data = bytes.TrimLeft(data, " \t\r\n\f")
		if !bytes.HasPrefix(data, []byte("<!--")) {
			break
		}
		end := bytes.Index(data, []byte("-->"))
		if end < 0 {
			return false
		}
		data = data[end+3:]
	}
	head := strings.ToLower(string(data[:min(len(data), 16)]))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}

// decodeHTML returns the page as UTF-8. The encoding is the one the
// Content-Type header names, else the byte-order mark's, else a <meta>
// declaration's in the first 1024 bytes. A page that declares none and is
// valid UTF-8 is UTF-8; otherwise it is windows-1252, as browsers assume.
func decodeHTML(data []byte, contentType string) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain && utf8.Valid(data) || name == "utf-8" {
		return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, errors.New("cannot decode the page as " + name + ": " + err.Error())
	}
	return out, nil
}

// ParseHTML reads an HTML page: the article's text found by readability,
// mapped onto blocks (headings, figures with captions, quotes, lists,
// code, tables, links resolved against the page's address), and its
// metadata read from meta tags, Open Graph and JSON-LD. pageURL is where
// the page came from, "" for a file; contentType is the HTTP header, ""
// for a file. A page without an article is ErrNoArticle.
func ParseHTML(data []byte, pageURL, contentType string) (*model.Article, error) {
	text, err := decodeHTML(data, contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, err
	}
	meta := readMeta(doc)
	base := baseURL(pageURL, meta)
	removeFurniture(doc)
	markFigures(doc)
	var hero htmlWalker
	if n := heroFigure(doc); n != nil {
		hero.base = base
		hero.figure(n)
	}
	parser := readability.NewParser()
	content, err := parser.ParseAndMutate(doc, base)
	if err != nil || content.Node == nil {
		return nil, ErrNoArticle
	}
	w := htmlWalker{base: base}
	w.blocks(content.Node, nest{})
	if len(hero.out) == 1 && hero.out[0].Image != nil && !hasImageURL(w.out, hero.out[0].Image.URL) {
		// The picture above the text, which readability left out.
		w.out = append(hero.out, w.out...)
	}
	// The article's address is the canonical one the page gives, so that
	// the same story fetched by two addresses is known as one; else where
	// it was fetched from.
	a := &model.Article{Format: model.HTML, Blocks: w.out, URL: pageURL}
	if u, err := url.Parse(meta.url); err == nil && meta.url != "" {
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			a.URL = model.SafeText(u.String())
		}
	}
	meta.fill(a, content)
	tidyHTMLArticle(a)
	a.Derive()
	words := 0
	for _, b := range a.Blocks {
		if b.Kind == model.Paragraph || b.Kind == model.Quote || b.Kind == model.ListItem {
			words += model.CountWords(b.Text)
		}
	}
	if a.Title == "" || words+model.CountWords(a.Lead) < minArticleWords {
		return nil, ErrNoArticle
	}
	return a, nil
}

// baseURL is what relative links resolve against: the page's own address,
// else the address the page says it has (a saved page's links point into
// its site), with a <base href> applied.
func baseURL(pageURL string, meta pageMeta) *url.URL {
	raw := pageURL
	if raw == "" {
		raw = meta.url
	}
	u, err := url.Parse(raw)
	if err != nil || raw == "" || !u.IsAbs() {
		u = nil
	}
	if meta.base != "" {
		if b, err := url.Parse(meta.base); err == nil {
			if u != nil {
				b = u.ResolveReference(b)
			}
			if b.IsAbs() {
				u = b
			}
		}
	}
	return u
}

// tidyHTMLArticle removes what the page repeats or what is site furniture:
// near the top, a heading that is the title, a paragraph that is the lead,
// the byline or a date; anywhere, share buttons, a paragraph that is only
// a link to another story, and a widget heading ("Tin liên quan", "Most
// read") with the links under it; at the end, lists of links (tags) and
// credit lines. A last paragraph all in bold that reads as names is the
// byline, when the page named no person.
func tidyHTMLArticle(a *model.Article) {
	title, lead := model.Fold(a.Title), model.Fold(a.Lead)
	names := map[string]bool{}
	for _, n := range a.Byline {
		names[model.Fold(n)] = true
	}
	drop := func(b model.Block) {
		if b.Text != "" {
			a.Dropped = append(a.Dropped, b.Text)
		}
	}
	kept := a.Blocks[:0]
	widget := false
	for _, b := range a.Blocks {
		f := model.Fold(b.Text)
		top := len(kept) < 6 && !hasHeading(kept)
		text := b.Kind == model.Paragraph || b.Kind == model.ListItem || b.Kind == model.Heading
		if widget {
			// Under a widget heading: its links, until the article goes on.
			if b.Kind != model.Heading && (isLinkOnly(b) || text && !endsSentence(b.Text) && model.CountWords(b.Text) <= 12) {
				drop(b)
				continue
			}
			widget = false
		}
		switch {
		case top && b.Kind == model.Heading && f == title:
			continue
		case top && (b.Kind == model.Paragraph || b.Kind == model.ListItem) && (f != "" && f == lead || isBylineOf(f, names) || isDateText(b.Text)):
			drop(b)
			continue
		case text && isShareLine(b.Text):
			drop(b)
			continue
		case text && len(kept) > 0 && isWidgetLine(b.Text):
			drop(b)
			widget = true
			continue
		case b.Kind == model.Paragraph && isLinkOnly(b):
			drop(b)
			continue
		}
		kept = append(kept, b)
	}
	// The end: tags and related links, credit lines, a bold byline.
	for len(kept) > 0 {
		b := kept[len(kept)-1]
		switch {
		case b.Kind == model.ListItem && isLinkOnly(b), b.Kind == model.Paragraph && (isCredit(b.Text) || isStaffLine(b.Text)):
		case b.Kind == model.Paragraph && isAllStrong(b) && isBylineText(b.Text) && len(names) == 0:
			a.Byline = splitAuthors(b.Text)
			names = nil
		default:
			a.Blocks = kept
			return
		}
		drop(b)
		kept = kept[:len(kept)-1]
	}
	a.Blocks = kept
}

// staffLines open the line of a wire story that names who reported,
// wrote and edited it.
var staffLines = []string{"reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by ", "thực hiện: "}

// isStaffLine reports a short line naming the story's reporters and
// editors: "Reporting by A and B; Editing by C".
func isStaffLine(s string) bool {
	f := strings.ToLower(s)
	return len(s) < 300 && slices.ContainsFunc(staffLines, func(p string) bool { return strings.HasPrefix(f, p) })
}

// isLinkOnly reports a short block that is wholly one or more links: a
// related story, a tag.
func isLinkOnly(b model.Block) bool {
	if b.Text == "" || model.CountWords(b.Text) > 15 {
		return false
	}
	covered := 0
	for _, s := range b.Spans {
		if s.Kind == model.Link {
			covered += s.End - s.Start
		}
	}
	return covered > 0 && covered >= len(strings.ReplaceAll(b.Text, " ", ""))
}

// isAllStrong reports a block whose text is all in one strong span.
func isAllStrong(b model.Block) bool {
	for _, s := range b.Spans {
		if s.Kind == model.Strong && s.Start == 0 && s.End == len(b.Text) {
			return true
		}
	}
	return false
}

func hasHeading(bs []model.Block) bool {
	for _, b := range bs {
		if b.Kind == model.Heading {
			return true
		}
	}
	return false
}

// isBylineOf reports a folded line that is only the byline: the authors'
// names, perhaps after "by", perhaps followed by where they write from.
func isBylineOf(f string, names map[string]bool) bool {
	f = strings.TrimPrefix(f, "by ")
	if names[f] {
		return true
	}
	if len(names) > 0 && model.CountWords(f) <= 4*len(names)+4 {
		all := true
		for n := range names {
			all = all && strings.Contains(f, n)
		}
		if all {
			return true
		}
	}
	parts := splitByline(f)
	for _, p := range parts {
		if !names[strings.TrimSpace(p)] {
			return false
		}
	}
	return len(parts) > 1
}

// relativeDate matches the dates pages print by a byline: "1 day ago",
// "Updated 3 hours ago", "Published 5 March 2024".
var relativeDate = regexp.MustCompile(`^(?i)(?:(?:published|updated|posted|last updated|cập nhật)[: ]+)?(?:\d{1,2} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|(?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|\d+ (?:giờ|phút|ngày) trước)(?:[ ,]+\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?$`)

// isDateText reports a line that is only a date.
func isDateText(s string) bool {
	s = strings.TrimLeft(s, "•·|-–— ")
	return len(s) < 80 && (relativeDate.MatchString(s) || dateLine.MatchString(s))
}

// htmlWalker turns the article's DOM into blocks.
type htmlWalker struct {
	base *url.URL
	out  []model.Block
	// t is the paragraph being gathered from inline content, at at.
	t  inlineText
	at nest
	// item is a list item waiting for its text: the first text gathered
	// inside an <li>.
	item *model.Block
}

// flush ends the paragraph being gathered.
func (w *htmlWalker) flush() {
	text, spans := trimText(w.t.result())
	w.t = inlineText{}
	if w.item != nil {
		if text == "" {
			return
		}
		// The first text of a list item is the item itself.
		it := *w.item
		w.item = nil
		it.Text, it.Spans = text, spans
		w.add(it)
		return
	}
	if text == "" {
		return
	}
	kind := model.Paragraph
	if w.at.quote > 0 {
		kind = model.Quote
	}
	w.add(model.Block{Kind: kind, Text: text, Spans: spans})
}

func (w *htmlWalker) add(b model.Block) {
	b.Depth, b.Quote = w.at.depth, w.at.quote
	if w.at.quote > 0 {
		b.QuoteFrom = w.at.quoteFrom
	}
	w.out = append(w.out, b)
}

// skipped are elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Head: true, atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Button: true,
	atom.Form: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Nav: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blockElems end the paragraph being gathered when they start or end.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Address: true, atom.Center: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Details: true, atom.Summary: true,
	atom.Hgroup: true, atom.Fieldset: true, atom.Br: true,
}

// blocks walks n's children.
func (w *htmlWalker) blocks(n *html.Node, at nest) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if adjacentSpans(c) {
			w.t.separate()
		}
		w.node(c, at)
	}
}

// adjacentSpans reports a <span> right after another, with no text
// between: sites set such spans apart with style sheets (a name, then a
// place), and joined their words would run together.
func adjacentSpans(c *html.Node) bool {
	p := c.PrevSibling
	return p != nil && c.Type == html.ElementNode && p.Type == html.ElementNode && tagOf(c) == atom.Span && tagOf(p) == atom.Span
}

func (w *htmlWalker) node(n *html.Node, at nest) {
	switch n.Type {
	case html.TextNode:
		w.at = at
		w.t.write(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	a := tagOf(n)
	if skipped[a] || attr(n, "hidden") != "" || attr(n, "aria-hidden") == "true" {
		return
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		var t inlineText
		w.inline(&t, n)
		text, spans := t.result()
		if hasWord(text) {
			// Not a rule of underscores standing in for one.
			w.at = at
			w.add(model.Block{Kind: model.Heading, Level: uint8(a.String()[1] - '0'), Text: text, Spans: spans})
		}
	case atom.Figure:
		w.flush()
		w.at = at
		w.figure(n)
	case atom.Img, atom.Picture:
		if im := image(n); im != nil {
			w.flush()
			w.at = at
			w.add(model.Block{Kind: model.Figure, Image: im, Text: im.Alt})
		}
	case atom.Blockquote:
		w.flush()
		inner := at
		if inner.quote == 0 {
			inner.quoteFrom = at.depth
		}
		inner.quote++
		w.blocks(n, inner)
		w.flush()
	case atom.Ul, atom.Ol:
		w.flush()
		w.list(n, at)
	case atom.Pre:
		w.flush()
		w.at = at
		w.code(n)
	case atom.Table:
		w.flush()
		w.at = at
		w.table(n)
	case atom.Hr:
		w.flush()
		w.at = at
		w.add(model.Block{Kind: model.Rule})
	case atom.A, atom.Em, atom.I, atom.Strong, atom.B, atom.Code, atom.Kbd, atom.Samp, atom.S, atom.Del, atom.Strike:
		w.at = at
		w.inlineElem(&w.t, n)
	default:
		if blockElems[a] {
			w.flush()
			w.blocks(n, at)
			w.flush()
			return
		}
		w.blocks(n, at)
	}
}

// list adds the items of a ul or ol at one depth more than at.
func (w *htmlWalker) list(n *html.Node, at nest) {
	inner := at
	inner.depth++
	num := 0
	if tagOf(n) == atom.Ol {
		num = 1
		if s, err := strconv.Atoi(attr(n, "start")); err == nil {
			num = s
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || tagOf(c) != atom.Li {
			continue
		}
		w.flush()
		w.at = inner
		w.item = &model.Block{Kind: model.ListItem, Number: int32(num)}
		w.blocks(c, inner)
		w.flush()
		w.item = nil
		if num > 0 {
			num++
		}
	}
}

// figure adds a figure: its image, its caption and the caption's credit.
func (w *htmlWalker) figure(n *html.Node) {
	var im *model.Image
	var caption inlineText
	var credit string
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch tag := tagOf(c); {
			case tag == atom.Figcaption:
				credit = w.caption(&caption, c)
			case im == nil && (tag == atom.Img || tag == atom.Picture):
				im = image(c)
			case im == nil && tag == atom.A:
				walk(c.FirstChild)
				if im != nil && im.Link == "" {
					im.Link = w.resolve(attr(c, "href"))
				}
			default:
				walk(c.FirstChild)
			}
		}
	}
	walk(n.FirstChild)
	text, spans := caption.result()
	text, spans, credit = splitCredit(text, spans, credit)
	if im == nil {
		// A video or a player: its caption describes what is not here.
		return
	}
	im.URL, im.Link, im.Credit = model.SafeText(w.resolve(im.URL)), model.SafeText(im.Link), credit
	if text == "" {
		text, spans = im.Alt, nil
	}
	w.add(model.Block{Kind: model.Figure, Image: im, Text: text, Spans: spans})
}

// caption gathers a caption's text into t, leaving out its credit
// element (a <cite> or <small>, see markFigures), whose text it returns.
func (w *htmlWalker) caption(t *inlineText, n *html.Node) (credit string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			t.write(c.Data)
		case c.Type != html.ElementNode || skipped[tagOf(c)]:
		case tagOf(c) == atom.Cite || tagOf(c) == atom.Small:
			if credit == "" {
				credit = CleanLine(textOf(c))
			}
			t.separate()
		case tagOf(c) == atom.Br || blockElems[tagOf(c)]:
			t.separate()
			if cr := w.caption(t, c); credit == "" {
				credit = cr
			}
			t.separate()
		default:
			if cr := w.captionInline(t, c); credit == "" {
				credit = cr
			}
		}
	}
	return credit
}

// captionInline is caption for an inline element, keeping its span.
func (w *htmlWalker) captionInline(t *inlineText, n *html.Node) string {
	if hasCite(n) {
		return w.caption(t, n)
	}
	w.inlineElem(t, n)
	return ""
}

func hasCite(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (tagOf(c) == atom.Cite || tagOf(c) == atom.Small || hasCite(c)) {
			return true
		}
	}
	return false
}

// creditMarks open the credit that ends a caption's text.
var creditMarks = []string{"(Ảnh:", "Ảnh:", "Ảnh :", "(Photo:", "Photograph:", "Photo:", "Photos:", "Picture:", "Image:", "Credit...", "Credit…", "Credit:", "(Nguồn:", "Nguồn:", "Illustration:"}

// splitCredit separates a caption from its credit: the credit element's
// text when there was one (a trailing "Ảnh:" or "Photograph:" left in
// the caption goes), else what follows the first credit mark.
func splitCredit(text string, spans []model.Span, credit string) (string, []model.Span, string) {
	cut := len(text)
	if credit == "" {
		for _, m := range creditMarks {
			if i := strings.Index(text, m); i >= 0 && i < cut {
				cut = i
				credit = text[i+len(m):]
			}
		}
	} else {
		for _, m := range creditMarks {
			if strings.HasSuffix(strings.TrimSpace(text), m) {
				cut = strings.LastIndex(text, m)
				break
			}
		}
	}
	credit = strings.TrimSpace(strings.Trim(strings.TrimSpace(credit), "()."))
	for _, p := range creditMarks {
		credit = strings.TrimSpace(strings.TrimPrefix(credit, p))
	}
	text = strings.TrimRight(text[:cut], " -–—|(")
	text, spans = trimText(text, clipSpans(spans, len(text)))
	return text, spans, credit
}

// furnitureMarks in an element's id or class mark what is never article
// text: cookie and consent dialogs, and text only screen readers get
// ("Image caption", "Media caption").
var furnitureMarks = []string{"cookie", "consent", "onetrust", "gdpr", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "off-screen", "offscreen"}

// removeFurniture removes those elements.
func removeFurniture(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			idc := strings.ToLower(attr(c, "id") + " " + attr(c, "class"))
			if slices.ContainsFunc(furnitureMarks, func(m string) bool { return strings.Contains(idc, m) }) {
				n.RemoveChild(c)
			} else {
				removeFurniture(c)
			}
		}
		c = next
	}
}

// markFigures names, before readability strips classes, what pages mark
// only by class: a code block's language is kept in data-lang; an element whose class names a caption becomes a
// <figcaption>, and the element holding it and an image a <figure>; inside
// a caption, an element whose class names a credit, a copyright or an
// author becomes a <cite>.
func markFigures(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		cls := strings.ToLower(attr(c, "class"))
		tag := tagOf(c)
		if src := attr(c, "data-src"); tag == atom.Div && src != "" && !hasImage(c) {
			// A picture loaded by script: a <div> that names its image.
			rename(c, "img")
			c.Attr = append(c.Attr, html.Attribute{Key: "src", Val: src}, html.Attribute{Key: "alt", Val: attr(c, "data-alt")})
			continue
		}
		if tag == atom.Figure {
			markCredits(c)
		}
		if strings.Contains(cls, "caption") && tag != atom.Figcaption && tag != atom.Figure && tag != atom.Img && tag != atom.Table {
			rename(c, "figcaption")
			if p := c.Parent; p != nil && (tagOf(p) == atom.Div || tagOf(p) == atom.Section) && hasImage(p) {
				rename(p, "figure")
			}
			markCredits(c)
			continue
		}
		if tag == atom.Figcaption {
			markCredits(c)
			continue
		}
		if tag == atom.Pre || tag == atom.Code {
			if lang := codeLang(c); lang != "" {
				c.Attr = append(c.Attr, html.Attribute{Key: "data-lang", Val: lang})
			}
		}
		markFigures(c)
	}
}

func markCredits(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		cls := strings.ToLower(attr(c, "class") + " " + attr(c, "itemprop"))
		for _, k := range []string{"credit", "copyright", "author", "photographer", "source"} {
			if strings.Contains(cls, k) {
				rename(c, "cite")
			}
		}
		markCredits(c)
	}
}

func rename(n *html.Node, name string) {
	n.Data, n.DataAtom = name, atom.Lookup([]byte(name))
}

// heroFigure finds the article's lead picture: the first <figure> with an
// image inside the page's <article> (or <main>), before its second
// paragraph of text (the first may be the standfirst). Readability often
// leaves it out, as it sits above the body.
func heroFigure(doc *html.Node) *html.Node {
	paragraphs := 0
	var in func(n *html.Node, inside bool) (*html.Node, bool)
	in = func(n *html.Node, inside bool) (*html.Node, bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[tagOf(c)] {
				continue
			}
			tag := tagOf(c)
			switch {
			case inside && tag == atom.Figure && hasImage(c):
				return c, true
			case inside && tag == atom.P && model.CountWords(textOf(c)) > 12:
				if paragraphs++; paragraphs == 2 {
					return nil, true
				}
			}
			if f, done := in(c, inside || tag == atom.Article || tag == atom.Main); done {
				return f, true
			}
		}
		return nil, false
	}
	f, _ := in(doc, false)
	return f
}

func hasImageURL(bs []model.Block, u string) bool {
	return slices.ContainsFunc(bs, func(b model.Block) bool { return b.Image != nil && b.Image.URL == u })
}

func hasImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (tagOf(c) == atom.Img || tagOf(c) == atom.Picture || hasImage(c)) {
			return true
		}
	}
	return false
}

// image reads an <img> (or the <img> of a <picture>): its address, taken
// from the lazy-loading attributes when src is a placeholder, and its
// alternative text.
func image(n *html.Node) *model.Image {
	if tagOf(n) == atom.Picture {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && tagOf(c) == atom.Img {
				return image(c)
			}
		}
		return nil
	}
	src := attr(n, "src")
	if src == "" || strings.HasPrefix(src, "data:") {
		for _, k := range []string{"data-src", "data-original", "data-lazy-src", "data-srcset", "srcset"} {
			if v := attr(n, k); v != "" {
				src = strings.Fields(v)[0]
				break
			}
		}
	}
	if src == "" || strings.HasPrefix(src, "data:") {
		return nil
	}
	alt := CleanLine(attr(n, "alt"))
	switch f := model.Fold(alt); {
	case f == "image" || f == "photo" || f == "picture" || f == "anh" || f == "hinh anh" || f == "img",
		imageFileName.MatchString(alt), templateAlt.MatchString(alt):
		// Says nothing a reader needs: a word, a file name, or a CMS's
		// "Title - Ảnh 1.".
		alt = ""
	}
	return &model.Image{URL: src, Alt: alt}
}

// imageFileName matches an alternative text that is a file name.
var imageFileName = regexp.MustCompile(`(?i)^\S+\.(?:jpe?g|png|gif|webp|avif|bmp)$`)

// templateAlt matches the alternative text some Vietnamese CMSs give
// every picture: the article's title and "- Ảnh 2.".
var templateAlt = regexp.MustCompile(`(?:-|–) (?:Ảnh|Hình|Photo) \d+\.?$`)

// code adds a pre block's lines verbatim, with the language its class
// names ("language-go", "lang-go").
func (w *htmlWalker) code(n *html.Node) {
	lang := codeLang(n)
	for c := n.FirstChild; c != nil && lang == ""; c = c.NextSibling {
		if c.Type == html.ElementNode && tagOf(c) == atom.Code {
			lang = codeLang(c)
		}
	}
	src := strings.TrimSuffix(strings.TrimPrefix(textOf(n), "\n"), "\n")
	var lines []string
	for l := range strings.SplitSeq(src, "\n") {
		lines = append(lines, strings.Map(func(r rune) rune {
			if r != '\t' && model.Unsafe(r) {
				return -1
			}
			return r
		}, strings.TrimRight(l, " \r")))
	}
	w.add(model.Block{Kind: model.Code, Text: strings.Join(strings.Fields(src), " "), Code: &model.CodeBlock{Lang: lang, Lines: lines}})
}

func codeLang(n *html.Node) string {
	if l := attr(n, "data-lang"); l != "" {
		return l
	}
	for f := range strings.FieldsSeq(attr(n, "class")) {
		for _, p := range []string{"language-", "lang-"} {
			if strings.HasPrefix(f, p) {
				return strings.TrimPrefix(f, p)
			}
		}
	}
	return ""
}

// table adds a table: the header is its <thead> row, or a first row of
// <th> cells.
func (w *htmlWalker) table(n *html.Node) {
	tb := &model.TableBlock{}
	var rows [][]model.Cell
	var heads []bool
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || tagOf(c) == atom.Table {
				continue
			}
			if tagOf(c) != atom.Tr {
				walk(c.FirstChild)
				continue
			}
			var row []model.Cell
			allTh := true
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				if d.Type != html.ElementNode || (tagOf(d) != atom.Td && tagOf(d) != atom.Th) {
					continue
				}
				allTh = allTh && (tagOf(d) == atom.Th || tagOf(c.Parent) == atom.Thead)
				var t inlineText
				w.inline(&t, d)
				text, spans := t.result()
				row = append(row, model.Cell{Text: text, Spans: spans})
			}
			if len(row) > 0 {
				rows = append(rows, row)
				heads = append(heads, allTh)
			}
		}
	}
	walk(n.FirstChild)
	if len(rows) == 0 {
		return
	}
	if heads[0] {
		tb.Header, rows = rows[0], rows[1:]
	}
	tb.Rows = rows
	cols := len(tb.Header)
	var cells []string
	for _, c := range tb.Header {
		cells = append(cells, c.Text)
	}
	for _, r := range rows {
		cols = max(cols, len(r))
		for _, c := range r {
			cells = append(cells, c.Text)
		}
	}
	tb.Align = make([]model.Align, cols)
	w.add(model.Block{Kind: model.Table, Text: strings.Join(strings.Fields(strings.Join(cells, " ")), " "), Table: tb})
}

// inline gathers n's content as inline text into t.
func (w *htmlWalker) inline(t *inlineText, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if adjacentSpans(c) {
			t.separate()
		}
		switch c.Type {
		case html.TextNode:
			t.write(c.Data)
		case html.ElementNode:
			if skipped[tagOf(c)] {
				continue
			}
			if tagOf(c) == atom.Br || blockElems[tagOf(c)] {
				t.separate()
			}
			w.inlineElem(t, c)
		}
	}
}

// inlineElem writes an inline element's text into t with its span.
func (w *htmlWalker) inlineElem(t *inlineText, n *html.Node) {
	var kind model.SpanKind
	var href, title string
	switch tagOf(n) {
	case atom.A:
		href = w.resolve(attr(n, "href"))
		if href != "" && !strings.HasPrefix(href, "javascript:") {
			kind, title = model.Link, CleanLine(attr(n, "title"))
		}
	case atom.Em, atom.I:
		kind = model.Emphasis
	case atom.Strong, atom.B:
		kind = model.Strong
	case atom.Code, atom.Kbd, atom.Samp:
		kind = model.InlineCode
	case atom.S, atom.Del, atom.Strike:
		kind = model.Strike
	}
	if kind == 0 {
		w.inline(t, n)
		return
	}
	start := t.open()
	w.inline(t, n)
	t.close(model.Span{Kind: kind, Start: start, URL: model.SafeText(href), Title: title})
}

// resolve makes a link absolute against the page's address.
func (w *htmlWalker) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || w.base == nil || strings.HasPrefix(ref, "#") {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return w.base.ResolveReference(u).String()
}

// clipSpans keeps the spans, cut at end.
func clipSpans(spans []model.Span, end int) []model.Span {
	var out []model.Span
	for _, s := range spans {
		s.End = min(s.End, end)
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}

// trimText trims the spaces a page leaves at a paragraph's ends, no-break
// spaces included, keeping the spans on the text.
func trimText(text string, spans []model.Span) (string, []model.Span) {
	trimmed := strings.TrimLeft(text, " \u00a0")
	cut := len(text) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " \u00a0")
	if cut == 0 && len(trimmed) == len(text) {
		return text, spans
	}
	var out []model.Span
	for _, s := range spans {
		s.Start, s.End = max(s.Start-cut, 0), min(s.End-cut, len(trimmed))
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return trimmed, out
}

// attr is n's attribute k, or "".
func attr(n *html.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

// textOf is all the text under n, as it stands.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && tagOf(c) == atom.Br:
				b.WriteByte('\n')
			case c.Type == html.ElementNode && !skipped[tagOf(c)]:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// tagOf is n's element name as an atom. It is looked up from the name:
// readability renames elements (a <div> becomes a <p>) without changing
// the atom.
func tagOf(n *html.Node) atom.Atom { return atom.Lookup([]byte(n.Data)) }
