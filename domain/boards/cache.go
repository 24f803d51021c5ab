package boards

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// DefaultCacheDeals is how many open deals the cache holds over all its boards at most
// (a board keeps about a kilobyte a deal): the cache's memory does not grow with the
// number of deals or of people.
const DefaultCacheDeals = 40_000

// Cache keeps built boards for a short while (docs/board.md, "Freshness"): everyone who
// opens the same board within TTL shares one build, and the build itself runs once
// however many ask at the same moment. A board is served at most TTL old, counted from
// the snapshot it was built on; once it is half that old the next request starts a
// rebuild in the background and is still answered from the cache, so that under steady
// use nobody waits for a build. The key is everything a board depends on besides the
// data: period, scope, basis, the caller's visibility and today's date. A cached board is
// shared: callers must not change it.
type Cache struct {
	TTL      time.Duration
	MaxDeals int // 0: DefaultCacheDeals
	// Builds is how many boards are built at once at most, whatever their keys (0: one a
	// core): a build holds all its deals' rows in memory (about 60 MB at 10,000 deals),
	// so many people with different visibility opening the board together queue instead
	// of multiplying that.
	Builds int
	Now    func() time.Time // nil: time.Now

	mu      sync.Mutex
	entries map[string]*cached
	held    int // open deals held over every entry
	flights singleflight.Group
	slots   chan struct{}
}

type cached struct {
	board      Board
	built      time.Time // when its snapshot was taken
	refreshing bool
}

// NewCache returns a cache whose boards are at most ttl old; ttl 0 turns it off (nil).
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

// cacheKey names what a board depends on besides the stored data.
func cacheKey(q Query, today time.Time) string {
	var k strings.Builder
	k.WriteString(q.Period.Name + "|" + q.Period.From.Format(time.DateOnly) + "|" + q.Period.To.Format(time.DateOnly) + "|")
	if q.TeamID != nil {
		k.WriteString(*q.TeamID)
	}
	k.WriteString("|" + q.Basis + "|" + today.Format(time.DateOnly) + "|")
	if q.Visible == nil {
		k.WriteString("*") // every deal
	} else {
		teams := slices.Clone(q.Visible.TeamIDs)
		slices.Sort(teams)
		k.WriteString(q.Visible.UserID + ":" + strings.Join(teams, ","))
	}
	return k.String()
}

// get answers from the cache or builds (once for every caller waiting on the key).
func (c *Cache) get(ctx context.Context, key string, build func(context.Context) (Board, error)) (Board, error) {
	now := c.now()
	c.mu.Lock()
	if e := c.entries[key]; e != nil && now.Sub(e.built) < c.TTL {
		if now.Sub(e.built) >= c.TTL/2 && !e.refreshing {
			e.refreshing = true
			c.flights.DoChan(key, c.flight(ctx, key, build)) // in the background
		}
		b := e.board
		c.mu.Unlock()
		return b, nil
	}
	c.mu.Unlock()
	select {
	case r := <-c.flights.DoChan(key, c.flight(ctx, key, build)):
		if r.Err != nil {
			return Board{}, r.Err
		}
		return r.Val.(Board), nil
	case <-ctx.Done():
		return Board{}, ctx.Err()
	}
}

// flight builds the board detached from the request that started it (others may be
// waiting on it) and keeps it.
func (c *Cache) flight(ctx context.Context, key string, build func(context.Context) (Board, error)) func() (any, error) {
	return func() (_ any, err error) {
		defer func() {
			// The build runs on singleflight's goroutine, where a panic would end the
			// server rather than one request: it becomes this build's error.
			if p := recover(); p != nil {
				err = fmt.Errorf("building the board: panic: %v", p)
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
		b, err := build(context.WithoutCancel(ctx))
		c.mu.Lock()
		defer c.mu.Unlock()
		if err != nil {
			if e := c.entries[key]; e != nil {
				e.refreshing = false
			}
			return nil, err
		}
		c.put(key, b, started)
		return b, nil
	}
}

func (c *Cache) buildSlots() chan struct{} {
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

// put keeps b (the lock held), letting go of expired entries and then of the oldest
// while more than MaxDeals open deals are held.
func (c *Cache) put(key string, b Board, built time.Time) {
	limit := c.MaxDeals
	if limit <= 0 {
		limit = DefaultCacheDeals
	}
	if c.entries == nil {
		c.entries = map[string]*cached{}
	}
	c.drop(key)
	now := c.now()
	for k, e := range c.entries {
		if now.Sub(e.built) >= c.TTL {
			c.drop(k)
		}
	}
	if len(b.Deals) > limit {
		return
	}
	for c.held+len(b.Deals) > limit {
		oldest := ""
		for k, e := range c.entries {
			if oldest == "" || e.built.Before(c.entries[oldest].built) {
				oldest = k
			}
		}
		c.drop(oldest)
	}
	c.entries[key] = &cached{board: b, built: built}
	c.held += len(b.Deals)
}

func (c *Cache) drop(key string) {
	if e, ok := c.entries[key]; ok {
		c.held -= len(e.board.Deals)
		delete(c.entries, key)
	}
}
