package ui

import (
	"fmt"
	"slices"
	"strings"

	"bao/model"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sourceOf is the group an article is listed under by source: the feed it
// was saved from, else its source, else "".
func sourceOf(a *model.Article) string {
	if a.Feed != "" {
		return a.Feed
	}
	return a.Source
}

// ShowSourcesMsg asks the root to show the feeds and sources.
type ShowSourcesMsg struct{}

// SourceChosenMsg limits the list to one feed or source; All lifts the
// limit.
type SourceChosenMsg struct {
	Name string
	All  bool
}

// SourcesKeys are the bindings of the feeds-and-sources view.
type SourcesKeys struct {
	Up, Down, Choose, Back key.Binding
}

// DefaultSourcesKeys returns the view's bindings.
func DefaultSourcesKeys() SourcesKeys {
	return SourcesKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "list only these")),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back")),
	}
}

// sourceRow is one feed or source and its counts.
type sourceRow struct {
	name          string
	all           bool
	count, unread int
}

// SourcesView lists the library's feeds and sources with how many
// articles each has and how many are unread; enter limits the list to
// one.
type SourcesView struct {
	c             *Common
	keys          SourcesKeys
	width, height int
	rows          []sourceRow
	cursor        int
}

// NewSourcesView counts lib's articles by feed or source, with the cursor
// on the one the list is limited to, if it is.
func NewSourcesView(c *Common, lib *model.Library, current string, limited bool) SourcesView {
	v := SourcesView{c: c, keys: DefaultSourcesKeys(), width: 80, height: 24}
	all := sourceRow{name: "All articles", all: true}
	at := map[string]int{}
	for _, a := range lib.Articles {
		name := sourceOf(a)
		i, ok := at[name]
		if !ok {
			i = len(v.rows)
			at[name] = i
			v.rows = append(v.rows, sourceRow{name: name})
		}
		read := c.Keeper.IsRead(a)
		for _, r := range []*sourceRow{&v.rows[i], &all} {
			r.count++
			if !read {
				r.unread++
			}
		}
	}
	col := collate.New(language.Vietnamese, collate.IgnoreCase)
	slices.SortStableFunc(v.rows, func(a, b sourceRow) int {
		switch {
		case a.name == "":
			return 1
		case b.name == "":
			return -1
		}
		return col.CompareString(a.name, b.name)
	})
	v.rows = append([]sourceRow{all}, v.rows...)
	for i, r := range v.rows {
		if limited && !r.all && r.name == current {
			v.cursor = i
		}
	}
	return v
}

// SetSize fits the view to width×height cells.
func (v *SourcesView) SetSize(width, height int) tea.Cmd {
	v.width, v.height = width, height
	return nil
}

// ShortHelp is the view's footer.
func (v SourcesView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Up, v.keys.Down, v.keys.Choose, v.keys.Back}
}

// FullHelp is the view's full help.
func (v SourcesView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }

// Update moves the cursor and chooses.
func (v SourcesView) Update(msg tea.Msg) (SourcesView, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	switch {
	case key.Matches(k, v.keys.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(k, v.keys.Down):
		v.cursor = min(v.cursor+1, len(v.rows)-1)
	case key.Matches(k, v.keys.Choose) && v.cursor < len(v.rows):
		r := v.rows[v.cursor]
		return v, v.c.move(SourceChosenMsg{Name: r.name, All: r.all})
	case key.Matches(k, v.keys.Back):
		return v, v.c.move(BackMsg{})
	}
	return v, nil
}

func (v *SourcesView) handle(msg tea.Msg) (cmd tea.Cmd) {
	*v, cmd = v.Update(msg)
	return cmd
}

// View draws the feeds and sources, the cursor's kept in view.
func (v SourcesView) View() string {
	st := v.c.Styles
	out := []string{"", "  " + st.BarAccent.Render(" Feeds and sources ") + st.Dim.Render(fmt.Sprintf("  %d", len(v.rows)-1)), ""}
	rows := max(v.height-5, 1)
	first := max(0, min(v.cursor-rows/2, len(v.rows)-rows))
	for i := first; i < min(len(v.rows), first+rows); i++ {
		r := v.rows[i]
		name := r.name
		if name == "" {
			name = "(no source)"
		}
		line := fmt.Sprintf("%s · %s", safeText(name), plural(r.count, "article"))
		if r.unread > 0 {
			line += fmt.Sprintf(" · %d unread", r.unread)
		}
		line = ansi.Truncate(line, max(v.width-6, 8), "…")
		if i == v.cursor {
			out = append(out, "  "+st.BarAccent.Render("›")+" "+line)
		} else {
			out = append(out, "    "+line)
		}
	}
	body := fitHeight(strings.Join(out, "\n"), max(v.height-1, 0))
	return body + "\n " + st.Dim.Render(ansi.Truncate(footerHelp(v.ShortHelp()), max(v.width-2, 0), "…"))
}

var _ Component = (*SourcesView)(nil)
