package buildcache

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// report stands for a built read model: n tells builds apart.
type report struct{ n int64 }

// The cache's mechanics on their own (a board built on a real database is in
// repository/boards_cache_test.go): a build is a function here, the value a number.
func TestTheCachesMechanics(t *testing.T) {
	start := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	value := func(expected int64) report { return report{n: expected} }
	tests := []struct {
		name string
		run  func(t *testing.T, c *Cache[report], at func(seconds float64))
	}{
		{"half the TTL old: answered at once while a rebuild runs, whose board comes next", func(t *testing.T, c *Cache[report], at func(float64)) {
			ctx := context.Background()
			at(0)
			if b, err := c.Get(ctx, "k", func(context.Context) (report, error) { return value(1), nil }); err != nil || b.n != 1 {
				t.Fatalf("first: %v %v", b.n, err)
			}
			release := make(chan struct{})
			var rebuilds atomic.Int32
			rebuild := func(context.Context) (report, error) {
				rebuilds.Add(1)
				<-release
				return value(2), nil
			}
			at(6)
			for range 3 { // answered from the cache, one rebuild started
				if b, err := c.Get(ctx, "k", rebuild); err != nil || b.n != 1 {
					t.Fatalf("at 6 s: %v %v", b.n, err)
				}
			}
			close(release)
			at(10.5) // the first board has expired; the rebuild (started at 6 s) has not
			if b, err := c.Get(ctx, "k", rebuild); err != nil || b.n != 2 {
				t.Fatalf("at 10.5 s: %v %v", b.n, err)
			}
			if n := rebuilds.Load(); n != 1 {
				t.Errorf("%d rebuilds, want 1", n)
			}
		}},
		{"a build that panics is the caller's error, and the next call builds again", func(t *testing.T, c *Cache[report], at func(float64)) {
			ctx := context.Background()
			at(0)
			_, err := c.Get(ctx, "k", func(context.Context) (report, error) { panic("index out of range") })
			if err == nil || !strings.Contains(err.Error(), "index out of range") {
				t.Fatalf("err %v", err)
			}
			if b, err := c.Get(ctx, "k", func(context.Context) (report, error) { return value(3), nil }); err != nil || b.n != 3 {
				t.Fatalf("after the panic: %v %v", b.n, err)
			}
		}},
		{"a failed build is not kept", func(t *testing.T, c *Cache[report], at func(float64)) {
			ctx := context.Background()
			at(0)
			boom := errors.New("no FX rate")
			if _, err := c.Get(ctx, "k", func(context.Context) (report, error) { return report{}, boom }); !errors.Is(err, boom) {
				t.Fatalf("err %v", err)
			}
			if b, err := c.Get(ctx, "k", func(context.Context) (report, error) { return value(4), nil }); err != nil || b.n != 4 {
				t.Fatalf("after the error: %v %v", b.n, err)
			}
		}},
		{"a caller that gives up does not wait for the build", func(t *testing.T, c *Cache[report], at func(float64)) {
			at(0)
			ctx, cancel := context.WithCancel(context.Background())
			release := make(chan struct{})
			defer close(release)
			cancel()
			if _, err := c.Get(ctx, "k", func(context.Context) (report, error) { <-release; return value(5), nil }); !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v", err)
			}
		}},
	}
	tests = append(tests, struct {
		name string
		run  func(t *testing.T, c *Cache[report], at func(seconds float64))
	}{"boards of different keys are built two at a time at most", func(t *testing.T, c *Cache[report], at func(float64)) {
		at(0)
		c.Builds = 2
		var inside, most atomic.Int32
		entered := make(chan struct{}, 6)
		release := make(chan struct{})
		build := func(context.Context) (report, error) {
			n := inside.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			entered <- struct{}{}
			<-release
			inside.Add(-1)
			return value(6), nil
		}
		done := make(chan error, 6)
		for k := range 6 {
			go func() {
				_, err := c.Get(context.Background(), fmt.Sprint("member ", k), build)
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
			c := &Cache[report]{TTL: 10 * time.Second, Now: func() time.Time { return start.Add(time.Duration(now.Load())) }}
			tt.run(t, c, func(s float64) { now.Store(int64(s * float64(time.Second))) })
		})
	}
}
