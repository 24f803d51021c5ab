// Package sheet reads an uploaded spreadsheet (CSV or the first sheet of an XLSX file)
// into rows of cells, row by row, under limits that bound what one upload may cost in
// memory, disk and time whatever its content: a zip bomb, a sheet of a million rows or
// one row of a million cells is refused with a 422 naming the limit, not read.
package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"summit/domain"
)

// Limits bound one read. Rows counts the rows that are not blank (a header and the
// data rows); the others bound the file and its parts.
type Limits struct {
	FileBytes    int64 // the uploaded file itself
	Rows         int   // non-blank rows, header included
	RowNumber    int   // the last sheet row or CSV record that may hold data
	Cells        int   // cells per row (up to the last non-empty one)
	CellBytes    int   // bytes of one cell
	RawCells     int   // XLSX: cell elements in one row, blank (styled) ones included
	Unzipped     int64 // XLSX: all parts together, uncompressed
	SheetPart    int64 // XLSX: one worksheet, uncompressed
	Strings      int64 // XLSX: the shared-strings table, uncompressed (parsed whole)
	OtherPart    int64 // XLSX: any other part (styles, workbook, theme, …), uncompressed
	Parts        int   // XLSX: entries in the zip
	InMemoryPart int64 // XLSX: worksheets above this are read from a temporary file
}

// DefaultLimits fit a plan of maxRows milestones with generous text, and keep a
// worst-case file to a few tens of megabytes of memory.
func DefaultLimits(maxRows int) Limits {
	return Limits{
		FileBytes: 10 << 20, Rows: maxRows + 1, RowNumber: 10 * (maxRows + 1), Cells: 50, CellBytes: 10_000,
		RawCells: 1000, Unzipped: 24 << 20, SheetPart: 8 << 20, Strings: 4 << 20, OtherPart: 1 << 20, Parts: 200, InMemoryPart: 1 << 20,
	}
}

// File is an uploaded file: multipart.File satisfies it. When it is an *os.File (Go
// spools large uploads to disk) an XLSX file is read from disk without copying it.
type File interface {
	io.Reader
	io.ReaderAt
}

// ErrUnreadable is a file that is neither CSV nor XLSX, or broken.
var ErrUnreadable = errors.New("not a readable CSV or XLSX file")

var errNotSpreadsheet = ErrUnreadable

// Read returns the rows of the file named name: XLSX when the name ends in .xlsx or the
// content is a zip, otherwise CSV (UTF-8, or GB18030 as Excel saves it on Chinese
// Windows). Blank rows at the end are dropped; blank rows between data rows are
// returned as nil so that row i is the file's row i+1. Broken limits are a
// *domain.ValidationError on "file", an unreadable file ErrUnreadable; a cancelled
// ctx stops the read with ctx.Err().
func Read(ctx context.Context, name string, f File, size int64, lim Limits) ([][]string, error) {
	if size > lim.FileBytes {
		return nil, domain.Invalid("file", "max_file_size", strconv.FormatInt(lim.FileBytes>>20, 10)+" MB")
	}
	magic := make([]byte, 4)
	n, _ := f.ReadAt(magic, 0)
	if strings.EqualFold(path.Ext(name), ".xlsx") || bytes.HasPrefix(magic[:n], []byte("PK\x03\x04")) {
		return readXLSX(ctx, f, size, lim)
	}
	return readCSV(ctx, io.NewSectionReader(f, 0, size), lim)
}

// collector keeps the rows read so far and checks each against the limits.
type collector struct {
	ctx      context.Context
	lim      Limits
	rows     [][]string
	nonBlank int
	pending  int // blank rows not yet known to lie between data rows
	number   int // rows seen so far
}

func (c *collector) add(row []string) error {
	c.number++
	if err := c.ctx.Err(); err != nil {
		return err
	}
	if blank(row) {
		c.pending++
		return nil
	}
	if c.number > c.lim.RowNumber {
		return domain.Invalid("file", "max_row_number", strconv.Itoa(c.lim.RowNumber))
	}
	c.nonBlank++
	if c.nonBlank > c.lim.Rows {
		return domain.Invalid("file", "max_rows", strconv.Itoa(c.lim.Rows-1))
	}
	if len(row) > c.lim.Cells {
		return domain.Invalid("file", "max_columns", strconv.Itoa(c.lim.Cells))
	}
	for _, cell := range row {
		if len(cell) > c.lim.CellBytes {
			return domain.Invalid("file", "max_cell_length", strconv.Itoa(c.lim.CellBytes))
		}
	}
	for ; c.pending > 0; c.pending-- {
		c.rows = append(c.rows, nil)
	}
	c.rows = append(c.rows, slices.Clone(row))
	return nil
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readXLSX checks the zip's directory (sizes declared there are enforced by
// archive/zip while inflating) before excelize opens it with the same bounds, then
// streams the first sheet's rows.
func readXLSX(ctx context.Context, f File, size int64, lim Limits) ([][]string, error) {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return nil, errNotSpreadsheet
	}
	if len(zr.File) > lim.Parts {
		return nil, domain.Invalid("file", "max_parts", strconv.Itoa(lim.Parts))
	}
	tooBig := domain.Invalid("file", "max_unzipped_size", strconv.FormatInt(lim.Unzipped>>20, 10)+" MB")
	var total uint64
	for _, zf := range zr.File {
		part := uint64(lim.OtherPart)
		lower := strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))
		switch {
		case strings.HasPrefix(lower, "xl/worksheets/sheet"):
			part = uint64(lim.SheetPart)
		case lower == "xl/sharedstrings.xml":
			part = uint64(lim.Strings)
		}
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > part || total > uint64(lim.Unzipped) {
			return nil, tooBig
		}
	}
	for _, zf := range zr.File {
		if lower := strings.ToLower(zf.Name); strings.HasPrefix(lower, "xl/worksheets/sheet") {
			if err := scanSheet(ctx, zf, lim); err != nil {
				return nil, err
			}
		}
	}
	opts := excelize.Options{UnzipSizeLimit: lim.Unzipped, UnzipXMLSizeLimit: lim.InMemoryPart}
	var book *excelize.File
	if osFile, ok := f.(*os.File); ok {
		book, err = excelize.OpenFile(osFile.Name(), opts)
	} else {
		book, err = excelize.OpenReader(io.NewSectionReader(f, 0, size), opts)
	}
	if err != nil {
		if book != nil {
			_ = book.Close()
		}
		return nil, errNotSpreadsheet
	}
	defer book.Close()
	rows, err := book.Rows(book.GetSheetName(0))
	if err != nil {
		return nil, errNotSpreadsheet
	}
	defer rows.Close()
	c := &collector{ctx: ctx, lim: lim}
	for rows.Next() {
		row, err := rows.Columns()
		if err != nil {
			return nil, errNotSpreadsheet
		}
		if err := c.add(row); err != nil {
			return nil, err
		}
	}
	if rows.Error() != nil {
		return nil, errNotSpreadsheet
	}
	return c.rows, ctx.Err()
}

