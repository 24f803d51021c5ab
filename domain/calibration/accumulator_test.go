package calibration

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The accumulator streams what Brier, LogLoss and Reliability compute over a slice: over
// the same predictions it must give exactly the same figures.
func TestAccumulatorGivesTheScoresOfTheWholeSlice(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 5))
	many := make([]Prediction, 5000)
	for i := range many {
		p := r.Float64()
		many[i] = Prediction{P: p, Won: r.Float64() < p}
	}
	edges := []Prediction{{0, true}, {1, false}, {0.1, false}, {0.2, true}, {0.9999999, true}, {-0.5, false}, {1.5, true}, {math.NaN(), false}}
	tests := []struct {
		name string
		ps   []Prediction
	}{
		{"none", nil},
		{"the hand example", handExample},
		{"bin edges and out-of-range values", edges},
		{"5,000 drawn from their own probability", many},
	}
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var acc Accumulator
			won := 0
			for _, p := range tc.ps {
				acc.Add(p)
				if p.Won {
					won++
				}
			}
			if acc.Count() != len(tc.ps) || acc.Won() != won {
				t.Errorf("count %d won %d, want %d and %d", acc.Count(), acc.Won(), len(tc.ps), won)
			}
			if !same(acc.Brier(), Brier(tc.ps)) || !same(acc.LogLoss(), LogLoss(tc.ps)) {
				t.Errorf("Brier %v log loss %v, want %v and %v", acc.Brier(), acc.LogLoss(), Brier(tc.ps), LogLoss(tc.ps))
			}
			want := Reliability(tc.ps)
			for i, b := range acc.Bins() {
				w := want[i]
				if b.From != w.From || b.To != w.To || b.Count != w.Count || b.Won != w.Won || !same(b.MeanPredicted, w.MeanPredicted) || !same(b.ObservedRate, w.ObservedRate) {
					t.Errorf("bin %d = %+v, want %+v", i, b, w)
				}
			}
		})
	}
}
