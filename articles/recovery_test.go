package articles

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"bao/model"
)

// The fixtures below are written for these tests: each shows one way
// scraped text from an unseen site used to be misread.

func TestMetadataHeaderHash(t *testing.T) {
	text := `# newdoc id = vn-2031
# url = https://tin.example.vn/kinh-te/gia-lua-tang-2031.html
# date = 2023-03-14
# source = Tin Nhanh
Giá lúa tăng mạnh sau vụ đông xuân

Cần Thơ - Giá lúa tại đồng bằng sông Cửu Long tăng thêm 300 đồng mỗi ký trong tuần qua, mức cao nhất từ đầu năm.

Thương lái cho biết nhu cầu xuất khẩu sang Philippines tăng mạnh.
`
	a := parseText(t, text)
	if a.Title != "Giá lúa tăng mạnh sau vụ đông xuân" {
		t.Errorf("title %q", a.Title)
	}
	if a.URL != "https://tin.example.vn/kinh-te/gia-lua-tang-2031.html" || a.Date.Format("2006-01-02") != "2023-03-14" || a.Source != "Tin Nhanh" {
		t.Errorf("url %q, date %v, source %q", a.URL, a.Date, a.Source)
	}
	if a.TitleGuessed {
		t.Error("the title is marked as a guess")
	}
	if !strings.HasPrefix(a.Lead, "Giá lúa tại đồng bằng") || a.Dateline != "Cần Thơ" {
		t.Errorf("lead %q, dateline %q", a.Lead, a.Dateline)
	}
	if len(a.Dropped) != 4 || !slices.Contains(a.Dropped, "# newdoc id = vn-2031") {
		t.Errorf("the header lines are not all kept in dropped: %q", a.Dropped)
	}
	for _, b := range a.Blocks {
		if strings.Contains(b.Text, "# ") || strings.Contains(b.Text, "https://") {
			t.Errorf("a header line is in the body: %q", b.Text)
		}
	}
}

func TestMetadataHeaderColon(t *testing.T) {
	text := `Article Title: Council approves new cycle lanes for the harbour road
URL: https://news.example.com/local/cycle-lanes
Date: 2022-09-30
Author: Priya Raman

Council approves new cycle lanes for the harbour road

Advertisement

The city council voted on Thursday to build protected cycle lanes along the harbour road, after two years of consultation.

Work is due to start in the spring.
`
	a := parseText(t, text)
	if a.Title != "Council approves new cycle lanes for the harbour road" {
		t.Errorf("title %q", a.Title)
	}
	if a.URL != "https://news.example.com/local/cycle-lanes" || a.Date.Format("2006-01-02") != "2022-09-30" {
		t.Errorf("url %q, date %v", a.URL, a.Date)
	}
	wantByline(t, a, "Priya Raman")
	if !strings.HasPrefix(a.Lead, "The city council voted") {
		t.Errorf("lead %q: the repeated title was not taken", a.Lead)
	}
	for _, b := range a.Blocks {
		if b.Text == a.Title {
			t.Errorf("the title is also a %v block", b.Kind)
		}
	}
	// The title said again is a removed line, shown with the header's,
	// above the lead, in the order the lines stood.
	if len(a.Dropped) != 6 || a.Dropped[4] != a.Title || a.Dropped[5] != "Advertisement" || !slices.Equal(a.DroppedAt, []int{-1, -1, -1, -1, -1, -1}) {
		t.Errorf("dropped %q at %v", a.Dropped, a.DroppedAt)
	}

	// One "Key: value" line that is not a title is the article's title.
	b := parseText(t, "Warning: storms ahead for the coast\n\nForecasters expect heavy rain from Friday.\n")
	if b.Title != "Warning: storms ahead for the coast" || len(b.Dropped) != 0 {
		t.Errorf("a title with a colon was taken for a header: %q, dropped %q", b.Title, b.Dropped)
	}
}

func TestHardWrappedText(t *testing.T) {
	text := `Harbour ferry returns after a winter of repairs

The harbour ferry carried its first passengers in four months on Monday
morning, after repairs to its engines took twice as long as the operator
had promised when the service stopped in November.

About two hundred people made the crossing before nine o'clock, many of
them commuters who had spent the winter driving around the bay — a
journey of forty minutes against the ferry's twelve.

Engineers found corrosion in both propeller shafts, the operator said,
and replacement parts had to be made to order. "We are sorry it took so
long," a spokeswoman said. "The boat is in better shape than it has been
for a decade, and the timetable is back to a sailing every half-hour."

The council, which subsidises the route, said it would review the well-
known problems with the ageing fleet before the next budget.
`
	a := parseText(t, text)
	if a.Title != "Harbour ferry returns after a winter of repairs" {
		t.Errorf("title %q", a.Title)
	}
	want := []string{
		"About two hundred people made the crossing before nine o'clock, many of them commuters who had spent the winter driving around the bay — a journey of forty minutes against the ferry's twelve.",
		"Engineers found corrosion in both propeller shafts, the operator said, and replacement parts had to be made to order. \"We are sorry it took so long,\" a spokeswoman said. \"The boat is in better shape than it has been for a decade, and the timetable is back to a sailing every half-hour.\"",
		"The council, which subsidises the route, said it would review the well-known problems with the ageing fleet before the next budget.",
	}
	if !strings.HasPrefix(a.Lead, "The harbour ferry carried its first passengers in four months on Monday morning, after") {
		t.Errorf("lead %q", a.Lead)
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, b.Text)
		if b.Kind != 0 {
			t.Errorf("%v block %q: wrapped lines are paragraphs", b.Kind, b.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n%q\nwant\n%q", got, want)
	}
}

// Text with short lines that is not wrapped (a list of results) stays as
// it is.
func TestShortLinesNotJoined(t *testing.T) {
	text := "Results of the regional chess league\n\n" + strings.Repeat("Harbour Club beat Northside 4-2 in the fourth round match.\n", 5) +
		"Eastgate and Hillview drew 3-3 after a long final game.\n" + "Riverside lost to Old Town 1-5 despite a good start.\n" + "Westfield beat Lakeside 4-2 to go top of the table.\n"
	if got := rejoinWrapped(text); got != text {
		t.Errorf("lines that end sentences were joined:\n%s", got)
	}
}

func TestGuessedTitle(t *testing.T) {
	text := "The river rose by more than a metre overnight, and by morning the water had reached the doors of the market hall, where traders had worked until midnight to move their stock to higher shelves.\n\nThe town council opened the school as a shelter.\n"
	a := parseText(t, text)
	if !a.TitleGuessed {
		t.Errorf("a first line of 37 words is taken as a real title: %q", a.Title)
	}
	b := parseText(t, "River rises a metre overnight\n\nThe water reached the market hall.\n")
	if b.TitleGuessed {
		t.Errorf("a real title is marked as a guess")
	}
	// The section a page was filed under, where its title would be.
	c := parseText(t, "Weather\n\nThe river rose by more than a metre overnight.\n\nThe town council opened the school as a shelter.\n")
	if c.Title != "Weather" || !c.TitleGuessed {
		t.Errorf("title %q (guessed %v), want the one word, said to be a guess", c.Title, c.TitleGuessed)
	}
	// A long headline that ends with a name's initial, which is no
	// sentence's stop.
	e := parseText(t, "Vụ trộm ở khu chợ đêm : chủ sạp cho biết đã nhìn thấy người đàn ông lạ trước khi mất hàng và báo cho Trần_Văn_K.\n\n"+
		"Công an phường đang xác minh lời khai của các tiểu thương trong chợ.\n\nCamera của chợ đã được trích xuất.\n")
	if e.TitleGuessed {
		t.Errorf("a headline ending in an initial is marked as a guess: %q", e.Title)
	}
	// A line of Japanese has no spaces, and is a headline.
	d := parseText(t, "川の水位が一晩で一メートル以上上昇し市場の前まで水が来た\n\n町議会は学校を避難所として開放した。\n")
	if d.TitleGuessed {
		t.Errorf("a Japanese headline is marked as a guess")
	}
}

// parseText parses a plain-text fixture as a file would be.
func parseText(t *testing.T, text string) *model.Article {
	t.Helper()
	a, err := Parse("fixture.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Province names with a dash of their own stay whole as datelines, glued
// to the lead or not.
func TestHyphenatedProvinceDateline(t *testing.T) {
	for _, tc := range []struct{ lead, dateline, rest string }{
		{"Thừa Thiên - HuếSáng nay, lễ hội mở cửa đón khách.", "Thừa Thiên - Huế", "Sáng nay, lễ hội"},
		{"Bà Rịa - Vũng TàuMỗi sáng, ngư dân ra biển.", "Bà Rịa - Vũng Tàu", "Mỗi sáng, ngư dân"},
		{"Bà Rịa - Vũng Tàu - Mỗi sáng, ngư dân ra biển.", "Bà Rịa - Vũng Tàu", "Mỗi sáng, ngư dân"},
		{"Hà Nội - Sáng nay, trời rét đậm.", "Hà Nội", "Sáng nay, trời"},
	} {
		a := parseText(t, "Tin trong ngày\n\n"+tc.lead+"\n\nĐoạn tiếp theo của bài.\n")
		if a.Dateline != tc.dateline || !strings.HasPrefix(a.Lead, tc.rest) {
			t.Errorf("%q: dateline %q, lead %q", tc.lead, a.Dateline, a.Lead)
		}
	}
}

// A caption found inside a paragraph never ends inside a word, however
// many bytes its Vietnamese letters take.
func TestInlineCaptionKeepsWordsWhole(t *testing.T) {
	body := "Triển lãm mở cửa tại phố Tràng Tiền. (Ảnh: Đoàn nghệ nhân biểu diễn múa rối nước trên hồ trước nhà hát lớn thành phố tháng 5/2019. Tác giả: Minh Đức). Với hơn một trăm tác phẩm, triển lãm kéo dài đến cuối tháng."
	a := parseText(t, "Triển lãm ảnh\n\nHà Nội - Sáng nay, triển lãm ảnh báo chí khai mạc.\n\n"+body+"\n")
	var all []string
	for _, b := range a.Blocks {
		all = append(all, b.Text)
	}
	all = append([]string{a.Lead}, all...)
	joined := strings.Join(all, " ")
	for _, word := range []string{"tháng 5/2019", "Minh Đức", "nhà hát lớn thành phố"} {
		if !strings.Contains(joined, word) {
			t.Errorf("%q was cut between blocks: %q", word, all)
		}
	}
}

// Abbreviations' full stops do not end a sentence, so what follows them is
// not a credit; and a capital inside an English word is a name, not a
// glued dateline.
func TestAbbreviationsAndNames(t *testing.T) {
	a := parseText(t, "Storm warning issued\n\nForecasters warned of strong winds along the coast on Tuesday.\n\nThe briefing will be broadcast live at 8 p.m. ET.\n")
	if len(a.Byline) != 0 || !strings.HasSuffix(a.Blocks[len(a.Blocks)-1].Text, "8 p.m. ET.") {
		t.Errorf("byline %q, last block %q", a.Byline, a.Blocks[len(a.Blocks)-1].Text)
	}
	b := parseText(t, "New film cast\n\nThe studio announced the cast of its new film on Monday.\n\nThe film stars J.K. Simmons and Ciarán Hinds.\n")
	if len(b.Byline) != 0 || b.Blocks[len(b.Blocks)-1].Text != "The film stars J.K. Simmons and Ciarán Hinds." {
		t.Errorf("byline %q, blocks %v", b.Byline, b.Blocks)
	}
	c := parseText(t, "Photos leak\n\nRadarOnline published the first photographs of the set on Monday, the studio said.\n\nMore follows.\n")
	if c.Dateline != "" || !strings.HasPrefix(c.Lead, "RadarOnline published") {
		t.Errorf("dateline %q, lead %q", c.Dateline, c.Lead)
	}
	// A credit after the last sentence is still one.
	d := parseText(t, "Tin sáng\n\nHà Nội - Trời rét đậm.\n\nNgười dân được khuyên giữ ấm. Minh Anh\n")
	if len(d.Byline) != 1 || d.Byline[0] != "Minh Anh" {
		t.Errorf("byline %q", d.Byline)
	}
}

// Share buttons with their target, photo agencies' credits without their
// photos, and links to other stories are dropped wherever they are; a
// widget heading at the end still takes the links after it.
func TestFurnitureLines(t *testing.T) {
	text := `Storm warning issued for the east coast

Forecasters on Tuesday warned of strong winds along the east coast.

Click to share on WhatsApp (Opens in new window)

Emergency services said they were ready.

READ NEXT

Residents were told to stay indoors.

Getty Images

RELATED GALLERY: The worst storms of the decade

A Message from Harbour Bank

Schools will open late on Wednesday.

Related stories

Flood barriers go up in the old town

Ferry services suspended
`
	a := parseText(t, text)
	want := []string{"Click to share on WhatsApp (Opens in new window)", "READ NEXT", "Getty Images",
		"RELATED GALLERY: The worst storms of the decade", "A Message from Harbour Bank", "Related stories",
		"Flood barriers go up in the old town", "Ferry services suspended"}
	for _, w := range want {
		if !slices.Contains(a.Dropped, w) {
			t.Errorf("%q not dropped: %q", w, a.Dropped)
		}
	}
	var kept []string
	for _, b := range a.Blocks {
		kept = append(kept, b.Text)
		if b.Kind == model.Heading {
			t.Errorf("heading %q", b.Text)
		}
	}
	if !slices.Equal(kept, []string{"Emergency services said they were ready.", "Residents were told to stay indoors.", "Schools will open late on Wednesday."}) {
		t.Errorf("body %q", kept)
	}
}

// An interview's questions are not its sections.
func TestInterviewQuestionsAreNotHeadings(t *testing.T) {
	var b strings.Builder
	b.WriteString("Trò chuyện với nghệ nhân gốm Bát Tràng\n\nÔng Lê Văn Hòa đã làm gốm hơn bốn mươi năm ở làng Bát Tràng.\n\n")
	for _, q := range []string{"Ông bắt đầu làm gốm từ khi nào?", "Điều gì khó nhất?", "Ông học nghề từ ai?", "Làng nghề thay đổi ra sao?", "Khách nước ngoài có đến nhiều không?", "Ông có truyền nghề cho con cháu?"} {
		b.WriteString(q + "\n\nTôi làm từ năm mười lăm tuổi, theo cha tôi, và chưa bao giờ nghĩ sẽ làm nghề khác.\n\n")
	}
	a := parseText(t, b.String())
	for _, blk := range a.Blocks {
		if blk.Kind == model.Heading {
			t.Errorf("the question %q is a heading", blk.Text)
		}
	}
	// A few questions can still be headings.
	c := parseText(t, "Cầu mới qua sông\n\nThành phố sẽ xây thêm một cây cầu.\n\nVốn đầu tư ra sao?\n\nDự án dùng vốn ngân sách và vốn vay ưu đãi của ngân hàng.\n\nKhi nào khởi công?\n\nCầu sẽ khởi công vào quý hai năm sau, nếu được phê duyệt.\n")
	if len(c.Sections) != 2 {
		t.Errorf("sections %v, want the two questions", c.Sections)
	}

	// In English, questions put to someone are an interview's; an
	// explainer's questions about its subject head its sections.
	ask := []string{"When did you start?", "What was hardest for you?", "Who taught you?", "How has your village changed?", "Do you get many visitors?", "Will your children carry on?"}
	about := []string{"So what is in the bill?", "Does it hurt the talks?", "Could the sanctions be lifted?", "How would Congress weigh in?", "When would a vote come?", "Are there other objections?"}
	for _, tc := range []struct {
		questions []string
		headings  int
	}{{ask, 0}, {about, 6}} {
		var e strings.Builder
		e.WriteString("Title: Questions and answers\n\nThe bill has been argued over for months in the capital.\n\n")
		for _, q := range tc.questions {
			e.WriteString(q + "\n\nThe answer takes a paragraph of its own, with more than one sentence. It goes on a while.\n\n")
		}
		if h := blocksOf(parseText(t, e.String()), model.Heading); len(h) != tc.headings {
			t.Errorf("headings %q, want %d", h, tc.headings)
		}
	}
}

// A row seen three times in a table is not a photo gallery's repeated
// description: every row stays, none as a caption.
func TestRepeatedRowsStay(t *testing.T) {
	row := "Đội tuyển Việt Nam hòa 0-0 trên sân nhà"
	text := "Kết quả vòng loại\n\nĐội tuyển đã chơi ba trận trong tháng.\n\n" + row + "\n\n" + row + "\n\n" + row + "\n\nHuấn luyện viên hài lòng với hàng thủ.\n"
	a := parseText(t, text)
	n := 0
	for _, blk := range a.Blocks {
		if blk.Text == row {
			n++
			if blk.Kind == model.Caption {
				t.Errorf("the row is a caption")
			}
		}
	}
	if n != 3 || slices.Contains(a.Dropped, row) {
		t.Errorf("%d rows kept, dropped %q", n, a.Dropped)
	}
}

// Lists of links and picture labels that news pages leave in their text:
// a headline followed by "Read more", "Read more about:" and the links
// under it, "Image caption" before a caption, a row of share targets, and
// "Photograph:" and "Image copyright" credits.
func TestLinkListsAndPictureLabels(t *testing.T) {
	text := `Council backs new tram line

The city council voted on Tuesday to build a tram line from the station to the university.

Tram plans in other cities stall over costs
Read more
Work is due to start next spring and the line should open in three years.
Read more about:
Tram line - route and stops
The council - who voted how
Residents in the east of the city have campaigned for the line for a decade.
A tram on a test run in the old town.Image copyrightCITY COUNCIL
Image caption
Trams were last seen in the city in 1958
Facebook Twitter Pinterest
Opponents said the money would be better spent on buses. Photograph: Ana Reis/City Press
The council will publish a timetable in the autumn.
`
	a := parseText(t, text)
	for _, w := range []string{"Tram plans in other cities stall over costs", "Read more", "Read more about:",
		"Tram line - route and stops", "The council - who voted how", "Image caption", "Facebook Twitter Pinterest"} {
		if !slices.Contains(a.Dropped, w) {
			t.Errorf("%q not dropped: %q", w, a.Dropped)
		}
	}
	captions := blocksOf(a, model.Caption)
	for _, w := range []string{"A tram on a test run in the old town.Image copyrightCITY COUNCIL", "Trams were last seen in the city in 1958"} {
		if !slices.Contains(captions, w) {
			t.Errorf("%q is not a caption: %q", w, captions)
		}
	}
	for _, b := range a.Blocks {
		if b.Kind == model.Heading {
			t.Errorf("heading %q", b.Text)
		}
	}
	if !slices.Contains(blocksOf(a, model.Paragraph), "Residents in the east of the city have campaigned for the line for a decade.") {
		t.Errorf("the paragraph after the links was taken with them: %q", blocksOf(a, model.Paragraph))
	}
}

// In English a capitalised word before a dash is not taken for a source.
func TestEnglishSubjectIsNotASource(t *testing.T) {
	a := parseText(t, "Budget talks\n\nGermany — and a fight over the budget — dominated the summit on Friday.\n\nMore text follows.\n")
	if a.Source != "" || !strings.HasPrefix(a.Lead, "Germany —") {
		t.Errorf("source %q, lead %q", a.Source, a.Lead)
	}
	b := parseText(t, "Tin\n\nKinhtedothi - Ngày 5/4, hội nghị diễn ra.\n\nThêm nữa.\n")
	if b.Source != "Kinhtedothi" {
		t.Errorf("Vietnamese source %q", b.Source)
	}
}

// Lines that only start like furniture stay text.
func TestFurnitureLookalikesStay(t *testing.T) {
	for _, line := range []string{"Share prices fell sharply on Monday", "Print works reopen after the strike"} {
		a := parseText(t, "Markets\n\nTraders met early on Monday morning.\n\n"+line+"\n\nTraders said the fall was expected after the report.\n")
		if slices.Contains(a.Dropped, line) {
			t.Errorf("%q was dropped", line)
		}
	}
}

// Captions some sites put after the text: after the signature, or after
// a body with no blank line in it. Short closing paragraphs of a text
// written with blank lines stay paragraphs.
func TestCaptionsAfterTheText(t *testing.T) {
	signed := "Cầu mới qua sông Hậu\n\nCầu dài hơn hai cây số sẽ nối hai tỉnh.\n\nCông trình khởi công vào mùa xuân năm sau.\nVốn đầu tư lấy từ ngân sách trung ương.\nMinh Châu\n\nPhối cảnh cây cầu nhìn từ bờ bắc.\nLễ ký kết hợp đồng xây dựng sáng nay.\n"
	a := parseText(t, signed)
	if !slices.Equal(blocksOf(a, model.Caption), []string{"Phối cảnh cây cầu nhìn từ bờ bắc.", "Lễ ký kết hợp đồng xây dựng sáng nay."}) || !slices.Equal(a.Byline, []string{"Minh Châu"}) {
		t.Errorf("captions %q, byline %q", blocksOf(a, model.Caption), a.Byline)
	}
	dense := "Cầu mới qua sông Hậu\n\nCầu dài hơn hai cây số sẽ nối hai tỉnh.\n\nCông trình khởi công vào mùa xuân năm sau.\nVốn đầu tư lấy từ ngân sách trung ương.\nNhà thầu đã được chọn qua đấu thầu quốc tế.\nCầu dự kiến thông xe sau ba năm.\n\nPhối cảnh cây cầu nhìn từ bờ bắc.\n"
	b := parseText(t, dense)
	if !slices.Equal(blocksOf(b, model.Caption), []string{"Phối cảnh cây cầu nhìn từ bờ bắc."}) {
		t.Errorf("captions %q", blocksOf(b, model.Caption))
	}
	spaced := "Cầu mới qua sông Hậu\n\nCầu dài hơn hai cây số sẽ nối hai tỉnh.\n\nCông trình khởi công vào mùa xuân năm sau.\n\nVốn đầu tư lấy từ ngân sách trung ương.\n\nCầu dự kiến thông xe sau ba năm.\n"
	c := parseText(t, spaced)
	if caps := blocksOf(c, model.Caption); len(caps) != 0 {
		t.Errorf("closing paragraphs became captions: %q", caps)
	}
}

// Credits in their variety: a name glued to a credit, a credit that names
// no one, and a credit in brackets with a brand that has a capital inside.
func TestCreditsInTheirVariety(t *testing.T) {
	for _, tc := range []struct {
		last string
		want []string
	}{
		{"T.ThủyTheo PCMag/DTrends", []string{"T.Thủy", "Theo PCMag/DTrends"}},
		{"Theo Cao Lực", []string{"Theo Cao Lực"}},
		{"From the editors of Garden Monthly", []string{"From the editors of Garden Monthly"}},
		{"Bảo Lâm (theo PhoneArena)", []string{"Bảo Lâm (theo PhoneArena)"}},
	} {
		a := parseText(t, "Tin công nghệ\n\nHà Nội - Điện thoại mới ra mắt hôm nay.\n\nMáy có pin lớn và camera tốt hơn đời trước.\n\n"+tc.last+"\n")
		if !slices.Equal(a.Byline, tc.want) {
			t.Errorf("%q: byline %q, want %q", tc.last, a.Byline, tc.want)
		}
	}
}

// A video's caption is a caption, not a heading; a caption a line break
// cut in two is one caption.
func TestVideoAndSplitCaptions(t *testing.T) {
	a := parseText(t, "Mưa lớn ở miền Trung\n\nHà Nội - Mưa lớn kéo dài nhiều ngày qua.\n\nNước sông dâng cao, nhiều nhà bị ngập.\n\nXEM CLIP: Nước lũ tràn qua quốc lộ (Nguồn: VTV)\n\nChính quyền đã sơ tán hàng trăm hộ dân khỏi vùng nguy hiểm.\n")
	if caps := blocksOf(a, model.Caption); !slices.Equal(caps, []string{"XEM CLIP: Nước lũ tràn qua quốc lộ (Nguồn: VTV)"}) || len(a.Sections) != 0 {
		t.Errorf("captions %q, sections %v", caps, a.Sections)
	}
	for _, cut := range []string{" Người dân dùng thuyền để di chuyển trên\n đường phố ngập nước. Ảnh: Minh Hải\n", "Người dân dùng thuyền để di chuyển trên\n đường phố ngập nước. Ảnh: Minh Hải\n"} {
		b := parseText(t, "Mưa lớn ở miền Trung\n\nHà Nội - Mưa lớn kéo dài nhiều ngày qua.\n\nNước sông dâng cao, nhiều nhà bị ngập.\n"+cut+"Chính quyền đã sơ tán hàng trăm hộ dân khỏi vùng nguy hiểm.\n")
		if caps := blocksOf(b, model.Caption); !slices.Equal(caps, []string{"Người dân dùng thuyền để di chuyển trên đường phố ngập nước. Ảnh: Minh Hải"}) || len(b.Sections) != 0 {
			t.Errorf("%q: captions %q, sections %v", cut, caps, b.Sections)
		}
	}
	// A clip's title without a colon, under the clip; a sentence about
	// the clip, and an English line that tells the reader to clip a
	// coupon, are not one.
	c := parseText(t, "Mưa lớn ở miền Trung\n\nHà Nội - Mưa lớn kéo dài nhiều ngày qua.\n\nNước sông dâng cao, nhiều nhà bị ngập.\n\n"+
		"Clip nước lũ tràn qua quốc lộ 1A\n\nChính quyền đã sơ tán hàng trăm hộ dân khỏi vùng nguy hiểm.\n\n"+
		"Clip được người dân đăng lên mạng xã hội chiều qua.\n\nNhiều tuyến đường vẫn bị chia cắt.\n")
	if caps := blocksOf(c, model.Caption); !slices.Equal(caps, []string{"Clip nước lũ tràn qua quốc lộ 1A"}) || len(c.Sections) != 0 {
		t.Errorf("captions %q, sections %v", caps, c.Sections)
	}
	d := parseText(t, "How to save on a new kettle\n\nThe kettle is on sale this week at most shops in town, for a third off its usual price.\n\n"+
		"Clip the coupon on the product page\n\nThe coupon takes another ten dollars off at checkout, and it runs until Sunday.\n\nShipping is free.\n")
	if caps := blocksOf(d, model.Caption); len(caps) != 0 {
		t.Errorf("captions %q in an English page", caps)
	}
}

// A page-to-text dump that joined the page's elements with nothing between
// them: the header, then the whole body on one line, a photo's caption and
// credit run into the paragraphs around it.
func TestRunTogetherParagraphs(t *testing.T) {
	text := "Title: Cầu mới nối hai bờ sông Hồng sắp thông xe - Tin Sông Hồng\n" +
		"Source: Tin Sông Hồng\n" +
		"Link: https://tinsonghong.example.vn/cau-moi-2024.html\n" +
		"Author: Minh Khôi (Theo Giao thông)\n" +
		"Content: Hà NộiCây cầu thứ bảy bắc qua sông Hồng sẽ thông xe vào cuối tháng, sớm hơn dự kiến hai tuần." +
		"Công trình dài hơn 5 km, gồm sáu làn xe và hai làn cho người đi bộ, được khởi công từ mùa xuân năm ngoái." +
		"Công nhân lắp những nhịp cầu cuối cùng hôm 12/3. Ảnh: VGP/Jean-Luc MartinBan quản lý dự án cho biết phần lớn hạng mục đã xong, chỉ còn mặt đường và hệ thống chiếu sáng." +
		"\"Chúng tôi làm việc ba ca mỗi ngày để kịp tiến độ\", một kỹ sư nói.Người dân hai bờ mong cầu sớm mở để rút ngắn quãng đường đi làm." +
		"Xe tải qua cầu trong đợt thử tải tuần trước. Video: Ban quản lý dự ánCầu được thiết kế để chịu tải 30 tấn.\n"
	a := parseText(t, text)
	if a.Title != "Cầu mới nối hai bờ sông Hồng sắp thông xe" {
		t.Errorf("title %q: the site's name is left on it", a.Title)
	}
	if a.Dateline != "Hà Nội" {
		t.Errorf("dateline %q", a.Dateline)
	}
	var captions, paragraphs []string
	for _, b := range a.Blocks {
		switch b.Kind {
		case model.Caption:
			captions = append(captions, b.Text)
		case model.Paragraph:
			paragraphs = append(paragraphs, b.Text)
		}
	}
	want := []string{"Công nhân lắp những nhịp cầu cuối cùng hôm 12/3. Ảnh: VGP/Jean-Luc Martin", "Xe tải qua cầu trong đợt thử tải tuần trước. Video: Ban quản lý dự án"}
	if !slices.Equal(captions, want) {
		t.Errorf("captions %q, want %q", captions, want)
	}
	if len(paragraphs) < 4 || !strings.HasPrefix(paragraphs[len(paragraphs)-1], "Cầu được thiết kế") {
		t.Errorf("paragraphs not split apart: %q", paragraphs)
	}
	for _, p := range paragraphs {
		if strings.HasPrefix(p, "Content:") || strings.Contains(p, "Ảnh:") {
			t.Errorf("paragraph %q", p)
		}
	}
	// A sentence may end in an acronym ("VTV.Người"), and a credit may run
	// into one ("Giao thôngBOT (..."); a bracket, a hyphen or a slash in the
	// credit starts a word, not a paragraph ("(Build", "Jean-Luc",
	// "VGP/Jean").
	two := parseText(t, "Cầu mới sắp thông xe\n\n"+strings.Repeat("Cây cầu dài hơn 5 km và có sáu làn xe. ", 12)+
		"Người dân hai bờ sông đã chờ cây cầu này nhiều năm, một kỹ sư nói với VTV.Công nhân lắp nhịp cuối. "+
		"Video: Tạp chí Giao thôngBOT (Build-Operate-Transfer) là hình thức đầu tư của cây cầu, "+
		"với vốn của nhà đầu tư tư nhân.Ban quản lý dự án cho biết cầu sẽ thông xe vào cuối tháng.\n")
	var starts []string
	for _, b := range two.Blocks {
		starts = append(starts, b.Kind.String()+": "+strings.Join(strings.Fields(b.Text)[:2], " "))
	}
	wantStarts := []string{"caption: Công nhân", "paragraph: BOT (Build-Operate-Transfer)", "paragraph: Ban quản"}
	if !slices.Equal(starts, wantStarts) || !strings.HasSuffix(two.Lead, "với VTV.") {
		t.Errorf("lead %q, blocks start %q, want %q", two.Lead, starts, wantStarts)
	}
	// One full stop without a space is a typo, not a paragraph break, and
	// a brand or an abbreviation is no break at all.
	one := parseText(t, "Giá xăng giảm\n\n"+strings.Repeat("Giá xăng giảm 500 đồng mỗi lít từ chiều nay theo điều chỉnh của liên bộ. ", 4)+
		"Người dân đổ xăng ở TP.HCM và đọc tin trên VnExpress.Theo liên bộ, giá dầu cũng giảm nhẹ.\n")
	if len(one.Blocks) != 1 || !strings.Contains(one.Blocks[0].Text, "VnExpress.Theo") {
		t.Errorf("a single missing space split the text: %+v", one.Blocks)
	}
}

// A title-less file whose only line is the whole story: the story stays
// the text, with its caption and its signature found in it.
func TestStoryOnOneLine(t *testing.T) {
	text := "Đoàn tàu chở khách dừng ở ga Vinh - Ảnh: TTXVN Tuyến đường sắt Bắc - Nam sẽ chạy thêm mười đôi tàu dịp lễ, theo Tổng công ty Đường sắt. " +
		"Giá vé không thay đổi so với ngày thường. Hành khách có thể mua vé trực tuyến từ tuần sau. " +
		"Ngành đường sắt dự kiến phục vụ hơn 200.000 lượt khách. Lan Chi Theo Báo Giao thông\n"
	a := parseText(t, text)
	// The guessed title is the story's first sentence, not its caption.
	if !a.TitleGuessed || a.Title != "Tuyến đường sắt Bắc - Nam sẽ chạy thêm mười đôi tàu dịp lễ, theo Tổng công ty Đường sắt." {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	if a.Lead != "" {
		t.Errorf("the whole story is the lead: %q", a.Lead)
	}
	if len(a.Blocks) < 2 || a.Blocks[0].Kind != model.Caption || a.Blocks[0].Text != "Đoàn tàu chở khách dừng ở ga Vinh - Ảnh: TTXVN" {
		t.Fatalf("blocks %+v: the caption is not split off", a.Blocks)
	}
	wantByline(t, a, "Lan Chi", "Theo Báo Giao thông")
	if last := a.Blocks[len(a.Blocks)-1].Text; !strings.HasSuffix(last, "200.000 lượt khách.") {
		t.Errorf("last paragraph %q", last)
	}
	// A credit in brackets without a colon ends a caption too; "(ảnh)"
	// in lower case points at a photo and is text.
	b := parseText(t, "Cảnh sát phong tỏa hiện trường (Ảnh AP) Lực lượng an ninh đã khám nghiệm hiện trường suốt đêm qua. Các máy bay không người lái (ảnh) được dùng để quan sát khu vực. Hai người bị bắt. Minh An\n")
	if len(b.Blocks) < 2 || b.Blocks[0].Kind != model.Caption || b.Blocks[0].Text != "Cảnh sát phong tỏa hiện trường (Ảnh AP)" {
		t.Errorf("blocks %+v", b.Blocks)
	}
	for _, x := range b.Blocks[1:] {
		if x.Kind == model.Caption {
			t.Errorf("caption %q", x.Text)
		}
	}
	// An English story opening with its dateline keeps it.
	en := parseText(t, "ALBANY, N.Y. — State lawmakers passed the budget late on Friday, a week after the deadline. The vote was 38 to 25. The governor is expected to sign it on Monday.\n\nThe budget raises school aid by four percent.\n")
	if en.Dateline != "ALBANY, N.Y." || !en.TitleGuessed || !strings.HasPrefix(en.Lead, "State lawmakers") {
		t.Errorf("dateline %q, title %q (guessed %v), lead %q", en.Dateline, en.Title, en.TitleGuessed, en.Lead)
	}
}

// A site's name after the headline, or a kicker before it, is page
// furniture; a name before a lower-case apposition is not a dateline.
func TestTitleFurnitureAndNameDashes(t *testing.T) {
	a := parseText(t, "Analysis | The quiet return of the night train across Europe\n\nSleeper services are coming back.\n")
	b := parseText(t, "Singer cancels tour after throat surgery | Celeb Daily Digest\n\nThe tour was due to start in May.\n")
	if a.Title != "The quiet return of the night train across Europe" || b.Title != "Singer cancels tour after throat surgery" {
		t.Errorf("titles %q and %q", a.Title, b.Title)
	}
	if !slices.Contains(a.Dropped, "Analysis") || !slices.Contains(b.Dropped, "Celeb Daily Digest") {
		t.Errorf("what was taken off is not in dropped: %q, %q", a.Dropped, b.Dropped)
	}
	c := parseText(t, "Nova Lake | Blue Hour Sessions\n\nThe band's third album.\n")
	if c.Title != "Nova Lake | Blue Hour Sessions" {
		t.Errorf("a two-part title was cut: %q", c.Title)
	}
	d := parseText(t, "Phong cách của người mẫu\n\nLinh Đan - người mẫu gốc Huế - thường chọn áo dài lụa cho các buổi chụp ảnh ngoài trời.\n\nCô cho biết đã quen với nắng gió.\n")
	if d.Dateline != "" || !strings.HasPrefix(d.Lead, "Linh Đan - người mẫu") {
		t.Errorf("dateline %q, lead %q", d.Dateline, d.Lead)
	}
}

// Requests to follow the site, widget labels, a reporter's address, links
// to other stories in brackets or in trailing capitals, and part of the
// title said again are dropped; an editor's note in brackets stays.
func TestFollowLinesAndTeasers(t *testing.T) {
	text := `Harbour ferry fares rise for the first time in a decade, No Extra Stops

No Extra Stops

The harbour ferry will cost a dollar more from June, the port authority said on Tuesday.

Enlarge

The authority said fuel and repairs had doubled in cost since the last rise in 2014.

[How the harbour ferry survived the flood of 2019]

WILL THE NIGHT SERVICE RETURN? CLICK HERE FOR THE LATEST ...

[This story has been updated with the authority's figures.]

Commuters' groups said they would ask the council to step in.

Like us on Facebook

Follow us on Twitter & Instagram

You can follow Dana Lowe on Twitter @danalowe

To contact the reporter on this story: Dana Lowe in Portsmouth at dlowe@example.com

dlowe@example.com

Dana Lowe may be reached at dlowe@example.com. Follow her on Twitter @danalowe.

15,531 15,531 Retweets   60,569 60,569 likes
`
	a := parseText(t, text)
	want := []string{"No Extra Stops", "Enlarge", "[How the harbour ferry survived the flood of 2019]",
		"WILL THE NIGHT SERVICE RETURN? CLICK HERE FOR THE LATEST ...", "Like us on Facebook",
		"Follow us on Twitter & Instagram", "You can follow Dana Lowe on Twitter @danalowe",
		"To contact the reporter on this story: Dana Lowe in Portsmouth at dlowe@example.com", "dlowe@example.com",
		"Dana Lowe may be reached at dlowe@example.com. Follow her on Twitter @danalowe.", "15,531 15,531 Retweets   60,569 60,569 likes"}
	for _, w := range want {
		if !slices.Contains(a.Dropped, w) {
			t.Errorf("%q is not dropped (dropped %q)", w, a.Dropped)
		}
	}
	found := false
	for _, b := range a.Blocks {
		found = found || b.Text == "[This story has been updated with the authority's figures.]"
	}
	if !found {
		t.Errorf("the editor's note is not in the text: %q", a.Dropped)
	}
}

// In English, a lone long line between paragraphs is not a section
// heading; nor is a time under an embedded post or a transcript's line.
func TestHeadingsThatAreNot(t *testing.T) {
	text := `Council votes to keep the library open

The council voted on Monday to keep the central library open for another year.

Mayor promises review of all branch libraries by the autumn

Campaigners had gathered outside the town hall since the morning.

9:53 PM - 26 Dec 2016

Nadia: Will the reading room stay open?

Officer: Yes, until eight on weekdays.

The vote was seven to four.
`
	a := parseText(t, text)
	for _, b := range a.Blocks {
		if b.Kind == model.Heading {
			t.Errorf("heading %q", b.Text)
		}
	}
	// Short section headings stay headings.
	b := parseText(t, "Budget passes after long night\n\nThe budget passed at two in the morning.\n\nWhat changes\n\nSchools get more money.\n\nWho pays\n\nA new tax on hotel rooms pays for it.\n")
	if h := blocksOf(b, model.Heading); !slices.Equal(h, []string{"What changes", "Who pays"}) {
		t.Errorf("headings %q", h)
	}
	// Three long ones or more are the article's sections.
	c := parseText(t, "Budget passes after long night\n\nThe budget passed at two in the morning.\n\n"+
		"What the new budget changes for the schools\n\nSchools get more money.\n\n"+
		"Who pays for the changes in the end\n\nA new tax on hotel rooms pays for it.\n\n"+
		"Why the vote took until the small hours\n\nTwo members spoke for an hour each.\n")
	if h := blocksOf(c, model.Heading); len(h) != 3 {
		t.Errorf("headings %q, want the three sections", h)
	}
}

// Each removed line keeps its place among the blocks, so the reader can
// show it where it was.
func TestDroppedPlaces(t *testing.T) {
	text := `# url = https://tin.example.vn/cau.html
# date = 2024-03-01
Cầu mới sắp thông xe

Chia sẻ

Cây cầu thứ bảy qua sông Hồng sẽ thông xe cuối tháng, sớm hơn dự kiến.

Công trình dài hơn 5 km, có sáu làn xe.

Read more about:

Cầu Nhật Tân - năm năm nhìn lại

Ban quản lý cho biết chỉ còn mặt đường và hệ thống chiếu sáng.

Like us on Facebook
`
	a := parseText(t, text)
	if len(a.DroppedAt) != len(a.Dropped) {
		t.Fatalf("dropped %q at %v", a.Dropped, a.DroppedAt)
	}
	at := map[string]int{}
	for i, d := range a.Dropped {
		at[d] = a.DroppedAt[i]
	}
	// Blocks: 0 "Công trình...", 1 "Ban quản lý..."; the first paragraph
	// is the lead, and the header and share lines stood above it.
	want := map[string]int{"# url = https://tin.example.vn/cau.html": model.AboveLead, "Chia sẻ": model.AboveLead, "Read more about:": 1,
		"Cầu Nhật Tân - năm năm nhìn lại": 1, "Like us on Facebook": 2}
	for line, w := range want {
		if got, ok := at[line]; !ok || got != w {
			t.Errorf("%q at %d (found %v), want %d; blocks %d", line, got, ok, w, len(a.Blocks))
		}
	}
}

// A list of links ends where the next section starts: a heading followed
// by its paragraph, or a photo's caption, is not one of the links.
func TestLinkListStopsAtSection(t *testing.T) {
	text := `Harbour plans at a glance

The council has published its plans for the harbour.

Read more about:

Ferry fares - what changes

Dredging - the cost

The new quay

Work on the new quay starts in May. It will take two years to build, the council says.

Tugboats wait at the old quay.Image copyright PORT AUTHORITY

Image caption

The old quay has served the port since 1902

The quay will close to ships once the new one opens.
`
	a := parseText(t, text)
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"The new quay"}) {
		t.Errorf("headings %q; dropped %q", h, a.Dropped)
	}
	for _, d := range []string{"Read more about:", "Ferry fares - what changes", "Dredging - the cost"} {
		if !slices.Contains(a.Dropped, d) {
			t.Errorf("%q is not dropped: %q", d, a.Dropped)
		}
	}
	if slices.Contains(a.Dropped, "The new quay") || slices.Contains(a.Dropped, "Tugboats wait at the old quay.Image copyright PORT AUTHORITY") {
		t.Errorf("the section or the caption went with the links: %q", a.Dropped)
	}
}

// Headings run into their paragraph in run-together text ("Chuẩn bị
// hành lýMang theo ...") are split off; a brand inside a sentence, and a
// site's list of labels run together, are not headings.
func TestRunInHeadings(t *testing.T) {
	text := "Title: Năm điều cần biết trước chuyến đi\n" +
		"Content: Một chuyến đi dài cần chuẩn bị từ sớm, nhất là khi đi cùng trẻ nhỏ. " +
		strings.Repeat("Mỗi gia đình có nhu cầu riêng, nhưng vài việc thì ai cũng nên làm. ", 4) +
		"Dưới đây là năm điều nên làm trước ngày khởi hành.Chuẩn bị hành lýMang theo quần áo đủ cho cả tuần, thêm một bộ phòng khi trời lạnh. " +
		"Đừng quên thuốc và giấy tờ tùy thân.Đặt chỗ nghỉ sớmGiá phòng tăng nhanh vào dịp lễ, nên đặt trước ít nhất một tháng. " +
		"Nhiều khách sạn cho hủy miễn phí đến sát ngày.Kiểm tra xe trước khi điNếu đi bằng ô tô, hãy kiểm tra lốp, dầu và phanh. " +
		"Ứng dụng bản đồ trên iPhone giúp tìm trạm xăng gần nhất.Xem thêmHướng dẫn viênChuyên gia du lịchNhà báo ảnh\n"
	a := parseText(t, text)
	headings := blocksOf(a, model.Heading)
	want := []string{"Chuẩn bị hành lý", "Đặt chỗ nghỉ sớm", "Kiểm tra xe trước khi đi"}
	if !slices.Equal(headings, want) {
		t.Errorf("headings %q, want %q", headings, want)
	}
}

// A story on one line with no title may open with its photo's caption: a
// short plain sentence, a credit in brackets, or "Ảnh minh họa". A first
// sentence that reads as the story's own stays the text.
func TestOpeningCaption(t *testing.T) {
	body := "Chiều 3/5, một kho hàng rộng 500 m2 ở quận Long Biên bốc cháy dữ dội, cột khói cao hàng chục mét. " +
		"Lực lượng cứu hỏa điều 12 xe tới hiện trường và khống chế đám cháy sau hai giờ. " +
		"Không có thương vong, nguyên nhân vụ cháy đang được điều tra. Minh Đức\n"
	for _, c := range []struct{ opening, caption string }{
		{"Hiện trường vụ cháy kho hàng ở Long Biên. ", "Hiện trường vụ cháy kho hàng ở Long Biên."},
		{"(Nguồn: Cảnh sát PCCC) ", "(Nguồn: Cảnh sát PCCC)"},
		{"Ảnh minh họa ", "Ảnh minh họa"},
		{"Khói bao trùm một góc phố, người dân hoảng hốt. ", ""},
		{"Đây là vụ cháy thứ ba trong tháng. ", ""},
	} {
		a := parseText(t, c.opening+body)
		captions := blocksOf(a, model.Caption)
		want := []string(nil)
		if c.caption != "" {
			want = []string{c.caption}
		}
		if !slices.Equal(captions, want) {
			t.Errorf("%q: captions %q, want %q", c.opening, captions, want)
		}
		if c.caption != "" && (!a.TitleGuessed || !strings.HasPrefix(a.Title, "Chiều 3/5")) {
			t.Errorf("%q: title %q (guessed %v): the caption stands for it", c.opening, a.Title, a.TitleGuessed)
		}
	}
}

// A graphic's credit ("Đồ họa:") makes a caption as a photo's does; the
// site's own name signing the page, and a widget's label left at the end
// of a flattened page, are removed, in their place at the end.
func TestSiteSignatureAndGraphicCredit(t *testing.T) {
	text := "Title: Tuyến metro số 2 khởi công\n" +
		"Source: Báo Điện tử Phố Cổ\n" +
		"Content: Sáng 5/6, tuyến metro số 2 chính thức khởi công sau nhiều năm chuẩn bị. " +
		strings.Repeat("Các nhà thầu đã sẵn sàng máy đào hầm và nhân lực cho giai đoạn đầu. ", 12) +
		"Tuyến dài 11 km, có 10 ga, trong đó 7 ga ngầm. " +
		"Hướng tuyến metro số 2 qua trung tâm thành phố. Đồ họa: Minh Anh " +
		"Dự án dự kiến hoàn thành vào năm 2030, với tổng vốn hơn 35.000 tỷ đồng. " +
		"Người dân mong tuyến sớm vận hành để giảm ùn tắc giờ cao điểm.  Source link\n" +
		"BÁO ĐIỆN TỬ PHỐ CỔ\n"
	a := parseText(t, text)
	captions := blocksOf(a, model.Caption)
	if want := []string{"Hướng tuyến metro số 2 qua trung tâm thành phố. Đồ họa: Minh Anh"}; !slices.Equal(captions, want) {
		t.Errorf("captions %q, want %q", captions, want)
	}
	if len(a.Byline) != 0 {
		t.Errorf("byline %q: the site's name is not a writer", a.Byline)
	}
	for _, d := range []string{"Source link", "BÁO ĐIỆN TỬ PHỐ CỔ"} {
		i := slices.Index(a.Dropped, d)
		if i < 0 {
			t.Errorf("%q not removed: %q", d, a.Dropped)
			continue
		}
		if len(a.DroppedAt) != len(a.Dropped) || a.DroppedAt[i] != len(a.Blocks) {
			t.Errorf("%q removed at %v of %d blocks, want at the end", d, a.DroppedAt, len(a.Blocks))
		}
	}
}

// A video's title, shown above and below its player's label, goes with
// the player: neither copy is a caption of the text.
func TestVideoTitleGoesWithThePlayer(t *testing.T) {
	text := "Council approves the new tram line\n\n" +
		"The city council voted 7-2 on Monday to fund the first stage of the tram line.\n\n" +
		" What the tram line means for commuters\n" +
		"Play VIDEO\n" +
		"What the tram line means for commuters\n" +
		"Construction is due to start in the spring and take three years.\n\n" +
		"Opponents said the money would be better spent on buses.\n"
	a := parseText(t, text)
	if c := blocksOf(a, model.Caption); len(c) != 0 {
		t.Errorf("captions %q", c)
	}
	title := "What the tram line means for commuters"
	if n := strings.Count(strings.Join(a.Dropped, "\n"), title); n != 2 || !slices.Contains(a.Dropped, "Play VIDEO") {
		t.Errorf("removed %q: want the player's label and both copies of its title", a.Dropped)
	}
	for _, b := range a.Blocks {
		if strings.Contains(b.Text, title) {
			t.Errorf("%s %q kept", b.Kind, b.Text)
		}
	}
}

// A promotion's line longer than thirty characters is still one: each of
// promoLines can match, the longest included.
func TestLongPromoLine(t *testing.T) {
	a := parseText(t, "Festival returns to the old town\n\nBefore you go, we thought you'd like these...\n\n"+
		"The lantern festival returns this weekend after a two-year pause.\n\nStreets will close from six.\n")
	if !slices.Contains(a.Dropped, "Before you go, we thought you'd like these...") {
		t.Errorf("dropped %q, lead %q", a.Dropped, a.Lead)
	}
	if !strings.HasPrefix(a.Lead, "The lantern festival") {
		t.Errorf("lead %q", a.Lead)
	}
}

// Headlines of other stories, one under the other in headline case, set
// apart from the text before them, are links, not text; a caption of
// names and titles, and a heading over its paragraph, are not.
func TestRelatedHeadlines(t *testing.T) {
	text := "Harbour Bridge Reopens After Repairs\n\n" +
		"The bridge reopened to traffic on Sunday after eight months of repairs.\n\n" +
		"City Council Approves Budget for Harbour Works\n" +
		"Ferry Operators Brace for Quieter Summer Season\n" +
		"Drivers welcomed the news, though tolls rise next month.\n\n" +
		"Mayor Anna Lindqvist and Chief Engineer Tomas Berg (Photo: Harbour Authority)\n\n" +
		"What Comes Next for Harbour\n\n" +
		"A second stage of the works, on the approach roads, starts in autumn.\n"
	a := parseText(t, text)
	want := []string{"City Council Approves Budget for Harbour Works", "Ferry Operators Brace for Quieter Summer Season"}
	for _, w := range want {
		if !slices.Contains(a.Dropped, w) {
			t.Errorf("%q not removed: %q", w, a.Dropped)
		}
	}
	if len(a.Dropped) != len(want) {
		t.Errorf("removed %q, want only %q", a.Dropped, want)
	}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"What Comes Next for Harbour"}) {
		t.Errorf("headings %q", h)
	}
}

