package repository

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"

	"github.com/pressly/goose/v3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

func migrationsFS() fs.FS {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // only on a bad path literal
	}
	return sub
}

func migrationProvider(db *sql.DB) (*goose.Provider, error) {
	return goose.NewProvider(goose.DialectPostgres, db, migrationsFS())
}

// Migrate applies every pending migration and returns the schema version reached.
func Migrate(ctx context.Context, db *sql.DB) (int64, error) {
	p, err := migrationProvider(db)
	if err != nil {
		return 0, err
	}
	if _, err := p.Up(ctx); err != nil {
		return 0, fmt.Errorf("migrate up: %w", err)
	}
	return p.GetDBVersion(ctx)
}

// MigrateDown rolls back the newest applied migration and returns the version left.
func MigrateDown(ctx context.Context, db *sql.DB) (int64, error) {
	p, err := migrationProvider(db)
	if err != nil {
		return 0, err
	}
	if _, err := p.Down(ctx); err != nil {
		return 0, fmt.Errorf("migrate down: %w", err)
	}
	return p.GetDBVersion(ctx)
}

// SchemaVersion is the version of the newest migration applied to db.
func SchemaVersion(ctx context.Context, db *sql.DB) (int64, error) {
	p, err := migrationProvider(db)
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

// MigrationsHash identifies the set of migrations compiled in; tests key their template
// database by it so a changed migration gets a fresh template.
func MigrationsHash() (string, error) {
	entries, err := fs.ReadDir(migrationsFS(), ".")
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		body, err := fs.ReadFile(migrationsFS(), name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%s\x00", name, body)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
