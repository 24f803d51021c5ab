package identity

import (
	"testing"
	"time"
)

func TestLoginThrottleRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ago := func(mins ...int) []time.Time {
		out := make([]time.Time, 0, len(mins))
		for _, m := range mins {
			out = append(out, now.Add(-time.Duration(m)*time.Minute))
		}
		return out
	}
	th := LoginThrottle{PerAccount: 3, PerIP: 5, Window: 15 * time.Minute}
	tests := []struct {
		name    string
		account []time.Time
		ip      []time.Time
		want    time.Duration
	}{
		{"no failures", nil, nil, 0},
		{"below the account limit", ago(10, 5), ago(10, 5), 0},
		{"account limit reached: wait until the oldest leaves the window", ago(10, 5, 1), ago(10, 5, 1), 5 * time.Minute},
		{"more than the limit: the limit-th newest counts", ago(14, 12, 6, 2), ago(14, 12, 6, 2), 3 * time.Minute},
		{"IP limit across accounts", ago(1), ago(9, 8, 7, 6, 1), 6 * time.Minute},
		{"attempts being checked right now count: the next waits the whole window", ago(0, 0, 0), ago(0, 0, 0), 15 * time.Minute},
		{"old attempts have left the window", ago(16, 15, 15), ago(16, 15, 15), 0},
		{"concurrent attempts stamped a moment after now: still at most the window", ago(-1, -1, -1), ago(-1, -1, -1), 15 * time.Minute},
	}
	for _, tc := range tests {
		if got := th.RetryAfter(tc.account, tc.ip, now); got != tc.want {
			t.Errorf("%s: RetryAfter = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSessionPolicy(t *testing.T) {
	p := SessionPolicy{Idle: time.Hour, Absolute: 24 * time.Hour}
	start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	cookie, s := p.NewSession("u1", "127.0.0.1", "test", start)
	if len(cookie) < 40 || string(HashSecret(cookie)) != string(s.IDHash) || s.CSRFToken == "" {
		t.Fatalf("session secret not set up: %q %+v", cookie, s)
	}
	tests := []struct {
		name     string
		lastSeen time.Time
		now      time.Time
		alive    bool
	}{
		{"just signed in", start, start.Add(time.Minute), true},
		{"idle too long", start, start.Add(61 * time.Minute), false},
		{"busy but past the absolute limit", start.Add(24*time.Hour - time.Minute), start.Add(24 * time.Hour), false},
		{"busy inside the limit", start.Add(20 * time.Hour), start.Add(20*time.Hour + 30*time.Minute), true},
	}
	for _, tc := range tests {
		s.LastSeenAt = tc.lastSeen
		if got := p.Alive(s, tc.now); got != tc.alive {
			t.Errorf("%s: Alive = %v, want %v", tc.name, got, tc.alive)
		}
	}
}
