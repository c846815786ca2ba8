// Command corpusfiles writes the articles of a corpus kept as a table or
// as JSON records to text files of their own, the layout bao reads. With
// -csv it reads a CSV table from standard input and writes one column of
// each row to a file named by another column (or by the row's number,
// with -name '#'); with -jsonl it reads JSON records, one a line, as it
// reads rows; with -json it writes each JSON file named on the command
// line to a file named after it. -header puts "Key: value" lines taken
// from other columns or fields above the text; an empty value, or a field
// a record lacks, gets no line. Rows whose name is empty or not a plain
// file name are skipped and counted.
//
//	go run ./cmd/corpusfiles -csv -name id -text content -dir DIR < table.csv
//	go run ./cmd/corpusfiles -csv -name '#' -header title=Title,url=URL -text raw_text -dir DIR < table.csv
//	go run ./cmd/corpusfiles -jsonl -name '#' -header title=Title -text text -dir DIR < records.jsonl
//	go run ./cmd/corpusfiles -json -header title=Title,url=URL -text text -dir DIR record.json...
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	asCSV := flag.Bool("csv", false, "read a CSV table from standard input")
	asJSON := flag.Bool("json", false, "read the JSON files named as arguments")
	asJSONL := flag.Bool("jsonl", false, "read JSON records, one a line, from standard input, as -csv reads rows")
	name := flag.String("name", "id", "with -csv, the column that names each file (.txt is added); # names it by the row's number")
	header := flag.String("header", "", "column=Key pairs, comma-separated: each row's file opens with a \"Key: value\" line for each, then a blank line")
	text := flag.String("text", "content", "the column or field written to the file")
	dir := flag.String("dir", ".", "the directory the files go in")
	flag.Parse()
	var written, skipped int
	var err error
	switch {
	case countTrue(*asCSV, *asJSON, *asJSONL) != 1:
		err = errors.New("give one of -csv, -jsonl and -json")
	case *asCSV:
		written, skipped, err = splitCSV(os.Stdin, *name, *text, *header, *dir)
	case *asJSONL:
		written, skipped, err = splitJSONL(os.Stdin, *name, *text, *header, *dir)
	default:
		written, skipped, err = splitJSON(flag.Args(), *text, *header, *dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusfiles:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "corpusfiles: %d files written to %s, %d rows skipped\n", written, *dir, skipped)
}

// rowNumber, given as the name column, names each file by its row's
// number: 001.txt for the first row under the header.
const rowNumber = "#"

// headerField is a column written as a "Key: value" line above the text.
type headerField struct {
	col int
	key string
}

// splitCSV reads the CSV table from r and writes the text column of each
// row to dir/NAME.txt, under the header lines keys asks for
// ("title=Title,url=URL").
func splitCSV(r io.Reader, nameCol, textCol, keys, dir string) (written, skipped int, err error) {
	cr := csv.NewReader(r)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1 // rows may be ragged: only the columns named are read
	header, err := cr.Read()
	if err != nil {
		return 0, 0, fmt.Errorf("reading the header: %w", err)
	}
	return splitRows(header, cr.Read, nameCol, textCol, keys, dir)
}

