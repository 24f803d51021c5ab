package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
)

// DemoStory names a demo deal whose plan, people and reviews tell one story the
// confidence factors must read true (docs/confidence.md, "The demo's stories").
type DemoStory string

// The demo's stories.
const (
	// StoryHealthy: gates passed on time, the decision maker a champion, contact this
	// week, an on-track review; the PMO commits.
	StoryHealthy DemoStory = "healthy"
	// StorySlipped: every finished step finished late against the kick-off baseline, so
	// the rest of the plan now lies weeks after it and the contract after the target
	// close date.
	StorySlipped DemoStory = "slipped"
	// StoryBlocked: the current step blocked, the decision maker a blocker, next steps
	// overdue and contact gone stale; the PMO still commits — far from the model.
	StoryBlocked DemoStory = "blocked"
	// StoryChampionLost: the decision maker was a champion and the coach too; both
	// turned (the stakeholder history keeps it), and no champion is left.
	StoryChampionLost DemoStory = "champion_lost"
	// StoryOffTrack: the last retrospective found the deal off track and its actions are
	// overdue.
	StoryOffTrack DemoStory = "off_track"
)

// DemoStoryDeals names each story's deal (the demo's deal names), for tests and docs.
func DemoStoryDeals() map[DemoStory]string {
	out := map[DemoStory]string{}
	for _, d := range demoDeals {
		if d.story != "" {
			out[d.story] = d.name
		}
	}
	return out
}

// storyScript is how a story deal is dated and progressed.
type storyScript struct {
	startWeeksAgo int
	// lateDays: each finished step finishes this many calendar days after its planned
	// due date (the plan is moved so first), pushing the rest of the plan along.
	lateDays int
	// targetAfterPlan: the target close date, in calendar days after the plan's contract
	// milestone is due (negative: before it).
	targetAfterPlan int
	blockCurrent    bool
	people          []storyPerson
	retros          []storyRetro
	judgement       deals.DealPatch
}

// storyPerson is one of the customer's people in a story; history, when set, is the
// stance they held first (the change is kept in the stakeholder history).
type storyPerson struct {
	title      string
	role       stakeholders.DecisionRole
	influence  int
	stance     stakeholders.Stance
	was        stakeholders.Stance
	contactAgo int // days since the last contact
	nextDueIn  int // days until the next step is due (negative: overdue)
}

// storyRetro is a retrospective held daysAgo with actions due at the given offsets
// from today (negative: overdue).
type storyRetro struct {
	daysAgo    int
	outcome    reviews.Outcome
	actionsDue []int
}

func probability(p float64) deals.OptionalFloat { return deals.OptionalFloat{Set: true, Value: &p} }

func category(c deals.ForecastCategory) *deals.ForecastCategory { return &c }

func note(s string) *string { return &s }

