package identity

import (
	"strings"
	"time"

	"summit/domain"
)

// SessionPolicy bounds how long a sign-in lasts.
type SessionPolicy struct {
	// Idle ends a session nobody used for this long.
	Idle time.Duration
	// Absolute ends a session this long after sign-in, however busy.
	Absolute time.Duration
}

// DefaultSessionPolicy: a working day of idleness, two weeks at most.
var DefaultSessionPolicy = SessionPolicy{Idle: 12 * time.Hour, Absolute: 14 * 24 * time.Hour}

// Session is a signed-in browser.
type Session struct {
	IDHash     []byte
	UserID     string
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // the absolute end
	IP         string
	UserAgent  string
}

// NewSession starts a session for user at now; it returns the cookie value to hand out.
func (p SessionPolicy) NewSession(userID, ip, userAgent string, now time.Time) (cookie string, s Session) {
	cookie, hash := NewSecret(SessionPrefix)
	csrf, _ := NewSecret("")
	return cookie, Session{IDHash: hash, UserID: userID, CSRFToken: csrf, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: now.Add(p.Absolute), IP: ip, UserAgent: storableUserAgent(userAgent)}
}

// storableUserAgent is the header as a session keeps it: valid UTF-8 (a header may carry
// any byte) of at most domain.MaxUserAgentLen characters, so no client can make a
// sign-in fail or store an unbounded value.
func storableUserAgent(ua string) string {
	ua = strings.ToValidUTF8(ua, "\uFFFD")
	if r := []rune(ua); len(r) > domain.MaxUserAgentLen {
		ua = string(r[:domain.MaxUserAgentLen])
	}
	return ua
}

// Alive reports whether s may still be used at now.
func (p SessionPolicy) Alive(s Session, now time.Time) bool {
	return now.Before(s.ExpiresAt) && now.Sub(s.LastSeenAt) < p.Idle
}

// TouchDue reports whether the session's last-seen time should be written again; writes
// are spaced a minute apart so reads do not turn into a write each.
func TouchDue(lastSeen, now time.Time) bool { return now.Sub(lastSeen) >= time.Minute }

// APIToken is a named bearer credential of one user.
type APIToken struct {
	ID         string
	UserID     string
	Name       string
	SecretHash []byte
	CreatedAt  time.Time
	LastUsedAt *time.Time
}
