package rollup

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// bruteForce walks every outcome of the deals: the reference the roll-up must match.
type bruteForce struct {
	p             float64
	ifWon, ifLost []float64
	quantiles     [3]float64 // P10, P50, P90
}

func brute(in Input) bruteForce { return walk(in, true) }

// walk walks every outcome; withDeals also conditions on each deal.
func walk(in Input, withDeals bool) bruteForce {
	n := len(in.Deals)
	type outcome struct{ revenue, mass float64 }
	var all []outcome
	var b bruteForce
	wonMass, wonHit := make([]float64, n), make([]float64, n)
	lostMass, lostHit := make([]float64, n), make([]float64, n)
	for mask := 0; mask < 1<<n; mask++ {
		revenue, mass := in.Won, 1.0
		for i, d := range in.Deals {
			if mask&(1<<i) != 0 {
				revenue += d.Amount
				mass *= d.P
			} else {
				mass *= 1 - d.P
			}
		}
		hit := revenue >= in.Target
		if hit {
			b.p += mass
		}
		for i := range in.Deals {
			if mask&(1<<i) != 0 {
				wonMass[i] += mass
				if hit {
					wonHit[i] += mass
				}
			} else {
				lostMass[i] += mass
				if hit {
					lostHit[i] += mass
				}
			}
		}
		all = append(all, outcome{revenue, mass})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].revenue < all[j].revenue })
	for qi, q := range []float64{0.1, 0.5, 0.9} {
		cum := 0.0
		for _, o := range all {
			cum += o.mass
			if cum >= q-1e-12 {
				b.quantiles[qi] = o.revenue
				break
			}
		}
	}
	b.ifWon, b.ifLost = make([]float64, n), make([]float64, n)
	for i, d := range in.Deals {
		if !withDeals {
			break
		}
		if d.P > 0 && d.P < 1 {
			b.ifWon[i], b.ifLost[i] = wonHit[i]/wonMass[i], lostHit[i]/lostMass[i]
		} else {
			b.ifWon[i], b.ifLost[i] = conditional(in, i)
		}
	}
	return b
}

// conditional is P(target) with deal i won and with it lost, every other deal walked:
// for a deal that is certain or hopeless, where conditioning on its outcome divides by 0.
func conditional(in Input, i int) (ifWon, ifLost float64) {
	fixed := func(won bool) float64 {
		c := Input{Won: in.Won, Target: in.Target}
		for j, d := range in.Deals {
			if j != i {
				c.Deals = append(c.Deals, d)
			}
		}
		if won {
			c.Won += in.Deals[i].Amount
		}
		return walk(c, false).p
	}
	return fixed(true), fixed(false)
}

func randomDeals(r *rand.Rand, n int, round bool) []Deal {
	ds := make([]Deal, n)
	for i := range ds {
		a := float64(1 + r.IntN(5_000_000))
		if round {
			a = float64(1+r.IntN(50)) * 100_000
		}
		p := r.Float64()
		switch r.IntN(8) { // certain deals and hopeless ones happen
		case 0:
			p = 0
		case 1:
			p = 1
		}
		ds[i] = Deal{Amount: a, P: p}
	}
	return ds
}

// A target exactly equal to some outcome's revenue counts as met (≥), so targets are
// drawn both at random and at the revenue of a random subset of deals.
func randomTarget(r *rand.Rand, won float64, ds []Deal) float64 {
	if r.IntN(2) == 0 {
		t := won
		for _, d := range ds {
			if r.IntN(2) == 0 {
				t += d.Amount
			}
		}
		return t
	}
	total := won
	for _, d := range ds {
		total += d.Amount
	}
	return r.Float64() * total * 1.1
}

func TestProbabilityOfTargetMatchesEveryOutcomeWalked(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for c := range 170 {
		n := c % 17 // 0 … 16 deals
		ds := randomDeals(r, n, c%3 == 0)
		in := Input{Won: float64(r.IntN(3)) * 1_000_000, Deals: ds}
		in.Target = randomTarget(r, in.Won, ds)
		got := Compute(in)
		want := brute(in)
		if math.Abs(got.ProbabilityOfTarget-want.p) > 1e-9 {
			t.Fatalf("case %d (%d deals, %s): P = %.12f, walked %.12f", c, n, got.Method, got.ProbabilityOfTarget, want.p)
		}
		for qi, q := range []float64{got.P10, got.P50, got.P90} {
			if math.Abs(q-want.quantiles[qi]) > 1e-6 {
				t.Fatalf("case %d: quantile %d = %f, walked %f", c, qi, q, want.quantiles[qi])
			}
		}
		for i := range ds {
			w, l := want.ifWon[i], want.ifLost[i]
			if math.Abs(got.IfWon[i]-w) > 1e-9 || math.Abs(got.IfLost[i]-l) > 1e-9 {
				t.Fatalf("case %d deal %d (p %.3f): if won %.9f / lost %.9f, walked %.9f / %.9f", c, i, ds[i].P, got.IfWon[i], got.IfLost[i], w, l)
			}
		}
	}
}

// TestTotalsOnlyKeepsTheTotals: leaving the per-deal figures out changes no total.
func TestTotalsOnlyKeepsTheTotals(t *testing.T) {
	for _, n := range []int{5, 40, 300} {
		in := Input{Won: 1000, Target: float64(n) * 40_000}
		for i := range n {
			in.Deals = append(in.Deals, Deal{Amount: float64(50_000 + 7919*i), P: 0.05 + float64(i%10)/11})
		}
		full := Compute(in)
		in.TotalsOnly = true
		totals := Compute(in)
		if totals.IfWon != nil || totals.IfLost != nil || totals.ProbabilityOfTarget != full.ProbabilityOfTarget ||
			totals.Expected != full.Expected || totals.P10 != full.P10 || totals.P50 != full.P50 || totals.P90 != full.P90 ||
			totals.Method != full.Method || len(totals.Dist.Mass) != len(full.Dist.Mass) {
			t.Errorf("%d deals: totals %+v, full %+v", n, totals, full)
		}
	}
}
