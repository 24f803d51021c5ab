package history_test

import (
	"math"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/history"
	"summit/domain/targets"
)

func day(s string) time.Time {
	d, err := time.Parse(deals.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func names(ds []time.Time) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.Format(deals.DateLayout))
	}
	return out
}

func TestDaysToTake(t *testing.T) {
	t.Parallel()
	today := day("2026-11-30")
	tests := []struct {
		name    string
		last    string // "" for none
		want    []string
		wantLen int
	}{
		{"first start: today only", "", []string{"2026-11-30"}, 1},
		{"taken today: nothing", "2026-11-30", []string{}, 0},
		{"yesterday taken: today", "2026-11-29", []string{"2026-11-30"}, 1},
		{"three days missed", "2026-11-26", []string{"2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}, 4},
		{"a month missed: the newest seven", "2026-10-30", []string{"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}, 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var last time.Time
			if tc.last != "" {
				last = day(tc.last)
			}
			got := names(history.DaysToTake(last, tc.last != "", today.Add(15*time.Hour), history.CatchUpDays))
			if len(got) != tc.wantLen || (tc.wantLen > 0 && !equal(got, tc.want)) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestKeep(t *testing.T) {
	t.Parallel()
	today := day("2026-11-30") // a Monday
	tests := []struct {
		day  string
		want bool
	}{
		{"2026-11-30", true},  // today
		{"2026-08-02", true},  // 120 days back, a Sunday
		{"2026-08-01", false}, // 121 days back, a Saturday
		{"2026-07-27", true},  // a Monday long ago
		{"2025-01-07", false}, // a Tuesday long ago
	}
	for _, tc := range tests {
		if got := history.Keep(day(tc.day), today, history.DailyDays); got != tc.want {
			t.Errorf("Keep(%s) = %v, want %v", tc.day, got, tc.want)
		}
	}
}

func TestReadsWholeScope(t *testing.T) {
	t.Parallel()
	ptr := func(s string) *string { return &s }
	// east ─┬ east-a
	//       └ east-b
	// ka
	teams := []history.TeamLink{{ID: "east"}, {ID: "east-a", ParentID: ptr("east")}, {ID: "east-b", ParentID: ptr("east")}, {ID: "ka"}}
	tests := []struct {
		name    string
		visible *deals.Visibility
		scope   *string
		want    bool
	}{
		{"reads every deal: the company", nil, nil, true},
		{"all of a team's sub-tree", &deals.Visibility{TeamIDs: []string{"east", "east-a", "east-b"}}, ptr("east"), true},
		{"a sub-team of it missing", &deals.Visibility{TeamIDs: []string{"east", "east-a"}}, ptr("east"), false},
		{"a leaf team of theirs", &deals.Visibility{TeamIDs: []string{"east-a"}}, ptr("east-a"), true},
		{"the company, some teams only", &deals.Visibility{TeamIDs: []string{"east", "east-a", "east-b"}}, nil, false},
		{"another team", &deals.Visibility{TeamIDs: []string{"east"}}, ptr("ka"), false},
	}
	for _, tc := range tests {
		if got := history.ReadsWholeScope(tc.visible, teams, tc.scope); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestScopes: a hand-checked day — two open deals of the sub-team, one of the parent, one
// deal won in the period: each scope's expected revenue, probability of target (deals
// enumerated by hand) and open deals, on both bases, and the judgement taking the manual
// probability and the forecast category.
func TestScopes(t *testing.T) {
	t.Parallel()
	ptr := func(s string) *string { return &s }
	i64 := func(v int64) *int64 { return &v }
	f64 := func(v float64) *float64 { return &v }
	per := deals.Period{Name: "2026-Q4", From: day("2026-10-01"), To: day("2027-01-01")}
	tree := []targets.TreeNode{
		{Name: "Company", TargetMinor: i64(300)},
		{TeamID: ptr("east"), Name: "East", TargetMinor: i64(250)},
		{TeamID: ptr("east-a"), Name: "East A", ParentID: ptr("east"), TargetMinor: i64(100)},
	}
	ds := []history.DealSnapshot{
		{DealID: "d1", TeamID: "east-a", AmountMinor: 100, Currency: "CNY", ForecastCategory: "commit", Periods: map[string][2]float64{"2026-Q4": {0.6, 0.5}}},
		{DealID: "d2", TeamID: "east-a", AmountMinor: 200, Currency: "CNY", ForecastCategory: "pipeline", ManualProbability: f64(0.25), Periods: map[string][2]float64{"2026-Q4": {0.3, 0.2}}},
		{DealID: "d3", TeamID: "east", AmountMinor: 50, Currency: "CNY", ForecastCategory: "pipeline", Periods: map[string][2]float64{"2026-Q4": {0.9, 0.8}}},
	}
	won := []history.WonDeal{{ID: "w1", TeamID: "east", AmountMinor: 100, Currency: "CNY", ClosedOn: day("2026-10-20")}}
	got, err := history.Scopes(day("2026-11-30"), per, tree, targets.NewConverter("CNY", nil), ds, won)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		won, expected int64
		pot           float64
		open          int
	}
	// Model: d1 0.5 × 100, d2 0.2 × 200, d3 0.8 × 50.
	//   company: 100 won + 50 + 40 + 40 = 230; P(≥300): 200 more, only d2 reaches it = 0.2
	//   east: the same deals and won (its roll-up reused at its own target): 230; P(≥250): 150
	//         more, d2, or d1 and d3 = 0.2 + 0.8×0.5×0.8 = 0.52
	//   east-a: no won; 50 + 40 = 90; P(≥100) = P(d1 or d2) = 1 − 0.5×0.8 = 0.6
	// Judgement: d1 commit 0.9, d2 manual 0.25, d3 pipeline keeps the model's 0.8.
	//   company: 100 + 90 + 50 + 40 = 280; P(≥300) = P(d2) = 0.25
	//   east: P(≥250) = 0.25 + 0.75×0.9×0.8 = 0.79
	//   east-a: 90 + 50 = 140; P(≥100) = 1 − 0.1×0.75 = 0.925
	wants := map[string]want{
		"company/model": {100, 230, 0.2, 3}, "East/model": {100, 230, 0.52, 3}, "East A/model": {0, 90, 0.6, 2},
		"company/judgement": {100, 280, 0.25, 3}, "East/judgement": {100, 280, 0.79, 3}, "East A/judgement": {0, 140, 0.925, 2},
	}
	if len(got) != len(wants) {
		t.Fatalf("%d rows, want %d", len(got), len(wants))
	}
	teamName := map[string]string{"east": "East", "east-a": "East A"}
	for _, r := range got {
		scope := "company"
		if r.TeamID != nil {
			scope = teamName[*r.TeamID]
		}
		w, ok := wants[scope+"/"+r.Basis]
		if !ok {
			t.Fatalf("unexpected row %s/%s", scope, r.Basis)
		}
		if r.WonMinor != w.won || r.ExpectedMinor != w.expected || r.OpenDeals != w.open || r.ProbabilityOfTarget == nil ||
			math.Abs(*r.ProbabilityOfTarget-w.pot) > 1e-9 || r.Currency != "CNY" || r.Period != "2026-Q4" || !r.Day.Equal(day("2026-11-30")) {
			t.Errorf("%s/%s: won %d expected %d open %d p %v; want %+v", scope, r.Basis, r.WonMinor, r.ExpectedMinor, r.OpenDeals, *r.ProbabilityOfTarget, w)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
