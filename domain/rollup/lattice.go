package rollup

import (
	"cmp"
	"math"
	"slices"
)

// The lattice's budgets: cells in one distribution, and cells × deals in one
// convolution (about a second of work on one core at most).
const (
	maxCells      = 1 << 22
	maxExactCells = 1 << 20
	exactWork     = 1.5e8
	// windowSigmas is the half-width of the window kept around the running mean, in
	// standard deviations of the final revenue; mass outside it is counted, and a
	// convolution that drops more than droppedLimit is run again over the full range.
	windowSigmas = 9
	droppedLimit = 1e-9
	// coherentRounding is how far the rounded revenue's spread may stray from the real
	// one's (as a ratio of standard deviations) before the grid is made finer.
	coherentRounding = 2e-4
)

// gridCells is how many cells the grid spreads the window over for n uncertain deals:
// enough that rounding each amount to a cell keeps the error far below 0.001
// (docs/board.md).
func gridCells(n int) int { return max(4096, int(math.Ceil(180*math.Sqrt(float64(n))))) }

// decimalUnit is the 1, 2 or 5 × 10^k nearest u (in ratio): amounts in round figures
// (multiples of 10^(k+1) minor units, as most deals are) then sit exactly on the grid,
// and only odd amounts are rounded.
func decimalUnit(u float64) float64 {
	if u <= 1 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(u)))
	best := pow
	for _, m := range []float64{2, 5, 10} {
		if math.Abs(math.Log(m*pow/u)) < math.Abs(math.Log(best/u)) {
			best = m * pow
		}
	}
	return best
}

// lattice is the distribution of Ŝ = Σ q_k·unit·B_k over the uncertain deals, each
// amount rounded to q_k cells of size unit (exactly, when unit divides every amount).
// It keeps cells [start, start+len(mass)) of the revenue axis.
type lattice struct {
	unit  float64
	start int
	mass  []float64
	tail  []float64 // tail[j] = Σ mass[j:]
	q     []int
	p, a  []float64
	// The first two moments of S (true amounts) and of Ŝ (rounded ones): the grid is read
	// through the affine map that matches them (equal on an exact lattice).
	mean, variance       float64
	meanHat, varianceHat float64
	dropped              float64 // mass that left the window, counted into the error
}

// step convolves one deal into the window: next[j] = (1−p)·cur[j+s] + p·cur[j+s−q], the
// window moving up s cells, over the cells that can get mass from cur's live range
// [lo, hi) (cur is zero outside it). It returns next's live range and adds the mass that
// fell out of the window to dropped.
func step(cur, next []float64, lo, hi, s, q int, p float64, dropped *float64) (int, int) {
	n := len(cur)
	lost, won := 1-p, p
	nlo, nhi := max(0, lo-s), min(n, hi-s+q)
	nhi = max(nlo, nhi)
	// Cells j ≥ n−s receive no lost mass, cells j < q−s no won mass.
	le := min(nhi, max(nlo, n-s)) // end of the lost branch
	ws := min(nhi, max(nlo, q-s)) // start of the won branch
	for j := nlo; j < min(ws, le); j++ {
		next[j] = lost * cur[j+s]
	}
	if ws < le {
		x := next[ws:le]
		c, w := cur[ws+s:][:len(x)], cur[ws+s-q:][:len(x)] // same lengths: no bounds checks
		j := 0
		for ; j+4 <= len(x); j += 4 {
			x[j] = lost*c[j] + won*w[j]
			x[j+1] = lost*c[j+1] + won*w[j+1]
			x[j+2] = lost*c[j+2] + won*w[j+2]
			x[j+3] = lost*c[j+3] + won*w[j+3]
		}
		for ; j < len(x); j++ {
			x[j] = lost*c[j] + won*w[j]
		}
	} else {
		clear(next[le:ws]) // cells between get nothing
	}
	for j := max(ws, le); j < nhi; j++ {
		next[j] = won * cur[j+s-q]
	}
	// What fell out: the lost branch of cur[:s], the won branch of cur[:s−q] and of
	// cur[n+s−q:].
	if s > lo {
		*dropped += lost * sum(cur[lo:min(s, hi)])
	}
	if s-q > lo {
		*dropped += won * sum(cur[lo:min(s-q, hi)])
	}
	if top := max(lo, n+s-q); top < hi {
		*dropped += won * sum(cur[top:hi])
	}
	return nlo, nhi
}

