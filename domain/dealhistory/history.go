// Package dealhistory is a deal's confidence over time: the daily snapshots of the deal
// (deal_snapshots, written by the daily snapshot job) as a line of points for one period,
// and for each move between two points the factors whose contribution changed most and the
// activity entries in between.
package dealhistory

import (
	"context"
	"time"

	"summit/domain/deals"
)

// MaxPoints bounds the points of one history: the newest ones are kept. The snapshots'
// retention (daily for 120 days, then Mondays) makes that more than a year.
const MaxPoints = 400

// ActivityPerMove bounds the activity entries listed under one move (the newest ones); the
// move says how many there are in all.
const ActivityPerMove = 3

// MinMove is the smallest change, in probability, that makes a move (half a point):
// smaller changes are rounding, not news. It is also the smallest factor change named.
const MinMove = 0.005

// MaxFactorsPerMove bounds the factors named for one move.
const MaxFactorsPerMove = 3

// Snapshot is one day's snapshot of the deal as this view reads it.
type Snapshot struct {
	Day time.Time
	// Moment is when the snapshot saw the deal: its taken_at, or the end of its day when it
	// was taken later (a past day computed by hand, a simulated one). Activity after one
	// snapshot's moment and up to the next one's lies between them.
	Moment  time.Time
	PWin    float64
	Factors []Factor
	Period  *PeriodFigures // nil when the period was outside that day's window
}

// Factor is one factor's contribution to p_win that day, in probability points.
type Factor struct {
	Key          string
	Contribution float64
}

// PeriodFigures are the deal's figures for the period that day.
type PeriodFigures struct {
	PInPeriod  float64
	Confidence float64
}

// Point is one day of the line.
type Point struct {
	Day        time.Time
	PWin       float64
	PInPeriod  *float64 // nil: the period was outside that day's window
	Confidence *float64
}

// FactorChange is a factor's contribution before and after a move (0 when absent).
type FactorChange struct {
	Key    string
	Before float64
	After  float64
}

// Delta is the change in probability points.
func (c FactorChange) Delta() float64 { return c.After - c.Before }

// Move is a change of p_win or of the confidence between two consecutive points.
type Move struct {
	From, To             time.Time // the two points' days
	FromMoment, ToMoment time.Time // the activity in between is after FromMoment, up to ToMoment
	PWinBefore           float64
	PWinAfter            float64
	PInPeriodBefore      *float64
	PInPeriodAfter       *float64
	ConfidenceBefore     *float64
	ConfidenceAfter      *float64
	Factors              []FactorChange // largest change first
	Activity             []deals.Activity
	ActivityTotal        int // entries in between, of which Activity lists the newest
}

// History is a deal's confidence for one period over time.
type History struct {
	DealID string
	Period string
	Points []Point // oldest first
	Moves  []Move  // newest first
}

// Span is the time between two snapshots: activity after After and up to Until.
type Span struct {
	After, Until time.Time
}

// SpanActivity is the activity of one span: the newest entries and the count of all.
type SpanActivity struct {
	Entries []deals.Activity
	Total   int
}

// Store reads the snapshots and the activity.
type Store interface {
	// Snapshots are the deal's newest limit snapshots, oldest first, with the figures of
	// period.
	Snapshots(ctx context.Context, dealID, period string, limit int) ([]Snapshot, error)
	// ActivityIn lists, for each span, the deal's newest perSpan activity entries in it
	// (newest first) and how many there are in all, in one round trip; the result is
	// index-aligned with spans.
	ActivityIn(ctx context.Context, dealID string, spans []Span, perSpan int) ([]SpanActivity, error)
}

// Service reads a deal's confidence history.
type Service struct {
	Store Store
}

// History is the deal's confidence for period over its newest MaxPoints snapshots, with
// each move's factors and activity. The caller has checked the deal exists and may be read.
func (s *Service) History(ctx context.Context, dealID, period string) (History, error) {
	snaps, err := s.Store.Snapshots(ctx, dealID, period, MaxPoints)
	if err != nil {
		return History{}, err
	}
	h := History{DealID: dealID, Period: period, Points: Points(snaps), Moves: Moves(snaps)}
	if len(h.Moves) == 0 {
		return h, nil
	}
	spans := make([]Span, len(h.Moves))
	for i, m := range h.Moves {
		spans[i] = Span{After: m.FromMoment, Until: m.ToMoment}
	}
	acts, err := s.Store.ActivityIn(ctx, dealID, spans, ActivityPerMove)
	if err != nil {
		return History{}, err
	}
	for i := range h.Moves {
		if i < len(acts) {
			h.Moves[i].Activity, h.Moves[i].ActivityTotal = acts[i].Entries, acts[i].Total
		}
	}
	return h, nil
}
