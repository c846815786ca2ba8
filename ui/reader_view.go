package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func itoa(n int) string { return strconv.Itoa(n) }

type rangeStyle struct {
	start, end int
	style      lipgloss.Style
}

func applyRanges(text string, rs []rangeStyle) string {
	ranges := make([]lipgloss.Range, len(rs))
	for i, r := range rs {
		ranges[i] = lipgloss.NewRange(r.start, r.end, r.style)
	}
	return lipgloss.StyleRanges(text, ranges...)
}

// View draws the reader: header, body and footer, exactly Height lines.
func (r Reader) View() string {
	w, h := r.width, r.height
	if w <= 0 || h <= 0 {
		return ""
	}
	var body string
	switch {
	case r.doc == nil:
		body = r.c.Styles.Dim.Render("  Laying out the article…")
	case r.showHelp:
		r.help.ShowAll = true
		r.help.SetWidth(w - 4)
		body = "\n" + indent(r.help.View(r), "  ")
	case r.tocOpen:
		body = indent(r.toc.View(min(w-4, 80), r.bodyHeight()), "  ")
		if r.status == "" {
			r.status = footerHelp(r.ShortHelp())
		}
	case r.linksOpen:
		body = indent(r.links.View(min(w-4, 100), r.bodyHeight()), "  ")
		if r.status == "" {
			r.status = footerHelp(r.ShortHelp())
		}
	default:
		body = r.body()
	}
	return r.header() + "\n" + fitHeight(body, r.bodyHeight()) + "\n" + r.footer()
}

// body draws the visible lines, centred on wide terminals.
func (r Reader) body() string {
	pad := strings.Repeat(" ", max((r.width-r.doc.Width)/2, 0))
	h := r.bodyHeight()
	out := make([]string, 0, h)
	for i := r.offset; i < r.offset+h && i < len(r.doc.Lines); i++ {
		out = append(out, pad+r.search.highlight(i, r.doc.Lines[i]))
	}
	if !r.doc.Complete && r.offset+h > len(r.doc.Lines) {
		out = append(out, pad+r.c.Styles.Dim.Render("…"))
	}
	return strings.Join(out, "\n")
}

// header shows the article title and the current section.
func (r Reader) header() string {
	st := r.c.Styles
	title := r.article.Title
	if r.doc != nil && r.offset == 0 {
		// The article's own first line is its title: the bar does not say
		// it a second time.
		title = "bao"
	}
	left := " " + title
	right := ""
	if s := r.CurrentSection(); s >= 0 && s < len(r.article.Sections) {
		right = " § " + r.article.Sections[s].Title + " "
		if ansi.StringWidth(right) > r.width/2 {
			right = ansi.Truncate(right, r.width/2, "… ")
		}
	}
	room := r.width - ansi.StringWidth(right)
	left = ansi.Truncate(left, max(room, 0), "…")
	gap := strings.Repeat(" ", max(room-ansi.StringWidth(left), 0))
	return st.BarAccent.Render(left) + st.Bar.Render(gap) + st.BarDim.Render(right)
}

// footer shows the section position, the percentage read and either a
// message, the search prompt or a short help.
func (r Reader) footer() string {
	st := r.c.Styles
	if r.search.Typing() {
		in := r.search.input.View()
		return ansi.Truncate(in, r.width, "")
	}
	var pos string
	if r.doc != nil {
		n := len(r.article.Sections)
		switch s := r.CurrentSection(); {
		case n == 0:
			pos = "no sections"
		case s < 0:
			pos = fmt.Sprintf("§ –/%d", n)
		default:
			pos = fmt.Sprintf("§ %d/%d", s+1, n)
		}
		if r.whole() {
			// Of a first screen's layout, a percentage would be of the
			// wrong whole.
			pos += fmt.Sprintf(" · %d%%", r.percent())
		}
		if q := r.search.Query(); q != "" {
			pos += fmt.Sprintf(" · /%s (%d)", q, r.search.Matches())
		}
	}
	left := " " + pos + "  "
	if r.status != "" && ansi.StringWidth(left+r.status)+1 > r.width {
		// A message comes before the position: it is said once.
		left = " "
	}
	msg := r.status
	if msg == "" {
		msg = fitHelp(r.ShortHelp(), r.keys.Help, r.width-ansi.StringWidth(left)-1)
	}
	right := ansi.Truncate(msg, max(r.width-ansi.StringWidth(left)-1, 0), "…") + " "
	gap := strings.Repeat(" ", max(r.width-ansi.StringWidth(left)-ansi.StringWidth(right), 0))
	return st.BarAccent.Render(left) + st.Bar.Render(gap) + st.BarDim.Render(right)
}

// percent is how much of the article has been on screen.
func (r Reader) percent() int {
	total := len(r.doc.Lines)
	if total == 0 {
		return 100
	}
	seen := min(r.offset+r.bodyHeight(), total)
	return seen * 100 / total
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
