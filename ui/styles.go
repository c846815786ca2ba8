package ui

import (
	"cmp"
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/alecthomas/chroma/v2"
)

// Styles is everything bao draws with, built once per session for a dark
// or light background (or a style file), never shared between sessions.
type Styles struct {
	// Name identifies the style in render-cache keys.
	Name string
	// ASCII is set for styles that must not use box-drawing characters.
	ASCII bool

	Title, Meta, Lead, Paragraph, Caption, Quote, ListItem lipgloss.Style
	// Heading is indexed by heading level (1-6).
	Heading       [7]lipgloss.Style
	HeadingPrefix [7]string
	CaptionMark   string
	QuoteBar      string
	Bullet        string
	LeadBar       string
	// UnreadMark and BookmarkMark mark articles in the list.
	UnreadMark, BookmarkMark string

	// Code is inline code, Link a link's text, Ref a reference number and
	// Footnote a footnote's text.
	Code, Link, Ref, Footnote lipgloss.Style
	// CodeBlock is code without highlighting; CodeTheme colours it by
	// token type (nil: no highlighting); Continued marks a code line that
	// goes on from the row above.
	CodeBlock lipgloss.Style
	CodeTheme *chroma.Style
	Continued string
	// TableBorder draws table grids.
	TableBorder lipgloss.Border
	// RuleChar draws horizontal rules; TaskDone and TaskOpen are the
	// checkboxes of task lists.
	RuleChar, TaskDone, TaskOpen string
	// Hyperlinks is set when links are written as OSC 8 hyperlinks.
	Hyperlinks bool
	// ShowRemoved lists, after the article, the lines recovery removed
	// from it (share buttons, site widgets, metadata headers).
	ShowRemoved bool

	Match, CurrentMatch    lipgloss.Style
	Bar, BarDim, BarAccent lipgloss.Style
	Dim, Error, Accent     lipgloss.Style
	Selected               lipgloss.Style
}

// styleFile is the part of Glamour's JSON style format that bao reads, so
// that a style written for glow can be given to bao with --style.
type styleFile struct {
	Document   stylePrimitive `json:"document"`
	BlockQuote struct {
		stylePrimitive
		IndentToken *string `json:"indent_token"`
	} `json:"block_quote"`
	Heading   stylePrimitive `json:"heading"`
	H1        stylePrimitive `json:"h1"`
	H2        stylePrimitive `json:"h2"`
	H3        stylePrimitive `json:"h3"`
	H4        stylePrimitive `json:"h4"`
	H5        stylePrimitive `json:"h5"`
	H6        stylePrimitive `json:"h6"`
	Item      stylePrimitive `json:"item"`
	ImageText stylePrimitive `json:"image_text"`
	Strong    stylePrimitive `json:"strong"`
	Link      stylePrimitive `json:"link"`
	LinkText  stylePrimitive `json:"link_text"`
	Code      stylePrimitive `json:"code"`
	CodeBlock struct {
		stylePrimitive
		// Chroma colours code by token type, keyed as Glamour keys it
		// (keyword, literal_string...). Glamour's "theme" key, which
		// names one of chroma's built-in styles, is not read: loading
		// those costs every bao process 6 ms at start.
		Chroma map[string]stylePrimitive `json:"chroma"`
	} `json:"code_block"`
	Task struct {
		Ticked   string `json:"ticked"`
		Unticked string `json:"unticked"`
	} `json:"task"`
}

// stylePrimitive is one element's look in Glamour's format.
type stylePrimitive struct {
	BlockPrefix     string  `json:"block_prefix"`
	Prefix          string  `json:"prefix"`
	Color           *string `json:"color"`
	BackgroundColor *string `json:"background_color"`
	Bold            *bool   `json:"bold"`
	Italic          *bool   `json:"italic"`
	Underline       *bool   `json:"underline"`
	Faint           *bool   `json:"faint"`
}

func str(s string) *string { return &s }
func yes() *bool           { b := true; return &b }

