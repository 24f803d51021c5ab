package identity

import (
	"context"
	"errors"
	"time"

	"summit/domain"
)

// Service runs identity and access: sign-in, sessions, tokens, users and teams.
type Service struct {
	Users    UserStore
	Sessions SessionStore
	Tokens   TokenStore
	Teams    TeamStore
	Audit    AuditStore
	Policy   SessionPolicy
	Throttle LoginThrottle
	// Hashes bounds the password hashes in flight (nil: unbounded).
	Hashes *HashGate
	// CheckPassword replaces PasswordMatches when set (tests instrument it).
	CheckPassword func(password, hash string) bool
	Now           func() time.Time
}

// Actor is who makes a change and from where, for the audit trail.
type Actor struct {
	UserID string
	IP     string
}

func (a Actor) event(action, subjectType string, subjectID *string, details map[string]any) AuditEvent {
	var actor *string
	if a.UserID != "" {
		actor = &a.UserID
	}
	if details == nil {
		details = map[string]any{}
	}
	return AuditEvent{ActorID: actor, Action: action, SubjectType: subjectType, SubjectID: subjectID, IP: a.IP, Details: details}
}

// Caller is the signed-in user of a request and how they proved it.
type Caller struct {
	User        User
	SessionHash []byte // nil when signed in with an API token
	CSRFToken   string
	// Reach are the caller's teams and every team below them, read with the credential
	// (nil when not read: TeamsWithDescendants then reads them).
	Reach []string
}

// dummyHash is compared against when the email is unknown, so a failed sign-in takes
// as long whether or not the account exists.
var dummyHash, _ = HashPassword("not a real password, only for timing")

// Login checks a password and starts a session. Every failure is ErrInvalidCredentials;
// too many recent attempts are a *ThrottledError, a server already hashing all it may
// a *BusyError. The attempt is counted before the password is hashed, atomically for
// the account and the address, so concurrent guesses cannot get past the throttle; it
// counts as a failure unless the password turns out right.
func (s *Service) Login(ctx context.Context, email, password, ip, userAgent string) (cookie string, c Caller, err error) {
	now := s.Now()
	email = NormalizeEmail(email)
	attempt, wait, err := s.Sessions.ReserveLoginAttempt(ctx, email, ip, now, now.Add(-s.Throttle.Window),
		func(byEmail, byIP []time.Time) time.Duration { return s.Throttle.RetryAfter(byEmail, byIP, now) })
	if err != nil {
		return "", Caller{}, err
	}
	if wait > 0 {
		return "", Caller{}, &ThrottledError{RetryAfter: wait}
	}
	u, err := s.Users.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return "", Caller{}, err
	}
	hash := u.PasswordHash
	if hash == "" {
		hash = dummyHash
	}
	var matches bool
	if err := s.Hashes.Do(ctx, func() { matches = s.passwordMatches(password, hash) }); err != nil {
		// Not checked: the attempt does not count against the account.
		if cancelErr := s.Sessions.CancelLoginAttempt(context.WithoutCancel(ctx), attempt); cancelErr != nil {
			return "", Caller{}, cancelErr
		}
		return "", Caller{}, err
	}
	if !matches || !u.Active {
		var subject *string
		if u.ID != "" {
			subject = &u.ID
		}
		ev := Actor{IP: ip}.event(AuditLoginFailed, "user", subject, map[string]any{"email": email})
		if err := s.Sessions.RecordLoginFailure(ctx, ev); err != nil {
			return "", Caller{}, err
		}
		return "", Caller{}, ErrInvalidCredentials
	}
	if err := s.Sessions.ClearLoginFailures(ctx, email); err != nil {
		return "", Caller{}, err
	}
	cookie, session := s.Policy.NewSession(u.ID, ip, userAgent, now)
	ev := Actor{UserID: u.ID, IP: ip}.event(AuditLogin, "user", &u.ID, nil)
	if err := s.Sessions.CreateSession(ctx, session, ev); err != nil {
		return "", Caller{}, err
	}
	return cookie, Caller{User: u, SessionHash: session.IDHash, CSRFToken: session.CSRFToken}, nil
}

