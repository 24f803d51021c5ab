package confidence

import "time"

// Compute runs the model on one deal: PWin from the factors, PInPeriod from the
// remaining plan, and the notes that explain the timing. It reads nothing but its
// arguments.
func Compute(in Input, p Params) Result {
	asIdx := wdOf(in.AsOf)
	asDay := dayNum(in.AsOf)
	base := clamp(p.Base, 1e-6, 1-1e-6)
	r := Result{Base: base}
	closeIdx := closeIndex(in.Milestones)

	switch in.Deal.Status {
	case DealWon:
		r.PWin = 1
		r.Factors = []Factor{{Key: FactorWon, Contribution: 1 - base}}
		closed := wonOn(in, closeIdx)
		r.ExpectedClose, r.CloseP80 = closed, closed
		if d := dayNum(closed); d >= dayNum(in.Period.From) && d < dayNum(in.Period.To) {
			r.PInPeriod = 1
		} else {
			r.Timing = []Note{{Key: NoteClosedOutside, Detail: []Param{dateAt("closed_on", closed)}}}
		}
		r.Confidence = r.PInPeriod
		return r
	case DealLost, DealAbandoned:
		r.Factors = []Factor{{Key: FactorLost, Contribution: -base}}
		r.Timing = []Note{{Key: NoteNotOpen}}
		return r
	}

	e := newExplainer()
	pwinTerms(e, &in, &p, asDay, closeIdx)
	pwin := attribute(base, e.factors)
	if gate, ok := noGo(in.GateDecisions, asDay); ok {
		e.factors = append(e.factors, Factor{Key: FactorNoGo, Contribution: -pwin, Detail: e.detail([]Param{text("milestone_id", gate)})})
		pwin = 0
	}
	r.PWin, r.Factors = pwin, e.factors

	pl := remainingPlan(&in, &p, asIdx, closeIdx)
	na, nb := wdOf(in.Period.From)-asIdx, wdOf(in.Period.To)-asIdx
	r.PInPeriod = clamp(pl.cdf(nb-1)-pl.cdf(na-1), 0, 1)
	r.Confidence = r.PWin * r.PInPeriod
	r.ExpectedClose = wdTime(asIdx + pl.median)
	r.CloseP80 = wdTime(asIdx + pl.p80())
	timingNotes(e, &in, pl, &r, asIdx)
	r.Timing = e.notes
	return r
}

// wonOn is a won deal's close date: ClosedOn, else the contract milestone's completion,
// else the target close date.
func wonOn(in Input, closeIdx int) time.Time {
	if !in.Deal.ClosedOn.IsZero() {
		return in.Deal.ClosedOn
	}
	if closeIdx >= 0 && !in.Milestones[closeIdx].CompletedOn.IsZero() {
		return in.Milestones[closeIdx].CompletedOn
	}
	return in.Deal.TargetClose
}

// timingNotes says why PInPeriod is what it is.
func timingNotes(e *explainer, in *Input, pl plan, r *Result, asIdx int) {
	exp := dateAt("expected_close", r.ExpectedClose)
	if !in.Deal.TargetClose.IsZero() && dayNum(r.ExpectedClose) > dayNum(in.Deal.TargetClose) {
		e.note(NoteAfterTarget, exp, dateAt("target_close", in.Deal.TargetClose),
			number("working_days_late", float64(asIdx+pl.median-wdOf(in.Deal.TargetClose))))
	}
	if dayNum(r.ExpectedClose) >= dayNum(in.Period.To) {
		e.note(NoteAfterPeriod, exp, dateAt("period_end", in.Period.To.AddDate(0, 0, -1)))
	} else if dayNum(r.ExpectedClose) < dayNum(in.Period.From) {
		e.note(NoteBeforePeriod, exp, dateAt("period_start", in.Period.From))
	}
	if pl.floorBinds {
		e.note(NoteLegalFloor, dateAt("legal_earliest", wdTime(asIdx+pl.legal)))
	}
	if pl.stretch > 1.005 {
		e.note(NoteStretched, number("stretch", pl.stretch))
	}
	if pl.blocked > 0 {
		e.note(NoteBlocked, number("count", float64(pl.blocked)))
	}
}
