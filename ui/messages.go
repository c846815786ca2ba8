package ui

import "bao/model"

// The messages that the screens send to the root model, and that slow work
// sends back when it is done.

// OpenArticleMsg asks the root to open an article in the reader, at a
// section (or where the reader stopped, when Section is -1), highlighting
// Query when it is set.
type OpenArticleMsg struct {
	Article *model.Article
	Section int
	Query   string
}

// BackMsg asks the root to go back to the list.
type BackMsg struct{}

// ShowErrorsMsg asks the root to show the library's load errors.
type ShowErrorsMsg struct{}

// LibraryLoadedMsg carries a loaded library.
type LibraryLoadedMsg struct{ Library *model.Library }

// renderedMsg carries a rendered document for an article at a width and
// style; the reader drops it when it no longer matches what is shown.
type renderedMsg struct {
	article *model.Article
	width   int
	style   string
	doc     *Document
}

// ShowSearchMsg asks the root to show the library search.
type ShowSearchMsg struct{}

// StepArticleMsg asks for the article Delta places from the one being read
// in the list as it is shown (J and K in the reader).
type StepArticleMsg struct{ Delta int }
