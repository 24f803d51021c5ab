package repository_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestOpenWarmsThePoolAndBoundsStatements: the connections asked for are open and idle
// before the first request, and a statement running past the statement timeout is ended
// by PostgreSQL and reported as a timeout (503 `timeout` at the API).
func TestOpenWarmsThePoolAndBoundsStatements(t *testing.T) {
	t.Parallel()
	url := dbtest.URL(t)
	ctx := context.Background()
	gdb, sqlDB, err := repository.Open(ctx, url, repository.PoolOptions{
		MaxOpenConns: 6, MaxIdleConns: 6, MaxLifetime: time.Minute, StatementTimeout: 200 * time.Millisecond, Warm: 4,
	}, dbtest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	if st := sqlDB.Stats(); st.OpenConnections != 4 || st.Idle != 4 {
		t.Errorf("after Open: %d open, %d idle; want 4 warm and idle", st.OpenConnections, st.Idle)
	}
	var timeout string
	if err := gdb.Raw("SHOW statement_timeout").Scan(&timeout).Error; err != nil || timeout != "200ms" {
		t.Errorf("statement_timeout = %q (%v), want 200ms", timeout, err)
	}
	err = repository.Translate(gdb.Exec("SELECT pg_sleep(2)").Error, "sleep")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a 2 s statement under a 200 ms timeout: %v, want a deadline error", err)
	}
}