// A sign-off with a request to follow the writer gives the byline; the
// line is removed, whole, at the end.
func TestSignOffWithFollow(t *testing.T) {
	a := parseText(t, "Ten Things We Searched For\n\nPizza was searched more than the weather this year.\n\n"+
		"Dumplings rose to the top of the recipe list.\n\n-- By Nora Ellis Follow @nellis\n")
	wantByline(t, a, "Nora Ellis")
	if !slices.Equal(a.Dropped, []string{"-- By Nora Ellis Follow @nellis"}) || !slices.Equal(a.DroppedAt, []int{len(a.Blocks)}) {
		t.Errorf("removed %q at %v of %d blocks", a.Dropped, a.DroppedAt, len(a.Blocks))
	}
	for _, b := range a.Blocks {
		if strings.Contains(b.Text, "Nora Ellis") {
			t.Errorf("%s %q kept", b.Kind, b.Text)
		}
	}
}

// A caption closed by a photographer's credit in brackets ("(Jo Park/AP)",
// "(Sam Lee / Riverside Courier)") is a caption, above the story too, where
// the standfirst is the line after it; a video's title run into its
// player's label and length ("...  Play Video2:05") goes.
func TestSlashCreditsAndVideoTitles(t *testing.T) {
	text := "The river has risen two metres since Friday, and more rain is due tonight.\n\n" +
		"Residents of the low streets were told to leave by noon.\n\n" +
		"Volunteers fill sandbags outside the library on Sunday. (Jo Park/The Daily Ledger)\n\n" +
		"What the flood barriers can hold back  Play Video2:05\n\n" +
		"Engineers say the barriers should hold unless the river rises another metre.\n\n" +
		"A boat takes two families to dry ground on Monday. (Sam Lee / Riverside Courier)\n\n" +
		"The council (the city's/county's joint body) meets at six.\n"
	a := parseText(t, text)
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{
		"Volunteers fill sandbags outside the library on Sunday. (Jo Park/The Daily Ledger)",
		"A boat takes two families to dry ground on Monday. (Sam Lee / Riverside Courier)",
	}) {
		t.Errorf("captions %q", c)
	}
	if !slices.Contains(a.Dropped, "What the flood barriers can hold back  Play Video2:05") {
		t.Errorf("dropped %q", a.Dropped)
	}

	top := parseText(t, "Title: The river rises again\n\n"+
		"The water reaches the old bridge on Sunday, March 5. (Jo J. Park / The Daily Ledger)\n\n"+
		"The river has risen two metres since Friday, and more rain is due tonight.\n\n"+
		"Residents of the low streets were told to leave by noon.\n")
	if c := blocksOf(top, model.Caption); len(c) != 1 || !strings.HasPrefix(c[0], "The water reaches") {
		t.Errorf("captions above the story %q", c)
	}
	if !strings.HasPrefix(top.Lead, "The river has risen") {
		t.Errorf("lead %q", top.Lead)
	}
}

// A headline said again inside the text is the title of the video or share
// box the page embedded there: it goes to Dropped, in place, and nothing
// else does.
func TestTitleSaidAgainInText(t *testing.T) {
	title := "Mưa lớn làm ngập nhiều tuyến phố ở Huế"
	text := title + "\n" +
		"Trận mưa kéo dài từ đêm qua khiến nhiều tuyến phố ở trung tâm thành phố ngập sâu.\n" +
		title + "\n" +
		"Nước dâng cao nhất ở đường Lê Lợi, nơi nhiều xe máy chết máy giữa đường.\n" +
		"Mưa lớn làm ngập nhiều tuyến phố, người dân phải lội nước đi làm.\n" +
		"Lực lượng chức năng đã cắm biển cảnh báo ở các điểm ngập sâu.\n" +
		title + "\n"
	a := parseText(t, text)
	if a.Title != title || a.TitleGuessed {
		t.Fatalf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	if n := strings.Count(strings.Join(a.Dropped, "\n"), title); n != 2 {
		t.Errorf("the title is %d times in Dropped, want 2: %q", n, a.Dropped)
	}
	for _, b := range a.Blocks {
		if b.Text == title {
			t.Errorf("the title again is a %s", b.Kind)
		}
	}
	if p := blocksOf(a, model.Paragraph); len(p) != 3 {
		t.Errorf("paragraphs %q", p)
	}
	if len(a.DroppedAt) != 2 || a.DroppedAt[0] != 0 || a.DroppedAt[1] != len(a.Blocks) {
		t.Errorf("dropped at %v, want [0 %d]", a.DroppedAt, len(a.Blocks))
	}
}

// Photos one after another, each with a description that is not a
// sentence, are a gallery: the descriptions are captions, not headings and
// paragraphs. A short heading stays one, and a table's row said three
// times is not a gallery. English text is left alone: there such runs are
// as often the headlines of other stories.
func TestGalleryCaptionRuns(t *testing.T) {
	gallery := []string{
		"Ruộng bậc thang ở Mù Cang Chải vào mùa lúa chín, nhìn từ đèo Khau Phạ",
		"Du khách dừng xe chụp ảnh bên những thửa ruộng vàng óng",
		"Người dân thu hoạch lúa trên sườn đồi dốc từ sáng sớm",
	}
	text := "Mùa vàng trên những thửa ruộng bậc thang\n" +
		"Tháng chín là thời điểm đẹp nhất để ngắm lúa chín ở vùng núi Tây Bắc.\n" +
		"Đường đi\n" +
		"Từ Hà Nội, du khách có thể đi xe khách hoặc tự lái khoảng tám tiếng.\n" +
		"Nên khởi hành sớm để tránh đi đèo vào buổi tối.\n" +
		strings.Join(gallery, "\n") + "\n" +
		"Lễ hội mùa vàng năm nay kéo dài đến hết tháng mười.\n"
	a := parseText(t, text)
	if c := blocksOf(a, model.Caption); !slices.Equal(c, gallery) {
		t.Errorf("captions %q, want %q", c, gallery)
	}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"Đường đi"}) {
		t.Errorf("headings %q", h)
	}

	headlines := "Council backs new tram line\n\n" +
		"The city council voted on Tuesday to build a tram line from the station to the university.\n\n" +
		"Work is due to start next spring and the line should open in three years.\n\n" +
		"Bus drivers vote to strike over pay for the second time this year\n\n" +
		"Library to open on Sundays after readers sign a petition in their hundreds\n"
	a = parseText(t, headlines)
	if c := blocksOf(a, model.Caption); len(c) != 0 {
		t.Errorf("English headlines taken for captions: %q", c)
	}
}

