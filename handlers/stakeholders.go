package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/stakeholders"
)

// listStakeholders answers GET /deals/{id}/stakeholders.
func (s *server) listStakeholders(c echo.Context) error {
	list, err := s.deps.Stakeholders.ListStakeholders(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[stakeholders.Stakeholder]{Items: list}, toResponseStakeholder)
}

// createStakeholder answers POST /deals/{id}/stakeholders: contact_id, or name/title to
// create the customer's contact on the way.
func (s *server) createStakeholder(c echo.Context) error {
	var req createStakeholderRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	st, err := s.deps.Stakeholders.AddStakeholder(c.Request().Context(), callerOf(c).User.ID, dealIDOf(c), req.toDomain())
	if err != nil {
		return err
	}
	return writeStakeholder(c, http.StatusCreated, st)
}

func (s *server) getStakeholder(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	st, err := s.deps.Stakeholders.Stakeholder(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeStakeholder(c, http.StatusOK, st)
}

// updateStakeholder answers PATCH /stakeholders/{id}; tracked changes go to the history
// with the request's note.
func (s *server) updateStakeholder(c echo.Context) error {
	id, version, req, err := targetWithBody[updateStakeholderRequest](c)
	if err != nil {
		return err
	}
	st, err := s.deps.Stakeholders.UpdateStakeholder(c.Request().Context(), callerOf(c).User.ID, id, version, req.toDomain())
	if err != nil {
		return err
	}
	return writeStakeholder(c, http.StatusOK, st)
}

func (s *server) deleteStakeholder(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Stakeholders.RemoveStakeholder(c.Request().Context(), callerOf(c).User.ID, id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// stakeholderHistory answers GET /stakeholders/{id}/history, newest first.
func (s *server) stakeholderHistory(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Stakeholders.History(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[stakeholders.HistoryEntry]{Items: list}, toResponseHistory)
}

func writeStakeholder(c echo.Context, status int, st stakeholders.Stakeholder) error {
	setETag(c, st.Version)
	return c.JSON(status, toResponseStakeholder(st))
}