var storyScripts = map[DemoStory]storyScript{
	StoryHealthy: {startWeeksAgo: 22, targetAfterPlan: 30,
		people: []storyPerson{
			{"Director-General 局长", "decision_maker", 5, "champion", "", 3, 10},
			{"Deputy Director 副局长", "economic_buyer", 5, "supporter", "", 6, 14},
			{"Head of IT 信息中心主任", "technical_evaluator", 4, "supporter", "", 5, 7},
			{"Procurement Officer 采购专员", "gatekeeper", 3, "neutral", "", 9, 12},
			{"Former colleague 老同事", "coach", 2, "champion", "", 2, 5},
		},
		retros: []storyRetro{{daysAgo: 6, outcome: "on_track", actionsDue: []int{7, 14}}},
		judgement: deals.DealPatch{ForecastCategory: category(deals.ForecastCommit), ManualProbability: probability(0.8),
			JudgementNote: note("Budget approved, the director sponsors us; tender expected on plan. 预算已批，局长支持，招标按计划。")}},
	StorySlipped: {startWeeksAgo: 26, lateDays: 9, targetAfterPlan: -45,
		people: []storyPerson{
			{"Director-General 局长", "decision_maker", 4, "supporter", "", 12, 9},
			{"Deputy Director 副局长", "economic_buyer", 4, "neutral", "", 20, 6},
			{"Head of IT 信息中心主任", "technical_evaluator", 4, "supporter", "", 8, 5},
			{"Section Chief 科长", "influencer", 3, "neutral", "", 15, -3},
		},
		retros: []storyRetro{{daysAgo: 10, outcome: "at_risk", actionsDue: []int{5}}},
		judgement: deals.DealPatch{ForecastCategory: category(deals.ForecastBestCase), ManualProbability: probability(0.45),
			JudgementNote: note("Every step ran late; contract likely next quarter. 每一步都延误，签约可能推迟到下季度。")}},
	StoryBlocked: {startWeeksAgo: 16, targetAfterPlan: -10, blockCurrent: true,
		people: []storyPerson{
			{"Director-General 局长", "decision_maker", 5, "blocker", "", 75, -20},
			{"Deputy Director 副局长", "economic_buyer", 4, "skeptic", "", 50, -12},
			{"Head of IT 信息中心主任", "technical_evaluator", 4, "neutral", "", 40, -6},
			{"Procurement Officer 采购专员", "gatekeeper", 3, "neutral", "", 45, -9},
		},
		judgement: deals.DealPatch{ForecastCategory: category(deals.ForecastCommit), ManualProbability: probability(0.85),
			JudgementNote: note("Sales insists the director will come round after the budget review. 销售认为预算评审后局长会转变态度。")}},
	StoryChampionLost: {startWeeksAgo: 18, targetAfterPlan: 20,
		people: []storyPerson{
			{"Director-General 局长", "decision_maker", 5, "skeptic", "champion", 14, 8},
			{"Deputy Director 副局长", "economic_buyer", 4, "neutral", "", 18, 10},
			{"Head of IT 信息中心主任", "technical_evaluator", 4, "supporter", "", 9, 6},
			{"Former colleague 老同事", "coach", 2, "neutral", "champion", 21, 4},
		},
		judgement: deals.DealPatch{ForecastCategory: category(deals.ForecastPipeline),
			JudgementNote: note("Our sponsor moved to another bureau; his successor favours a rival. 原支持者调任，继任者倾向竞争对手。")}},
	StoryOffTrack: {startWeeksAgo: 12, lateDays: 3, targetAfterPlan: 10,
		people: []storyPerson{
			{"General Manager 总经理", "decision_maker", 5, "neutral", "", 20, 5},
			{"Chief Financial Officer 财务总监", "economic_buyer", 4, "skeptic", "", 25, 7},
			{"Chief Architect 总架构师", "technical_evaluator", 4, "supporter", "", 10, 9},
			{"Operations Lead 运维负责人", "user", 2, "supporter", "", 12, 11},
		},
		retros: []storyRetro{
			{daysAgo: 40, outcome: "at_risk", actionsDue: []int{-30}},
			{daysAgo: 9, outcome: "off_track", actionsDue: []int{-5, -3, -1}},
		},
		judgement: deals.DealPatch{ForecastCategory: category(deals.ForecastBestCase), ManualProbability: probability(0.35),
			JudgementNote: note("POC results disputed; recovery plan agreed but not yet started. POC 结果有争议，补救计划尚未启动。")}},
}

// storyStart is when a story deal kicks off; its target close date is set once its
// plan is played (storyScript.targetAfterPlan).
func storyStart(s DemoStory, now time.Time) time.Time {
	return deals.Day(now).AddDate(0, 0, -7*storyScripts[s].startWeeksAgo)
}

// playDemoStory progresses a story deal (created from its template on storyStart) as its
// script says: baseline at kick-off, steps finished (late, where the story says), the
// current one blocked or in progress, the target close date, the judgement, and its
// people and reviews.
func playDemoStory(ctx context.Context, tx *gorm.DB, svc *deals.Service, a deals.Actor, d deals.Deal, customer int, story DemoStory, now time.Time) error {
	sc := storyScripts[story]
	if _, err := svc.TakeBaseline(ctx, a, d.ID, "Kick-off plan", "Agreed at internal initiation"); err != nil {
		return err
	}
	today := deals.Day(now)
	plan, err := svc.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	for i := 0; i < len(plan); i++ {
		m := plan[i]
		if m.Finished() {
			continue
		}
		if !m.PlannedDue.Before(today) {
			if m.PlannedStart.After(today) {
				continue // not started: waits for its dependencies
			}
			ch := deals.StatusChange{To: deals.StatusInProgress}
			if sc.blockCurrent {
				ch = deals.StatusChange{To: deals.StatusBlocked, Reason: "Director refuses to sign the procurement plan 局长拒绝签批采购计划"}
			}
			if _, err := svc.UpdateMilestone(ctx, a, m.ID, m.Version, deals.MilestonePatch{Status: &ch}); err != nil {
				return err
			}
			continue
		}
		done := m.PlannedDue
		if sc.lateDays > 0 {
			// Finished late: the step (and everything after it) moves first.
			done = deals.NextWorkingDay(m.PlannedDue.AddDate(0, 0, sc.lateDays))
			if done.After(today) {
				done = today
			}
			if _, err := svc.ApplyReschedule(ctx, a, m.ID, m.Version, m.PlannedStart, done); err != nil {
				return err
			}
			if plan, err = svc.Plan(ctx, d.ID); err != nil {
				return err
			}
			m = plan[i]
		}
		to := deals.StatusChange{To: deals.StatusDone, CompletedOn: &done}
		if _, err := svc.UpdateMilestone(ctx, a, m.ID, m.Version, deals.MilestonePatch{Status: &to}); err != nil {
			return err
		}
		if plan, err = svc.Plan(ctx, d.ID); err != nil {
			return err
		}
	}
	var contractDue time.Time
	var gates []string
	for _, m := range plan {
		if m.Key == deals.KeyContractSigned {
			contractDue = m.PlannedDue
		}
		if m.Gate && !m.Finished() {
			gates = append(gates, m.ID)
		}
	}
	current, err := svc.Deal(ctx, d.ID)
	if err != nil {
		return err
	}
	patch := sc.judgement
	target := contractDue.AddDate(0, 0, sc.targetAfterPlan)
	patch.TargetCloseDate = &target
	if _, err := svc.UpdateDeal(ctx, a, d.ID, current.Version, patch); err != nil {
		return err
	}
	return storyPeople(ctx, tx, d, customer, sc, gates, now)
}