// convolve builds the distribution of the uncertain deals by dynamic programming over a
// lattice: the amounts' common unit when it fits the budget (exact), else a grid.
func convolve(deals []Deal, open []int) (*lattice, string) { return convolveOn(deals, open, false) }

// convolveOn is convolve; onGrid skips the exact lattice (tests compare the two).
func convolveOn(deals []Deal, open []int, onGrid bool) (*lattice, string) {
	n := len(open)
	l := &lattice{q: make([]int, n), p: make([]float64, n), a: make([]float64, n)}
	var span, variance float64
	integral := true
	var unit int64
	for k, i := range open {
		a, p := math.Max(0, deals[i].Amount), clamp01(deals[i].P)
		l.a[k], l.p[k] = a, p
		span += a
		variance += a * a * p * (1 - p)
		if a != math.Trunc(a) || a >= 1<<53 {
			integral = false
		} else {
			unit = gcd(unit, int64(a))
		}
	}
	width := math.Min(span, 2*windowSigmas*math.Sqrt(variance))
	method := "grid"
	if integral && unit > 0 && !onGrid {
		if cells := width / float64(unit); cells <= maxExactCells && cells*float64(n) <= exactWork {
			l.unit, method = float64(unit), "lattice"
		}
	}
	if method == "grid" {
		l.unit = decimalUnit(width / float64(gridCells(n)))
	}
	l.round()
	// Alike amounts that round alike leave the grid lumpier than the revenue (its spread
	// shows it): finer cells, while the budget lasts (docs/board.md).
	for method == "grid" && math.Abs(math.Sqrt(l.varianceHat/l.variance)-1) > coherentRounding {
		finer := decimalUnit(l.unit / 2.2)
		if cells := width / finer; cells > maxCells || cells*float64(n) > exactWork || finer >= l.unit {
			break
		}
		l.unit = finer
		l.round()
	}
	if !l.run(math.Sqrt(variance), false) {
		l.run(0, true)
	}
	return l, method
}

// round puts every amount on the cells and sums both distributions' moments.
func (l *lattice) round() {
	l.mean, l.variance, l.meanHat, l.varianceHat = 0, 0, 0, 0
	for k, a := range l.a {
		l.q[k] = int(math.Round(a / l.unit))
		aHat, p := float64(l.q[k])*l.unit, l.p[k]
		l.mean += a * p
		l.variance += a * a * p * (1 - p)
		l.meanHat += aHat * p
		l.varianceHat += aHat * aHat * p * (1 - p)
	}
}

// trimMass is the most mass a convolution step lets go at each edge of the cells it keeps
// (counted as dropped): over 10,000 deals at most 2·10⁻¹³, far inside droppedLimit.
const trimMass = 1e-17

