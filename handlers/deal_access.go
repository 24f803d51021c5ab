package handlers

import (
	"context"
	"slices"

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
			dealID, err := s.dealOf(ctx, a.scope, id)
			if err != nil {
				return err
			}
			roles, err := s.dealRoles(ctx, callerOf(c), dealID)
			if err != nil {
				return err
			}
			owner := s.ownsAction(ctx, a, id, callerOf(c))
			if !s.deps.Policy.Allowed(roles, "deal", policies.Read) && !owner {
				return domain.ErrNotFound
			}
			if !s.deps.Policy.Allowed(roles, a.obj, a.act) && !s.solutionMilestone(ctx, a, id, roles) && !owner {
				return domain.ErrForbidden
			}
			c.Set(dealIDKey, dealID)
			c.Set(dealRolesKey, roles)
			return next(c)
		}
	}
}

// dealOf finds the deal that the path's :id belongs to.
func (s *server) dealOf(ctx context.Context, scope dealScope, id string) (string, error) {
	switch scope {
	case milestoneInPath:
		return s.deps.Deals.Store.MilestoneDeal(ctx, id)
	case stakeholderInPath:
		return s.deps.Stakeholders.Store.StakeholderDeal(ctx, id)
	case retrospectiveInPath:
		return s.deps.Reviews.Store.RetrospectiveDeal(ctx, id)
	case actionInPath:
		return s.deps.Reviews.Store.ActionDeal(ctx, id)
	}
	return id, nil
}

// ownsAction lets the owner of an action item update it, whatever their deal roles:
// "my actions" are theirs to close.
func (s *server) ownsAction(ctx context.Context, a access, actionID string, caller identity.Caller) bool {
	if a.scope != actionInPath {
		return false
	}
	action, err := s.deps.Reviews.Store.Action(ctx, actionID)
	return err == nil && action.OwnerID != nil && *action.OwnerID == caller.User.ID
}

// solutionMilestone allows plan edits of a milestone owned by the solution role to
// callers whose roles allow deal.plan.solution.
func (s *server) solutionMilestone(ctx context.Context, a access, milestoneID string, roles []string) bool {
	if a.scope != milestoneInPath || a.obj != "deal.plan" || !s.deps.Policy.Allowed(roles, "deal.plan.solution", a.act) {
		return false
	}
	m, err := s.deps.Deals.Store.Milestone(ctx, milestoneID)
	return err == nil && m.OwnerRole == deals.RoleSolution
}

// dealRoles are the caller's global roles plus those it holds on the deal.
func (s *server) dealRoles(ctx context.Context, caller identity.Caller, dealID string) ([]string, error) {
	acc, err := s.deps.Deals.Store.DealAccess(ctx, dealID)
	if err != nil {
		return nil, err
	}
	roles := globalRoles(caller)
	for _, m := range acc.Members {
		if m.UserID == caller.User.ID {
			roles = append(roles, "deal_"+string(m.Role))
		}
	}
	teams, err := s.visibleTeams(ctx, caller)
	if err != nil {
		return nil, err
	}
	if slices.Contains(teams, acc.TeamID) {
		roles = append(roles, policies.RoleDealReader)
	}
	return roles, nil
}

// visibleTeams are the caller's teams and every team below them.
func (s *server) visibleTeams(ctx context.Context, caller identity.Caller) ([]string, error) {
	if len(caller.User.TeamIDs) == 0 {
		return nil, nil
	}
	tree, err := s.deps.Identity.Teams.Tree(ctx)
	if err != nil {
		return nil, err
	}
	return tree.WithDescendants(caller.User.TeamIDs), nil
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
