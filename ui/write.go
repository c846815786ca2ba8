package ui

import (
	"io"
	"strings"

	"bao/model"

	"github.com/charmbracelet/colorprofile"
)

// WriteStyled writes a rendered at width in st, as the reader shows it,
// for a pipe such as less -R. Colours are reduced to what profile can
// show.
func WriteStyled(w io.Writer, a *model.Article, width int, st *Styles, profile colorprofile.Profile) error {
	doc := Render(a, width, st, 0)
	out := &colorprofile.Writer{Forward: w, Profile: profile}
	_, err := io.WriteString(out, strings.Join(doc.Lines, "\n")+"\n")
	return err
}