// A photographer's credit in brackets may be written in lower case:
// "(ảnh: Minh Khang)" closes a caption as "(Ảnh: Minh Khang)" does.
func TestLowerCaseBracketCredit(t *testing.T) {
	caption := "Cầu thủ hai đội tranh bóng trên sân Hàng Đẫy chiều qua (ảnh: Minh Khang)"
	text := "Hà Nội hòa Thanh Hóa trên sân nhà\n" +
		"Đội chủ nhà bỏ lỡ nhiều cơ hội trong hiệp hai và chỉ giành được một điểm.\n" +
		caption + "\n" +
		"Huấn luyện viên đội khách hài lòng với kết quả này.\n"
	a := parseText(t, text)
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{caption}) {
		t.Errorf("captions %q", c)
	}
	if h := blocksOf(a, model.Heading); len(h) != 0 {
		t.Errorf("headings %q", h)
	}
}

// A site that stamps its name on the standfirst without a dash ("Dân trí
// Thanh tra ...") gives the article's source, when the name is the site's
// own, as its URL says; the standfirst starts after it. Another name, or
// the site's name as a sentence's subject, stays in the text.
func TestSiteStamp(t *testing.T) {
	page := func(lead string) string {
		return "# doc_id = tin_001\n# url = https://tinnhanh.vn/xa-hoi/bai-viet-123.htm\n# date = 20240105\n" +
			"Cầu mới nối hai bờ sông Hàn sắp thông xe\n" + lead + "\n" +
			"Cây cầu dài 800 mét, có bốn làn xe và hai làn cho người đi bộ.\n" +
			"Thành phố dự kiến tổ chức lễ thông xe vào cuối tháng.\n"
	}
	for _, c := range []struct{ lead, source, rest string }{
		{"Tin Nhanh Sau hai năm thi công, cây cầu đã hoàn thành.", "Tin Nhanh", "Sau hai năm thi công, cây cầu đã hoàn thành."},
		{"Tin nhanh 24h Sau hai năm thi công, cây cầu đã hoàn thành.", "", "Tin nhanh 24h Sau hai năm thi công, cây cầu đã hoàn thành."},
		{"Tin Nhanh ghi nhận cây cầu đã hoàn thành sau hai năm.", "", "Tin Nhanh ghi nhận cây cầu đã hoàn thành sau hai năm."},
		{"Báo Mới Sau hai năm thi công, cây cầu đã hoàn thành.", "", "Báo Mới Sau hai năm thi công, cây cầu đã hoàn thành."},
		{"Đà Nẵng Sau hai năm thi công, cây cầu đã hoàn thành.", "", "Đà Nẵng Sau hai năm thi công, cây cầu đã hoàn thành."},
	} {
		a := parseText(t, page(c.lead))
		if a.Source != c.source || a.Lead != c.rest {
			t.Errorf("%q: source %q, lead %q; want %q, %q", c.lead, a.Source, a.Lead, c.source, c.rest)
		}
	}
}

// A title line that an export started with a space, set apart from the
// text by a blank line, is still the title; a space-led first line that
// runs straight into the text, as a caption does, is not.
func TestSpaceLedTitle(t *testing.T) {
	title := "Tram line to open a year early after work ends ahead of plan"
	body := "The city's new tram line will open next spring, a year earlier than planned, the council said on Monday. Work on the track finished in March."
	a := parseText(t, " "+title+"\n\n"+body+"\n")
	if a.Title != title || a.TitleGuessed {
		t.Errorf("title %q (guessed %v), want %q", a.Title, a.TitleGuessed, title)
	}
	a = parseText(t, " Workers lay the last rails near the station\n"+body+"\nThe first trams arrive in January.\n")
	if !a.TitleGuessed {
		t.Errorf("a caption before the text is the title: %q", a.Title)
	}
}

// A stack of short lines (a list entry's name, author and price) is headed by
// its first line; the author and the price under it are not headings.
func TestShortLineStacks(t *testing.T) {
	a := parseText(t, `Winter reading for young readers

The librarians of the county picked these books for the holidays, and said why.

The Lighthouse Cat

Mara Oyelaran

Pebble Press, $15.99; ages 4-8

A cat keeps the lamp lit through a storm while the keeper is ill. The pictures are quiet and warm, and the ending made the whole room cheer.

Counting Geese

Tomas Hrabal; illustrated by Ines Varga

Riverbend Books, $17.50; ages 3-6

Geese leave the pond one by one, and a girl counts them home again. A simple idea done very well.
`)
	got := blocksOf(a, model.Heading)
	want := []string{"The Lighthouse Cat", "Counting Geese"}
	if !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
}

// Every photo credit label passes the quick test run before them, so a
// caption closing with any of them is a caption.
func TestCreditPrefilter(t *testing.T) {
	for _, c := range photoCredits {
		line := "Người dân đi bộ qua cầu sau cơn mưa " + c + " Minh Khang"
		if !mayHaveCredit(line) || !creditCaptionLine(line, mayHaveCredit(line)) {
			t.Errorf("%q: the caption %q is not found", c, line)
		}
	}
}

// A post a page embedded ends with its author's handle and the date; the
// post is a quote, and a signature on a line of its own keeps its dash.
func TestEmbeddedPosts(t *testing.T) {
	a := parseText(t, `Ferry service resumes after the storm

Ferries to the islands ran again on Tuesday morning after two days tied up in port.

The first boat left at seven, and the harbour master posted a picture of the queue.

Queue for the 7am sailing is already past the chip shop pic.example.com/q7 — Harbour Office (@harbouroffice) March 3, 2015

Passengers were patient, he said.

Back on the water at last, thanks to everyone who waited
- Jo Marsh (@jomarsh) March 3, 2015

The next sailing is at noon.
`)
	got := blocksOf(a, model.Quote)
	want := []string{
		"Queue for the 7am sailing is already past the chip shop pic.example.com/q7 — Harbour Office (@harbouroffice) March 3, 2015",
		"Back on the water at last, thanks to everyone who waited",
		"- Jo Marsh (@jomarsh) March 3, 2015",
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes %q, want %q", got, want)
	}
	if items := blocksOf(a, model.ListItem); len(items) > 0 {
		t.Errorf("a signature read as a list item: %q", items)
	}
}

// CNN's stories open with the place and the agency in brackets, with no
// dash after them: "Park City, Utah (CNN)Mitt Romney ...".
func TestWireStampDateline(t *testing.T) {
	for _, tc := range []struct{ lead, dateline, source, rest string }{
		{"Lakeview, Oregon (CNN)The county fair opened on Friday with a parade.", "Lakeview, Oregon", "CNN", "The county fair"},
		{"(CNN)The county fair opened on Friday with a parade.", "", "CNN", "The county fair"},
		{"Washington (CNN) The county fair opened on Friday with a parade.", "Washington", "CNN", "The county fair"},
		{"Acme (AP) shares rose on Friday after the parade.", "", "", "Acme (AP) shares"},
	} {
		a := parseText(t, "County fair opens\n\n"+tc.lead+"\n\nThe fair runs for a week.\n")
		if a.Dateline != tc.dateline || a.Source != tc.source || !strings.HasPrefix(a.Lead, tc.rest) {
			t.Errorf("%q: dateline %q, source %q, lead %q", tc.lead, a.Dateline, a.Source, a.Lead)
		}
	}
}

// A file without a title line whose first line is one sentence: the title
// is a guess, and a dateline on that sentence is found.
func TestFirstSentenceIsNoTitle(t *testing.T) {
	body := "\n\nThe second paragraph tells more of the story, as second paragraphs do.\n"
	for _, tc := range []struct {
		first    string
		guessed  bool
		dateline string
	}{
		{"Tonight, the mayor of the town accepted her party's nomination for governor.", true, ""},
		{"Tonight, Mayor Ann B. Cole accepted her party's nomination for governor of the state.", true, ""},
		{"PORTLAND — The mayor of the town accepted her party's nomination for governor.", true, "PORTLAND"},
		// Headlines that end in a full stop.
		{"Need a new mayor? Call the county clerk.", false, ""},
		{"Judge rejects a request for a hand recount of the ballots in Wis.", false, ""},
		{"Town Hall Reopens After a Year of Repairs Downtown.", false, ""},
		{"Mayor wins the nomination", false, ""},
	} {
		a := parseText(t, tc.first+body)
		if a.TitleGuessed != tc.guessed || a.Dateline != tc.dateline {
			t.Errorf("%q: title %q guessed %v, dateline %q", tc.first, a.Title, a.TitleGuessed, a.Dateline)
		}
	}
}

// A story the scraper took twice, after its summary, is text said again,
// not a gallery: its paragraphs stay paragraphs and the second copies go.
// A short line said twice far apart (the same title for two people) stays.
func TestStorySaidTwice(t *testing.T) {
	paras := []string{
		"The harbour authority said on Sunday that the pier will stay closed until the engineers finish their survey of the supports.",
		"Fishing boats have moved to the north quay, where the authority has put up temporary moorings and a fuel barge for the season.",
		"The survey began after divers found cracks in two of the oldest piles during a routine inspection in the spring of this year.",
	}
	text := "Pier to stay closed\n\n" + strings.Join(paras, "\n\n") +
		"\n\nMayor of the town and its county\n\nAnn Ruiz opened the meeting with a statement about the pier and the fishing fleet.\n\n" +
		strings.Join(paras, "\n\n") +
		"\n\nMayor of the town and its county\n\nTom Ruiz, her brother, held the same office twenty years ago and spoke after her.\n"
	a := parseText(t, text)
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("paragraphs said twice read as captions: %q", c)
	}
	paragraphs := strings.Join(append(blocksOf(a, model.Paragraph), a.Lead), "\n")
	for _, p := range paras {
		if strings.Count(paragraphs, p) != 1 {
			t.Errorf("%q is in the text %d times, want once", p[:30], strings.Count(paragraphs, p))
		}
	}
	if len(a.Dropped) != len(paras) {
		t.Errorf("dropped %q, want the second copies", a.Dropped)
	}
}

// A video player leaves the video's title and its length in the text,
// with the title above it again, alone or in the player's label, and its
// clock; a photo viewer its label.
func TestVideoPlayerTitles(t *testing.T) {
	a := parseText(t, `Storm closes the coast road

The coast road was closed on Monday after waves washed gravel across it near the lighthouse.

Crews clear the gravel near the lighthouse

Crews clear the gravel near the lighthouse 01:42

Engineers will inspect the sea wall before the road opens again.

PlayCounty Engineer Explains the Sea Wall Repairs Facebook Twitter Google Plus Embed
 County Engineer Explains the Sea Wall Repairs 2:05

Residents Watch the Waves From the Harbour Wall 0:48

Modal Trigger

0:00
/
1:10

The harbour wall held, the engineers said.

0:00 / 2:31

The council expects the road to reopen by the weekend. Buses will use the inland route until then.
`)
	want := []string{
		"Modal Trigger", // dropped by an earlier pass
		"Crews clear the gravel near the lighthouse",
		"Crews clear the gravel near the lighthouse 01:42",
		"PlayCounty Engineer Explains the Sea Wall Repairs Facebook Twitter Google Plus Embed",
		"County Engineer Explains the Sea Wall Repairs 2:05",
		"Residents Watch the Waves From the Harbour Wall 0:48",
		"0:00", "/", "1:10", "0:00 / 2:31",
	}
	wantOnlyDropped(t, a, want...)
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q, want none", h)
	}
}

// A photo agency's credit right under a description credits it: both are
// the caption. Alone, after a blank line, it is dropped as before.
func TestAgencyCreditUnderCaption(t *testing.T) {
	a := parseText(t, `Harbour festival draws record crowds

More than forty thousand people came to the harbour festival on Saturday, the organisers said.

Boats Parade Past the Lighthouse on the Opening Night
Photo by Jane Moss/Getty Images
The parade was led by the lifeboat crew, who were given the freedom of the town last year.

Getty Images

The festival ends on Sunday with fireworks over the water.
`)
	if got, want := blocksOf(a, model.Caption), []string{"Boats Parade Past the Lighthouse on the Opening Night", "Photo by Jane Moss/Getty Images"}; !slices.Equal(got, want) {
		t.Errorf("captions %q, want %q", got, want)
	}
	if !slices.Equal(a.Dropped, []string{"Getty Images"}) {
		t.Errorf("dropped %q, want the lone credit", a.Dropped)
	}
}

// Numbered points, with prose under each, head their sections; numbered
// lines one under the other stay a list.
func TestNumberedSentenceHeadings(t *testing.T) {
	a := parseText(t, `Three reasons the bridge vote matters

The council votes on Tuesday on whether to rebuild the old bridge or close it for good.

1. The bridge carries more traffic than any road in the county.

Counts taken last spring found eleven thousand cars a day, most of them on the way to the school and the station.

2. Closing it would add twenty minutes to the trip across the river for people in the valley.

The detour runs through two villages whose roads were never built for that many cars.

3. The money for the work is already in the county account.

A grant from the national fund covers most of the cost, and it lapses if the vote fails.

What happens next:
1. The council votes.
2. The engineers draw the plans.
3. Work starts in the spring.
`)
	want := []string{
		"1. The bridge carries more traffic than any road in the county.",
		"2. Closing it would add twenty minutes to the trip across the river for people in the valley.",
		"3. The money for the work is already in the county account.",
	}
	if got := blocksOf(a, model.Heading); !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
	if got := blocksOf(a, model.ListItem); len(got) != 3 {
		t.Errorf("list items %q, want the three steps", got)
	}
	// Points that are not sentences head their sections too, right under
	// the section's own heading, or under a short line of a widget; a
	// point cut where the text was wrapped does not.
	a = parseText(t, `How to ride the ferry for less

Fares rise in April, but there are ways to pay less than the new price.

Four ways to pay less

1. Buy a season ticket

A season ticket costs less than sixty single fares and is valid on every crossing.

2. Travel before seven

Early crossings are a third cheaper, and the boats are never full.

3. Ask for the resident's card

People who live on the island pay half, on showing the card at the pier.

harbourferries.com

4. Walk on instead of driving

Foot passengers pay a tenth of what a car costs, and the bus meets every boat.

5) Keep the ticket until you are off the boat, since the crew may check it on the ramp and

will charge the full fare again to anyone who cannot show one.
`)
	want = []string{"Four ways to pay less", "1. Buy a season ticket", "2. Travel before seven", "3. Ask for the resident's card",
		"4. Walk on instead of driving"}
	if got := blocksOf(a, model.Heading); !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
}

// A last sentence made of capitalised words is a sentence, not a writer's
// signature: "It's Bob Lane." and "The cast includes J.K. Moss and Ana
// Ruiz." end the text; a name after the last sentence, with no full stop,
// signs it.
func TestLastSentenceIsNoSignature(t *testing.T) {
	for _, tc := range []struct{ last, byline string }{
		{"We know who the winner is. It’s Bob Lane.", ""},
		{"The show opens on Friday. Its cast includes J.K. Moss and Ana Ruiz.", ""},
		{"All of this is reserved. All Rights Reserved.", ""},
		{"The show opens on Friday. Minh Quân", "Minh Quân"},
	} {
		a := parseText(t, "Theatre reopens\n\nThe theatre on the square reopens next week after a year of work on its roof.\n\n"+tc.last+"\n")
		if got := strings.Join(a.Byline, ", "); got != tc.byline {
			t.Errorf("%q: byline %q, want %q", tc.last, got, tc.byline)
		}
	}
}

// A newsletter's sign-up box left in the text is dropped; a sentence about
// a newsletter stays.
func TestSignupLines(t *testing.T) {
	a := parseText(t, `Ferry fares rise in spring

Ferry fares go up by a tenth in April, the operator said on Monday.

Local news, every morning — delivered to your inbox. By subscribing, you agree to our privacy policy.

Receive occasional updates and special offers for Harbour Times products and services.

PRIVACY POLICY

The operator also publishes a weekly newsletter with its timetables.
`)
	want := []string{
		"Local news, every morning — delivered to your inbox. By subscribing, you agree to our privacy policy.",
		"Receive occasional updates and special offers for Harbour Times products and services.",
		"PRIVACY POLICY",
	}
	wantOnlyDropped(t, a, want...)
}

// A heading may be a quotation; a list of quoted names with dashes or
// prices after them, and a pull quote in capitals, are not headings.
func TestQuotedHeadings(t *testing.T) {
	a := parseText(t, `Mayor looks back on ten years

The mayor gave her last interview before stepping down on Friday.

'We built the bridge'

She said the new bridge was the work she was proudest of, and thanked the engineers.

“THE TOWN HAS NEVER BEEN SO SURE OF ITSELF”

She said the town had changed more in ten years than in the fifty before.

"Harbour Lights" - 1,2 million

The first of the plates sold at the charity auction went to a local firm.

"Old Mill" poster at the museum shop, $12

The museum sells prints of the town's old buildings as well.
`)
	if got, want := blocksOf(a, model.Heading), []string{"'We built the bridge'"}; !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
}

// The headline of another story between a story's paragraphs goes: the
// story never uses its words. A section's heading, lines of a series that
// open alike and a caption with its credit stay, whatever their words.
func TestOtherStoriesHeadlines(t *testing.T) {
	a := parseText(t, `Harbour festival draws record crowds

The harbour festival drew more than forty thousand visitors on Saturday, the organisers said, the most since it began in 1998.

Boats decorated with lanterns sailed past the old customs house at dusk, and food stalls lined the quay until midnight.

Fishermen opened their sheds to children, who tried knotting nets and weighing crabs on brass scales older than their grandparents.

Local bakers sold saffron buns from handcarts, while a brass band from the neighbouring valley played marches near the lighthouse steps.

Volunteers collected litter through the afternoon, filling ninety sacks, and the council promised recycling bins for next summer.

A choir of retired dockers sang shanties outside the museum, which stayed open late and counted three thousand visitors of its own.

Senator announces review of rural broadband subsidies

The organisers had feared rain, but the evening stayed dry and the wind dropped before the lantern parade.

Fireworks light the harbour after the lantern parade

The fireworks began at ten and lasted twenty minutes, lighting the harbour and the boats moored along the quay.

Ferry queues

Queues for the last ferry home stretched along the quay, and extra boats ran until one in the morning.

Overheard on the pier: grandmother insists ferries were cheaper decades ago

Visitors traded stories while they waited, and the stall holders sold out of lanterns before eleven.

Overheard on the pier: toddler demands seventh candyfloss before bedtime

Parents said the queues were worth it, and most of them planned to come back next year.

Dancers rehearse beneath striped flags Photo courtesy Ana Lopez

Next year's festival will run for two days, the organisers said, with a second parade on Sunday.
`)
	wantOnlyDropped(t, a, "Senator announces review of rural broadband subsidies")
	if h := blocksOf(a, model.Heading); !slices.Contains(h, "Fireworks light the harbour after the lantern parade") {
		t.Errorf("headings %q, want the fireworks' among them", h)
	}
	var texts []string
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	for _, kept := range []string{
		"Overheard on the pier: grandmother insists ferries were cheaper decades ago",
		"Overheard on the pier: toddler demands seventh candyfloss before bedtime",
		"Dancers rehearse beneath striped flags Photo courtesy Ana Lopez",
	} {
		if !slices.Contains(texts, kept) {
			t.Errorf("%q is gone from the text; blocks %q", kept, texts)
		}
	}
}

// The lines blogs and news sites set around every article go; lines that
// only begin like them stay.
func TestSiteFurniture(t *testing.T) {
	a := parseText(t, `Harbour festival draws record crowds

Posted on January 5, 2018 by harbourdesk

Subscribe to Harbour Times for FREE

The harbour festival drew more than forty thousand visitors on Saturday, the organisers said, the most since it began in 1998.

Advertisements

Posted on Facebook by the organisers.

© Harbour Museum 1975

Boats decorated with lanterns sailed past the old customs house at dusk, and food stalls lined the quay until midnight.

Continue reading →

Copyright © Harbour Times

Older articles by Jane Doe

RSS Feed for Jane Doe

Please adhere to our commenting policy to avoid being banned. We remove comments that contain spam or abuse.

See an error in this article? Send us a correction

SEE MORE HARBOUR NEWS AT: HARBOURTIMES.EXAMPLE

Filed under: Festivals, Harbour | 3 Comments »

See more Harbour Week posts.

Updated Jan. 6 at 9:10 am E.T.

This story was produced by the Harbour Desk, which publishes the Quay Review.

This article originally appeared on Harbour Weekly.

Enlarge this image toggle caption Jo Park/AP Jo Park/AP

ALSO READ: Ten boats to see at the harbour festival

More on: The quay's new lights are the brightest on the coast

9:53 PM - 6 Jan 2018

Click for more from The Harbour Times.

Read more from Jane Doe’s archive, follow her on Twitter or subscribe to her updates on Facebook.

The organisers said the story of this year's festival was the weather.

Updated plans for the quay will be shown at the town hall next week, and residents can comment until March.
`)
	want := []string{
		"Posted on January 5, 2018 by harbourdesk", "Subscribe to Harbour Times for FREE", "Advertisements",
		"Continue reading →", "Copyright © Harbour Times", "Older articles by Jane Doe", "RSS Feed for Jane Doe",
		"Please adhere to our commenting policy to avoid being banned. We remove comments that contain spam or abuse.",
		"See an error in this article? Send us a correction", "SEE MORE HARBOUR NEWS AT: HARBOURTIMES.EXAMPLE",
		"Filed under: Festivals, Harbour | 3 Comments »", "See more Harbour Week posts.", "Updated Jan. 6 at 9:10 am E.T.",
		"This story was produced by the Harbour Desk, which publishes the Quay Review.",
		"This article originally appeared on Harbour Weekly.", "Enlarge this image toggle caption Jo Park/AP Jo Park/AP",
		"ALSO READ: Ten boats to see at the harbour festival", "More on: The quay's new lights are the brightest on the coast",
		"9:53 PM - 6 Jan 2018",
		"Click for more from The Harbour Times.",
		"Read more from Jane Doe’s archive, follow her on Twitter or subscribe to her updates on Facebook.",
	}
	for _, w := range want {
		if !slices.Contains(a.Dropped, w) {
			t.Errorf("%q is not dropped (dropped %q)", w, a.Dropped)
		}
	}
	for _, kept := range []string{
		"Posted on Facebook by the organisers.",
		"© Harbour Museum 1975",
		"The organisers said the story of this year's festival was the weather.",
		"Updated plans for the quay will be shown at the town hall next week, and residents can comment until March.",
	} {
		if slices.Contains(a.Dropped, kept) {
			t.Errorf("%q was dropped", kept)
		}
	}
	if len(a.Byline) > 0 {
		t.Errorf("byline %q, want none", a.Byline)
	}
}

// A byline where the title would be is the writer's name, and the text
// has no title line; a "By" left without a name goes.
func TestOpeningByline(t *testing.T) {
	story := "\n\nThe harbour festival drew more than forty thousand visitors on Saturday, the organisers said.\n\nBoats sailed past the customs house at dusk.\n"
	for _, tc := range []struct {
		text    string
		byline  []string
		dropped []string
	}{
		{"by Jane Doe" + story, []string{"Jane Doe"}, nil},
		{"By\n\nJane Doe" + story, []string{"Jane Doe"}, []string{"By"}},
		{"By" + story, nil, []string{"By"}},
	} {
		a := parseText(t, tc.text)
		if !slices.Equal(a.Byline, tc.byline) || !slices.Equal(a.Dropped, tc.dropped) {
			t.Errorf("%q: byline %q, dropped %q; want %q, %q", tc.text[:12], a.Byline, a.Dropped, tc.byline, tc.dropped)
		}
		if !a.TitleGuessed || !strings.HasPrefix(a.Title, "The harbour festival") {
			t.Errorf("%q: title %q (guessed %v), want the first sentence, guessed", tc.text[:12], a.Title, a.TitleGuessed)
		}
	}
}

// Words after the last sentence that ask the reader to do something are
// no signature; nor are six capitalised words with nothing to part two
// names.
func TestBylinesThatAreNot(t *testing.T) {
	a := parseText(t, "Harbour festival draws record crowds\n\nThe festival drew forty thousand visitors on Saturday, the organisers said.\n\n"+
		"Download the festival guide and plan your weekend. CLICK HERE\n")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q from a call to action", a.Byline)
	}
	b := parseText(t, "Harbour festival draws record crowds\n\nHow The Council Plans Pays Great Dividends\n\n"+
		"The festival drew forty thousand visitors on Saturday, the organisers said.\n\nBoats sailed past the customs house at dusk.\n")
	if len(b.Byline) > 0 {
		t.Errorf("byline %q from a headline", b.Byline)
	}
	c := parseText(t, "Harbour festival draws record crowds\n\nHuyền My Theo Trí Thức Trẻ\n\nThe festival drew forty thousand visitors on Saturday.\n")
	if !slices.Equal(c.Byline, []string{"Huyền My Theo Trí Thức Trẻ"}) && !slices.Contains(c.Byline, "Huyền My") {
		t.Errorf("byline %q, want the name and its credit", c.Byline)
	}
	// The man in the story's last picture, named as the story names him,
	// under it; the writer signed above.
	d := parseText(t, "Cựu giám đốc sở bị truy tố\n\nViện kiểm sát đã truy tố cựu giám đốc sở vì nhận hối lộ trong ba năm.\n\n"+
		"Ông bị cáo buộc nhận hơn hai tỷ đồng từ các nhà thầu.\n\nMinh Hà\n\nÔng Trần Văn Lộc (nguyên Giám đốc Sở Xây dựng)\n")
	wantByline(t, d, "Minh Hà")
	if c := blocksOf(d, model.Caption); !slices.Equal(c, []string{"Ông Trần Văn Lộc (nguyên Giám đốc Sở Xây dựng)"}) {
		t.Errorf("captions %q, want the man in the picture", c)
	}
}

