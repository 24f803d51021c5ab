package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"summit/repository"
)

// openDatabase connects to cfg.DatabaseURL, retrying for up to 30 s so that a database
// starting next to us (docker compose) is waited for, applies pending migrations and
// adds the built-in milestone templates where missing.
func openDatabase(ctx context.Context, cfg config, log *slog.Logger) (*gorm.DB, *sql.DB, error) {
	if err := cfg.requireDatabaseURL(); err != nil {
		return nil, nil, err
	}
	pool := repository.PoolOptions{
		MaxOpenConns: cfg.DBMaxConns, MaxIdleConns: cfg.DBMaxConns, MaxLifetime: 30 * time.Minute,
		StatementTimeout: cfg.DBStatementTimeout, Warm: cfg.DBMaxConns,
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		attempt, cancel := context.WithTimeout(ctx, 5*time.Second)
		gdb, sqlDB, err := repository.Open(attempt, cfg.DatabaseURL, pool, log)
		cancel()
		if err == nil {
			version, err := repository.Migrate(ctx, sqlDB)
			if err != nil {
				sqlDB.Close()
				return nil, nil, err
			}
			if err := repository.EnsureBuiltinTemplates(ctx, gdb); err != nil {
				sqlDB.Close()
				return nil, nil, err
			}
			log.InfoContext(ctx, "database ready", "schema_version", version)
			return gdb, sqlDB, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, nil, fmt.Errorf("%w (DATABASE_URL)", err)
		}
		log.WarnContext(ctx, "database not reachable yet; retrying", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}
