package dealhistory

import (
	"cmp"
	"math"
	"slices"
)

// Points are the snapshots as the line's points, in the same order.
func Points(snaps []Snapshot) []Point {
	out := make([]Point, 0, len(snaps))
	for _, s := range snaps {
		p := Point{Day: s.Day, PWin: s.PWin}
		if s.Period != nil {
			pin, c := s.Period.PInPeriod, s.Period.Confidence
			p.PInPeriod, p.Confidence = &pin, &c
		}
		out = append(out, p)
	}
	return out
}

// Moves are the moves between consecutive snapshots (oldest first in snaps), newest
// first: each pair whose p_win or confidence for the period changed by MinMove or more.
func Moves(snaps []Snapshot) []Move {
	var out []Move
	for i := len(snaps) - 1; i > 0; i-- {
		a, b := snaps[i-1], snaps[i]
		if !moved(a, b) {
			continue
		}
		m := Move{From: a.Day, To: b.Day, FromMoment: a.Moment, ToMoment: b.Moment,
			PWinBefore: a.PWin, PWinAfter: b.PWin, Factors: ChangedFactors(a.Factors, b.Factors)}
		if a.Period != nil {
			m.PInPeriodBefore, m.ConfidenceBefore = &a.Period.PInPeriod, &a.Period.Confidence
		}
		if b.Period != nil {
			m.PInPeriodAfter, m.ConfidenceAfter = &b.Period.PInPeriod, &b.Period.Confidence
		}
		out = append(out, m)
	}
	return out
}

// moved: p_win, or the confidence when both days have the period, changed by MinMove.
func moved(a, b Snapshot) bool {
	if math.Abs(b.PWin-a.PWin) >= MinMove {
		return true
	}
	return a.Period != nil && b.Period != nil && math.Abs(b.Period.Confidence-a.Period.Confidence) >= MinMove
}

// ChangedFactors names the factors whose contribution changed most between two days: the
// largest change and every other at least half as large and at least MinMove, up to
// MaxFactorsPerMove, largest first (a factor absent on a day contributes 0 that day).
func ChangedFactors(before, after []Factor) []FactorChange {
	byKey := map[string]*FactorChange{}
	var keys []string
	add := func(fs []Factor, set func(*FactorChange, float64)) {
		for _, f := range fs {
			c, ok := byKey[f.Key]
			if !ok {
				c = &FactorChange{Key: f.Key}
				byKey[f.Key] = c
				keys = append(keys, f.Key)
			}
			set(c, f.Contribution)
		}
	}
	add(before, func(c *FactorChange, v float64) { c.Before = v })
	add(after, func(c *FactorChange, v float64) { c.After = v })
	changes := make([]FactorChange, 0, len(keys))
	for _, k := range keys {
		if c := *byKey[k]; math.Abs(c.Delta()) >= MinMove {
			changes = append(changes, c)
		}
	}
	slices.SortStableFunc(changes, func(x, y FactorChange) int {
		return cmp.Or(cmp.Compare(math.Abs(y.Delta()), math.Abs(x.Delta())), cmp.Compare(x.Key, y.Key))
	})
	if len(changes) == 0 {
		return nil
	}
	largest := math.Abs(changes[0].Delta())
	n := 1
	for n < len(changes) && n < MaxFactorsPerMove && math.Abs(changes[n].Delta()) >= largest/2 {
		n++
	}
	return changes[:n]
}
