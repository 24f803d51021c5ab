package deals

import (
	"context"
	"slices"
)

// DealRoles are the roles a user holds on one deal, which policies/policy.csv turns into
// rights: the deal-team roles they are given, and reader when the deal belongs to one
// of their teams or a team below them.
type DealRoles struct {
	Team   []OwnerRole // deal-team roles held, in the deal team's order
	Reader bool
}

// RolesOn derives a user's roles on a deal from the deal's team and deal team (acc) and
// what the user reaches (v: their teams with every team below them, and their id).
func RolesOn(acc Access, v Visibility) DealRoles {
	var r DealRoles
	for _, m := range acc.Members {
		if m.UserID == v.UserID && v.UserID != "" && !slices.Contains(r.Team, m.Role) {
			r.Team = append(r.Team, m.Role)
		}
	}
	r.Reader = acc.TeamID != "" && slices.Contains(v.TeamIDs, acc.TeamID)
	return r
}

// Access reads what authorization needs of a deal (its team and deal team); a deal that
// does not exist is domain.ErrNotFound. When the request read it ahead with its
// credential (ReadAccessAhead), that is the answer and no statement is sent.
func (s *Service) Access(ctx context.Context, dealID string) (Access, error) {
	if acc, ok, err := accessReadAhead(ctx, dealID, ""); ok {
		return acc, err
	}
	return s.Store.DealAccess(ctx, dealID)
}

// MilestoneAccess is Access of the deal a milestone belongs to, read at once (or ahead).
func (s *Service) MilestoneAccess(ctx context.Context, milestoneID string) (Access, error) {
	if acc, ok, err := accessReadAhead(ctx, "", milestoneID); ok {
		return acc, err
	}
	return s.Store.MilestoneAccess(ctx, milestoneID)
}

// MilestoneDeal is the id of the deal a milestone belongs to.
func (s *Service) MilestoneDeal(ctx context.Context, milestoneID string) (string, error) {
	return s.Store.MilestoneDeal(ctx, milestoneID)
}
