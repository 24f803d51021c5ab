package handlers

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"summit/domain"
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

// riskDeals are the open deals the caller may read, narrowed to ?deal_id= when given.
func (s *server) riskDeals(c echo.Context) ([]string, error) {
	ctx := c.Request().Context()
	vis, err := s.dealVisibility(ctx, callerOf(c))
	if err != nil {
		return nil, err
	}
	ids, err := s.deps.Deals.OpenDealIDs(ctx, vis)
	if err != nil {
		return nil, err
	}
	if raw := c.QueryParam("deal_id"); raw != "" {
		id, err := parseUUID(raw)
		if err != nil {
			return nil, badQuery("deal_id", "uuid", "")
		}
		if !slices.Contains(ids, id) {
			return []string{}, nil
		}
		return []string{id}, nil
	}
	return ids, nil
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
// contacted for `stale_days`.
func (s *server) gateRisks(c echo.Context) error {
	days, err := intParam(c, "days", 30, 366)
	if err != nil {
		return err
	}
	stale, err := intParam(c, "stale_days", 30, 366)
	if err != nil {
		return err
	}
	ids, err := s.riskDeals(c)
	if err != nil {
		return err
	}
	risks, err := s.deps.Stakeholders.GateRisks(c.Request().Context(), stakeholders.RiskQuery{DealIDs: ids, GateDays: days, StaleDays: stale})
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[stakeholders.GateRisk]{Items: risks}, func(r stakeholders.GateRisk) gateRiskResponse {
		return gateRiskResponse{DealID: r.Gate.DealID, DealName: r.Gate.DealName, MilestoneID: r.Gate.MilestoneID, GateName: r.Gate.Name,
			Due: toDate(r.Gate.Due), StakeholderID: r.Stakeholder.ID, StakeholderName: r.Stakeholder.Contact.Name,
			DecisionRole: string(r.Stakeholder.DecisionRole), Stance: string(r.Stakeholder.Stance),
			LastContactOn: toDatePtr(r.Stakeholder.LastContactOn), Reason: r.Reason, OwnerID: r.Stakeholder.OwnerID}
	})
}

// overdueNextSteps answers GET /risks/next-steps: stakeholders whose next step is past due.
func (s *server) overdueNextSteps(c echo.Context) error {
	ids, err := s.riskDeals(c)
	if err != nil {
		return err
	}
	list, err := s.deps.Stakeholders.OverdueNextSteps(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[stakeholders.Stakeholder]{Items: list}, toResponseStakeholder)
}

// coverageGaps answers GET /risks/coverage: open deals with no identified decision maker
// or no champion.
func (s *server) coverageGaps(c echo.Context) error {
	ids, err := s.riskDeals(c)
	if err != nil {
		return err
	}
	gaps, err := s.deps.Stakeholders.CoverageGaps(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	items := []coverageResponse{}
	for _, id := range ids {
		if g := gaps[id]; !g.HasDecisionMaker || !g.HasChampion {
			items = append(items, coverageResponse{DealID: id, HasDecisionMaker: g.HasDecisionMaker, HasChampion: g.HasChampion})
		}
	}
	return c.JSON(http.StatusOK, listResponse[coverageResponse]{Items: items})
}
