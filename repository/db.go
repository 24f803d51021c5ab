// Package repository owns Summit's SQL: the connection pool, migrations, transactions and
// one file per resource that turns rows into domain values and driver errors into
// domain errors.
package repository

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// PoolOptions size the connection pool.
type PoolOptions struct {
	MaxOpenConns int
	MaxIdleConns int
	MaxLifetime  time.Duration
}

// Open connects to PostgreSQL at url and returns the GORM handle and its *sql.DB (for
// migrations and pool metrics). It fails if the database does not answer within ctx.
func Open(ctx context.Context, url string, pool PoolOptions, log *slog.Logger) (*gorm.DB, *sql.DB, error) {
	sqlDB, err := sql.Open("pgx", url)
	if err != nil {
		return nil, nil, fmt.Errorf("open database: %w", err)
	}
	sqlDB.SetMaxOpenConns(pool.MaxOpenConns)
	sqlDB.SetMaxIdleConns(pool.MaxIdleConns)
	sqlDB.SetConnMaxLifetime(pool.MaxLifetime)
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, nil, fmt.Errorf("connect to database: %w", err)
	}
	gdb, err := OpenGorm(sqlDB, log)
	if err != nil {
		sqlDB.Close()
		return nil, nil, err
	}
	return gdb, sqlDB, nil
}

// OpenGorm wraps an open *sql.DB in GORM, logging slow queries (over 200 ms) and errors
// through log. Statements are logged with $n placeholders, never their values: a failed
// INSERT must not write a password hash, an email or a token to the log.
func OpenGorm(sqlDB *sql.DB, log *slog.Logger) (*gorm.DB, error) {
	gormLog := logger.NewSlogLogger(log, logger.Config{
		SlowThreshold:             200 * time.Millisecond,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	})
	gdb, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 gormLog,
		SkipDefaultTransaction: true,
		TranslateError:         true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, fmt.Errorf("open gorm: %w", err)
	}
	return gdb, nil
}
