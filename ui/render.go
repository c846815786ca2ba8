package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"bao/articles"
	"bao/model"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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
	Width     int
	// Complete is false for a first-screen render that stops early.
	Complete bool
}

// renderer accumulates a document.
type renderer struct {
	doc   *Document
	st    *Styles
	width int
}

func (r *renderer) add(style lipgloss.Style, prefix, rest, text string, width int) {
	lines := wrapLines(text, max(width-ansi.StringWidth(prefix), 8))
	off := 0
	for i, l := range lines {
		p := prefix
		if i > 0 {
			p = rest
		}
		r.doc.Plain = append(r.doc.Plain, p+l)
		r.doc.Lines = append(r.doc.Lines, r.style(p, style)+style.Render(l))
		r.doc.LineOffset = append(r.doc.LineOffset, off)
		off += utf8.RuneCountInString(l) + 1
	}
}

// style renders a prefix dimmed, keeping plain spaces plain.
func (r *renderer) style(prefix string, s lipgloss.Style) string {
	if strings.TrimSpace(prefix) == "" {
		return prefix
	}
	return r.st.Dim.Render(prefix)
}

func (r *renderer) blank() {
	if n := len(r.doc.Plain); n > 0 && r.doc.Plain[n-1] != "" {
		r.doc.Plain = append(r.doc.Plain, "")
		r.doc.Lines = append(r.doc.Lines, "")
		r.doc.LineOffset = append(r.doc.LineOffset, 0)
	}
}

// wrapLines wraps text to width cells, breaking inside words that are
// longer than a line.
func wrapLines(text string, width int) []string {
	if ansi.StringWidth(text) <= width {
		return []string{text}
	}
	return strings.Split(ansi.Wrap(text, width, ""), "\n")
}

// Render lays out an article at width cells. When maxLines > 0 it stops
// after at least that many lines, for a first screen, and marks the
// document incomplete.
func Render(a *model.Article, width int, st *Styles, maxLines int) *Document {
	width = max(width, 8)
	r := &renderer{doc: &Document{Width: width, Blocks: make([]int, 0, len(a.Blocks))}, st: st, width: width}
	r.header(a)
	r.doc.BodyStart = len(r.doc.Lines)
	for _, b := range a.Blocks {
		if maxLines > 0 && len(r.doc.Lines) >= maxLines {
			return r.doc
		}
		r.doc.Blocks = append(r.doc.Blocks, len(r.doc.Lines))
		r.block(b)
	}
	for _, s := range a.Sections {
		if s.Block < len(r.doc.Blocks) {
			r.doc.Sections = append(r.doc.Sections, r.doc.Blocks[s.Block])
		}
	}
	r.doc.Complete = true
	return r.doc
}

func (r *renderer) header(a *model.Article) {
	r.add(r.st.Title, "", "", a.Title, r.width-r.st.Title.GetHorizontalFrameSize())
	meta := articles.MetaLine(a)
	if meta != "" {
		meta += " · "
	}
	meta += fmt.Sprintf("%d min read", a.Minutes())
	r.add(r.st.Meta, "", "", meta, r.width)
	r.blank()
	if a.Lead != "" {
		r.add(r.st.Lead, r.st.LeadBar, r.st.LeadBar, a.Lead, r.width)
		r.blank()
	}
}

func (r *renderer) block(b model.Block) {
	switch b.Kind {
	case model.Heading:
		lvl := min(max(b.Level, 1), 6)
		prefix := r.st.HeadingPrefix[lvl]
		r.add(r.st.Heading[lvl], prefix, strings.Repeat(" ", ansi.StringWidth(prefix)), b.Text, r.width)
	case model.Caption:
		r.add(r.st.Caption, "  "+r.st.CaptionMark, "    ", b.Text, r.width-2)
	case model.Quote:
		r.add(r.st.Quote, "  "+r.st.QuoteBar, "  "+r.st.QuoteBar, b.Text, r.width-2)
	case model.ListItem:
		r.add(r.st.ListItem, "  "+r.st.Bullet, "  "+strings.Repeat(" ", ansi.StringWidth(r.st.Bullet)), b.Text, r.width)
	default:
		r.add(r.st.Paragraph, "", "", b.Text, r.width)
	}
	r.blank()
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
