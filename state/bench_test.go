package state

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"bao/articles"
	"bao/model"
)

// library10k is a 10,000-article library made of the corpus (or the sample
// when the corpus is absent), each copy with its own ID and title.
func library10k(b *testing.B) (*model.Library, int64) {
	b.Helper()
	src := articles.Sample()
	if _, err := os.Stat(corpusDir); err == nil {
		src = articles.Load([]string{corpusDir}, articles.Options{})
	}
	lib := &model.Library{}
	var size int64
	for i := 0; len(lib.Articles) < 10000; i++ {
		a := *src.Articles[i%len(src.Articles)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		a.Title = fmt.Sprintf("%s (%d)", a.Title, i)
		lib.Articles = append(lib.Articles, &a)
		size += a.Size
	}
	return lib, size
}

// BenchmarkIndex10k indexes a 10,000-article library from scratch.
func BenchmarkIndex10k(b *testing.B) {
	lib, size := library10k(b)
	b.SetBytes(size)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "state.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, _, err := s.Index(lib); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

var benchQueries = []string{
	"ba dinh", "hoi nghi", "giao thong", "thi sinh", "bong da", "gia vang", "cong an",
	"world cup", "interest rates", "prime minister", "the film", "mobile phone", "economy",
	"hoc sinh nghi hoc", "tang truong kinh te", "nguoi dan", "chinh phu", "dien thoai",
}

// BenchmarkSearch10k runs queries against a 10,000-article index and
// reports the 95th percentile latency as p95-ms.
func BenchmarkSearch10k(b *testing.B) {
	lib, _ := library10k(b)
	s, err := Open(filepath.Join(b.TempDir(), "state.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Index(lib); err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := s.Search(benchQueries[i%len(benchQueries)], 50); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
}
