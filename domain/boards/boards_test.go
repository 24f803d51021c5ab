package boards

import (
	"math"
	"testing"

	"summit/domain/rollup"
)

func TestProbabilityOnEachBasis(t *testing.T) {
	manual := 0.35
	tests := []struct {
		name     string
		basis    string
		manual   *float64
		category string
		want     float64
	}{
		{"model ignores the judgement", BasisModel, &manual, "commit", 0.62},
		{"a manual probability wins", BasisJudgement, &manual, "commit", 0.35},
		{"commit", BasisJudgement, nil, "commit", 0.9},
		{"best case", BasisJudgement, nil, "best_case", 0.5},
		{"omitted", BasisJudgement, nil, "omitted", 0},
		{"pipeline keeps the model's", BasisJudgement, nil, "pipeline", 0.62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Probability(tt.basis, 0.62, tt.manual, tt.category); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCellsKeepTheMassInWholeMinorUnits(t *testing.T) {
	tests := []struct {
		name string
		in   rollup.Input
	}{
		{"few deals (enumeration)", rollup.Input{Won: 1000, Target: 5000, Deals: []rollup.Deal{{Amount: 3000, P: 0.5}, {Amount: 2500, P: 0.3}}}},
		{"many odd amounts (grid)", func() rollup.Input {
			in := rollup.Input{Won: 12345, Target: 2e7}
			for i := range 300 {
				in.Deals = append(in.Deals, rollup.Deal{Amount: float64(100003 + 7919*i), P: 0.1 + float64(i%8)/10})
			}
			return in
		}()},
		{"nothing uncertain", rollup.Input{Won: 500, Target: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rollup.Compute(tt.in)
			d := cells(r.Dist)
			if d.UnitMinor < 1 || len(d.Mass) > 200 {
				t.Fatalf("unit %d, %d cells", d.UnitMinor, len(d.Mass))
			}
			sum, want := 0.0, 0.0
			for _, m := range d.Mass {
				sum += m
			}
			for _, m := range r.Dist.Mass {
				want += m
			}
			if math.Abs(sum-want) > 1e-12 {
				t.Errorf("mass %v, want %v", sum, want)
			}
		})
	}
}
