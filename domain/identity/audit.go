package identity

import "time"

// The audited actions of identity and access.
const (
	AuditLogin         = "auth.login"
	AuditLoginFailed   = "auth.login_failed"
	AuditLogout        = "auth.logout"
	AuditUserCreated   = "user.created"
	AuditUserUpdated   = "user.updated"
	AuditPasswordReset = "user.password_reset"
	AuditPasswordSet   = "user.password_changed"
	AuditTeamCreated   = "team.created"
	AuditTeamUpdated   = "team.updated"
	AuditTeamDeleted   = "team.deleted"
	AuditTeamMembers   = "team.members_set"
	AuditTokenCreated  = "token.created"
	AuditTokenRevoked  = "token.revoked"
)

// AuditEvent records who did what, when, from where, and what changed.
type AuditEvent struct {
	ID          string
	At          time.Time
	ActorID     *string
	ActorEmail  *string // filled when read back
	ActorName   *string // filled when read back
	SubjectName *string // filled when read back: the user's, team's or template's name
	Action      string
	SubjectType string
	SubjectID   *string
	IP          string
	Details     map[string]any
}

// Change is one field's before and after value in an audit event's details.
type Change struct {
	From any `json:"from"`
	To   any `json:"to"`
}
