package deals

import "time"

// CloseGate is the milestone whose date closes the deal: the contract signing, else the
// plan's last gate (the one due last; later in plan order on a tie). Nil when the plan
// has neither.
func CloseGate(plan []Milestone) *Milestone {
	var last *Milestone
	for i := range plan {
		m := &plan[i]
		if m.Key == KeyContractSigned {
			return m
		}
		if m.Gate && (last == nil || !m.PlannedDue.Before(last.PlannedDue)) {
			last = m
		}
	}
	return last
}

// TargetConflict is a plan whose close gate falls after the deal's target close date.
type TargetConflict struct {
	Gate      Milestone
	DaysAfter int // calendar days from the target close to the gate's due date
}

// PlanAfterTarget reports whether the plan's close gate (CloseGate) is due after target:
// nil when it is not, when there is no close gate, or when it is done or skipped already.
func PlanAfterTarget(plan []Milestone, target time.Time) *TargetConflict {
	gate := CloseGate(plan)
	if gate == nil || gate.Finished() {
		return nil
	}
	days := DaysAfterTarget(&gate.PlannedDue, target)
	if days == nil {
		return nil
	}
	return &TargetConflict{Gate: *gate, DaysAfter: *days}
}

// DaysAfterTarget is how many calendar days an open close gate's due date lies after
// the target close date; nil when it lies on or before it (or there is none). The deals
// list reads the close gate's due date in its own query and asks this.
func DaysAfterTarget(gateDue *time.Time, target time.Time) *int {
	if gateDue == nil {
		return nil
	}
	days := CalendarDaysBetween(Day(target), Day(*gateDue))
	if days <= 0 {
		return nil
	}
	return &days
}

// TemplateTargetCheck is what New deal shows before a deal is created: where the
// template's close gate would fall from start, and how to make plan and target agree.
type TemplateTargetCheck struct {
	// Gate is the laid-out close gate; nil when the template has none.
	Gate *Milestone
	// DaysAfter: calendar days the gate falls after the target close (0: it does not).
	DaysAfter int
	// StartToMeet is the latest start date whose plan meets the target (set only when
	// DaysAfter > 0); the other way out is to move the target close to Gate's due date.
	StartToMeet *time.Time
}

// CheckTarget lays the template out from start and compares its close gate with target.
func (t Template) CheckTarget(start, target time.Time) TemplateTargetCheck {
	gate := CloseGate(t.LayOut(start))
	if gate == nil {
		return TemplateTargetCheck{}
	}
	out := TemplateTargetCheck{Gate: gate}
	days := DaysAfterTarget(&gate.PlannedDue, target)
	if days == nil {
		return out
	}
	out.DaysAfter = *days
	// Moving the start by the slip in calendar days moves the gate by about as much
	// (working days round it); step back day by day from there until the gate meets the
	// target. The plan's length bounds the steps: a week of weekends at most.
	s := Day(start).AddDate(0, 0, -*days)
	for range 14 {
		if g := CloseGate(t.LayOut(s)); !g.PlannedDue.After(Day(target)) {
			break
		}
		s = s.AddDate(0, 0, -1)
	}
	out.StartToMeet = &s
	return out
}

// PlanAfterTarget is PlanAfterTarget(plan, d.TargetCloseDate) for an open deal; a won,
// lost or abandoned deal's plan no longer has to meet its target.
func (d Deal) PlanAfterTarget(plan []Milestone) *TargetConflict {
	if d.Status != DealOpen {
		return nil
	}
	return PlanAfterTarget(plan, d.TargetCloseDate)
}

// CloseGateAfterTarget is how many days a listed open deal's close gate (CloseGateDue)
// falls after its target close; nil when it does not.
func (d Deal) CloseGateAfterTarget() *int {
	if d.Status != DealOpen {
		return nil
	}
	return DaysAfterTarget(d.CloseGateDue, d.TargetCloseDate)
}
