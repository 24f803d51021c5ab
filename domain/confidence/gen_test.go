package confidence

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Generated deals for the property tests and the benchmark: plans from the built-in
// templates or random dependency graphs, progress, slip, people, reviews and decisions
// in every combination, some of them inconsistent on purpose (a no-go on a done gate,
// a completion after the as-of date).

var (
	g2bPlan = templatePlan("g2b", date("2025-01-06"))
	kaPlan  = templatePlan("key_account", date("2025-01-06"))
	roles   = []string{RoleDecisionMaker, RoleEconomicBuyer, "technical_evaluator", "user", "influencer", "gatekeeper", "coach"}
	stances = []string{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceBlocker}
	outcome = []string{"on_track", "at_risk", "off_track"}
)

func days(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// genPlan lays out a plan starting on start: a template's (shifted) or a random graph.
func genPlan(r *rand.Rand, start time.Time, size int) ([]Milestone, string) {
	switch r.IntN(3) {
	case 0, 1:
		src, key := g2bPlan, "g2b"
		if r.IntN(2) == 0 {
			src, key = kaPlan, "key_account"
		}
		shift := dayNum(start) - dayNum(src[0].PlannedStart)
		ms := make([]Milestone, len(src))
		for i, m := range src {
			m.PlannedStart, m.PlannedDue = days(m.PlannedStart, shift), days(m.PlannedDue, shift)
			m.BaselineStart, m.BaselineDue = m.PlannedStart, m.PlannedDue
			ms[i] = m
		}
		return ms, key
	}
	n := 1 + r.IntN(size)
	ms := make([]Milestone, n)
	closeAt := r.IntN(n)
	for i := range ms {
		m := Milestone{ID: fmt.Sprint(i), Weight: r.IntN(26), Gate: r.IntN(5) < 2, Status: StatusPlanned}
		if i == closeAt && r.IntN(4) > 0 {
			m.Key = KeyContractSigned
		}
		begin := start
		for j := 0; j < i; j++ {
			if r.IntN(4) == 0 || (j == i-1 && r.IntN(2) == 0) {
				m.DependsOn = append(m.DependsOn, ms[j].ID)
				if after := days(ms[j].PlannedDue, 1); after.After(begin) {
					begin = after
				}
			}
		}
		m.PlannedStart = begin
		m.PlannedDue = days(begin, r.IntN(40))
		m.BaselineStart, m.BaselineDue = m.PlannedStart, m.PlannedDue
		if r.IntN(5) == 0 {
			m.BaselineStart, m.BaselineDue = time.Time{}, time.Time{}
		}
		ms[i] = m
	}
	return ms, ""
}

// genInput is one random deal as of a random date, for a random period around it.
func genInput(r *rand.Rand, size int) Input {
	start := days(date("2025-01-01"), r.IntN(500))
	ms, tpl := genPlan(r, start, size)
	asOf := days(start, r.IntN(400))
	for i := range ms {
		m := &ms[i]
		if r.IntN(3) == 0 { // replanned later than the baseline
			shift := r.IntN(30)
			m.PlannedStart, m.PlannedDue = days(m.PlannedStart, shift), days(m.PlannedDue, shift+r.IntN(10))
		}
		switch {
		case m.PlannedDue.Before(asOf) && r.IntN(5) > 0:
			m.Status, m.CompletedOn = StatusDone, days(m.PlannedDue, r.IntN(25)-5)
		case !m.PlannedStart.After(asOf) && r.IntN(2) == 0:
			m.Status = StatusInProgress
		default:
			m.Status = []string{StatusPlanned, StatusPlanned, StatusPlanned, StatusBlocked, StatusSkipped}[r.IntN(5)]
		}
	}
	in := Input{
		Deal: Deal{Status: DealOpen, AmountMinor: int64(r.IntN(1e9)), TargetClose: days(start, 60+r.IntN(300)),
			Segment: "g2b", TemplateKey: tpl},
		Milestones: ms,
		AsOf:       asOf,
	}
	if k := r.IntN(20); k < 3 {
		in.Deal.Status = []string{DealWon, DealLost, DealAbandoned}[k]
		in.Deal.ClosedOn = days(asOf, -r.IntN(60))
	}
	for range r.IntN(2 * size / 5) {
		s := Stakeholder{DecisionRole: roles[r.IntN(len(roles))], Influence: 1 + r.IntN(5), Stance: stances[r.IntN(len(stances))],
			RelationshipStrength: 1 + r.IntN(5)}
		if r.IntN(6) > 0 {
			s.LastContactOn = days(asOf, -r.IntN(90))
		}
		if r.IntN(2) == 0 {
			s.NextStep, s.NextStepDue = "call", days(asOf, r.IntN(40)-20)
		}
		in.Stakeholders = append(in.Stakeholders, s)
	}
	for range r.IntN(4) {
		in.Retrospectives = append(in.Retrospectives, Retrospective{HeldOn: days(asOf, 10-r.IntN(120)), Outcome: outcome[r.IntN(3)]})
	}
	for range r.IntN(6) {
		in.Actions = append(in.Actions, Action{DueOn: days(asOf, r.IntN(60)-30), Status: []string{"open", "done"}[r.IntN(2)]})
	}
	if r.IntN(10) == 0 && len(ms) > 0 {
		d := []string{"go", "no_go"}[r.IntN(2)]
		in.GateDecisions = append(in.GateDecisions, GateDecision{MilestoneID: ms[r.IntN(len(ms))].ID, Decision: d, DecidedOn: days(asOf, -r.IntN(30))})
	}
	q := time.Date(asOf.Year(), ((asOf.Month()-1)/3)*3+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*(r.IntN(5)-1), 0)
	in.Period = Period{From: q, To: q.AddDate(0, 3, 0)}
	return in
}