// A poem's lines are verses, not headings; short tips under short heads
// keep their heads.
func TestVerseLines(t *testing.T) {
	var poem strings.Builder
	poem.WriteString("The Tide Keeps Time\n\n")
	for _, v := range []string{"the harbour", "the ferries", "the lanterns", "the gulls", "the market", "the lighthouse", "the old pier"} {
		poem.WriteString("When the tide came in over " + v + " …\n\nI stayed on the wall;\n\nI did not look away\n\n")
	}
	poem.WriteString("And when the water reached the wall,\n\nthere was no one else to see it.\n")
	a := parseText(t, poem.String())
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q, want the verses as lines", h)
	}
	tips := parseText(t, `Seven ways to enjoy the festival

The harbour festival opens on Saturday. Here is how to make the most of it.

Arrive early
The quay fills by noon, so come before ten.

Bring cash
Half the stalls take no cards.

Pack a coat
The wind turns cold after dark.

Mind the tide
The lower steps flood at eight.

Book the ferry
Tickets for the last boat sell out by six.

Try the buns
The saffron buns sell out first.

Stay for the lights
The lantern parade starts at nine.
`)
	if h := blocksOf(tips, model.Heading); len(h) != 7 {
		t.Errorf("headings %q, want the seven tips' heads", h)
	}
}

// A photo's credit alone under the title is the caption of the photo
// above the story, not its standfirst.
func TestCreditUnderTitle(t *testing.T) {
	a := parseText(t, "Harbour festival draws record crowds\n\nPhoto Credit: Jane Doe / Harbour Times\n\n"+
		"Forty thousand came to the quay on Saturday, the most since 1998.\n\nBoats sailed past the customs house at dusk.\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"Photo Credit: Jane Doe / Harbour Times"}) {
		t.Errorf("captions %q", c)
	}
	if a.Lead != "Forty thousand came to the quay on Saturday, the most since 1998." {
		t.Errorf("lead %q", a.Lead)
	}
}

// The note on the writer that ends an opinion piece names the byline and
// stays in the text.
func TestClosingBio(t *testing.T) {
	bio := "— Jane Doe is a writer and a fellow at the Harbour Institute. She tweets @janedoe."
	a := parseText(t, "The festival deserves a second day\n\nForty thousand people came to the quay on Saturday, and most of them could not reach the stalls.\n\n"+
		"The council should give the festival a second day next year.\n\n"+bio+"\n")
	if !slices.Equal(a.Byline, []string{"Jane Doe"}) {
		t.Errorf("byline %q, want Jane Doe", a.Byline)
	}
	found := false
	for _, b := range a.Blocks {
		found = found || strings.Contains(b.Text, "Jane Doe is a writer")
	}
	if !found {
		t.Errorf("the note on the writer is gone from the text (dropped %q)", a.Dropped)
	}
}

// A photo's caption with its credit where the title or the standfirst
// would be is the caption: the title is then a guess, the standfirst the
// next line.
func TestCaptionWhereTitleWouldBe(t *testing.T) {
	a := parseText(t, "Người dân đi bộ qua cầu Long Biên sau cơn mưa - Ảnh: Minh Khang\n"+
		"Chiều 5/4, mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.\n"+
		"Lực lượng chức năng đã có mặt để phân luồng giao thông tại các điểm ngập.\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"Người dân đi bộ qua cầu Long Biên sau cơn mưa - Ảnh: Minh Khang"}) {
		t.Errorf("captions %q", c)
	}
	if !a.TitleGuessed {
		t.Errorf("title %q claimed, want a guess", a.Title)
	}
	b := parseText(t, "Hà Nội mưa lớn, nhiều phố ngập sâu\n"+
		"Nước ngập trên phố Huế chiều 5/4. Ảnh: Minh Khang.\n"+
		"Chiều 5/4, mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.\n"+
		"Lực lượng chức năng đã có mặt để phân luồng giao thông tại các điểm ngập.\n")
	if c := blocksOf(b, model.Caption); !slices.Equal(c, []string{"Nước ngập trên phố Huế chiều 5/4. Ảnh: Minh Khang."}) {
		t.Errorf("captions %q", c)
	}
	if b.Lead != "Chiều 5/4, mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu." {
		t.Errorf("lead %q", b.Lead)
	}
}

// An image's alternative text, the title numbered, goes; a caption that
// only ends in a number stays.
func TestImageAltText(t *testing.T) {
	a := parseText(t, "Hà Nội mưa lớn, nhiều phố ngập sâu\n\n"+
		"Chiều 5/4, mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu.\n\n"+
		"Hà Nội mưa lớn, nhiều phố ngập sâu - Ảnh 1.\n\n"+
		"Nước ngập trên phố Huế chiều 5/4 - Ảnh: Minh Khang\n\n"+
		"Ha Noi mua lon nhieu pho ngap sau hinh anh 2\n\n"+
		"Lượng mưa đo được tại trạm Láng là 120 mm, tại trạm Hà Đông là 98 mm.\n")
	want := []string{"Hà Nội mưa lớn, nhiều phố ngập sâu - Ảnh 1.", "Ha Noi mua lon nhieu pho ngap sau hinh anh 2"}
	wantOnlyDropped(t, a, want...)
}

// A wire dateline is found where a standfirst, a pull quote or a player's
// label stands before the story's first paragraph, with the state or
// country spelled out ("HARRISBURG, Pennsylvania --"), and in a press
// release's title case with the state's postal code ("Harrisburg, PA
// --"); not in a kicker over another story's teaser, a short link, a name
// with a note, or before a code that is no state's.
func TestLaterDateline(t *testing.T) {
	story := "Title: Council delays the bridge vote\n\n" +
		"The vote on the new bridge will wait until the engineers report, the council said.\n\n" +
		"\"We will not be rushed,\" the council's chair said on Thursday.\n\n" +
		"%s -- The city council on Thursday put off its vote on the new river bridge until engineers report on the old one, which has been closed since March.\n\n" +
		"Members said the report was due within a month.\n"
	for _, place := range []string{"HARRISBURG, Pennsylvania", "TEXAS, USA", "SALT LAKE CITY", "EUGENE, Ore.", "Harrisburg, PA"} {
		a := parseText(t, fmt.Sprintf(story, place))
		if a.Dateline != place {
			t.Errorf("dateline %q, want %q", a.Dateline, place)
		}
		if p := blocksOf(a, model.Paragraph); len(p) < 2 || !strings.HasPrefix(p[1], "The city council on Thursday") {
			t.Errorf("%s: paragraphs %q", place, p)
		}
		if !strings.HasPrefix(a.Lead, "The vote on the new bridge") {
			t.Errorf("%s: lead %q", place, a.Lead)
		}
	}
	cnn := parseText(t, "Title: Council delays the bridge vote\n\n"+
		"Story highlights The vote will wait for the engineers' report\n\n"+
		"The bridge has been closed since March\n\n"+
		"Harrisburg (CNN) The city council on Thursday put off its vote on the new river bridge until engineers report on the old one.\n\n"+
		"Members said the report was due within a month.\n")
	if cnn.Dateline != "Harrisburg" || cnn.Source != "CNN" {
		t.Errorf("dateline %q, source %q", cnn.Dateline, cnn.Source)
	}
	if p := blocksOf(cnn, model.Paragraph); len(p) < 2 || !strings.HasPrefix(p[1], "The city council on Thursday") {
		t.Errorf("paragraphs %q", p)
	}
	for _, line := range []string{
		"DEADLY DRUG – A new sedative is far more dangerous than anything before it, doctors now say. Continue reading…",
		"RIVER WATCH - Our daily map",
		"Washington (CNN) Watch the council's vote live",
		"JO PARK (with partner Sam Lee) - Jo Park has gone from the bottom of the table to the top in six weeks, and the judges took notice.",
		"Harrisburg, ZZ -- The city council on Thursday put off its vote on the new river bridge until engineers report on the old one.",
	} {
		a := parseText(t, "Title: Council delays the bridge vote\n\n"+
			"The vote on the new bridge will wait until the engineers report, the council said.\n\n"+line+"\n\n"+
			"The city council on Thursday put off its vote on the new river bridge until engineers report on the old one.\n")
		if a.Dateline != "" {
			t.Errorf("dateline %q from %q", a.Dateline, line)
		}
	}
}

// Other stories' teasers, a few words and their link's "Continue reading…"
// or a cut sentence and "Read More", go; a page that is mostly teasers (a
// blog's front page) keeps them.
func TestStoryTeasers(t *testing.T) {
	teasers := []string{
		"RIVER WATCH – Why the water keeps rising in the old town. Continue reading…",
		"The council has met four times about the bridge, but the engineers say that the... Read More",
	}
	a := parseText(t, "Title: Council delays the bridge vote\n\n"+
		"The city council on Thursday put off its vote on the new river bridge until engineers report.\n\n"+
		teasers[0]+"\n\n"+
		"Members said the report was due within a month, and that the old bridge would stay shut.\n\n"+
		"The engineers have been asked to look at the piers first.\n\n"+
		teasers[1]+"\n\n"+
		"A public meeting is set for the first Monday of next month.\n")
	for _, s := range teasers {
		if !slices.Contains(a.Dropped, s) {
			t.Errorf("kept %q (dropped %q)", s, a.Dropped)
		}
	}
	if p := blocksOf(a, model.Paragraph); len(p) != 3 {
		t.Errorf("paragraphs %q", p)
	}
	front := parseText(t, "Title: The river blog\n\n"+teasers[0]+"\n\n"+teasers[1]+"\n\n"+
		"Old maps of the river show where the water went... Read More\n\n"+
		"About this blog: notes on the river and the town, written since 2009.\n")
	for _, s := range teasers {
		if slices.Contains(front.Dropped, s) {
			t.Errorf("a front page of teasers lost %q", s)
		}
	}
}

// Links to other stories set off by ">>" go; a short label after ">>"
// (the quiz's answer, a service) stays.
func TestArrowLinks(t *testing.T) {
	links := []string{">> Phố cổ Hội An đón lượng khách kỷ lục dịp cuối năm", ">>Ba cây cầu mới sẽ khởi công trong năm sau"}
	a := parseText(t, "Hà Nội mở thêm tuyến phố đi bộ quanh hồ Tây\n\n"+
		"Từ tháng sau, các tuyến phố quanh hồ Tây sẽ cấm xe vào cuối tuần.\n\n"+
		"Người dân và du khách có thể đi bộ, đạp xe trên các tuyến phố này.\n\n"+
		">> Đáp án\n\n"+
		"Thành phố sẽ bố trí thêm bãi giữ xe ở đầu các tuyến phố.\n\n"+
		links[0]+"\n\n"+links[1]+"\n\nMinh Anh\n")
	for _, l := range links {
		if !slices.Contains(a.Dropped, l) {
			t.Errorf("kept %q (dropped %q)", l, a.Dropped)
		}
	}
	if slices.Contains(a.Dropped, ">> Đáp án") {
		t.Errorf("the answer's label went: %q", a.Dropped)
	}
}

// A section filed as a writer ("by In the news" over "by Dan Lucas") goes,
// and the writer under it is the byline; the leftovers of a video's
// share and embed box, a request to follow on several networks, a note
// that the story goes on below and a link to the writer's own site go too.
func TestSectionBylineAndPlayerLeftovers(t *testing.T) {
	gone := []string{
		"by In the news",
		"Play Facebook", "Twitter", "Google Plus",
		"Embed The harbour ferry returns 0:41 autoplay autoplay Copy this code to your website or blog",
		"Story continues below…",
		"Follow Harbour News on Facebook, Twitter and Instagram.",
		"To read more from Ana, visit www.ana-reyes.example",
	}
	a := parseText(t, "Title: The ferry is back\n\n"+
		gone[0]+"\nby Ana Reyes\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+
		strings.Join(gone[1:5], "\n")+"\n"+
		"The repairs cost more than planned, and fares will rise by a tenth in the summer.\n"+
		gone[5]+"\n"+
		"The council said the extra cost would be shared with the port.\n"+
		strings.Join(gone[6:], "\n")+"\n")
	wantByline(t, a, "Ana Reyes")
	wantDropped(t, a, gone...)
	if p := blocksOf(a, model.Paragraph); len(p) != 3 || !strings.HasPrefix(a.Lead, "The harbour ferry returned") {
		t.Errorf("lead %q, paragraphs %q", a.Lead, p)
	}
}

// An agency's caption that says what the picture is ("In this photo
// provided by ..."), a blog's "Featured image via ..." (an agency's name
// in it, its words capitalised, or last in the text), and a credit of
// several outlets in brackets are captions; a sentence that opens "In this
// case" is not.
func TestWireCaptions(t *testing.T) {
	captions := []string{
		"In this photo provided by the city council, members walk the old bridge on March 3.",
		"Engineers inspect the piers on Monday. (Jo Park/Harbour Times/Harbour News/Getty Images)",
		"Featured image via Twitter",
		"Featured image via Jo Park/Getty Images",
		"Featured image by Jo Park",
		"Featured Image Via Harbour Photos",
	}
	a := parseText(t, "Title: The bridge will wait\n\n"+
		"The council put off its vote on the bridge until the engineers report.\n\n"+
		captions[0]+"\n\n"+
		"In this case, the engineers said, the piers matter more than the deck.\n\n"+
		captions[1]+"\n\n"+
		"The report is due within a month, the council said.\n\n"+
		captions[2]+"\n\n"+
		"A public meeting is set for the first Monday of next month.\n\n"+
		captions[3]+"\n\n"+
		"The ferry will run more often until then.\n\n"+
		captions[4]+"\n\n"+
		"Tickets go on sale on Friday.\n\n"+
		captions[5]+"\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, captions) {
		t.Errorf("captions %q", c)
	}
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
}

// A desk that signs a story ("Ban Thời sự") is its byline; the organisers
// ("Ban tổ chức") named at the end are not a desk.
func TestDeskSignature(t *testing.T) {
	story := "Mưa lớn gây ngập nhiều tuyến phố\n\nTrận mưa kéo dài từ chiều qua khiến nhiều tuyến phố ngập sâu.\n\nNhiều xe máy chết máy giữa đường, người dân phải dắt bộ.\n\n"
	if a := parseText(t, story+"Ban Thời sự\n"); !slices.Equal(a.Byline, []string{"Ban Thời sự"}) {
		t.Errorf("byline %q, want the desk", a.Byline)
	}
	if a := parseText(t, story+"Ban tổ chức\n"); len(a.Byline) > 0 {
		t.Errorf("byline %q from the organisers", a.Byline)
	}
}

// Share counters (their targets' names run together too), the line a page
// leaves where an advertisement was, a video widget's teaser, a pop-up
// kept with its close button and a petition's appeal go; a
// sentence that opens with a number of shares, or with popular videos,
// stays.
func TestShareCountsAndPopups(t *testing.T) {
	gone := []string{
		"16.8k SHARES SHARE THIS STORY",
		"2,310 SHARES Facebook Twitter Reddit Stumbleupon Pinterest",
		"Continue reading after this ad",
		"Popular Video A young pianist was stunned when the orchestra asked her on stage. Then it played her song.",
		"× The Harbour Cookbook by Ana Reyes Forty recipes from the fishing towns of the coast. Buy Now",
		"Story Continued Below",
		"8,422 SHARES SHARES FacebookTwitter GooglePinterestDiggLinkedin Reddit PrintDeliciousPocket",
		"Add your name to thousands asking the council to keep the ferry running!",
	}
	kept := []string{
		"12,000 shares changed hands before noon, the exchange said.",
		"Popular videos on the council's site drew thousands of views last month.",
		"Trending Video clips of the first crossing were shared thousands of times.",
	}
	a := parseText(t, "Title: The ferry is back\n\n"+
		gone[0]+"\n\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n\n"+
		gone[1]+"\n\n"+kept[0]+"\n\n"+gone[2]+"\n\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n\n"+
		gone[3]+"\n\n"+kept[1]+"\n\n"+kept[2]+"\n\n"+gone[4]+"\n\n"+gone[5]+"\n\n"+
		"The council said the extra cost would be shared with the port.\n\n"+gone[6]+"\n\n"+
		"Fares will rise by a tenth in the summer.\n\n"+gone[7]+"\n")
	wantDropped(t, a, gone...)
	p := blocksOf(a, model.Paragraph)
	for _, k := range kept {
		if !slices.Contains(p, k) {
			t.Errorf("%q is not a paragraph: %q", k, p)
		}
	}
	if !strings.HasPrefix(a.Lead, "The harbour ferry returned") {
		t.Errorf("lead %q", a.Lead)
	}
}

// "Posted by NAME on DATE" under the title names the writer, and the line
// is listed as removed; a post by the site's account names no one.
func TestPostedBy(t *testing.T) {
	for _, c := range []struct {
		line   string
		byline []string
	}{
		{"Posted by Ana Reyes on 20 Sep 2016", []string{"Ana Reyes"}},
		{"Posted on March 3, 2016 by Jo Park", []string{"Jo Park"}},
		{"Posted on March 3, 2016 by admin", nil},
		{"Posted by Admin on 3 March 2016", nil},
		{"Posted by The Harbour Desk 24 on Tuesday", nil},
	} {
		a := parseText(t, "Title: The ferry is back\n\n"+c.line+"\n\n"+
			"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n\n"+
			"Passengers lined up before dawn for the first crossing of the year.\n")
		if !slices.Equal(a.Byline, c.byline) || !slices.Contains(a.Dropped, c.line) {
			t.Errorf("%q: byline %q, dropped %q", c.line, a.Byline, a.Dropped)
		}
	}
}

// A question that says who asked it ("..., a councillor asked, ...") is
// the story's sentence, not a section's heading; a question alone is.
func TestReportedQuestion(t *testing.T) {
	a := parseText(t, "Title: The ferry is back\n\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs.\n\n"+
		"And what exactly, a councillor asked, would the next repairs cost?\n\n"+
		"No one at the meeting could say.\n\n"+
		"What happens next\n\n"+
		"The council will vote on the fares in June.\n")
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"What happens next"}) {
		t.Errorf("headings %q", h)
	}
}

// A short line made only of a page's controls is dropped though no rule
// names it, where it opens the text too; a line that leads into what
// follows, and lines with words of their own, stay. In Vietnamese a
// control is two syllables: a writer's name made of their syllables
// ("Quang Anh") is not one, nor are lines that name someone after one.
func TestControlsLines(t *testing.T) {
	gone := []string{
		"Listen 7 min Comment on this story Comment Gift Article Share",
		"VIEW GALLERY - 5 IMAGES",
		"DOWNLOAD OUR APPS",
		"Video Ad Feedback",
		"3 Min Read",
		"Like this: Like Loading...",
	}
	kept := []string{
		"Share your photos with us:",
		"Follow the money",
		"Share the harbour with the ferries",
	}
	a := parseText(t, "Title: The ferry is back\n\n"+gone[0]+"\n\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n\n"+
		gone[1]+"\n\n"+kept[0]+"\n\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n\n"+
		gone[2]+"\n\n"+gone[3]+"\n\n"+kept[1]+"\n\n"+
		"The repairs cost more than planned, and fares will rise by a tenth.\n\n"+
		gone[4]+"\n\n"+kept[2]+"\n\n"+
		"The council said the port would share the extra cost.\n\n"+gone[5]+"\n\n"+
		"The harbour master said more boats would follow.\n\n"+
		"Photo: Harbour News Stories\n")
	wantDropped(t, a, gone...)
	for _, k := range append(kept, "Photo: Harbour News Stories") {
		if slices.Contains(a.Dropped, k) {
			t.Errorf("dropped %q", k)
		}
	}
	if !strings.HasPrefix(a.Lead, "The harbour ferry returned") {
		t.Errorf("lead %q", a.Lead)
	}

	vi := parseText(t, "Phà Bãi Cháy chạy lại sau kỳ sửa chữa\n\n"+
		"Sáng nay, phà Bãi Cháy chở chuyến khách đầu tiên sau ba tháng sửa chữa.\n\n"+
		"Bình luận (3)\n\n"+
		"Hành khách xếp hàng từ sớm để lên chuyến phà đầu năm.\n\n"+
		"Chia sẻ bài viết của bạn tại đây\n\n"+
		"Chia sẻ của Quang Anh\n\n"+
		"Anh cho biết chuyến phà đầu tiên đã kín chỗ từ tuần trước.\n\n"+
		"Bình luận của Quang\n\n"+
		"Quang nói phà chạy êm hơn trước.\n\n"+
		"Quang Anh\n")
	wantDropped(t, vi, "Bình luận (3)", "Chia sẻ bài viết của bạn tại đây")
	for _, k := range []string{"Chia sẻ của Quang Anh", "Bình luận của Quang"} {
		if slices.Contains(vi.Dropped, k) {
			t.Errorf("dropped %q", k)
		}
	}
	if !slices.Equal(vi.Byline, []string{"Quang Anh"}) {
		t.Errorf("byline %q, dropped %q", vi.Byline, vi.Dropped)
	}
}

// wantDropped reports each of lines that a does not list as removed.
func wantDropped(t *testing.T, a *model.Article, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !slices.Contains(a.Dropped, l) {
			t.Errorf("kept %q", l)
		}
	}
}

// wantOnlyDropped fails t unless a's removed lines are lines, in order.
func wantOnlyDropped(t *testing.T, a *model.Article, lines ...string) {
	t.Helper()
	if !slices.Equal(a.Dropped, lines) {
		t.Errorf("dropped %q, want %q", a.Dropped, lines)
	}
}

// wantByline fails t unless a's byline is names.
func wantByline(t *testing.T, a *model.Article, names ...string) {
	t.Helper()
	if !slices.Equal(a.Byline, names) {
		t.Errorf("byline %q, want %q", a.Byline, names)
	}
}

// Two or more indented headlines one under the other, between blank
// lines, are a box of links to other stories; an indented list, a lone
// indented line, and indented captions in the one-paragraph-a-line layout
// are not.
func TestIndentedLinkBox(t *testing.T) {
	links := []string{"Phà Bãi Cháy tạm dừng vì sương mù dày đặc", "Hành khách xếp hàng dài chờ chuyến phà đầu năm"}
	a := parseText(t, "Phà Bãi Cháy chạy lại sau kỳ sửa chữa\n\n"+
		"TTO - Sáng nay, phà Bãi Cháy chở chuyến khách đầu tiên sau ba tháng sửa chữa.\n\n"+
		"    "+links[0]+"\n    "+links[1]+"\n\n"+
		"Hành khách cho biết phà chạy êm hơn trước.\n\n"+
		"    Giá vé mới áp dụng từ tháng sau\n\n"+
		"Ban quản lý cho biết giá vé sẽ tăng nhẹ:\n\n"+
		"  - Vé người lớn tăng 5.000 đồng\n  - Vé trẻ em giữ nguyên\n\n"+
		"Phà chạy mỗi giờ một chuyến.\n\n"+
		"    Xe buýt đón khách ở bến phà\n    Tàu cao tốc cập cảng Tuần Châu\nHai tuyến nối chuyến chạy từ tháng sau.\n")
	wantDropped(t, a, links...)
	for _, k := range []string{"Giá vé mới áp dụng từ tháng sau", "- Vé người lớn tăng 5.000 đồng", "Vé người lớn tăng 5.000 đồng",
		"Xe buýt đón khách ở bến phà", "Tàu cao tốc cập cảng Tuần Châu"} {
		if slices.Contains(a.Dropped, k) {
			t.Errorf("dropped %q", k)
		}
	}
	if items := blocksOf(a, model.ListItem); len(items) != 2 {
		t.Errorf("list items %q", items)
	}
	dense := parseText(t, "Phà Bãi Cháy chạy lại sau kỳ sửa chữa\n"+
		"Sáng nay, phà Bãi Cháy chở chuyến khách đầu tiên sau ba tháng sửa chữa.\n"+
		"Hành khách cho biết phà chạy êm hơn trước.\n"+
		" Chuyến phà đầu tiên rời bến lúc 6 giờ sáng\n"+
		" Hành khách xếp hàng dài chờ lên phà\n")
	if c := blocksOf(dense, model.Caption); len(c) != 2 || len(dense.Dropped) != 0 {
		t.Errorf("captions %q, dropped %q", c, dense.Dropped)
	}
}

// A wire story's closing staff line names its reporters and writers, who
// are the byline; the line stays, editors and all.
func TestWireStaffLine(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"(Reporting by Ana Reyes and Tom Hale in Lisbon; Editing by Mark Ode)", "Ana Reyes|Tom Hale"},
		{"(Reporting by Ana Reyes, Tom Hale, Li Wei Ming, with reporting by Sam Ode, editing by Mark Ode.)", "Ana Reyes|Tom Hale|Li Wei Ming|Sam Ode"},
		{"(Reporting by Ana Reyes; Additional reporting by Tom Hale; Writing by Sam Ode; Editing by Mark Ode)", "Ana Reyes|Tom Hale|Sam Ode"},
		// Not a staff line: a sentence in brackets, a role with no name.
		{"(Reporting by the harbour office, which counts every crossing.)", ""},
		{"(Editing by Mark Ode)", ""},
	} {
		a := parseText(t, "(Harbourwire) — The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
			"Passengers lined up before dawn for the first crossing of the year.\n"+c.line+"\n")
		if got := strings.Join(a.Byline, "|"); got != c.want {
			t.Errorf("%q: byline %q, want %q", c.line, got, c.want)
		}
		if p := blocksOf(a, model.Paragraph); len(p) == 0 || p[len(p)-1] != c.line {
			t.Errorf("%q: the line is not the last paragraph: %q", c.line, p)
		}
	}
}

// A blog's note that a post is paid for is not its title, and the title
// guessed for the post comes from the post.
func TestDisclosureIsNoTitle(t *testing.T) {
	a := parseText(t, "This post has been compensated by Harbour Ferries. All opinions are mine alone. #ferry #ad\n"+
		"We took the new ferry across the bay on Saturday, and the children have not stopped talking about it. The crossing takes an hour.\n"+
		"Really, have you ever seen water so blue?\n"+
		"The café on the upper deck sells hot chocolate and the best cinnamon buns in town.\n")
	if !a.TitleGuessed || !strings.HasPrefix(a.Title, "We took the new ferry") {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	p := append([]string{a.Lead}, blocksOf(a, model.Paragraph)...)
	for _, want := range []string{"This post has been compensated by Harbour Ferries. All opinions are mine alone. #ferry #ad", "Really, have you ever seen water so blue?"} {
		if !slices.Contains(p, want) {
			t.Errorf("%q is not a paragraph: %q (dropped %q)", want, p, a.Dropped)
		}
	}
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
}

// A first line that is one sentence ending in a quotation is the story,
// not its title.
func TestSentenceEndingInQuote(t *testing.T) {
	a := parseText(t, "The harbour master on Monday defended the ferry's new slogan, “Across the bay, on time.”\n"+
		"The slogan drew jokes on social media, but the ferry's owners said the crossings had never been so punctual.\n")
	if !a.TitleGuessed {
		t.Errorf("title %q claimed", a.Title)
	}
}

// In capitals, a heading may have a short form with a full stop in it.
func TestCapitalHeadingWithAbbreviation(t *testing.T) {
	a := parseText(t, "New ferries at the harbour show\n"+
		"Three new ferries are on display this week at the harbour show. Here are the highlights:\n"+
		"HARBOUR CO. CLIPPER\n"+
		"The Clipper seats two hundred and crosses the bay in forty minutes.\n"+
		"BAY LINES ST. BRENDAN\n"+
		"The St. Brendan is the first ferry on the bay to run on batteries alone.\n")
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"HARBOUR CO. CLIPPER", "BAY LINES ST. BRENDAN"}) {
		t.Errorf("headings %q", h)
	}
}