// run convolves the deals one by one, keeping a window of cells that follows the
// running mean (or, with full, every cell from 0 to the sum of the amounts). It
// reports false when the window dropped more than droppedLimit and a full run fits.
//
// Deals are added smallest amount first, and each step only touches the cells that hold
// mass (the live range, its edges trimmed of at most trimMass): early on the partial sum
// is narrow, so most steps cost far less than the whole window. The result does not
// depend on the order (up to floating-point rounding).
func (l *lattice) run(sigma float64, full bool) bool {
	total := 0
	for _, q := range l.q {
		total += q
	}
	size := total + 1
	if !full {
		size = min(size, int(math.Ceil(2*windowSigmas*sigma/l.unit))+2)
	}
	size = min(size, maxCells)
	order := make([]int, len(l.q))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(l.q[a], l.q[b]) })
	cur, next := make([]float64, size), make([]float64, size)
	cur[0] = 1
	lo, hi := 0, 1         // cur's live range: zero outside it
	nextLo, nextHi := 0, 0 // next's stale range (its values from two steps back)
	l.start, l.dropped = 0, 0
	mean := 0.0
	for _, k := range order {
		q, p := l.q[k], l.p[k]
		mean += float64(q) * p
		start := l.start
		if !full {
			start = max(l.start, int(math.Floor(mean-windowSigmas*sigma/l.unit)))
			start = min(start, total+1-size)
		}
		s := start - l.start
		var dropped float64
		nlo, nhi := step(cur, next, lo, hi, s, q, p, &dropped)
		// Clear what is left of next's old values outside its new live range.
		clear(next[nextLo:max(nextLo, min(nextHi, nlo))])
		clear(next[max(nextLo, nhi):max(nextHi, nhi)])
		nlo, nhi, dropped = trim(next, nlo, nhi, dropped)
		l.dropped += dropped
		nextLo, nextHi = lo, hi
		cur, next = next, cur
		lo, hi = nlo, nhi
		l.start = start
	}
	l.mass = cur
	l.tail = make([]float64, size+1)
	for j := size - 1; j >= 0; j-- {
		l.tail[j] = l.tail[j+1] + l.mass[j]
	}
	if l.dropped > droppedLimit && !full && total+1 <= maxCells {
		return false
	}
	return true
}

// trim lets go of the cells at both ends of [lo, hi) while together they hold at most
// trimMass, adding what it let go to dropped.
func trim(mass []float64, lo, hi int, dropped float64) (int, int, float64) {
	edge := 0.0
	for lo < hi && edge+mass[lo] <= trimMass {
		edge += mass[lo]
		mass[lo] = 0
		lo++
	}
	dropped += edge
	edge = 0
	for hi > lo && edge+mass[hi-1] <= trimMass {
		edge += mass[hi-1]
		mass[hi-1] = 0
		hi--
	}
	return lo, hi, dropped + edge
}

// cell is the first cell whose revenue is ≥ y, relative to the window.
func (l *lattice) cell(y float64) int {
	return int(math.Ceil(y/l.unit-1e-9)) - l.start
}

// toHat maps revenue x of S to Ŝ's scale for a distribution with those moments: Ŝ is
// S with each amount rounded, so its mean and spread differ slightly; matching both
// (x − mean)/sd = (x̂ − meanHat)/sdHat removes the rounding's first-order effect — for
// amounts that all round the same way it is exact (docs/board.md).
func toHat(x, mean, variance, meanHat, varianceHat float64) float64 {
	if variance <= 0 || varianceHat <= 0 {
		return x - mean + meanHat
	}
	return meanHat + (x-mean)*math.Sqrt(varianceHat/variance)
}

// atLeast is P(S ≥ x), read on Ŝ through the moment-matching map.
func (l *lattice) atLeast(x float64) float64 {
	j := l.cell(toHat(x, l.mean, l.variance, l.meanHat, l.varianceHat))
	switch {
	case j >= len(l.mass):
		return 0
	case j <= 0:
		return math.Min(1, l.tail[0])
	}
	return math.Min(1, l.tail[j])
}

// fromHat maps Ŝ's revenue back to S's.
func (l *lattice) fromHat(xHat float64) float64 {
	if l.variance <= 0 || l.varianceHat <= 0 {
		return xHat - l.meanHat + l.mean
	}
	return l.mean + (xHat-l.meanHat)*math.Sqrt(l.variance/l.varianceHat)
}

func (l *lattice) quantile(q float64) float64 {
	cum := 0.0
	for j, m := range l.mass {
		cum += m
		if cum >= q-1e-12 {
			return l.fromHat(float64(l.start+j) * l.unit)
		}
	}
	return l.fromHat(float64(l.start+len(l.mass)-1) * l.unit)
}

