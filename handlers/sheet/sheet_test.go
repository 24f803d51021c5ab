package sheet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"summit/domain"
	"summit/handlers/sheet/sheettest"
)

var testLimits = DefaultLimits(2000)

func read(t testing.TB, ctx context.Context, name string, data []byte) ([][]string, error) {
	t.Helper()
	return Read(ctx, name, bytes.NewReader(data), int64(len(data)), testLimits)
}

// violation is the one rule and parameter a *domain.ValidationError on "file" names.
func violation(err error) string {
	var verr *domain.ValidationError
	if err == nil {
		return ""
	}
	if errors.Is(err, ErrUnreadable) {
		return "unreadable"
	}
	if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Field != "file" {
		return fmt.Sprintf("not a file violation: %v", err)
	}
	return verr.Violations[0].Rule + " " + verr.Violations[0].Param
}

func csvRows(n int) []byte {
	var b strings.Builder
	b.WriteString("name,owner_role,planned_start,planned_due\n")
	for i := range n {
		fmt.Fprintf(&b, "Step %d,pmo,2026-12-01,2026-12-02\n", i+1)
	}
	return []byte(b.String())
}

func TestReadWithinLimits(t *testing.T) {
	t.Parallel()
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("里程碑,负责角色\n需求调研,solution\n"))
	tests := []struct {
		name  string
		file  string
		data  []byte
		rows  int
		first string // first cell of the last row
	}{
		{"UTF-8 CSV with a byte-order mark", "plan.csv", []byte("\ufeff\"name\",owner_role\nKick-off,pmo\n"), 2, "Kick-off"},
		{"GB18030 CSV as Excel saves it", "计划.csv", gb, 2, "需求调研"},
		{"blank rows between data keep row numbers, blank rows after are dropped", "plan.csv", []byte("name\n,\nA\n,,\n\n,\n"), 3, "A"},
		{"the most milestones", "plan.csv", csvRows(2000), 2001, "Step 2000"},
		{"XLSX", "plan.xlsx", sheettest.XLSX(t, [][]string{{"name", "owner_role"}, {}, {"Kick-off", "pmo"}}), 3, "Kick-off"},
		{"XLSX under another name", "upload", sheettest.XLSX(t, [][]string{{"name"}, {"Kick-off"}}), 2, "Kick-off"},
	}
	for _, tc := range tests {
		rows, err := read(t, t.Context(), tc.file, tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(rows) != tc.rows || rows[len(rows)-1][0] != tc.first {
			t.Errorf("%s: %d rows, last %v; want %d rows, last starting %q", tc.name, len(rows), rows[len(rows)-1], tc.rows, tc.first)
		}
	}
}

