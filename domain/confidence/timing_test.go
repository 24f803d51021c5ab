package confidence

import (
	"testing"
	"time"
)

// A key-account plan laid out from 2026-03-02, nothing done, as of its start.
func kaInput() Input {
	return Input{
		Deal:       Deal{Status: DealOpen, TargetClose: date("2026-12-31"), Segment: "key_account", TemplateKey: "key_account"},
		Milestones: templatePlan("key_account", date("2026-03-02")),
		Stakeholders: []Stakeholder{
			{DecisionRole: RoleDecisionMaker, Influence: 5, Stance: StanceSupporter, LastContactOn: date("2026-03-01")},
		},
		Period: Period{From: date("2026-07-01"), To: date("2026-10-01")},
		AsOf:   date("2026-03-02"),
	}
}

func TestTheMedianCloseIsThePlannedContractDate(t *testing.T) {
	in := kaInput()
	r := Compute(in, DefaultParams())
	due := in.Milestones[byKey(in.Milestones, KeyContractSigned)].PlannedDue
	if !r.ExpectedClose.Equal(due) {
		t.Errorf("expected close %s, planned contract %s", dateText(r.ExpectedClose), dateText(due))
	}
	if !r.CloseP80.After(r.ExpectedClose) {
		t.Errorf("P80 %s not after the median %s", dateText(r.CloseP80), dateText(r.ExpectedClose))
	}
	if r.PInPeriod < 0.3 || r.PInPeriod > 0.99 {
		t.Errorf("PInPeriod %.3f for a period around the planned close %s", r.PInPeriod, dateText(due))
	}
}

func TestUncertaintyNarrowsAsStepsAreDone(t *testing.T) {
	in := kaInput()
	spread := func(in Input) int {
		r := Compute(in, DefaultParams())
		return dayNum(r.CloseP80) - dayNum(r.ExpectedClose)
	}
	early := spread(in)
	markDone(in.Milestones, 7)
	in.AsOf = in.Milestones[6].PlannedDue.AddDate(0, 0, 1)
	late := spread(in)
	if late >= early {
		t.Errorf("P80 − median: %d days with nothing done, %d with 7 steps done", early, late)
	}
}

func TestOwnSlipStretchesTheRemainingPlan(t *testing.T) {
	in := kaInput()
	markDone(in.Milestones, 4)
	in.AsOf = in.Milestones[3].PlannedDue.AddDate(0, 0, 1)
	onTime := Compute(in, DefaultParams())
	late := in
	late.Milestones = append([]Milestone(nil), in.Milestones...)
	for i := 0; i < 4; i++ { // each step took 50 % longer than its baseline
		m := &late.Milestones[i]
		m.CompletedOn = m.BaselineStart.AddDate(0, 0, int(1.5*float64(dayNum(m.BaselineDue)-dayNum(m.BaselineStart))))
	}
	slipped := Compute(late, DefaultParams())
	if !slipped.ExpectedClose.After(onTime.ExpectedClose) {
		t.Errorf("expected close %s with slip, %s without", dateText(slipped.ExpectedClose), dateText(onTime.ExpectedClose))
	}
	if _, ok := note(slipped, NoteStretched); !ok {
		t.Errorf("no stretch note in %+v", slipped.Timing)
	}
	if s := stretchOf(late.Milestones, ptr(DefaultParams())); s <= 1.2 || s >= 1.5 {
		t.Errorf("stretch %.3f: want between 1.2 (shrunk by the prior) and 1.5", s)
	}
}

func ptr[T any](v T) *T { return &v }

func TestAPlanClosingAfterTheTargetGetsALowPInPeriodAndSaysWhy(t *testing.T) {
	in := kaInput()
	due := in.Milestones[byKey(in.Milestones, KeyContractSigned)].PlannedDue // 2026-08-…
	in.Deal.TargetClose = date("2026-05-29")
	in.Period = Period{From: date("2026-04-01"), To: date("2026-07-01")} // the target's quarter
	r := Compute(in, DefaultParams())
	if r.PInPeriod > 0.05 {
		t.Errorf("PInPeriod %.3f for the target's quarter, plan closes %s", r.PInPeriod, dateText(due))
	}
	for _, k := range []string{NoteAfterTarget, NoteAfterPeriod} {
		if _, ok := note(r, k); !ok {
			t.Errorf("no %s note in %+v", k, r.Timing)
		}
	}
}

func TestLaterPeriodEndNeverLowersPInPeriod(t *testing.T) {
	in := kaInput()
	in.Period.From = in.AsOf
	prev := -1.0
	for end := date("2026-03-02"); end.Before(date("2027-06-01")); end = end.AddDate(0, 0, 3) {
		in.Period.To = end
		r := Compute(in, DefaultParams())
		if r.PInPeriod < prev-1e-15 {
			t.Fatalf("period end %s: PInPeriod %.6f < %.6f", dateText(end), r.PInPeriod, prev)
		}
		prev = r.PInPeriod
	}
	if prev < 0.99 {
		t.Errorf("PInPeriod %.4f for a period running far past the plan", prev)
	}
}

