package model

import (
	"strconv"
	"strings"
)

// Linkable reports the URLs that get a reference number and a hyperlink:
// http, https and mailto. Others (relative paths, anchors) are kept in the
// spans but lead nowhere a terminal can open.
func Linkable(url string) bool {
	u := strings.ToLower(url)
	return strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "mailto:")
}

// NumberedLink is one link URL and the number its references show.
type NumberedLink struct {
	Number int
	URL    string
	// Text is the text of the first link to the URL.
	Text string
}

// LinkNumbers numbers an article's link URLs in the order they first
// appear; a URL linked twice keeps its number.
type LinkNumbers struct {
	index map[string]int
	List  []NumberedLink
}

// Number returns url's number, giving it the next one if it has none.
func (l *LinkNumbers) Number(url, text string) int {
	if n, ok := l.index[url]; ok {
		return n
	}
	if l.index == nil {
		l.index = map[string]int{}
	}
	n := len(l.List) + 1
	l.index[url] = n
	l.List = append(l.List, NumberedLink{Number: n, URL: url, Text: text})
	return n
}

// Mark is a reference number inserted into text for display: at a byte
// offset of the new text, runes long.
type Mark struct{ At, Runes int }

// MarkLinks inserts "[n]" after each link whose text is not its URL,
// numbering the URLs with l. Relative links are numbered too: their
// destination is part of the document even where a terminal cannot open it. It returns the new text, the spans moved
// to match plus a FootnoteRef span over each mark, and the marks, so that
// an offset into the new text can be taken back to the old.
func MarkLinks(text string, spans []Span, l *LinkNumbers) (string, []Span, []Mark) {
	var (
		b     strings.Builder
		marks []Mark
		at    []int // where each mark goes, as an offset into text
		prev  int
	)
	for _, s := range spans {
		if s.Kind != Link || s.URL == "" || s.End < prev {
			continue
		}
		label := text[s.Start:s.End]
		n := l.Number(s.URL, label)
		if label == s.URL || "mailto:"+label == s.URL {
			continue
		}
		b.WriteString(text[prev:s.End])
		prev = s.End
		m := "[" + strconv.Itoa(n) + "]"
		marks = append(marks, Mark{b.Len(), len(m)})
		at = append(at, s.End)
		b.WriteString(m)
	}
	if len(marks) == 0 {
		return text, spans, nil
	}
	b.WriteString(text[prev:])
	// A mark at p comes after a span that ends at p and before one that
	// starts there.
	moved := func(off int, end bool) int {
		add := 0
		for i, p := range at {
			if p < off || !end && p == off {
				add += marks[i].Runes
			}
		}
		return off + add
	}
	out := make([]Span, 0, len(spans)+len(marks))
	for _, s := range spans {
		s.Start, s.End = moved(s.Start, false), moved(s.End, true)
		out = append(out, s)
	}
	for _, m := range marks {
		out = append(out, Span{Kind: FootnoteRef, Start: m.At, End: m.At + m.Runes})
	}
	return b.String(), out, marks
}

// Unmark returns the rune offset in the text before marking of a rune
// offset in the marked text that starts at byte offset at.
func Unmark(runes, at int, marks []Mark) int {
	for _, m := range marks {
		if m.At < at {
			runes -= m.Runes
		}
	}
	return runes
}
