package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/deals"
)

// listMilestones answers GET /deals/{id}/milestones: the plan in order.
func (s *server) listMilestones(c echo.Context) error {
	plan, err := s.deps.Deals.Plan(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[deals.Milestone]{Items: plan}, withCriticalPath(plan))
}

// createMilestone answers POST /deals/{id}/milestones (appended to the plan).
func (s *server) createMilestone(c echo.Context) error {
	var req createMilestoneRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	m, err := s.deps.Deals.CreateMilestone(c.Request().Context(), dealActor(c, s), dealIDOf(c), req.toDomain())
	if err != nil {
		return err
	}
	return writeMilestone(c, http.StatusCreated, m)
}

// getMilestone answers GET /milestones/{id}.
func (s *server) getMilestone(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.deps.Deals.Milestone(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeMilestone(c, http.StatusOK, m)
}

// updateMilestone answers PATCH /milestones/{id}: fields, dates, dependencies, status.
func (s *server) updateMilestone(c echo.Context) error {
	id, version, req, err := targetWithBody[updateMilestoneRequest](c)
	if err != nil {
		return err
	}
	m, err := s.deps.Deals.UpdateMilestone(c.Request().Context(), dealActor(c, s), id, version, req.toDomain())
	if err != nil {
		return err
	}
	return writeMilestone(c, http.StatusOK, m)
}

// deleteMilestone answers DELETE /milestones/{id}.
func (s *server) deleteMilestone(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Deals.DeleteMilestone(c.Request().Context(), dealActor(c, s), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type reorderRequest struct {
	MilestoneIDs []string `json:"milestone_ids" validate:"required,dive,uuid"`
}

// reorderMilestones answers PUT /deals/{id}/milestones/order.
func (s *server) reorderMilestones(c echo.Context) error {
	var req reorderRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.deps.Deals.Reorder(c.Request().Context(), dealActor(c, s), dealIDOf(c), req.MilestoneIDs); err != nil {
		return err
	}
	return s.listMilestones(c)
}

// previewReschedule answers POST /milestones/{id}/reschedule/preview: the moves that new
// dates imply for the milestone and its dependents; nothing changes.
func (s *server) previewReschedule(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req rescheduleRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	moves, err := s.deps.Deals.PreviewReschedule(c.Request().Context(), dealActor(c, s), id, req.PlannedStart.Time, req.PlannedDue.Time)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"moves": toResponseMoves(moves)})
}

// applyReschedule answers POST /milestones/{id}/reschedule (If-Match: the milestone's
// version): the milestone and its dependents move in one transaction, or nothing does.
func (s *server) applyReschedule(c echo.Context) error {
	id, version, req, err := targetWithBody[rescheduleRequest](c)
	if err != nil {
		return err
	}
	moves, err := s.deps.Deals.ApplyReschedule(c.Request().Context(), dealActor(c, s), id, version, req.PlannedStart.Time, req.PlannedDue.Time)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"moves": toResponseMoves(moves)})
}

func writeMilestone(c echo.Context, status int, m deals.Milestone) error {
	setETag(c, m.Version)
	return c.JSON(status, toResponseMilestone(m))
}
