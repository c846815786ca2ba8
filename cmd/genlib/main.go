// Command genlib writes a deterministic library of N articles for scale
// tests and benchmarks, in the layouts bao reads: scraped Vietnamese news
// (share buttons, dateline leads, space-led captions, site widgets),
// VnExpress-style glued datelines and trailing bylines, Báo Mới-style
// one-line bodies with inline photo credits, BBC-style blank-separated
// paragraphs, wire copy, and Markdown with front matter. Sizes run from
// 1 KB to 1 MB, most of them small. With -corpus, one article in three is a
// real article of that directory with a numbered title, so that the mix
// has real text too.
//
//	go run ./cmd/genlib -n 10000 -out /tmp/lib10k
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "", "directory to write (created)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same library")
	corpus := flag.String("corpus", "", "optional directory of real articles to mix in")
	perDir := flag.Int("per-dir", 1000, "articles per subdirectory")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genlib: -out is required")
		os.Exit(2)
	}
	g := &gen{r: rand.New(rand.NewPCG(*seed, 0x6261_6f)), real: realArticles(*corpus)}
	var total int64
	for i := range *n {
		name, text := g.article(i)
		dir := filepath.Join(*out, fmt.Sprintf("d%03d", i / *perDir))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "genlib:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genlib:", err)
			os.Exit(1)
		}
		total += int64(len(text))
	}
	fmt.Printf("wrote %d articles, %.1f MB, to %s\n", *n, float64(total)/1e6, *out)
}

// realArticles lists the text files of dir, sorted, or none.
func realArticles(dir string) []string {
	if dir == "" {
		return nil
	}
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	return files
}

type gen struct {
	r    *rand.Rand
	real []string
}

// size picks an article size: 95% 1-8 KB, 4.5% 8-100 KB, 0.5% 100 KB-1 MB.
func (g *gen) size() int {
	switch x := g.r.Float64(); {
	case x < 0.95:
		return 1000 + g.r.IntN(7000)
	case x < 0.995:
		return 8000 + g.r.IntN(92000)
	default:
		return 100000 + g.r.IntN(900000)
	}
}

func (g *gen) article(i int) (name, text string) {
	if len(g.real) > 0 && g.r.IntN(3) == 0 {
		if data, err := os.ReadFile(g.real[g.r.IntN(len(g.real))]); err == nil && len(data) > 0 {
			title, rest, _ := strings.Cut(string(data), "\n")
			return fmt.Sprintf("a%06d.txt", i), fmt.Sprintf("%s (%d)\n%s", title, i, rest)
		}
	}
	size := g.size()
	switch g.r.IntN(6) {
	case 0:
		return fmt.Sprintf("a%06d.txt", i), g.scraped(i, size)
	case 1:
		return fmt.Sprintf("a%06d.txt", i), g.vnexpress(i, size)
	case 2:
		return fmt.Sprintf("a%06d.txt", i), g.oneLine(i, size)
	case 3:
		return fmt.Sprintf("a%06d.txt", i), g.bbc(i, size)
	case 4:
		return fmt.Sprintf("a%06d.txt", i), g.wire(i, size)
	default:
		return fmt.Sprintf("a%06d.md", i), g.markdown(i, size)
	}
}

var (
	viWords = strings.Fields(`người dân thành phố quận huyện tỉnh xã phường hội nghị chính quyền giao thông
		đường phố xe buýt học sinh giáo viên trường học bệnh viện bác sĩ kinh tế doanh nghiệp thị trường giá
		vàng xăng dầu nông dân mùa vụ lúa gạo cà phê du lịch khách sạn biển đảo sông núi mưa lũ nắng nóng
		công an điều tra vụ việc tai nạn cầu đường dự án vốn đầu tư ngân hàng lãi suất tăng giảm tiếp tục
		cho biết theo đó trong khi tuy nhiên đồng thời năm tháng ngày sáng chiều tối mới cũ lớn nhỏ nhiều ít
		thực hiện triển khai kế hoạch báo cáo đề xuất phê duyệt kiểm tra hỗ trợ phát triển bảo vệ môi trường
		Hà Nội Đà Nẵng Huế Cần Thơ Hải Phòng Quảng Ninh Nghệ An Đồng Nai Bình Dương Khánh Hòa`)
	enWords = strings.Fields(`the council said on Monday that new rules would come into force next year as
		part of a plan to cut costs and improve services for residents across the region while critics argued
		that the changes were too slow and that funding remained uncertain after months of talks between
		ministers officials unions and business groups who have warned of rising prices falling demand and
		growing pressure on schools hospitals roads railways energy water housing markets shares investors
		London Manchester Leeds Glasgow Cardiff Belfast Brussels Paris Berlin Washington`)
	viPlaces  = []string{"Hà Nội", "TP HCM", "Đà Nẵng", "Thanh Hóa", "Nghệ An", "Cần Thơ", "Quảng Ninh", "Mỹ", "Nhật Bản", "Trung Quốc"}
	viNames   = []string{"Minh Anh", "Thu Hà", "Quốc Huy", "Lan Phương", "Đức Minh", "Bảo Ngọc", "Hoàng Nam", "Thanh Tùng"}
	enNames   = []string{"Jane Doe", "Sam Okafor", "Priya Shah", "Tom Reilly", "Ana Costa", "Li Wei"}
	viSources = []string{"Kinhtedothi", "(Dân trí)", "TTO", "VTV.vn", "ANTĐ", "(PLO)"}
)

