package rollup

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sparseExact is an independent exact reference for many deals whose amounts share a
// unit: the distribution as a map from revenue to probability, deal by deal.
func sparseExact(in Input) map[float64]float64 {
	dist := map[float64]float64{in.Won: 1}
	for _, d := range in.Deals {
		next := make(map[float64]float64, 2*len(dist))
		for s, m := range dist {
			next[s] += m * (1 - d.P)
			next[s+d.Amount] += m * d.P
		}
		dist = next
	}
	return dist
}

func atLeastIn(dist map[float64]float64, x float64) float64 {
	t := 0.0
	for s, m := range dist {
		if s >= x {
			t += m
		}
	}
	return t
}

// Beyond what can be walked outcome by outcome, deals whose amounts share a unit are
// convolved on that unit: exact, including targets that some outcomes hit exactly.
func TestManyDealsOnTheirCommonUnitAreExact(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for c := range 40 {
		n := 30 + r.IntN(60)
		ds := randomDeals(r, n, true)
		in := Input{Won: 500_000, Deals: ds}
		in.Target = randomTarget(r, in.Won, ds)
		got := Compute(in)
		if got.Method == "grid" {
			t.Fatalf("case %d: on the grid, want the exact lattice", c)
		}
		ref := sparseExact(in)
		if want := atLeastIn(ref, in.Target); math.Abs(got.ProbabilityOfTarget-want) > 1e-9 {
			t.Fatalf("case %d (%d deals): P = %.12f, exact %.12f", c, n, got.ProbabilityOfTarget, want)
		}
		for _, i := range []int{0, n / 2, n - 1} {
			d := ds[i]
			rest := Input{Won: in.Won, Target: in.Target, Deals: append(append([]Deal{}, ds[:i]...), ds[i+1:]...)}
			restDist := sparseExact(rest)
			wantWon, wantLost := atLeastIn(restDist, in.Target-d.Amount), atLeastIn(restDist, in.Target)
			if math.Abs(got.IfWon[i]-wantWon) > 1e-9 || math.Abs(got.IfLost[i]-wantLost) > 1e-9 {
				t.Fatalf("case %d deal %d (p %.3f): if won %.9f / lost %.9f, exact %.9f / %.9f", c, i, d.P, got.IfWon[i], got.IfLost[i], wantWon, wantLost)
			}
		}
	}
}

// denseExact is the distribution of revenue on cells of unit (which must divide every
// amount and the revenue won): a plain dynamic programme over every cell.
func denseExact(in Input, unit float64) []float64 {
	total := in.Won
	for _, d := range in.Deals {
		total += d.Amount
	}
	dist := make([]float64, int(total/unit)+1)
	dist[int(in.Won/unit)] = 1
	for _, d := range in.Deals {
		q := int(d.Amount / unit)
		for j := len(dist) - 1; j >= 0; j-- {
			won := 0.0
			if j >= q {
				won = dist[j-q] * d.P
			}
			dist[j] = dist[j]*(1-d.P) + won
		}
	}
	return dist
}

func atLeastDense(dist []float64, unit, x float64) float64 {
	t := 0.0
	for j := len(dist) - 1; j >= 0 && float64(j)*unit >= x; j-- {
		t += dist[j]
	}
	return t
}

// Deals of any amounts go on a grid; the grid's answer is within 0.001 of the exact one,
// for the deals' if-won and if-lost too. The amounts are round (as most deals are) but
// for an odd one in five, which the grid rounds.
func TestTheGridIsWithinAThousandthOfExact(t *testing.T) {
	t.Parallel()
	const unit = 1000 // every amount here is a multiple: the exact reference's cells
	r := rand.New(rand.NewPCG(5, 6))
	for c := range 6 {
		n := []int{20, 50, 100}[c%3]
		ds := randomDeals(r, n, true)
		for i := 0; i < n; i += 5 {
			ds[i].Amount += float64(1+r.IntN(99)) * unit
		}
		in := Input{Deals: ds}
		exact := denseExact(in, unit)
		mean, variance := 0.0, 0.0
		for _, d := range ds {
			mean += d.Amount * d.P
			variance += d.Amount * d.Amount * d.P * (1 - d.P)
		}
		in.Target = math.Round(mean + (2*r.Float64()-1)*math.Sqrt(variance)) // within a standard deviation of the mean, where errors show
		want := atLeastDense(exact, unit, in.Target)
		if got := Compute(in); got.Method == "grid" || math.Abs(got.ProbabilityOfTarget-want) > 1e-9 {
			t.Fatalf("case %d: %s P = %.9f, exact %.9f", c, got.Method, got.ProbabilityOfTarget, want)
		}

		var open []int
		certain := 0.0
		for i, d := range ds {
			switch {
			case d.P >= 1:
				certain += d.Amount
			case d.P > 0:
				open = append(open, i)
			}
		}
		grid, method := convolveOn(ds, open, true)
		if method != "grid" || grid.unit == unit {
			t.Fatalf("case %d: %s on cells of %g", c, method, grid.unit)
		}
		if p := grid.atLeast(in.Target - certain); math.Abs(p-want) > 0.001 {
			t.Fatalf("case %d (%d deals): grid P = %.6f, exact %.6f", c, n, p, want)
		}
		for _, k := range []int{0, len(open) / 2, len(open) - 1} {
			i := open[k]
			rest := Input{Deals: append(append([]Deal{}, ds[:i]...), ds[i+1:]...)}
			restDist := denseExact(rest, unit)
			wantWon, wantLost := atLeastDense(restDist, unit, in.Target-ds[i].Amount), atLeastDense(restDist, unit, in.Target)
			w, l := grid.without(k, in.Target-certain)
			if math.Abs(w-wantWon) > 0.001 || math.Abs(l-wantLost) > 0.001 {
				t.Fatalf("case %d deal %d (p %.3f): grid if won %.6f / lost %.6f, exact %.6f / %.6f", c, i, ds[i].P, w, l, wantWon, wantLost)
			}
		}
	}
}

