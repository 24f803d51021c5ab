package rollup

import (
	"math"
)

// Deal is one open deal: its amount in the reporting currency's minor units and the
// probability that it closes won inside the period.
type Deal struct {
	Amount float64
	P      float64
}

// Input is a scope's period: the revenue already won in it, its target and its open
// deals.
type Input struct {
	Won    float64
	Target float64
	Deals  []Deal
	// TotalsOnly leaves IfWon and IfLost out (nil): a board's team rows need only the
	// probability and the quantiles.
	TotalsOnly bool
}

// Result is the roll-up. IfWon and IfLost are in the order of Input.Deals.
type Result struct {
	Expected            float64 // Won + Σ amount × p, exact
	ProbabilityOfTarget float64 // P(Won + Σ amount × B ≥ Target)
	P10, P50, P90       float64 // revenue quantiles: P(revenue ≤ P10) ≥ 0.1, …
	IfWon, IfLost       []float64
	// Method says how the distribution was computed: "enumeration" and "lattice" are
	// exact (to floating-point rounding), "grid" spreads amounts over a fine grid
	// (docs/board.md bounds its error).
	Method string
	// Dist is the distribution of revenue for charts: Mass[k] is the probability that
	// revenue lies in the k-th cell, which starts at Start + k × Unit.
	Dist Distribution
	// AtLeast is P(revenue ≥ x) on the same distribution: another target over the same
	// deals (a team that holds every deal of the scope) costs no second roll-up.
	AtLeast func(x float64) float64
	// AtLeastWithout is P(revenue without deal i ≥ x) on the same distribution: with it,
	// P with deal i at confidence c and amount a = c·AtLeastWithout(i, T−a) +
	// (1−c)·AtLeastWithout(i, T), exact, with no second roll-up ("what changed").
	AtLeastWithout func(i int, x float64) float64
}

// Distribution is revenue's probability mass over equal cells.
type Distribution struct {
	Start, Unit float64
	Mass        []float64
}

// enumerationLimit is the most uncertain deals enumerated outcome by outcome (2^n
// outcomes); beyond it the lattice or the grid is used.
const enumerationLimit = 16

// Compute rolls the input up. Deals with probability 0 or 1 are certain and need no
// distribution; the others are enumerated (few), convolved on their amounts' common
// lattice (exact) or on a fine grid (many deals of any amounts).
func Compute(in Input) Result {
	r := Result{IfWon: make([]float64, len(in.Deals)), IfLost: make([]float64, len(in.Deals))}
	certain := in.Won
	var open []int // the uncertain deals, as indexes into in.Deals
	for i, d := range in.Deals {
		p := clamp01(d.P)
		a := math.Max(0, d.Amount)
		r.Expected += a * p
		switch {
		case p >= 1:
			certain += a
		case p > 0 && a > 0:
			open = append(open, i)
		}
	}
	r.Expected += in.Won

	var dist dist
	switch {
	case len(open) <= enumerationLimit:
		dist, r.Method = enumerate(in.Deals, open), "enumeration"
	default:
		dist, r.Method = convolve(in.Deals, open)
	}
	// Every question is "revenue ≥ x": certain + S ≥ x ⇔ S ≥ x − certain.
	atLeast := func(x float64) float64 { return dist.atLeast(x - certain) }
	r.AtLeast = atLeast
	openAt := make(map[int]int, len(open))
	for k, i := range open {
		openAt[i] = k
	}
	r.AtLeastWithout = func(i int, x float64) float64 {
		if k, ok := openAt[i]; ok {
			_, lost := dist.without(k, x-certain)
			return lost
		}
		if clamp01(in.Deals[i].P) >= 1 { // counted in certain: take its amount away
			return atLeast(x + math.Max(0, in.Deals[i].Amount))
		}
		return atLeast(x)
	}
	r.ProbabilityOfTarget = atLeast(in.Target)
	r.P10, r.P50, r.P90 = certain+dist.quantile(0.1), certain+dist.quantile(0.5), certain+dist.quantile(0.9)

	if in.TotalsOnly {
		r.IfWon, r.IfLost = nil, nil
		r.Dist = dist.cells(certain)
		return r
	}
	for i, d := range in.Deals {
		p, a := clamp01(d.P), math.Max(0, d.Amount)
		switch k, ok := openAt[i]; {
		case ok:
			r.IfWon[i], r.IfLost[i] = dist.without(k, in.Target-certain)
		case p >= 1: // counted in certain: losing it takes its amount away
			r.IfWon[i], r.IfLost[i] = r.ProbabilityOfTarget, atLeast(in.Target+a)
		default: // no chance (or no amount): winning it adds its amount
			r.IfWon[i], r.IfLost[i] = atLeast(in.Target-a), r.ProbabilityOfTarget
		}
	}
	r.Dist = dist.cells(certain)
	return r
}

// dist is the distribution of S = Σ amount × B over the uncertain deals, however it
// was computed.
type dist interface {
	atLeast(x float64) float64  // P(S ≥ x)
	quantile(q float64) float64 // the smallest s with P(S ≤ s) ≥ q
	// without answers for the k-th uncertain deal: P(S ≥ x) with it won, and with it
	// lost.
	without(k int, x float64) (ifWon, ifLost float64)
	cells(offset float64) Distribution
}

func clamp01(p float64) float64 {
	if math.IsNaN(p) || p < 0 {
		return 0
	}
	return math.Min(p, 1)
}