// sentence makes a sentence of words from list, capitalised, with a full
// stop.
func (g *gen) sentence(list []string, min, max int) string {
	n := min + g.r.IntN(max-min+1)
	w := make([]string, n)
	for i := range w {
		w[i] = list[g.r.IntN(len(list))]
	}
	s := strings.Join(w, " ")
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:] + "."
}

func (g *gen) paragraph(list []string) string {
	n := 2 + g.r.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence(list, 8, 22)
	}
	return strings.Join(s, " ")
}

func (g *gen) heading(list []string) string {
	s := g.sentence(list, 3, 7)
	return strings.TrimSuffix(s, ".")
}

func (g *gen) title(list []string, i int) string {
	return fmt.Sprintf("%s %d", g.heading(list), i)
}

// body writes paragraphs (one per line, or separated by blank lines), with
// a heading every few paragraphs and some captions, until about size bytes.
func (g *gen) body(b *strings.Builder, list []string, size int, blank, captions bool) {
	sep := "\n"
	if blank {
		sep = "\n\n"
	}
	for n := 0; b.Len() < size; n++ {
		if n > 0 && n%4 == 0 {
			b.WriteString(g.heading(list) + sep)
		}
		b.WriteString(g.paragraph(list) + sep)
		if captions && n%5 == 2 {
			b.WriteString(" " + g.sentence(list, 6, 12) + sep)
		}
	}
}

func (g *gen) scraped(i, size int) string {
	var b strings.Builder
	src := viSources[g.r.IntN(len(viSources))]
	fmt.Fprintf(&b, "%s\n\n%s\nChia sẻ\n\n%s - %s\n", g.title(viWords, i), viNames[g.r.IntN(len(viNames))], src, g.paragraph(viWords))
	g.body(&b, viWords, size, false, true)
	b.WriteString("\nTin đọc nhiều\n\n" + g.heading(viWords) + "\n")
	return b.String()
}

func (g *gen) vnexpress(i, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s%s\n", g.title(viWords, i), viPlaces[g.r.IntN(len(viPlaces))], g.paragraph(viWords))
	g.body(&b, viWords, size, false, false)
	b.WriteString(viNames[g.r.IntN(len(viNames))] + " - " + viNames[g.r.IntN(len(viNames))] + "\n")
	return b.String()
}

func (g *gen) oneLine(i, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", g.title(viWords, i), g.paragraph(viWords))
	for b.Len() < size {
		b.WriteString(g.paragraph(viWords) + " ")
		if g.r.IntN(4) == 0 {
			b.WriteString(g.sentence(viWords, 6, 12) + " Ảnh: " + viNames[g.r.IntN(len(viNames))] + ". ")
		}
		if g.r.IntN(6) == 0 {
			b.WriteString(" ")
		}
	}
	b.WriteString(viNames[g.r.IntN(len(viNames))] + " (Tổng hợp) ")
	return b.String()
}

func (g *gen) bbc(i, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n\n", g.title(enWords, i), g.paragraph(enWords))
	g.body(&b, enWords, size, true, false)
	return b.String()
}

func (g *gen) wire(i, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nBy %s\n\nLONDON, March %d (Reuters) - %s\n\n", g.title(enWords, i), enNames[g.r.IntN(len(enNames))], 1+g.r.IntN(28), g.paragraph(enWords))
	g.body(&b, enWords, size, true, false)
	b.WriteString("Share\n\nMost read\n" + g.heading(enWords) + "\n")
	return b.String()
}

func (g *gen) markdown(i, size int) string {
	var b strings.Builder
	list := viWords
	if g.r.IntN(2) == 0 {
		list = enWords
	}
	fmt.Fprintf(&b, "---\ntitle: %q\nauthor: %s\ndate: 2026-%02d-%02d\n---\n%s\n\n", g.title(list, i), viNames[g.r.IntN(len(viNames))], 1+g.r.IntN(12), 1+g.r.IntN(28), g.paragraph(list))
	for n := 0; b.Len() < size; n++ {
		if n%4 == 0 {
			b.WriteString("## " + g.heading(list) + "\n\n")
		}
		b.WriteString(g.paragraph(list) + "\n\n")
		if n%6 == 3 {
			fmt.Fprintf(&b, "![%s](photo.jpg)\n\n", g.heading(list))
		}
	}
	return b.String()
}