func TestCloseGateDoneButDealOpenClosesNow(t *testing.T) {
	in := kaInput()
	in.Milestones = markDone(in.Milestones, byKey(in.Milestones, KeyContractSigned)+1)
	in.AsOf = date("2026-08-20")
	r := Compute(in, DefaultParams())
	if !r.ExpectedClose.Equal(date("2026-08-20")) || r.PInPeriod != 1 {
		t.Errorf("expected close %s, PInPeriod %v", dateText(r.ExpectedClose), r.PInPeriod)
	}
}

func TestNoMilestonesFallsBackToTheTargetClose(t *testing.T) {
	in := kaInput()
	in.Milestones = nil
	r := Compute(in, DefaultParams())
	if !r.ExpectedClose.Equal(date("2026-12-31")) {
		t.Errorf("expected close %s, want the target 2026-12-31", dateText(r.ExpectedClose))
	}
}

func TestLegalFloorsHoldACompressedG2BPlanBack(t *testing.T) {
	in := g2bInput()
	in.AsOf = date("2026-07-30")
	ms := in.Milestones
	// Squeeze tender → bid submitted into 6 working days and the award into 2.
	shift := func(key string, start, due string) {
		i := byKey(ms, key)
		ms[i].PlannedStart, ms[i].PlannedDue = date(start), date(due)
	}
	shift("tender_published", "2026-08-03", "2026-08-05")
	shift("bid_submitted", "2026-08-06", "2026-08-10")
	shift("evaluation", "2026-08-11", "2026-08-12")
	shift("award", "2026-08-13", "2026-08-14")
	shift(KeyContractSigned, "2026-08-17", "2026-08-18")
	checks := PlanChecks("g2b", ms)
	want := map[string][2]int{"bid_window": {20, 7}, "challenge_window": {7, 1}}
	if len(checks) != len(want) {
		t.Fatalf("checks %+v, want %v", checks, want)
	}
	for _, c := range checks {
		if w := want[c.Rule]; c.MinimumDays != w[0] || c.PlannedDays != w[1] {
			t.Errorf("%s: minimum %d planned %d, want %v", c.Rule, c.MinimumDays, c.PlannedDays, w)
		}
	}
	r := Compute(in, DefaultParams())
	if _, ok := note(r, NoteLegalFloor); !ok {
		t.Errorf("no legal-floor note in %+v", r.Timing)
	}
	// Bid deadline no sooner than 2026-08-23 (Sunday → Monday 08-24); evaluation 2 days → 08-26;
	// award starts 08-27 and its challenge window runs 7 working days → 09-07; contract 2 days → 09-09.
	if got := dateText(r.ExpectedClose); got != "2026-09-09" {
		t.Errorf("expected close %s, want 2026-09-09", got)
	}
	// Nothing closes before the law allows: not even the optimistic tail.
	in.Period = Period{From: date("2026-07-01"), To: date("2026-08-25")}
	if r := Compute(in, DefaultParams()); r.PInPeriod != 0 {
		t.Errorf("PInPeriod %v before the legal earliest close", r.PInPeriod)
	}
}

func TestTheTemplatesOwnLayoutIsLegal(t *testing.T) {
	if c := PlanChecks("g2b", templatePlan("g2b", date("2026-03-02"))); len(c) != 0 {
		t.Errorf("the G2B template breaks %+v", c)
	}
	if c := PlanChecks("key_account", templatePlan("key_account", date("2026-03-02"))); c != nil {
		t.Errorf("key account has legal checks %+v", c)
	}
}

func TestWorkingDayArithmeticMatchesTheCalendar(t *testing.T) {
	for d := date("1990-01-01"); d.Before(date("1991-01-01")); d = d.AddDate(0, 0, 1) {
		if got := dayTime(dayNum(d)); !got.Equal(d) {
			t.Fatalf("dayTime(dayNum(%s)) = %s", dateText(d), dateText(got))
		}
		i := wdOf(d)
		w := wdTime(i)
		if w.Weekday() == time.Saturday || w.Weekday() == time.Sunday || w.Before(d) || w.Sub(d) > 48*time.Hour {
			t.Fatalf("%s (%s) → working day %s", dateText(d), d.Weekday(), dateText(w))
		}
		if wdOf(w.AddDate(0, 0, 1)) != i+1 && w.Weekday() != time.Friday {
			t.Fatalf("working-day index does not step by one after %s", dateText(w))
		}
	}
}

func TestPlanChecksIntentionNotice(t *testing.T) {
	ms := templatePlan("g2b", date("2026-03-02"))
	i := byKey(ms, "intention_published")
	ms[i].PlannedStart = date("2026-07-20") // tender documents go out 2026-08-03: 14 days later
	checks := PlanChecks("g2b", ms)
	if len(checks) != 1 || checks[0].Rule != "intention_notice" || checks[0].MinimumDays != 30 || checks[0].PlannedDays != 14 ||
		checks[0].WorkingDays || len(checks[0].MilestoneIDs) != 2 {
		t.Errorf("checks %+v", checks)
	}
	// A skipped step takes its rules with it.
	ms[i].Status = StatusSkipped
	if checks := PlanChecks("g2b", ms); len(checks) != 0 {
		t.Errorf("checks with the intention skipped: %+v", checks)
	}
}
