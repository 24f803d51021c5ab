package calibration

import "math"

// Accumulator sums predictions one at a time into the figures Brier, LogLoss and
// Reliability give over a slice, holding only those sums: a report over any number of
// closed deals takes the same small memory, streamed from the database row by row.
// Each figure is summed in the order the predictions come, as scores.go does, so over
// the same predictions in the same order the results are identical.
type Accumulator struct {
	n, won         int
	squaredErrors  float64
	negLogLikeHood float64
	bins           [ReliabilityBins]binSum
}

type binSum struct {
	count, won int
	predicted  float64
}

// Add counts one prediction and its outcome.
func (a *Accumulator) Add(p Prediction) {
	v := clamp01(p.P)
	y := outcome(p.Won)
	a.n++
	if p.Won {
		a.won++
	}
	d := v - y
	a.squaredErrors += d * d
	q := min(max(v, logLossFloor), 1-logLossFloor)
	if p.Won {
		a.negLogLikeHood -= math.Log(q)
	} else {
		a.negLogLikeHood -= math.Log(1 - q)
	}
	b := &a.bins[min(int(v*ReliabilityBins), ReliabilityBins-1)]
	b.count++
	b.predicted += v
	if p.Won {
		b.won++
	}
}

// Count is how many predictions were added; Won how many of them came out won.
func (a *Accumulator) Count() int { return a.n }

// Won is how many of the predictions added came out won.
func (a *Accumulator) Won() int { return a.won }

// Brier is Brier over the predictions added (NaN without any).
func (a *Accumulator) Brier() float64 {
	if a.n == 0 {
		return math.NaN()
	}
	return a.squaredErrors / float64(a.n)
}

// LogLoss is LogLoss over the predictions added (NaN without any).
func (a *Accumulator) LogLoss() float64 {
	if a.n == 0 {
		return math.NaN()
	}
	return a.negLogLikeHood / float64(a.n)
}

// Bins are Reliability's bins over the predictions added.
func (a *Accumulator) Bins() []Bin {
	out := make([]Bin, ReliabilityBins)
	for i, s := range a.bins {
		out[i] = Bin{From: float64(i) / ReliabilityBins, To: float64(i+1) / ReliabilityBins, Count: s.count, Won: s.won,
			MeanPredicted: math.NaN(), ObservedRate: math.NaN()}
		if s.count > 0 {
			out[i].MeanPredicted = s.predicted / float64(s.count)
			out[i].ObservedRate = float64(s.won) / float64(s.count)
		}
	}
	return out
}
