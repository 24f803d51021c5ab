package boards

import (
	"testing"
	"time"

	"summit/domain/deals"
)

// Everything a board depends on besides the data is in its key: the same query is the
// same key whatever the order of the caller's teams, and any other part changes it.
func TestTheCacheKeyNamesEverythingABoardDependsOn(t *testing.T) {
	today := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	team := "t1"
	base := Query{Period: deals.Period{Name: "2026-Q3", From: today.AddDate(0, -2, 0), To: today.AddDate(0, 1, 0)}, Basis: BasisModel,
		Visible: &deals.Visibility{TeamIDs: []string{"a", "b"}, UserID: "u1"}}
	key := CacheKey(base, today)
	same := base
	same.Visible = &deals.Visibility{TeamIDs: []string{"b", "a"}, UserID: "u1"}
	if CacheKey(same, today) != key {
		t.Errorf("the teams' order changed the key")
	}
	for name, q := range map[string]Query{
		"period":    func() Query { q := base; q.Period.Name = "2026-Q4"; return q }(),
		"scope":     func() Query { q := base; q.TeamID = &team; return q }(),
		"basis":     func() Query { q := base; q.Basis = BasisJudgement; return q }(),
		"all deals": func() Query { q := base; q.Visible = nil; return q }(),
		"user": func() Query {
			q := base
			q.Visible = &deals.Visibility{TeamIDs: []string{"a", "b"}, UserID: "u2"}
			return q
		}(),
		"teams": func() Query { q := base; q.Visible = &deals.Visibility{TeamIDs: []string{"a"}, UserID: "u1"}; return q }(),
	} {
		if CacheKey(q, today) == key {
			t.Errorf("another %s, the same key", name)
		}
	}
	if CacheKey(base, today.AddDate(0, 0, 1)) == key {
		t.Errorf("another day, the same key")
	}
}
