package confidence

import (
	"math"
	"testing"
)

// A G2B deal started 2026-03-02, half way through its plan on 2026-07-01.
func g2bInput() Input {
	ms := markDone(templatePlan("g2b", date("2026-03-02")), 6)
	return Input{
		Deal:       Deal{Status: DealOpen, AmountMinor: 30_000_000_00, TargetClose: date("2026-12-15"), Segment: "g2b", TemplateKey: "g2b"},
		Milestones: ms,
		Stakeholders: []Stakeholder{
			{DecisionRole: RoleDecisionMaker, Influence: 5, Stance: StanceNeutral, LastContactOn: date("2026-06-20")},
			{DecisionRole: RoleEconomicBuyer, Influence: 4, Stance: StanceSupporter, LastContactOn: date("2026-06-25")},
		},
		Period: Period{From: date("2026-10-01"), To: date("2027-01-01")},
		AsOf:   date("2026-07-01"),
	}
}

func TestEachFactorMovesPWinTheWayItShould(t *testing.T) {
	p := DefaultParams()
	base := Compute(g2bInput(), p)
	cases := []struct {
		name   string
		change func(*Input)
		key    string
		sign   int // +1 raises PWin, -1 lowers it
	}{
		{"a gate done", func(in *Input) { markDone(in.Milestones, 7) }, FactorProgress, +1},
		{"contract slipped 20 days", func(in *Input) {
			c := byKey(in.Milestones, KeyContractSigned)
			in.Milestones[c].PlannedDue = in.Milestones[c].PlannedDue.AddDate(0, 0, 28)
		}, FactorSlippage, -1},
		{"a milestone blocked", func(in *Input) { in.Milestones[7].Status = StatusBlocked }, FactorBlocked, -1},
		{"decision maker blocker", func(in *Input) { in.Stakeholders[0].Stance = StanceBlocker }, FactorDecisionMaker, -1},
		{"decision maker champion", func(in *Input) { in.Stakeholders[0].Stance = StanceChampion }, FactorDecisionMaker, +1},
		{"economic buyer skeptic", func(in *Input) { in.Stakeholders[1].Stance = StanceSkeptic }, FactorEconomicBuyer, -1},
		{"no decision maker", func(in *Input) { in.Stakeholders[0].DecisionRole = "user" }, FactorNoDecisionMaker, -1},
		{"a champion", func(in *Input) {
			in.Stakeholders = append(in.Stakeholders, Stakeholder{DecisionRole: "coach", Influence: 2, Stance: StanceChampion, LastContactOn: date("2026-06-30")})
		}, FactorChampion, +1},
		{"stale contact", func(in *Input) { in.Stakeholders[0].LastContactOn = date("2026-04-01") }, FactorStaleContact, -1},
		{"overdue next step", func(in *Input) {
			in.Stakeholders[1].NextStep, in.Stakeholders[1].NextStepDue = "send the draft", date("2026-06-15")
		}, FactorOverdueNextStep, -1},
		{"retrospective off track", func(in *Input) {
			in.Retrospectives = []Retrospective{{HeldOn: date("2026-05-01"), Outcome: "on_track"}, {HeldOn: date("2026-06-01"), Outcome: "off_track"}}
		}, FactorRetrospective, -1},
		{"retrospective on track", func(in *Input) {
			in.Retrospectives = []Retrospective{{HeldOn: date("2026-06-01"), Outcome: "on_track"}}
		}, FactorRetrospective, +1},
		{"overdue actions", func(in *Input) {
			in.Actions = []Action{{DueOn: date("2026-06-01"), Status: "open"}, {DueOn: date("2026-06-01"), Status: "done"}}
		}, FactorOverdueActions, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := g2bInput()
			c.change(&in)
			r := Compute(in, p)
			if _, ok := factor(r, c.key); !ok {
				t.Fatalf("no %s factor in %+v", c.key, r.Factors)
			}
			if d := r.PWin - base.PWin; float64(c.sign)*d <= 0 {
				t.Errorf("PWin %.4f → %.4f, want it to move %+d", base.PWin, r.PWin, c.sign)
			}
			if s := sumContributions(r); math.Abs(s-r.PWin) > 1e-12 {
				t.Errorf("base + Σ = %v, PWin %v", s, r.PWin)
			}
		})
	}
}