// builtinStyle returns the palette of a built-in style: the ANSI 256
// colours glow users know from its dark and light themes.
func builtinStyle(name string) (styleFile, bool) {
	var f styleFile
	switch name {
	case "dark":
		f.Document.Color = str("252")
		f.Heading = stylePrimitive{Color: str("39"), Bold: yes()}
		f.H1 = stylePrimitive{Color: str("228"), BackgroundColor: str("63"), Bold: yes()}
		f.H6 = stylePrimitive{Color: str("35")}
		f.ImageText.Color = str("243")
		f.Link.Color = str("30")
		f.LinkText = stylePrimitive{Color: str("35"), Bold: yes()}
		f.Code = stylePrimitive{Color: str("203"), BackgroundColor: str("236")}
		f.CodeBlock.Color, f.CodeBlock.Chroma = str("244"), darkCode
	case "light":
		f.Document.Color = str("234")
		f.Heading = stylePrimitive{Color: str("27"), Bold: yes()}
		f.H1 = stylePrimitive{Color: str("228"), BackgroundColor: str("63"), Bold: yes()}
		f.H6 = stylePrimitive{Bold: new(bool)}
		f.ImageText.Color = str("243")
		f.Link.Color = str("36")
		f.LinkText = stylePrimitive{Color: str("29"), Bold: yes()}
		f.Code = stylePrimitive{Color: str("203"), BackgroundColor: str("254")}
		f.CodeBlock.Color, f.CodeBlock.Chroma = str("242"), lightCode
	case "ascii", "notty":
		f.Heading.Bold = yes()
		f.H1.Bold = yes()
		f.Item.BlockPrefix = "* "
		f.BlockQuote.IndentToken = str("| ")
	default:
		return f, false
	}
	f.H2.Prefix, f.H3.Prefix, f.H4.Prefix, f.H5.Prefix, f.H6.Prefix = "## ", "### ", "#### ", "##### ", "###### "
	return f, true
}

// loadStyle returns the built-in style called name, or reads a Glamour
// JSON style file when name is a path.
func loadStyle(name string) (styleFile, error) {
	if f, ok := builtinStyle(name); ok {
		return f, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return styleFile{}, fmt.Errorf("style %q: not dark, light, ascii or notty, and not a readable file: %w", name, err)
	}
	var f styleFile
	if err := json.Unmarshal(data, &f); err != nil {
		return styleFile{}, fmt.Errorf("style %s: %w", name, err)
	}
	return f, nil
}

// NewStyles builds the styles called name: dark, light, ascii, notty, or
// a Glamour JSON style file.
func NewStyles(name string) (Styles, error) {
	f, err := loadStyle(name)
	if err != nil {
		return Styles{}, err
	}
	plain := name == "ascii" || name == "notty"
	return buildStyles(name, f, plain, name != "light"), nil
}

