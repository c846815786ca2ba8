package ui

import (
	"slices"

	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// changeMsg carries a change of the library's files, and the channel the
// next comes on.
type changeMsg struct {
	change model.Change
	ch     <-chan model.Change
}

// waitChange waits for the next change of the library's files.
func waitChange(ch <-chan model.Change) tea.Cmd {
	return func() tea.Msg {
		c, ok := <-ch
		if !ok {
			return nil
		}
		return changeMsg{c, ch}
	}
}

// refreshMsg asks for the feeds to be fetched; refreshedMsg says what the
// fetch found.
type (
	refreshMsg   struct{}
	refreshedMsg struct {
		summary string
		err     error
	}
)

// refresh fetches the feeds in a command, once at a time.
func (m Model) refresh() (tea.Model, tea.Cmd) {
	if m.opts.Refresh == nil {
		return m, nil
	}
	if m.refreshing {
		return m, m.list.list.NewStatusMessage("Already fetching the feeds…")
	}
	m.refreshing = true
	f := m.opts.Refresh
	return m, tea.Batch(m.list.list.NewStatusMessage("Fetching the feeds…"), func() tea.Msg {
		summary, err := f()
		return refreshedMsg{summary, err}
	})
}

// handleChange puts new and written articles into the library, in the
// place of the file they were read from, and takes removed files out. The
// article being read stays open.
func (m Model) handleChange(msg changeMsg) (tea.Model, tea.Cmd) {
	next := waitChange(msg.ch)
	if m.lib == nil {
		return m, next
	}
	c := msg.change
	if m.opts.Summaries {
		c.Articles = model.Progress{Articles: c.Articles}.Summaries().Articles
	}
	// A new library, not a change in place: the index may still be
	// reading the old one in a command.
	lib := *m.lib
	lib.Articles = slices.Clone(lib.Articles)
	at := make(map[string]int, len(lib.Articles))
	for i, a := range lib.Articles {
		at[a.Path] = i
	}
	added := 0
	for _, a := range c.Articles {
		if i, ok := at[a.Path]; ok {
			delete(m.byID, lib.Articles[i].ID)
			lib.Articles[i] = a
		} else {
			at[a.Path] = len(lib.Articles)
			lib.Articles = append(lib.Articles, a)
			added++
		}
		m.byID[a.ID] = a
	}
	if len(c.Removed) > 0 {
		gone := make(map[string]bool, len(c.Removed))
		for _, p := range c.Removed {
			gone[p] = true
		}
		lib.Articles = slices.DeleteFunc(lib.Articles, func(a *model.Article) bool {
			if gone[a.Path] {
				delete(m.byID, a.ID)
				return true
			}
			return false
		})
	}
	m.lib = &lib
	m.search.byID = m.byID
	list, cmd := m.list.SetLibrary(m.lib)
	m.list = list
	m.list.SetSize(m.width, m.height)
	cmds := []tea.Cmd{cmd, next}
	if added > 0 {
		cmds = append(cmds, m.list.list.NewStatusMessage(plural(added, "new article")+" in the library."))
	}
	if m.opts.Index != nil && m.opts.IndexOnLoad {
		cmds = append(cmds, m.syncIndex(m.lib))
	}
	return m, tea.Batch(cmds...)
}
