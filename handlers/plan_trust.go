package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/deals"
)

// planAfterTargetResponse warns that an open deal's close gate (the contract signing,
// else its last gate) is due after its target close date. MilestoneID, Name and NameZh
// are set on a deal's own read; the list carries the date and the days only.
type planAfterTargetResponse struct {
	MilestoneID *string `json:"milestone_id"`
	Name        string  `json:"name"`
	NameZh      string  `json:"name_zh"`
	PlannedDue  date    `json:"planned_due"`
	DaysAfter   int     `json:"days_after"`
}

func toResponsePlanAfterTarget(c *deals.TargetConflict) *planAfterTargetResponse {
	if c == nil {
		return nil
	}
	id := c.Gate.ID
	return &planAfterTargetResponse{MilestoneID: &id, Name: c.Gate.Name, NameZh: c.Gate.NameZh, PlannedDue: toDate(c.Gate.PlannedDue), DaysAfter: c.DaysAfter}
}

// listPlanAfterTarget is the list's warning, from the close gate's date its query reads.
func listPlanAfterTarget(d deals.Deal) *planAfterTargetResponse {
	days := d.CloseGateAfterTarget()
	if days == nil {
		return nil
	}
	return &planAfterTargetResponse{PlannedDue: toDate(*d.CloseGateDue), DaysAfter: *days}
}

// withCriticalPath maps a plan to its responses, marking the milestones on its critical
// path (deals.CriticalPath).
func withCriticalPath(plan []deals.Milestone) func(deals.Milestone) milestoneResponse {
	critical := map[string]bool{}
	for _, id := range deals.CriticalPath(plan) {
		critical[id] = true
	}
	return func(m deals.Milestone) milestoneResponse {
		resp := toResponseMilestone(m)
		resp.Critical = critical[m.ID]
		return resp
	}
}

type commitBaselineRequest struct {
	Reason string `json:"reason" validate:"required,max=2000"`
}

// commitBaseline answers POST /deals/{id}/baselines/{baseline_id}/commit: slippage is
// measured against this baseline from now on; the reason goes to the activity trail.
func (s *server) commitBaseline(c echo.Context) error {
	var req commitBaselineRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	baselineID, err := pathID(c, "baseline_id")
	if err != nil {
		return err
	}
	b, err := s.deps.Deals.CommitBaseline(c.Request().Context(), dealActor(c, s), dealIDOf(c), baselineID, req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toResponseBaseline(b))
}

type targetCheckRequest struct {
	StartDate       *date `json:"start_date"`
	TargetCloseDate *date `json:"target_close_date" validate:"required"`
}

type targetCheckGateResponse struct {
	Key        string `json:"key"`
	Name       string `json:"name"`
	NameZh     string `json:"name_zh"`
	PlannedDue date   `json:"planned_due"`
}

type targetCheckResponse struct {
	Gate        *targetCheckGateResponse `json:"gate"`
	DaysAfter   int                      `json:"days_after"`
	StartToMeet *date                    `json:"start_to_meet"`
}

// checkTemplateTarget answers POST /templates/{id}/target-check: where the template's
// close gate falls when laid out from start_date (today when omitted), how many days
// after target_close_date, and the latest start that meets it (New deal's warning).
func (s *server) checkTemplateTarget(c echo.Context) error {
	var req targetCheckRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.deps.Deals.Template(c.Request().Context(), id)
	if err != nil {
		return err
	}
	start := deals.Day(s.deps.Deals.Now())
	if req.StartDate != nil {
		start = req.StartDate.Time
	}
	check := t.CheckTarget(start, req.TargetCloseDate.Time)
	out := targetCheckResponse{DaysAfter: check.DaysAfter, StartToMeet: toDatePtr(check.StartToMeet)}
	if g := check.Gate; g != nil {
		out.Gate = &targetCheckGateResponse{Key: g.Key, Name: g.Name, NameZh: g.NameZh, PlannedDue: toDate(g.PlannedDue)}
	}
	return c.JSON(http.StatusOK, out)
}
