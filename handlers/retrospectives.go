package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
)

// overdue says whether an action is overdue today.
func overdue(a reviews.Action) bool { return a.Overdue(deals.Day(time.Now())) }

func writeRetrospective(c echo.Context, status int, r reviews.Retrospective) error {
	setETag(c, r.Version)
	return c.JSON(status, toResponseRetrospective(r, overdue))
}

// listRetrospectives answers GET /deals/{id}/retrospectives, newest first.
func (s *server) listRetrospectives(c echo.Context) error {
	list, err := s.deps.Reviews.ListRetrospectives(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[reviews.Retrospective]{Items: list},
		func(r reviews.Retrospective) retrospectiveResponse { return toResponseRetrospective(r, overdue) })
}

// createRetrospective answers POST /deals/{id}/retrospectives (PMO or business role).
func (s *server) createRetrospective(c echo.Context) error {
	var req retrospectiveRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	r, err := s.deps.Reviews.HoldRetrospective(c.Request().Context(), callerOf(c).User.ID, req.toDomain(dealIDOf(c)))
	if err != nil {
		return err
	}
	return writeRetrospective(c, http.StatusCreated, r)
}

func (s *server) getRetrospective(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.deps.Reviews.Retrospective(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeRetrospective(c, http.StatusOK, r)
}

// updateRetrospective answers PUT /retrospectives/{id}: fields and actions replaced.
func (s *server) updateRetrospective(c echo.Context) error {
	id, version, req, err := targetWithBody[retrospectiveRequest](c)
	if err != nil {
		return err
	}
	r, err := s.deps.Reviews.UpdateRetrospective(c.Request().Context(), callerOf(c).User.ID, id, version, req.toDomain(dealIDOf(c)))
	if err != nil {
		return err
	}
	return writeRetrospective(c, http.StatusOK, r)
}

func (s *server) deleteRetrospective(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Reviews.DeleteRetrospective(c.Request().Context(), callerOf(c).User.ID, id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type actionStatusRequest struct {
	Status string `json:"status" validate:"required,oneof=open done"`
}

// updateAction answers PATCH /actions/{id}: its owner (or the deal's PMO) marks it done.
func (s *server) updateAction(c echo.Context) error {
	id, version, req, err := targetWithBody[actionStatusRequest](c)
	if err != nil {
		return err
	}
	a, err := s.deps.Reviews.SetActionStatus(c.Request().Context(), callerOf(c).User.ID, id, version, req.Status)
	if err != nil {
		return err
	}
	setETag(c, a.Version)
	return c.JSON(http.StatusOK, toResponseAction(a, overdue(a)))
}

var myActionList = listOf(reviews.MyActionSorts)

// myItemResponse is one item of My actions: an action ("action") or a stakeholder's next
// step ("next_step"); id and version are what PATCH /actions/{id} or /stakeholders/{id} take.
type myItemResponse struct {
	Kind            string `json:"kind"`
	ID              string `json:"id"`
	DealID          string `json:"deal_id"`
	DealName        string `json:"deal_name"`
	Title           string `json:"title"`
	StakeholderName string `json:"stakeholder_name,omitempty"`
	DueOn           *date  `json:"due_on"`
	Overdue         bool   `json:"overdue"`
	Flagged         bool   `json:"flagged"`
	Version         int    `json:"version"`
}

// myActions answers GET /me/actions: one page of the caller's open retrospective actions
// and the stakeholder next steps they own, on the open deals they may read, grouped by deal
// (deals with something overdue first), soonest due first within a deal.
func (s *server) myActions(c echo.Context) error {
	p, err := myActionList.parse(c)
	if err != nil {
		return err
	}
	if p.Sort.Desc {
		return badQuery("sort", "sort", "due")
	}
	caller := callerOf(c)
	visible, err := s.dealVisibility(c.Request().Context(), caller)
	if err != nil {
		return err
	}
	page, err := s.deps.Reviews.MyActions(c.Request().Context(), reviews.MyActionsQuery{UserID: caller.User.ID, Visible: visible, List: p})
	if err != nil {
		return err
	}
	today := deals.Day(time.Now())
	return writeList(c, p, page, func(i reviews.MyItem) myItemResponse {
		return myItemResponse{Kind: i.Kind, ID: i.ID, DealID: i.DealID, DealName: i.DealName, Title: i.Title,
			StakeholderName: i.StakeholderName, DueOn: toDatePtr(i.Due), Overdue: i.Overdue(today), Flagged: i.Flagged, Version: i.Version}
	})
}

// overdueActions answers GET /deals/{id}/actions/overdue.
func (s *server) overdueActions(c echo.Context) error {
	list, err := s.deps.Reviews.OverdueActions(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[reviews.Action]{Items: list},
		func(a reviews.Action) actionResponse { return toResponseAction(a, true) })
}
