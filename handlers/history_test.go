package handlers

import (
	"context"
	"math"
	"net/http"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/targets"
	"summit/repository"
)

// TestConfidenceTrend: after the day's snapshot, the trend of the board's scope, period
// and basis has today's point with the board's own figures; a member who cannot read every
// deal of the company gets no points (available false) but does get their team's; bad
// input is refused naming the field.
func TestConfidenceTrend(t *testing.T) {
	t.Parallel()
	w := newBoardWorld(t)
	hist := repository.NewServices(w.ts.db, targets.Settings{FiscalYearStartMonth: 4}).History
	if _, err := hist.Take(context.Background(), time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	trend := func(b *browser, query string) trendResponse {
		t.Helper()
		rec := b.do("GET", "/api/v1/boards/confidence/trend?"+query, "")
		if rec.Code != http.StatusOK {
			t.Fatalf("trend %s: %d %s", query, rec.Code, rec.Body)
		}
		var out trendResponse
		decode(t, rec, &out)
		return out
	}
	today := deals.Day(time.Now().UTC()).Format(deals.DateLayout)
	tests := []struct {
		name      string
		who       *browser
		query     string
		available bool
	}{
		{"executive, company, model", w.exec, "", true},
		{"executive, Government, judgement", w.exec, "team_id=" + w.gov.ID + "&basis=judgement", true},
		{"North member, their team", w.member, "team_id=" + w.north.ID, true},
		{"North member, the company", w.member, "", false},
		{"North member, Government (East too)", w.member, "team_id=" + w.gov.ID, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := trend(tc.who, tc.query)
			if got.Available != tc.available || got.Period != w.period.Name {
				t.Fatalf("available %v period %s, want %v %s", got.Available, got.Period, tc.available, w.period.Name)
			}
			if !tc.available {
				if len(got.Points) != 0 {
					t.Errorf("points shown to a reader of part of the scope: %+v", got.Points)
				}
				return
			}
			board := w.board(t, tc.who, tc.query)
			if len(got.Points) != 1 {
				t.Fatalf("%d points, want today's", len(got.Points))
			}
			p := got.Points[0]
			if p.Day.Format(deals.DateLayout) != today || p.ExpectedMinor != board.ExpectedMinor || p.WonMinor != board.WonMinor ||
				p.OpenDeals != board.OpenDeals || p.Currency != board.Currency || (p.TargetMinor == nil) != (board.TargetMinor == nil) ||
				(p.ProbabilityOfTarget == nil) != (board.ProbabilityOfTarget == nil) ||
				(p.ProbabilityOfTarget != nil && math.Abs(*p.ProbabilityOfTarget-*board.ProbabilityOfTarget) > 1e-9) {
				t.Errorf("point %+v; board expected %d won %d open %d p %v", p, board.ExpectedMinor, board.WonMinor, board.OpenDeals, board.ProbabilityOfTarget)
			}
		})
	}
	for _, bad := range []struct{ query, field string }{
		{"basis=gut", "basis"}, {"period=2026-Q5", "period"}, {"team_id=north", "team_id"},
		{"team_id=00000000-0000-0000-0000-000000000001", "team_id"},
	} {
		rec := w.exec.do("GET", "/api/v1/boards/confidence/trend?"+bad.query, "")
		if rec.Code/100 != 4 || fieldsOf(t, rec)[bad.field] == "" {
			t.Errorf("%s: %d %s", bad.query, rec.Code, rec.Body)
		}
	}
}
