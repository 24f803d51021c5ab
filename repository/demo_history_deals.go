package repository

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
)

// histSpec is one deal the demo's history simulates: a past deal closed in the last two
// years, or one of this week's (a deal won, one lost, one new).
type histSpec struct {
	name     string
	team     int // index in demoDealTeams
	customer int // index in demoCustomers
	// closeOn is the target close date; the plan is laid out so that its contract falls
	// about then.
	closeOn time.Time
	// outcome: "" draws won or lost from the deal's own confidence; deals.DealWon or
	// DealLost closes it on closedOn; deals.DealOpen keeps it open (created on created).
	outcome  deals.DealStatus
	closedOn time.Time
	created  time.Time
	// quality (0–1) leans the deal's people, slips and reviews towards a good or a poor deal.
	quality float64
	amount  int64
	// pushedOn, when set, is the day an open deal's unfinished steps and target close date
	// moved pushDays later (its snapshots up to that day show the plan before).
	pushedOn time.Time
	pushDays int
}

// histPerson is one of the customer's people on a simulated deal.
type histPerson struct {
	contact    pgtype.UUID
	name       string
	role       string
	influence  int
	stance     string
	strength   int
	contactGap int // days between contacts
	nextIn     int // days from a day to the next step's due date (negative: overdue)
}

// histRetro is a review held on a simulated deal with its actions' due and done dates.
type histRetro struct {
	milestone int
	held      time.Time
	outcome   string
	due, done []time.Time
}

// histDeal is a simulated deal: its plan, people and reviews over its life, from which
// the engine's input on any day of it is read (inputAt), and its rows.
type histDeal struct {
	spec       histSpec
	id         pgtype.UUID
	segment    deals.Segment
	members    [3]string // the deal team's emails: PMO, business, solution
	teamID     string
	template   deals.Template
	start      time.Time
	plan       []deals.Milestone
	baseline   [][2]time.Time
	completed  []time.Time // when each step was finished; zero: never
	contract   int
	status     deals.DealStatus
	reason     string
	closedOn   time.Time // the day it was won or lost; zero while open
	createdDay time.Time
	people     []histPerson
	retros     []histRetro
	category   string
	// planBefore and targetBefore are the plan and target before the push (spec.pushedOn).
	planBefore   []deals.Milestone
	targetBefore time.Time
}

// inputAt is the engine's input for the deal as it stood at the start of day: steps
// finished before it done, started ones in progress, the people as met, the reviews
// held before it.
func (d *histDeal) inputAt(day time.Time) confidence.Input {
	plan, target := d.plan, d.spec.closeOn
	if d.planBefore != nil && !day.After(d.spec.pushedOn) {
		plan, target = d.planBefore, d.targetBefore
	}
	in := confidence.Input{Deal: confidence.Deal{Status: confidence.DealOpen, AmountMinor: d.spec.amount,
		TargetClose: target, Segment: string(d.segment), TemplateKey: d.template.Key}}
	in.Milestones = make([]confidence.Milestone, len(plan))
	for j, m := range plan {
		cm := confidence.Milestone{ID: m.ID, Key: m.Key, Weight: m.Weight, Gate: m.Gate, PlannedStart: m.PlannedStart,
			PlannedDue: m.PlannedDue, BaselineStart: d.baseline[j][0], BaselineDue: d.baseline[j][1], DependsOn: m.DependsOn,
			Status: confidence.StatusPlanned}
		switch {
		case !d.completed[j].IsZero() && d.completed[j].Before(day):
			cm.Status, cm.CompletedOn = confidence.StatusDone, d.completed[j]
			if m.Status == deals.StatusSkipped {
				cm.Status = confidence.StatusSkipped
			}
		case !m.PlannedStart.After(day):
			cm.Status = confidence.StatusInProgress
		}
		in.Milestones[j] = cm
	}
	for _, p := range d.people {
		last := day.AddDate(0, 0, -p.contactGap)
		if last.Before(d.start) {
			last = d.start
		}
		in.Stakeholders = append(in.Stakeholders, confidence.Stakeholder{DecisionRole: p.role, Influence: p.influence,
			Stance: p.stance, RelationshipStrength: p.strength, LastContactOn: last, NextStep: "Follow-up meeting 跟进拜访",
			NextStepDue: day.AddDate(0, 0, p.nextIn)})
	}
	for _, r := range d.retros {
		if !r.held.Before(day) {
			continue
		}
		in.Retrospectives = append(in.Retrospectives, confidence.Retrospective{HeldOn: r.held, Outcome: r.outcome})
		for k := range r.due {
			status := "open"
			if r.done[k].Before(day) {
				status = "done"
			}
			in.Actions = append(in.Actions, confidence.Action{DueOn: r.due[k], Status: status})
		}
	}
	for j, m := range d.plan {
		if (m.Key == "bid_decision" || m.Key == "initiation") && !d.completed[j].IsZero() && d.completed[j].Before(day) {
			in.GateDecisions = append(in.GateDecisions, confidence.GateDecision{MilestoneID: m.ID, Decision: "go", DecidedOn: d.completed[j]})
		}
	}
	return in
}

