package repository_test

import (
	"context"
	"database/sql"
	"testing"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestMigrateUpAndDownOneStep migrates an empty database to head, checks the tables a
// user relies on exist, rolls back one step and migrates up again.
func TestMigrateUpAndDownOneStep(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("pgx", dbtest.EmptyURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	head, err := repository.Migrate(ctx, db)
	if err != nil {
		t.Fatalf("up: %v", err)
	}
	if head < 1 {
		t.Fatalf("head version = %d, want ≥ 1", head)
	}
	for _, table := range []string{"users", "teams", "team_members"} {
		if !tableExists(t, db, table) {
			t.Errorf("table %s missing after migrating up", table)
		}
	}

	down, err := repository.MigrateDown(ctx, db)
	if err != nil {
		t.Fatalf("down: %v", err)
	}
	if down >= head {
		t.Fatalf("version after down = %d, want < %d", down, head)
	}

	again, err := repository.Migrate(ctx, db)
	if err != nil {
		t.Fatalf("up again: %v", err)
	}
	if again != head {
		t.Fatalf("version after up again = %d, want %d", again, head)
	}
}

func tableExists(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	var exists bool
	err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1)`, name).Scan(&exists)
	if err != nil {
		t.Fatal(err)
	}
	return exists
}
