package identity

import (
	"context"
	"errors"
	"runtime"
	"time"

	"golang.org/x/sync/semaphore"
)

// BusyError says the server is already hashing as many passwords as it may: the
// caller waited MaxWait (or its request ended) without a turn, and should retry.
type BusyError struct {
	RetryAfter time.Duration
}

func (e *BusyError) Error() string { return "too many password checks in flight" }

// HashGate bounds the argon2 hashes in flight (each takes 19 MiB and a core for tens
// of milliseconds), so a burst of sign-ins queues instead of taking the server's
// memory. A caller waits at most MaxWait for a turn.
type HashGate struct {
	slots    *semaphore.Weighted
	capacity int
	maxWait  time.Duration
	// Waiting, when set, is called as a caller starts waiting for a turn (tests count
	// the callers held back with it).
	Waiting func()
}

// DefaultHashConcurrency is the gate's capacity when none is configured: two hashes
// per usable core.
func DefaultHashConcurrency() int { return 2 * runtime.GOMAXPROCS(0) }

// DefaultHashWait is how long a sign-in waits for a turn before a 503.
const DefaultHashWait = 3 * time.Second

// NewHashGate lets capacity hashes run at once (DefaultHashConcurrency when ≤ 0).
func NewHashGate(capacity int, maxWait time.Duration) *HashGate {
	if capacity <= 0 {
		capacity = DefaultHashConcurrency()
	}
	return &HashGate{slots: semaphore.NewWeighted(int64(capacity)), capacity: capacity, maxWait: maxWait}
}

// Capacity is how many hashes may run at once.
func (g *HashGate) Capacity() int { return g.capacity }

// Do runs hash when a turn is free. Waiting longer than the gate's MaxWait is a
// *BusyError; a ctx that ends first returns its error.
func (g *HashGate) Do(ctx context.Context, hash func()) error {
	if g == nil {
		hash()
		return nil
	}
	if !g.slots.TryAcquire(1) {
		if g.Waiting != nil {
			g.Waiting()
		}
		wait, cancel := context.WithTimeout(ctx, g.maxWait)
		defer cancel()
		if err := g.slots.Acquire(wait, 1); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, context.DeadlineExceeded) {
				return &BusyError{RetryAfter: time.Second}
			}
			return err
		}
	}
	defer g.slots.Release(1)
	hash()
	return nil
}