func buildStyles(name string, f styleFile, ascii, dark bool) Styles {
	s := Styles{Name: name, ASCII: ascii}
	text := primitive(lipgloss.NewStyle(), f.Document)
	s.Paragraph, s.ListItem = text, text
	s.Title = primitive(lipgloss.NewStyle(), f.H1).Bold(true)
	if f.H1.BackgroundColor != nil {
		s.Title = s.Title.Padding(0, 1)
	}
	s.Meta = text.Faint(true)
	s.Lead = text.Bold(true)
	base := primitive(lipgloss.NewStyle(), f.Heading)
	levels := []stylePrimitive{f.H2, f.H2, f.H2, f.H3, f.H4, f.H5, f.H6}
	for lvl := 1; lvl <= 6; lvl++ {
		s.Heading[lvl] = primitive(base, levels[lvl])
		s.HeadingPrefix[lvl] = levels[lvl].Prefix
	}
	s.HeadingPrefix[1] = "# "
	s.Caption = primitive(text, f.ImageText).Italic(true).Faint(true)
	s.Quote = primitive(text, f.BlockQuote.stylePrimitive).Italic(true)
	s.Bullet = "• "
	if f.Item.BlockPrefix != "" {
		s.Bullet = f.Item.BlockPrefix
	}
	s.QuoteBar, s.CaptionMark, s.LeadBar = "│ ", "▸ ", "┃ "
	s.UnreadMark, s.BookmarkMark = "● ", "★ "
	if f.BlockQuote.IndentToken != nil {
		s.QuoteBar = *f.BlockQuote.IndentToken
	}
	s.Link = primitive(lipgloss.NewStyle(), f.LinkText).Underline(true)
	s.Code = primitive(lipgloss.NewStyle(), f.Code)
	s.Ref = s.Meta
	s.Footnote = text.Faint(true)
	s.CodeBlock = primitive(lipgloss.NewStyle(), f.CodeBlock.stylePrimitive)
	s.CodeTheme = codeTheme(name, f.CodeBlock.Chroma)
	s.Continued, s.RuleChar = "↪ ", "─"
	s.TaskDone, s.TaskOpen = cmp.Or(f.Task.Ticked, "☑ "), cmp.Or(f.Task.Unticked, "☐ ")
	s.TableBorder = lipgloss.NormalBorder()
	s.Hyperlinks = !ascii
	if ascii {
		s.CaptionMark, s.LeadBar = "> ", "| "
		s.UnreadMark, s.BookmarkMark = "* ", "+ "
		s.Continued, s.RuleChar = "> ", "-"
		s.TaskDone, s.TaskOpen = "[x] ", "[ ] "
		s.TableBorder = lipgloss.ASCIIBorder()
		s.Code = s.Code.Bold(true)
	}
	s.chrome(ascii, dark)
	if name == "dark" || name == "light" {
		// bao's own styles are readable: every text colour reaches WCAG's
		// 4.5:1 against what it is drawn on. A style file is taken as
		// its author wrote it.
		for _, st := range []*lipgloss.Style{&s.Title, &s.Meta, &s.Lead, &s.Paragraph, &s.Caption, &s.Quote, &s.ListItem,
			&s.Heading[1], &s.Heading[2], &s.Heading[3], &s.Heading[4], &s.Heading[5], &s.Heading[6],
			&s.Code, &s.Link, &s.Ref, &s.Footnote, &s.CodeBlock, &s.Match, &s.CurrentMatch,
			&s.Bar, &s.BarDim, &s.BarAccent, &s.Dim, &s.Error, &s.Accent, &s.Selected} {
			*st = readable(*st, dark)
		}
	}
	return s
}

// minContrast is WCAG 2's least contrast for text (AA).
const minContrast = 4.5

// readable returns st with its text colour moved towards white (on a dark
// terminal) or black (on a light one), in steps, until it reaches
// minContrast against its background, or the terminal's when it has none.
func readable(st lipgloss.Style, dark bool) lipgloss.Style {
	fg := st.GetForeground()
	if _, none := fg.(lipgloss.NoColor); none {
		return st
	}
	bg := st.GetBackground()
	if _, none := bg.(lipgloss.NoColor); none {
		bg = color.Black
		if !dark {
			bg = color.White
		}
	}
	if contrastRatio(fg, bg) >= minContrast {
		return st
	}
	target := uint8(0xff)
	if luminance(bg) > 0.18 {
		target = 0
	}
	r, g, b, _ := fg.RGBA()
	c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
	for i := 0; i < 20 && contrastRatio(c, bg) < minContrast; i++ {
		step := func(v uint8) uint8 { return uint8(int(v) + (int(target)-int(v))/4) }
		c = color.RGBA{step(c.R), step(c.G), step(c.B), 0xff}
	}
	return st.Foreground(lipgloss.Color(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)))
}

