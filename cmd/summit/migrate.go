package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"summit/repository"
)

func runMigrate(ctx context.Context, cfg config, _ *slog.Logger, args []string) error {
	if err := cfg.requireDatabaseURL(); err != nil {
		return err
	}
	direction := "up"
	if len(args) > 0 {
		direction = args[0]
	}
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var version int64
	switch direction {
	case "up":
		version, err = repository.Migrate(ctx, db)
	case "down":
		version, err = repository.MigrateDown(ctx, db)
	case "status":
		version, err = repository.SchemaVersion(ctx, db)
	default:
		return fmt.Errorf("migrate: unknown direction %q (up, down or status)", direction)
	}
	if err != nil {
		return err
	}
	fmt.Println("schema version", version)
	return nil
}
