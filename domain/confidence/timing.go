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
// keep the template's legal intervals.
func remainingPlan(in *Input, p *Params, asIdx, closeIdx int) plan {
	ms := in.Milestones
	n := len(ms)
	pl := plan{stretch: stretchOf(ms, p), early: p.SigmaEarlyRatio}
	if n == 0 {
		pl.median = max(0, wdOf(in.Deal.TargetClose)-asIdx)
		pl.sigma = p.SigmaMax
		return pl
	}
	idx := indexer(ms)
	rules := LegalRules(in.Deal.TemplateKey)
	edges := 0
	for i := range ms {
		edges += len(ms[i].DependsOn)
	}
	// One scratch block: the dependency graph (offsets and targets), the order, planned
	// start/finish, legal start/finish, each rule's two steps, a stack.
	buf := make([]int, (n+1)+edges+n+4*n+2*len(rules)+n)
	off, buf := buf[:n+1], buf[n+1:]
	to, buf := buf[:0:edges], buf[edges:]
	for i := range ms {
		off[i] = len(to)
		for _, d := range ms[i].DependsOn {
			if j := idx(d, i); j >= 0 && j != i {
				to = append(to, j)
			}
		}
	}
	off[n] = len(to)
	deps := func(i int) []int { return to[off[i]:off[i+1]] }
	flags := make([]bool, 3*n) // placed, seen, visited
	order, buf := topoOrder(n, deps, buf[:0:n], flags[:n]), buf[n:]
	ps, pf, ls, lf, buf := buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:4*n], buf[4*n:]
	ruleFrom, ruleTo, buf := buf[:len(rules)], buf[len(rules):2*len(rules)], buf[2*len(rules):]
	stack := buf[:0:n]
	for k, r := range rules {
		ruleFrom[k], ruleTo[k] = keyIndex(ms, r.From.Key), keyIndex(ms, r.To.Key)
	}
	seen := flags[n:]
	// floors raises the To anchor at edge of step i to what each rule allows.
	floors := func(i int, edge Edge, planned, legal int) (int, int) {
		for k, r := range rules {
			j := ruleFrom[k]
			if ruleTo[k] != i || r.To.Edge != edge || j < 0 || !seen[j] {
				continue
			}
			src, lsrc := ps, ls
			if r.From.Edge == Finish {
				src, lsrc = pf, lf
			}
			if f := legalFloor(r, src[j], asIdx); f > planned {
				planned, pl.floorBinds = f, true
			}
			legal = max(legal, legalFloor(r, lsrc[j], asIdx))
		}
		return planned, legal
	}
	for _, i := range order {
		m := &ms[i]
		seen[i] = true
		if m.finished() {
			ps[i] = wdOf(m.PlannedStart) - asIdx
			ls[i] = ps[i]
			end := m.PlannedDue
			if m.Status == StatusDone && !m.CompletedOn.IsZero() {
				end = m.CompletedOn
			}
			pf[i] = wdOf(end) - asIdx
			lf[i] = pf[i]
			continue
		}
		es, el := 0, 0
		for _, j := range deps(i) {
			es = max(es, pf[j]+1)
			el = max(el, lf[j]+1)
		}
		start, due := wdOf(m.PlannedStart)-asIdx, wdOf(m.PlannedDue)-asIdx
		dur := due - start + 1
		if m.Status == StatusInProgress {
			dur = due - max(0, start) + 1
		} else if p.RespectPlanStarts {
			es = max(es, start)
		}
		dur = max(1, dur)
		if m.Status == StatusBlocked {
			dur += p.BlockedExtraDays
		}
		stretched := int(math.Ceil(float64(dur)*pl.stretch - 1e-9))
		ruled := false // some legal rule ends at this step
		for _, t := range ruleTo {
			ruled = ruled || t == i
		}
		if ruled {
			es, el = floors(i, Start, es, el)
		}
		// A rule may run from this step's own start: its place on the path, or, once it is
		// under way, its planned start.
		ps[i], ls[i] = es, el
		if m.Status == StatusInProgress {
			ps[i], ls[i] = min(es, start), min(el, start)
		}
		ef, elf := es+max(1, stretched)-1, el
		if ruled {
			ef, elf = floors(i, Finish, ef, elf)
		}
		pf[i], lf[i] = ef, elf
	}
	c := closeIdx
	if ms[c].finished() {
		return pl // closes now: median 0, σ 0
	}
	pl.legal = max(0, lf[c])
	pl.median = max(pl.legal, pf[c])
	// Steps left on the path to the close: σ narrows as they are done.
	left := 0
	stack = append(stack, c)
	visited := flags[2*n:]
	visited[c] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ms[i].finished() {
			continue
		}
		left++
		if ms[i].Status == StatusBlocked {
			pl.blocked++
		}
		for _, j := range deps(i) {
			if !visited[j] {
				visited[j] = true
				stack = append(stack, j)
			}
		}
	}
	pl.sigma = math.Min(p.SigmaMax, p.SigmaPerStep*math.Sqrt(float64(left)))
	return pl
}

// legalFloor is the earliest offset rule r allows for its To anchor when its From
// anchor is at offset from.
func legalFloor(r Rule, from, asIdx int) int {
	if r.WorkingDays {
		return from + r.MinimumDays
	}
	return wdCeil(wdDay(from+asIdx)+r.MinimumDays) - asIdx
}

// keyIndex is the first step with key that is not skipped, or -1.
func keyIndex(ms []Milestone, key string) int {
	for i := range ms {
		if ms[i].Key == key && ms[i].Status != StatusSkipped {
			return i
		}
	}
	return -1
}

// indexer finds a milestone's index by id (-1 when absent); from is the dependent's
// index: dependencies usually come just before it in the plan, so the search starts there.
func indexer(ms []Milestone) func(id string, from int) int {
	if len(ms) <= 32 {
		return func(id string, from int) int {
			for j := from - 1; j >= 0; j-- {
				if ms[j].ID == id {
					return j
				}
			}
			for j := from + 1; j < len(ms); j++ {
				if ms[j].ID == id {
					return j
				}
			}
			return -1
		}
	}
	byID := make(map[string]int, len(ms))
	for i := range ms {
		byID[ms[i].ID] = i
	}
	return func(id string, _ int) int {
		if i, ok := byID[id]; ok {
			return i
		}
		return -1
	}
}

// topoOrder orders milestones dependencies first into order (Kahn); milestones caught
// in a cycle, which the plan rules forbid, follow in input order.
func topoOrder(n int, deps func(int) []int, order []int, placed []bool) []int {
	for len(order) < n {
		progressed := false
		for i := 0; i < n; i++ {
			if placed[i] {
				continue
			}
			ready := true
			for _, j := range deps(i) {
				if !placed[j] {
					ready = false
					break
				}
			}
			if ready {
				placed[i], progressed = true, true
				order = append(order, i)
			}
		}
		if !progressed { // a cycle: place the first unplaced
			for i := 0; i < n; i++ {
				if !placed[i] {
					placed[i] = true
					order = append(order, i)
					break
				}
			}
		}
	}
	return order
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
