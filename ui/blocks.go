package ui

import (
	"strings"
	"unicode/utf8"

	"bao/model"

	"charm.land/lipgloss/v2"
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// tabWidth is how many cells a tab in code advances to.
const tabWidth = 4

// run styles a byte range of one code line.
type run struct {
	start, end int
	style      *lipgloss.Style
}

// code draws a code block verbatim: never reflowed, tabs expanded, lines
// longer than the screen continued on the next row after a mark.
func (r *renderer) code(b model.Block, nest string) {
	var lines []string
	lang := ""
	if b.Code != nil {
		lines, lang = b.Code.Lines, b.Code.Lang
	}
	expanded := make([]string, len(lines))
	for i, l := range lines {
		expanded[i] = expandTabs(l)
	}
	runs := r.highlight(lang, expanded)
	indent := nest + "    "
	width := max(r.width-ansi.StringWidth(indent), 8)
	cont := r.st.Continued
	offset := 0
	for i, l := range expanded {
		rows := cutCells(l, width, width-ansi.StringWidth(cont))
		for k, row := range rows {
			prefix, shown := indent, indent
			if k > 0 {
				prefix, shown = indent+r.st.Dim.Render(cont), indent+cont
			}
			r.addLine(prefix+r.styleRuns(l, runs[i], &r.st.CodeBlock, row.start, row.end), shown+l[row.start:row.end], offset)
		}
		if words := strings.Fields(l); len(words) > 0 {
			offset += utf8.RuneCountInString(strings.Join(words, " ")) + 1
		}
	}
	if len(lines) == 0 {
		r.addLine(indent, indent, 0)
	}
}

// expandTabs replaces tabs by spaces up to the next tab stop.
func expandTabs(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col += cellWidth(string(c))
	}
	return b.String()
}

// cutCells cuts s into rows of at most first cells, then rest cells, at
// grapheme cluster boundaries.
func cutCells(s string, first, rest int) []lineRange {
	if len(s) <= first && isASCII(s) {
		return []lineRange{{0, len(s)}}
	}
	var out []lineRange
	start, w, limit := 0, 0, max(first, 1)
	state := -1
	for k := 0; k < len(s); {
		cluster, _, cw, st := uniseg.FirstGraphemeClusterInString(s[k:], state)
		state = st
		if w+cw > limit && k > start {
			out = append(out, lineRange{start, k})
			start, w, limit = k, 0, max(rest, 1)
		}
		k += len(cluster)
		w += cw
	}
	return append(out, lineRange{start, len(s)})
}

// styleRuns renders s[start:end] with the runs that cover it, base
// elsewhere.
func (r *renderer) styleRuns(s string, runs []run, base *lipgloss.Style, start, end int) string {
	if len(runs) == 0 {
		return r.paint(base, 0, s[start:end])
	}
	var b strings.Builder
	at := start
	for _, rn := range runs {
		if rn.end <= at || rn.start >= end {
			continue
		}
		if rn.start > at {
			b.WriteString(r.paint(base, 0, s[at:rn.start]))
			at = rn.start
		}
		to := min(rn.end, end)
		b.WriteString(r.paint(rn.style, 0, s[at:to]))
		at = to
	}
	if at < end {
		b.WriteString(r.paint(base, 0, s[at:end]))
	}
	return b.String()
}

// highlight returns, per line, the styled runs of chroma's tokens for the
// language; no runs when the language or the theme is unknown.
func (r *renderer) highlight(lang string, lines []string) [][]run {
	out := make([][]run, len(lines))
	theme := r.st.CodeTheme
	if lang == "" || theme == nil || len(lines) == 0 {
		return out
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return out
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, strings.Join(lines, "\n"))
	if err != nil {
		return out
	}
	cache := map[chroma.TokenType]*lipgloss.Style{}
	line, at := 0, 0
	for tok := it(); tok != chroma.EOF; tok = it() {
		st, ok := cache[tok.Type]
		if !ok {
			st = tokenStyle(theme.Get(tok.Type), r.st.CodeBlock)
			cache[tok.Type] = st
		}
		for j, part := range strings.Split(tok.Value, "\n") {
			if j > 0 {
				line, at = line+1, 0
			}
			if line < len(out) && st != nil && part != "" {
				out[line] = append(out[line], run{at, at + len(part), st})
			}
			at += len(part)
		}
	}
	return out
}