// A newsletter's sign-up box goes whole: its name, its pitch and what
// its form says; and so does a list of other stories at the end, its
// cards set apart by dashes. A dash between a story's sections stays.
func TestSignupBoxAndCardList(t *testing.T) {
	box := []string{
		"Harbour Mornings Newsletter",
		"Get the day's crossings, fares and weather before breakfast.",
		"Thanks for signing up!",
		"Keep an eye on your inbox for the morning's news.",
		"Sorry!",
		"There was an error processing your subscription.",
	}
	cards := []string{
		"More from the Harbour Times",
		"-", "Ferry fares rise in spring", "The operator blames the price of fuel",
		"-", "Night crossings return", "Two boats a night from June",
		"-", "The new pier opens", "A year late and over budget, the pier is finished",
	}
	a := parseText(t, "The ferry is back\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		"—\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+
		strings.Join(box, "\n")+"\n"+
		"The council said the extra cost would be shared with the port.\n"+
		strings.Join(cards, "\n")+"\n")
	// In the order they stood, so that D shows them so.
	if want := append(slices.Clone(box), cards...); !slices.Equal(a.Dropped, want) {
		t.Errorf("dropped %q\nwant %q", a.Dropped, want)
	}
	p := blocksOf(a, model.Paragraph)
	for _, k := range []string{"—", "Passengers lined up before dawn for the first crossing of the year.", "The council said the extra cost would be shared with the port."} {
		if !slices.Contains(p, k) {
			t.Errorf("%q is not a paragraph: %q", k, p)
		}
	}
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
	// What a form says once sent goes by itself too.
	a = parseText(t, "The ferry is back\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		"Thanks for signing up!\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n")
	wantDropped(t, a, "Thanks for signing up!")
}

// A note asking for letters, with the address to send them to, goes; a
// story that asks for word in passing keeps it. So does a request to
// follow the site with its handle in brackets.
func TestLettersAppeal(t *testing.T) {
	gone := []string{
		"The Harbour Times welcomes letters to the editor. We’d like to hear what you think about this or any of our articles. Here's our email: letters@harbour.example.",
		"I'd love to hear from you! Write to me at ana@harbour.example with your questions about the ferry.",
		"Follow the Harbour Times on Facebook, Twitter (@HarbourTimes) and Instagram.",
	}
	kept := "The count is our own. If it does not match yours, we'd like to hear from you. Email counts@harbour.example."
	a := parseText(t, "The ferry is back\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		kept+"\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+
		strings.Join(gone, "\n")+"\n")
	wantDropped(t, a, gone...)
	if !slices.Contains(blocksOf(a, model.Paragraph), kept) {
		t.Errorf("%q is not a paragraph (dropped %q)", kept, a.Dropped)
	}
}

// The card some news sites pop up over a person's name, glued into the
// sentence by a page's dump, goes; the sentence closes over it.
func TestNameCards(t *testing.T) {
	card := "Ana Maria ReyesHarbour master defends ferry slogan Harbour master opens new pier MORE"
	a := parseText(t, "The ferry is back\n"+
		"Harbour master Ana Reyes"+card+" (Ind.) said on Monday that the ferry would run all winter.\n"+
		"Passengers lined up before dawn for the first crossing of the year. Read MORE at the harbour office.\n")
	wantDropped(t, a, card)
	if want := "Harbour master Ana Reyes (Ind.) said on Monday that the ferry would run all winter."; a.Lead != want {
		t.Errorf("lead %q, want %q", a.Lead, want)
	}
	if p := blocksOf(a, model.Paragraph); len(p) != 1 || !strings.HasSuffix(p[0], "Read MORE at the harbour office.") {
		t.Errorf("paragraphs %q", p)
	}
	// A name said twice, glued, with no stories after it, is no card.
	text := "Mayor Ana ReyesAna Reyes said the new boats are MORE reliable than the old ones."
	a = parseText(t, "The ferry is back\n"+text+"\nPassengers lined up before dawn for the first crossing of the year.\n")
	if a.Lead != text || len(a.Dropped) > 0 {
		t.Errorf("lead %q, dropped %q", a.Lead, a.Dropped)
	}
}

// A closing note on the writer without a dash names the byline when it
// says what they do; the note stays.
func TestWriterNote(t *testing.T) {
	for _, c := range []struct{ last, want string }{
		{"Ana Reyes is the Harbour Times's ferry correspondent and has crossed the bay a thousand times.", "Ana Reyes"},
		{"Tom Hale is a freelance writer based in Lisbon.", "Tom Hale"},
		{"Sam Ode is the yard's chief engineer and has run it since 2004.", ""},
		{"Tom Hale is a writer too, the captain said.", ""},
	} {
		a := parseText(t, "The ferry is back\n"+
			"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
			"Passengers lined up before dawn for the first crossing of the year.\n"+c.last+"\n")
		if got := strings.Join(a.Byline, "|"); got != c.want {
			t.Errorf("%q: byline %q, want %q", c.last, got, c.want)
		}
		if p := blocksOf(a, model.Paragraph); !slices.Contains(p, c.last) {
			t.Errorf("%q is not a paragraph: %q", c.last, p)
		}
	}
}

// A review's box opening "Tested by: NAME" names the writer and stays.
func TestTestedBy(t *testing.T) {
	box := "Tested by: Ana Reyes RRP: £40 More info: harbour.example | 01234 567890"
	a := parseText(t, box+"\n"+
		"If you want a book that makes you feel great about the sea, this is it. It comes with a record of ship horns.\n"+
		"There are some stunning photos in the book, but a few are printed too small.\n")
	wantByline(t, a, "Ana Reyes")
	if !slices.Contains(append([]string{a.Title, a.Lead}, blocksOf(a, model.Paragraph)...), box) {
		t.Errorf("the box is gone: title %q lead %q", a.Title, a.Lead)
	}
}

// Under a story: readers' comments, from their heading to the end; a
// shortcode left as written; a magazine's subscription offer; a
// disclaimer of the views expressed; a copyright line with the year after
// the name. A caption's shortcode, and comments on comments in the story,
// stay.
func TestCommentsAndPageLeftovers(t *testing.T) {
	gone := []string{
		"[button link=”https://harbour.example/letters/” type=”big”] Send us YOUR ferry story[/button]",
		"Get Harbour Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.",
		"The views and opinions expressed in this article do not necessarily reflect those of the Harbour Times.",
		"copyright Harbour Times 2019 - ISSN: 1234-5678",
		"Top Rated Comments",
		"Finally! I missed that boat all winter.",
		"[automerge]1574096160[/automerge]",
		"Will they run on Sundays?",
		"[ Read All Comments ]",
	}
	kept := []string{
		"Readers left 200 comments on the council's page, most of them about the fares.",
		"[caption id=”1”]The ferry at dawn[/caption]",
	}
	a := parseText(t, "The ferry is back\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		kept[0]+"\n"+kept[1]+"\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+
		strings.Join(gone, "\n")+"\n")
	wantDropped(t, a, gone...)
	for _, k := range kept {
		if slices.Contains(a.Dropped, k) {
			t.Errorf("dropped %q", k)
		}
	}
}

// A page's top picture captioned by its label is a caption; a quoted
// heading may pick its quotation up with an ellipsis.
func TestCoverCaptionAndQuotedEllipsis(t *testing.T) {
	a := parseText(t, "The ferry is back\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n"+
		"Cover image: the new ferry leaving the harbour at dawn\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+
		"“… the safest crossing”\n"+
		"The operator's claim rests on ten years without an accident, the port authority said.\n"+
		"Inspectors found no fault with the boats in March.\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"Cover image: the new ferry leaving the harbour at dawn"}) {
		t.Errorf("captions %q", c)
	}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"“… the safest crossing”"}) {
		t.Errorf("headings %q", h)
	}
}

// A page's time stamps near the top go ("Posted ...", "Updated an hour
// ago", a date above the title); the title said twice goes too. Dates
// that head a timeline, or two dates that say nothing of posting, stay.
func TestTimeStampsAndTitleTwice(t *testing.T) {
	a := parseText(t, "Wednesday 20 November 2019 9:22 am\n"+
		"Ferry fares rise in spring\n"+
		"Ferry fares rise in spring\n"+
		"Updated Nov 19, 6:55 AM;\n"+
		"Published Wed, Nov 20 20194:29 AM EST\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday.\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n")
	if a.Title != "Ferry fares rise in spring" || a.TitleGuessed {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	wantDropped(t, a, "Wednesday 20 November 2019 9:22 am", "Ferry fares rise in spring", "Updated Nov 19, 6:55 AM;", "Published Wed, Nov 20 20194:29 AM EST")
	if !strings.HasPrefix(a.Lead, "The harbour ferry's fares") {
		t.Errorf("lead %q", a.Lead)
	}
	for _, text := range []string{
		"Harbour diary\nJuly 24\nThe new ferry was launched at the yard on a grey morning.\nAugust 20\nSea trials began off the point, with the harbour master on board.\n",
		"Harbour diary\nJuly 24\nThe new ferry was launched at the yard on a grey morning, and the whole town came to see it.\n",
		"Harbour board meetings\nMonday, November 25, 2013 at 3:00 PM\nTuesday, April 22, 2014 at 1:00 PM\nAll meetings are held in the harbour office and are open to the public.\n",
	} {
		if a := parseText(t, text); len(a.Dropped) > 0 {
			t.Errorf("dropped %q from %q", a.Dropped, text)
		}
	}
}

// Bylines under the title: a name with the writer's handle; "By NAME,
// Site.com" a line below a photo's caption, the site being the source.
// "Key Points" over a story's points is not a byline, nor the lead.
func TestHeaderBylineForms(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\nAna Reyes @anareyes\nKey Points\n"+
		"Fares go up by a tenth in April.\nNight crossings return in June.\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n")
	wantByline(t, a, "Ana Reyes")
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"Key Points"}) || a.Lead != "" {
		t.Errorf("headings %q, lead %q", h, a.Lead)
	}
	a = parseText(t, "Ferry fares rise in spring\nThe new ferry leaves the harbour at dawn.\nBy Tom Hale, Harbourtimes.com\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n")
	if !slices.Equal(a.Byline, []string{"Tom Hale"}) || a.Source != "Harbourtimes.com" {
		t.Errorf("byline %q, source %q", a.Byline, a.Source)
	}
	wantDropped(t, a, "By Tom Hale, Harbourtimes.com")
}

// Photographers' credits as some sites set them: "Name | Agency" under a
// description; "(Image: © ...)" under a description atop the story; a
// description closed by "© Agency / Name"; "Main image credit: ...".
func TestCreditForms(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n"+
		"The new ferry leaves the harbour at dawn on its first crossing of the year.\n"+
		"(Image: © Harbour Times)\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		"Passengers lined up before dawn for the first crossing of the year, some with flasks of tea.\n"+
		"The harbour master waves the ferry off from the pier on Monday morning, as she has done for thirty years.\n"+
		"Ana Reyes | Harbour Times | Getty Images\n"+
		"The crew of the ferry in front of the yard in March. © Reuters / Tom Hale\n"+
		"Night crossings return in June, the operator said.\n"+
		"Main image credit: Getty\n")
	want := []string{
		"The new ferry leaves the harbour at dawn on its first crossing of the year.",
		"(Image: © Harbour Times)",
		"The harbour master waves the ferry off from the pier on Monday morning, as she has done for thirty years.",
		"Ana Reyes | Harbour Times | Getty Images",
		"The crew of the ferry in front of the yard in March. © Reuters / Tom Hale",
		"Main image credit: Getty",
	}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q\nwant %q", c, want)
	}
}

// Page leftovers: share and follow prompts cut short of their icons, an
// icon's name, a button, another story's summary cut off, escaped
// markup, links to the site's other stories, widget headings, a note
// that the site is paid for sales made through its links.
func TestPageLeftoversOfExtractors(t *testing.T) {
	gone := []string{
		"X Share via",
		"Shares",
		"Follow Harbour Times on",
		"chevron_left Browse All Posts",
		"Two boats collided in the harbour overnight,...",
		`&lt;span data-mce-type="bookmark" style="display: inline-block;"&gt;&amp;#65279;&lt;/span&gt;`,
		"Also on harbourtimes.com Night crossings return in June after a year",
		"Like this story? Share it with a friend!",
	}
	kept := []string{
		"Fares, timetables, the café,...",
		"The café sells tea, buns and sandwiches. It opens at six,...",
	}
	a := parseText(t, "Ferry fares rise in spring\n"+gone[0]+"\n"+gone[1]+"\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		gone[2]+"\n"+gone[3]+"\n"+gone[4]+"\n"+kept[0]+"\n"+kept[1]+"\n"+gone[5]+"\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n"+gone[6]+"\n"+gone[7]+"\n"+
		"Popular on Harbour Times\nNight crossings return\nThe pier opens\n")
	wantDropped(t, a, append(gone, "Popular on Harbour Times")...)
	for _, k := range kept {
		if slices.Contains(a.Dropped, k) {
			t.Errorf("dropped %q", k)
		}
	}
	a = parseText(t, "Ferry fares rise in spring\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		"Get the harbour's news in your inbox every morning.\nGET IT\n")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
	a = parseText(t, "Ferry fares rise in spring\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		"Related Tags\nFerries\nHarbour\n")
	wantDropped(t, a, "Related Tags")
	// A page's list of topics under the story, or its label alone, is
	// not the story's signature.
	for _, end := range []string{"Topics\nFerries\nHarbour\n", "Topics:\n", "Topics\n"} {
		a = parseText(t, "Ferry fares rise in spring\n"+
			"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+end)
		if len(a.Byline) > 0 || !slices.ContainsFunc(a.Dropped, func(d string) bool { return strings.HasPrefix(d, "Topics") }) {
			t.Errorf("%q: byline %q, dropped %q", end, a.Byline, a.Dropped)
		}
	}
	// A note that the site is paid for sales through its links goes; a
	// sentence of the story about commissions stays.
	notes := []string{
		"Disclosure : Harbour Times may earn a commission from some of the products featured on this page.",
		"Sometimes we include links to online stores. If you click on one and make a purchase we may receive a small commission.",
	}
	story := "The ferry company will pay the harbour board a commission on every ticket sold at the pier, the operator said."
	a = parseText(t, "Ferry fares rise in spring\n"+notes[0]+"\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday, blaming the price of fuel.\n"+
		story+"\n"+notes[1]+"\n")
	wantDropped(t, a, notes...)
	if slices.Contains(a.Dropped, story) {
		t.Errorf("dropped %q", story)
	}
}

// A wire story as other sites carry it: its dateline on a line of its own
// or opening the first line (which is then no title), the staff line
// without brackets, its photo credited "AGENCY/Name" or "(AP Photo/Name)",
// links to its graphics, and a running story's times of day as headings.
func TestWireStoryAsCarried(t *testing.T) {
	a := parseText(t, "HARBOURTON, MAINE\n\n"+
		"Harbour Ferries said on Monday it would add a night crossing from June.\n\n"+
		"FILE PHOTO: The night ferry leaves the harbour, November 18, 2019. REUTERS/Ana Reyes\n\n"+
		"The company said demand had grown by a fifth.\n\n"+
		"(Graphic: Ferry crossings in 2019 - here)\n\n"+
		"Reporting by Tom Hale; additional reporting by Li Wei Ming; Editing by Sam Ode\n")
	if a.Dateline != "HARBOURTON, MAINE" || !a.TitleGuessed {
		t.Errorf("dateline %q, title %q (guessed %v)", a.Dateline, a.Title, a.TitleGuessed)
	}
	wantByline(t, a, "Tom Hale", "Li Wei Ming")
	if c := blocksOf(a, model.Caption); len(c) != 1 || !strings.HasPrefix(c[0], "FILE PHOTO:") {
		t.Errorf("captions %q", c)
	}
	wantDropped(t, a, "(Graphic: Ferry crossings in 2019 - here)")

	a = parseText(t, "HARBOURTON, Maine (AP) — The Latest on the ferry that ran aground (all times local):\n\n"+
		"10 p.m.\n\nThe ferry was refloated at high tide, the coast guard said.\n\n"+
		"A worker waves from the deck of the ferry after it was refloated. (AP Photo/Ana Reyes, File)\n\n"+
		"4:14 p.m.\n\nA ferry with 80 passengers ran aground off the point in fog.\n")
	if a.Dateline != "HARBOURTON, Maine" || !a.TitleGuessed {
		t.Errorf("dateline %q, title %q (guessed %v)", a.Dateline, a.Title, a.TitleGuessed)
	}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"10 p.m.", "4:14 p.m."}) {
		t.Errorf("headings %q", h)
	}
	if c := blocksOf(a, model.Caption); len(c) != 1 || !strings.HasSuffix(c[0], "(AP Photo/Ana Reyes, File)") {
		t.Errorf("captions %q", c)
	}
	// One time of day alone is a sentence's.
	a = parseText(t, "Ferry fares rise in spring\n\nThe ferry leaves at\n\n10 p.m.\n\nevery night in summer, the operator said.\n")
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
}

// A call to action in capitals, and a "Comments" label at the end, go.
func TestCapsCallsAndCommentsLabel(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the operator said on Monday.\n\n"+
		"GET HARBOUR TIMES ON THE GO BY CLICKING HERE\n\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n\nComments\n\ncomments\n")
	wantDropped(t, a, "GET HARBOUR TIMES ON THE GO BY CLICKING HERE", "Comments", "comments")
}

// A templated page (a meal plan's days) says lines again by design: a
// long line said twice there stays; in a story, its second copy is the
// scraper's and goes.
func TestTemplatedRepeats(t *testing.T) {
	meal := "Asparagus and eggs with a slice of whole-grain toast, a teaspoon of olive oil, and a cup of blueberries on the side"
	var b strings.Builder
	b.WriteString("Ferry crew meal plan\n\n")
	for _, day := range []string{"Plan A", "Plan B", "Plan C"} {
		b.WriteString(day + "\n\nBreakfast\n\nEat before the first crossing\n\n")
		if day != "Plan C" {
			b.WriteString(meal + "\n\n")
		} else {
			b.WriteString("A bowl of porridge with honey and a pot of strong tea for the cold mornings on deck.\n\n")
		}
		b.WriteString("Lunch\n\nEat between crossings\n\nA fish sandwich from the café on the pier.\n\n")
	}
	a := parseText(t, b.String())
	if slices.Contains(a.Dropped, meal) {
		t.Errorf("dropped %q", meal)
	}
	story := "The harbour ferry returned to service on Monday after a winter of repairs at the yard, its owners said, and the first crossing was full."
	a = parseText(t, "The ferry is back\n\nIt was a long winter at the yard.\n\n"+story+"\n\nPassengers lined up before dawn.\n\nThe café reopened too.\n\nFares are unchanged.\n\nThe pier was repainted.\n\n"+story+"\n")
	wantDropped(t, a, story)
}

// A reader-mode page's head and furniture: a stamp line with an empty
// byline and the topic, said again under the story; "By NAME, DATE";
// buy buttons, "DON'T MISS", "Close", a gallery's counters; "Next Up In
// ..." under the story.
func TestReaderModeFurniture(t *testing.T) {
	stamp := "By | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Ferries"
	a := parseText(t, "\n\nThe best ferries of the year\n\n"+stamp+"\n\n"+
		"Image 1 of 5\n\n1  /  5\n\nBack to Gallery\n\n"+
		"As the year comes to an end, it's time to look back at the ferries that made a splash on the bay.\n\n"+
		"Harbour Clipper for $235\n\nSee it now: Harbour Shop\n\n"+
		"The Clipper crosses the bay in forty minutes and seats two hundred.\n\nDON'T MISS\n\nClose\n\n"+
		"Night crossings return in June, the operator said.\n\n"+stamp+"\n\nNext Up In Ferries\n")
	wantDropped(t, a, stamp, "Image 1 of 5", "1  /  5", "Back to Gallery", "See it now: Harbour Shop", "DON'T MISS", "Close", "Next Up In Ferries")
	if n := strings.Count(strings.Join(a.Dropped, "\n"), stamp); n != 2 {
		t.Errorf("the stamp removed %d times, want 2: %q", n, a.Dropped)
	}
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
	a = parseText(t, "Ferry review: the Clipper\n\nBy Ana Reyes, Wednesday, 20 November 2019 08:05 GMT\n\n"+
		"The Clipper is the best ferry on the bay, and the fastest.\n\nIt seats two hundred.\n")
	wantByline(t, a, "Ana Reyes")
	wantDropped(t, a, "By Ana Reyes, Wednesday, 20 November 2019 08:05 GMT")
}

// Credits alone: a photographer with the outlet after a slash or the
// agency after a comma, and a labelled credit in brackets, initials and
// all; a description and such a credit where the title would be caption
// the picture atop a file that has no title. Words with a slash between
// them are not a credit.
func TestCreditsAloneAndPictureAtop(t *testing.T) {
	a := parseText(t, "An artist's illustration of the new ferry leaving the harbour at dawn on its first crossing.\n\n"+
		"(Image: © Harbour Times/A. Reyes)\n\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs, its owners said.\n\n"+
		"The crew of the ferry in front of the yard\n\nTom Hale, Associated Press\n\n"+
		"Passengers lined up before dawn for the first crossing of the year.\n\nAna Reyes/HTimes\n\n"+
		"Fares will rise by a tenth in the summer.\n\nSafety Record/Risk\n\nThe operator has had no accident in ten years.\n\n"+
		"The boats are inspected every March.\n\nThe last inspection found nothing wrong.\n")
	want := []string{
		"An artist's illustration of the new ferry leaving the harbour at dawn on its first crossing.",
		"(Image: © Harbour Times/A. Reyes)",
		"The crew of the ferry in front of the yard",
		"Tom Hale, Associated Press",
		"Ana Reyes/HTimes",
	}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q\nwant %q", c, want)
	}
	if !a.TitleGuessed || !strings.HasPrefix(a.Title, "The harbour ferry returned") {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	// A standfirst with a stamp line between it and a picture's credit
	// is the lead, not the picture's caption.
	a = parseText(t, "\n\nAll the new ferries of the year, and what we made of them after a season on the bay.\n\n"+
		"By | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Ferries\n\n(Image: Harbour Times)\n\n"+
		"The harbour ferry returned to service on Monday, its owners said.\n\nPassengers lined up before dawn.\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"(Image: Harbour Times)"}) {
		t.Errorf("captions %q", c)
	}
	// Under a title too: the standfirst is the lead when a removed line
	// stands between it and the credit.
	a = parseText(t, "Ferry fares rise in spring\n\nAll the new fares of the year, and what they will cost a family of four.\n\n"+
		"Share\n\n(Image: Harbour Times)\n\nThe harbour ferry's fares go up by a tenth in April.\n\nPassengers grumbled.\n")
	if !strings.HasPrefix(a.Lead, "All the new fares") {
		t.Errorf("lead %q, captions %q", a.Lead, blocksOf(a, model.Caption))
	}
	// A title over a credit is a headline, not a description.
	a = parseText(t, "The ferry is back on the bay after a long winter at the yard\n\n(Photo: Harbour Times)\n\n"+
		"The harbour ferry returned to service on Monday, its owners said.\n\nPassengers lined up before dawn.\n")
	if a.TitleGuessed || a.Title != "The ferry is back on the bay after a long winter at the yard" {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
}

// Three long headings set as headlines are the article's sections, even
// where the text does not use their words; one alone is another story's
// headline.
func TestHeadlineCaseSections(t *testing.T) {
	heads := []string{
		"Despite The Monthly Fee, You Still Buy Every Ticket",
		"The Timetable Isn't Very Impressive Yet, Sadly",
		"Provided You Have A Good Coat, The Deck Is Mostly Excellent",
	}
	paras := []string{
		"The harbour ferry returned to service on Monday after a winter of repairs at the yard in Northport, and the first crossing was full.",
		"Regulars carried flasks of tea, dogs on leads and bicycles with panniers packed for a week on the islands.",
		"The operator, a cooperative owned by its captains, says the hull was rebuilt with oak from a forest upriver.",
		"Engineers replaced the diesel engine with a hybrid one that charges its batteries while the boat sails downwind.",
		"A new café on the upper level sells cinnamon buns, smoked mackerel rolls and hot chocolate with cream.",
		"Children crowd the windows at the bow, where dolphins sometimes race alongside in late summer.",
		"The captain, Ana Reyes, has crossed the bay eleven thousand times and knows every rock by name.",
		"Fog delays departures most mornings in November, when the lighthouse horn sounds every thirty seconds.",
		"Tourists arrive by train from the capital, then walk down cobbled lanes past the fish market to the pier.",
		"Council members argue about subsidies each spring, though nobody has yet proposed closing the route.",
		"Islanders depend on it for groceries, doctors, school runs and the weekly delivery of newspapers.",
		"A second vessel, older and slower, waits at anchor as a reserve should the main boat break down.",
	}
	var b strings.Builder
	b.WriteString("Harbour Ferry Is Back, But The Fares Are Not Cheap\n\n" + paras[0] + "\n\n")
	for i, h := range heads {
		b.WriteString(h + "\n\n")
		for _, p := range paras[1+i*3 : 4+i*3] {
			b.WriteString(p + "\n\n")
		}
	}
	b.WriteString(paras[10] + "\n\n" + paras[11] + "\n")
	a := parseText(t, b.String())
	if h := blocksOf(a, model.Heading); !slices.Equal(h, heads) {
		t.Errorf("headings %q\nwant %q (dropped %q)", h, heads, a.Dropped)
	}
}

// Credits in words, alone on their line, and credits run onto the end of
// a description are captions, with the short description over a credit
// in words; an abbreviation's stop or a writer's name after a sentence
// is no credit.
func TestCreditsInWordsAndAtTheEnd(t *testing.T) {
	a := parseText(t, "Ana Reyes at the helm in 1998.\n"+
		"Photo illustration by Harbour Times. Photo by Jo Lind.\n"+
		"The harbour ferry returned to service on Monday after a winter of repairs at the yard in Northport.\n"+
		"Regulars carried flasks of tea, dogs on leads and bicycles with panniers packed for a week on the islands.\n"+
		"Ana Reyes in 2004.\n"+
		"Photo by Jo Lind\n"+
		"A new café on the upper level sells cinnamon buns, smoked mackerel rolls and hot chocolate.\n"+
		"The ferry leaves the pier on its first crossing of the season at dawn Credit: Harbour Times\n"+
		"Children crowd the windows at the bow, where dolphins race alongside in late summer.\n"+
		"A stock image of a ferry in fog. Fog delays departures most mornings in November. Getty\n"+
		"Crossings per year on the bay since the route opened in 1990. Statista\n"+
		"The deckhand ties up at the northern pier before the storm. Kit Moss/Harbour Times\n"+
		"Tourists arrive by train from the capital, then walk down cobbled lanes to the pier.\n"+
		"New ferries and electric buses highlight the L.A. Auto Show\n"+
		"A portrait of the captain hangs in the office of the former governor George W. Bush\n"+
		"In the end, the crossing was the best part of the whole trip and I would go again. Ana Reyes\n"+
		"Islanders depend on it for groceries, doctors, school runs and the weekly newspapers.\n")
	want := []string{
		"Ana Reyes at the helm in 1998.", "Photo illustration by Harbour Times. Photo by Jo Lind.",
		"Ana Reyes in 2004.", "Photo by Jo Lind",
		"The ferry leaves the pier on its first crossing of the season at dawn Credit: Harbour Times",
		"A stock image of a ferry in fog. Fog delays departures most mornings in November. Getty",
		"Crossings per year on the bay since the route opened in 1990. Statista",
		"The deckhand ties up at the northern pier before the storm. Kit Moss/Harbour Times",
	}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q\nwant %q", c, want)
	}
	if !a.TitleGuessed || !strings.HasPrefix(a.Title, "The harbour ferry returned") {
		t.Errorf("title %q (guessed %v)", a.Title, a.TitleGuessed)
	}
	// A credit in words where the title would be: the story's first
	// sentence stands for the title.
	a = parseText(t, "Photo by Jo Lind\nThe harbour ferry returned to service on Monday after a winter of repairs.\n"+
		"Islanders depend on it for groceries, doctors, school runs and the weekly newspapers.\n")
	if !a.TitleGuessed || !slices.Equal(blocksOf(a, model.Caption), []string{"Photo by Jo Lind"}) {
		t.Errorf("title %q (guessed %v), captions %q", a.Title, a.TitleGuessed, blocksOf(a, model.Caption))
	}
	// A stop after an abbreviation does not end the guessed title.
	a = parseText(t, "The council voted on Nov. 15 to keep the harbour ferry running for another ten years.\n"+
		"Islanders depend on it for groceries, doctors, school runs and the weekly newspapers.\n")
	if a.Title != "The council voted on Nov. 15 to keep the harbour ferry running for another ten years." {
		t.Errorf("title %q", a.Title)
	}
}

