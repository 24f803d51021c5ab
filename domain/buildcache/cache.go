// Package buildcache keeps built read models — the executives' board, what changed since
// a snapshot — for a short while (docs/board.md, "Freshness"): everyone who asks for the
// same one within TTL shares one build, and the build itself runs once however many ask
// at the same moment. A value is served at most TTL old, counted from when its build
// began; once it is half that old the next request starts a rebuild in the background
// and is still answered from the cache, so that under steady use nobody waits for a
// build. A cached value is shared: callers must not change it.
package buildcache

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// DefaultMaxWeight is the weight the cache holds over all its values when MaxWeight is 0.
const DefaultMaxWeight = 40_000

// Cache keeps values of type V by key.
type Cache[V any] struct {
	TTL time.Duration
	// Weight is what a value costs to hold (a board: its deals); nil counts 1 a value.
	Weight func(V) int
	// MaxWeight bounds the weight held over every value (0: DefaultMaxWeight): expired
	// values go first, then the oldest. A value heavier than that is served, not kept.
	MaxWeight int
	// Builds is how many values are built at once at most, whatever their keys (0: one a
	// core): a build may hold many rows in memory, so many people with different keys
	// asking together queue instead of multiplying that.
	Builds int
	// What names the value in an error ("the board").
	What string
	Now  func() time.Time // nil: time.Now

	mu      sync.Mutex
	entries map[string]*entry[V]
	held    int
	flights singleflight.Group
	slots   chan struct{}
}

type entry[V any] struct {
	value      V
	weight     int
	built      time.Time // when its build began
	refreshing bool
}

func (c *Cache[V]) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Get answers from the cache or builds (once for every caller waiting on the key). A
// build runs detached from the request that started it (others may wait on it); a caller
// whose ctx ends stops waiting.
func (c *Cache[V]) Get(ctx context.Context, key string, build func(context.Context) (V, error)) (V, error) {
	now := c.now()
	c.mu.Lock()
	if e := c.entries[key]; e != nil && now.Sub(e.built) < c.TTL {
		if now.Sub(e.built) >= c.TTL/2 && !e.refreshing {
			e.refreshing = true
			c.flights.DoChan(key, c.flight(ctx, key, build)) // in the background
		}
		v := e.value
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()
	var zero V
	select {
	case r := <-c.flights.DoChan(key, c.flight(ctx, key, build)):
		if r.Err != nil {
			return zero, r.Err
		}
		return r.Val.(V), nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// flight builds the value and keeps it.
func (c *Cache[V]) flight(ctx context.Context, key string, build func(context.Context) (V, error)) func() (any, error) {
	return func() (_ any, err error) {
		defer func() {
			// The build runs on singleflight's goroutine, where a panic would end the
			// server rather than one request: it becomes this build's error.
			if p := recover(); p != nil {
				err = fmt.Errorf("building %s: panic: %v", c.What, p)
				c.mu.Lock()
				defer c.mu.Unlock()
				if e := c.entries[key]; e != nil {
					e.refreshing = false
				}
			}
		}()
		slots := c.buildSlots()
		slots <- struct{}{}
		defer func() { <-slots }()
		started := c.now()
		v, err := build(context.WithoutCancel(ctx))
		c.mu.Lock()
		defer c.mu.Unlock()
		if err != nil {
			if e := c.entries[key]; e != nil {
				e.refreshing = false
			}
			return nil, err
		}
		c.put(key, v, started)
		return v, nil
	}
}

func (c *Cache[V]) buildSlots() chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.slots == nil {
		n := c.Builds
		if n <= 0 {
			n = runtime.GOMAXPROCS(0)
		}
		c.slots = make(chan struct{}, n)
	}
	return c.slots
}

// put keeps v (the lock held), letting go of expired entries and then of the oldest
// while more than MaxWeight is held.
func (c *Cache[V]) put(key string, v V, built time.Time) {
	limit := c.MaxWeight
	if limit <= 0 {
		limit = DefaultMaxWeight
	}
	weight := 1
	if c.Weight != nil {
		weight = c.Weight(v)
	}
	if c.entries == nil {
		c.entries = map[string]*entry[V]{}
	}
	c.drop(key)
	now := c.now()
	for k, e := range c.entries {
		if now.Sub(e.built) >= c.TTL {
			c.drop(k)
		}
	}
	if weight > limit {
		return
	}
	for c.held+weight > limit {
		oldest := ""
		for k, e := range c.entries {
			if oldest == "" || e.built.Before(c.entries[oldest].built) {
				oldest = k
			}
		}
		c.drop(oldest)
	}
	c.entries[key] = &entry[V]{value: v, weight: weight, built: built}
	c.held += weight
}

func (c *Cache[V]) drop(key string) {
	if e, ok := c.entries[key]; ok {
		c.held -= e.weight
		delete(c.entries, key)
	}
}
