package ui

import (
	"strings"

	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// typedFilter is the filter the contents and the link list share: "/"
// starts typing it, enter keeps it, esc drops it, and entries match when
// they hold every typed word, without diacritics.
type typedFilter struct {
	filter    string
	filtering bool
}

// edit handles a key while the filter is typed and reports whether its
// text changed.
func (f *typedFilter) edit(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "enter":
		f.filtering = false
	case "esc":
		f.filtering = false
		return f.drop()
	case "backspace":
		if rs := []rune(f.filter); len(rs) > 0 {
			f.filter = string(rs[:len(rs)-1])
			return true
		}
	default:
		if text := msg.Key().Text; text != "" {
			f.filter += text
			return true
		}
	}
	return false
}

// drop clears the filter and reports whether there was one.
func (f *typedFilter) drop() bool {
	had := f.filter != ""
	f.filter = ""
	return had
}

// matches reports whether text holds every word of the filter.
func (f typedFilter) matches(text string) bool {
	words := strings.Fields(model.Fold(f.filter))
	if len(words) == 0 {
		return true
	}
	text = model.Fold(text)
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// label describes the filter for a title: " · /text" with a cursor while
// it is typed, and how many entries it leaves; "" without a filter.
func (f typedFilter) label(shown int) string {
	if f.filter == "" && !f.filtering {
		return ""
	}
	s := " · /" + f.filter
	if f.filtering {
		s += "▏"
	}
	return s + " · " + itoa(shown) + " shown"
}