// A long line that is no sentence, said three times or more, is the
// caption each picture was given; a question said as often is not.
func TestCaptionSaidThrice(t *testing.T) {
	c := "2019 Harbour Festival [The Ferry: Tale of a Captain] ‘Welcome Aboard Weekend’ Opening Night"
	var b strings.Builder
	b.WriteString("Opening night of the Harbour Festival\nThe festival opened on the pier with a boarding dance and a horn.\n")
	for i, p := range []string{
		"The autumn sky over the bay was clear for the opening night of the festival!",
		"Crowds came down to the pier long before the first boat was due to arrive.",
		"Our team had rehearsed the boarding dance for three weeks in the old net loft.",
		"The mayor cut the ribbon and the captain sounded the horn three times.",
	} {
		b.WriteString(p + "\n")
		if i < 3 {
			b.WriteString(c + "\n")
		}
		b.WriteString("Is the ferry the best thing about living on the islands, do you think?\n")
	}
	a := parseText(t, b.String())
	if got := blocksOf(a, model.Caption); !slices.Equal(got, []string{c, c, c}) {
		t.Errorf("captions %q", got)
	}
}

// Share buttons run onto the last sentence go, and the sentence stays.
func TestShareButtonsOnLastLine(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\nThe harbour ferry's fares go up by a tenth in April.\n\n"+
		"Correction, Nov. 15, 2019: This article misnamed the ferry's builder. It was Lind, not Moss. Tweet Share Comment\n")
	wantDropped(t, a, "Tweet Share Comment")
	if len(a.Byline) > 0 || a.Blocks[len(a.Blocks)-1].Text != "Correction, Nov. 15, 2019: This article misnamed the ferry's builder. It was Lind, not Moss." {
		t.Errorf("byline %q, last block %q", a.Byline, a.Blocks[len(a.Blocks)-1].Text)
	}
}

// A list of the site's most read stories set inside the text goes, label
// and headlines, up to the story's next sentence; a label over fewer
// than three headlines is left.
func TestReadingListInText(t *testing.T) {
	a := parseText(t, "A SKIPPER who ate a gull's egg has been fined by the harbour board.\n"+
		"The 55-year-old is the third islander to be fined this year, say officials.\n"+
		"Most read in island news\n"+
		"RANDY CAPTAIN Skipper parties in unearthed pics despite claiming 'he avoids boats'\n"+
		"TIME TRAVELLER Islanders say they've spotted the mayor in a 120-year-old pic\n"+
		"FOGGED IN Ferry stuck at sea for nine hours as horn fails\n"+
		"The board said the fine was the largest it had ever given.\n"+
		"Trending\n"+
		"Ferry fares rise in spring\n"+
		"The skipper said he would appeal against the fine.\n")
	wantDropped(t, a, "Most read in island news", "FOGGED IN Ferry stuck at sea for nine hours as horn fails")
	if slices.Contains(a.Dropped, "Ferry fares rise in spring") || slices.Contains(a.Dropped, "The board said the fine was the largest it had ever given.") {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// A box that asks readers for money goes from its heading to the end; a
// closing section without such an appeal stays.
func TestAppealBox(t *testing.T) {
	body := "The harbour ferry returned to service on Monday after a winter of repairs.\n" +
		"Regulars carried flasks of tea, dogs on leads and bicycles with panniers.\n"
	a := parseText(t, "Ferry is back\n"+body+
		"A Word to Our Loyal Readers\n"+
		"Editorial Ana Reyes Jo Lind Kit Moss\n"+
		"Most of our stories begin when readers ask us a question about the bay.\n"+
		"Support Harbour Times so we can continue to cover the islands, for you and your neighbours.\n"+
		"Team Harbour Times\n")
	wantDropped(t, a, "A Word to Our Loyal Readers", "Team Harbour Times")
	a = parseText(t, "Ferry is back\n"+body+
		"How the Crossing Works\n"+
		"Tickets are sold at the pier and on board, and children travel free.\n"+
		"Please support the lifeboat crew by buying a badge on board.\n")
	if len(a.Dropped) > 0 {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// A column's closing note on who writes it gives the byline; a note that
// the story was adapted from elsewhere goes.
func TestColumnNoteAndAdaptedNote(t *testing.T) {
	a := parseText(t, "DEAR CAPTAIN: My husband booked us on the slow ferry to save money.\n"+
		"Am I wrong to mind? -- SEASICK IN NORTHPORT\n"+
		"DEAR SEASICK: Take the fast boat and let him wait on the pier.\n"+
		"DEAR CAPTAIN: My neighbour plays the accordion on the deck every morning.\n"+
		"DEAR NEIGHBOUR: Sit at the stern, or learn the tune.\n"+
		"Dear Captain is written by Ana Reyes, also known as Jo Lind, and was founded by her father.\n"+
		"This article has been adapted from its original source.\n")
	wantByline(t, a, "Ana Reyes")
	wantDropped(t, a, "This article has been adapted from its original source.")
}

// A desk's credit where the title would be is the byline; a link to the
// site's other story under its address, a channel's subscription offer,
// the writer's page on a network and tagged teasers at the end go.
func TestDeskCreditAndSiteLinks(t *testing.T) {
	a := parseText(t, "Staff Reports\n\n"+
		"Police stopped the harbour ferry on Monday during a search for stolen nets.\n\n"+
		"Officers found the nets in a shed behind the pier, a spokesman said.\n\n"+
		"On HarbourTimes.com: Ferry fares rise in spring\n\n"+
		"The owner of the shed was arrested and later released.\n\n"+
		"Subscribe to the Harbour Times YouTube Channel for all of the latest videos, reviews, and more!\n\n"+
		"jo.lind@example.com\n\ntwitter.com/jolind\n\n"+
		"Ferry Review: The new boat is quieter than the old one [Video]\n\n"+
		"Pier Walk: Ten minutes along the harbour at dawn [Video]\n")
	if !slices.Equal(a.Byline, []string{"Staff Reports"}) || !a.TitleGuessed {
		t.Errorf("byline %q, title %q (guessed %v)", a.Byline, a.Title, a.TitleGuessed)
	}
	wantDropped(t, a, "On HarbourTimes.com: Ferry fares rise in spring", "twitter.com/jolind",
		"Subscribe to the Harbour Times YouTube Channel for all of the latest videos, reviews, and more!",
		"Ferry Review: The new boat is quieter than the old one [Video]", "Pier Walk: Ten minutes along the harbour at dawn [Video]")
	// One tagged headline alone stays, and so do sentences that point
	// at a video.
	for _, end := range []string{
		"Pier Walk: Ten minutes along the harbour at dawn [Video]\n",
		"The captain showed us the new route. [Video]\n\nThe mayor rang the bell. [Video]\n",
	} {
		a = parseText(t, "Ferry fares rise in spring\n\nThe harbour ferry's fares go up by a tenth in April.\n\n"+
			"Passengers grumbled at the pier on Monday.\n\n"+end)
		if len(a.Dropped) > 0 {
			t.Errorf("dropped %q", a.Dropped)
		}
	}
}

// A heading may hold a person's title ("Dr."), and a heading under a
// list whose lines end with a link's label ("(More)") is still one.
func TestHeadingsWithTitlesAndAfterLinks(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"This post will discuss the following:\n\n"+
		"Why the new fares are fair. (More)\n\n"+
		"What the board will do with the money. (More)\n\n"+
		"The Fares Board Meets Again\n\n"+
		"The board met in the net loft on Monday and voted six to one for the rise.\n\n"+
		"Time for Dr. Lind\n\n"+
		"The only vote against came from the harbour doctor, Jo Lind, who rides the ferry daily.\n")
	want := []string{"The Fares Board Meets Again", "Time for Dr. Lind"}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, want) {
		t.Errorf("headings %q, want %q", h, want)
	}
}

// "Courtesy of" credits a picture, alone or run onto its description.
func TestCourtesyCredits(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n"+
		"Dr. Jo Lind and the captain at the pier on Monday Courtesy of Harbour Times\n"+
		"Jo Lind at dawn (Credit: Harbour Times)\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\n"+
		"Courtesy of Harbour Times\n"+
		"The board will meet again in May to hear the passengers' complaints.\n")
	want := []string{"Dr. Jo Lind and the captain at the pier on Monday Courtesy of Harbour Times", "Jo Lind at dawn (Credit: Harbour Times)",
		"Courtesy of Harbour Times"}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q, want %q", c, want)
	}
}

// Text rendered from a page's Markdown, hard-wrapped, keeps the page's
// markup: headings marked with "#", pictures' descriptions in brackets,
// links numbered and their addresses listed at the end. The marks say
// what the lines are, and the list of addresses goes.
func TestMarkdownLeftInText(t *testing.T) {
	para := func(words ...string) string {
		// A paragraph hard-wrapped at 80 columns.
		var b, line strings.Builder
		for _, w := range strings.Fields(strings.Join(words, " ")) {
			if line.Len()+1+len(w) > 80 {
				b.WriteString(line.String() + "\n")
				line.Reset()
			}
			if line.Len() > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(w)
		}
		return b.String() + line.String() + "\n\n"
	}
	long := "The harbour ferry returned to service on Monday after a winter of repairs at the yard in Northport, " +
		"and the first crossing of the season was full of regulars carrying flasks of tea, dogs on leads and bicycles."
	text := "[The ferry at the northern pier at dawn]\n\n" +
		para("The ferry at the northern pier at dawn (Credit: Harbour Times)") +
		para(long, "The [operator][1], a cooperative owned by its captains, says the hull was rebuilt.") +
		"[[Bookmark and Share]][2]\n\n" +
		"## The **New** Engine\n\n" +
		para(long, "Engineers replaced the diesel engine with a hybrid one that charges while it sails.") +
		"Are you ready to ride it?\n\n" +
		para(long, "A new café on the upper level sells cinnamon buns and hot chocolate with cream.") +
		"**The Old Engine**\n\n" +
		para(long, "The old diesel engine was sold to a museum of shipping on the mainland.") +
		"### [A long description of the ferry's new engine room, seen from the stairs down to the\n### hull]\n\n" +
		"[Jo Lind]Jo Lind has crossed the bay eleven thousand times and knows every rock by name.\n\n" +
		"[[The captain]][3]The captain at the wheel on the first crossing. Credit: Harbour Times\n\n" +
		para(long, "Children crowd the windows at the bow, where dolphins sometimes race alongside.") +
		"[Harbour Times][1] reported on Monday that the ferry would run on Sundays from May.\n\n" +
		"[ Read All Comments ]\n\n" +
		"## [Home][4]\n\n" +
		"[1]: https://example.com/harbour/operators/the-cooperative-owned-by-its-captains-a\nnd-crew/\n" +
		"[2]: https://example.com/share\n[3]: https://example.com/pictures/the-captain-at-the-wheel-on-the-first-one.jpg\n" +
		"[4]: https://example.com/\n"
	a := parseText(t, text)
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"The New Engine", "The Old Engine"}) {
		t.Errorf("headings %q", h)
	}
	wantCaptions := []string{
		"[The ferry at the northern pier at dawn]",
		"The ferry at the northern pier at dawn (Credit: Harbour Times)",
		"[A long description of the ferry's new engine room, seen from the stairs down to the hull]",
		"[Jo Lind]",
		"[[The captain]][3]The captain at the wheel on the first crossing. Credit: Harbour Times",
	}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, wantCaptions) {
		t.Errorf("captions %q\nwant %q", c, wantCaptions)
	}
	wantDropped(t, a, "[[Bookmark and Share]][2]", "## [Home][4]", "[ Read All Comments ]",
		"[3]: https://example.com/pictures/the-captain-at-the-wheel-on-the-first-one.jpg",
		"[1]: https://example.com/harbour/operators/the-cooperative-owned-by-its-captains-and-crew/",
		"[2]: https://example.com/share", "[4]: https://example.com/")
	if !a.TitleGuessed || !strings.HasPrefix(a.Lead, "The harbour ferry returned") {
		t.Errorf("title %q (guessed %v), lead %q", a.Title, a.TitleGuessed, a.Lead)
	}
	for _, p := range []string{"Jo Lind has crossed the bay", "[Harbour Times][1] reported on Monday"} {
		if !slices.ContainsFunc(a.Blocks, func(b model.Block) bool { return b.Kind == model.Paragraph && strings.HasPrefix(b.Text, p) }) {
			t.Errorf("no paragraph %q: %q", p, blocksOf(a, model.Paragraph))
		}
	}
	// A marked heading under the title is no lead.
	a = parseText(t, "Ferry fares rise\n\n## The Board Meets\n\nThe board met in the net loft on Monday and voted six to one.\n\n"+
		"[1]: https://example.com/a\n[2]: https://example.com/b\n")
	if h := blocksOf(a, model.Heading); a.Lead == "The Board Meets" || !slices.Equal(h, []string{"The Board Meets"}) {
		t.Errorf("lead %q, headings %q", a.Lead, h)
	}
}

// Bold marks around words go; asterisks that stand for letters stay.
func TestEmphasisMarks(t *testing.T) {
	for in, want := range map[string]string{
		"**ST. JOSEPH, Mich. (AP)** — The ferry ran aground.": "ST. JOSEPH, Mich. (AP) — The ferry ran aground.",
		"The **New** Engine and the **old** one":              "The New Engine and the old one",
		"*© 2019 Harbour Times. All Rights Reserved.*":        "© 2019 Harbour Times. All Rights Reserved.",
		"They are all f**ked, she wrote":                      "They are all f**ked, she wrote",
		"Ni** My** and Mel****":                               "Ni** My** and Mel****",
		"5 * 3 is 15 *":                                       "5 * 3 is 15 *",
	} {
		if got := stripEmphasis(in); got != want {
			t.Errorf("stripEmphasis(%q) = %q, want %q", in, got, want)
		}
	}
}

// A picture's description in brackets that the caption under it says
// again is a caption, in a gallery whose captions open with their
// counter; a bracketed headline alone is another story's link.
func TestGalleryDescriptionsAndCounters(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n"+
		"[A shopper looks at ferry tickets at the pier office on Monday]\n"+
		"1of2A shopper looks at ferry tickets at the pier office on Monday, before the rise.\n"+
		"[The pier office at dawn, with its shutters still down]\n"+
		"2of2The pier office at dawn, with its shutters still down, and a queue outside.\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n"+
		"[Ferry fares rise for the third year running]\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n")
	want := []string{
		"[A shopper looks at ferry tickets at the pier office on Monday]",
		"1of2A shopper looks at ferry tickets at the pier office on Monday, before the rise.",
		"[The pier office at dawn, with its shutters still down]",
		"2of2The pier office at dawn, with its shutters still down, and a queue outside.",
	}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q\nwant %q", c, want)
	}
	wantDropped(t, a, "[Ferry fares rise for the third year running]")
}

// A writer's note with the writer's address in brackets still names the
// writer; a note that comments are moderated, a reading list headed
// "Top stories in ..." and a row of share buttons go.
func TestNotesAndListsUnderTheStory(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Top stories in Harbour\n\n"+
		"Islanders queue for the last ferry before the storm …\n\n"+
		"Pier lights to be replaced with solar lamps next year …\n\n"+
		"Lifeboat crew rescues three from a drifting dinghy …\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\n"+
		"Jo Lind (jo@example.com) is the editor of Harbour Times, and a senior staff writer with Bay News.\n\n"+
		"Note: we are temporarily moderating all comments submitted to deal with a surge in spam.\n\n"+
		"Share Tweet Submit\n")
	wantByline(t, a, "Jo Lind")
	wantDropped(t, a, "Top stories in Harbour", "Pier lights to be replaced with solar lamps next year …",
		"Note: we are temporarily moderating all comments submitted to deal with a surge in spam.", "Share Tweet Submit")
}

// A form a page embeds among the paragraphs (labels and buttons, some
// said again and again) goes; a gallery's captions said twice and a
// short list stay.
func TestFormWidget(t *testing.T) {
	story := "Ferry fares rise in spring\n" +
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n" +
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n"
	form := []string{"Loading", "What is Your Fare Score?", "Add your details", "Age", "Do this later",
		"Add your details", "Trips a Week", "Do this later", "Add your details", "Home Island", "Do this later",
		"Get Your Score", "per month in fares"}
	a := parseText(t, story+strings.Join(form, "\n")+"\nThe board will meet again in May to hear the complaints.\n")
	wantDropped(t, a, form...)
	if !slices.ContainsFunc(a.Blocks, func(b model.Block) bool { return strings.HasPrefix(b.Text, "The board will meet again") }) {
		t.Errorf("the paragraph after the form is gone: %q", a.Dropped)
	}
	// Labels said twice each, as a gallery's captions or a product
	// list's features are, are no form.
	features := []string{"Quiet hybrid engine", "Heated upper deck", "Bicycle racks at the bow", "Café with buns",
		"Wide gangway", "Dog-friendly cabin", "Free tea"}
	list := append(slices.Clone(features), features...)
	for i := range 3 {
		// Two labels said three times elsewhere on the page.
		list = append(list, fmt.Sprintf("The ferry leaves the northern pier every hour from %d in the morning until ten at night.", i+5),
			"Ferry timetable", fmt.Sprintf("The ferry returns to the southern pier every hour from %d in the morning on weekdays.", i+6),
			"Fare table")
	}
	a = parseText(t, story+strings.Join(list, "\n")+"\nThe board will meet again in May to hear the complaints.\n")
	for _, f := range features {
		if slices.Contains(a.Dropped, f) {
			t.Errorf("dropped %q", f)
		}
	}
	// Nor is a templated page's run: a plan's days, each with its meals.
	var plan []string
	for _, d := range []string{"Monday", "Tuesday", "Wednesday"} {
		plan = append(plan, d, "Breakfast", "Oatmeal with "+d+" berries", "Lunch", "Salad from the "+d+" market", "Dinner", d+" fish")
	}
	a = parseText(t, story+strings.Join(plan, "\n")+"\nThe board will meet again in May to hear the complaints.\n")
	if slices.Contains(a.Dropped, "Breakfast") {
		t.Errorf("dropped %q", a.Dropped)
	}
	// Nor is a short run of refrains.
	refrain := []string{"Sail on", "the tide is high", "Hold fast", "Sail on", "the wind is low", "Hold fast", "Sail on", "Hold fast"}
	a = parseText(t, story+strings.Join(refrain, "\n")+"\nThe board will meet again in May to hear the complaints.\n")
	if slices.Contains(a.Dropped, "the tide is high") {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// Notes that close a page for its site, not its story, go: who provided
// the story, where more stories are, a feedback box, a membership appeal
// and its button; so does a list of related coverage.
func TestSiteNotesAtTheEnd(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Visit Harbour Times's homepage for more stories.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n\n"+
		"Related coverage from How to Ride the Harbour Ferry:\n\n"+
		"Here's exactly how to find the cheapest crossing\n\n"+
		"How to take a bicycle on the harbour ferry\n\n"+
		"How to get a season ticket if you live on the islands\n\n"+
		"Provided by Harbour Ferry Cooperative\n\n"+
		"Did you find this article helpful?\n\n"+
		"*please leave some feedback in the field above\n\n"+
		"If you enjoyed this article, we have a proposition for you: Join HARBOUR+. Members get every story.\n\n"+
		"LEARN MORE\n")
	wantDropped(t, a, "Visit Harbour Times's homepage for more stories.", "Related coverage from How to Ride the Harbour Ferry:",
		"How to take a bicycle on the harbour ferry", "Provided by Harbour Ferry Cooperative", "Did you find this article helpful?",
		"*please leave some feedback in the field above",
		"If you enjoyed this article, we have a proposition for you: Join HARBOUR+. Members get every story.", "LEARN MORE")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
	// Last in the text, who provided it is no byline.
	a = parseText(t, "Ferry fares rise in spring\n\nThe harbour ferry's fares go up by a tenth in April, the board said.\n\n"+
		"Passengers grumbled at the pier on Monday.\n\nProvided by Harbour Ferry Cooperative\n")
	wantDropped(t, a, "Provided by Harbour Ferry Cooperative")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
}

// A writer's name in capitals over the posting's stamp (a date and its
// update run together, a no-break space before "a.m.") is the byline; a
// gallery's count and its captions come before the wire story's
// dateline.
func TestNameOverStampAndGallery(t *testing.T) {
	var gallery []string
	for i, c := range []string{"A ferry leaves the northern pier at dawn on Tuesday, Nov. 19, 2019",
		"Passengers queue for tickets at the pier office on Tuesday, Nov. 19, 2019",
		"The captain checks the ropes before the crossing on Tuesday, Nov. 19, 2019"} {
		gallery = append(gallery, "["+c+"]", fmt.Sprintf("%dof3%s, in Northport.", i+1, c))
	}
	a := parseText(t, "JO LIND\n\nNov. 20, 2019Updated: Nov. 20, 2019 1:35\u00a0a.m.\n\n3\n\n"+strings.Join(gallery, "\n\n")+"\n\n"+
		"NORTHPORT (AP) — The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n")
	if !slices.Equal(a.Byline, []string{"JO LIND"}) || a.Dateline != "NORTHPORT" {
		t.Errorf("byline %q, dateline %q, lead %q", a.Byline, a.Dateline, a.Lead)
	}
	wantDropped(t, a, "Nov. 20, 2019Updated: Nov. 20, 2019 1:35\u00a0a.m.", "3")
	// Over a share button rather than a stamp, it is no byline.
	if b := parseText(t, "JO LIND\n\nShare\n\nThe harbour ferry's fares go up by a tenth in April, the board said.\n\n"+
		"Passengers grumbled at the pier on Monday.\n").Byline; len(b) > 0 {
		t.Errorf("byline %q over a share button", b)
	}
	if c := blocksOf(a, model.Caption); len(c) != 6 {
		t.Errorf("captions %q", c)
	}
	// A time of day alone atop a story is its stamp; two or more head a
	// running story's updates.
	a = parseText(t, "6:45 PM\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n")
	wantDropped(t, a, "6:45 PM")
	a = parseText(t, "The Latest on the harbour ferry's new fares (all times local):\n\n10 p.m.\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n4:14 p.m.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n")
	if slices.Contains(a.Dropped, "10 p.m.") || slices.Contains(a.Dropped, "4:14 p.m.") {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// A place in capitals before an em dash set close ("HARBOURTON, ME—")
// is the dateline, an outlet in brackets between them its source; a
// capital must follow, or it is a sentence's subject and an aside.
func TestCloseSetDashDateline(t *testing.T) {
	for _, tc := range []struct{ text, dateline, source, lead string }{
		{"HARBOURTON, ME—Fares on the harbour ferry go up by a tenth in April, the board said Monday.", "HARBOURTON, ME", "",
			"Fares on the harbour ferry go up by a tenth in April, the board said Monday."},
		{"NORTHPORT (The Pier Report)—Fares on the harbour ferry go up by a tenth in April, the board said.", "NORTHPORT", "The Pier Report",
			"Fares on the harbour ferry go up by a tenth in April, the board said."},
		{"NASA—and the board, too—said the fares on the harbour ferry would go up by a tenth in April.", "", "",
			"NASA—and the board, too—said the fares on the harbour ferry would go up by a tenth in April."},
	} {
		a := parseText(t, "Ferry fares to rise\n\n"+tc.text+"\n\nPassengers grumbled at the pier on Monday, and some walked home in the rain.\n")
		if a.Dateline != tc.dateline || a.Source != tc.source || a.Lead != tc.lead {
			t.Errorf("%q: dateline %q, source %q, lead %q", tc.text, a.Dateline, a.Source, a.Lead)
		}
	}
	// Under a standfirst, on the story's first paragraph.
	a := parseText(t, "Fares will rise, the board says.\nHARBOURTON, ME—Fares on the harbour ferry go up by a tenth in April, the board said Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home in the rain.\n")
	if a.Dateline != "HARBOURTON, ME" {
		t.Errorf("dateline %q under a standfirst", a.Dateline)
	}
}

// What fringe sites leave around a story: an "Ad" label, a list of
// trending stories under its label, where the story came from ("H/T
// ...", "via: ..."), requests to share it and to comment below a
// question, and an embedded post's author beside its Follow button.
func TestFringeSiteFurniture(t *testing.T) {
	a := parseText(t, "Title: Ferry fares to rise in April\nURL: http://example.com/ferry-fares\n\nAd\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier, and some walked home in the rain.\n\n"+
		"TRENDING STORIES\n\nMayor Opens New Pier With a Brass Band and Fireworks\nCouncil Votes Down Bridge Plan After Long Night\n"+
		"Storm Closes Harbour Schools for Second Day Running\n"+
		"The board will meet again in May to hear from passengers.\n\n"+
		" Follow\n Jo Lind ? @jolind\nFares up again. Not happy!\n6:02 PM - 3 Mar 2017\n  12 12 Retweets   40 40 likes\n"+
		"Others said the rise was fair, since fuel costs more.\nclose dialog\n\nH/T Harbour Watch\n\nvia: harbourwatch.example\n\nvia @harbourwatch\n\n"+
		"Please share this story on Facebook and Twitter and tell us what you think!\n\n"+
		"Do you think the fares are fair? Scroll down to comment below!\n")
	wantDropped(t, a, "Ad", "close dialog", "TRENDING STORIES", "Storm Closes Harbour Schools for Second Day Running", "Jo Lind ? @jolind",
		"H/T Harbour Watch", "via: harbourwatch.example", "via @harbourwatch",
		"Please share this story on Facebook and Twitter and tell us what you think!",
		"Do you think the fares are fair? Scroll down to comment below!")
	wantByline(t, a)
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
	// The author above the button goes too; a name and a handle
	// elsewhere is the story's own line.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Jo Lind @jolind\nFollow\nFares up again. Not happy!\n\nOthers said the rise was fair.\n\nWrite to Jo Lind @jolind\n\n"+
		"Passengers can write to @harbourboard with their views.\nFollow\n")
	wantDropped(t, a, "Jo Lind @jolind", "Follow")
	for _, l := range []string{"Write to Jo Lind @jolind", "Passengers can write to @harbourboard with their views."} {
		if slices.Contains(a.Dropped, l) {
			t.Errorf("dropped %q", l)
		}
	}
	// A question the story asks, with no request for comments, stays;
	// so does a comment after a statement, and "via" in a sentence.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Do the passengers think the fares are fair?\n\nWe asked them. Leave a comment below.\n\nVia Appia Ferries runs the crossing.\n")
	for _, l := range []string{"Do the passengers think the fares are fair?", "We asked them. Leave a comment below.", "Via Appia Ferries runs the crossing."} {
		if slices.Contains(a.Dropped, l) {
			t.Errorf("dropped %q", l)
		}
	}
}

// Short lines with no blank line between them, brought on by a colon
// after a blank line, are a list: its first item is no heading, and its
// items, headline-like, are no links to other stories.
func TestColonBringsList(t *testing.T) {
	a := parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Here is the board's list of the new fares:\n\nAdult Single Crossing Fare\nChild Single Crossing Fare\nBicycle With Rider Fare\nDog On A Lead Fare\n"+
		"Passengers grumbled at the pier, and some walked home in the rain as the list went up.\n\n"+
		"The board said the money was needed for a new boat, and would be spent on nothing else.\n\n"+
		"A New Boat\n\nThe new boat will carry twice as many people, the board said, and it will be quieter.\n\n"+
		"It is to arrive in the spring of next year.\n")
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"A New Boat"}) {
		t.Errorf("headings %q", h)
	}
	for _, l := range []string{"Adult Single Crossing Fare", "Child Single Crossing Fare", "Bicycle With Rider Fare"} {
		if slices.Contains(a.Dropped, l) {
			t.Errorf("dropped %q", l)
		}
	}
	// A few words with a colon head other stories' headlines.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier, and some walked home in the rain.\n\nElsewhere on the site:\n\n"+
		"Mayor Opens New Pier With a Brass Band\nCouncil Votes Down Bridge Plan Again\n\nThe board meets again in May.\n")
	wantDropped(t, a, "Mayor Opens New Pier With a Brass Band", "Council Votes Down Bridge Plan Again")
	// Straight under the colon's line, with no blank line, a short line
	// over a paragraph heads a section.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Here is what to know:\nWhy the fares go up\nThe board says fuel costs more than it did, and the boat is old.\n"+
		"Passengers grumbled at the pier, and some walked home in the rain as the notice went up.\n\n"+
		"When the new boat comes\n\nIt is to arrive in the spring of next year, the board said, and be quieter.\n")
	if h := blocksOf(a, model.Heading); !slices.Contains(h, "Why the fares go up") {
		t.Errorf("headings %q", h)
	}
	// Nor is a line over a long paragraph a list's item, or over what
	// went from between them (a table's row, an "Ad"), or set apart
	// from the text under it.
	long := "The board says fuel costs more than it did, the boat is old and needs work on its engine every winter, " +
		"the crew asked for more pay in the autumn, and the pier itself must be mended before the storms come again next year."
	for _, under := range []string{long, "Ad\nThe board says fuel costs more than it did.", "\nThe board says fuel costs more than it did."} {
		a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
			"Here is what the board said:\n\nWhy the fares go up\n"+under+"\n\n"+
			"Passengers grumbled at the pier, and some walked home in the rain as the notice went up.\n\n"+
			"When the new boat comes\n\nIt is to arrive in the spring of next year, the board said, and be quieter.\n")
		if h := blocksOf(a, model.Heading); !slices.Contains(h, "Why the fares go up") {
			t.Errorf("headings %q", h)
		}
	}
}

