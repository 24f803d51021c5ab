package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/reviews"
)

type gateDecisionResponse struct {
	ID          string    `json:"id"`
	MilestoneID string    `json:"milestone_id"`
	Decision    string    `json:"decision"`
	DecidedBy   *string   `json:"decided_by"`
	DecidedOn   date      `json:"decided_on"`
	Rationale   string    `json:"rationale"`
	Conditions  string    `json:"conditions"`
	CreatedAt   time.Time `json:"created_at"`
}

func toResponseDecision(d reviews.GateDecision) gateDecisionResponse {
	return gateDecisionResponse{ID: d.ID, MilestoneID: d.MilestoneID, Decision: string(d.Decision), DecidedBy: d.DecidedBy,
		DecidedOn: toDate(d.DecidedOn), Rationale: d.Rationale, Conditions: d.Conditions, CreatedAt: d.CreatedAt}
}

// gateDecisionRequest records a go / no-go; abandon_deal with a no-go ends the deal
// (If-Match then carries the deal's version).
type gateDecisionRequest struct {
	MilestoneID string `json:"milestone_id" validate:"required,uuid"`
	Decision    string `json:"decision" validate:"required,oneof=go no_go"`
	DecidedOn   *date  `json:"decided_on"`
	Rationale   string `json:"rationale" validate:"required,max=4000"`
	Conditions  string `json:"conditions" validate:"max=4000"`
	AbandonDeal bool   `json:"abandon_deal"`
}

// listDecisions answers GET /deals/{id}/gate-decisions, in the order they were taken.
func (s *server) listDecisions(c echo.Context) error {
	list, err := s.deps.Reviews.ListDecisions(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[reviews.GateDecision]{Items: list}, toResponseDecision)
}

// createDecision answers POST /deals/{id}/gate-decisions.
func (s *server) createDecision(c echo.Context) error {
	var req gateDecisionRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	dealVersion := 0
	if req.AbandonDeal {
		v, err := ifMatchVersion(c)
		if err != nil {
			return err
		}
		dealVersion = v
	}
	d := reviews.GateDecision{DealID: dealIDOf(c), MilestoneID: req.MilestoneID, Decision: reviews.Decision(req.Decision),
		Rationale: req.Rationale, Conditions: req.Conditions}
	if req.DecidedOn != nil {
		d.DecidedOn = req.DecidedOn.Time
	}
	out, err := s.deps.Reviews.Decide(c.Request().Context(), callerOf(c).User.ID, d, req.AbandonDeal, dealVersion)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toResponseDecision(out))
}
