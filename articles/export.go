package articles

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"bao/model"

	"github.com/charmbracelet/x/ansi"
)

// jsonArticle is the JSON Lines schema of `bao cat --json`, documented in
// the README.
type jsonArticle struct {
	ID       string        `json:"id"`
	Path     string        `json:"path"`
	Format   model.Format  `json:"format"`
	Title    string        `json:"title"`
	Byline   []string      `json:"byline"`
	Source   string        `json:"source"`
	Dateline string        `json:"dateline"`
	Date     string        `json:"date,omitempty"`
	Lead     string        `json:"lead"`
	Blocks   []jsonBlock   `json:"blocks"`
	Sections []jsonSection `json:"sections"`
	Dropped  []string      `json:"dropped"`
	Language string        `json:"language"`
	Words    int           `json:"words"`
	Minutes  int           `json:"minutes"`
}

type jsonBlock struct {
	Kind  string `json:"kind"`
	Level int    `json:"level,omitempty"`
	Text  string `json:"text"`
}

type jsonSection struct {
	Title string `json:"title"`
	Block int    `json:"block"`
}

// WriteJSON writes a as one line of JSON.
func WriteJSON(w io.Writer, a *model.Article) error {
	j := jsonArticle{
		ID: a.ID, Path: a.Path, Format: a.Format, Title: a.Title,
		Byline: nonNil(a.Byline), Source: a.Source, Dateline: a.Dateline, Lead: a.Lead,
		Blocks: make([]jsonBlock, len(a.Blocks)), Sections: make([]jsonSection, len(a.Sections)),
		Dropped: nonNil(a.Dropped), Language: a.Language, Words: a.Words, Minutes: a.Minutes(),
	}
	if !a.Date.IsZero() {
		j.Date = a.Date.Format("2006-01-02")
	}
	for i, b := range a.Blocks {
		j.Blocks[i] = jsonBlock{Kind: b.Kind.String(), Level: int(b.Level), Text: b.Text}
	}
	for i, s := range a.Sections {
		j.Sections[i] = jsonSection{Title: s.Title, Block: s.Block}
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return err
	}
	_, err := io.WriteString(w, escapeControls(buf.String()))
	return err
}

// escapeControls writes C1 controls and bidirectional overrides, which JSON
// allows raw but a terminal would obey, as \u escapes. Only file paths can
// still hold them: article text is cleaned when parsed.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isC1(r) || isBidiControl(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isC1(r) || isBidiControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteText writes a as readable plain text wrapped to width columns (no
// wrapping when width <= 0), with no escape sequences: the title underlined,
// a line of byline, source and dateline, the lead, headings marked with #,
// captions with "[Ảnh]"/"[Photo]" and list items with bullets.
func WriteText(w io.Writer, a *model.Article, width int) error {
	var b strings.Builder
	b.WriteString(wrap(a.Title, width, ""))
	b.WriteString("\n" + strings.Repeat("=", min(max(ansi.StringWidth(a.Title), 3), widthOr(width, 80))) + "\n")
	if meta := MetaLine(a); meta != "" {
		b.WriteString(wrap(meta, width, "") + "\n")
	}
	if a.Lead != "" {
		b.WriteString("\n" + wrap(a.Lead, width, "") + "\n")
	}
	for _, blk := range a.Blocks {
		b.WriteString("\n")
		switch blk.Kind {
		case model.Heading:
			b.WriteString(wrap(strings.Repeat("#", max(int(blk.Level), 1))+" "+blk.Text, width, ""))
		case model.Caption:
			b.WriteString(wrap(captionMark(a.Language)+" "+blk.Text, width, "    "))
		case model.Quote:
			b.WriteString(wrap(blk.Text, width-2, "> "))
		case model.ListItem:
			b.WriteString(wrap("• "+blk.Text, width, "  "))
		default:
			b.WriteString(wrap(blk.Text, width, ""))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func widthOr(w, def int) int {
	if w <= 0 {
		return def
	}
	return w
}

func captionMark(lang string) string {
	if lang == "vi" {
		return "[Ảnh]"
	}
	return "[Photo]"
}

// MetaLine joins the byline, source, dateline and date with " · ".
func MetaLine(a *model.Article) string {
	var parts []string
	if len(a.Byline) > 0 {
		parts = append(parts, strings.Join(a.Byline, ", "))
	}
	for _, s := range []string{a.Source, a.Dateline} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if !a.Date.IsZero() {
		parts = append(parts, a.Date.Format("2006-01-02"))
	}
	return strings.Join(parts, " · ")
}

// wrap wraps s to width columns, prefixing every line after the first with
// indent (and the first too when indent starts with ">").
func wrap(s string, width int, indent string) string {
	if strings.HasPrefix(indent, ">") {
		if width <= 0 {
			return indent + s
		}
		lines := strings.Split(ansi.Wordwrap(s, max(width-ansi.StringWidth(indent), 10), ""), "\n")
		return indent + strings.Join(lines, "\n"+indent)
	}
	if width <= 0 {
		return s
	}
	first := ansi.Wordwrap(s, width, "")
	if indent == "" || !strings.Contains(first, "\n") {
		return first
	}
	head, tail, _ := strings.Cut(first, "\n")
	rest := ansi.Wordwrap(strings.ReplaceAll(tail, "\n", " "), max(width-ansi.StringWidth(indent), 10), "")
	return head + "\n" + indent + strings.ReplaceAll(rest, "\n", "\n"+indent)
}

// PrintError formats a load error as bao reports it: "bao: PATH: reason".
func PrintError(w io.Writer, e model.LoadError) {
	fmt.Fprintf(w, "bao: %s: %s\n", SafeText(e.Path), SafeText(e.Err.Error()))
}
