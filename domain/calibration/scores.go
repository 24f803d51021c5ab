// Package calibration measures how well deal confidence foretold outcomes: the Brier
// score, the log loss and the reliability diagram over closed deals' predictions
// (docs/calibration.md), and fits the model's weights to an organisation's own history.
package calibration

import "math"

// Prediction is one probability of winning given before the outcome was known, and the
// outcome: won (true) or lost (false).
type Prediction struct {
	P   float64
	Won bool
}

// ReliabilityBins is how many equal-width bins the reliability diagram has.
const ReliabilityBins = 10

// logLossFloor keeps log loss finite for a prediction of exactly 0 or 1 that came out
// the other way (the usual clipping, as in scikit-learn).
const logLossFloor = 1e-15

func outcome(won bool) float64 {
	if won {
		return 1
	}
	return 0
}

// Brier is the mean squared difference between prediction and outcome: 0 is perfect,
// 0.25 is what always saying 50 % scores. NaN without predictions.
func Brier(ps []Prediction) float64 {
	if len(ps) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, p := range ps {
		d := clamp01(p.P) - outcome(p.Won)
		sum += d * d
	}
	return sum / float64(len(ps))
}

// LogLoss is the mean negative natural log of the probability given to what happened,
// with predictions clipped to [1e-15, 1 − 1e-15]: 0 is perfect, ln 2 ≈ 0.693 is what
// always saying 50 % scores. NaN without predictions.
func LogLoss(ps []Prediction) float64 {
	if len(ps) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, p := range ps {
		q := min(max(clamp01(p.P), logLossFloor), 1-logLossFloor)
		if p.Won {
			sum -= math.Log(q)
		} else {
			sum -= math.Log(1 - q)
		}
	}
	return sum / float64(len(ps))
}

// Bin is one bin of the reliability diagram: predictions in [From, To) (the last bin
// includes 1), how many there were, their mean and the share of them won. MeanPredicted
// and ObservedRate are NaN for an empty bin.
type Bin struct {
	From, To      float64
	Count         int
	Won           int
	MeanPredicted float64
	ObservedRate  float64
}

// Reliability sorts the predictions into ReliabilityBins equal-width bins of predicted
// probability and gives each bin's mean prediction against its observed win rate: a
// calibrated model's bins lie on the diagonal.
func Reliability(ps []Prediction) []Bin {
	bins := make([]Bin, ReliabilityBins)
	sums := make([]float64, ReliabilityBins)
	for i := range bins {
		bins[i].From = float64(i) / ReliabilityBins
		bins[i].To = float64(i+1) / ReliabilityBins
	}
	for _, p := range ps {
		v := clamp01(p.P)
		i := min(int(v*ReliabilityBins), ReliabilityBins-1)
		bins[i].Count++
		sums[i] += v
		if p.Won {
			bins[i].Won++
		}
	}
	for i := range bins {
		if bins[i].Count == 0 {
			bins[i].MeanPredicted, bins[i].ObservedRate = math.NaN(), math.NaN()
			continue
		}
		bins[i].MeanPredicted = sums[i] / float64(bins[i].Count)
		bins[i].ObservedRate = float64(bins[i].Won) / float64(bins[i].Count)
	}
	return bins
}

func clamp01(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return min(max(v, 0), 1)
}
