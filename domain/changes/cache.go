package changes

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// cacheChanges is how many moved deals the cache holds over all its reports at most.
const cacheChanges = 40_000

// Cache keeps built reports for a short while, as boards.Cache keeps boards (docs/board.md,
// "Freshness"): everyone who opens the same "what changed" within TTL shares one build,
// and the build runs once however many ask at the same moment. The key is everything a
// report depends on besides the data: period, scope, basis, from, to, the caller's
// visibility and today's date. A cached report is shared: callers must not change it.
type Cache struct {
	TTL time.Duration
	Now func() time.Time // nil: time.Now

	mu      sync.Mutex
	entries map[string]cached
	held    int
	flights singleflight.Group
}

type cached struct {
	report Report
	built  time.Time
}

// NewCache returns a cache whose reports are at most ttl old; ttl 0 turns it off (nil).
func NewCache(ttl time.Duration) *Cache {
	if ttl <= 0 {
		return nil
	}
	return &Cache{TTL: ttl}
}

func (c *Cache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func cacheKey(q Query, today time.Time) string {
	var k strings.Builder
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	fmt.Fprintf(&k, "%s|%s|%s|", q.Period.Name, q.Period.From.Format(time.DateOnly), q.Period.To.Format(time.DateOnly))
	if q.TeamID != nil {
		k.WriteString(*q.TeamID)
	}
	fmt.Fprintf(&k, "|%s|%s|%s|%s|", q.Basis, day(q.From), day(q.To), today.Format(time.DateOnly))
	if q.Visible == nil {
		k.WriteString("*")
	} else {
		teams := slices.Clone(q.Visible.TeamIDs)
		slices.Sort(teams)
		k.WriteString(q.Visible.UserID + ":" + strings.Join(teams, ","))
	}
	return k.String()
}

// get answers from the cache or builds (once for every caller waiting on the key).
func (c *Cache) get(ctx context.Context, key string, build func(context.Context) (Report, error)) (Report, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok && c.now().Sub(e.built) < c.TTL {
		c.mu.Unlock()
		return e.report, nil
	}
	c.mu.Unlock()
	ch := c.flights.DoChan(key, func() (_ any, err error) {
		defer func() {
			if p := recover(); p != nil { // on singleflight's goroutine a panic would end the server
				err = fmt.Errorf("building what changed: panic: %v", p)
			}
		}()
		started := c.now()
		r, err := build(context.WithoutCancel(ctx))
		if err == nil {
			c.put(key, r, started)
		}
		return r, err
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return Report{}, r.Err
		}
		return r.Val.(Report), nil
	case <-ctx.Done():
		return Report{}, ctx.Err()
	}
}

// put keeps r, letting go of expired entries and then of the oldest while more than
// cacheChanges moved deals are held.
func (c *Cache) put(key string, r Report, built time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]cached{}
	}
	c.drop(key)
	now := c.now()
	for k, e := range c.entries {
		if now.Sub(e.built) >= c.TTL {
			c.drop(k)
		}
	}
	if len(r.Changes) > cacheChanges {
		return
	}
	for c.held+len(r.Changes) > cacheChanges {
		oldest := ""
		for k, e := range c.entries {
			if oldest == "" || e.built.Before(c.entries[oldest].built) {
				oldest = k
			}
		}
		c.drop(oldest)
	}
	c.entries[key] = cached{report: r, built: built}
	c.held += len(r.Changes)
}

func (c *Cache) drop(key string) {
	if e, ok := c.entries[key]; ok {
		c.held -= len(e.report.Changes)
		delete(c.entries, key)
	}
}
