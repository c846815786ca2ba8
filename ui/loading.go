package ui

import (
	"slices"

	"bao/model"

	tea "charm.land/bubbletea/v2"
)

// progressMsg carries a batch of a library that is still loading; ok is
// false once everything has arrived.
type progressMsg struct {
	p  model.Progress
	ok bool
	ch <-chan model.Progress
}

// waitProgress waits for the next batch.
func waitProgress(ch <-chan model.Progress) tea.Cmd {
	return func() tea.Msg {
		p, ok := <-ch
		return progressMsg{p, ok, ch}
	}
}

// streamState is the part of the root that follows a library as it loads:
// the articles so far, kept in the order their paths were found.
type streamState struct {
	order []int
}

// merge adds a batch to lib, keeping lib.Articles in path order.
func (s *streamState) merge(lib *model.Library, p model.Progress) {
	arts, order := p.Articles, p.Order
	lib.Errors = append(lib.Errors, p.Errors...)
	if len(arts) == 0 {
		return
	}
	idx := make([]int, len(arts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return order[a] - order[b] })
	merged := make([]*model.Article, 0, len(lib.Articles)+len(arts))
	mergedOrder := make([]int, 0, cap(merged))
	i, j := 0, 0
	for i < len(lib.Articles) || j < len(idx) {
		if j == len(idx) || i < len(lib.Articles) && s.order[i] < order[idx[j]] {
			merged, mergedOrder = append(merged, lib.Articles[i]), append(mergedOrder, s.order[i])
			i++
			continue
		}
		merged, mergedOrder = append(merged, arts[idx[j]]), append(mergedOrder, order[idx[j]])
		j++
	}
	lib.Articles, s.order = merged, mergedOrder
}

func (m Model) handleProgress(msg progressMsg) (tea.Model, tea.Cmd) {
	if m.lib == nil {
		m.lib = &model.Library{}
		m.byID = map[string]*model.Article{}
		m.search.byID = m.byID
	}
	if !msg.ok {
		m.list.SetProgress("")
		lib := m.lib
		m.lib = nil // handleLibrary starts from the complete library
		return m.handleLibrary(lib)
	}
	if m.opts.Summaries {
		msg.p = msg.p.Summaries()
	}
	m.stream.merge(m.lib, msg.p)
	arts := msg.p.Articles
	for _, a := range arts {
		m.byID[a.ID] = a
	}
	progress := "loading " + itoa(msg.p.Done)
	if msg.p.Walking {
		progress += " of " + itoa(msg.p.Found) + "+ found so far…"
	} else {
		progress += " of " + itoa(msg.p.Found) + "…"
	}
	m.list.SetProgress(progress)
	var cmd tea.Cmd
	m.list, cmd = m.list.SetLibrary(m.lib)
	m.list.SetSize(m.width, m.height)
	return m, tea.Batch(cmd, waitProgress(msg.ch))
}
