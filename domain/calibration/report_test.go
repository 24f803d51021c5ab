package calibration

import (
	"context"
	"errors"
	"math"
	"testing"

	"summit/domain"
)

// closedDeals is a Store over a fixed list, recording the query it was asked.
type closedDeals struct {
	deals []ClosedDeal
	asked *Query
	err   error
}

func (s *closedDeals) ClosedDeals(_ context.Context, q Query, fn func(ClosedDeal) error) error {
	s.asked = &q
	for _, d := range s.deals {
		if err := fn(d); err != nil {
			return err
		}
	}
	return s.err
}

func pwin(p float64) *float64 { return &p }

func TestReportScoresTheDealsWithASnapshotAtTheLeadTime(t *testing.T) {
	// The hand example's five deals, and two closed deals without a snapshot that early.
	store := &closedDeals{deals: []ClosedDeal{{true, pwin(0.9)}, {false, pwin(0.8)}, {true, nil}, {true, pwin(0.35)},
		{false, pwin(0.3)}, {false, nil}, {false, pwin(0.05)}}}
	q := Query{LeadDays: 60, Segment: "g2b", TemplateID: "t1"}
	r, err := (&Service{Store: store}).Report(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if *store.asked != q || r.Query != q {
		t.Errorf("asked %+v, report for %+v; want %+v", *store.asked, r.Query, q)
	}
	if r.Closed != 7 || r.Count != 5 || r.Won != 2 || r.Lost != 3 {
		t.Errorf("closed %d count %d won %d lost %d, want 7 5 2 3", r.Closed, r.Count, r.Won, r.Lost)
	}
	if math.Abs(r.Brier-0.233) > 1e-9 || math.Abs(r.LogLoss-0.634518) > 1e-6 {
		t.Errorf("Brier %v log loss %v, want 0.233 and 0.634518", r.Brier, r.LogLoss)
	}
	if len(r.Bins) != ReliabilityBins || r.Bins[3].Count != 2 || r.Bins[3].Won != 1 || r.Bins[9].Count != 1 {
		t.Errorf("bins %+v", r.Bins)
	}
}

func TestReportWithoutScoredDealsIsEmptyNotPerfect(t *testing.T) {
	r, err := (&Service{Store: &closedDeals{deals: []ClosedDeal{{true, nil}}}}).Report(context.Background(), Query{LeadDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if r.Closed != 1 || r.Count != 0 || !math.IsNaN(r.Brier) || !math.IsNaN(r.LogLoss) {
		t.Errorf("report %+v: want one closed deal, none scored, no scores", r)
	}
}

func TestReportRefusesAQueryOutsideItsValues(t *testing.T) {
	tests := []struct {
		name  string
		q     Query
		field string
	}{
		{"no lead time", Query{}, "lead_days"},
		{"a lead time not offered", Query{LeadDays: 45}, "lead_days"},
		{"an unknown segment", Query{LeadDays: 90, Segment: "retail"}, "segment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			store := &closedDeals{}
			_, err := (&Service{Store: store}).Report(context.Background(), tc.q)
			var verr *domain.ValidationError
			if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Field != tc.field {
				t.Fatalf("err = %v, want a violation of %s", err, tc.field)
			}
			if store.asked != nil {
				t.Error("the store was read for a refused query")
			}
		})
	}
	for _, lead := range LeadTimes {
		if err := (Query{LeadDays: lead}).Validate(); err != nil {
			t.Errorf("lead time %d refused: %v", lead, err)
		}
	}
}

func TestReportPassesOnTheStoresError(t *testing.T) {
	_, err := (&Service{Store: &closedDeals{err: domain.ErrUnavailable}}).Report(context.Background(), Query{LeadDays: 90})
	if !errors.Is(err, domain.ErrUnavailable) {
		t.Errorf("err = %v, want ErrUnavailable", err)
	}
}
