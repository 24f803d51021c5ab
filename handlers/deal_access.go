package handlers

import (
	"context"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/policies"
)

const (
	dealIDKey    = "summit.deal_id"
	dealRolesKey = "summit.deal_roles"
)

// authorizeDeal resolves the deal a route acts on, derives the caller's roles on it
// (deal team roles, and deal_reader for members of the deal's team or a parent team)
// and asks casbin. A deal the caller may not read is a 404, so ids cannot be probed;
// one they read but may not change is a 403. Solution-role milestones are also open to
// the solution role (object deal.plan.solution).
func (s *server) authorizeDeal(a access) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx := c.Request().Context()
			id, err := pathID(c, "id")
			if err != nil {
				return err
			}
			acc, err := s.dealAccess(ctx, a.scope, id)
			if err != nil {
				return err
			}
			dealID := acc.DealID
			roles, err := s.rolesOn(ctx, callerOf(c), acc)
			if err != nil {
				return err
			}
			owner, err := s.ownsAction(ctx, a, id, callerOf(c))
			if err != nil {
				return err
			}
			if !s.deps.Policy.Allowed(roles, "deal", policies.Read) && !owner {
				return domain.ErrNotFound
			}
			either := a.orObj != "" && s.deps.Policy.Allowed(roles, a.orObj, a.act)
			if !s.deps.Policy.Allowed(roles, a.obj, a.act) && !owner && !either {
				solution, err := s.solutionMilestone(ctx, a, id, roles)
				if err != nil {
					return err
				}
				if !solution {
					return domain.ErrForbidden
				}
			}
			c.Set(dealIDKey, dealID)
			c.Set(dealRolesKey, roles)
			return next(c)
		}
	}
}

// readAccessAhead asks the statement that authenticates the request to read the access
// of the deal the path's :id names (or its milestone's deal) as well
// (deals.ReadAccessAhead): authorizeDeal then costs no statement of its own.
func readAccessAhead(scope dealScope) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if id, err := pathID(c, "id"); err == nil {
				dealID, milestoneID := id, ""
				if scope == milestoneInPath {
					dealID, milestoneID = "", id
				}
				c.SetRequest(c.Request().WithContext(deals.ReadAccessAhead(c.Request().Context(), dealID, milestoneID)))
			}
			return next(c)
		}
	}
}

// dealAccess reads what authorization needs of the deal the path's :id belongs to: one
// statement for a deal or a milestone, two for the rest.
func (s *server) dealAccess(ctx context.Context, scope dealScope, id string) (deals.Access, error) {
	switch scope {
	case dealInPath:
		return s.deps.Deals.Access(ctx, id)
	case milestoneInPath:
		return s.deps.Deals.MilestoneAccess(ctx, id)
	}
	dealID, err := s.dealOf(ctx, scope, id)
	if err != nil {
		return deals.Access{}, err
	}
	return s.deps.Deals.Access(ctx, dealID)
}

// dealOf finds the deal that the path's :id (a stakeholder, retrospective or action
// item) belongs to.
func (s *server) dealOf(ctx context.Context, scope dealScope, id string) (string, error) {
	switch scope {
	case stakeholderInPath:
		return s.deps.Stakeholders.StakeholderDeal(ctx, id)
	case retrospectiveInPath:
		return s.deps.Reviews.RetrospectiveDeal(ctx, id)
	case actionInPath:
		return s.deps.Reviews.ActionDeal(ctx, id)
	}
	return id, nil
}

// ownsAction lets the owner of an action item update it, whatever their deal roles:
// "my actions" are theirs to close.
func (s *server) ownsAction(ctx context.Context, a access, actionID string, caller identity.Caller) (bool, error) {
	if a.scope != actionInPath {
		return false, nil
	}
	return s.deps.Reviews.OwnsAction(ctx, actionID, caller.User.ID)
}

// solutionMilestone allows plan edits of a milestone owned by the solution role to
// callers whose roles allow deal.plan.solution.
func (s *server) solutionMilestone(ctx context.Context, a access, milestoneID string, roles []string) (bool, error) {
	if a.scope != milestoneInPath || a.obj != "deal.plan" || !s.deps.Policy.Allowed(roles, "deal.plan.solution", a.act) {
		return false, nil
	}
	m, err := s.deps.Deals.Milestone(ctx, milestoneID)
	return err == nil && m.OwnerRole == deals.RoleSolution, err
}

// rolesOn are the caller's global roles plus those it holds on the deal of acc
// (deals.RolesOn), named as policies/policy.csv knows them.
func (s *server) rolesOn(ctx context.Context, caller identity.Caller, acc deals.Access) ([]string, error) {
	teams, err := s.visibleTeams(ctx, caller)
	if err != nil {
		return nil, err
	}
	held := deals.RolesOn(acc, deals.Visibility{TeamIDs: teams, UserID: caller.User.ID})
	return append(globalRoles(caller), policyRoles(held)...), nil
}

// dealRolePolicy names each deal-team role as the policy does.
var dealRolePolicy = map[deals.OwnerRole]string{
	deals.RolePMO:      policies.RoleDealPMO,
	deals.RoleBusiness: policies.RoleDealBusiness,
	deals.RoleSolution: policies.RoleDealSolution,
}

// policyRoles are the policy's names of the roles held on a deal.
func policyRoles(held deals.DealRoles) []string {
	var roles []string
	for _, r := range held.Team {
		if name, ok := dealRolePolicy[r]; ok {
			roles = append(roles, name)
		}
	}
	if held.Reader {
		roles = append(roles, policies.RoleDealReader)
	}
	return roles
}

// visibleTeams are the caller's teams and every team below them: read with the
// credential when the request was authenticated (Caller.Reach), else now.
func (s *server) visibleTeams(ctx context.Context, caller identity.Caller) ([]string, error) {
	if caller.Reach != nil {
		if len(caller.Reach) == 0 {
			return nil, nil
		}
		return caller.Reach, nil
	}
	return s.deps.Identity.TeamsWithDescendants(ctx, caller.User.TeamIDs)
}

// dealVisibility limits a deal list to what the caller may read: nothing to limit for
// roles that read every deal (admin, executive).
func (s *server) dealVisibility(ctx context.Context, caller identity.Caller) (*deals.Visibility, error) {
	if s.deps.Policy.Allowed(globalRoles(caller), "deal", policies.Read) {
		return nil, nil
	}
	teams, err := s.visibleTeams(ctx, caller)
	if err != nil {
		return nil, err
	}
	return &deals.Visibility{TeamIDs: teams, UserID: caller.User.ID}, nil
}

// dealRolesOf are the caller's roles on the route's deal, as authorizeDeal derived them.
func dealRolesOf(c echo.Context) []string {
	roles, _ := c.Get(dealRolesKey).([]string)
	return roles
}

func dealIDOf(c echo.Context) string {
	id, _ := c.Get(dealIDKey).(string)
	return id
}
