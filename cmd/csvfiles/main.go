// Command csvfiles writes one column of each row of a CSV file to a file of
// its own, named by another column: it turns a corpus kept as a CSV table
// into the directory of text files bao reads. Rows whose name is empty or
// not a plain file name are skipped and counted.
//
//	go run ./cmd/csvfiles -name id -text content -dir DIR < table.csv
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	name := flag.String("name", "id", "the column that names each file (.txt is added)")
	text := flag.String("text", "content", "the column written to the file")
	dir := flag.String("dir", ".", "the directory the files go in")
	flag.Parse()
	written, skipped, err := split(os.Stdin, *name, *text, *dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "csvfiles:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "csvfiles: %d files written to %s, %d rows skipped\n", written, *dir, skipped)
}

// split reads the CSV table from r and writes the text column of each row
// to dir/NAME.txt.
func split(r io.Reader, nameCol, textCol, dir string) (written, skipped int, err error) {
	cr := csv.NewReader(r)
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return 0, 0, fmt.Errorf("reading the header: %w", err)
	}
	ni, ti := column(header, nameCol), column(header, textCol)
	if ni < 0 || ti < 0 {
		return 0, 0, fmt.Errorf("columns %q and %q must both be in the header %q", nameCol, textCol, header)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return written, skipped, nil
		}
		if err != nil {
			return written, skipped, err
		}
		n := row[ni]
		if n == "" || n != filepath.Base(n) || strings.HasPrefix(n, ".") {
			skipped++
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, n+".txt"), []byte(row[ti]), 0o644); err != nil {
			return written, skipped, err
		}
		written++
	}
}

// column returns the index of name in header, or -1.
func column(header []string, name string) int {
	for i, h := range header {
		if strings.TrimSpace(h) == name {
			return i
		}
	}
	return -1
}
