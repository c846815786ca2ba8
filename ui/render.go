package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"bao/model"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Document is an article rendered at one width in one style: its lines and
// the line where every block and section starts. Section jumps, the table of
// contents, the footer and resize anchoring use these numbers, never a
// search of the rendered text.
type Document struct {
	// Lines are styled; Plain holds the same lines without styling.
	Lines, Plain []string
	// Blocks[i] is the first line of the article's block i.
	Blocks []int
	// Sections[k] is the line of section k's heading.
	Sections []int
	// LineOffset[l] is how many runes of its block's text come before line
	// l: the part of a reading position that survives a change of width.
	LineOffset []int
	// BodyStart is the first line after the title, meta line and lead.
	BodyStart int
	// Links are the article's links, numbered as their references show
	// them; LinksStart is the line where their list starts.
	Links      []model.NumberedLink
	LinksStart int
	Width      int
	// Texts are the texts that were wrapped into lines (a paragraph, a
	// heading, a caption), as they read before wrapping, and At[l] says
	// which part of one of them line l shows. Search looks in Texts, so a
	// phrase wrapped over two lines is one match, found at every width.
	Texts []string
	At    []LineText
	// Complete is false for a first-screen render that stops early.
	Complete bool
}

// LineText places a line's text: Texts[Text][Start:End], drawn from cell
// Col of the line. Text is -1 for a line that was not wrapped from a text
// (a code line, a table row, a blank); search looks at its plain form.
type LineText struct{ Text, Start, End, Col int32 }

// renderer accumulates a document.
type renderer struct {
	doc   *Document
	st    *Styles
	width int
	lang  string
	// links numbers the article's link URLs in order of first appearance.
	links model.LinkNumbers
	// paints holds the escape sequences that open and close each style
	// used, so that a style is rendered once per document, not once per
	// run of text.
	paints map[paintKey][2]string
	// prefixes holds rendered line prefixes.
	prefixes map[string]string
	// caption is the style captions are drawn in: the style's, or in the
	// text's own colour in a photo story, where captions are most of the
	// text.
	caption *lipgloss.Style
}

// paintKey is a base style and the span kinds applied over it, a bit
// per kind.
type paintKey struct {
	base *lipgloss.Style
	mask uint8
}

// paint styles s with base and the span kinds of mask over it, as one
// run: lipgloss styles underlined and struck text a character at a time,
// which would multiply the bytes of every link by ten, so the escape
// sequences around one styled letter are put around the whole run.
func (r *renderer) paint(base *lipgloss.Style, mask uint8, s string) string {
	if s == "" {
		return ""
	}
	k := paintKey{base, mask}
	w, ok := r.paints[k]
	if !ok {
		st := *base
		for kind := model.Emphasis; kind <= model.FootnoteRef; kind++ {
			if mask&(1<<kind) != 0 {
				st = r.spanStyle(st, kind)
			}
		}
		x := st.Render("x")
		i := strings.LastIndexByte(x, 'x')
		if i < 0 {
			return st.Render(s)
		}
		w = [2]string{x[:i], x[i+1:]}
		if r.paints == nil {
			r.paints = map[paintKey][2]string{}
		}
		r.paints[k] = w
	}
	return w[0] + s + w[1]
}

// addLine appends one finished line.
func (r *renderer) addLine(styled, plain string, offset int) {
	r.doc.Lines = append(r.doc.Lines, styled)
	r.doc.Plain = append(r.doc.Plain, plain)
	r.doc.LineOffset = append(r.doc.LineOffset, offset)
	r.doc.At = append(r.doc.At, LineText{Text: -1})
}

func (r *renderer) add(style *lipgloss.Style, prefix, rest, text string, width int) {
	r.addSpans(style, prefix, rest, text, nil, width)
}

// addSpans wraps text to width cells after the prefix (rest on the lines
// after the first) and styles its spans. Links get their reference number
// after their text.
func (r *renderer) addSpans(style *lipgloss.Style, prefix, rest, text string, spans []model.Span, width int) {
	var marks []model.Mark
	text, spans, marks = r.linkMarks(text, spans)
	lines := wrapRanges(text, max(width-ansi.StringWidth(prefix), 8))
	unit := int32(len(r.doc.Texts))
	r.doc.Texts = append(r.doc.Texts, text)
	runes, at := 0, 0
	for i, l := range lines {
		p := prefix
		if i > 0 {
			p = rest
		}
		runes += utf8.RuneCountInString(text[at:l.start])
		at = l.start
		off := model.Unmark(runes, l.start, marks)
		plain := text[l.start:l.end]
		r.addLine(r.style(p)+r.styled(style, text, spans, l.start, l.end), p+plain, off)
		r.doc.At[len(r.doc.At)-1] = LineText{unit, int32(l.start), int32(l.end), int32(ansi.StringWidth(p))}
	}
}

