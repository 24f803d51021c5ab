package forecasts

import "math"

// GapThresholdPoints is how far (in points) the PMO's manual probability may stand from
// the model's confidence before the deal flags the gap (issue 10: "a gap over 20 points").
const GapThresholdPoints = 20

// Gap is the judgement against the model: manual − confidence in points (×100), nil
// without a manual probability, and whether it is more than GapThresholdPoints either way.
func Gap(manual *float64, confidence float64) (points *float64, flagged bool) {
	if manual == nil {
		return nil, false
	}
	g := (*manual - confidence) * 100
	return &g, math.Abs(g) > GapThresholdPoints+1e-9
}
