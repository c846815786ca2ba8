package ui

import (
	"encoding/json"
	"fmt"
	"image/color"
	"os"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// Styles is everything bao draws with, built once per session from a
// Glamour style (dark, light, ascii, notty or a JSON file), so that articles
// look the way Glamour users expect.
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
	Rule          string

	Match, CurrentMatch    lipgloss.Style
	Bar, BarDim, BarAccent lipgloss.Style
	Dim, Error, Accent     lipgloss.Style
	Selected, Unselected   lipgloss.Style
}

// StyleNames are the built-in styles for --style.
var StyleNames = []string{"dark", "light", "ascii", "notty"}

// LoadStyleConfig returns the Glamour style called name, or reads a JSON
// style file when name is a path.
func LoadStyleConfig(name string) (ansi.StyleConfig, error) {
	switch name {
	case "dark":
		return styles.DarkStyleConfig, nil
	case "light":
		return styles.LightStyleConfig, nil
	case "ascii":
		return styles.ASCIIStyleConfig, nil
	case "notty":
		return styles.NoTTYStyleConfig, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("style %q: not dark, light, ascii or notty, and not a readable file: %w", name, err)
	}
	var cfg ansi.StyleConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("style %s: %w", name, err)
	}
	return cfg, nil
}

// NewStyles builds the styles for the Glamour style called name.
func NewStyles(name string) (Styles, error) {
	cfg, err := LoadStyleConfig(name)
	if err != nil {
		return Styles{}, err
	}
	plain := name == "ascii" || name == "notty"
	return buildStyles(name, cfg, plain, name != "light"), nil
}

func buildStyles(name string, cfg ansi.StyleConfig, ascii, dark bool) Styles {
	s := Styles{Name: name, ASCII: ascii}
	text := primitive(cfg.Document.StylePrimitive)
	s.Paragraph = text
	s.Title = primitive(cfg.H1.StylePrimitive).Bold(true)
	if cfg.H1.BackgroundColor != nil {
		s.Title = s.Title.Padding(0, 1)
	}
	s.Meta = text.Faint(true)
	s.Lead = text.Bold(true)
	base := primitive(cfg.Heading.StylePrimitive)
	levels := []ansi.StyleBlock{cfg.H1, cfg.H2, cfg.H2, cfg.H3, cfg.H4, cfg.H5, cfg.H6}
	for lvl := 1; lvl <= 6; lvl++ {
		s.Heading[lvl] = inherit(base, levels[lvl].StylePrimitive)
		s.HeadingPrefix[lvl] = levels[lvl].Prefix
	}
	s.Heading[1] = s.Heading[2]
	s.HeadingPrefix[1] = "# "
	s.Caption = inherit(text, cfg.ImageText).Italic(true).Faint(true)
	s.Quote = inherit(text, cfg.BlockQuote.StylePrimitive).Italic(true)
	s.ListItem = text
	s.Bullet = cfg.Item.BlockPrefix
	s.QuoteBar, s.CaptionMark, s.LeadBar, s.Rule = "│ ", "▸ ", "┃ ", "─"
	if cfg.BlockQuote.IndentToken != nil {
		s.QuoteBar = *cfg.BlockQuote.IndentToken
	}
	if ascii {
		s.CaptionMark, s.LeadBar, s.Rule = "> ", "| ", "-"
		if s.Bullet == "" || s.Bullet == "• " {
			s.Bullet = "* "
		}
	}
	s.Match = lipgloss.NewStyle().Reverse(true)
	s.CurrentMatch = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
	s.Dim = lipgloss.NewStyle().Faint(true)
	s.Error = lipgloss.NewStyle().Bold(true)
	s.Accent = lipgloss.NewStyle().Bold(true)
	s.Bar = lipgloss.NewStyle().Reverse(true)
	s.BarDim = lipgloss.NewStyle().Faint(true)
	s.BarAccent = lipgloss.NewStyle().Bold(true)
	s.Selected = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Unselected = text
	if !ascii {
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
	return s
}

// primitive turns a Glamour style primitive into a Lip Gloss style.
func primitive(p ansi.StylePrimitive) lipgloss.Style {
	return inherit(lipgloss.NewStyle(), p)
}

// inherit applies the attributes p sets on top of base.
func inherit(base lipgloss.Style, p ansi.StylePrimitive) lipgloss.Style {
	s := base
	if c := colorOf(p.Color); c != nil {
		s = s.Foreground(c)
	}
	if c := colorOf(p.BackgroundColor); c != nil {
		s = s.Background(c)
	}
	set := func(b *bool, f func(bool) lipgloss.Style) {
		if b != nil {
			s = f(*b)
		}
	}
	set(p.Bold, func(v bool) lipgloss.Style { return s.Bold(v) })
	set(p.Italic, func(v bool) lipgloss.Style { return s.Italic(v) })
	set(p.Underline, func(v bool) lipgloss.Style { return s.Underline(v) })
	set(p.Faint, func(v bool) lipgloss.Style { return s.Faint(v) })
	set(p.CrossedOut, func(v bool) lipgloss.Style { return s.Strikethrough(v) })
	return s
}

func colorOf(c *string) color.Color {
	if c == nil || *c == "" {
		return nil
	}
	return lipgloss.Color(*c)
}
