package identity

import (
	"context"

	"summit/domain"
)

// User returns one user.
func (s *Service) User(ctx context.Context, id string) (User, error) {
	return s.Users.UserByID(ctx, id)
}

// ListUsers pages through users.
func (s *Service) ListUsers(ctx context.Context, f UserFilter, p domain.ListParams) (domain.Page[User], error) {
	return s.Users.ListUsers(ctx, f, p)
}

// ListTeams returns every team with its members.
func (s *Service) ListTeams(ctx context.Context) ([]Team, error) { return s.Teams.ListTeams(ctx) }

// TeamPage returns one page of teams with their members.
func (s *Service) TeamPage(ctx context.Context, p domain.ListParams) (domain.Page[Team], error) {
	return s.Teams.TeamPage(ctx, p)
}

// Team returns one team with its members.
func (s *Service) Team(ctx context.Context, id string) (Team, error) {
	return s.Teams.TeamByID(ctx, id)
}

// ListTokens lists the actor's own API tokens (never their secrets).
func (s *Service) ListTokens(ctx context.Context, a Actor) ([]APIToken, error) {
	return s.Tokens.ListTokens(ctx, a.UserID)
}

// ListTokensOf lists a user's API tokens (for an admin; never their secrets).
func (s *Service) ListTokensOf(ctx context.Context, userID string) ([]APIToken, error) {
	if _, err := s.Users.UserByID(ctx, userID); err != nil {
		return nil, err
	}
	return s.Tokens.ListTokens(ctx, userID)
}

// ListAudit pages through the audit trail that f lets through, newest first.
func (s *Service) ListAudit(ctx context.Context, f AuditFilter, p domain.ListParams) (domain.Page[AuditEvent], error) {
	if err := f.Check(); err != nil {
		return domain.Page[AuditEvent]{}, err
	}
	return s.Audit.ListAudit(ctx, f, p)
}
