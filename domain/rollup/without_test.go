package rollup

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAtLeastWithoutEqualsTheRollUpRecomputedWithoutTheDeal puts each deal at another
// confidence and amount through AtLeastWithout (c·AtLeastWithout(i, T−a) +
// (1−c)·AtLeastWithout(i, T)) and compares it with the roll-up recomputed with the deal
// so changed: few deals (enumeration), many in round figures (lattice), certain and
// hopeless deals among them.
func TestAtLeastWithoutEqualsTheRollUpRecomputedWithoutTheDeal(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(14, 3))
	for _, tc := range []struct {
		name string
		n    int
		unit float64
	}{
		{"enumeration", 9, 1},
		{"lattice", 60, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Won: 5 * tc.unit}
			for i := range tc.n {
				p := rng.Float64()
				switch i % 7 {
				case 0:
					p = 1
				case 3:
					p = 0
				}
				in.Deals = append(in.Deals, Deal{Amount: float64(1+rng.IntN(40)) * tc.unit, P: p})
			}
			sum := 0.0
			for _, d := range in.Deals {
				sum += d.Amount * d.P
			}
			in.Target = math.Round(sum*0.9/tc.unit) * tc.unit
			r := Compute(Input{Won: in.Won, Target: in.Target, Deals: in.Deals, TotalsOnly: true})
			for i := range in.Deals {
				c, a := rng.Float64(), float64(1+rng.IntN(40))*tc.unit
				got := c*r.AtLeastWithout(i, in.Target-a) + (1-c)*r.AtLeastWithout(i, in.Target)
				swapped := slices.Clone(in.Deals)
				swapped[i] = Deal{Amount: a, P: c}
				want := Compute(Input{Won: in.Won, Target: in.Target, Deals: swapped, TotalsOnly: true}).ProbabilityOfTarget
				if math.Abs(got-want) > 1e-9 {
					t.Errorf("%s deal %d (%v → a %v, c %.3f): %.12f, recomputed %.12f", tc.name, i, in.Deals[i], a, c, got, want)
				}
			}
		})
	}
}
