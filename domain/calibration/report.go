package calibration

import (
	"context"
	"fmt"
	"slices"

	"summit/domain"
)

// LeadTimes are the lead times calibration is read at, in days before a deal's close:
// how well the confidence foretold the outcome a quarter, two months and a month ahead.
var LeadTimes = []int{90, 60, 30}

// DefaultLeadDays is the lead time of a report that names none.
const DefaultLeadDays = 90

// SnapshotWindowDays is how much earlier than its lead time a deal's snapshot may be and
// still stand for it: at lead time L the snapshot taken latest on or before close − L
// counts, if it was taken no earlier than close − L − SnapshotWindowDays. Snapshots are
// daily for 120 days, then Mondays only, so a week's gap is normal; a deal first
// snapshotted closer to its close than that has no prediction at that lead time.
const SnapshotWindowDays = 14

// The segments a report can be narrowed to (deals.Segment's values).
var segments = []string{"g2b", "key_account"}

// Query is which closed deals a report is over and at what lead time. Segment and
// TemplateID narrow it; empty means every segment, every template.
type Query struct {
	LeadDays   int
	Segment    string
	TemplateID string
}

// Validate names the query's field that is not one of the allowed values.
func (q Query) Validate() error {
	verr := &domain.ValidationError{}
	if !slices.Contains(LeadTimes, q.LeadDays) {
		verr.Add("lead_days", "oneof", "90 60 30")
	}
	if q.Segment != "" && !slices.Contains(segments, q.Segment) {
		verr.Add("segment", "oneof", "g2b key_account")
	}
	return verr.OrNil()
}

// ClosedDeal is one won or lost deal of a report's query: its outcome and, when it has
// a snapshot at the query's lead time, the p_win the engine gave it then.
type ClosedDeal struct {
	Won  bool
	PWin *float64 // nil: no snapshot at that lead time
}

// Store reads the closed deals (repository/calibration.go).
type Store interface {
	// ClosedDeals calls fn with each won or lost deal of q, over every deal of the
	// organisation, one at a time (streamed, never all in memory), choosing each one's
	// snapshot at q.LeadDays before its close date as the board takes it.
	ClosedDeals(ctx context.Context, q Query, fn func(ClosedDeal) error) error
}

// Report is how well the confidence at one lead time foretold the outcomes of the
// closed deals of a query.
type Report struct {
	Query
	// Closed is how many deals of the query were won or lost; Count of them had a
	// snapshot at the lead time, and are scored: Won of them won, Lost lost.
	Closed, Count, Won, Lost int
	Brier, LogLoss           float64 // NaN when Count is 0
	Bins                     []Bin   // ReliabilityBins of them
}

// Service reports calibration over the organisation's closed deals.
type Service struct {
	Store Store
}

// Report scores the snapshots' p_win at q's lead time against the outcomes.
func (s *Service) Report(ctx context.Context, q Query) (Report, error) {
	if err := q.Validate(); err != nil {
		return Report{}, err
	}
	var acc Accumulator
	closed := 0
	err := s.Store.ClosedDeals(ctx, q, func(d ClosedDeal) error {
		closed++
		if d.PWin != nil {
			acc.Add(Prediction{P: *d.PWin, Won: d.Won})
		}
		return nil
	})
	if err != nil {
		return Report{}, fmt.Errorf("calibration at %d days: %w", q.LeadDays, err)
	}
	return Report{Query: q, Closed: closed, Count: acc.Count(), Won: acc.Won(), Lost: acc.Count() - acc.Won(),
		Brier: acc.Brier(), LogLoss: acc.LogLoss(), Bins: acc.Bins()}, nil
}
