package calibration

import (
	"math"
	"testing"
)

// The hand-computed example (docs/calibration.md): five closed deals.
//
//	p     outcome  (p−y)²   −ln(prob. of what happened)
//	0.9   won      0.01     −ln 0.9 = 0.105361
//	0.8   lost     0.64     −ln 0.2 = 1.609438
//	0.35  won      0.4225   −ln 0.35 = 1.049822
//	0.3   lost     0.09     −ln 0.7 = 0.356675
//	0.05  lost     0.0025   −ln 0.95 = 0.051293
//
// Brier = 1.165 / 5 = 0.233; log loss = 3.172589 / 5 = 0.634518.
var handExample = []Prediction{{0.9, true}, {0.8, false}, {0.35, true}, {0.3, false}, {0.05, false}}

func TestScoresOfAHandComputedExample(t *testing.T) {
	tests := []struct {
		name  string
		ps    []Prediction
		brier float64
		loss  float64
	}{
		{"five deals", handExample, 0.233, 0.634518},
		{"always one half", []Prediction{{0.5, true}, {0.5, false}}, 0.25, math.Ln2},
		{"sure and right", []Prediction{{1, true}, {0, false}}, 0, 1e-15},
		{"sure and wrong is finite", []Prediction{{1, false}}, 1, -math.Log(1e-15)}, // to 1e-4 of its size: float64 rounds 1 − 1e-15,
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Brier(tc.ps); math.Abs(got-tc.brier) > 1e-9 {
				t.Errorf("Brier = %v, want %v", got, tc.brier)
			}
			if got := LogLoss(tc.ps); math.Abs(got-tc.loss) > 1e-6*max(1, 100*tc.loss) {
				t.Errorf("LogLoss = %v, want %v", got, tc.loss)
			}
		})
	}
	if !math.IsNaN(Brier(nil)) || !math.IsNaN(LogLoss(nil)) {
		t.Error("scores of no predictions should be NaN, not a perfect 0")
	}
}

func TestReliabilityBinsOfAHandComputedExample(t *testing.T) {
	ps := append([]Prediction{{0.95, true}, {1, true}, {0.1, false}, {0.19, true}}, handExample...)
	bins := Reliability(ps)
	if len(bins) != 10 {
		t.Fatalf("%d bins, want 10", len(bins))
	}
	want := []struct {
		bin       int
		count     int
		won       int
		mean, obs float64
	}{
		{0, 1, 0, 0.05, 0},    // 0.05 lost
		{1, 2, 1, 0.145, 0.5}, // 0.1 lost, 0.19 won
		{3, 2, 1, 0.325, 0.5}, // 0.3 lost, 0.35 won
		{8, 1, 0, 0.8, 0},     // 0.8 lost: [0.8, 0.9)
		{9, 3, 3, 0.95, 1},    // 0.9, 0.95, 1 (the last bin holds 1)
	}
	seen := map[int]bool{}
	for _, w := range want {
		seen[w.bin] = true
		b := bins[w.bin]
		if b.Count != w.count || b.Won != w.won || math.Abs(b.MeanPredicted-w.mean) > 1e-9 || math.Abs(b.ObservedRate-w.obs) > 1e-9 {
			t.Errorf("bin %d = %+v, want count %d won %d mean %v observed %v", w.bin, b, w.count, w.won, w.mean, w.obs)
		}
	}
	for i, b := range bins {
		if math.Abs(b.From-float64(i)/10) > 1e-12 || math.Abs(b.To-float64(i+1)/10) > 1e-12 {
			t.Errorf("bin %d spans [%v, %v)", i, b.From, b.To)
		}
		if !seen[i] && (b.Count != 0 || !math.IsNaN(b.ObservedRate)) {
			t.Errorf("bin %d should be empty: %+v", i, b)
		}
	}
}