// passwordMatches is PasswordMatches unless a test replaced it.
func (s *Service) passwordMatches(password, hash string) bool {
	if s.CheckPassword != nil {
		return s.CheckPassword(password, hash)
	}
	return PasswordMatches(password, hash)
}

// AuthenticateSession resolves a session cookie. An unknown, expired or idle session, or
// one whose user was deactivated, is domain.ErrUnauthenticated.
func (s *Service) AuthenticateSession(ctx context.Context, cookie string) (Caller, error) {
	now := s.Now()
	session, p, err := s.Sessions.SessionByHash(ctx, HashSecret(cookie))
	if errors.Is(err, domain.ErrNotFound) {
		return Caller{}, domain.ErrUnauthenticated
	}
	if err != nil {
		return Caller{}, err
	}
	if !s.Policy.Alive(session, now) || !p.User.Active {
		return Caller{}, domain.ErrUnauthenticated
	}
	if TouchDue(session.LastSeenAt, now) {
		if err := s.Sessions.TouchSession(ctx, session.IDHash, now); err != nil {
			return Caller{}, err
		}
	}
	return Caller{User: p.User, SessionHash: session.IDHash, CSRFToken: session.CSRFToken, Reach: p.Reach}, nil
}

// AuthenticateToken resolves a bearer token, with the same rules for deactivated users.
func (s *Service) AuthenticateToken(ctx context.Context, plain string) (Caller, error) {
	now := s.Now()
	tok, p, err := s.Tokens.TokenByHash(ctx, HashSecret(plain))
	if errors.Is(err, domain.ErrNotFound) {
		return Caller{}, domain.ErrUnauthenticated
	}
	if err != nil {
		return Caller{}, err
	}
	if !p.User.Active {
		return Caller{}, domain.ErrUnauthenticated
	}
	if tok.LastUsedAt == nil || TouchDue(*tok.LastUsedAt, now) {
		if err := s.Tokens.TouchToken(ctx, tok.ID, now); err != nil {
			return Caller{}, err
		}
	}
	return Caller{User: p.User, Reach: p.Reach}, nil
}

// Logout ends the caller's session.
func (s *Service) Logout(ctx context.Context, c Caller, ip string) error {
	if c.SessionHash == nil {
		return nil // token callers have no session to end
	}
	ev := Actor{UserID: c.User.ID, IP: ip}.event(AuditLogout, "user", &c.User.ID, nil)
	return s.Sessions.DeleteSession(ctx, c.SessionHash, ev)
}

// CreateToken issues a named API token; the plain token is returned only here.
func (s *Service) CreateToken(ctx context.Context, a Actor, name string) (string, APIToken, error) {
	if name == "" {
		return "", APIToken{}, domain.Invalid("name", "required", "")
	}
	if err := domain.TooLong("name", name, domain.MaxTokenNameLen); err != nil {
		return "", APIToken{}, err
	}
	plain, hash := NewSecret(TokenPrefix)
	tok := APIToken{UserID: a.UserID, Name: name, SecretHash: hash, CreatedAt: s.Now()}
	ev := a.event(AuditTokenCreated, "user", &a.UserID, map[string]any{"name": name})
	tok, err := s.Tokens.CreateToken(ctx, tok, ev)
	return plain, tok, err
}

// RevokeToken deletes one of the actor's own tokens.
func (s *Service) RevokeToken(ctx context.Context, a Actor, tokenID string) error {
	return s.RevokeTokenOf(ctx, a, a.UserID, tokenID)
}

// RevokeTokenOf deletes a token of userID (an admin revoking someone's token; the audit
// trail names both).
func (s *Service) RevokeTokenOf(ctx context.Context, a Actor, userID, tokenID string) error {
	ev := a.event(AuditTokenRevoked, "user", &userID, map[string]any{"token_id": tokenID})
	return s.Tokens.DeleteToken(ctx, userID, tokenID, ev)
}
