package articles

import (
	"os"
	"slices"
	"strings"
	"testing"

	"bao/model"

	"golang.org/x/text/unicode/norm"
)

const seedPath = corpusDir + "/seed/000_4184514eaf17b170.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article not found (%v): the shared corpus is not beside this checkout", err)
	}
	return data
}

// checkSeed asserts the structure the product was specified from.
func checkSeed(t *testing.T, a *model.Article) {
	t.Helper()
	if !strings.HasPrefix(a.Title, "Phó Bí thư Thường trực Ngô Thị Thanh Hằng: Ba Đình") || strings.Contains(a.Title, "\n") {
		t.Errorf("title = %q", a.Title)
	}
	if !slices.Equal(a.Byline, []string{"Vân Nhi"}) {
		t.Errorf("byline = %q, want [Vân Nhi]", a.Byline)
	}
	if a.Source != "Kinhtedothi" {
		t.Errorf("source = %q, want Kinhtedothi", a.Source)
	}
	if !strings.HasPrefix(a.Lead, "Ngày 5/4, Quận ủy") {
		t.Errorf("lead = %.40q", a.Lead)
	}
	want := []string{"Đã hoàn thành tốt nhiều nhiệm vụ", "Tập trung giải quyết 4 vấn đề", "Thực hiện 6 nhiệm vụ trọng tâm"}
	var titles []string
	for _, s := range a.Sections {
		titles = append(titles, s.Title)
	}
	if !slices.Equal(titles, want) {
		t.Errorf("sections = %q, want %q", titles, want)
	}
	captions := map[string]int{}
	paragraphs := 0
	for i, b := range a.Blocks {
		switch b.Kind {
		case model.Caption:
			captions[b.Text] = a.SectionAt(i)
		case model.Paragraph:
			paragraphs++
		}
		for _, junk := range []string{"Chia sẻ", "Tin đọc nhiều", "Kinh tế đô thị cuối tuần"} {
			if b.Text == junk {
				t.Errorf("block %d is boilerplate %q", i, junk)
			}
		}
	}
	wantCaptions := map[string]int{
		"Phó Bí thư Thường trực Thành ủy Hà Nội Ngô Thị Thanh Hằng phát biểu tại Hội nghị.": 0,
		"Toàn cảnh Hội nghị.": 1,
	}
	if len(captions) != len(wantCaptions) {
		t.Errorf("captions = %v", captions)
	}
	for c, sec := range wantCaptions {
		if got, ok := captions[c]; !ok || got != sec {
			t.Errorf("caption %q in section %d (found %v), want section %d", c, got, ok, sec)
		}
	}
	if paragraphs != 10 {
		t.Errorf("%d paragraphs, want 10", paragraphs)
	}
	for _, d := range []string{"Chia sẻ", "Tin đọc nhiều", "Kinh tế đô thị cuối tuần"} {
		if !slices.Contains(a.Dropped, d) {
			t.Errorf("dropped = %q, want it to hold %q", a.Dropped, d)
		}
	}
}

func TestSeed(t *testing.T) {
	a, err := Parse("seed.txt", readSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, a)
}

// TestSeedNFDCRLFBOM parses the seed saved as NFD with CRLF line ends and a
// byte-order mark: the result must be the same.
func TestSeedNFDCRLFBOM(t *testing.T) {
	data := readSeed(t)
	nfd := norm.NFD.Bytes(data)
	crlf := strings.ReplaceAll(string(nfd), "\n", "\r\n")
	a, err := Parse("seed.txt", []byte("\uFEFF"+crlf))
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, a)
	b, _ := Parse("seed.txt", data)
	if a.ID != b.ID {
		t.Errorf("ID differs between encodings: %s vs %s", a.ID, b.ID)
	}
}

