package ui

import (
	"image/color"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestContrast: every text colour of the dark and light styles reaches a
// WCAG contrast ratio of 4.5:1 against what it is drawn on: its own
// background, else the terminal's (black for dark, white for light).
func TestContrast(t *testing.T) {
	for _, name := range []string{"dark", "light"} {
		st, err := NewStyles(name)
		if err != nil {
			t.Fatal(err)
		}
		term := color.Color(color.Black)
		if name == "light" {
			term = color.White
		}
		l := NewList(&Common{Styles: &st})
		l.Restyle(name == "dark")
		d := l.delegateStyles()
		styles := map[string]lipgloss.Style{
			"title": st.Title, "meta": st.Meta, "lead": st.Lead, "paragraph": st.Paragraph, "caption": st.Caption,
			"quote": st.Quote, "list item": st.ListItem, "code": st.Code, "link": st.Link, "reference": st.Ref,
			"footnote": st.Footnote, "code block": st.CodeBlock, "match": st.Match, "current match": st.CurrentMatch,
			"bar": st.Bar, "bar dim": st.BarDim, "bar accent": st.BarAccent, "dim": st.Dim, "error": st.Error,
			"accent": st.Accent, "selected": st.Selected,
			"list title": d.NormalTitle, "list description": d.NormalDesc, "list selected title": d.SelectedTitle,
			"list selected description": d.SelectedDesc, "list dimmed title": d.DimmedTitle, "list dimmed description": d.DimmedDesc,
			"help key": l.list.Help.Styles.ShortKey, "help description": l.list.Help.Styles.ShortDesc,
			"help separator": l.list.Help.Styles.ShortSeparator, "full help key": l.list.Help.Styles.FullKey,
			"full help description": l.list.Help.Styles.FullDesc, "status bar": l.list.Styles.StatusBar,
			"list title bar": l.list.Styles.Title, "no items": l.list.Styles.NoItems,
		}
		for i := 1; i <= 6; i++ {
			styles["heading "+string(rune('0'+i))] = st.Heading[i]
		}
		for what, s := range styles {
			fg := s.GetForeground()
			if _, none := fg.(lipgloss.NoColor); none {
				continue // the terminal's own text colour
			}
			bg := s.GetBackground()
			if _, none := bg.(lipgloss.NoColor); none {
				bg = term
			}
			if r := contrastRatio(fg, bg); r < 4.5 {
				t.Errorf("%s: %s has contrast %.2f:1", name, what, r)
			}
		}
	}
}
