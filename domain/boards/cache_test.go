package boards

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"summit/domain/deals"
)

// The cache's mechanics on their own (the board built on a real database is in
// repository/boards_cache_test.go): a build is a function here.
func TestTheBoardCachesMechanics(t *testing.T) {
	start := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	board := func(expected int64) Board { return Board{ExpectedMinor: expected} }
	tests := []struct {
		name string
		run  func(t *testing.T, c *Cache, at func(seconds float64))
	}{
		{"half the TTL old: answered at once while a rebuild runs, whose board comes next", func(t *testing.T, c *Cache, at func(float64)) {
			ctx := context.Background()
			at(0)
			if b, err := c.get(ctx, "k", func(context.Context) (Board, error) { return board(1), nil }); err != nil || b.ExpectedMinor != 1 {
				t.Fatalf("first: %v %v", b.ExpectedMinor, err)
			}
			release := make(chan struct{})
			var rebuilds atomic.Int32
			rebuild := func(context.Context) (Board, error) {
				rebuilds.Add(1)
				<-release
				return board(2), nil
			}
			at(6)
			for range 3 { // answered from the cache, one rebuild started
				if b, err := c.get(ctx, "k", rebuild); err != nil || b.ExpectedMinor != 1 {
					t.Fatalf("at 6 s: %v %v", b.ExpectedMinor, err)
				}
			}
			close(release)
			at(10.5) // the first board has expired; the rebuild (started at 6 s) has not
			if b, err := c.get(ctx, "k", rebuild); err != nil || b.ExpectedMinor != 2 {
				t.Fatalf("at 10.5 s: %v %v", b.ExpectedMinor, err)
			}
			if n := rebuilds.Load(); n != 1 {
				t.Errorf("%d rebuilds, want 1", n)
			}
		}},
		{"a build that panics is the caller's error, and the next call builds again", func(t *testing.T, c *Cache, at func(float64)) {
			ctx := context.Background()
			at(0)
			_, err := c.get(ctx, "k", func(context.Context) (Board, error) { panic("index out of range") })
			if err == nil || !strings.Contains(err.Error(), "index out of range") {
				t.Fatalf("err %v", err)
			}
			if b, err := c.get(ctx, "k", func(context.Context) (Board, error) { return board(3), nil }); err != nil || b.ExpectedMinor != 3 {
				t.Fatalf("after the panic: %v %v", b.ExpectedMinor, err)
			}
		}},
		{"a failed build is not kept", func(t *testing.T, c *Cache, at func(float64)) {
			ctx := context.Background()
			at(0)
			boom := errors.New("no FX rate")
			if _, err := c.get(ctx, "k", func(context.Context) (Board, error) { return Board{}, boom }); !errors.Is(err, boom) {
				t.Fatalf("err %v", err)
			}
			if b, err := c.get(ctx, "k", func(context.Context) (Board, error) { return board(4), nil }); err != nil || b.ExpectedMinor != 4 {
				t.Fatalf("after the error: %v %v", b.ExpectedMinor, err)
			}
		}},
		{"a caller that gives up does not wait for the build", func(t *testing.T, c *Cache, at func(float64)) {
			at(0)
			ctx, cancel := context.WithCancel(context.Background())
			release := make(chan struct{})
			defer close(release)
			cancel()
			if _, err := c.get(ctx, "k", func(context.Context) (Board, error) { <-release; return board(5), nil }); !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v", err)
			}
		}},
	}
	tests = append(tests, struct {
		name string
		run  func(t *testing.T, c *Cache, at func(seconds float64))
	}{"boards of different keys are built two at a time at most", func(t *testing.T, c *Cache, at func(float64)) {
		at(0)
		c.Builds = 2
		var inside, most atomic.Int32
		entered := make(chan struct{}, 6)
		release := make(chan struct{})
		build := func(context.Context) (Board, error) {
			n := inside.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			entered <- struct{}{}
			<-release
			inside.Add(-1)
			return board(6), nil
		}
		done := make(chan error, 6)
		for k := range 6 {
			go func() {
				_, err := c.get(context.Background(), fmt.Sprint("member ", k), build)
				done <- err
			}()
		}
		<-entered
		<-entered
		for range 1000 {
			runtime.Gosched() // a third build, were it allowed, gets in here
		}
		if n := inside.Load(); n != 2 {
			t.Errorf("%d builds at once, want 2", n)
		}
		close(release)
		for range 6 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		if m := most.Load(); m != 2 {
			t.Errorf("at most %d builds at once, want 2", m)
		}
	}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var now atomic.Int64
			c := &Cache{TTL: 10 * time.Second, Now: func() time.Time { return start.Add(time.Duration(now.Load())) }}
			tt.run(t, c, func(s float64) { now.Store(int64(s * float64(time.Second))) })
		})
	}
}

// Everything a board depends on besides the data is in its key: the same query is the
// same key whatever the order of the caller's teams, and any other part changes it.
func TestTheCacheKeyNamesEverythingABoardDependsOn(t *testing.T) {
	today := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	team := "t1"
	base := Query{Period: deals.Period{Name: "2026-Q3", From: today.AddDate(0, -2, 0), To: today.AddDate(0, 1, 0)}, Basis: BasisModel,
		Visible: &deals.Visibility{TeamIDs: []string{"a", "b"}, UserID: "u1"}}
	key := cacheKey(base, today)
	same := base
	same.Visible = &deals.Visibility{TeamIDs: []string{"b", "a"}, UserID: "u1"}
	if cacheKey(same, today) != key {
		t.Errorf("the teams' order changed the key")
	}
	for name, q := range map[string]Query{
		"period":    func() Query { q := base; q.Period.Name = "2026-Q4"; return q }(),
		"scope":     func() Query { q := base; q.TeamID = &team; return q }(),
		"basis":     func() Query { q := base; q.Basis = BasisJudgement; return q }(),
		"all deals": func() Query { q := base; q.Visible = nil; return q }(),
		"user": func() Query {
			q := base
			q.Visible = &deals.Visibility{TeamIDs: []string{"a", "b"}, UserID: "u2"}
			return q
		}(),
		"teams": func() Query { q := base; q.Visible = &deals.Visibility{TeamIDs: []string{"a"}, UserID: "u1"}; return q }(),
	} {
		if cacheKey(q, today) == key {
			t.Errorf("another %s, the same key", name)
		}
	}
	if cacheKey(base, today.AddDate(0, 0, 1)) == key {
		t.Errorf("another day, the same key")
	}
}