// In Vietnamese text with blank lines between paragraphs, a short
// sentence right under a paragraph, with no blank line between them, is
// the caption of the picture the scraper left out (two sentences there
// are the paragraph's); the source's address
// under the story goes, labelled or, among the last lines, alone; a
// short heading may trail off.
func TestVietnameseGluedCaptionAndSourceLink(t *testing.T) {
	para := "Sáng nay, cầu phao qua sông Hồng được lắp lại sau ba ngày tạm dừng vì nước lớn, các phương tiện đã có thể qua lại bình thường từ 6 giờ."
	a := parseText(t, "Cầu phao hoạt động trở lại\n\n"+para+"\n\n"+
		"Ông Trần Văn Hải, người dân xã bên, cho biết nhiều gia đình phải đi đường vòng gần 20 km trong những ngày cầu phao bị tháo dỡ vì nước lên.\n"+
		"Người dân qua cầu phao sáng 5/4.\n\n"+
		"Ban quản lý cho biết cầu sẽ được kiểm tra mỗi sáng trước khi mở cho xe qua lại, và sẽ tạm dừng ngay khi nước sông vượt mức báo động một.\n"+
		"Theo ông Hải, việc đi lại vẫn khó. Nhất là với học sinh.\n\n"+
		"Nhiều tồn tại…\n\n"+
		"Cầu phao được lắp từ năm 2010 để thay cho bến đò cũ, mỗi ngày có hàng nghìn lượt xe máy và xe thô sơ qua lại giữa hai bờ sông.\n"+
		"Nước lên nhanh.\n\n"+
		"Mỗi mùa mưa, cầu phải tháo dỡ nhiều lần, có năm đến năm sáu lần, mỗi lần mất vài ngày mới lắp lại được như cũ cho xe qua.\n"+
		"Nguyễn Thị Minh Châu\n\n"+
		"Người dân hai bờ mong sớm có cầu mới.\n\n"+
		"Cầu phao đã xuống cấp sau nhiều năm sử dụng, nhiều tấm mặt cầu bị cong vênh, các mối nối đã gỉ sét và cần được thay thế sớm.\n\n"+
		"Minh Châu\n\nNguồn: https://example.vn/cau-phao-hoat-dong-tro-lai.html\n\nhttps://example.vn/cau-phao.html\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"Người dân qua cầu phao sáng 5/4."}) {
		t.Errorf("captions %q", c)
	}
	if h := blocksOf(a, model.Heading); !slices.Contains(h, "Nhiều tồn tại…") {
		t.Errorf("headings %q", h)
	}
	wantDropped(t, a, "Nguồn: https://example.vn/cau-phao-hoat-dong-tro-lai.html", "https://example.vn/cau-phao.html")
	wantByline(t, a, "Minh Châu")
	// Set apart by a blank line, followed by a line of its block, after
	// a dropped line, or under a block of more lines, a short sentence is
	// the text's.
	long := "Ban quản lý cho biết cầu sẽ được kiểm tra mỗi sáng trước khi mở cho xe qua lại, và sẽ tạm dừng ngay khi nước vượt mức báo động."
	a = parseText(t, "Cầu phao hoạt động trở lại\n\n"+para+"\n\n"+
		long+"\n\nNgười dân rất vui mừng.\n\n"+
		long+"\nNgười dân rất vui mừng.\nNhiều người đã chờ từ sớm.\n\n"+
		long+"\nChia sẻ\nNgười dân rất vui mừng.\n\n"+
		long+"\n"+long+"\nNgười dân rất vui mừng.\n\n"+long+"\n")
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("captions %q", c)
	}
	// In English an address alone at the end is what the story points
	// to, and stays; a labelled one is the source's.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier, and some walked home in the rain.\n\nSource: https://example.com/ferry-fares\n\n"+
		"The board's notice is here:\n\nhttps://example.com/notice\n")
	wantDropped(t, a, "Source: https://example.com/ferry-fares")
	if slices.Contains(a.Dropped, "https://example.com/notice") {
		t.Errorf("dropped %q", a.Dropped)
	}
	// Nor is a short English sentence under a paragraph a caption.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April.\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday, after a winter of repairs to both of its boats.\n"+
		"Not everyone on the pier was pleased.\n\nPassengers grumbled at the pier.\n")
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("captions %q", c)
	}
}

// In English a name at the end signs the story when it comes straight
// after the story's last sentence; a list of short capitalised lines
// under a link is no signature, and a credit that says so is one.
func TestEnglishTrailingSignature(t *testing.T) {
	story := "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n" +
		"Passengers grumbled at the pier, and some walked home in the rain.\n\n"
	wantByline(t, parseText(t, story+"Jo Lind\n"), "Jo Lind")
	a := parseText(t, story+"Gifts from the pier shop:\n\nhttps://example.com/shop\n\nHarbour Ferry Mug\n\nLighthouse Tea Towel\n\nPier Postcard Set\n")
	wantByline(t, a)
	wantByline(t, parseText(t, story+"Fares from April:\n\nAdult – £3\n\nChild – £1\n\nAdditional reporting by Jo Lind\n"), "Additional reporting by Jo Lind")
}

// A Vietnamese signature that names the site the story was taken from
// gives the writer and the source: "Name – Site", "Name / site.vn",
// "Name (TH)/Site", "Theo NAME (Outlet)"; a signature and a source's
// credit under the related links at the end stay to be read; a source
// link with a label that says which page it was goes; several addresses
// alone at the end are a list of references and stay.
func TestVietnameseSignatureWithSite(t *testing.T) {
	body := "Cầu phao hoạt động trở lại\n\nSáng nay, cầu phao qua sông Hồng được lắp lại sau ba ngày tạm dừng vì nước lớn.\n\n" +
		"Ông Trần Văn Hải cho biết nhiều gia đình phải đi đường vòng gần 20 km trong những ngày cầu bị tháo dỡ.\n\n"
	for _, tc := range []struct{ sign, name, source string }{
		{"Minh Châu – Baocau.vn", "Minh Châu", "Baocau.vn"},
		{"Minh Châu / baocau.vn", "Minh Châu", "baocau.vn"},
		{"Minh Châu (TH)/Baocau", "Minh Châu (TH)", "Baocau"},
		{"Minh Châu/Theo Baocau.vn", "Minh Châu", "Baocau.vn"},
		{"Theo MINH CHÂU (Báo Cầu)", "MINH CHÂU", "Báo Cầu"},
	} {
		a := parseText(t, body+tc.sign+"\n")
		if !slices.Equal(a.Byline, []string{tc.name}) || a.Source != tc.source {
			t.Errorf("%q: byline %q, source %q", tc.sign, a.Byline, a.Source)
		}
		// The line is shown, whole, with what was removed: no word of
		// it is lost ("Theo", or a site when the source is known).
		wantDropped(t, a, tc.sign)
	}
	// "Theo" and an outlet alone is a credit, whole.
	if a := parseText(t, body+"Theo VnExpress (Hà Nội)\n"); len(a.Byline) != 1 || a.Byline[0] != "Theo VnExpress (Hà Nội)" {
		t.Errorf("byline %q", a.Byline)
	}
	a := parseText(t, body+"Xem thêm:\n\nCầu Long Biên sẽ được sửa chữa từ tháng sau\n\nNguồn: Báo Cầu\n\nMinh Châu\n")
	wantDropped(t, a, "Xem thêm:", "Cầu Long Biên sẽ được sửa chữa từ tháng sau")
	if !slices.Contains(a.Byline, "Minh Châu") || !slices.Contains(a.Byline, "Nguồn: Báo Cầu") {
		t.Errorf("byline %q", a.Byline)
	}
	a = parseText(t, body+"Link bài gốc của báo Cầu: https://example.vn/cau-phao\n\nMinh Châu\n")
	wantDropped(t, a, "Link bài gốc của báo Cầu: https://example.vn/cau-phao")
	// Two places are no writer and site; a link the story points to, or
	// one a sentence brings on, is the story's.
	if a := parseText(t, body+"Thái Bình - Nam Định\n"); a.Source != "" {
		t.Errorf("source %q", a.Source)
	}
	a = parseText(t, body+"Xem clip đầy đủ tại https://example.vn/clip\n\n"+
		"Theo ông Hải, người dân hai bờ đã chờ cây cầu mới từ rất nhiều năm nay: https://example.vn/cau-moi\n\n"+
		"Thông báo của xã:\nhttps://example.vn/thong-bao\nBản đồ đường vòng:\nhttps://example.vn/ban-do\n")
	for _, l := range []string{"https://example.vn/thong-bao", "https://example.vn/ban-do", "Xem clip đầy đủ tại https://example.vn/clip",
		"Theo ông Hải, người dân hai bờ đã chờ cây cầu mới từ rất nhiều năm nay: https://example.vn/cau-moi"} {
		if slices.Contains(a.Dropped, l) {
			t.Errorf("dropped %q", l)
		}
	}
}

// A gossip site's sign-off asking its readers to answer below goes from
// the last two lines: addressed to them ("Tell us, ...", "Harbourwatchers,
// ..."), or a question first and a request for comments after it; a
// line that opens with the story's own sentence stays, as does a
// question anywhere else. A link to the site's exclusive goes between
// paragraphs; over the story it is the headline.
func TestGossipSignOffs(t *testing.T) {
	story := "Ferry Captain Weds in Secret\n\nThe harbour ferry's captain married his first mate on Saturday, friends said.\n\n" +
		"EXCLUSIVE: Inside the Captain's Secret Island Wedding Party\n\n" +
		"Do the passengers know? Only a few were told, and they kept it quiet.\n\n" +
		"The couple left on the last crossing of the night.\n\n"
	for _, end := range []string{
		"Tell us, readers: do you think the captain will give up the sea?",
		"Harbourwatchers, do you think the couple will stay on the island?",
		"What do you think of the wedding? Let us know your thoughts in the comments below.",
		"Do you think the captain should give up the sea so that he can stay home? Tell us your thoughts below.",
		"Should the captain have told his passengers first? Tell us how you feel below!",
	} {
		a := parseText(t, story+end+"\n")
		wantDropped(t, a, end, "EXCLUSIVE: Inside the Captain's Secret Island Wedding Party")
		if slices.Contains(a.Dropped, "Do the passengers know? Only a few were told, and they kept it quiet.") {
			t.Errorf("dropped %q", a.Dropped)
		}
	}
	for _, end := range []string{
		"The couple will be back on board on Monday! Do you think they will sail again? Let us know in the comments.",
		"Will the captain give up the sea? Only time will tell.",
	} {
		if a := parseText(t, story+end+"\n"); slices.Contains(a.Dropped, end) {
			t.Errorf("dropped %q", end)
		}
	}
	a := parseText(t, "EXCLUSIVE: Where the Captain and His Bride Are Spending the Summer\n\n"+
		"The harbour ferry's captain married his first mate on Saturday, friends said.\n\nEXCLUSIVE: The captain told us the ferry is his first love.\n\n"+
		"A message from Harbour Ferries\n\nThe couple left on the last crossing of the night.\n\nH/T: Harbour Watch\n")
	if a.Title != "EXCLUSIVE: Where the Captain and His Bride Are Spending the Summer" || slices.Contains(a.Dropped, "EXCLUSIVE: The captain told us the ferry is his first love.") {
		t.Errorf("title %q, dropped %q", a.Title, a.Dropped)
	}
	// A sponsor's label, with no colon, goes as it did.
	wantDropped(t, a, "H/T: Harbour Watch", "A message from Harbour Ferries")
}

// In Vietnamese a credit alone ("Ảnh Internet") right under a short line
// makes that line the caption it credits; under a paragraph, or after a
// blank line, it credits a picture the scraper lost, and the line above
// stays a paragraph. One word trailing off ("Xuân…") is a caption's, not
// a heading.
func TestVietnameseCreditUnderCaption(t *testing.T) {
	long := "Ban quản lý cho biết cầu sẽ được kiểm tra mỗi sáng trước khi mở cho xe qua lại, và sẽ tạm dừng ngay khi nước sông vượt mức báo động một, để bảo đảm an toàn."
	a := parseText(t, "Cầu phao hoạt động trở lại\n"+
		"Sáng nay, cầu phao qua sông Hồng được lắp lại sau ba ngày tạm dừng vì nước lớn, các phương tiện đã có thể qua lại bình thường từ 6 giờ.\n"+
		"Người dân đi qua cầu phao trong buổi sáng đầu tiên\nẢnh Internet\n"+
		long+"\n\nẢnh Internet\n\n"+
		"Cầu phao được lắp từ năm 2010 để thay cho bến đò cũ, mỗi ngày có hàng nghìn lượt xe máy, xe đạp và xe thô sơ của người dân hai bên qua lại giữa hai bờ sông Hồng.\nẢnh Internet\n"+
		"Người dân hai bờ mong sớm có một cây cầu kiên cố.\nẢnh minh họa: cầu Long Biên nhìn từ bờ bắc\n"+
		"Nhiều người chờ xe qua cầu từ sáng sớm.\nẢnh minh họa\n"+
		"Xuân…\n… hạ…\n"+
		"Người dân hai bờ mong sớm có một cây cầu kiên cố thay cho cầu phao, để không phải đi đường vòng mỗi mùa mưa lũ như nhiều năm nay.\n")
	c := blocksOf(a, model.Caption)
	for _, want := range []string{"Người dân đi qua cầu phao trong buổi sáng đầu tiên", "Ảnh Internet"} {
		if !slices.Contains(c, want) {
			t.Errorf("captions %q lack %q", c, want)
		}
	}
	for _, p := range []string{long, "Cầu phao được lắp từ năm 2010 để thay cho bến đò cũ, mỗi ngày có hàng nghìn lượt xe máy, xe đạp và xe thô sơ của người dân hai bên qua lại giữa hai bờ sông Hồng.",
		"Người dân hai bờ mong sớm có một cây cầu kiên cố.", "Nhiều người chờ xe qua cầu từ sáng sớm."} {
		if slices.Contains(c, p) {
			t.Errorf("a paragraph over a credit is a caption: %q", c)
		}
	}
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
	// In English the line above such a credit is not made a caption by
	// it: a quotation or a sentence stands there as often.
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"He has always denied that the fares were unfair.\nPhoto: Jo Lind\n\nPassengers grumbled at the pier.\n")
	if slices.Contains(blocksOf(a, model.Caption), "He has always denied that the fares were unfair.") {
		t.Errorf("captions %q", blocksOf(a, model.Caption))
	}
}

// A photo credit that names no one ("Ảnh Internet"), however many end a
// gallery, credits pictures, not a writer. A picture's labelled address
// goes, and the short line under it is that picture's caption. A line
// going on from the one before ("Bên cạnh đó, ...") over a credit stays
// the text's. An advertising network's label goes, in any language.
func TestAnonymousCreditsPictureAddressesAndAdLabels(t *testing.T) {
	a := parseText(t, "Chợ hoa ngày Tết\n"+
		"Chợ hoa Quảng Bá mở cửa từ 2 giờ sáng, hàng trăm người bán từ các làng hoa ven Hồ Tây mang đào, quất và hoa ly về từ tối hôm trước.\n"+
		"Người bán hoa xếp đào lên xe từ sớm\nẢnh Internet\n"+
		"Giá đào năm nay tăng nhẹ so với năm ngoái, cành nhỏ từ 200.000 đồng, cành lớn có giá vài triệu đồng tuỳ dáng và số nụ.\n"+
		"Bên cạnh đó, nhiều người chọn mua quất vì giữ được lâu hơn.\nẢnh Internet\n"+
		"image: http://example.com/anh/cho-hoa.jpg\nMột góc chợ hoa lúc rạng sáng\n"+
		"Người mua nên trả giá trước khi chọn cành, theo kinh nghiệm của những người đi chợ lâu năm ở đây.\n"+
		"ads by ants\n"+
		"image: http://example.com/anh/quat.jpg\nNgười bán quất cho biết năm nay quất được mùa.\n"+
		"Chợ họp đến trưa mùng một Tết rồi mới nghỉ, người bán về quê đón năm mới cùng gia đình sau nhiều ngày thức trắng.\n"+
		"Ảnh Internet\nẢnh Internet\nẢnh Internet\n")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q", a.Byline)
	}
	wantDropped(t, a, "image: http://example.com/anh/cho-hoa.jpg", "ads by ants")
	c := blocksOf(a, model.Caption)
	for _, want := range []string{"Người bán hoa xếp đào lên xe từ sớm", "Một góc chợ hoa lúc rạng sáng"} {
		if !slices.Contains(c, want) {
			t.Errorf("captions %q lack %q", c, want)
		}
	}
	for _, p := range []string{"Bên cạnh đó, nhiều người chọn mua quất vì giữ được lâu hơn.", "Người bán quất cho biết năm nay quất được mùa."} {
		if !slices.Contains(blocksOf(a, model.Paragraph), p) {
			t.Errorf("%q is not a paragraph: captions %q", p, c)
		}
	}
	if h := blocksOf(a, model.Heading); len(h) > 0 {
		t.Errorf("headings %q", h)
	}
	a = parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Ads by Google\n\nAds by the dozen followed.\n\nPassengers grumbled at the pier.\n")
	wantDropped(t, a, "Ads by Google")
	if !slices.Contains(blocksOf(a, model.Paragraph), "Ads by the dozen followed.") {
		t.Errorf("paragraphs %q, dropped %q", blocksOf(a, model.Paragraph), a.Dropped)
	}
}

// In Vietnamese a first line of more than fifteen words that trails off
// or exclaims is the standfirst a copying site set where the title was,
// not a title; in English such a line is as often a headline.
func TestVietnameseStandfirstIsNoTitle(t *testing.T) {
	body := "Cư dân một khu phố ở Đà Lạt phát hiện một con mèo rừng đi lạc trong vườn rau, cán bộ kiểm lâm đã đến đưa nó về rừng an toàn ngay trong buổi chiều.\n"
	for _, first := range []string{
		"Đang tưới rau trong vườn thì người đàn ông bất ngờ thấy một con vật lạ nằm dưới gốc cây, và khi lại gần xem thì ông đã…",
		"Không ai có thể ngờ được rằng con vật nằm dưới gốc cây trong vườn rau của ông lại là một con mèo rừng quý hiếm đến vậy!",
	} {
		a := parseText(t, first+"\n"+body)
		if !a.TitleGuessed {
			t.Errorf("title %q not said to be a guess", a.Title)
		}
	}
	a := parseText(t, "Shocking! The Harbour Board Just Raised Ferry Fares Again and You Will Not Believe Who Is Paying for It All!\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n")
	if a.TitleGuessed || !strings.HasPrefix(a.Title, "Shocking!") {
		t.Errorf("title %q, guessed %v", a.Title, a.TitleGuessed)
	}
}

// A header whose title is the site's name (its words run together are
// the address's domain, and a tagline or a host at most follows) leaves
// the title to the text's own headline; a headline that opens with the
// site's name, and a header with nothing under it, keep theirs.
func TestHeaderTitleNamingTheSite(t *testing.T) {
	story := "\n\nLast Ferry Leaves the Harbour\n\nThe harbour's last wooden ferry made its final crossing on Sunday evening, watched by a crowd of hundreds on the pier.\n\n" +
		"Its captain, who steered it for forty years, said he would miss the early mornings most of all.\n"
	a := parseText(t, "Title: The Harbour Gazette with Jo Lind\nURL: http://theharbourgazette.com/2016/09/last-ferry/"+story)
	if a.Title != "Last Ferry Leaves the Harbour" || len(a.Byline) > 0 {
		t.Errorf("title %q, byline %q", a.Title, a.Byline)
	}
	wantDropped(t, a, "Title: The Harbour Gazette with Jo Lind")
	for _, title := range []string{"Harbour Gazette: Last ferry leaves", "Harbour Gazette Says the Last Ferry Has Left for Good"} {
		a = parseText(t, "Title: "+title+"\nURL: http://harbourgazette.com/2016/09/last-ferry/"+story)
		if a.Title != title {
			t.Errorf("title %q, want %q", a.Title, title)
		}
	}
	a = parseText(t, "Title: Harbour Gazette\nURL: http://harbourgazette.com/2016/09/last-ferry/\nDate: 2016-09-04\n")
	if a.Title != "Harbour Gazette" {
		t.Errorf("title %q", a.Title)
	}
}

// A Vietnamese line that names the picture it describes ("Hình ảnh ...",
// "Bức ảnh ...") is its caption, one sentence or a line without a stop
// of more than eight words; a gallery's second copy of it goes. A short
// one among a list's headings, a paragraph, and a line introducing the
// pictures below stay what they were. A first line pointing at what is
// below is a standfirst, not a title.
func TestVietnamesePictureDescriptions(t *testing.T) {
	a := parseText(t, "Những hình ảnh dưới đây khiến nhiều người không khỏi rùng mình khi xem!\n"+
		"Một người nông dân ở Sơn La phát hiện con rắn lớn nằm cuộn tròn trong kho thóc của gia đình vào sáng sớm. Ông đã gọi hàng xóm đến giúp bắt con rắn.\n"+
		"Bức ảnh đã gây xôn xao cộng đồng mạng trong nhiều ngày qua\n"+
		"Theo người dân địa phương, con rắn dài gần ba mét và nặng khoảng hai mươi cân. Sau đó, kiểm lâm đã đến đưa nó về rừng.\n"+
		"Hình ảnh con rắn được đưa lên xe của kiểm lâm.\n"+
		"Hình ảnh con rắn được đưa lên xe của kiểm lâm.\n"+
		"Hình ảnh này được nhiều người chia sẻ trên mạng xã hội trong ngày hôm qua. Nhiều người cho rằng người nông dân đã rất may mắn.\n"+
		"Hình ảnh đẹp\n"+
		"Hình ảnh người nông dân đứng cạnh con rắn dài gần ba mét trong kho thóc của gia đình vào sáng sớm hôm đó đã được rất nhiều người dân trong vùng chia sẻ lại\n"+
		"Những hình ảnh dưới đây được người dân ghi lại trong buổi sáng hôm đó.\n"+
		"Kiểm lâm khuyến cáo người dân không tự ý bắt rắn mà nên báo cho cơ quan chức năng để được hỗ trợ kịp thời.\n")
	if !a.TitleGuessed {
		t.Errorf("title %q is not said to be a guess", a.Title)
	}
	c := blocksOf(a, model.Caption)
	want := []string{"Bức ảnh đã gây xôn xao cộng đồng mạng trong nhiều ngày qua", "Hình ảnh con rắn được đưa lên xe của kiểm lâm."}
	if !slices.Equal(c, want) {
		t.Errorf("captions %q, want %q", c, want)
	}
	wantDropped(t, a, "Hình ảnh con rắn được đưa lên xe của kiểm lâm.")
	for _, p := range []string{"Hình ảnh này được nhiều người chia sẻ", "Hình ảnh đẹp", "Hình ảnh người nông dân đứng cạnh", "Những hình ảnh dưới đây được người dân ghi lại"} {
		if slices.ContainsFunc(c, func(s string) bool { return strings.HasPrefix(s, p) }) {
			t.Errorf("%q is a caption", p)
		}
	}
}

