package confidence

import "math"

// explainer collects factors and notes with their details in one block of memory, so
// a deal costs one allocation for its explanation (the engine runs over whole books).
type explainer struct {
	factors []Factor
	notes   []Note
	arena   []Param
}

// explanation is the memory an explainer fills; its sizes fit every factor and note
// (a longer list would still work, in memory of its own).
type explanation struct {
	factors [11]Factor
	notes   [6]Note
	params  [24]Param
}

func newExplainer() *explainer {
	b := new(explanation)
	return &explainer{factors: b.factors[:0], notes: b.notes[:0], arena: b.params[:0]}
}

func (e *explainer) detail(ps []Param) []Param {
	start := len(e.arena)
	e.arena = append(e.arena, ps...)
	return e.arena[start:len(e.arena):len(e.arena)]
}

// add records a factor's log-odds term unless it is zero; attribute fills in its
// contribution.
func (e *explainer) add(key string, lo float64, detail ...Param) {
	if lo != 0 {
		e.factors = append(e.factors, Factor{Key: key, LogOdds: lo, Detail: e.detail(detail)})
	}
}

// note records a timing note.
func (e *explainer) note(key string, detail ...Param) {
	e.notes = append(e.notes, Note{Key: key, Detail: e.detail(detail)})
}

// pwinTerms adds the log-odds terms of an open deal in attribution order — the plan,
// the people, the reviews; terms that are zero are left out.
func pwinTerms(ts *explainer, in *Input, p *Params, asDay int, closeIdx int) {
	planTerms(ts, in, p, closeIdx)
	peopleTerms(ts, in, p, asDay)
	reviewTerms(ts, in, p, asDay)
}

// planTerms: progress (the weighted share done, gates counting GateFactor times), the
// close milestone's slip against its baseline, and blocked milestones.
func planTerms(ts *explainer, in *Input, p *Params, closeIdx int) {
	var done, total float64
	var gatesDone, gates, blocked float64
	for i := range in.Milestones {
		m := &in.Milestones[i]
		if m.Status == StatusSkipped {
			continue
		}
		if m.Status == StatusBlocked {
			blocked++
		}
		w := float64(m.Weight)
		if m.Gate {
			w *= p.GateFactor
			gates++
		}
		total += w
		if m.Status == StatusDone {
			done += w
			if m.Gate {
				gatesDone++
			}
		}
	}
	if total > 0 {
		share := done / total
		ts.add(FactorProgress, p.ProgressLogOdds*share, number("share", share),
			number("gates_done", gatesDone), number("gates", gates))
	}
	if closeIdx >= 0 {
		m := &in.Milestones[closeIdx]
		if !m.BaselineDue.IsZero() {
			if slip := wdOf(m.PlannedDue) - wdOf(m.BaselineDue); slip > 0 {
				lo := math.Min(p.SlipLogOddsPer10Days*float64(slip)/10, p.SlipMaxLogOdds)
				ts.add(FactorSlippage, -lo, number("working_days", float64(slip)))
			}
		}
	}
	ts.add(FactorBlocked, math.Max(blocked*p.BlockedLogOdds, -p.BlockedMaxLogOdds), number("count", blocked))
}

// peopleTerms: the decisive roles' stances weighted by influence, a missing decision
// maker, a champion, stale contact and overdue next steps.
func peopleTerms(ts *explainer, in *Input, p *Params, asDay int) {
	var dm, eb float64
	var nDM, nEB float64
	champion := false
	var stale, staleN, overdue float64
	for i := range in.Stakeholders {
		s := &in.Stakeholders[i]
		inf := float64(s.Influence) / 5
		switch s.DecisionRole {
		case RoleDecisionMaker:
			dm += p.StanceScore[s.Stance] * inf
			nDM++
		case RoleEconomicBuyer:
			eb += p.StanceScore[s.Stance] * inf
			nEB++
		}
		champion = champion || s.Stance == StanceChampion
		if s.LastContactOn.IsZero() || asDay-dayNum(s.LastContactOn) > p.StaleContactDays {
			stale += inf
			staleN++
		}
		if s.NextStep != "" && !s.NextStepDue.IsZero() && dayNum(s.NextStepDue) < asDay {
			overdue++
		}
	}
	ts.add(FactorDecisionMaker, clamp(dm*p.DecisionMakerLogOdds, -p.StanceMaxLogOdds, p.StanceMaxLogOdds),
		number("people", nDM), number("score", dm))
	ts.add(FactorEconomicBuyer, clamp(eb*p.EconomicBuyerLogOdds, -p.StanceMaxLogOdds, p.StanceMaxLogOdds),
		number("people", nEB), number("score", eb))
	if nDM == 0 {
		ts.add(FactorNoDecisionMaker, p.NoDecisionMakerLogOdds)
	}
	if champion {
		ts.add(FactorChampion, p.ChampionLogOdds)
	}
	ts.add(FactorStaleContact, math.Max(stale*p.StaleContactLogOdds, -p.StaleContactMaxLogOdds),
		number("people", staleN), number("days", float64(p.StaleContactDays)))
	ts.add(FactorOverdueNextStep, math.Max(overdue*p.OverdueNextStepLogOdds, -p.OverdueNextStepMaxLogOdds),
		number("count", overdue))
}

// reviewTerms: the last retrospective held by the as-of date, and overdue actions.
func reviewTerms(ts *explainer, in *Input, p *Params, asDay int) {
	last := -1
	for i, r := range in.Retrospectives {
		if d := dayNum(r.HeldOn); d <= asDay && (last < 0 || d >= dayNum(in.Retrospectives[last].HeldOn)) {
			last = i
		}
	}
	if last >= 0 {
		r := in.Retrospectives[last]
		ts.add(FactorRetrospective, p.RetroLogOdds[r.Outcome], text("outcome", r.Outcome), dateAt("held_on", r.HeldOn))
	}

	var overdueActions float64
	for _, a := range in.Actions {
		if a.Status == "open" && dayNum(a.DueOn) < asDay {
			overdueActions++
		}
	}
	ts.add(FactorOverdueActions, math.Max(overdueActions*p.OverdueActionLogOdds, -p.OverdueActionMaxLogOdds),
		number("count", overdueActions))
}

// noGo reports the gate whose latest decision by the as-of date is no-go, if any.
func noGo(ds []GateDecision, asDay int) (string, bool) {
	for i, d := range ds {
		if d.Decision != "no_go" || dayNum(d.DecidedOn) > asDay {
			continue
		}
		latest := true
		for j, e := range ds {
			if j != i && e.MilestoneID == d.MilestoneID && dayNum(e.DecidedOn) <= asDay &&
				(dayNum(e.DecidedOn) > dayNum(d.DecidedOn) || (dayNum(e.DecidedOn) == dayNum(d.DecidedOn) && j > i)) {
				latest = false
				break
			}
		}
		if latest {
			return d.MilestoneID, true
		}
	}
	return "", false
}

// attribute fills in the factors' contributions: applied in order, each factor gets
// the change in probability its term causes, so Base + Σ contributions telescopes to
// the returned PWin.
func attribute(base float64, fs []Factor) float64 {
	l, prev := logit(base), base
	for i := range fs {
		l += fs[i].LogOdds
		cur := sigmoid(l)
		fs[i].Contribution = cur - prev
		prev = cur
	}
	return prev
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
