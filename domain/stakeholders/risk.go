package stakeholders

import (
	"time"
)

// Gate is a gate milestone with the stakeholders linked to it, for the risk views.
type Gate struct {
	DealID       string
	DealName     string
	MilestoneID  string
	Name         string
	Due          time.Time
	Stakeholders []Stakeholder
}

// GateRisk is one reason a gate is at risk: a decision maker or economic buyer linked
// to it is a skeptic or blocker, or has not been contacted recently.
type GateRisk struct {
	Gate        Gate
	Stakeholder Stakeholder
	Reason      string // "stance" or "not_contacted"
}

// decisive roles are the ones whose stance decides a gate.
func decisive(r DecisionRole) bool { return r == "decision_maker" || r == "economic_buyer" }

// GateRisks lists the risks of gates due within `within` days of today whose decisive
// stakeholders are skeptic or blocker, or were last contacted more than staleDays ago
// (or never).
func GateRisks(gates []Gate, today time.Time, within, staleDays int) []GateRisk {
	var out []GateRisk
	horizon := today.AddDate(0, 0, within)
	stale := today.AddDate(0, 0, -staleDays)
	for _, g := range gates {
		if g.Due.After(horizon) {
			continue
		}
		for _, s := range g.Stakeholders {
			if !decisive(s.DecisionRole) {
				continue
			}
			switch {
			case s.Stance == "skeptic" || s.Stance == "blocker":
				out = append(out, GateRisk{Gate: g, Stakeholder: s, Reason: "stance"})
			case s.LastContactOn == nil || s.LastContactOn.Before(stale):
				out = append(out, GateRisk{Gate: g, Stakeholder: s, Reason: "not_contacted"})
			}
		}
	}
	return out
}

// Overdue reports whether a stakeholder's next step is past due at today.
func Overdue(s Stakeholder, today time.Time) bool {
	return s.NextStep != "" && s.NextStepDue != nil && s.NextStepDue.Before(today)
}

// Coverage says whether a deal has found the people it needs.
type Coverage struct {
	HasDecisionMaker bool
	HasChampion      bool
}

// CoverageOf reads a deal's stakeholders.
func CoverageOf(list []Stakeholder) Coverage {
	var c Coverage
	for _, s := range list {
		c.HasDecisionMaker = c.HasDecisionMaker || s.DecisionRole == "decision_maker"
		c.HasChampion = c.HasChampion || s.Stance == "champion"
	}
	return c
}

// CoverageGap is an open deal lacking a decision maker or a champion. The repository
// computes it in SQL by the rule of CoverageOf.
type CoverageGap struct {
	DealID string
	Coverage
}
