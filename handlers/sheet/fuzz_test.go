package sheet

import (
	"bytes"
	"context"
	"testing"

	"summit/handlers/sheet/sheettest"
)

// FuzzReadSheet: whatever the bytes, Read neither panics nor returns more than its
// limits allow. Run: go test ./handlers/sheet -run '^$' -fuzz FuzzReadSheet -fuzztime 30s -fuzzminimizetime 2s
// (the default minimizing time of 60 s per new input stalls short runs).
func FuzzReadSheet(f *testing.F) {
	lim := DefaultLimits(20)
	lim.FileBytes, lim.Unzipped, lim.SheetPart, lim.Strings, lim.OtherPart, lim.InMemoryPart = 1<<20, 4<<20, 2<<20, 1<<20, 1<<20, 64<<10
	f.Add("plan.csv", []byte("name,owner_role,planned_start,planned_due\nKick-off,pmo,2026-12-01,2026-12-02\n"))
	f.Add("plan.csv", []byte("\ufeff\"a\",\"b\"\"c\"\n,,\n\nx\n"))
	f.Add("计划.csv", []byte{0xd0, 0xf2, 0xba, 0xc5, ',', 'a', '\n'})
	f.Add("plan.xlsx", sheettest.XLSX(f, [][]string{{"name", "owner_role"}, {}, {"Kick-off", "pmo"}}))
	f.Add("plan.xlsx", sheettest.BombSheet(f, 64<<10, "<row>", `<c><v>1</v></c>`, "</row>"))
	f.Add("plan.xlsx", []byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		rows, err := Read(context.Background(), name, bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			if rows != nil {
				t.Fatalf("rows with an error: %v", err)
			}
			return
		}
		if len(rows) > lim.RowNumber {
			t.Fatalf("%d rows, limit %d", len(rows), lim.RowNumber)
		}
		nonBlank := 0
		for _, row := range rows {
			if row != nil {
				nonBlank++
			}
			if len(row) > lim.Cells {
				t.Fatalf("a row of %d cells, limit %d", len(row), lim.Cells)
			}
			for _, cell := range row {
				if len(cell) > lim.CellBytes {
					t.Fatalf("a cell of %d bytes, limit %d", len(cell), lim.CellBytes)
				}
			}
		}
		if nonBlank > lim.Rows {
			t.Fatalf("%d rows with data, limit %d", nonBlank, lim.Rows)
		}
	})
}
