package repository_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
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

// TestLoggedStatementsAreCutShort: a failing statement thousands of bytes long is logged
// with its duration and error, cut to 2,000 bytes, and without its values.
func TestLoggedStatementsAreCutShort(t *testing.T) {
	t.Parallel()
	var logged strings.Builder
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	_, sqlDB := dbtest.New(t)
	gdb, err := repository.OpenGorm(sqlDB, log)
	if err != nil {
		t.Fatal(err)
	}
	cols := make([]string, 800)
	for i := range cols {
		cols[i] = fmt.Sprintf("? AS c%d", i)
	}
	args := make([]any, len(cols))
	for i := range args {
		args[i] = "secret-value-" + strconv.Itoa(i)
	}
	// 800 columns and then an error: the statement is logged, as an error.
	gdb.Exec("SELECT "+strings.Join(cols, ", ")+" FROM no_such_table", args...)
	out := logged.String()
	if !strings.Contains(out, "no_such_table") && !strings.Contains(out, "more bytes") {
		t.Fatalf("the failing statement was not logged:\n%.500s", out)
	}
	if !strings.Contains(out, "more bytes)") {
		t.Errorf("a %d-byte statement was logged whole", len(strings.Join(cols, ", ")))
	}
	if strings.Contains(out, "secret-value-") {
		t.Error("the log holds a bound value")
	}
	for line := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
		if len(line) > 3000 {
			t.Errorf("a log line of %d bytes", len(line))
		}
	}
}