// luminance is the WCAG 2 relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is the WCAG 2 contrast ratio of two colours.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// chrome sets the styles of everything around the article: bars, matches,
// selection.
func (s *Styles) chrome(ascii, dark bool) {
	s.Dim = lipgloss.NewStyle().Faint(true)
	s.Error = lipgloss.NewStyle().Bold(true)
	s.Accent = lipgloss.NewStyle().Bold(true)
	s.Match = lipgloss.NewStyle().Reverse(true)
	s.CurrentMatch = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
	s.Bar = lipgloss.NewStyle().Reverse(true)
	s.BarDim = s.Bar
	s.BarAccent = s.Bar.Bold(true)
	s.Selected = lipgloss.NewStyle().Bold(true).Reverse(true)
	if ascii {
		return
	}
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("27"), lipgloss.Color("39"))
	s.Error = s.Error.Foreground(ld(lipgloss.Color("160"), lipgloss.Color("203")))
	s.Accent = s.Accent.Foreground(accent)
	s.Match = lipgloss.NewStyle().Background(ld(lipgloss.Color("229"), lipgloss.Color("58"))).Foreground(ld(lipgloss.Color("0"), lipgloss.Color("230")))
	s.CurrentMatch = lipgloss.NewStyle().Background(ld(lipgloss.Color("214"), lipgloss.Color("208"))).Foreground(lipgloss.Color("0")).Bold(true)
	s.Bar = lipgloss.NewStyle().Background(ld(lipgloss.Color("254"), lipgloss.Color("236"))).Foreground(ld(lipgloss.Color("235"), lipgloss.Color("252")))
	s.BarDim = s.Bar.Foreground(ld(lipgloss.Color("243"), lipgloss.Color("245")))
	s.BarAccent = s.Bar.Foreground(accent).Bold(true)
	s.Selected = lipgloss.NewStyle().Foreground(accent).Bold(true)
}

// primitive applies the attributes p sets on top of base.
func primitive(base lipgloss.Style, p stylePrimitive) lipgloss.Style {
	s := base
	if c := colorOf(p.Color); c != nil {
		s = s.Foreground(c)
	}
	if c := colorOf(p.BackgroundColor); c != nil {
		s = s.Background(c)
	}
	if p.Bold != nil {
		s = s.Bold(*p.Bold)
	}
	if p.Italic != nil {
		s = s.Italic(*p.Italic)
	}
	if p.Underline != nil {
		s = s.Underline(*p.Underline)
	}
	if p.Faint != nil {
		s = s.Faint(*p.Faint)
	}
	return s
}

func colorOf(c *string) color.Color {
	if c == nil || *c == "" {
		return nil
	}
	return lipgloss.Color(*c)
}

// darkCode and lightCode are the built-in styles' code colours, by
// Glamour's chroma keys.
var (
	darkCode = map[string]stylePrimitive{
		"text": {Color: str("#C4C4C4")}, "error": {Color: str("#F1F1F1"), BackgroundColor: str("#F05B5B")},
		"comment": {Color: str("#767676"), Italic: yes()}, "comment_preproc": {Color: str("#FF875F")},
		"keyword": {Color: str("#00AAFF")}, "keyword_reserved": {Color: str("#FF5FD2")},
		"keyword_namespace": {Color: str("#FF5F87")}, "keyword_type": {Color: str("#6E6ED8")},
		"operator": {Color: str("#EF8080")}, "punctuation": {Color: str("#E8E8A8")},
		"name_builtin": {Color: str("#FF8EC7")}, "name_tag": {Color: str("#B083EA")},
		"name_attribute": {Color: str("#7A7AE6")}, "name_class": {Color: str("#F1F1F1"), Bold: yes()},
		"name_decorator": {Color: str("#FFFF87")}, "name_function": {Color: str("#00D787")},
		"literal_number": {Color: str("#6EEFC0")}, "literal_string": {Color: str("#C69669")},
		"literal_string_escape": {Color: str("#AFFFD7")}, "generic_deleted": {Color: str("#FD5B5B")},
		"generic_inserted": {Color: str("#00D787")}, "generic_emph": {Italic: yes()},
		"generic_strong": {Bold: yes()}, "generic_subheading": {Color: str("#777777")},
	}
	lightCode = map[string]stylePrimitive{
		"text": {Color: str("#2A2A2A")}, "error": {Color: str("#F1F1F1"), BackgroundColor: str("#FF5555")},
		"comment": {Color: str("#8D8D8D"), Italic: yes()}, "comment_preproc": {Color: str("#C0470B")},
		"keyword": {Color: str("#0060B0")}, "keyword_reserved": {Color: str("#A0228C")},
		"keyword_namespace": {Color: str("#B5294E")}, "keyword_type": {Color: str("#3F3FA8")},
		"operator": {Color: str("#A62E2E")}, "punctuation": {Color: str("#555555")},
		"name_builtin": {Color: str("#A5166B")}, "name_tag": {Color: str("#6B35A8")},
		"name_attribute": {Color: str("#3A3AB0")}, "name_class": {Color: str("#1A1A1A"), Bold: yes()},
		"name_decorator": {Color: str("#7A6A00")}, "name_function": {Color: str("#00754A")},
		"literal_number": {Color: str("#00785A")}, "literal_string": {Color: str("#8A4F14")},
		"literal_string_escape": {Color: str("#006A5A")}, "generic_deleted": {Color: str("#C21F1F")},
		"generic_inserted": {Color: str("#00754A")}, "generic_emph": {Italic: yes()},
		"generic_strong": {Bold: yes()}, "generic_subheading": {Color: str("#666666")},
	}
)

