package articles

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONNewKinds checks the JSON of the new block kinds and that span
// offsets are bytes of the UTF-8 text.
func TestJSONNewKinds(t *testing.T) {
	src := "# Tiêu đề\n\nĐoạn có **đậm** và [liên kết](https://example.com \"Tên\").\n\n" +
		"1. [x] việc\n\n   > ```go\n   > \tx := 1\n   > ```\n\n| A | B |\n|:--|--:|\n| ô | `c` |\n\n---\n\n![Ảnh](https://example.com/a.jpg)\n"
	a, err := Parse("x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, a); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Blocks []map[string]any `json:"blocks"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]map[string]any{}
	for _, b := range got.Blocks {
		kinds[b["kind"].(string)] = b
	}
	para := kinds["paragraph"]
	text := para["text"].(string)
	for _, s := range para["spans"].([]any) {
		sp := s.(map[string]any)
		start, end := int(sp["start"].(float64)), int(sp["end"].(float64))
		want := map[string]string{"strong": "đậm", "link": "liên kết"}[sp["kind"].(string)]
		if text[start:end] != want {
			t.Errorf("%s span [%d:%d] of %q is %q, want %q", sp["kind"], start, end, text, text[start:end], want)
		}
		if sp["kind"] == "link" && (sp["url"] != "https://example.com" || sp["title"] != "Tên") {
			t.Errorf("link span %v", sp)
		}
	}
	item := kinds["list_item"]
	if item["number"] != 1.0 || item["task"] != "checked" || item["depth"] != 1.0 {
		t.Errorf("list item %v", item)
	}
	code := kinds["code"]
	if code["lang"] != "go" || code["quote"] != 1.0 || code["quote_from"] != 1.0 || code["depth"] != 1.0 {
		t.Errorf("code %v", code)
	}
	if lines := code["lines"].([]any); len(lines) != 1 || lines[0] != "\tx := 1" {
		t.Errorf("code lines %q", lines)
	}
	table := kinds["table"]
	if al := table["align"].([]any); al[0] != "left" || al[1] != "right" {
		t.Errorf("align %v", al)
	}
	if rows := table["rows"].([]any); rows[0].([]any)[1].(map[string]any)["spans"] == nil {
		t.Errorf("table cell lost its code span: %v", rows)
	}
	if kinds["rule"] == nil || kinds["figure"]["url"] != "https://example.com/a.jpg" || kinds["figure"]["alt"] != "Ảnh" {
		t.Errorf("rule %v figure %v", kinds["rule"], kinds["figure"])
	}
}
