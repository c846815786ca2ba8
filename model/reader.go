package model

// Marks are a reader's read marks and bookmarks, by article ID.
type Marks struct {
	Read, Bookmarked map[string]bool
}

// Hit is one search result: an article and the section that matched best
// (-1 for the title, lead and text before the first heading).
type Hit struct {
	ID      string
	Section int
}