// pWinAt is the engine's probability the deal is won, as of day.
func (d *histDeal) pWinAt(day time.Time) float64 {
	f := forecasts.Compute(forecasts.DealInput{Input: d.inputAt(day), Overrides: d.template.ConfidenceParams}, nil, day)
	return f.Result.PWin
}

// simulate lays out and plays the deal: its plan (slipped on poorer deals), when each
// step finished, its people and reviews; then, for a past deal, whether it was won —
// drawn from the engine's own confidence 90, 60 and 30 days before the target close —
// and, if lost, where it stopped.
func (w *histWorld) simulate(s histSpec) *histDeal {
	rng := w.rng
	team := demoDealTeams[s.team]
	d := &histDeal{spec: s, id: newUUID(), segment: team.segment, members: [3]string{team.pmo, team.am, team.solution},
		teamID: w.teamIDs[team.team], template: w.templates[team.template]}
	d.start = s.closeOn.AddDate(0, 0, -w.contractOffset[team.template]+rng.IntN(11)-5)
	plan := d.template.LayOut(d.start)
	d.baseline = make([][2]time.Time, len(plan))
	for j, m := range plan {
		d.baseline[j] = [2]time.Time{m.PlannedStart, m.PlannedDue}
		if m.Key == deals.KeyContractSigned {
			d.contract = j
		}
	}
	q := s.quality
	recent := s.outcome != ""
	if !recent && rng.Float64() > q { // a poorer deal slipped once, by up to a month
		k := rng.IntN(d.contract/2 + 1)
		slip := 5 + int(25*(1-q)*rng.Float64())
		plan = applyMoves(plan, deals.Reschedule(plan, plan[k].ID, plan[k].PlannedStart, deals.NextWorkingDay(plan[k].PlannedDue.AddDate(0, 0, slip))))
	}
	d.plan = plan
	d.completed = make([]time.Time, len(plan))
	for j, m := range plan {
		late := 0
		if !recent && rng.Float64() > q+0.25 {
			late = 1 + rng.IntN(12)
		}
		d.completed[j] = m.PlannedDue.AddDate(0, 0, late)
		if m.Key == "intention_published" && rng.IntN(3) == 0 {
			d.plan[j].Status = deals.StatusSkipped
		}
	}
	d.createdDay = d.start
	if !s.created.IsZero() {
		d.createdDay = deals.Day(s.created)
	}

	// The customer's people: the decision maker on nine deals of ten, stances leaning
	// with the deal's quality.
	people := w.contacts[s.customer]
	k := 4 + rng.IntN(5)
	order := rng.Perm(len(people))
	picked := []int{}
	if rng.IntN(10) > 0 {
		picked = append(picked, 0) // demoPeople[0] is the decision maker
	}
	for _, i := range order {
		if len(picked) < k && i != 0 {
			picked = append(picked, i)
		}
	}
	stances := []string{"champion", "supporter", "neutral", "skeptic", "blocker"}
	weights := []int{4 + int(26*q), 18 + int(17*q), 28, 28 - int(18*q), 16 - int(14*q)}
	for _, i := range picked {
		d.people = append(d.people, histPerson{contact: people[i].id, name: people[i].name, role: string(demoPeople[i].role),
			influence: max(1, demoPeople[i].influence-rng.IntN(2)), stance: stances[weighted(rng, weights)],
			strength: max(1, min(5, 1+int(q*4+rng.Float64()*1.5))), contactGap: 2 + rng.IntN(6+int(40*(1-q))),
			nextIn: int(20*q) - 8 + rng.IntN(12)})
	}
	// A review at a step past the middle on four deals of ten.
	if rng.IntN(10) < 4 {
		at := d.contract/3 + rng.IntN(d.contract/3+1)
		r := histRetro{milestone: at, held: d.completed[at].AddDate(0, 0, 1+rng.IntN(4)), outcome: "on_track"}
		switch x := q + 0.3*(rng.Float64()-0.5); {
		case x < 0.35:
			r.outcome = "off_track"
		case x < 0.6:
			r.outcome = "at_risk"
		}
		for range 1 + rng.IntN(2) {
			due := r.held.AddDate(0, 0, 7+rng.IntN(10))
			r.due = append(r.due, due)
			r.done = append(r.done, due.AddDate(0, 0, int(12*(1-q))-4+rng.IntN(5)))
		}
		d.retros = append(d.retros, r)
	}

	// The outcome.
	d.status, d.category = s.outcome, "pipeline"
	if s.outcome == "" {
		p := 0.0
		for _, lead := range []int{90, 60, 30} {
			day := s.closeOn.AddDate(0, 0, -lead)
			if day.Before(d.start.AddDate(0, 0, 7)) {
				day = d.start.AddDate(0, 0, 7)
			}
			p += d.pWinAt(day) / 3
		}
		d.status = deals.DealLost
		if rng.Float64() < p {
			d.status = deals.DealWon
		}
		if p >= 0.6 {
			d.category = "commit"
		} else if p >= 0.4 {
			d.category = "best_case"
		}
	}
	switch d.status {
	case deals.DealWon:
		d.closedOn = d.completed[d.contract]
		if !s.closedOn.IsZero() {
			d.closedOn = s.closedOn
			for j := range d.contract {
				if d.completed[j].After(s.closedOn) {
					d.completed[j] = s.closedOn
				}
			}
			d.completed[d.contract] = s.closedOn
		}
		for j := d.contract + 1; j < len(d.plan); j++ {
			d.completed[j] = time.Time{} // delivery after the contract is another project's
		}
	case deals.DealLost:
		// It stopped at the first step due in its last month: the steps from there on were
		// never finished, and it was lost a little after.
		stop := d.contract
		for j := 1; j < d.contract; j++ {
			if !d.plan[j].PlannedDue.Before(s.closeOn.AddDate(0, 0, -30)) {
				stop = j
				break
			}
		}
		for j := stop; j < len(d.plan); j++ {
			d.completed[j] = time.Time{}
		}
		d.closedOn = d.plan[stop].PlannedDue.AddDate(0, 0, 2+rng.IntN(10))
		if !s.closedOn.IsZero() {
			d.closedOn = s.closedOn
			for j := range d.plan {
				if !d.completed[j].Before(s.closedOn) {
					d.completed[j] = time.Time{}
				}
			}
		}
		d.reason = demoLostReasons[rng.IntN(len(demoLostReasons))]
	default:
		for j := range d.plan {
			if !d.completed[j].Before(w.today) {
				d.completed[j] = time.Time{}
			}
		}
		if !s.pushedOn.IsZero() {
			// The steps not finished by the push, and the target, moved later.
			d.planBefore, d.targetBefore = d.plan, s.closeOn
			d.plan = make([]deals.Milestone, len(d.planBefore))
			copy(d.plan, d.planBefore)
			for j := range d.plan {
				if d.completed[j].IsZero() || !d.completed[j].Before(s.pushedOn) {
					d.completed[j] = time.Time{}
					d.plan[j].PlannedStart = deals.NextWorkingDay(d.plan[j].PlannedStart.AddDate(0, 0, s.pushDays))
					d.plan[j].PlannedDue = deals.NextWorkingDay(d.plan[j].PlannedDue.AddDate(0, 0, s.pushDays))
				}
			}
			d.spec.closeOn = s.closeOn.AddDate(0, 0, s.pushDays)
		}
	}
	return d
}

