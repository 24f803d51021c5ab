package repository

import (
	"testing"

	"summit/domain"
)

// A cursor must be of its sort column's kind before it reaches SQL: PostgreSQL refuses a
// malformed time, date or number, and NUL in text, with an error (a 500).
func TestCursorsFitTheirSortColumn(t *testing.T) {
	const id = "7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59"
	tests := []struct {
		sort, value, id string
		fits            bool
	}{
		{"created_at", "2026-11-23T10:00:00.123456Z", id, true},
		{"created_at", "yesterday", id, false},
		{"created_at", "0000-01-01T00:00:00Z", id, false},
		{"target_close_date", "2027-06-30", id, true},
		{"target_close_date", "2027-02-30", id, false},
		{"amount_minor", "3000000000", id, true},
		{"amount_minor", "1e999", id, false},
		{"name", "Smart city 智慧城市", id, true},
		{"name", "a\x00b", id, false},
		{"name", "\xff", id, false},
		{"name", "Smart city", "1 OR 1=1", false},
	}
	for _, tc := range tests {
		if got := dealSorts[tc.sort].fits(domain.Cursor{Value: tc.value, ID: tc.id}); got != tc.fits {
			t.Errorf("%s cursor %q / %q fits = %v, want %v", tc.sort, tc.value, tc.id, got, tc.fits)
		}
	}
	panics := sortKey[dealRow]{column: "x", value: func(r dealRow) string { return *r.TemplateID }}
	if !panics.fits(domain.Cursor{Value: "text", ID: id}) {
		t.Error("a key that cannot render an empty row should check its cursor as text")
	}
}
