package articles

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusFiles reads every article of the shared corpus, or the fixtures
// when the corpus is absent.
func corpusFiles(b *testing.B) (names []string, data [][]byte, size int64) {
	b.Helper()
	root := corpusDir
	if _, err := os.Stat(root); err != nil {
		root = "testdata/fixtures"
	}
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
func BenchmarkParseCorpus(b *testing.B) {
	names, data, size := corpusFiles(b)
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
func BenchmarkLoadCorpus(b *testing.B) {
	_, _, size := corpusFiles(b)
	root := corpusDir
	if _, err := os.Stat(root); err != nil {
		root = "testdata/fixtures"
	}
	b.SetBytes(size)
	for b.Loop() {
		Load([]string{root}, Options{})
	}
}