func TestLeadPrefixes(t *testing.T) {
	tests := []struct {
		lead, lang          string
		rest, source, place string
	}{
		{"Kinhtedothi - Ngày 5/4, Quận ủy", "vi", "Ngày 5/4, Quận ủy", "Kinhtedothi", ""},
		{"(Dân trí) - Sáng nay, mưa lớn", "vi", "Sáng nay, mưa lớn", "Dân trí", ""},
		{"TTO - UBND TP HCM vừa", "vi", "UBND TP HCM vừa", "TTO", ""},
		{"VTV.vn - Chiều 3/4", "vi", "Chiều 3/4", "VTV.vn", ""},
		{"Hà Nội - Sáng 5/4, trời mưa", "vi", "Sáng 5/4, trời mưa", "", "Hà Nội"},
		{"LONDON, March 3 - Shares fell", "en", "Shares fell", "", "LONDON, March 3"},
		{"WASHINGTON (Reuters) - The US", "en", "The US", "Reuters", "WASHINGTON"},
		{"David Blunkett - who has resigned - built", "en", "David Blunkett - who has resigned - built", "", ""},
		{"Theo báo cáo - số liệu cho thấy", "vi", "Theo báo cáo - số liệu cho thấy", "", ""},
		// A state or country spelt out in capitals after the city.
		{"SALEM, OREGON (The Harbour Report) – The ferry captain retired", "en", "The ferry captain retired", "The Harbour Report", "SALEM, OREGON"},
		{"ALBANY, NEW YORK — The ferry captain retired", "en", "The ferry captain retired", "", "ALBANY, NEW YORK"},
		// A city in title case and its state's postal code.
		{"Port Townsend, WA — The ferry captain retired", "en", "The ferry captain retired", "", "Port Townsend, WA"},
		{"Salem, OR – “I will miss it,” the captain said", "en", "“I will miss it,” the captain said", "", "Salem, OR"},
		{"Harbour Town, XY — The ferry captain retired", "en", "Harbour Town, XY — The ferry captain retired", "", ""},
		{"Port Townsend, WA — the ferry captain retired", "en", "Port Townsend, WA — the ferry captain retired", "", ""},
		{"Port Townsend, WA — The ferry captain retired", "vi", "Port Townsend, WA — The ferry captain retired", "", ""},
		// A place set off by a bar, before a story's sentence only.
		{"Salem, OR | A ferry captain in the harbour town retired on Monday after forty years at the wheel.", "en",
			"A ferry captain in the harbour town retired on Monday after forty years at the wheel.", "", "Salem, OR"},
		{"Port Townsend | The harbour's last wooden ferry made its final crossing on Sunday, watched by a crowd.", "en",
			"The harbour's last wooden ferry made its final crossing on Sunday, watched by a crowd.", "", "Port Townsend"},
		{"Jo Lind | Getty Images The harbour's last wooden ferry, pictured on its final crossing on Sunday evening.", "en",
			"Jo Lind | Getty Images The harbour's last wooden ferry, pictured on its final crossing on Sunday evening.", "", ""},
		{"Expand | Collapse (Photo: Jo Lind) The harbour's last wooden ferry on its final crossing on Sunday evening.", "en",
			"Expand | Collapse (Photo: Jo Lind) The harbour's last wooden ferry on its final crossing on Sunday evening.", "", ""},
		{"Analysis | What the last wooden ferry meant to the harbour and to the town that grew up around it", "en",
			"Analysis | What the last wooden ferry meant to the harbour and to the town that grew up around it", "", ""},
		{"By Jo Lind | The harbour's last wooden ferry made its final crossing on Sunday, watched by a crowd.", "en",
			"By Jo Lind | The harbour's last wooden ferry made its final crossing on Sunday, watched by a crowd.", "", ""},
		{"Huế | Chiếc phà gỗ cuối cùng của bến sông đã thực hiện chuyến đi cuối cùng vào chiều chủ nhật vừa qua.", "vi",
			"Huế | Chiếc phà gỗ cuối cùng của bến sông đã thực hiện chuyến đi cuối cùng vào chiều chủ nhật vừa qua.", "", ""},
	}
	for _, tt := range tests {
		rest, source, place := splitLeadPrefix(tt.lead, tt.lang)
		if rest != tt.rest || source != tt.source || place != tt.place {
			t.Errorf("splitLeadPrefix(%q) = %q, %q, %q; want %q, %q, %q", tt.lead, rest, source, place, tt.rest, tt.source, tt.place)
		}
	}
}

func TestGluedDateline(t *testing.T) {
	tests := []struct{ lead, body, place, rest string }{
		{"TP HCMThí sinh dự thi", "", "TP HCM", "Thí sinh dự thi"},
		{"Trung QuốcNhiều người dân", "", "Trung Quốc", "Nhiều người dân"},
		{"Thanh HóaRa bờ sông", "", "Thanh Hóa", "Ra bờ sông"},
		{"UAEĐại lý ở Dubai", "", "UAE", "Đại lý ở Dubai"},
		{"TikTok đã cấm tài khoản", "TikTok cho biết", "", "TikTok đã cấm tài khoản"},
		{"CityDAO, tổ chức mua đất", "", "", "CityDAO, tổ chức mua đất"},
		{"Sau sáu tháng trở về", "", "", "Sau sáu tháng trở về"},
	}
	for _, tt := range tests {
		place, rest := splitGluedDateline(tt.lead, func(tok string) bool { return strings.Contains(tt.body, tok) })
		if place != tt.place || rest != tt.rest {
			t.Errorf("splitGluedDateline(%q) = %q, %q; want %q, %q", tt.lead, place, rest, tt.place, tt.rest)
		}
	}
}

func TestBylines(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Huy Đức (theo Digital Trends)", []string{"Huy Đức (theo Digital Trends)"}},
		{"Thanh Hằng - Dương Tâm", []string{"Thanh Hằng", "Dương Tâm"}},
		{"By Jane Doe and John Smith", []string{"Jane Doe", "John Smith"}},
		{"Theo Sức khỏe & Đời sống", []string{"Theo Sức khỏe & Đời sống"}},
		{"Lưu Quý", []string{"Lưu Quý"}},
	}
	for _, tt := range tests {
		if !isBylineText(tt.line) {
			t.Errorf("isBylineText(%q) = false", tt.line)
			continue
		}
		if got := splitByline(tt.line); !slices.Equal(got, tt.want) {
			t.Errorf("splitByline(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
	for _, line := range []string{"Theo báo cáo, số liệu tăng.", "Hôm nay trời mưa to.", "Tổng vốn dự kiến hơn 40.000 tỷ đồng", "\"Tôi đã nói\""} {
		if isBylineText(line) {
			t.Errorf("isBylineText(%q) = true", line)
		}
	}
}

// TestCorpusLoads parses every corpus file: no crash, every non-empty file
// gets a title, empty files are load errors.
func TestCorpusLoads(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s", corpusDir)
	}
	lib := Load([]string{corpusDir}, Options{})
	if len(lib.Articles) < 1000 {
		t.Errorf("loaded %d articles, want over 1000", len(lib.Articles))
	}
	for _, a := range lib.Articles {
		if a.Title == "" {
			t.Errorf("%s: no title", a.Path)
		}
	}
	for _, e := range lib.Errors {
		info, err := os.Stat(e.Path)
		if err != nil || info.Size() > 0 {
			t.Errorf("unexpected load error %v", e)
		}
	}
	if len(lib.Errors) == 0 {
		t.Error("the corpus's empty files were not reported")
	}
}
