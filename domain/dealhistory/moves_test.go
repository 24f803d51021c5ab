package dealhistory_test

import (
	"context"
	"math"
	"testing"
	"time"

	"summit/domain/dealhistory"
	"summit/domain/deals"
)

func day(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

func snap(d int, pWin float64, conf *float64, factors ...dealhistory.Factor) dealhistory.Snapshot {
	s := dealhistory.Snapshot{Day: day(d), Moment: day(d).Add(30 * time.Minute), PWin: pWin, Factors: factors}
	if conf != nil {
		s.Period = &dealhistory.PeriodFigures{PInPeriod: *conf / pWin, Confidence: *conf}
	}
	return s
}

func f(key string, c float64) dealhistory.Factor {
	return dealhistory.Factor{Key: key, Contribution: c}
}
func p(v float64) *float64 { return &v }

// TestChangedFactors: a move names the factor whose contribution changed most, and the
// others at least half as large (up to three); factors that appear or go away count from 0.
func TestChangedFactors(t *testing.T) {
	tests := []struct {
		name          string
		before, after []dealhistory.Factor
		want          []dealhistory.FactorChange
	}{
		{"one factor moved", []dealhistory.Factor{f("progress", 0.10), f("champion", 0.05)},
			[]dealhistory.Factor{f("progress", 0.18), f("champion", 0.05)},
			[]dealhistory.FactorChange{{Key: "progress", Before: 0.10, After: 0.18}}},
		{"a factor appears", []dealhistory.Factor{f("progress", 0.10)},
			[]dealhistory.Factor{f("progress", 0.10), f("stale_contact", -0.07)},
			[]dealhistory.FactorChange{{Key: "stale_contact", Before: 0, After: -0.07}}},
		{"a factor goes away", []dealhistory.Factor{f("blocked", -0.12), f("progress", 0.10)},
			[]dealhistory.Factor{f("progress", 0.11)},
			[]dealhistory.FactorChange{{Key: "blocked", Before: -0.12, After: 0}}}, // progress +0.01 is under half of 0.12
		{"two comparable moves, largest first", []dealhistory.Factor{f("progress", 0.10), f("slippage", -0.02)},
			[]dealhistory.Factor{f("progress", 0.16), f("slippage", -0.10)},
			[]dealhistory.FactorChange{{Key: "slippage", Before: -0.02, After: -0.10}, {Key: "progress", Before: 0.10, After: 0.16}}},
		{"a small second change is left out", []dealhistory.Factor{f("progress", 0.10), f("slippage", -0.02)},
			[]dealhistory.Factor{f("progress", 0.20), f("slippage", -0.05)}, // 0.03 < 0.10/2
			[]dealhistory.FactorChange{{Key: "progress", Before: 0.10, After: 0.20}}},
		{"at most three", []dealhistory.Factor{},
			[]dealhistory.Factor{f("a", 0.10), f("b", 0.10), f("c", -0.10), f("d", 0.10)},
			[]dealhistory.FactorChange{{Key: "a", After: 0.10}, {Key: "b", After: 0.10}, {Key: "c", After: -0.10}}},
		{"changes under half a point are noise", []dealhistory.Factor{f("progress", 0.100)},
			[]dealhistory.Factor{f("progress", 0.104)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := dealhistory.ChangedFactors(tc.before, tc.after)
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i].Key != tc.want[i].Key || !near(got[i].Before, tc.want[i].Before) || !near(got[i].After, tc.want[i].After) {
					t.Errorf("change %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// TestMoves: only days whose p_win or confidence moved by half a point or more are moves,
// newest first, each between the two days it joins; a period outside a day's window has
// no confidence that day and the point says so.
func TestMoves(t *testing.T) {
	snaps := []dealhistory.Snapshot{
		snap(2, 0.50, p(0.40), f("progress", 0.05)),
		snap(3, 0.502, p(0.401), f("progress", 0.052)), // noise
		snap(4, 0.60, p(0.48), f("progress", 0.15)),    // p_win up
		snap(5, 0.60, p(0.30), f("progress", 0.15)),    // confidence down: timing alone
		snap(6, 0.45, nil, f("progress", 0.15), f("blocked", -0.15)),
	}
	points := dealhistory.Points(snaps)
	if len(points) != 5 || points[4].Confidence != nil || points[0].Confidence == nil || *points[0].Confidence != 0.40 {
		t.Fatalf("points: %+v", points)
	}
	moves := dealhistory.Moves(snaps)
	want := []struct {
		from, to int
		factor   string
		conf     bool // both sides have the period
	}{{5, 6, "blocked", false}, {4, 5, "", true}, {3, 4, "progress", true}}
	if len(moves) != len(want) {
		t.Fatalf("moves: got %d, want %d: %+v", len(moves), len(want), moves)
	}
	for i, w := range want {
		m := moves[i]
		if !m.From.Equal(day(w.from)) || !m.To.Equal(day(w.to)) || !m.ToMoment.Equal(day(w.to).Add(30*time.Minute)) {
			t.Errorf("move %d: %s → %s, want 11-%02d → 11-%02d", i, m.From, m.To, w.from, w.to)
		}
		gotFactor := ""
		if len(m.Factors) > 0 {
			gotFactor = m.Factors[0].Key
		}
		if gotFactor != w.factor {
			t.Errorf("move %d: factor %q, want %q", i, gotFactor, w.factor)
		}
		if (m.ConfidenceBefore != nil && m.ConfidenceAfter != nil) != w.conf {
			t.Errorf("move %d: confidence before %v after %v", i, m.ConfidenceBefore, m.ConfidenceAfter)
		}
	}
}

// fakeStore is a Store over fixed snapshots that records the spans it was asked for.
type fakeStore struct {
	snaps []dealhistory.Snapshot
	spans []dealhistory.Span
	limit int
}

func (s *fakeStore) Snapshots(_ context.Context, _, _ string, limit int) ([]dealhistory.Snapshot, error) {
	s.limit = limit
	return s.snaps, nil
}

func (s *fakeStore) ActivityIn(_ context.Context, _ string, spans []dealhistory.Span, perSpan int) ([]dealhistory.SpanActivity, error) {
	s.spans = spans
	out := make([]dealhistory.SpanActivity, len(spans))
	for i, sp := range spans {
		out[i] = dealhistory.SpanActivity{Total: 7, Entries: []deals.Activity{{Action: "milestone.updated", At: sp.Until.Add(-time.Hour)}}[:min(1, perSpan)]}
	}
	return out, nil
}

// TestHistoryAsksForTheActivityBetweenEachMovesSnapshots: the service bounds the points and
// asks for the activity after the earlier snapshot's moment and up to the later one's.
func TestHistoryAsksForTheActivityBetweenEachMovesSnapshots(t *testing.T) {
	store := &fakeStore{snaps: []dealhistory.Snapshot{snap(2, 0.5, p(0.4)), snap(3, 0.5, p(0.4)), snap(9, 0.7, p(0.6), f("progress", 0.2))}}
	h, err := (&dealhistory.Service{Store: store}).History(context.Background(), "d", "2026-Q4")
	if err != nil {
		t.Fatal(err)
	}
	if store.limit != dealhistory.MaxPoints {
		t.Errorf("limit %d, want %d", store.limit, dealhistory.MaxPoints)
	}
	if len(h.Points) != 3 || len(h.Moves) != 1 {
		t.Fatalf("points %d, moves %d", len(h.Points), len(h.Moves))
	}
	want := dealhistory.Span{After: day(3).Add(30 * time.Minute), Until: day(9).Add(30 * time.Minute)}
	if len(store.spans) != 1 || store.spans[0] != want {
		t.Errorf("spans %+v, want %+v", store.spans, want)
	}
	if m := h.Moves[0]; m.ActivityTotal != 7 || len(m.Activity) != 1 {
		t.Errorf("move activity: %+v (total %d)", m.Activity, m.ActivityTotal)
	}
}