// 400 deals of alike odd amounts (1.234 M to 1.273 M) make revenue lumpy, in clumps one
// deal apart; a grid whose cells (50 k at first) round them all alike would blur it.
// The grid notices (its spread strays from revenue's) and refines until it is within
// 0.001 of exact.
func TestTheGridStaysWithinAThousandthWhenEveryAmountRoundsAlike(t *testing.T) {
	t.Parallel()
	const unit = 1000
	r := rand.New(rand.NewPCG(13, 14))
	ds := make([]Deal, 400)
	var open []int
	mean, variance := 0.0, 0.0
	for i := range ds {
		ds[i] = Deal{Amount: 1_234_000 + float64(r.IntN(40))*unit, P: 0.2 + 0.6*r.Float64()}
		open = append(open, i)
		mean += ds[i].Amount * ds[i].P
		variance += ds[i].Amount * ds[i].Amount * ds[i].P * (1 - ds[i].P)
	}
	grid, _ := convolveOn(ds, open, true)
	exact := denseExact(Input{Deals: ds}, unit)
	for _, z := range []float64{-1.5, -0.7, 0, 0.4, 1, 1.8} {
		target := math.Round(mean + z*math.Sqrt(variance))
		if got, want := grid.atLeast(target), atLeastDense(exact, unit, target); math.Abs(got-want) > 0.001 {
			t.Errorf("target at %+.1f sd: grid %.5f, exact %.5f", z, got, want)
		}
	}
}

// Every deal's if-won and if-lost, read off the whole distribution (the chains walked at
// most chainSteps from the cell asked for, the deals convolved smallest first on the
// cells that hold mass), equal the roll-up recomputed without the deal — its amount
// added to the revenue won, or not — for every deal of a few hundred, including
// confidences at and around ½ where the chains damp slowest, and near 0 and 1.
func TestIfWonAndIfLostEqualTheRollUpRecomputedWithoutTheDeal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		n    int
		p    func(r *rand.Rand) float64
	}{
		{"any confidence", 240, func(r *rand.Rand) float64 { return r.Float64() }},
		{"around a half", 160, func(r *rand.Rand) float64 { return 0.47 + 0.06*r.Float64() }},
		{"exactly a half", 120, func(*rand.Rand) float64 { return 0.5 }},
		{"near 0 and 1", 200, func(r *rand.Rand) float64 {
			if r.IntN(2) == 0 {
				return 0.001 + 0.05*r.Float64()
			}
			return 0.95 + 0.049*r.Float64()
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(21, uint64(c.n)))
			in := Input{Won: 3_000_000}
			mean := in.Won
			for range c.n {
				d := Deal{Amount: float64(1+r.IntN(60)) * 100_000, P: c.p(r)}
				in.Deals = append(in.Deals, d)
				mean += d.Amount * d.P
			}
			in.Target = math.Round(mean/100_000) * 100_000
			got := Compute(in)
			if got.Method != "lattice" {
				t.Fatalf("method %s, want the exact lattice", got.Method)
			}
			for i, d := range in.Deals {
				rest := Input{Won: in.Won, Target: in.Target, Deals: append(append([]Deal{}, in.Deals[:i]...), in.Deals[i+1:]...), TotalsOnly: true}
				lost := Compute(rest).ProbabilityOfTarget
				rest.Won += d.Amount
				won := Compute(rest).ProbabilityOfTarget
				if math.Abs(got.IfWon[i]-won) > 1e-9 || math.Abs(got.IfLost[i]-lost) > 1e-9 {
					t.Fatalf("deal %d (p %.4f, %g): if won %.12f / lost %.12f, recomputed %.12f / %.12f",
						i, d.P, d.Amount, got.IfWon[i], got.IfLost[i], won, lost)
				}
			}
		})
	}
}
