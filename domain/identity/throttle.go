package identity

import "time"

// LoginThrottle limits password guessing: after PerAccount failures for one email, or
// PerIP failures from one address, inside Window, further attempts wait. An attempt
// counts as a failure from before its password is checked until it succeeds, so
// attempts in flight count too.
type LoginThrottle struct {
	PerAccount int
	PerIP      int
	Window     time.Duration
}

// DefaultLoginThrottle: 5 failures per account or 20 per IP in 15 minutes.
var DefaultLoginThrottle = LoginThrottle{PerAccount: 5, PerIP: 20, Window: 15 * time.Minute}

// RetryAfter is how long the caller must wait before trying again, or 0 when allowed.
// accountFailures and ipFailures are the failure times inside the window, oldest first
// (attempts still being checked included).
func (t LoginThrottle) RetryAfter(accountFailures, ipFailures []time.Time, now time.Time) time.Duration {
	wait := func(failures []time.Time, limit int) time.Duration {
		if len(failures) < limit {
			return 0
		}
		// Allowed again once enough old failures leave the window. A concurrent attempt may
		// carry a clock reading a moment later than now; no wait is longer than the window.
		freeAt := failures[len(failures)-limit].Add(t.Window)
		return min(max(freeAt.Sub(now), 0), t.Window)
	}
	return max(wait(accountFailures, t.PerAccount), wait(ipFailures, t.PerIP))
}