// tokenStyle turns a chroma style entry into a lipgloss style, or nil when
// the entry sets nothing.
func tokenStyle(e chroma.StyleEntry, base lipgloss.Style) *lipgloss.Style {
	if e.IsZero() {
		return nil
	}
	st := base
	if e.Colour.IsSet() {
		st = st.Foreground(lipgloss.Color(e.Colour.String()))
	}
	if e.Bold == chroma.Yes {
		st = st.Bold(true)
	}
	if e.Italic == chroma.Yes {
		st = st.Italic(true)
	}
	if e.Underline == chroma.Yes {
		st = st.Underline(true)
	}
	return &st
}

// table draws a table as a grid when it fits the screen, and otherwise as
// one record per row, each cell under its column's header, so no word is
// ever cut.
func (r *renderer) table(b model.Block, nest string) {
	t := b.Table
	if t == nil {
		return
	}
	cols := len(t.Header)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	bold := r.st.Paragraph.Bold(true)
	cell := func(c model.Cell, st *lipgloss.Style) (string, int) {
		text, spans, _ := r.linkMarks(c.Text, c.Spans)
		return r.styled(st, text, spans, 0, len(text)), cellWidth(text)
	}
	widths := make([]int, cols)
	header := make([]string, cols)
	for i := range cols {
		if i < len(t.Header) {
			var w int
			header[i], w = cell(t.Header[i], &bold)
			widths[i] = w
		}
	}
	rows := make([][]string, len(t.Rows))
	for k, row := range t.Rows {
		rows[k] = make([]string, cols)
		for i := range cols {
			if i < len(row) {
				var w int
				rows[k][i], w = cell(row[i], &r.st.Paragraph)
				widths[i] = max(widths[i], w)
			}
		}
	}
	total := 1
	for _, w := range widths {
		total += w + 3
	}
	indent := nest + "  "
	if total <= r.width-ansi.StringWidth(indent) {
		r.grid(t, header, rows, widths, indent)
		return
	}
	r.records(t, cols, indent)
}

// grid draws the table with box-drawing borders. The column widths are
// known (every cell fits), so each row is padded and joined here: Lip
// Gloss's table package measured and re-wrapped every cell again and took
// a third of the time of a document with many tables.
func (r *renderer) grid(t *model.TableBlock, header []string, rows [][]string, widths []int, indent string) {
	b := r.st.TableBorder
	rule := func(left, mid, right string) {
		var l strings.Builder
		l.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				l.WriteString(mid)
			}
			l.WriteString(strings.Repeat(b.Top, w+2))
		}
		l.WriteString(right)
		r.addLine(indent+r.style(l.String()), indent+l.String(), 0)
	}
	row := func(cells []string) {
		var styled, plain strings.Builder
		bar := r.style(b.Left)
		styled.WriteString(bar)
		plain.WriteString(b.Left)
		for i, c := range cells {
			if i > 0 {
				styled.WriteString(bar)
				plain.WriteString(b.Left)
			}
			before, after := t.Pad(i, widths[i]-ansi.StringWidth(c))
			cell := " " + strings.Repeat(" ", before) + c + strings.Repeat(" ", after) + " "
			styled.WriteString(cell)
			plain.WriteString(ansi.Strip(cell))
		}
		styled.WriteString(bar)
		plain.WriteString(b.Left)
		r.addLine(indent+styled.String(), indent+plain.String(), 0)
	}
	rule(b.TopLeft, b.MiddleTop, b.TopRight)
	row(header)
	rule(b.MiddleLeft, b.Middle, b.MiddleRight)
	for _, cells := range rows {
		row(cells)
	}
	rule(b.BottomLeft, b.MiddleBottom, b.BottomRight)
}

// records draws each row as lines of "header: value".
func (r *renderer) records(t *model.TableBlock, cols int, indent string) {
	for k, row := range t.Rows {
		if k > 0 {
			line := strings.Repeat(r.st.RuleChar, 3)
			r.addLine(indent+r.st.Dim.Render(line), indent+line, 0)
		}
		for i := range cols {
			var c model.Cell
			if i < len(row) {
				c = row[i]
			}
			name := ""
			if i < len(t.Header) {
				name = t.Header[i].Text
			}
			text, spans := c.Text, c.Spans
			if name != "" {
				shift := len(name) + 2
				moved := make([]model.Span, 0, len(spans)+1)
				moved = append(moved, model.Span{Kind: model.Strong, End: len(name) + 1})
				for _, s := range spans {
					s.Start, s.End = s.Start+shift, s.End+shift
					moved = append(moved, s)
				}
				text, spans = name+": "+text, moved
			}
			r.addSpans(&r.st.Paragraph, indent, indent+"  ", text, spans, r.width)
		}
	}
}
