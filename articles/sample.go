package articles

import (
	"embed"
	"io/fs"
	"path"

	"bao/model"
)

//go:embed sample
var sampleFS embed.FS

// Sample returns the built-in sample library: articles written for bao in
// the scraped plain-text layouts and in Markdown, in Vietnamese and English.
func Sample() *model.Library {
	lib := &model.Library{}
	entries, _ := fs.ReadDir(sampleFS, "sample")
	for _, e := range entries {
		name := path.Join("sample", e.Name())
		data, err := sampleFS.ReadFile(name)
		if err == nil {
			var a *model.Article
			if a, err = Parse(name, data); err == nil {
				lib.Articles = append(lib.Articles, a)
				continue
			}
		}
		lib.Errors = append(lib.Errors, model.LoadError{Path: name, Err: err})
	}
	return lib
}