// scanSheet counts a worksheet's rows and the cells of each row without parsing it
// (excelize's row iterator holds a whole row, and its XML decoder allocates tens of
// bytes per byte of XML): a sheet with more rows than lim.RowNumber, or a row of more
// than lim.RawCells cells, is refused before it is parsed. It counts tags, so a "<c" or
// "<row" in a comment or CDATA section counts too, which only errs on the safe side.
func scanSheet(ctx context.Context, zf *zip.File, lim Limits) error {
	rc, err := zf.Open()
	if err != nil {
		return errNotSpreadsheet
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, max(64<<10, 6*lim.CellBytes+1024))
	rows, cells := 0, 0
	for {
		// Every tag starts with '<'; look at the bytes after it. Between two tags there
		// is at most one cell's text, XML-escaped (6 bytes per character at most): a
		// longer run than the buffer is a cell too long.
		if _, err := br.ReadSlice('<'); err != nil {
			switch {
			case errors.Is(err, io.EOF):
				return nil
			case errors.Is(err, bufio.ErrBufferFull):
				return domain.Invalid("file", "max_cell_length", strconv.Itoa(lim.CellBytes))
			}
			return errNotSpreadsheet
		}
		next, _ := br.Peek(4)
		switch {
		case len(next) >= 4 && string(next[:3]) == "row" && isNameEnd(next[3]):
			rows++
			cells = 0
			if rows > lim.RowNumber {
				return domain.Invalid("file", "max_row_number", strconv.Itoa(lim.RowNumber))
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		case len(next) >= 2 && next[0] == 'c' && isNameEnd(next[1]):
			cells++
			if cells > lim.RawCells {
				return domain.Invalid("file", "max_columns", strconv.Itoa(lim.Cells))
			}
		}
	}
}

func isNameEnd(b byte) bool {
	return b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r'
}

// readCSV decides the encoding in a first streaming pass, then parses record by record.
func readCSV(ctx context.Context, src *io.SectionReader, lim Limits) ([][]string, error) {
	isUTF8, err := validUTF8(src)
	if err != nil {
		return nil, err
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	var text io.Reader = src
	if !isUTF8 {
		text = transform.NewReader(src, simplifiedchinese.GB18030.NewDecoder())
	}
	br := bufio.NewReader(text)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	bounded := &boundedRecords{r: br, max: int64(lim.Cells) * int64(lim.CellBytes+3)}
	r := csv.NewReader(bounded)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // collector.add copies the rows it keeps
	c := &collector{ctx: ctx, lim: lim}
	for {
		rec, err := r.Read()
		bounded.recordEnd = r.InputOffset()
		if err == io.EOF {
			return c.rows, ctx.Err()
		}
		if errors.Is(err, errRowTooLong) {
			return nil, domain.Invalid("file", "max_row_bytes", strconv.FormatInt(bounded.max, 10))
		}
		if err != nil {
			return nil, errNotSpreadsheet
		}
		if err := c.add(rec); err != nil {
			return nil, err
		}
	}
}

var errRowTooLong = errors.New("CSV record too long")

// boundedRecords stops a CSV reader that has read max bytes past the end of its last
// record: encoding/csv holds a whole record in memory before returning it, so without
// this one quoted cell could take the whole file.
type boundedRecords struct {
	r         io.Reader
	read      int64 // bytes handed to the CSV reader
	recordEnd int64 // where its last record ended
	max       int64
}

func (b *boundedRecords) Read(p []byte) (int, error) {
	if b.read-b.recordEnd > b.max {
		return 0, errRowTooLong
	}
	n, err := b.r.Read(p)
	b.read += int64(n)
	return n, err
}

// validUTF8 reports whether all of r is UTF-8, reading it in chunks.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		end := len(chunk)
		if err == nil {
			// Keep a rune cut at the chunk's end for the next round.
			for i := 1; i < utf8.UTFMax && i <= end; i++ {
				if utf8.RuneStart(chunk[end-i]) {
					if !utf8.FullRune(chunk[end-i:]) {
						end -= i
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:end]) {
			return false, nil
		}
		carry = copy(buf, chunk[end:])
		if err == io.EOF {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}
