package reviews

import (
	"errors"
	"slices"
	"testing"
	"time"

	"summit/domain"
)

func dueOn(s string) *time.Time { d := day(s); return &d }

func TestMyItemOverdue(t *testing.T) {
	today := day("2026-03-10").Add(15 * time.Hour)
	cases := []struct {
		name string
		due  *time.Time
		want bool
	}{
		{"due yesterday", dueOn("2026-03-09"), true},
		{"due today is not overdue yet", dueOn("2026-03-10"), false},
		{"due tomorrow", dueOn("2026-03-11"), false},
		{"a next step without a date is never overdue", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := (MyItem{Due: c.due}).Overdue(today); got != c.want {
				t.Fatalf("Overdue = %v, want %v", got, c.want)
			}
		})
	}
}

// withDealFirstDue fills DealFirstDue as the repository does: each deal's earliest due.
func withDealFirstDue(items []MyItem) []MyItem {
	first := map[string]time.Time{}
	for _, i := range items {
		if f, ok := first[i.DealID]; !ok || i.DueOrLast().Before(f) {
			first[i.DealID] = i.DueOrLast()
		}
	}
	for n := range items {
		items[n].DealFirstDue = first[items[n].DealID]
	}
	return items
}

func TestMyItemOrderGroupsByDealOverdueFirst(t *testing.T) {
	const dealA, dealB, dealC = "aaaaaaaa-0000-4000-8000-000000000000", "bbbbbbbb-0000-4000-8000-000000000000", "cccccccc-0000-4000-8000-000000000000"
	cases := []struct {
		name  string
		items []MyItem
		want  []string
	}{
		{"the deal with something overdue comes first, its items together", []MyItem{
			{ID: "1", Title: "A later", DealID: dealA, Due: dueOn("2026-04-01"), Kind: KindAction},
			{ID: "2", Title: "B overdue", DealID: dealB, Due: dueOn("2026-03-01"), Kind: KindNextStep},
			{ID: "3", Title: "A soon", DealID: dealA, Due: dueOn("2026-03-12"), Kind: KindAction},
			{ID: "4", Title: "B no date", DealID: dealB, Kind: KindNextStep},
		}, []string{"B overdue", "B no date", "A soon", "A later"}},
		{"a deal with only undated next steps goes last", []MyItem{
			{ID: "1", Title: "C undated", DealID: dealC, Kind: KindNextStep},
			{ID: "2", Title: "A dated", DealID: dealA, Due: dueOn("2030-01-01"), Kind: KindNextStep},
		}, []string{"A dated", "C undated"}},
		{"same day in one deal: actions before next steps, then by id", []MyItem{
			{ID: "2", Title: "step", DealID: dealA, Due: dueOn("2026-03-12"), Kind: KindNextStep},
			{ID: "9", Title: "action 9", DealID: dealA, Due: dueOn("2026-03-12"), Kind: KindAction},
			{ID: "1", Title: "action 1", DealID: dealA, Due: dueOn("2026-03-12"), Kind: KindAction},
		}, []string{"action 1", "action 9", "step"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := withDealFirstDue(c.items)
			slices.SortFunc(items, func(a, b MyItem) int {
				if a.Key().Before(a.ID, b.Key(), b.ID) {
					return -1
				}
				return 1
			})
			var got []string
			for _, i := range items {
				got = append(got, i.Title)
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("order = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMyItemKeyAsCursor(t *testing.T) {
	key := MyItem{DealID: "aaaaaaaa-0000-4000-8000-000000000000", Kind: KindNextStep, DealFirstDue: day("2026-03-01")}.Key()
	back, err := ParseMyItemKey(key.String())
	if err != nil || back != key || !back.Due.Equal(NoDue) {
		t.Fatalf("ParseMyItemKey(%q) = %+v, %v", key.String(), back, err)
	}
	for _, bad := range []string{
		"",
		"2026-03-01 aaaaaaaa-0000-4000-8000-000000000000 2026-03-02",
		"2026-03-01 aaaaaaaa-0000-4000-8000-000000000000 2026-03-02 retro",
		"2026-13-01 aaaaaaaa-0000-4000-8000-000000000000 2026-03-02 action",
		"2026-03-01 not-a-deal 2026-03-02 action",
	} {
		if _, err := ParseMyItemKey(bad); !errors.Is(err, domain.ErrInvalidCursor) {
			t.Errorf("ParseMyItemKey(%q) = %v, want ErrInvalidCursor", bad, err)
		}
	}
}
