package confidence

import (
	"math"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// draw is a generated deal; the seed is what rapid varies (and reports on failure).
func draw(t *rapid.T) Input {
	seed := rapid.Uint64().Draw(t, "seed")
	return genInput(rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), 20)
}

const tol = 1e-9

func TestPropertyProbabilitiesAndAttribution(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		r := Compute(in, DefaultParams())
		for name, v := range map[string]float64{"base": r.Base, "p_win": r.PWin, "p_in_period": r.PInPeriod, "confidence": r.Confidence} {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%s = %v", name, v)
			}
		}
		if s := sumContributions(r); math.Abs(s-r.PWin) > tol {
			t.Fatalf("base + Σ contributions = %v, PWin = %v (%+v)", s, r.PWin, r.Factors)
		}
		if math.Abs(r.Confidence-r.PWin*r.PInPeriod) > tol {
			t.Fatalf("confidence %v ≠ %v × %v", r.Confidence, r.PWin, r.PInPeriod)
		}
		if r.CloseP80.Before(r.ExpectedClose) {
			t.Fatalf("P80 %s before the median %s", dateText(r.CloseP80), dateText(r.ExpectedClose))
		}
	})
}

func TestPropertyOneMoreMilestoneDoneNeverLowersPWin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		var open []int
		for i, m := range in.Milestones {
			if !m.finished() {
				open = append(open, i)
			}
		}
		if len(open) == 0 {
			t.Skip("all done")
		}
		before := Compute(in, DefaultParams())
		i := open[rapid.IntRange(0, len(open)-1).Draw(t, "milestone")]
		in.Milestones = append([]Milestone(nil), in.Milestones...)
		in.Milestones[i].Status, in.Milestones[i].CompletedOn = StatusDone, in.AsOf
		if after := Compute(in, DefaultParams()); after.PWin < before.PWin-tol {
			t.Fatalf("marking %s done: PWin %v → %v", in.Milestones[i].ID, before.PWin, after.PWin)
		}
	})
}

func TestPropertyDecisiveStances(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		var decisive []int
		for i, s := range in.Stakeholders {
			if s.DecisionRole == RoleDecisionMaker || s.DecisionRole == RoleEconomicBuyer {
				decisive = append(decisive, i)
			}
		}
		if len(decisive) == 0 {
			t.Skip("no decision maker or economic buyer")
		}
		i := decisive[rapid.IntRange(0, len(decisive)-1).Draw(t, "stakeholder")]
		before := Compute(in, DefaultParams())
		with := func(stance string) float64 {
			c := in
			c.Stakeholders = append([]Stakeholder(nil), in.Stakeholders...)
			c.Stakeholders[i].Stance = stance
			return Compute(c, DefaultParams()).PWin
		}
		if p := with(StanceBlocker); p > before.PWin+tol {
			t.Fatalf("%s %s → blocker raised PWin %v → %v", in.Stakeholders[i].DecisionRole, in.Stakeholders[i].Stance, before.PWin, p)
		}
		// skeptic is worse than anything but blocker, so from anything but blocker it never helps
		if in.Stakeholders[i].Stance != StanceBlocker {
			if p := with(StanceSkeptic); p > before.PWin+tol {
				t.Fatalf("%s %s → skeptic raised PWin %v → %v", in.Stakeholders[i].DecisionRole, in.Stakeholders[i].Stance, before.PWin, p)
			}
		}
		if p := with(StanceChampion); p < before.PWin-tol {
			t.Fatalf("%s %s → champion lowered PWin %v → %v", in.Stakeholders[i].DecisionRole, in.Stakeholders[i].Stance, before.PWin, p)
		}
	})
}

