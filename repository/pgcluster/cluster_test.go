package pgcluster

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestDataSurvivesARestart is what `make run` relies on: stop the cluster, start it
// again on the same folder, and the data is still there.
func TestDataSurvivesARestart(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	// t.TempDir is 0700; the postgres user must be able to enter it when we are root.
	for _, d := range []string{filepath.Dir(base), base} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dir := base + "/nested/pgdata" // Start creates the missing parents
	first, err := Start(ctx, Options{Dir: dir, Ephemeral: false})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, first.URL("postgres"), `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')`)
	if err := first.Stop(ctx); err != nil {
		t.Fatal(err)
	}

	second, err := Start(ctx, Options{Dir: dir, Port: first.Port()})
	if err != nil {
		t.Fatal(err)
	}
	defer second.Stop(ctx)
	db, err := sql.Open("pgx", second.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow(`SELECT v FROM kept`).Scan(&v); err != nil || v != "still here" {
		t.Fatalf("after restart: %q, %v", v, err)
	}
}

func mustExec(t *testing.T, url, query string) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
}
