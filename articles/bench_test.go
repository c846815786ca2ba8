package articles

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusRoot is the shared corpus, or the fixtures for the benchmarks
// named after them.
func corpusRoot(b *testing.B, corpus bool) string {
	if !corpus {
		return "testdata/fixtures"
	}
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("the shared corpus is not beside this checkout (%v); the *Fixtures benchmarks run without it", err)
	}
	return corpusDir
}

// corpusFiles reads every .txt article under root.
func corpusFiles(b *testing.B, root string) (names []string, data [][]byte, size int64) {
	b.Helper()
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
			return nil
		}
		buf, err := os.ReadFile(path)
		if err == nil && len(buf) > 0 {
			names = append(names, path)
			data = append(data, buf)
			size += int64(len(buf))
		}
		return nil
	})
	return names, data, size
}

// BenchmarkParseCorpus measures plain-text parsing throughput on one core
// (MB/s is the corpus size over the time to parse all of it).
func BenchmarkParseCorpus(b *testing.B) { benchParse(b, corpusRoot(b, true)) }

// BenchmarkParseFixtures is BenchmarkParseCorpus on the repository's own
// fixtures, for a checkout without the corpus.
func BenchmarkParseFixtures(b *testing.B) { benchParse(b, corpusRoot(b, false)) }

func benchParse(b *testing.B, root string) {
	names, data, size := corpusFiles(b, root)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i := range data {
			if _, err := Parse(names[i], data[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadCorpus measures loading the corpus from disk in parallel.
func BenchmarkLoadCorpus(b *testing.B) { benchLoad(b, corpusRoot(b, true)) }

// BenchmarkLoadFixtures is BenchmarkLoadCorpus on the fixtures.
func BenchmarkLoadFixtures(b *testing.B) { benchLoad(b, corpusRoot(b, false)) }

func benchLoad(b *testing.B, root string) {
	_, _, size := corpusFiles(b, root)
	b.SetBytes(size)
	for b.Loop() {
		Load([]string{root}, Options{})
	}
}

// benchPages extracts every .html page under dirs: decoding, parsing,
// readability and the mapping onto blocks, as bao URL or bao add does
// after the download.
func benchPages(b *testing.B, dirs ...string) {
	var pages [][]byte
	var size int64
	for _, dir := range dirs {
		m, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		for _, p := range m {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, data)
			size += int64(len(data))
		}
	}
	if len(pages) == 0 {
		b.Fatal("no pages")
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			ParseHTML(p, "", "")
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractCorpusPages extracts the 38 real pages of
// ../shared/corpus/html-{en,vi}.
func BenchmarkExtractCorpusPages(b *testing.B) {
	root := corpusRoot(b, true)
	benchPages(b, filepath.Join(root, "html-en"), filepath.Join(root, "html-vi"))
}

// BenchmarkExtractFixturePages extracts the seven fixture pages.
func BenchmarkExtractFixturePages(b *testing.B) { benchPages(b, "testdata/html") }
