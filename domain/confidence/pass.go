package confidence

import "math"

// pass is the forward pass over one deal's plan, in working-day offsets from the
// as-of date: for each milestone its planned start and finish (ps, pf) and its
// legal-minimum start and finish (ls, lf).
type pass struct {
	ms               []Milestone
	g                graph
	p                *Params
	rules            []Rule
	ruleFrom, ruleTo []int // each rule's two steps, -1 when missing
	asIdx            int
	stretch          float64
	ps, pf, ls, lf   []int
	placed           []bool
	floorBinds       bool // a legal floor moved the planned path
}

// newPass lays its arrays out in ints (4n + 2 per rule) and placed (n).
func newPass(ms []Milestone, g graph, p *Params, rules []Rule, asIdx int, stretch float64, ints []int, placed []bool) pass {
	n := len(ms)
	f := pass{ms: ms, g: g, p: p, rules: rules, asIdx: asIdx, stretch: stretch, placed: placed,
		ps: ints[:n], pf: ints[n : 2*n], ls: ints[2*n : 3*n], lf: ints[3*n : 4*n],
		ruleFrom: ints[4*n : 4*n+len(rules)], ruleTo: ints[4*n+len(rules) : 4*n+2*len(rules)]}
	for k, r := range rules {
		f.ruleFrom[k], f.ruleTo[k] = keyIndex(ms, r.From.Key), keyIndex(ms, r.To.Key)
	}
	return f
}

// place computes step i's dates once its dependencies are placed. Finished steps sit
// where they happened. An open step starts no earlier than the as-of date, the day after
// its dependencies and (unless under way, or RespectPlanStarts is off) its planned start;
// it lasts its planned working days (from the as-of date when under way; more when
// blocked) times the stretch; legal rules ending at it hold it back.
func (f *pass) place(i int) {
	m, p := &f.ms[i], f.p
	f.placed[i] = true
	if m.finished() {
		end := m.PlannedDue
		if m.Status == StatusDone && !m.CompletedOn.IsZero() {
			end = m.CompletedOn
		}
		f.ps[i] = wdOf(m.PlannedStart) - f.asIdx
		f.pf[i] = wdOf(end) - f.asIdx
		f.ls[i], f.lf[i] = f.ps[i], f.pf[i]
		return
	}
	es, el := 0, 0
	for _, j := range f.g.deps(i) {
		es = max(es, f.pf[j]+1)
		el = max(el, f.lf[j]+1)
	}
	start, due := wdOf(m.PlannedStart)-f.asIdx, wdOf(m.PlannedDue)-f.asIdx
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
	stretched := max(1, int(math.Ceil(float64(dur)*f.stretch-1e-9)))
	ruled := false // some legal rule ends at this step
	for _, t := range f.ruleTo {
		ruled = ruled || t == i
	}
	if ruled {
		es, el = f.floors(i, Start, es, el)
	}
	// A rule may run from this step's own start: its place on the path, or, once it is
	// under way, its planned start.
	f.ps[i], f.ls[i] = es, el
	if m.Status == StatusInProgress {
		f.ps[i], f.ls[i] = min(es, start), min(el, start)
	}
	ef, elf := es+stretched-1, el
	if ruled {
		ef, elf = f.floors(i, Finish, ef, elf)
	}
	f.pf[i], f.lf[i] = ef, elf
}

// floors raises step i's anchor at edge to what each legal rule ending there allows,
// on the planned and on the legal-minimum path.
func (f *pass) floors(i int, edge Edge, planned, legal int) (int, int) {
	for k, r := range f.rules {
		j := f.ruleFrom[k]
		if f.ruleTo[k] != i || r.To.Edge != edge || j < 0 || !f.placed[j] {
			continue
		}
		src, lsrc := f.ps, f.ls
		if r.From.Edge == Finish {
			src, lsrc = f.pf, f.lf
		}
		if v := legalFloor(r, src[j], f.asIdx); v > planned {
			planned, f.floorBinds = v, true
		}
		legal = max(legal, legalFloor(r, lsrc[j], f.asIdx))
	}
	return planned, legal
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
