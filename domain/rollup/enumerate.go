package rollup

import (
	"math"
	"sort"
)

// outcomes is the exact distribution of a few uncertain deals: every combination of
// won and lost, 2^n of them, sorted by revenue.
type outcomes struct {
	sum  []float64 // revenue of each outcome, ascending
	mass []float64 // its probability
	won  []uint32  // which deals it wins (bit k: the k-th uncertain deal)
	tail []float64 // tail[i] = Σ mass[i:]
	p    []float64 // each uncertain deal's probability
}

func enumerate(deals []Deal, open []int) *outcomes {
	n := len(open)
	o := &outcomes{p: make([]float64, n)}
	size := 1 << n
	sum, mass, won := make([]float64, size), make([]float64, size), make([]uint32, size)
	mass[0] = 1
	filled := 1
	for k, i := range open {
		a, p := math.Max(0, deals[i].Amount), clamp01(deals[i].P)
		o.p[k] = p
		for j := range filled {
			sum[filled+j], mass[filled+j], won[filled+j] = sum[j]+a, mass[j]*p, won[j]|1<<k
			mass[j] *= 1 - p
		}
		filled *= 2
	}
	idx := make([]int, size)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return sum[idx[a]] < sum[idx[b]] })
	o.sum, o.mass, o.won = make([]float64, size), make([]float64, size), make([]uint32, size)
	for to, from := range idx {
		o.sum[to], o.mass[to], o.won[to] = sum[from], mass[from], won[from]
	}
	o.tail = make([]float64, size+1)
	for i := size - 1; i >= 0; i-- {
		o.tail[i] = o.tail[i+1] + o.mass[i]
	}
	return o
}

// first is the index of the first outcome with revenue ≥ x.
func (o *outcomes) first(x float64) int { return sort.SearchFloat64s(o.sum, x) }

func (o *outcomes) atLeast(x float64) float64 { return math.Min(1, o.tail[o.first(x)]) }

func (o *outcomes) quantile(q float64) float64 {
	cum := 0.0
	for i, m := range o.mass {
		cum += m
		if cum >= q-1e-12 {
			return o.sum[i]
		}
	}
	return o.sum[len(o.sum)-1]
}

// without conditions on the k-th deal: P(S ≥ x | won) and P(S ≥ x | lost).
func (o *outcomes) without(k int, x float64) (ifWon, ifLost float64) {
	var w, l float64
	for i := o.first(x); i < len(o.sum); i++ {
		if o.won[i]&(1<<k) != 0 {
			w += o.mass[i]
		} else {
			l += o.mass[i]
		}
	}
	p := o.p[k]
	return math.Min(1, w/p), math.Min(1, l/(1-p))
}

func (o *outcomes) cells(offset float64) Distribution {
	lo, hi := o.sum[0], o.sum[len(o.sum)-1]
	return histogram(offset, lo, hi, func(add func(at, mass float64)) {
		for i, s := range o.sum {
			add(s, o.mass[i])
		}
	})
}

// chartCells is how many cells a distribution is drawn with.
const chartCells = 120

// histogram spreads point masses over chartCells equal cells covering [lo, hi].
func histogram(offset, lo, hi float64, each func(add func(at, mass float64))) Distribution {
	unit := (hi - lo) / chartCells
	if unit <= 0 {
		d := Distribution{Start: offset + lo, Unit: 1, Mass: []float64{0}}
		each(func(_, m float64) { d.Mass[0] += m })
		return d
	}
	d := Distribution{Start: offset + lo, Unit: unit, Mass: make([]float64, chartCells)}
	each(func(at, m float64) {
		k := min(chartCells-1, max(0, int((at-lo)/unit)))
		d.Mass[k] += m
	})
	return d
}
