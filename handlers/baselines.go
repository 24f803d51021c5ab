package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/deals"
)

type baselineMilestoneDTO struct {
	MilestoneID  string `json:"milestone_id"`
	PlannedStart date   `json:"planned_start"`
	PlannedDue   date   `json:"planned_due"`
}

type baselineResponse struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Reason  string    `json:"reason"`
	TakenAt time.Time `json:"taken_at"`
	TakenBy *string   `json:"taken_by"`
	// Committed: slippage is measured against this baseline (the first one taken unless
	// the PMO committed to another, for CommittedReason).
	Committed       bool                   `json:"committed"`
	CommittedReason string                 `json:"committed_reason"`
	Milestones      []baselineMilestoneDTO `json:"milestones"`
}

func toResponseBaseline(b deals.Baseline) baselineResponse {
	out := baselineResponse{ID: b.ID, Name: b.Name, Reason: b.Reason, TakenAt: b.TakenAt, TakenBy: b.TakenBy,
		Committed: b.Committed, CommittedReason: b.CommittedReason,
		Milestones: make([]baselineMilestoneDTO, 0, len(b.Milestones))}
	for _, m := range b.Milestones {
		out.Milestones = append(out.Milestones, baselineMilestoneDTO{MilestoneID: m.MilestoneID, PlannedStart: toDate(m.PlannedStart), PlannedDue: toDate(m.PlannedDue)})
	}
	return out
}

type baselineRequest struct {
	Name   string `json:"name" validate:"required,max=200"`
	Reason string `json:"reason" validate:"max=2000"`
}

// listBaselines answers GET /deals/{id}/baselines, newest first, each with its dates so
// any two can be compared.
func (s *server) listBaselines(c echo.Context) error {
	bs, err := s.deps.Deals.ListBaselines(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[deals.Baseline]{Items: bs}, toResponseBaseline)
}

// takeBaseline answers POST /deals/{id}/baselines.
func (s *server) takeBaseline(c echo.Context) error {
	var req baselineRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	b, err := s.deps.Deals.TakeBaseline(c.Request().Context(), dealActor(c, s), dealIDOf(c), req.Name, req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toResponseBaseline(b))
}
