package articles

import (
	"testing"

	"bao/model"
)

func TestSample(t *testing.T) {
	lib := Sample()
	if len(lib.Errors) > 0 || len(lib.Articles) < 6 {
		t.Fatalf("sample: %d articles, errors %v", len(lib.Articles), lib.Errors)
	}
	var vi, en, md, noHeadings, long, captions, datelines int
	for _, a := range lib.Articles {
		switch a.Language {
		case "vi":
			vi++
		case "en":
			en++
		}
		if a.Format == model.Markdown {
			md++
		}
		switch n := len(a.Sections); {
		case n == 0:
			noHeadings++
		case n >= 20:
			long++
		}
		if a.Dateline != "" {
			datelines++
		}
		for _, b := range a.Blocks {
			if b.Kind == model.Caption {
				captions++
				break
			}
		}
	}
	if vi == 0 || en == 0 || md == 0 || noHeadings == 0 || long == 0 || captions < 2 || datelines < 2 {
		t.Errorf("sample lacks variety: vi %d en %d markdown %d no-headings %d long %d with-captions %d datelines %d",
			vi, en, md, noHeadings, long, captions, datelines)
	}
}