// storyPeople adds a story deal's stakeholders (with the stance they held first, in the
// history) and retrospectives.
func storyPeople(ctx context.Context, tx *gorm.DB, d deals.Deal, customer int, sc storyScript, gates []string, now time.Time) error {
	people := &stakeholders.Service{Store: NewStakeholders(tx), Now: func() time.Time { return now }}
	retros := &reviews.Service{Store: NewReviews(tx), Deals: &deals.Service{Store: NewDeals(tx), Now: func() time.Time { return now }}, Now: func() time.Time { return now }}
	roleUser := map[deals.OwnerRole]string{}
	for _, m := range d.Team {
		roleUser[m.Role] = m.UserID
	}
	known := map[string]string{}
	contacts, err := people.ListContacts(ctx, d.CustomerID, domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "name"}})
	if err != nil {
		return err
	}
	for _, c := range contacts.Items {
		known[c.Name] = c.ID
	}
	today := deals.Day(now)
	owner := roleUser[deals.RoleBusiness]
	for i, p := range sc.people {
		last, due := today.AddDate(0, 0, -p.contactAgo), today.AddDate(0, 0, p.nextDueIn)
		first := p.stance
		if p.was != "" {
			first = p.was
			last = last.AddDate(0, 0, -30) // met as a champion a month before the change
		}
		in := stakeholders.NewStakeholder{ContactName: demoPersonName(customer, i), Title: p.title,
			Stakeholder: stakeholders.Stakeholder{DecisionRole: p.role, Influence: p.influence, Stance: first, RelationshipStrength: 3,
				OwnerID: &owner, LastContactOn: &last, NextStep: "Follow-up meeting 跟进拜访", NextStepDue: &due}}
		if id, ok := known[in.ContactName]; ok {
			in.Stakeholder.ContactID = id
		} else {
			in.ReportsToID = demoManager(known, customer, i)
		}
		if len(gates) > 0 && (p.role == "decision_maker" || p.role == "economic_buyer") {
			in.Stakeholder.MilestoneIDs = []string{gates[0]}
		}
		st, err := people.AddStakeholder(ctx, owner, d.ID, in)
		if err != nil {
			return fmt.Errorf("story stakeholder: %w", err)
		}
		known[in.ContactName] = st.ContactID
		if p.was != "" {
			stance, met := p.stance, today.AddDate(0, 0, -p.contactAgo)
			if _, err := people.UpdateStakeholder(ctx, owner, st.ID, st.Version, stakeholders.Patch{Stance: &stance, LastContactOn: &met,
				Note: "Turned after the leadership change 领导调整后态度转变"}); err != nil {
				return err
			}
		}
	}
	var at *string
	if len(gates) > 0 {
		at = &gates[0]
	}
	for _, r := range sc.retros {
		rt := reviews.Retrospective{DealID: d.ID, MilestoneID: at, HeldOn: today.AddDate(0, 0, -r.daysAgo), Outcome: r.outcome,
			Planned: "Technical validation signed off 技术验证签字确认", Happened: "Customer disputes the POC results 客户对 POC 结果有异议",
			GapCause: "Test data did not match production 测试数据与生产不一致", Next: "Re-run the POC on production data 用生产数据重做 POC"}
		for j, dueIn := range r.actionsDue {
			rt.Actions = append(rt.Actions, reviews.Action{Title: fmt.Sprintf("Recovery step %d 补救步骤 %d", j+1, j+1),
				OwnerID: ptrTo(roleUser[deals.RolePMO]), DueOn: today.AddDate(0, 0, dueIn)})
		}
		if _, err := retros.HoldRetrospective(ctx, roleUser[deals.RolePMO], rt); err != nil {
			return fmt.Errorf("story retrospective: %w", err)
		}
	}
	return nil
}
