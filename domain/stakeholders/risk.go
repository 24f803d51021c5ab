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
// to it is a skeptic or blocker, or was last contacted more than the stale days ago (or
// never), for the open gates due within the window. The repository finds them in SQL over
// the deals the caller may read (repository/stakeholders.go), a page at a time.
type GateRisk struct {
	Gate        Gate
	Stakeholder Stakeholder
	Reason      string // "stance" or "not_contacted"
}

// Coverage says whether a deal has found the people it needs: a stakeholder who is the
// decision maker, and one who is a champion.
type Coverage struct {
	HasDecisionMaker bool
	HasChampion      bool
}

// CoverageGap is an open deal lacking a decision maker or a champion (Coverage); the
// repository finds them in SQL.
type CoverageGap struct {
	DealID string
	Coverage
}
