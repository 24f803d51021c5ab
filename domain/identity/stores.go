package identity

import (
	"context"
	"time"

	"summit/domain"
)

// UserStore persists users. Writes that carry an AuditEvent store it in the same
// transaction; revokeAccess also ends the user's sessions and API tokens there.
type UserStore interface {
	UserByID(ctx context.Context, id string) (User, error)
	UserByEmail(ctx context.Context, email string) (User, error)
	ListUsers(ctx context.Context, f UserFilter, p domain.ListParams) (domain.Page[User], error)
	CreateUser(ctx context.Context, u User, ev AuditEvent) (User, error)
	// UpdateUser stores u if the stored version is still expectedVersion (else
	// domain.ErrStaleVersion) and returns it with its new version.
	UpdateUser(ctx context.Context, u User, expectedVersion int, ev AuditEvent, revokeAccess bool) (User, error)
}

// UserFilter narrows a user list.
type UserFilter struct {
	Active *bool
}

// SessionStore persists sessions and the failed sign-ins that throttle guessing.
type SessionStore interface {
	CreateSession(ctx context.Context, s Session, ev AuditEvent) error
	// SessionByHash finds a session by the hash of its cookie, with its user as
	// authentication needs them, in one read.
	SessionByHash(ctx context.Context, hash []byte) (Session, Principal, error)
	TouchSession(ctx context.Context, hash []byte, at time.Time) error
	DeleteSession(ctx context.Context, hash []byte, ev AuditEvent) error
	// ReserveLoginAttempt decides and counts one sign-in attempt atomically: while no
	// other attempt for the email or the IP runs the same step, it reads the attempts
	// since `since` (oldest first) for each, asks decide how long to wait, and when that
	// is 0 records this attempt at `at` (a failure until ClearLoginFailures) and returns
	// its id.
	ReserveLoginAttempt(ctx context.Context, email, ip string, at, since time.Time, decide func(byEmail, byIP []time.Time) time.Duration) (attempt int64, wait time.Duration, err error)
	// CancelLoginAttempt forgets an attempt whose password was never checked.
	CancelLoginAttempt(ctx context.Context, attempt int64) error
	// RecordLoginFailure writes a failed sign-in to the audit trail (it was counted
	// when reserved).
	RecordLoginFailure(ctx context.Context, ev AuditEvent) error
	// ClearLoginFailures forgets the email's attempts after a successful sign-in.
	ClearLoginFailures(ctx context.Context, email string) error
}

// Principal is the user a session or token belongs to, as authenticating a request reads
// it: the user with their teams, and their reach (those teams and every team below them).
type Principal struct {
	User  User
	Reach []string
}

// TokenStore persists API tokens.
type TokenStore interface {
	CreateToken(ctx context.Context, t APIToken, ev AuditEvent) (APIToken, error)
	// TokenByHash finds a token by the hash of its secret, with its user as
	// authentication needs them, in one read.
	TokenByHash(ctx context.Context, hash []byte) (APIToken, Principal, error)
	TouchToken(ctx context.Context, id string, at time.Time) error
	ListTokens(ctx context.Context, userID string) ([]APIToken, error)
	// DeleteToken removes a token of userID; another user's token is domain.ErrNotFound.
	DeleteToken(ctx context.Context, userID, tokenID string, ev AuditEvent) error
}

// TeamStore persists the team tree and memberships.
//
// A move in the tree runs in Tx after LockTree, so that two moves cannot each pass the
// loop check and together store a loop.
type TeamStore interface {
	domain.Transactor
	// LockTree holds the team tree's shape until the transaction in ctx ends; the next
	// use case to lock it waits and then reads what this one wrote. It is an error
	// outside Tx.
	LockTree(ctx context.Context) error

	ListTeams(ctx context.Context) ([]Team, error)
	// TeamPage pages through the teams with their members.
	TeamPage(ctx context.Context, p domain.ListParams) (domain.Page[Team], error)
	TeamByID(ctx context.Context, id string) (Team, error)
	Tree(ctx context.Context) (TeamTree, error)
	CreateTeam(ctx context.Context, t Team, ev AuditEvent) (Team, error)
	UpdateTeam(ctx context.Context, t Team, expectedVersion int, ev AuditEvent) (Team, error)
	// DeleteTeam refuses (domain.ErrConflict) a team that still has sub-teams or deals.
	DeleteTeam(ctx context.Context, id string, expectedVersion int, ev AuditEvent) error
	SetMembers(ctx context.Context, teamID string, userIDs []string, expectedVersion int, ev AuditEvent) (Team, error)
	TeamIDsOf(ctx context.Context, userID string) ([]string, error)
}

// AuditStore reads the audit trail.
type AuditStore interface {
	ListAudit(ctx context.Context, f AuditFilter, p domain.ListParams) (domain.Page[AuditEvent], error)
}
