package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"summit/domain/stakeholders"
)

type gateRiskResponse struct {
	DealID          string  `json:"deal_id"`
	DealName        string  `json:"deal_name"`
	MilestoneID     string  `json:"milestone_id"`
	GateName        string  `json:"gate_name"`
	Due             date    `json:"due"`
	StakeholderID   string  `json:"stakeholder_id"`
	StakeholderName string  `json:"stakeholder_name"`
	DecisionRole    string  `json:"decision_role"`
	Stance          string  `json:"stance"`
	LastContactOn   *date   `json:"last_contact_on"`
	Reason          string  `json:"reason"`
	OwnerID         *string `json:"owner_id"`
}

type coverageResponse struct {
	DealID           string `json:"deal_id"`
	HasDecisionMaker bool   `json:"has_decision_maker"`
	HasChampion      bool   `json:"has_champion"`
}

var (
	gateRiskList = listOf(stakeholders.GateRiskSorts)
	nextStepList = listOf(stakeholders.NextStepSorts)
	coverageList = listOf(stakeholders.CoverageSorts)
)

// riskQuery reads what every risk view takes: the page (?limit=, ?cursor=, ?sort=),
// ?deal_id= and the caller's visibility, which the repository applies in SQL.
func (s *server) riskQuery(c echo.Context, list listQuery) (stakeholders.RiskQuery, error) {
	var q stakeholders.RiskQuery
	p, err := list.parse(c)
	if err != nil {
		return q, err
	}
	q.List = p
	if raw := c.QueryParam("deal_id"); raw != "" {
		id, err := parseUUID(raw)
		if err != nil {
			return q, badQuery("deal_id", "uuid", "")
		}
		q.DealID = id
	}
	q.Visible, err = s.dealVisibility(c.Request().Context(), callerOf(c))
	return q, err
}

func intParam(c echo.Context, name string, def, max int) (int, error) {
	raw := c.QueryParam(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > max {
		return 0, badQuery(name, "range", "0–"+strconv.Itoa(max))
	}
	return n, nil
}

// gateRisks answers GET /risks/gates?days=30&stale_days=30[&deal_id=]: gates due within
// `days` whose decision makers or economic buyers are skeptic or blocker, or were not
// contacted for `stale_days`, soonest first, a page at a time.
func (s *server) gateRisks(c echo.Context) error {
	days, err := intParam(c, "days", 30, 366)
	if err != nil {
		return err
	}
	stale, err := intParam(c, "stale_days", 30, 366)
	if err != nil {
		return err
	}
	q, err := s.riskQuery(c, gateRiskList)
	if err != nil {
		return err
	}
	q.GateDays, q.StaleDays = days, stale
	page, err := s.deps.Stakeholders.GateRisks(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return writeList(c, q.List, page, func(r stakeholders.GateRisk) gateRiskResponse {
		return gateRiskResponse{DealID: r.Gate.DealID, DealName: r.Gate.DealName, MilestoneID: r.Gate.MilestoneID, GateName: r.Gate.Name,
			Due: toDate(r.Gate.Due), StakeholderID: r.Stakeholder.ID, StakeholderName: r.Stakeholder.Contact.Name,
			DecisionRole: string(r.Stakeholder.DecisionRole), Stance: string(r.Stakeholder.Stance),
			LastContactOn: toDatePtr(r.Stakeholder.LastContactOn), Reason: r.Reason, OwnerID: r.Stakeholder.OwnerID}
	})
}

// overdueNextSteps answers GET /risks/next-steps[?deal_id=]: stakeholders whose next step
// is past due, most overdue first, a page at a time.
func (s *server) overdueNextSteps(c echo.Context) error {
	q, err := s.riskQuery(c, nextStepList)
	if err != nil {
		return err
	}
	page, err := s.deps.Stakeholders.OverdueNextSteps(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return writeList(c, q.List, page, toResponseStakeholder)
}

// coverageGaps answers GET /risks/coverage[?deal_id=]: open deals with no identified
// decision maker or no champion, by deal id, a page at a time.
func (s *server) coverageGaps(c echo.Context) error {
	q, err := s.riskQuery(c, coverageList)
	if err != nil {
		return err
	}
	page, err := s.deps.Stakeholders.CoverageGaps(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return writeList(c, q.List, page, func(g stakeholders.CoverageGap) coverageResponse {
		return coverageResponse{DealID: g.DealID, HasDecisionMaker: g.HasDecisionMaker, HasChampion: g.HasChampion}
	})
}