// splitJSONL reads JSON records from r, one a line, and writes each as
// splitCSV writes a row, its fields standing for columns.
func splitJSONL(r io.Reader, nameCol, textCol, keys, dir string) (written, skipped int, err error) {
	header := recordColumns(nameCol, textCol, keys)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	next := func() ([]string, error) {
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return recordRow(sc.Bytes(), header, nameCol, textCol)
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	return splitRows(header, next, nameCol, textCol, keys, dir)
}

// recordColumns lists the fields a JSON record is read by, as columns:
// the text, the name unless files are numbered, and the header fields.
func recordColumns(nameCol, textCol, keys string) []string {
	header := []string{textCol}
	if nameCol != rowNumber {
		header = append(header, nameCol)
	}
	for pair := range strings.SplitSeq(keys, ",") {
		if col, _, ok := strings.Cut(pair, "="); ok {
			header = append(header, col)
		}
	}
	return header
}

// recordRow reads a JSON record as a row under header. The text and the
// name must be there; a header field the record lacks is left empty, and
// so gets no line. A value that is not a string is kept as written.
func recordRow(data []byte, header []string, nameCol, textCol string) ([]string, error) {
	var record map[string]json.RawMessage
	if err := json.Unmarshal(data, &record); err != nil {
		return nil, err
	}
	row := make([]string, len(header))
	for i, k := range header {
		raw, ok := record[k]
		if !ok || string(raw) == "null" {
			if k == textCol || k == nameCol {
				return nil, fmt.Errorf("a record has no field %q", k)
			}
			continue
		}
		if err := json.Unmarshal(raw, &row[i]); err != nil {
			row[i] = string(raw) // a number, a list: as written
		}
	}
	return row, nil
}

// splitRows writes the rows next returns, under header's columns, as
// splitCSV describes.
func splitRows(header []string, next func() ([]string, error), nameCol, textCol, keys, dir string) (written, skipped int, err error) {
	ni, ti := column(header, nameCol), column(header, textCol)
	if nameCol == rowNumber {
		ni = len(header)
	}
	if ni < 0 || ti < 0 {
		return 0, 0, fmt.Errorf("columns %q and %q must both be in the header %q", nameCol, textCol, header)
	}
	var fields []headerField
	for pair := range strings.SplitSeq(keys, ",") {
		if pair == "" {
			continue
		}
		col, key, ok := strings.Cut(pair, "=")
		i := column(header, col)
		if !ok || key == "" || i < 0 {
			return 0, 0, fmt.Errorf("header field %q: want column=Key with the column in %q", pair, header)
		}
		fields = append(fields, headerField{i, key})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	for {
		row, err := next()
		if errors.Is(err, io.EOF) {
			return written, skipped, nil
		}
		if err != nil {
			return written, skipped, err
		}
		need := max(ti, maxCol(fields))
		if ni < len(header) {
			need = max(need, ni)
		}
		if need >= len(row) {
			skipped++ // a short row: a column asked for is missing
			continue
		}
		var n string
		if ni == len(header) {
			n = fmt.Sprintf("%03d", written+skipped+1)
		} else {
			n = row[ni]
		}
		if n == "" || n != filepath.Base(n) || strings.HasPrefix(n, ".") {
			skipped++
			continue
		}
		var text strings.Builder
		lines := 0
		for _, f := range fields {
			if v := strings.Join(strings.Fields(row[f.col]), " "); v != "" {
				fmt.Fprintf(&text, "%s: %s\n", f.key, v)
				lines++
			}
		}
		if lines > 0 {
			text.WriteString("\n")
		}
		text.WriteString(row[ti])
		if err := os.WriteFile(filepath.Join(dir, n+".txt"), []byte(text.String()), 0o644); err != nil {
			return written, skipped, err
		}
		written++
	}
}

// splitJSON writes each JSON file in paths as splitJSONL writes a record,
// to dir/NAME.txt, NAME being the file's name less ".json".
func splitJSON(paths []string, textCol, keys, dir string) (written, skipped int, err error) {
	fields := recordColumns(rowNumber, textCol, keys) // the name is the file's
	header := append(slices.Clip(fields), fileName)
	next := func() ([]string, error) {
		if len(paths) == 0 {
			return nil, io.EOF
		}
		p := paths[0]
		paths = paths[1:]
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		row, err := recordRow(data, fields, fileName, textCol)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		return append(row, strings.TrimSuffix(filepath.Base(p), ".json")), nil
	}
	return splitRows(header, next, fileName, textCol, keys, dir)
}

// fileName, as the name column, stands for the JSON file's own name.
const fileName = "\x00file"

// maxCol is the highest column fields read, or -1.
func maxCol(fields []headerField) int {
	m := -1
	for _, f := range fields {
		m = max(m, f.col)
	}
	return m
}

func countTrue(bs ...bool) (n int) {
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
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
