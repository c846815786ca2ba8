package articles

import (
	"fmt"
	"slices"
	"testing"

	"bao/model"
)

const mdArticle = `---
title: "Ba Đình: phố đi bộ mở cửa"
author: [Lan Anh, Minh Khôi]
date: 2026-04-05
source: Báo Thủ đô
---
Hà Nội - Phố đi bộ quanh hồ Trúc Bạch mở cửa từ tối thứ sáu.

## Lộ trình

Phố dài **1,2 km**, đi qua [đền Quán Thánh](https://example.org).

![Phố đi bộ nhìn từ trên cao](pho.jpg "Ảnh: Lan Anh")

- Mở cửa từ 19h
- Đóng cửa lúc 24h

> Chúng tôi mong người dân giữ gìn vệ sinh chung.

### Giao thông

Xe máy gửi ở bãi Nguyễn Khắc Hiếu.
`

func TestMarkdown(t *testing.T) {
	a, err := Parse("pho.md", []byte(mdArticle))
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != model.Markdown || a.Title != "Ba Đình: phố đi bộ mở cửa" {
		t.Errorf("format %q title %q", a.Format, a.Title)
	}
	if !slices.Equal(a.Byline, []string{"Lan Anh", "Minh Khôi"}) || a.Source != "Báo Thủ đô" || a.Date.Format("2006-01-02") != "2026-04-05" {
		t.Errorf("byline %q source %q date %v", a.Byline, a.Source, a.Date)
	}
	if a.Dateline != "Hà Nội" || a.Lead != "Phố đi bộ quanh hồ Trúc Bạch mở cửa từ tối thứ sáu." {
		t.Errorf("dateline %q lead %q", a.Dateline, a.Lead)
	}
	want := []string{
		"heading 2 Lộ trình",
		"paragraph 0 Phố dài 1,2 km, đi qua đền Quán Thánh.",
		"figure 0 Phố đi bộ nhìn từ trên cao Ảnh: Lan Anh",
		"list_item 0 Mở cửa từ 19h",
		"list_item 0 Đóng cửa lúc 24h",
		"quote 0 Chúng tôi mong người dân giữ gìn vệ sinh chung.",
		"heading 3 Giao thông",
		"paragraph 0 Xe máy gửi ở bãi Nguyễn Khắc Hiếu.",
	}
	if got := kindsAndText(a.Blocks); !slices.Equal(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}
	if len(a.Sections) != 2 || a.Sections[1].Title != "Giao thông" || a.Sections[1].Block != 6 {
		t.Errorf("sections %+v", a.Sections)
	}
}

func TestMarkdownTitleFromHeading(t *testing.T) {
	a, err := Parse("x.md", []byte("# Hello \x1b[31mworld\n\nFirst paragraph.\n\n## Part\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Hello world" || a.Lead != "First paragraph." || len(a.Sections) != 1 {
		t.Errorf("title %q lead %q sections %+v", a.Title, a.Lead, a.Sections)
	}
}

// kindsAndText lists each block as its kind, level and text.
func kindsAndText(blocks []model.Block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = fmt.Sprintf("%s %d %s", b.Kind, b.Level, b.Text)
	}
	return out
}

// A combining mark just after an emphasis composes with the letter inside
// it; the span must then cover the composed letter, not cut it.
func TestSpanAcrossComposition(t *testing.T) {
	a := ParseMarkdown("# T\n\nA Y*\u0300x* b\n")
	if len(a.Blocks) != 1 {
		t.Fatalf("blocks %+v", a.Blocks)
	}
	b := a.Blocks[0]
	if b.Text != "A Ỳx b" {
		t.Fatalf("text %q", b.Text)
	}
	if len(b.Spans) != 1 || b.Text[b.Spans[0].Start:b.Spans[0].End] != "Ỳx" {
		t.Fatalf("spans %+v of %q", b.Spans, b.Text)
	}
}

// A definition list's terms are strong paragraphs and its descriptions
// follow them; a term with no text (an empty link) gives no block.
func TestMarkdownDefinitionList(t *testing.T) {
	a := ParseMarkdown("# Ferry words\n\nPier\n: Where the ferry ties up.\n\n[](https://example.com/x)\n: A term that is only an empty link.\n")
	got := kindsAndText(a.Blocks)
	want := []string{"paragraph 0 Pier", "paragraph 0 Where the ferry ties up.", "paragraph 0 A term that is only an empty link."}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
	for _, b := range a.Blocks {
		if b.Text == "" {
			t.Errorf("empty %s block", b.Kind)
		}
	}
}