func TestProgressCountsGatesMore(t *testing.T) {
	ms := []Milestone{
		{ID: "a", Weight: 10, Gate: true, Status: StatusDone},
		{ID: "b", Weight: 10, Status: StatusPlanned},
	}
	in := Input{Deal: Deal{Status: DealOpen}, Milestones: ms, AsOf: date("2026-07-01")}
	gateDone := Compute(in, DefaultParams())
	ms[0].Status, ms[1].Status = StatusPlanned, StatusDone
	stepDone := Compute(in, DefaultParams())
	if gateDone.PWin <= stepDone.PWin {
		t.Errorf("a gate done %.4f, a plain step done %.4f: the gate should count more", gateDone.PWin, stepDone.PWin)
	}
	f, _ := factor(gateDone, FactorProgress)
	if want := DefaultParams().ProgressLogOdds * 2.0 / 3; math.Abs(f.LogOdds-want) > 1e-12 {
		t.Errorf("progress log-odds %v, want %v", f.LogOdds, want)
	}
}

func TestNoGoTakesPWinToZero(t *testing.T) {
	in := g2bInput()
	in.GateDecisions = []GateDecision{{MilestoneID: "5", Decision: "no_go", DecidedOn: date("2026-06-20")}}
	r := Compute(in, DefaultParams())
	if r.PWin != 0 || r.Confidence != 0 {
		t.Fatalf("PWin %v, confidence %v after a no-go", r.PWin, r.Confidence)
	}
	last := r.Factors[len(r.Factors)-1]
	if last.Key != FactorNoGo || math.Abs(sumContributions(r)) > 1e-12 {
		t.Errorf("factors %+v do not end in a no-go taking PWin to 0", r.Factors)
	}
	// A later go at the same gate reverses it; a decision after the as-of date does not count yet.
	in.GateDecisions = append(in.GateDecisions, GateDecision{MilestoneID: "5", Decision: "go", DecidedOn: date("2026-06-25")})
	if r := Compute(in, DefaultParams()); r.PWin == 0 {
		t.Error("a go after the no-go should reopen the deal")
	}
	in.GateDecisions = []GateDecision{{MilestoneID: "5", Decision: "no_go", DecidedOn: date("2026-07-02")}}
	if r := Compute(in, DefaultParams()); r.PWin == 0 {
		t.Error("a no-go after the as-of date counted")
	}
}

func TestClosedDeals(t *testing.T) {
	in := g2bInput()
	in.Deal.Status, in.Deal.ClosedOn = DealWon, date("2026-11-20")
	r := Compute(in, DefaultParams())
	if r.PWin != 1 || r.PInPeriod != 1 || r.Confidence != 1 || !r.ExpectedClose.Equal(date("2026-11-20")) {
		t.Errorf("won in the period: %+v", r)
	}
	in.Period = Period{From: date("2027-01-01"), To: date("2027-04-01")}
	if r := Compute(in, DefaultParams()); r.PWin != 1 || r.PInPeriod != 0 {
		t.Errorf("won before the period: PWin %v, PInPeriod %v", r.PWin, r.PInPeriod)
	}
	for _, s := range []string{DealLost, DealAbandoned} {
		in.Deal.Status = s
		r := Compute(in, DefaultParams())
		if r.PWin != 0 || r.PInPeriod != 0 || r.Confidence != 0 || !r.ExpectedClose.IsZero() || math.Abs(sumContributions(r)) > 1e-12 {
			t.Errorf("%s: %+v", s, r)
		}
	}
}

func TestLabelsAreComplete(t *testing.T) {
	keys := []string{FactorProgress, FactorSlippage, FactorBlocked, FactorDecisionMaker, FactorEconomicBuyer, FactorNoDecisionMaker,
		FactorChampion, FactorStaleContact, FactorOverdueNextStep, FactorRetrospective, FactorOverdueActions, FactorNoGo,
		FactorWon, FactorLost, NoteAfterTarget, NoteAfterPeriod, NoteBeforePeriod, NoteLegalFloor, NoteStretched,
		NoteBlocked, NoteClosedOutside, NoteNotOpen}
	for _, k := range keys {
		f := Factor{Key: k}
		if f.Label("en") == k || f.Label("zh-CN") == k || f.Label("en") == f.Label("zh-CN") {
			t.Errorf("%s has no English and Chinese label", k)
		}
	}
	if len(labels) != len(keys) {
		t.Errorf("%d labels, %d keys", len(labels), len(keys))
	}
}

func TestRuleLabelsAreComplete(t *testing.T) {
	rules := LegalRules("g2b")
	for _, r := range rules {
		c := Check{Rule: r.Key}
		if c.Label("en") == r.Key || c.Label("zh-CN") == r.Key || c.Label("en") == c.Label("zh-CN") {
			t.Errorf("rule %s has no English and Chinese label", r.Key)
		}
	}
	if len(ruleLabels) != len(rules) {
		t.Errorf("%d rule labels, %d rules", len(ruleLabels), len(rules))
	}
}
