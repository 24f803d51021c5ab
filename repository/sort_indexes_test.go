package repository_test

import (
	"regexp"
	"strings"
	"testing"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestEverySortHasAnIndex: each whitelisted sort of each list is served by an index that
// orders by its column and then id, as the keyset pager seeks (repository/paging.go), so a
// page costs its own rows whatever the size of the list; searches by name have trigram
// indexes. The confidence sort joins deal_forecasts, whose (period, confidence, deal_id)
// index serves it.
func TestEverySortHasAnIndex(t *testing.T) {
	t.Parallel()
	db, _ := dbtest.New(t)
	for table, cols := range repository.SortedLists {
		var defs []string
		if err := db.Raw("SELECT indexdef FROM pg_indexes WHERE tablename = ?", table).Scan(&defs).Error; err != nil {
			t.Fatal(err)
		}
		for _, col := range cols {
			if strings.Contains(col, "(") { // COALESCE(df.confidence, …): another table's index
				continue
			}
			name := col[strings.LastIndex(col, ".")+1:]
			keyset := regexp.MustCompile(`[(, ]` + regexp.QuoteMeta(name) + `( DESC)?, id( DESC)?\)`)
			found := false
			for _, d := range defs {
				found = found || keyset.MatchString(d)
			}
			if !found {
				t.Errorf("%s sorted by %s: no index on (%s, id) among %q", table, col, name, defs)
			}
		}
	}
	for _, table := range []string{"deals", "customers"} {
		var n int
		if err := db.Raw("SELECT count(*) FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%gin_trgm_ops%'", table).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("%s: no trigram index for the name search", table)
		}
	}
}