// demoLostReasons say why a past demo deal was lost, in both languages.
var demoLostReasons = []string{
	"Competitor won the tender on price 竞争对手以价格中标",
	"Budget cut by the finance department 财政预算被削减",
	"Customer chose the incumbent vendor 客户选择了现有供应商",
	"Project postponed indefinitely 项目无限期推迟",
	"Lost on technical scoring 技术评分落后",
}

// openOn says whether the deal is in the snapshot of day (taken at the start of it):
// entered before that day and not closed before it.
func (d *histDeal) openOn(day time.Time) bool {
	return d.createdDay.Before(day) && (d.closedOn.IsZero() || !d.closedOn.Before(day))
}

// rows adds the deal with its team, plan, baseline, people, reviews and trail to rows.
func (w *histWorld) rows(d *histDeal, rows *scaleRows) {
	rng := w.rng
	var members [3]pgtype.UUID
	for i, email := range d.members {
		members[i] = w.users[email]
	}
	pmo, am := members[0], members[1]
	created := time.Date(d.createdDay.Year(), d.createdDay.Month(), d.createdDay.Day(), 9, rng.IntN(60), 0, 0, time.UTC)
	if !d.spec.created.IsZero() {
		created = d.spec.created
	}
	status, reason := d.status, d.reason
	category := d.category
	if status != deals.DealOpen {
		category = "pipeline"
	}
	cust := w.customerIDs[d.spec.customer]
	rows.add("deals", []string{"id", "name", "customer_id", "segment", "team_id", "amount_minor", "currency", "target_close_date",
		"status", "status_reason", "template_id", "forecast_category", "manual_probability", "judgement_note", "created_at", "updated_at"},
		d.id, d.spec.name, cust, string(d.segment), d.teamID, d.spec.amount, "CNY", d.spec.closeOn,
		string(status), reason, d.template.ID, category, nil, "", created, created)
	for j, role := range []string{"pmo", "business", "solution"} {
		rows.add("deal_members", []string{"deal_id", "user_id", "role"}, d.id, members[j], role)
	}
	snapshot := func(status deals.DealStatus, reason string) map[string]any {
		return map[string]any{"name": d.spec.name, "customer_id": uuidString(cust), "segment": d.segment, "team_id": d.teamID,
			"amount_minor": d.spec.amount, "currency": "CNY", "target_close_date": d.spec.closeOn.Format(deals.DateLayout),
			"status": status, "status_reason": reason}
	}
	w.trail(rows, d.id, created, pmo, "deal.created", "deal", d.id, nil, snapshot(deals.DealOpen, ""))

	ids := make([]pgtype.UUID, len(d.plan))
	for j := range d.plan {
		ids[j] = newUUID()
	}
	baselineID := newUUID()
	taken := created.Add(time.Hour)
	rows.add("baselines", []string{"id", "deal_id", "name", "reason", "taken_at", "taken_by", "committed"},
		baselineID, d.id, "Kick-off plan", "Agreed at internal initiation", taken, pmo, true)
	w.trail(rows, d.id, taken, pmo, "baseline.taken", "baseline", baselineID, nil,
		map[string]any{"name": "Kick-off plan", "reason": "Agreed at internal initiation"})
	byRole := map[deals.OwnerRole]pgtype.UUID{deals.RolePMO: pmo, deals.RoleBusiness: am, deals.RoleSolution: members[2]}
	for j, m := range d.plan {
		st, completed := string(deals.StatusPlanned), any(nil)
		switch {
		case !d.completed[j].IsZero():
			st, completed = string(deals.StatusDone), d.completed[j]
			if m.Status == deals.StatusSkipped {
				st = string(deals.StatusSkipped)
			}
		case status == deals.DealOpen && !m.PlannedStart.After(w.today):
			st = string(deals.StatusInProgress)
		}
		rows.add("milestones", []string{"id", "deal_id", "sequence", "key", "name", "name_zh", "owner_role", "assignee_id", "weight", "gate",
			"planned_start", "planned_due", "status", "status_reason", "completed_on", "exit_criteria", "exit_criteria_zh", "created_at", "updated_at"},
			ids[j], d.id, m.Sequence, m.Key, m.Name, m.NameZh, string(m.OwnerRole), byRole[m.OwnerRole], m.Weight, m.Gate,
			m.PlannedStart, m.PlannedDue, st, "", completed, m.ExitCriteria, m.ExitCriteriaZh, created, created)
		for _, dep := range m.DependsOn {
			k, _ := strconv.Atoi(dep) // the template's index ids
			rows.add("milestone_dependencies", []string{"milestone_id", "depends_on_id"}, ids[j], ids[k])
		}
		rows.add("baseline_milestones", []string{"baseline_id", "milestone_id", "planned_start", "planned_due"},
			baselineID, ids[j], d.baseline[j][0], d.baseline[j][1])
		if (m.Key == "bid_decision" || m.Key == "initiation") && st == string(deals.StatusDone) {
			rows.add("gate_decisions", []string{"deal_id", "milestone_id", "decision", "decided_by", "decided_on", "rationale", "created_at"},
				d.id, ids[j], "go", pmo, d.completed[j], "Budget confirmed, we can win on the specification 预算确认，参数有利", created)
		}
	}
	end := w.today
	if !d.closedOn.IsZero() {
		end = d.closedOn
	}
	for _, p := range d.people {
		var next, nextDue any = "", nil
		if status == deals.DealOpen {
			next = "Follow-up meeting 跟进拜访"
			nextDue = end.AddDate(0, 0, max(p.nextIn, 3)) // this week's deals: nothing overdue on anyone's list
		}
		last := end.AddDate(0, 0, -min(p.contactGap, deals.CalendarDaysBetween(d.start, end)))
		at := created.Add(time.Duration(1+rng.IntN(48)) * time.Hour)
		rows.add("stakeholders", []string{"id", "deal_id", "contact_id", "decision_role", "influence", "stance", "relationship_strength",
			"owner_id", "last_contact_on", "next_step", "next_step_due", "created_at", "updated_at"},
			newUUID(), d.id, p.contact, p.role, p.influence, p.stance, p.strength, am, last, next, nextDue, at, at)
	}
	for _, r := range d.retros {
		retroID := newUUID()
		heldAt := time.Date(r.held.Year(), r.held.Month(), r.held.Day(), 16, 0, 0, 0, time.UTC)
		if heldAt.After(w.now) {
			continue
		}
		rows.add("retrospectives", []string{"id", "deal_id", "milestone_id", "held_on", "planned", "happened", "gap_cause", "next",
			"outcome", "created_by", "created_at", "updated_at"},
			retroID, d.id, ids[r.milestone], r.held, "Customer sign-off this month 本月客户签字确认", "Sign-off came two weeks late 签字确认晚了两周",
			"Approvals queued behind the budget review 审批排在预算评审之后", "Book the approvers' time earlier 提前预约审批人时间",
			r.outcome, pmo, heldAt, heldAt)
		w.trail(rows, d.id, heldAt, pmo, "retrospective.created", "retrospective", retroID, nil,
			map[string]any{"held_on": r.held.Format(deals.DateLayout), "outcome": r.outcome})
		for k := range r.due {
			state := "done"
			if status == deals.DealOpen && !r.done[k].Before(w.today) {
				state = "open"
			}
			rows.add("retrospective_actions", []string{"retrospective_id", "title", "owner_id", "due_on", "status", "created_at", "updated_at"},
				retroID, "Confirm the approval timeline 确认审批时间表", pmo, r.due[k], state, heldAt, heldAt)
		}
	}
	if d.planBefore != nil {
		at := moveAt(d.spec.pushedOn, 10)
		before := snapshot(deals.DealOpen, "")
		before["target_close_date"] = d.targetBefore.Format(deals.DateLayout)
		w.trail(rows, d.id, at, pmo, "deal.updated", "deal", d.id, before, snapshot(deals.DealOpen, ""))
		moves, first := []map[string]string{}, pgtype.UUID{}
		for j, m := range d.plan {
			if !m.PlannedDue.Equal(d.planBefore[j].PlannedDue) {
				if !first.Valid {
					first = ids[j]
				}
				moves = append(moves, map[string]string{"milestone_id": uuidString(ids[j]), "name": m.Name, "name_zh": m.NameZh,
					"from_due": d.planBefore[j].PlannedDue.Format(deals.DateLayout), "to_due": m.PlannedDue.Format(deals.DateLayout)})
			}
		}
		w.trail(rows, d.id, at.Add(time.Minute), pmo, "plan.rescheduled", "milestone", first, nil, moves)
	}
	if status != deals.DealOpen {
		closedAt := time.Date(d.closedOn.Year(), d.closedOn.Month(), d.closedOn.Day(), 15, rng.IntN(60), 0, 0, time.UTC)
		if closedAt.After(w.now) {
			closedAt = w.now
		}
		w.trail(rows, d.id, closedAt, pmo, "deal.updated", "deal", d.id, snapshot(deals.DealOpen, ""), snapshot(status, reason))
	}
}

