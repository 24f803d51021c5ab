// Package dbtest gives each test its own PostgreSQL database, cloned from a template
// migrated once per test run (github.com/peterldowns/pgtestdb). The server is the one
// at DATABASE_URL (make test starts one for the whole run) or, when that is unset, a
// throwaway cluster this package starts for the test binary and removes afterwards.
package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"testing"

	"github.com/peterldowns/pgtestdb"
	"gorm.io/gorm"

	"summit/repository"
	"summit/repository/pgcluster"
)

var server pgtestdb.Config

// Main runs a package's tests with a PostgreSQL server; call it from TestMain.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	ctx := context.Background()
	serverURL := os.Getenv("DATABASE_URL")
	if serverURL == "" {
		dir, err := os.MkdirTemp(scratchDir(), "summit-test-pg-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "dbtest:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		cluster, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir, Ephemeral: true})
		if err != nil {
			fmt.Fprintln(os.Stderr, "dbtest: start PostgreSQL:", err)
			return 1
		}
		defer cluster.Stop(ctx)
		serverURL = cluster.URL("postgres")
	}
	conf, err := configFromURL(serverURL)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dbtest: DATABASE_URL:", err)
		return 1
	}
	server = conf
	return m.Run()
}

// scratchDir prefers memory-backed /dev/shm: test data need not survive.
func scratchDir() string {
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		return "/dev/shm"
	}
	return os.TempDir()
}

func configFromURL(raw string) (pgtestdb.Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return pgtestdb.Config{}, err
	}
	password, _ := u.User.Password()
	return pgtestdb.Config{
		DriverName:                "pgx",
		Host:                      u.Hostname(),
		Port:                      u.Port(),
		User:                      u.User.Username(),
		Password:                  password,
		Database:                  u.Path[1:],
		Options:                   u.RawQuery,
		ForceTerminateConnections: true,
	}, nil
}

// migrator builds the template database with the application's own migrations.
type migrator struct{}

func (migrator) Hash() (string, error) { return repository.MigrationsHash() }

func (migrator) Migrate(ctx context.Context, db *sql.DB, _ pgtestdb.Config) error {
	_, err := repository.Migrate(ctx, db)
	return err
}

// URL creates a fresh migrated database for t and returns its connection string, for
// tests that start the server as a separate process or open several pools.
func URL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, server, migrator{}).URL()
}

// EmptyURL creates a fresh database with no schema at all, for migration tests.
func EmptyURL(t testing.TB) string {
	t.Helper()
	return pgtestdb.Custom(t, server, pgtestdb.NoopMigrator{}).URL()
}

// New creates a fresh migrated database for t and opens it with GORM; it is closed and
// dropped when t ends.
func New(t testing.TB) (*gorm.DB, *sql.DB) {
	t.Helper()
	// Opened as the app opens its database (repository.Open), so that statements are
	// counted (repository.CountStatements) as in production.
	gdb, sqlDB, err := repository.Open(context.Background(), URL(t), repository.PoolOptions{MaxIdleConns: 2}, Logger(t))
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return gdb, sqlDB
}

// Logger is a logger for code under test: quiet unless the test runs with -v.
func Logger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
