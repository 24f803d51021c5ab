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
			r.Timing = []Note{{Key: NoteClosedOutside, Detail: []Param{{Name: "closed_on", Text: dateText(closed)}}}}
		}
		r.Confidence = r.PInPeriod
		return r
	case DealLost, DealAbandoned:
		r.Factors = []Factor{{Key: FactorLost, Contribution: -base}}
		r.Timing = []Note{{Key: NoteNotOpen}}
		return r
	}

	pwin, factors := attribute(base, pwinTerms(&in, &p, asDay, closeIdx))
	if gate, ok := noGo(in.GateDecisions, asDay); ok {
		factors = append(factors, Factor{Key: FactorNoGo, Contribution: -pwin, Detail: []Param{{Name: "milestone_id", Text: gate}}})
		pwin = 0
	}
	r.PWin, r.Factors = pwin, factors

	pl := remainingPlan(&in, &p, asIdx, closeIdx)
	na, nb := wdOf(in.Period.From)-asIdx, wdOf(in.Period.To)-asIdx
	r.PInPeriod = clamp(pl.cdf(nb-1)-pl.cdf(na-1), 0, 1)
	r.Confidence = r.PWin * r.PInPeriod
	r.ExpectedClose = wdTime(asIdx + pl.median)
	r.CloseP80 = wdTime(asIdx + pl.p80())
	r.Timing = timingNotes(in, pl, r, asIdx)
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
func timingNotes(in Input, pl plan, r Result, asIdx int) []Note {
	var notes []Note
	exp := Param{Name: "expected_close", Text: dateText(r.ExpectedClose)}
	if !in.Deal.TargetClose.IsZero() && dayNum(r.ExpectedClose) > dayNum(in.Deal.TargetClose) {
		notes = append(notes, Note{Key: NoteAfterTarget, Detail: []Param{exp,
			{Name: "target_close", Text: dateText(in.Deal.TargetClose)},
			{Name: "working_days_late", Value: float64(asIdx + pl.median - wdOf(in.Deal.TargetClose))}}})
	}
	if dayNum(r.ExpectedClose) >= dayNum(in.Period.To) {
		notes = append(notes, Note{Key: NoteAfterPeriod, Detail: []Param{exp,
			{Name: "period_end", Text: dateText(in.Period.To.AddDate(0, 0, -1))}}})
	} else if dayNum(r.ExpectedClose) < dayNum(in.Period.From) {
		notes = append(notes, Note{Key: NoteBeforePeriod, Detail: []Param{exp,
			{Name: "period_start", Text: dateText(in.Period.From)}}})
	}
	if pl.floorBinds {
		notes = append(notes, Note{Key: NoteLegalFloor, Detail: []Param{
			{Name: "legal_earliest", Text: dateText(wdTime(asIdx + pl.legal))}}})
	}
	if pl.stretch > 1.005 {
		notes = append(notes, Note{Key: NoteStretched, Detail: []Param{{Name: "stretch", Value: pl.stretch}}})
	}
	if pl.blocked > 0 {
		notes = append(notes, Note{Key: NoteBlocked, Detail: []Param{{Name: "count", Value: float64(pl.blocked)}}})
	}
	return notes
}
