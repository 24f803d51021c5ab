package handlers

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/policies"
)

var dealList = listOf(deals.DealSorts)

// listDeals answers GET /deals with filters segment, team_id (with sub-teams), status,
// period (of the target close date), customer_id, member_id and q; only deals the
// caller may read are listed.
func (s *server) listDeals(c echo.Context) error {
	p, f, err := s.dealListQuery(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Deals.ListDeals(c.Request().Context(), f, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toListItem)
}

// dealListQuery reads what GET /deals and GET /deals/summary share: the list's paging,
// sort and q, its filters, and the caller's visibility.
func (s *server) dealListQuery(c echo.Context) (domain.ListParams, deals.DealFilter, error) {
	p, err := dealList.parse(c)
	if err != nil {
		return p, deals.DealFilter{}, err
	}
	f, err := s.dealFilter(c)
	if err != nil {
		return p, f, err
	}
	if err := s.confidenceFilter(c, &f, p); err != nil {
		return p, f, err
	}
	f.Visible, err = s.dealVisibility(c.Request().Context(), callerOf(c))
	return p, f, err
}

func (s *server) dealFilter(c echo.Context) (deals.DealFilter, error) {
	var f deals.DealFilter
	q := c.QueryParams()
	if v := q.Get("segment"); v != "" {
		seg := deals.Segment(v)
		if !seg.Valid() {
			return f, badQuery("segment", "oneof", "g2b key_account")
		}
		f.Segment = &seg
	}
	if v := q.Get("status"); v != "" {
		st := deals.DealStatus(v)
		if !st.Valid() {
			return f, badQuery("status", "oneof", "open won lost abandoned")
		}
		f.Status = &st
	}
	if v := q.Get("period"); v != "" {
		fyStart, err := s.fiscalYearStart(c.Request().Context())
		if err != nil {
			return f, err
		}
		period, err := deals.ParsePeriod(v, fyStart)
		if err != nil {
			return f, badQuery("period", "period", "")
		}
		f.CloseFrom, f.CloseTo = &period.From, &period.To
		f.ConfidencePeriod = period.Name
	}
	for name, dst := range map[string]**string{"customer_id": &f.CustomerID, "member_id": &f.MemberID} {
		if v := q.Get(name); v != "" {
			id, err := parseUUID(v)
			if err != nil {
				return f, badQuery(name, "uuid", "")
			}
			*dst = &id
		}
	}
	if v := q.Get("team_id"); v != "" {
		id, err := parseUUID(v)
		if err != nil {
			return f, badQuery("team_id", "uuid", "")
		}
		teams, err := s.deps.Identity.TeamsWithDescendants(c.Request().Context(), []string{id})
		if err != nil {
			return f, err
		}
		f.TeamIDs = teams
	}
	return f, nil
}

// getDeal answers GET /deals/{id}, with the plan's slippage.
func (s *server) getDeal(c echo.Context) error {
	ctx := c.Request().Context()
	d, err := s.deps.Deals.Deal(ctx, dealIDOf(c))
	if err != nil {
		return err
	}
	plan, err := s.deps.Deals.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	setETag(c, d.Version)
	resp := toResponseDeal(d)
	resp.Slippage = toResponseSlippage(deals.DealSlippage(plan))
	resp.PlanAfterTarget = toResponsePlanAfterTarget(d.PlanAfterTarget(plan))
	resp.Permissions = s.deps.Policy.Permissions(dealRolesOf(c), dealPermissionObjects, []string{policies.Read, policies.Write, policies.Create})
	return c.JSON(http.StatusOK, resp)
}

// dealPermissionObjects are the parts of a deal the SPA asks about (GET /deals/{id}).
var dealPermissionObjects = []string{"deal", "deal.plan", "deal.plan.solution", "deal.baselines", "deal.team",
	"deal.stakeholders", "deal.retrospectives", "deal.gates", "deal.solution_items", "deal.judgement"}

// createDeal answers POST /deals; template_id and start_date lay out the plan.
func (s *server) createDeal(c echo.Context) error {
	ctx := c.Request().Context()
	var req createDealRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	in := req.toDomain()
	var err error
	// Only roles allowed every deal may put one in any team; others in their own teams.
	if in.AllowedTeams, err = s.allowedTeams(ctx, callerOf(c)); err != nil {
		return err
	}
	d, err := s.deps.Deals.CreateDeal(ctx, dealActor(c, s), in)
	if err != nil {
		return err
	}
	plan, err := s.deps.Deals.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	return writeDeal(c, http.StatusCreated, d, &plan)
}

// updateDeal answers PATCH /deals/{id} (fields and status); a move to another team
// follows the creation rule (one of the caller's teams; admins any). A caller with
// deal.judgement write but not deal write (the business role) may send only the judgement
// fields: any other is 403 naming it.
func (s *server) updateDeal(c echo.Context) error {
	ctx := c.Request().Context()
	version, err := ifMatchVersion(c)
	if err != nil {
		return err
	}
	var req updateDealRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	patch := req.toDomain()
	if patch.TeamID != nil {
		if patch.AllowedTeams, err = s.allowedTeams(ctx, callerOf(c)); err != nil {
			return err
		}
	}
	actor := dealActor(c, s)
	// Reached with deal.judgement write alone (the deal's business role): the judgement only.
	actor.JudgementOnly = !s.deps.Policy.Allowed(dealRolesOf(c), "deal", policies.Write)
	d, err := s.deps.Deals.UpdateDeal(ctx, actor, dealIDOf(c), version, patch)
	if err != nil {
		return err
	}
	plan, err := s.deps.Deals.Plan(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	return writeDeal(c, http.StatusOK, d, &plan)
}

// deleteDeal answers DELETE /deals/{id} (admins; the audit trail keeps what it was).
func (s *server) deleteDeal(c echo.Context) error {
	_, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Deals.DeleteDeal(c.Request().Context(), dealActor(c, s), dealIDOf(c), version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// setDealTeam answers PUT /deals/{id}/team: the body is the whole new deal team, a JSON
// list of members. No list (an empty body, null, an object, trailing data) is 400
// naming "team" and changes nothing; a list without a PMO is 422 (deals.CheckDealTeam).
func (s *server) setDealTeam(c echo.Context) error {
	version, err := ifMatchVersion(c)
	if err != nil {
		return err
	}
	var req teamRequest
	if err := bindJSON(c, &req); err != nil { // empty or null: 400, never "no team"
		return err
	}
	d, err := s.deps.Deals.SetTeam(c.Request().Context(), dealActor(c, s), dealIDOf(c), version, toDomainMembers(req))
	if err != nil {
		return err
	}
	return writeDeal(c, http.StatusOK, d, nil)
}

func writeDeal(c echo.Context, status int, d deals.Deal, plan *[]deals.Milestone) error {
	setETag(c, d.Version)
	resp := toResponseDeal(d)
	if plan != nil {
		resp.Slippage = toResponseSlippage(deals.DealSlippage(*plan))
		resp.PlanAfterTarget = toResponsePlanAfterTarget(d.PlanAfterTarget(*plan))
	}
	return c.JSON(status, resp)
}

// dealActor is the caller as the deals service sees it. On a deal route its plan rights
// follow its roles there: deal.plan write reaches the whole plan; deal.plan.solution
// write only milestones owned by the solution role, and only their owner fields.
func dealActor(c echo.Context, s *server) deals.Actor {
	caller := callerOf(c)
	a := deals.Actor{UserID: caller.User.ID, IsAdmin: s.deps.Policy.Allowed(globalRoles(caller), "deal", policies.Write)}
	if roles := dealRolesOf(c); roles != nil && !s.deps.Policy.Allowed(roles, "deal.plan", policies.Write) {
		a.Plan.Limited = true
		if s.deps.Policy.Allowed(roles, "deal.plan.solution", policies.Write) {
			a.Plan.OwnedBy = []deals.OwnerRole{deals.RoleSolution}
		}
	}
	return a
}

// allowedTeams are the teams the caller may put a deal in (on creation or a move): any
// for roles allowed every deal (nil), else its teams and those below them.
func (s *server) allowedTeams(ctx context.Context, caller identity.Caller) ([]string, error) {
	if s.deps.Policy.Allowed(globalRoles(caller), "deal", policies.Write) {
		return nil, nil
	}
	teams, err := s.visibleTeams(ctx, caller)
	if err != nil {
		return nil, err
	}
	if teams == nil {
		teams = []string{} // no team: may put a deal nowhere (nil would mean anywhere)
	}
	return teams, nil
}