// A story run together on one line and said twice, the writer's name
// between, keeps its first copy and removes the second, whole; a story
// that ends by saying its opening sentence again inside one of its own
// keeps every word where it was.
func TestStorySaidTwiceOnOneLine(t *testing.T) {
	story := "Sáng nay, cầu phao qua sông Hồng được lắp lại sau ba ngày tạm dừng vì nước lớn, các phương tiện đã có thể qua lại bình thường từ 6 giờ. " +
		"Ban quản lý cho biết cầu sẽ được kiểm tra mỗi sáng trước khi mở cho xe qua lại, và sẽ tạm dừng ngay khi nước sông vượt mức báo động một. " +
		"Cầu phao được lắp từ năm 2010 để thay cho bến đò cũ, mỗi ngày có hàng nghìn lượt xe máy, xe đạp và xe thô sơ qua lại giữa hai bờ sông. " +
		"Người dân hai bờ mong sớm có một cây cầu kiên cố thay cho cầu phao, để không phải đi đường vòng mỗi mùa mưa lũ như nhiều năm nay."
	a := parseText(t, story+" Minh Châu "+story+"\n")
	if len(a.Dropped) != 1 || a.Dropped[0] != story {
		t.Errorf("dropped %q", a.Dropped)
	}
	if !slices.Contains(a.Byline, "Minh Châu") {
		t.Errorf("byline %q", a.Byline)
	}
	// D shows the copy where it stood: after the story's first copy.
	if len(a.DroppedAt) != 1 || a.DroppedAt[0] != len(a.Blocks) {
		t.Errorf("the copy is shown at block %v of %d", a.DroppedAt, len(a.Blocks))
	}
	// The opening two sentences said again at the end, fewer bytes than
	// a third of the text.
	sentences := strings.SplitAfter(story, ". ")
	again := strings.TrimSpace(sentences[0] + sentences[1])
	long := story + " Ban quản lý nhắc lại với người dân: " + again
	if k := secondCopyAt(long); len(again) < 200 || k >= 0 {
		t.Fatalf("the fixture does not test the third: %d bytes, copy at %d", len(again), k)
	}
	a = parseText(t, long+"\n")
	if len(a.Dropped) > 0 {
		t.Errorf("dropped %q", a.Dropped)
	}
	// A line that says the same words over and over is no story said
	// twice.
	if a = parseText(t, strings.Repeat("anh nói năng nhẹ nhàng ", 100)+"\n"); len(a.Dropped) > 0 {
		t.Errorf("dropped %q", a.Dropped)
	}
	// The opening said again, then something else: no copy.
	other := story + " Minh Châu " + again + " Trong tuần tới, ban quản lý sẽ lắp thêm đèn chiếu sáng ở hai đầu cầu và bố trí người hướng dẫn xe qua lại vào giờ cao điểm buổi sáng và buổi chiều."
	if a = parseText(t, other+"\n"); len(a.Dropped) > 0 {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// A picture's file name left where the picture was goes; so does an
// embedded post's author beside its Follow button, whatever symbols its
// name holds. A word with underscores that is no file name stays.
func TestPictureFileNamesAndPostAuthors(t *testing.T) {
	a := parseText(t, "Ferry fares to rise\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Here is a picture from that day:\n\nharbour_ferry_photo_w_watermark_0_1463649006\n\nIMG_2041.JPG\n\n"+
		"Passengers grumbled at the pier, and some walked home in the rain.\n\n"+
		" Follow\n Harbour #Ferry# Fan @harbourfan\nFares up again. Not happy!\n6:02 PM - 3 Mar 2017\n  12 12 Retweets   40 40 likes\n"+
		"Others said the rise was fair, since fuel costs more.\n\nThe board meets again in May.\n")
	wantDropped(t, a, "harbour_ferry_photo_w_watermark_0_1463649006", "IMG_2041.JPG", "Harbour #Ferry# Fan @harbourfan")
	for name, want := range map[string]bool{"cho-hoa.jpg": true, "snake_case_words_here": false, "ferry_fare_table_2017": false, "ferry20170523": false,
		"Harbour_Ferry_Photo_1463649006": false, "https://example.com/ferry.jpg": false} {
		if isImageFileName(name) != want {
			t.Errorf("isImageFileName(%q) = %v", name, !want)
		}
	}
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("captions %q", c)
	}
}

// A photographer's credit with the agency in capitals, or "Courtesy" and
// the owner's name, captions the picture and is not the writer's name;
// a wire slug over the story, a stamp whose writer's name the page lost
// ("... by") and a cookie dialog's button go.
func TestWireSlugAndOwnersCredits(t *testing.T) {
	a := parseText(t, "\nAP-EU--Harbour-Ferries, 2nd Ld-Writethru\n\n"+
		"Tom Lind, ASSOCIATED PRESS\n"+
		"PORTSMOUTH (AP) — The harbour ferry's fares go up by a tenth in April, the board said on Monday after a long meeting.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\n"+
		"Courtesy Harbour Times Archive\n"+
		"The board will meet again in May to hear the passengers' complaints.\n"+
		"Cookie Settings\n")
	if len(a.Byline) > 0 {
		t.Errorf("byline %q, want none", a.Byline)
	}
	want := []string{"Tom Lind, ASSOCIATED PRESS", "Courtesy Harbour Times Archive"}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q, want %q", c, want)
	}
	wantOnlyDropped(t, a, "AP-EU--Harbour-Ferries, 2nd Ld-Writethru", "Cookie Settings")
	if !a.TitleGuessed || a.Dateline != "PORTSMOUTH" {
		t.Errorf("title %q (guessed %v), dateline %q", a.Title, a.TitleGuessed, a.Dateline)
	}

	a = parseText(t, "5:45 AM PST 11/19/2019 by\n"+
		"Courtesy Harbour Times\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday after a long meeting.\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n")
	if len(a.Byline) > 0 || !a.TitleGuessed || !slices.Equal(a.Dropped, []string{"5:45 AM PST 11/19/2019 by"}) {
		t.Errorf("byline %q, title %q (guessed %v), dropped %q", a.Byline, a.Title, a.TitleGuessed, a.Dropped)
	}
}

// A picture's description followed by its credit in words on the same
// line ("... in 1987. Photo by Jo Lind.") is its caption, also where the
// title would be.
func TestDescriptionThenPhotoBy(t *testing.T) {
	a := parseText(t, "Jo Lind at the pier in 1987. Photo illustration by the Times. Photo by Sam Roe.\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday after a long meeting.\n"+
		"The captain and the doctor in 2002. Photo by Sam Roe\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n")
	want := []string{"Jo Lind at the pier in 1987. Photo illustration by the Times. Photo by Sam Roe.", "The captain and the doctor in 2002. Photo by Sam Roe"}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) || !a.TitleGuessed {
		t.Errorf("captions %q, want %q; title %q (guessed %v)", c, want, a.Title, a.TitleGuessed)
	}
	// Two words before it are a sentence's end, not a description.
	a = parseText(t, "Ferry fares rise in spring\n\nFares rise. Photo by Sam Roe\n\nPassengers grumbled at the pier on Monday.\n")
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("captions %q, want none", c)
	}
}

// A pull quote, a sentence of the story set again between paragraphs
// with the speaker's name under it, goes with the name; a line said again
// without a name under it (a caption repeating the text) stays.
func TestPullQuotes(t *testing.T) {
	a := parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\n"+
		"Not one year since 2008 has the ferry carried more people than the year before.\n\n"+
		"Harbour historian Jo Lind\n"+
		"The board blamed the bridge.\n\n"+
		"“Not one year since 2008 has the ferry carried more people than the year before,” says the harbour historian Jo Lind.\n\n"+
		"The captain walked the pier at dawn with the mayor and the doctor.\n\n"+
		"The mayor rang the bell.\n\n"+
		"He said the captain walked the pier at dawn with the mayor and the doctor, as they do each year.\n\n"+
		"The board will meet again in May.\n")
	want := []string{"Not one year since 2008 has the ferry carried more people than the year before.", "Harbour historian Jo Lind"}
	wantOnlyDropped(t, a, want...)
}

// What a pull quote is not: a sentence whose opening words come again in
// a longer line that says something else; a caption said again in the
// text, with its credit under it; a heading said in a paragraph, with a
// name under it; a standfirst over the writer's name, said again in the
// first paragraph.
func TestNotPullQuotes(t *testing.T) {
	for _, text := range []string{
		"Ferry fares rise in spring\n\n" +
			"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n" +
			"Passengers grumbled at the pier on Monday, and some walked home.\n\n" +
			"The board blamed the bridge for every passenger lost since the tolls began.\n\n" +
			"Harbour historian Jo Lind\n" +
			"The captain said the board blamed the bridge for every delay, every storm and every cancelled sailing of the winter.\n\n" +
			"The board will meet again in May.\n",
		"Ferry fares rise in spring\n\n" +
			"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n" +
			"Passengers grumbled at the pier on Monday, and some walked home.\n\n" +
			"Jo Lind at the pier at dawn with the captain and the mayor on Monday.\n" +
			"Sam Roe, Getty Images\n" +
			"The doctor, Jo Lind at the pier at dawn with the captain and the mayor on Monday, said the fares were fair.\n\n" +
			"The board will meet again in May.\n",
		"Ferry fares rise in spring\n\n" +
			"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n" +
			"Passengers grumbled at the pier on Monday, and some walked home.\n\n" +
			"Why the ferry carried fewer people every year since 2008\n\n" +
			"Harbour historian Jo Lind\n" +
			"She asked why the ferry carried fewer people every year since 2008, and the board had no answer for her.\n\n" +
			"The board will meet again in May.\n",
		"Not one year since 2008 has the ferry carried more people than the year before.\n" +
			"Jo Lind\n" +
			"Not one year since 2008 has the ferry carried more people than the year before, and the board blames the bridge.\n\n" +
			"The board will meet again in May.\n",
	} {
		a := parseText(t, text)
		if len(a.Dropped) > 0 {
			t.Errorf("dropped %q", a.Dropped)
		}
	}
}

// What closes a syndicated story goes: the owner's notice ("© Harbour
// Wire") under the wire's staff line, which stays and names the byline;
// "Originally published on ..."; a block of links whose heading has a
// newsletter appeal under it. A city and its country of three words make
// a dateline.
func TestSyndicationClosers(t *testing.T) {
	a := parseText(t, "ABU DHABI, United Arab Emirates — The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n"+
		"(Reporting by Jo Lind; Editing by Sam Roe)\n"+
		"© Harbour Wire\n")
	if a.Dateline != "ABU DHABI, United Arab Emirates" || !slices.Equal(a.Byline, []string{"Jo Lind"}) || !slices.Equal(a.Dropped, []string{"© Harbour Wire"}) {
		t.Errorf("dateline %q, byline %q, dropped %q", a.Dateline, a.Byline, a.Dropped)
	}
	a = parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\n"+
		"Originally published on Harbour Science.\n\n"+
		"Popular on Harbour Times\n\n"+
		"Sign Up: Stay on top of the harbour's news! Sign up for our Email Newsletters here.\n")
	want := []string{"Originally published on Harbour Science.", "Popular on Harbour Times",
		"Sign Up: Stay on top of the harbour's news! Sign up for our Email Newsletters here."}
	if got := slices.Sorted(slices.Values(a.Dropped)); !slices.Equal(got, want) {
		t.Errorf("dropped %q, want %q", a.Dropped, want)
	}
}

// A first line of other stories' headlines parted by slashes is a bar of
// links over the story, and goes; a title with a slash in it stays. A
// description closed by "Ảnh cắt từ video." or "Ảnh chụp màn hình" is a
// caption; a line going on after "Ảnh chụp màn hình" is not one by it.
func TestRelatedBarAndScreenshotCredits(t *testing.T) {
	a := parseText(t, "Phà Bến Thủy tăng giá vé từ tháng tư năm nay / Hành khách xếp hàng dài chờ phà ở bến cảng\n"+
		"Giá vé phà qua sông sẽ tăng thêm một phần mười từ tháng tư, ban quản lý bến cho biết sáng thứ hai.\n"+
		"Theo ban quản lý, giá dầu và phí bảo dưỡng tàu đều tăng trong năm qua.\n"+
		"Hành khách đứng chờ ở bến phà sáng thứ hai. Ảnh cắt từ video.\n"+
		"Nhiều hành khách phàn nàn vì giá vé tăng trong khi phà vẫn chạy chậm.\n"+
		"Trang của bến phà trên mạng xã hội. Ảnh chụp màn hình\n"+
		"Ban quản lý sẽ họp lại vào tháng năm. Ảnh chụp màn hình cho thấy bảng giá mới được dán ở cổng bến.\n")
	if !slices.Equal(a.Dropped, []string{"Phà Bến Thủy tăng giá vé từ tháng tư năm nay / Hành khách xếp hàng dài chờ phà ở bến cảng"}) {
		t.Errorf("dropped %q", a.Dropped)
	}
	want := []string{"Hành khách đứng chờ ở bến phà sáng thứ hai. Ảnh cắt từ video.", "Trang của bến phà trên mạng xã hội. Ảnh chụp màn hình"}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q, want %q", c, want)
	}
	a = parseText(t, "Giá vé phà Bến Thủy / Cửa Hội tăng từ tháng tư\n"+
		"Giá vé phà qua sông sẽ tăng thêm một phần mười từ tháng tư, ban quản lý bến cho biết sáng thứ hai.\n"+
		"Nhiều hành khách phàn nàn vì giá vé tăng trong khi phà vẫn chạy chậm.\n")
	if a.Title != "Giá vé phà Bến Thủy / Cửa Hội tăng từ tháng tư" || len(a.Dropped) > 0 {
		t.Errorf("title %q, dropped %q", a.Title, a.Dropped)
	}
	// Nor are two stamps.
	a = parseText(t, "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday.\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n")
	if slices.Contains(a.Dropped, "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET") {
		t.Errorf("the stamps were taken for links: dropped %q", a.Dropped)
	}
	// Two sentences parted by a slash are the text's.
	a = parseText(t, "Giá vé phà sẽ tăng thêm một phần mười từ tháng tư. / Hành khách đã xếp hàng dài chờ phà từ sáng sớm.\n"+
		"Giá vé phà qua sông sẽ tăng thêm một phần mười từ tháng tư, ban quản lý bến cho biết sáng thứ hai.\n"+
		"Nhiều hành khách phàn nàn vì giá vé tăng trong khi phà vẫn chạy chậm.\n")
	if len(a.Dropped) > 0 {
		t.Errorf("dropped %q", a.Dropped)
	}
}

// Word-segmented text sets its colons apart: "Clip : ..." captions a
// video as "Clip: ..." does.
func TestSpacedVideoLabel(t *testing.T) {
	a := parseText(t, "Giá vé phà Bến_Thủy tăng từ tháng tư\n\n"+
		"Giá vé phà qua sông sẽ tăng thêm một phần mười từ tháng tư .\n\n"+
		"Clip : Hành_khách xếp hàng dài chờ phà ở bến\n"+
		"Ban quản_lý bến cho biết giá dầu và phí bảo_dưỡng tàu đều tăng trong năm qua .\n"+
		"Nhiều hành_khách phàn_nàn vì giá vé tăng trong khi phà vẫn chạy chậm .\n")
	if c := blocksOf(a, model.Caption); !slices.Equal(c, []string{"Clip : Hành_khách xếp hàng dài chờ phà ở bến"}) {
		t.Errorf("captions %q", c)
	}
}

// A social network's name alone on a line is a share or follow button,
// as "Facebook" and "Twitter" are; above the text it is no title.
func TestSocialButtons(t *testing.T) {
	a := parseText(t, "Reddit\n\nThe harbour ferry's fares go up by a tenth in April, the board said on Monday.\n\n"+
		"Passengers grumbled at the pier on Monday, and some walked home.\n\nInstagram\n\nYouTube\n\nLinkedIn\n\nPinterest\n")
	if !a.TitleGuessed || !slices.Equal(a.Dropped, []string{"Reddit", "Instagram", "YouTube", "LinkedIn", "Pinterest"}) {
		t.Errorf("title %q (guessed %v), dropped %q", a.Title, a.TitleGuessed, a.Dropped)
	}
}

// A letters page signs each letter with the writer's name and town: the
// names are the byline, the towns stay; one name and town alone is not a
// letters page.
func TestLetterSignatures(t *testing.T) {
	a := parseText(t, "Letters: the ferry fares\n\n"+
		"The new fares will keep the old and the poor off the ferry, and the board knows it full well.\n\n"+
		"Jo Lind\n\nPortsmouth, Hampshire\n\n"+
		"Sixty years ago I crossed for a penny, and the crossing was slower and the tea better than today.\n\n"+
		"Dr Sam Roe\n\nRyde, Isle of Wight\n")
	if !slices.Equal(a.Byline, []string{"Jo Lind", "Dr Sam Roe"}) || len(blocksOf(a, model.Heading)) > 0 {
		t.Errorf("byline %q, headings %q", a.Byline, blocksOf(a, model.Heading))
	}
	if p := blocksOf(a, model.Paragraph); !slices.Contains(p, "Ryde, Isle of Wight") || !slices.Contains(p, "Portsmouth, Hampshire") {
		t.Errorf("paragraphs %q", p)
	}
	a = parseText(t, "Ferry fares rise in spring\n\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday after a long meeting.\n\n"+
		"Passengers grumbled at the pier on Monday, and some of them walked home rather than pay.\n\n"+
		"Summer Timetable\n\nPortsmouth, Hampshire\n\n"+
		"The first ferry leaves at six and the last at ten, from May to September.\n\n"+
		"The board will meet again in May to hear what the passengers have to say about it.\n\n"+
		"The captain said he would be there.\n")
	if len(a.Byline) > 0 || !slices.Equal(blocksOf(a, model.Heading), []string{"Summer Timetable"}) {
		t.Errorf("byline %q, headings %q", a.Byline, blocksOf(a, model.Heading))
	}
	// One letter signed at the end: the name is the byline, the town
	// stays, and is not two more names.
	a = parseText(t, "Letters: the ferry fares\n\n"+
		"The new fares will keep the old and the poor off the ferry, and the board knows it full well.\n\n"+
		"Sixty years ago I crossed for a penny, and the crossing was slower and the tea better than today.\n\n"+
		"Jo Lind\n\nPortsmouth, Hampshire\n")
	if !slices.Equal(a.Byline, []string{"Jo Lind"}) || !slices.Contains(blocksOf(a, model.Paragraph), "Portsmouth, Hampshire") {
		t.Errorf("byline %q, paragraphs %q", a.Byline, blocksOf(a, model.Paragraph))
	}
	// Names over what they do, and sections over a town, are no
	// signatures.
	for _, text := range []string{
		"Who runs the ferry\n\nThe harbour ferry has run since 1923, and four people keep it going through the winter.\n\n" +
			"Jo Lind\n\nThe harbour doctor rides the ferry daily and knows every passenger.\n\n" +
			"Sam Roe\n\nThe captain has steered the ferry for thirty years, in every weather.\n\n" +
			"All four will be at the board's meeting in May, and so will the mayor.\n",
		"Where the ferry goes\n\nThe harbour ferry has run since 1923, and it calls at two towns through the winter.\n\n" +
			"Sailings in summer\n\nPortsmouth, Hampshire\n\nThe first ferry leaves at six and the last at ten, from May to September.\n\n" +
			"Sailings in winter\n\nRyde, Isle of Wight\n\nThe first ferry leaves at seven and the last at eight, from October.\n",
		"Who backs the new fares\n\nThe board published the names of those who back the new fares on Monday afternoon.\n\n" +
			"Jo Lind, Harbour doctor of Portsmouth and its islands\n\nSam Roe, Captain of Ryde\n\n" +
			"Ann Lee, Mayor of Cowes\n\nTom Hart, Clerk of Fareham\n\nThe list will grow, the board said.\n",
		"Ferry timetables\n\nTimetables for the harbour ferry and the island ferries in winter\n\n" +
			"Jo Lind\n\nPortsmouth, Hampshire\n\nTimetables for the harbour ferry and the island ferries in summer\n\n" +
			"Sam Roe\n\nRyde, Isle of Wight\n\nThe board will publish both in May.\n",
	} {
		if a := parseText(t, text); len(a.Byline) > 0 {
			t.Errorf("byline %q", a.Byline)
		}
	}
}

// In Vietnamese, a short line that says again a sentence of one of the
// two lines above it captions the photo set between them; a heading
// that says again what comes below, a paragraph going on with "Trong
// đó,", and the sections a digest's summary lists with semicolons stay
// what they are, and English text is left alone.
func TestVietnameseCaptionSaidAgainAbove(t *testing.T) {
	a := parseText(t, "Mùa cá linh trên đồng ngập\n"+
		"Nước lũ về sớm, người dân các xã đầu nguồn đã ra đồng đặt lưới từ sáng sớm. Cá linh năm nay về nhiều hơn năm trước, mỗi chuyến lưới được vài chục ký, bán ngay tại bến cho thương lái.\n"+
		"Cá linh năm nay về nhiều hơn hẳn năm trước.\n"+
		"Theo ông Sáu, một người đánh cá lâu năm, giá cá đầu mùa cao gấp đôi, nhưng càng về cuối mùa cá càng rẻ vì ghe từ nhiều nơi đổ về chợ cùng lúc, thương lái ép giá.\n"+
		"Ghe đánh cá đổ về chợ nổi.\n"+
		"Giá cá đầu mùa cao gấp đôi nhưng càng về cuối mùa cá càng rẻ\n"+
		"Mỗi sáng, chợ nổi họp từ lúc trời còn tối, hàng trăm ghe xuồng neo sát nhau, tiếng người mua kẻ bán vang cả một khúc sông.\n"+
		"Người dân lo ngại nguồn cá cạn dần\n"+
		"Người dân lo ngại nguồn cá cạn dần là điều nhiều người nhắc đến, khi lưới mắt nhỏ vẫn được dùng ở nhiều nơi dù đã bị cấm từ lâu.\n"+
		"Trong đó, lưới mắt nhỏ vẫn được dùng ở nhiều nơi dù đã bị cấm.\n"+
		"Chính quyền xã cho biết sẽ tăng cường kiểm tra trong những tuần tới.\n")
	// The sentence said again right under its paragraph, a word added,
	// and two lines under it, past another photo's caption that says
	// nothing again (which stays a paragraph: nothing marks it).
	want := []string{"Cá linh năm nay về nhiều hơn hẳn năm trước.", "Giá cá đầu mùa cao gấp đôi nhưng càng về cuối mùa cá càng rẻ"}
	if c := blocksOf(a, model.Caption); !slices.Equal(c, want) {
		t.Errorf("captions %q, want %q", c, want)
	}
	if h := blocksOf(a, model.Heading); !slices.Equal(h, []string{"Người dân lo ngại nguồn cá cạn dần"}) {
		t.Errorf("headings %q", h)
	}
	if p := blocksOf(a, model.Paragraph); !slices.Contains(p, "Trong đó, lưới mắt nhỏ vẫn được dùng ở nhiều nơi dù đã bị cấm.") {
		t.Errorf("paragraphs %q", p)
	}
	// A digest: its summary lists the stories with semicolons, and each
	// story's heading says its item again.
	a = parseText(t, "Tin giao thông 24h\n"+
		"Tin giao thông 24h qua: Xe khách lật trên đèo Bảo Lộc khiến nhiều người bị thương; Cầu phao sông Hồng tạm dừng hoạt động vì nước lớn\n"+
		"Xe khách lật trên đèo Bảo Lộc khiến nhiều người bị thương\n"+
		"Khoảng 5 giờ sáng nay, một xe khách chở 30 người lật trên đèo, lực lượng cứu hộ đã đưa người bị thương đến bệnh viện.\n")
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("digest: captions %q", c)
	}
	// English sets a pull quote so; the rule is not used for it.
	a = parseText(t, "Ferry fares to rise\n"+
		"The harbour ferry's fares go up by a tenth in April, the board said on Monday, after a winter of repairs to both boats and a new pier.\n"+
		"The fares go up by a tenth in April, the board said on Monday.\n"+
		"Passengers grumbled at the pier, and some walked home in the rain.\n")
	if c := blocksOf(a, model.Caption); len(c) > 0 {
		t.Errorf("English: captions %q", c)
	}
}

// A guessed title is the first sentence, and a stop that a lower-case
// word follows does not end one: a name with "!" in it, an initial.
func TestGuessedTitleGoesOnAfterAStopInAName(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Hòm thư Yahoo! nâng dung lượng lên 1TB cho mọi người dùng từ hôm nay. Người dùng không phải trả thêm phí, hãng cho biết trong thông cáo gửi báo chí sáng nay.\n",
			"Hòm thư Yahoo! nâng dung lượng lên 1TB cho mọi người dùng từ hôm nay."},
		{"Ba giờ sáng, khi anh H. đang ngủ thì có tiếng gõ cửa rất mạnh. Anh ra mở cửa nhưng không thấy ai, chỉ có một chiếc hộp nhỏ đặt trên bậc thềm.\n",
			"Ba giờ sáng, khi anh H. đang ngủ thì có tiếng gõ cửa rất mạnh."},
	} {
		a := parseText(t, c.text)
		if !a.TitleGuessed || a.Title != c.want {
			t.Errorf("title %q (guessed %v), want %q", a.Title, a.TitleGuessed, c.want)
		}
	}
}

// A science site's page: the picture's subject under the title,
// capitalised like a name; captions that end "Credit:" or "Credits:"
// with an institution's abbreviations in the credit, one of them longer
// than most; and the site's name on the last line, as its address says.
func TestSubjectLineCreditsAndSiteSignOff(t *testing.T) {
	text := "Title: Engineers Test Lunar Greenhouse Prototype In Desert Trial\n" +
		"URL: https://skyfarming.org/2024/05/lunar-greenhouse-trial.html\n" +
		"Date: 2024-05-02 10:00:00\n\n" +
		"Lunar Greenhouse\n\n" +
		"A team of engineers spent three weeks in the desert growing lettuce and radishes inside a sealed inflatable dome.\n\n" +
		"The dome recycles its water and air, and its lamps run from a small solar array beside it.\n\n" +
		"The inflatable dome on its second day in the desert, before the lamps were fitted. Credit: Skyfarming/Univ. of the Dunes\n\n" +
		"Growers inside the dome wore suits for the first week, to keep the air clean, and recorded every harvest by hand. " +
		strings.Repeat("The lettuce grew faster than it did in the laboratory, and the radishes more slowly, which the team puts down to the light. ", 4) +
		"Credits: Mara Quist\n\n" +
		"The team plans a longer trial next spring.\n\n" +
		"Skyfarming\n"
	a := parseText(t, text)
	wantByline(t, a)
	want := []string{
		"The inflatable dome on its second day in the desert, before the lamps were fitted. Credit: Skyfarming/Univ. of the Dunes",
		"Growers inside the dome wore suits for the first week",
	}
	c := blocksOf(a, model.Caption)
	if len(c) != 2 || c[0] != want[0] || !strings.HasPrefix(c[1], want[1]) {
		t.Errorf("captions %q\nwant %q", c, want)
	}
	wantDropped(t, a, "Skyfarming")
	if got := blocksOf(a, model.Paragraph); slices.Contains(got, "Skyfarming") {
		t.Errorf("the site's name is still a paragraph: %q", got)
	}

	// A writer's name under a title that does not name them stays the
	// byline.
	b := parseText(t, strings.Replace(text, "Lunar Greenhouse\n", "Mara Quist\n", 1))
	wantByline(t, b, "Mara Quist")
}

// A copyright notice under the story goes, whatever follows it on its
// line; one run on at the end of a picture's caption stays with the
// caption. A field's label left with nothing after it closes the page.
func TestCopyrightNoticeAndBareLabel(t *testing.T) {
	a := parseText(t, "Harbour festival draws record crowds\n\n"+
		"The festival drew forty thousand visitors on Saturday, the organisers said.\n\n"+
		"Boats sailed past the customs house at dusk, their decks strung with lights.\n\n"+
		"Boats in the harbour at dusk on Saturday. Photo: Ana Reyes / Copyright 2024 Harbour Times. All rights reserved.\n\n"+
		"The organisers plan a second evening of boats next year.\n\n"+
		"© 2024 Harbour Times. All Rights Reserved. This material may not be published or redistributed.\n\n"+
		"Authors:\n")
	wantOnlyDropped(t, a, "© 2024 Harbour Times. All Rights Reserved. This material may not be published or redistributed.", "Authors:")
	if c := blocksOf(a, model.Caption); len(c) != 1 || !strings.HasPrefix(c[0], "Boats in the harbour at dusk") {
		t.Errorf("captions %q, want the picture's with its notice", c)
	}
	b := parseText(t, "Harbour festival draws record crowds\n\n"+
		"The festival drew forty thousand visitors on Saturday, the organisers said.\n\n"+
		"Copyright lawyers say all rights reserved by the festival's organisers cover its logo, not the boats.\n\n"+
		"Boats sailed past the customs house at dusk, their decks strung with lights.\n\n"+
		"The lighthouse keeper's boat leads the parade each year.\n\n"+
		"© Ana Reyes, Harbour Times; prints reserved for the photo archive\n\n"+
		"The parade ends at the old pier after midnight.\n")
	wantOnlyDropped(t, b)
}