// without takes the k-th deal out of the distribution and answers P(S ≥ x) with it won
// and with it lost. With G the distribution without the deal, F = (1−p)·G + p·G shifted
// q cells, so tails obey T_F(y) = (1−p)·T_G(y) + p·T_G(y−q): T_G at a cell follows from
// T_F along a chain of cells q apart, walked from the side where the recursion damps
// errors (down for p ≤ ½, up otherwise). No deal costs a full recomputation.
func (l *lattice) without(k int, x float64) (ifWon, ifLost float64) {
	q, p, a := l.q[k], l.p[k], l.a[k]
	aHat := float64(q) * l.unit
	mean, variance := l.mean-a*p, l.variance-a*a*p*(1-p)
	meanHat, varianceHat := l.meanHat-aHat*p, l.varianceHat-aHat*aHat*p*(1-p)
	tailG := func(y float64) float64 {
		j := l.cell(toHat(y, mean, variance, meanHat, varianceHat))
		return math.Min(1, math.Max(0, l.tailWithout(j, q, p)))
	}
	return tailG(x - a), tailG(x)
}

// chainError is the error a chain's walk may leave: a walk that starts M steps below
// (or above) the cell asked for, from T_G ≈ T_F instead of the exact value, carries that
// start's error (at most 1) times r^M, r = p/(1−p) (or its inverse), to the cell.
const chainError = 1e-15

// chainSteps is how many steps of a chain bring a start's error under chainError for
// the ratio r < 1 (0: walk the whole chain).
func chainSteps(r float64) int {
	if r <= 0 {
		return 1
	}
	if r >= 1 {
		return 0
	}
	m := math.Ceil(math.Log(chainError) / math.Log(r))
	if m > 1<<30 {
		return 0
	}
	return int(m)
}

// tailWithout is T_G(j) (cells relative to the window) for the deal (q, p). The chain is
// walked from where it starts (exact) or, when that is further, from chainSteps(r) steps
// away, where the error of starting from T_F has damped below chainError by the cell
// asked for: a deal costs at most a few hundred steps unless p is within a few
// hundredths of ½.
func (l *lattice) tailWithout(j, q int, p float64) float64 {
	n := len(l.mass)
	tailF := func(i int) float64 {
		switch {
		case i <= 0:
			return l.tail[0]
		case i >= n:
			return 0
		}
		return l.tail[i]
	}
	switch {
	case j >= n:
		return 0
	case q == 0:
		return tailF(j)
	case p <= 0.5:
		// T_G(j) = (T_F(j) − p·T_G(j−q)) / (1−p), from below the window (T_G = all of G's
		// mass, which is F's) up to j.
		base := j - q*((max(0, j)+q-1)/q) // the chain's cell at or below 0
		tg := l.tail[0]
		if m := chainSteps(p / (1 - p)); m > 0 && (j-base)/q > m {
			base = j - m*q
			tg = tailF(base)
		}
		for c := base + q; c <= j; c += q {
			tg = (tailF(c) - p*tg) / (1 - p)
		}
		return tg
	default:
		// T_G(j) = (T_F(j+q) − (1−p)·T_G(j+q)) / p, from above the window (T_G = 0) down.
		top := j + q*((n-j+q-1)/q) // the chain's cell at or above n
		tg := 0.0
		if m := chainSteps((1 - p) / p); m > 0 && (top-j)/q > m {
			top = j + m*q
			tg = tailF(top)
		}
		for c := top - q; c >= j; c -= q {
			tg = (tailF(c+q) - (1-p)*tg) / p
		}
		return tg
	}
}

func (l *lattice) cells(offset float64) Distribution {
	lo := l.fromHat(float64(l.start) * l.unit)
	hi := l.fromHat(float64(l.start+len(l.mass)-1) * l.unit)
	return histogram(offset, lo, hi, func(add func(at, mass float64)) {
		for j, m := range l.mass {
			add(l.fromHat(float64(l.start+j)*l.unit), m)
		}
	})
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
