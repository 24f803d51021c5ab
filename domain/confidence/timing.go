package confidence

import "math"

// z80 is the standard normal's 80th percentile.
const z80 = 0.8416212335729143

// plan is the remaining plan of an open deal, in working days after the as-of date
// (offset 0 is the as-of date, rolled forward to a working day).
type plan struct {
	median     int     // planned finish of the close milestone, stretched and floored
	legal      int     // the earliest finish the law allows (each open step ≥ 1 day)
	sigma      float64 // σ of log(remaining duration) on the late side
	early      float64 // the early side's σ as a share of sigma
	stretch    float64
	floorBinds bool // a legal floor moved the planned path
	blocked    int  // blocked milestones on the path
}

// closeIndex picks the milestone whose finish closes the deal: the contract-signing
// step, else the last gate, else the last milestone; -1 without milestones.
func closeIndex(ms []Milestone) int {
	gate := -1
	for i := range ms {
		m := &ms[i]
		if m.Key == KeyContractSigned {
			return i
		}
		if m.Gate {
			gate = i
		}
	}
	if gate < 0 {
		return len(ms) - 1
	}
	return gate
}

// stretchOf is this deal's own slip so far: actual against baseline duration of its
// finished milestones, shrunk towards 1 by a prior of StretchPriorDays, bounded.
func stretchOf(ms []Milestone, p *Params) float64 {
	actual, baseline := p.StretchPriorDays, p.StretchPriorDays
	for i := range ms {
		m := &ms[i]
		if m.Status != StatusDone || m.CompletedOn.IsZero() || m.BaselineDue.IsZero() {
			continue
		}
		start := m.BaselineStart
		if start.IsZero() {
			start = m.PlannedStart
		}
		b := wdOf(m.BaselineDue) - wdOf(start) + 1
		if b < 1 {
			b = 1
		}
		a := wdOf(m.CompletedOn) - wdOf(m.PlannedStart) + 1
		if a < 0 {
			a = 0
		}
		actual += float64(a)
		baseline += float64(b)
	}
	if baseline <= 0 {
		return 1
	}
	return clamp(actual/baseline, p.StretchMin, p.StretchMax)
}

// remainingPlan runs the dependency-aware forward pass over the unfinished milestones
// twice: as planned (each step its planned working days × stretch, not before its
// planned start) and at the legal minimum (each step one day, no planned starts); both
// keep the template's legal intervals. σ follows the steps left on the path to the close.
func remainingPlan(in *Input, p *Params, asIdx, closeIdx int) plan {
	ms := in.Milestones
	n := len(ms)
	pl := plan{stretch: stretchOf(ms, p), early: p.SigmaEarlyRatio}
	if n == 0 {
		pl.median = max(0, wdOf(in.Deal.TargetClose)-asIdx)
		pl.sigma = p.SigmaMax
		return pl
	}
	rules := LegalRules(in.Deal.TemplateKey)
	edges := 0
	for i := range ms {
		edges += len(ms[i].DependsOn)
	}
	// One block of integers and one of flags hold all the scratch of a deal.
	ints := make([]int, (n+1)+edges+n+4*n+2*len(rules)+n)
	flags := make([]bool, 3*n)
	g, ints := newGraph(ms, ints)
	order, ints := g.order(ints[:0:n], flags[:n]), ints[n:]
	f := newPass(ms, g, p, rules, asIdx, pl.stretch, ints, flags[n:2*n])
	for _, i := range order {
		f.place(i)
	}
	pl.floorBinds = f.floorBinds
	c := closeIdx
	if ms[c].finished() {
		return pl // closes now: median 0, σ 0
	}
	pl.legal = max(0, f.lf[c])
	pl.median = max(pl.legal, f.pf[c])
	left, blocked := g.openAncestors(ms, c, ints[len(ints)-n:len(ints)-n], flags[2*n:])
	pl.blocked = blocked
	pl.sigma = math.Min(p.SigmaMax, p.SigmaPerStep*math.Sqrt(float64(left)))
	return pl
}

// cdf is P(close offset ≤ k): the close offset is max(legal, ⌊Y⌋) with
// Y = (median + ½)·exp(σZ) — a two-piece lognormal whose early side has σ·early, since
// plans finish late more often than early — so the median offset is the planned one and
// no close comes before the legal floor.
func (pl plan) cdf(k int) float64 {
	if k < pl.legal {
		return 0
	}
	if pl.sigma == 0 {
		if k >= pl.median {
			return 1
		}
		return 0
	}
	z := math.Log(float64(k)+1) - math.Log(float64(pl.median)+0.5)
	if z < 0 {
		return normCDF(z / (pl.sigma * pl.early))
	}
	return normCDF(z / pl.sigma)
}

// p80 is the smallest offset k with cdf(k) ≥ 0.8.
func (pl plan) p80() int {
	if pl.sigma == 0 {
		return pl.median
	}
	k := int(math.Ceil((float64(pl.median)+0.5)*math.Exp(pl.sigma*z80) - 1))
	for k > pl.median && pl.cdf(k-1) >= 0.8 {
		k--
	}
	for pl.cdf(k) < 0.8 {
		k++
	}
	return max(k, pl.median)
}

func normCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