func TestReadRefusesWhatBreaksALimit(t *testing.T) {
	t.Parallel()
	wide := strings.Repeat("x,", 50) + "x\n"
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"one milestone too many (CSV)", "plan.csv", csvRows(2001), "max_rows 2000"},
		{"one milestone too many (XLSX)", "plan.xlsx", sheettest.XLSX(t, append([][]string{{"name"}}, repeatRow([]string{"Step"}, 2001)...)), "max_rows 2000"},
		{"a row of 51 cells", "plan.csv", []byte("name\n" + wide), "max_columns 50"},
		{"a cell of 10,001 bytes", "plan.csv", []byte("name\n" + strings.Repeat("x", 10_001) + "\n"), "max_cell_length 10000"},
		{"a cell of 10,001 bytes (XLSX)", "plan.xlsx", sheettest.XLSX(t, [][]string{{"name"}, {strings.Repeat("x", 10_001)}}), "max_cell_length 10000"},
		{"51 cells (XLSX)", "plan.xlsx", sheettest.XLSX(t, [][]string{{"name"}, strings.Split(strings.Repeat("x,", 50)+"x", ",")}), "max_columns 50"},
		{"data far below the plan", "plan.csv", []byte("name\n" + strings.Repeat(",\n", 20_010) + "A\n"), "max_row_number 20010"},
		{"a file over 10 MB", "plan.csv", bytes.Repeat([]byte("a\n"), 5<<20+1), "max_file_size 10 MB"},
		{"not a spreadsheet", "plan.xlsx", []byte("PK\x03\x04 not really a zip"), "unreadable"},
		{"a CSV it cannot parse", "plan.csv", []byte("name\n\"unterminated\n"), "unreadable"},
	}
	for _, tc := range tests {
		_, err := read(t, t.Context(), tc.file, tc.data)
		if got := violation(err); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func repeatRow(row []string, n int) [][]string {
	out := make([][]string, n)
	for i := range out {
		out[i] = row
	}
	return out
}

// cancelAfter is a CSV source that cancels its context after n reads, like a request
// whose deadline passes during an import.
type cancelAfter struct {
	r      io.ReaderAt
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) { return 0, io.EOF }
func (c *cancelAfter) ReadAt(p []byte, off int64) (int, error) {
	if off > 0 {
		c.n--
		if c.n == 0 {
			c.cancel()
		}
	}
	return c.r.ReadAt(p, off)
}

func TestReadStopsWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	data := csvRows(1999)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	// The first pass (encoding) reads the file; the parse is cancelled after its
	// first chunk, long before its last row.
	src := &cancelAfter{r: bytes.NewReader(data), n: 3, cancel: cancel}
	rows, err := Read(ctx, "plan.csv", src, int64(len(data)), testLimits)
	if !errors.Is(err, context.Canceled) || rows != nil {
		t.Fatalf("cancelled read: %d rows, %v; want context.Canceled", len(rows), err)
	}
	cancelled, stop := context.WithCancel(t.Context())
	stop()
	if _, err := read(t, cancelled, "plan.xlsx", sheettest.XLSX(t, [][]string{{"name"}, {"A"}})); !errors.Is(err, context.Canceled) {
		t.Fatalf("XLSX with a cancelled context: %v", err)
	}
}

// allocated is how many bytes the heap handed out while f ran: an upper bound of the
// memory f held at any moment.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestReadBoundsMemory(t *testing.T) {
	// Not parallel: the allocation count must be this test's alone.
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"a sheet that inflates to 1 GB", "plan.xlsx", sheettest.Bomb(t, 1<<30), "max_unzipped_size 24 MB"},
		{"a sheet just under the size limit, all rows", "plan.xlsx", sheettest.Bomb(t, 7<<20), "max_row_number 20010"},
		{"a sheet of blank rows", "plan.xlsx", sheettest.BombSheet(t, 7<<20, "", `<row/>`, ""), "max_row_number 20010"},
		{"a sheet of one row of tiny cells", "plan.xlsx", sheettest.BombSheet(t, 7<<20, "<row>", `<c><v>1</v></c>`, "</row>"), "max_columns 50"},
		{"a sheet of one long cell", "plan.xlsx", sheettest.BombSheet(t, 7<<20, `<row><c t="inlineStr"><is><t>`, `x`, "</t></is></c></row>"), "max_cell_length 10000"},
		{"rows of 1,000 cells, the last one filled", "plan.xlsx", sheettest.BombSheet(t, 7<<20, "", `<row>`+strings.Repeat(`<c/>`, 999)+`<c><v>1</v></c></row>`, ""), "max_columns 50"},
		{"a CSV of 10 MB, one quoted cell", "plan.csv", append([]byte("name\n\""), bytes.Repeat([]byte("x\n"), 5<<20-10)...), "max_row_bytes 500150"},
		{"a CSV of 10 MB, one line", "plan.csv", bytes.Repeat([]byte("x"), 10<<20), "max_row_bytes 500150"},
		{"a CSV of 10 MB, 5 million lines", "plan.csv", bytes.Repeat([]byte(",\n"), 5<<20), ""},
	}
	for _, tc := range tests {
		if len(tc.data) > 10<<20 {
			t.Fatalf("%s: the file is %d bytes, more than an upload may be", tc.name, len(tc.data))
		}
		var err error
		bytes := allocated(func() { _, err = read(t, t.Context(), tc.file, tc.data) })
		if got := violation(err); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		t.Logf("%s (%d KB): %.1f MB allocated", tc.name, len(tc.data)>>10, float64(bytes)/(1<<20))
		if bytes > 64<<20 {
			t.Errorf("%s: %.1f MB allocated, want under 64 MB", tc.name, float64(bytes)/(1<<20))
		}
	}
}