// linkMarks inserts the reference numbers of text's links.
func (r *renderer) linkMarks(text string, spans []model.Span) (string, []model.Span, []model.Mark) {
	return model.MarkLinks(text, spans, &r.links)
}

// linkNumber returns url's number, giving it the next one if it has none.
func (r *renderer) linkNumber(url, text string) int { return r.links.Number(url, text) }

// styled renders text[start:end] in style, with the spans that cover parts
// of it styled on top.
func (r *renderer) styled(style *lipgloss.Style, text string, spans []model.Span, start, end int) string {
	var cuts []int
	for _, s := range spans {
		if s.End > start && s.Start < end {
			cuts = append(cuts, max(s.Start, start), min(s.End, end))
		}
	}
	if len(cuts) == 0 {
		return r.paint(style, 0, text[start:end])
	}
	cuts = append(cuts, start, end)
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		if from == to {
			continue
		}
		var mask uint8
		url := ""
		for _, s := range spans {
			if s.Start <= from && s.End >= to {
				mask |= 1 << s.Kind
				if s.Kind == model.Link {
					url = s.URL
				}
			}
		}
		seg := r.paint(style, mask, text[from:to])
		if url != "" && r.st.Hyperlinks && model.Linkable(url) {
			seg = ansi.SetHyperlink(url) + seg + ansi.ResetHyperlink()
		}
		b.WriteString(seg)
	}
	return b.String()
}

func (r *renderer) spanStyle(st lipgloss.Style, k model.SpanKind) lipgloss.Style {
	switch k {
	case model.Emphasis:
		return st.Italic(true)
	case model.Strong:
		return st.Bold(true)
	case model.Strike:
		return st.Strikethrough(true)
	case model.InlineCode:
		return inherit(st, r.st.Code)
	case model.Link:
		return inherit(st, r.st.Link)
	case model.FootnoteRef:
		return inherit(st, r.st.Ref)
	}
	return st
}

// inherit applies over's colours and attributes on top of base.
func inherit(base, over lipgloss.Style) lipgloss.Style {
	return over.Inherit(base)
}

// style renders a prefix dimmed, keeping plain spaces plain.
func (r *renderer) style(prefix string) string {
	if strings.TrimSpace(prefix) == "" {
		return prefix
	}
	p, ok := r.prefixes[prefix]
	if !ok {
		p = r.st.Dim.Render(prefix)
		if r.prefixes == nil {
			r.prefixes = map[string]string{}
		}
		r.prefixes[prefix] = p
	}
	return p
}

func (r *renderer) blank() {
	if n := len(r.doc.Plain); n > 0 && r.doc.Plain[n-1] != "" {
		r.addLine("", "", 0)
	}
}

// lineRange is one wrapped line: a byte range of the text.
type lineRange struct{ start, end int }

// wrapRanges wraps text to width cells at spaces, breaking inside words
// that are longer than a line, and returns each line's byte range. The
// space a line breaks at belongs to neither line.
func wrapRanges(text string, width int) []lineRange {
	if len(text) <= width && isASCII(text) || ansi.StringWidth(text) <= width {
		return []lineRange{{0, len(text)}}
	}
	var out []lineRange
	start, end, w := 0, 0, 0 // the line so far: text[start:end], w cells
	last, before := 0, 0     // where the line's last word starts, and the line's end before it
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		ww := cellWidth(text[i:j])
		switch {
		case end > start && w+1+ww <= width:
			last, before = i, end
			end, w = j, w+1+ww
		case ww <= width && end > start && startsWithDash(text[i:j]) && last > start &&
			cellWidth(text[last:end])+1+ww <= width:
			// A line never opens with a dash: the word before it goes
			// down with it.
			out = append(out, lineRange{start, before})
			start, end, w = last, j, cellWidth(text[last:j])
			last, before = i, start+len(strings.TrimRight(text[start:i], " "))
		case ww <= width:
			if end > start {
				out = append(out, lineRange{start, end})
			}
			start, end, w = i, j, ww
			last, before = i, i
		default:
			// A word longer than a line: fill the line, then cut it by
			// grapheme clusters.
			if end > start {
				out = append(out, lineRange{start, end})
			}
			start, w = i, 0
			state := -1
			for k := i; k < j; {
				cluster, _, cw, st := uniseg.FirstGraphemeClusterInString(text[k:j], state)
				state = st
				if w+cw > width && k > start {
					out = append(out, lineRange{start, k})
					start, w = k, 0
				}
				k += len(cluster)
				w += cw
			}
			end = j
		}
		i = j
	}
	if end > start {
		out = append(out, lineRange{start, end})
	}
	if len(out) == 0 {
		out = append(out, lineRange{0, 0})
	}
	return out
}