// trail writes one line of a deal's activity trail.
func (w *histWorld) trail(rows *scaleRows, dealID pgtype.UUID, at time.Time, actor pgtype.UUID, action, entityType string,
	entityID pgtype.UUID, before, after any) {
	var b, a any
	if before != nil {
		b = mustJSON(before)
	}
	if after != nil {
		a = mustJSON(after)
	}
	rows.add("deal_activity", []string{"deal_id", "at", "actor_id", "action", "entity_type", "entity_id", "before", "after"},
		dealID, at, actor, action, entityType, entityID, b, a)
}

// pastSpecs are the past deals: n of them, closing (by target) evenly over the two years
// before the current quarter, each sold by one of the demo's teams to one of its customers.
func (w *histWorld) pastSpecs(n int, quarterStart time.Time) []histSpec {
	rng := w.rng
	from, to := w.today.AddDate(-2, 0, 0).AddDate(0, 0, 30), quarterStart.AddDate(0, 0, -45)
	span := deals.CalendarDaysBetween(from, to)
	used := map[string]bool{}
	specs := make([]histSpec, 0, n)
	for i := range n {
		team := i % len(demoDealTeams)
		var custs []int
		for c, dc := range demoCustomers {
			if dc.team == demoDealTeams[team].team {
				custs = append(custs, c)
			}
		}
		c := custs[rng.IntN(len(custs))]
		projects := demoHistoryProjects[demoProjectPool(demoCustomers[c])]
		name := ""
		for try := 0; name == ""; try++ {
			p := projects[(rng.IntN(len(projects))+try)%len(projects)]
			for _, two := range []bool{false, true} {
				if n := demoHistoryDealName(demoCustomers[c], p, two); name == "" && !used[n] {
					name = n
				}
			}
			if try > 2*len(projects) {
				c = custs[(rng.IntN(len(custs)))] // this customer has bought everything twice
			}
		}
		used[name] = true
		closeOn := from.AddDate(0, 0, (span*i)/n+rng.IntN(max(1, span/n)))
		yuan := math.Exp(math.Log(1_000_000) + rng.Float64()*(math.Log(25_000_000)-math.Log(1_000_000)))
		specs = append(specs, histSpec{name: name, team: team, customer: c, closeOn: closeOn,
			quality: rng.Float64(), amount: int64(math.Round(yuan/100_000)) * 100_000 * 100})
	}
	return specs
}

func (s histSpec) String() string {
	return fmt.Sprintf("%s (%s)", s.name, s.closeOn.Format(deals.DateLayout))
}