// More slippage — a finished step completed later, an open step due later or moved
// later — never raises
// the chance of closing in a period that has begun by the as-of date. (For a period
// wholly in the future it may: slip can carry the close into it.)
func TestPropertyMoreSlippageNeverRaisesPInPeriod(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		if len(in.Milestones) == 0 {
			t.Skip("no plan")
		}
		if in.Period.From.After(in.AsOf) {
			in.Period.From = in.AsOf
		}
		before := Compute(in, DefaultParams())
		i := rapid.IntRange(0, len(in.Milestones)-1).Draw(t, "milestone")
		k := rapid.IntRange(1, 60).Draw(t, "days")
		in.Milestones = append([]Milestone(nil), in.Milestones...)
		m := &in.Milestones[i]
		switch {
		case m.Status == StatusDone && !m.CompletedOn.IsZero():
			m.CompletedOn = days(m.CompletedOn, k)
		case m.Status == StatusDone || m.Status == StatusSkipped:
			m.PlannedDue = days(m.PlannedDue, k)
		default:
			m.PlannedDue = days(m.PlannedDue, k)
			if m.Status != StatusInProgress && rapid.Bool().Draw(t, "shift start") {
				// A later start with an unchanged due date is a shorter step, not a slip;
				// moving both by whole weeks keeps the step's working days.
				weeks := 7 * rapid.IntRange(1, 8).Draw(t, "weeks")
				m.PlannedStart, m.PlannedDue = days(m.PlannedStart, weeks), days(m.PlannedDue, weeks-k)
			}
		}
		if after := Compute(in, DefaultParams()); after.PInPeriod > before.PInPeriod+tol {
			t.Fatalf("milestone %s (%s) %d days later: PInPeriod %v → %v", m.ID, m.Status, k, before.PInPeriod, after.PInPeriod)
		}
	})
}

func TestPropertyLaterPeriodEndNeverLowersPInPeriod(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		before := Compute(in, DefaultParams())
		in.Period.To = days(in.Period.To, rapid.IntRange(1, 400).Draw(t, "days"))
		if after := Compute(in, DefaultParams()); after.PInPeriod < before.PInPeriod-tol {
			t.Fatalf("later end: PInPeriod %v → %v", before.PInPeriod, after.PInPeriod)
		}
	})
}

// The generator is the property tests' only source of deals: make sure it reaches the
// cases they are about.
func TestGeneratorCoversTheCases(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]int{}
	for range 3000 {
		in := genInput(r, 20)
		res := Compute(in, DefaultParams())
		seen[in.Deal.Status]++
		for _, f := range res.Factors {
			seen[f.Key]++
		}
		for _, n := range res.Timing {
			seen[n.Key]++
		}
	}
	for _, k := range []string{DealOpen, DealWon, DealLost, FactorProgress, FactorSlippage, FactorBlocked, FactorDecisionMaker, FactorEconomicBuyer,
		FactorNoDecisionMaker, FactorChampion, FactorStaleContact, FactorOverdueNextStep, FactorRetrospective,
		FactorOverdueActions, FactorNoGo, NoteAfterTarget, NoteAfterPeriod, NoteBeforePeriod, NoteLegalFloor, NoteStretched, NoteBlocked} {
		if seen[k] < 10 {
			t.Errorf("%s seen %d times in 3000 generated deals", k, seen[k])
		}
	}
}

// No close comes before the law allows: a period ending at the legal earliest close
// holds none of the deal's chance.
func TestPropertyNothingClosesBeforeTheLegalFloor(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := draw(t)
		if in.Deal.Status != DealOpen || len(in.Milestones) == 0 {
			t.Skip("no open plan")
		}
		p := DefaultParams()
		asIdx := wdOf(in.AsOf)
		pl := remainingPlan(&in, &p, asIdx, closeIndex(in.Milestones))
		in.Period = Period{From: in.AsOf, To: wdTime(asIdx + pl.legal)}
		if r := Compute(in, p); r.PInPeriod != 0 {
			t.Fatalf("PInPeriod %v before the legal earliest close %s", r.PInPeriod, dateText(in.Period.To))
		}
	})
}