// startsWithDash reports a word that opens with an en or em dash, which
// must not open a line.
func startsWithDash(word string) bool {
	return strings.HasPrefix(word, "—") || strings.HasPrefix(word, "–")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cellWidth is the width of s in terminal cells.
func cellWidth(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// photoStory reports an article whose words are mostly in captions: a
// gallery, where captions in their muted colour would make the whole read
// muted.
func photoStory(a *model.Article) bool {
	captions, all := 0, 0
	for _, b := range a.Blocks {
		n := model.CountWords(b.Text)
		all += n
		if b.Kind == model.Caption || b.Kind == model.Figure {
			captions += n
		}
	}
	return all > 0 && 2*captions > all
}

// Render lays out an article at width cells. When maxLines > 0 it stops
// after at least that many lines, for a first screen, and marks the
// document incomplete.
func Render(a *model.Article, width int, st *Styles, maxLines int) *Document {
	width = max(width, 8)
	r := &renderer{doc: &Document{Width: width, Blocks: make([]int, 0, len(a.Blocks))}, st: st, width: width, lang: a.Language, caption: &st.Caption}
	if photoStory(a) {
		plain := st.Caption.Faint(false).Foreground(st.Paragraph.GetForeground())
		r.caption = &plain
	}
	// Removed lines whose places are known are shown in them: those
	// that stood above the lead with the header, the rest among the
	// blocks.
	var removedAt [][]string
	var aboveLead []string
	if st.ShowRemoved && removedInPlace(a) {
		removedAt = make([][]string, len(a.Blocks)+1)
		for i, t := range a.Dropped {
			if a.DroppedAt[i] == model.AboveLead && a.Lead != "" {
				aboveLead = append(aboveLead, t)
				continue
			}
			at := min(max(a.DroppedAt[i], 0), len(a.Blocks))
			removedAt[at] = append(removedAt[at], t)
		}
	}
	r.header(a, removedAt != nil, aboveLead)
	r.doc.BodyStart = len(r.doc.Lines)
	for i, b := range a.Blocks {
		if maxLines > 0 && len(r.doc.Lines) >= maxLines {
			return r.doc
		}
		if removedAt != nil {
			r.removedLines(removedAt[i])
		}
		r.doc.Blocks = append(r.doc.Blocks, len(r.doc.Lines))
		r.block(b)
		if i+1 == len(a.Blocks) || !model.Adjacent(b, a.Blocks[i+1]) {
			r.blank()
		}
	}
	for _, s := range a.Sections {
		if s.Block < len(r.doc.Blocks) {
			r.doc.Sections = append(r.doc.Sections, r.doc.Blocks[s.Block])
		}
	}
	switch {
	case removedAt != nil:
		r.removedLines(removedAt[len(a.Blocks)])
	case st.ShowRemoved:
		r.removedList(a.Dropped)
	}
	r.doc.Links = r.links.List
	r.linkList()
	r.doc.Complete = true
	return r.doc
}

func (r *renderer) header(a *model.Article, removed bool, aboveLead []string) {
	// Spans are painted one run each, so the title's padding is put
	// around the whole line instead, in its plain form too.
	st := r.st.Title.UnsetPadding()
	pad := strings.Repeat(" ", r.st.Title.GetPaddingLeft())
	start := len(r.doc.Lines)
	r.addSpans(&st, "", "", a.Title, a.TitleSpans, r.width-r.st.Title.GetHorizontalFrameSize())
	for i := start; i < len(r.doc.Lines); i++ {
		r.doc.Lines[i] = r.paint(&st, 0, pad) + r.doc.Lines[i] + r.paint(&st, 0, pad)
		r.doc.Plain[i] = pad + r.doc.Plain[i] + pad
		r.doc.At[i].Col += int32(len(pad))
	}
	meta := a.MetaLine()
	if meta != "" {
		meta += " · "
	}
	meta += fmt.Sprintf("%d min read", a.Minutes())
	if a.TitleGuessed {
		// The file has no title line: the heading is its first line.
		meta += " · title guessed from the first line"
	}
	r.add(&r.st.Meta, "", "", meta, r.width)
	r.blank()
	if removed {
		r.add(&r.st.Dim, strings.Repeat(r.st.RuleChar, 2)+" ", "   ",
			"Lines bao removed are shown where they were, marked ✗ (D hides them)", r.width)
		r.blank()
		r.removedLines(aboveLead)
	}
	if a.Lead != "" {
		r.add(&r.st.Lead, r.st.LeadBar, r.st.LeadBar, a.Lead, r.width)
		r.blank()
	}
}

// nesting returns the prefix that puts a block inside its quotes and list
// items: two cells per list level and a bar per quote, in the order they
// hold each other.
func (r *renderer) nesting(b model.Block) string {
	q := int(b.Quote)
	if b.Kind == model.Quote {
		q = max(q, 1)
	}
	d := int(b.Depth)
	if b.Kind == model.ListItem && d > 0 {
		d--
	}
	outer := 0 // list levels outside the quotes
	if q > 0 {
		outer = min(int(b.QuoteFrom), d)
	}
	p := strings.Repeat("  ", outer)
	if q > 0 {
		p += "  " + strings.Repeat(r.st.QuoteBar, q)
	}
	return p + strings.Repeat("  ", d-outer)
}

func (r *renderer) block(b model.Block) {
	nest := r.nesting(b)
	pad := strings.Repeat(" ", ansi.StringWidth(nest))
	switch b.Kind {
	case model.Heading:
		lvl := min(max(b.Level, 1), 6)
		prefix := nest + r.st.HeadingPrefix[lvl]
		r.addSpans(&r.st.Heading[lvl], prefix, pad+strings.Repeat(" ", ansi.StringWidth(r.st.HeadingPrefix[lvl])), b.Text, b.Spans, r.width)
	case model.Caption:
		r.addSpans(r.caption, nest+"  "+r.st.CaptionMark, pad+"    ", b.Text, b.Spans, r.width-2)
	case model.Quote:
		r.addSpans(&r.st.Quote, nest, nest, b.Text, b.Spans, r.width-2)
	case model.ListItem:
		marker := r.listMarker(b)
		r.addSpans(&r.st.ListItem, nest+"  "+marker, pad+"  "+strings.Repeat(" ", ansi.StringWidth(marker)), b.Text, b.Spans, r.width)
	case model.Code:
		r.code(b, nest)
	case model.Table:
		r.table(b, nest)
	case model.Rule:
		w := max(r.width-ansi.StringWidth(nest)-4, 3)
		line := strings.Repeat(r.st.RuleChar, w)
		r.addLine(nest+"  "+r.st.Dim.Render(line), nest+"  "+line, 0)
	case model.Figure:
		r.figure(b, nest, pad)
	case model.Footnote:
		marker := fmt.Sprintf("[^%d] ", b.Number)
		r.addSpans(&r.st.Footnote, nest+marker, pad+strings.Repeat(" ", len(marker)), b.Text, b.Spans, r.width)
	default:
		if b.Depth > 0 {
			nest += "  "
		}
		r.addSpans(&r.st.Paragraph, nest, nest, b.Text, b.Spans, r.width)
	}
}

// listMarker is what opens a list item: its number, its checkbox or a
// bullet.
func (r *renderer) listMarker(b model.Block) string {
	switch {
	case b.Task == model.Checked:
		return r.st.TaskDone
	case b.Task == model.Unchecked:
		return r.st.TaskOpen
	case b.Number > 0:
		return fmt.Sprintf("%d. ", b.Number)
	}
	return r.st.Bullet
}

func (r *renderer) figure(b model.Block, nest, pad string) {
	text, spans := b.Image.Caption(b.Text, r.lang), b.Spans
	if text == "" {
		text = imageWord(r.lang)
	}
	if b.Image != nil {
		url := b.Image.URL
		if b.Image.Link != "" {
			// The image's own address first, then where it links to.
			text += fmt.Sprintf("[%d]", r.linkNumber(url, text))
			url = b.Image.Link
		}
		spans = []model.Span{{Kind: model.Link, Start: 0, End: len(text), URL: url}}
	}
	r.addSpans(r.caption, nest+"  "+r.st.CaptionMark, pad+"    ", text, spans, r.width-2)
}

func imageWord(lang string) string {
	if lang == "vi" {
		return "Ảnh"
	}
	return "Image"
}

// linkList ends the document with the numbered URLs its references lead to.
// removedList shows the lines recovery removed from the article, each
// marked, so that a reader can check what was taken away: at the end, for
// an article whose lines' places are not known.
func (r *renderer) removedList(lines []string) {
	r.blank()
	head := "Removed from the text by bao (D hides this)"
	if len(lines) == 0 {
		head = "bao removed nothing from this text (D hides this)"
	}
	r.add(&r.st.Dim, strings.Repeat(r.st.RuleChar, 2)+" ", "   ", head, r.width)
	for _, l := range lines {
		r.add(&r.st.Dim, "✗ ", "  ", l, r.width)
	}
}

// removedInPlace reports whether the places of a's removed lines are known,
// so that they can be shown where they were.
func removedInPlace(a *model.Article) bool {
	return len(a.Dropped) > 0 && len(a.DroppedAt) == len(a.Dropped)
}

// removedLines shows removed lines where they stood, each marked.
func (r *renderer) removedLines(lines []string) {
	for _, l := range lines {
		r.add(&r.st.Dim, "✗ ", "  ", l, r.width)
	}
	if len(lines) > 0 {
		r.blank()
	}
}

func (r *renderer) linkList() {
	if len(r.doc.Links) == 0 {
		return
	}
	r.blank()
	r.doc.LinksStart = len(r.doc.Lines)
	r.addLine(r.st.Dim.Render(strings.Repeat(r.st.RuleChar, min(r.width, 20))), strings.Repeat(r.st.RuleChar, min(r.width, 20)), 0)
	for _, l := range r.doc.Links {
		marker := fmt.Sprintf("[%d] ", l.Number)
		spans := []model.Span{{Kind: model.Link, End: len(l.URL), URL: l.URL}}
		for i, rng := range wrapRanges(l.URL, max(r.width-len(marker), 8)) {
			p := marker
			if i > 0 {
				p = strings.Repeat(" ", len(marker))
			}
			r.addLine(r.style(p)+r.styled(&r.st.Paragraph, l.URL, spans, rng.start, rng.end), p+l.URL[rng.start:rng.end], 0)
		}
	}
}

// SectionAtLine returns the index of the section that line belongs to, or
// -1 before the first heading.
func (d *Document) SectionAtLine(line int) int { return lastAtOrBefore(d.Sections, line) }

// PositionAt returns the reading position of line: its block and how far
// into the block's text the line starts.
func (d *Document) PositionAt(line int) model.Position {
	line = max(min(line, len(d.Lines)-1), 0)
	p := model.Position{Section: d.SectionAtLine(line), Block: d.BlockAtLine(line)}
	if p.Block >= 0 && line < len(d.LineOffset) {
		p.Offset = d.LineOffset[line]
	}
	return p
}

// LineOf returns the line where a reading position is, or 0 when the
// document does not reach it.
func (d *Document) LineOf(p model.Position) int {
	if p.Block < 0 || p.Block >= len(d.Blocks) {
		return 0
	}
	line := d.Blocks[p.Block]
	end := len(d.Lines)
	if p.Block+1 < len(d.Blocks) {
		end = d.Blocks[p.Block+1]
	}
	for line+1 < end && d.Plain[line+1] != "" && d.LineOffset[line+1] <= p.Offset {
		line++
	}
	return line
}

// BlockAtLine returns the index of the block that line belongs to, or -1
// in the header.
func (d *Document) BlockAtLine(line int) int { return lastAtOrBefore(d.Blocks, line) }

// lastAtOrBefore returns the index of the last of the sorted starts that is
// at or before line, or -1.
func lastAtOrBefore(starts []int, line int) int {
	return sort.SearchInts(starts, line+1) - 1
}
