package changes

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"summit/domain/deals"
)

// TestCacheBuildsOnceAKeyWithinItsAge: many callers at once and later ones within the
// TTL share one build; another from day, another caller's visibility or an expired entry
// builds again.
func TestCacheBuildsOnceAKeyWithinItsAge(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	c := &Cache{TTL: 10 * time.Second, Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }}
	var builds atomic.Int32
	build := func(context.Context) (Report, error) {
		builds.Add(1)
		return Report{Changes: []DealChange{{ID: "d"}}}, nil
	}
	monday, earlier := now.AddDate(0, 0, -7), now.AddDate(0, 0, -14)
	q := Query{Period: deals.Period{Name: "2026-Q3"}, Basis: "model", From: &monday}
	key := cacheKey(q, now)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if r, err := c.Get(context.Background(), key, build); err != nil || len(r.Changes) != 1 {
				t.Errorf("get: %v %v", r, err)
			}
		})
	}
	wg.Wait()
	steps := []struct {
		name  string
		q     Query
		later time.Duration
		want  int32
	}{
		// Under half the TTL: answered from the cache without a rebuild in the background
		// (from half the TTL on, domain/buildcache starts one: its own test).
		{"the same within half the TTL", q, 4 * time.Second, 1},
		{"another from day", Query{Period: q.Period, Basis: "model", From: &earlier}, 0, 2},
		{"another caller's visibility", Query{Period: q.Period, Basis: "model", From: &monday, Visible: &deals.Visibility{UserID: "u"}}, 0, 3},
		{"the same once expired", q, 7 * time.Second, 4},
	}
	for _, s := range steps {
		mu.Lock()
		now = now.Add(s.later)
		mu.Unlock()
		if _, err := c.Get(context.Background(), cacheKey(s.q, now.Truncate(24*time.Hour)), build); err != nil {
			t.Fatal(err)
		}
		if got := builds.Load(); got != s.want {
			t.Errorf("%s: %d builds, want %d", s.name, got, s.want)
		}
	}
}