// chromaKeys are Glamour's names for chroma's token types.
var chromaKeys = map[string]chroma.TokenType{
	"text": chroma.Text, "error": chroma.Error, "comment": chroma.Comment, "comment_preproc": chroma.CommentPreproc,
	"keyword": chroma.Keyword, "keyword_reserved": chroma.KeywordReserved, "keyword_namespace": chroma.KeywordNamespace,
	"keyword_type": chroma.KeywordType, "operator": chroma.Operator, "punctuation": chroma.Punctuation,
	"name": chroma.Name, "name_builtin": chroma.NameBuiltin, "name_tag": chroma.NameTag,
	"name_attribute": chroma.NameAttribute, "name_class": chroma.NameClass, "name_constant": chroma.NameConstant,
	"name_decorator": chroma.NameDecorator, "name_exception": chroma.NameException, "name_function": chroma.NameFunction,
	"name_other": chroma.NameOther, "literal": chroma.Literal, "literal_number": chroma.LiteralNumber,
	"literal_date": chroma.LiteralDate, "literal_string": chroma.LiteralString,
	"literal_string_escape": chroma.LiteralStringEscape, "generic_deleted": chroma.GenericDeleted,
	"generic_emph": chroma.GenericEmph, "generic_inserted": chroma.GenericInserted,
	"generic_strong": chroma.GenericStrong, "generic_subheading": chroma.GenericSubheading,
	"background": chroma.Background,
}

// codeTheme builds a chroma style from Glamour's chroma keys; nil when
// there are none. Types without an entry take their parent's (a
// keyword_type falls back to keyword), as chroma resolves them.
func codeTheme(name string, keys map[string]stylePrimitive) *chroma.Style {
	if len(keys) == 0 {
		return nil
	}
	entries := chroma.StyleEntries{}
	for k, p := range keys {
		t, ok := chromaKeys[k]
		if !ok {
			continue
		}
		var e []string
		if p.Color != nil && strings.HasPrefix(*p.Color, "#") {
			e = append(e, *p.Color)
		}
		if p.BackgroundColor != nil && strings.HasPrefix(*p.BackgroundColor, "#") {
			e = append(e, "bg:"+*p.BackgroundColor)
		}
		if p.Bold != nil && *p.Bold {
			e = append(e, "bold")
		}
		if p.Italic != nil && *p.Italic {
			e = append(e, "italic")
		}
		if p.Underline != nil && *p.Underline {
			e = append(e, "underline")
		}
		entries[t] = strings.Join(e, " ")
	}
	st, err := chroma.NewStyle(name, entries)
	if err != nil {
		return nil
	}
	return st
}

// noLinksSuffix marks the name of styles without hyperlinks, which render
// differently and so are cached apart.
const noLinksSuffix = "-nolinks"

// noHyperlinks turns OSC 8 hyperlinks off when off is set.
func (s *Styles) noHyperlinks(off bool) {
	if off && s.Hyperlinks {
		s.Hyperlinks = false
		s.Name += noLinksSuffix
	}
}

// removedSuffix marks the name of styles that show the lines bao removed
// from an article, which render differently and so are cached apart.
const removedSuffix = "+removed"

// withRemoved returns s showing the lines removed from the article.
func (s Styles) withRemoved() *Styles {
	s.ShowRemoved = true
	s.Name += removedSuffix
	return &s
}

// WithoutHyperlinks returns s without OSC 8 hyperlinks.
func (s Styles) WithoutHyperlinks() Styles {
	s.noHyperlinks(true)
	return s
}
