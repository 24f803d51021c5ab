// Package repository owns Summit's SQL: the connection pool, migrations, transactions and
// one file per resource that turns rows into domain values and driver errors into
// domain errors.
package repository

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/sync/errgroup"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// PoolOptions size the connection pool.
type PoolOptions struct {
	MaxOpenConns int
	MaxIdleConns int
	MaxLifetime  time.Duration
	// StatementTimeout ends any statement that runs longer (PostgreSQL's
	// statement_timeout on every connection); 0 leaves the server's setting.
	StatementTimeout time.Duration
	// Warm connections are opened before Open returns, so that the first burst of
	// requests does not wait for new connections (at most MaxIdleConns).
	Warm int
}

// Open connects to PostgreSQL at url and returns the GORM handle and its *sql.DB (for
// migrations and pool metrics). It fails if the database does not answer within ctx.
func Open(ctx context.Context, url string, pool PoolOptions, log *slog.Logger) (*gorm.DB, *sql.DB, error) {
	connConfig, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, nil, fmt.Errorf("open database: %w", err)
	}
	if pool.StatementTimeout > 0 {
		connConfig.RuntimeParams["statement_timeout"] = strconv.FormatInt(pool.StatementTimeout.Milliseconds(), 10)
	}
	connConfig.Tracer = statementTracer{} // counts statements (statements.go)
	sqlDB := stdlib.OpenDB(*connConfig)
	sqlDB.SetMaxOpenConns(pool.MaxOpenConns)
	sqlDB.SetMaxIdleConns(pool.MaxIdleConns)
	sqlDB.SetConnMaxLifetime(pool.MaxLifetime)
	if err := warm(ctx, sqlDB, max(1, min(pool.Warm, pool.MaxIdleConns))); err != nil {
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

// warm opens n connections at once and returns them to the pool, where they wait idle.
func warm(ctx context.Context, db *sql.DB, n int) error {
	conns := make([]*sql.Conn, n)
	defer func() {
		for _, c := range conns {
			if c != nil {
				c.Close() // back to the pool
			}
		}
	}()
	g, ctx := errgroup.WithContext(ctx)
	for i := range conns {
		g.Go(func() error {
			c, err := db.Conn(ctx)
			if err != nil {
				return err
			}
			conns[i] = c
			return c.PingContext(ctx)
		})
	}
	return g.Wait()
}

// OpenGorm wraps an open *sql.DB in GORM, logging slow queries (over 200 ms) and errors
// through log. Statements are logged with $n placeholders, never their values: a failed
// INSERT must not write a password hash, an email or a token to the log; and at most
// maxLoggedSQL bytes of each, so that no statement floods the log.
func OpenGorm(sqlDB *sql.DB, log *slog.Logger) (*gorm.DB, error) {
	gormLog := logger.NewSlogLogger(log, logger.Config{
		SlowThreshold:             200 * time.Millisecond,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	})
	gdb, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 truncatedSQL{gormLog},
		SkipDefaultTransaction: true,
		TranslateError:         true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, fmt.Errorf("open gorm: %w", err)
	}
	gdb.ClauseBuilders["LIMIT"] = inlineLimit
	return gdb, nil
}

// maxLoggedSQL is how much of a statement the log keeps.
const maxLoggedSQL = 2000

// truncatedSQL is a GORM logger that cuts each logged statement to maxLoggedSQL bytes,
// saying how much it left out.
type truncatedSQL struct{ logger.Interface }

// LogMode keeps the truncation at any level.
func (t truncatedSQL) LogMode(level logger.LogLevel) logger.Interface {
	return truncatedSQL{t.Interface.LogMode(level)}
}

// ParamsFilter keeps the wrapped logger's filter: GORM asks the logger for it before it
// writes values into a logged statement (ParameterizedQueries leaves them out).
func (t truncatedSQL) ParamsFilter(ctx context.Context, sql string, params ...any) (string, []any) {
	if f, ok := t.Interface.(gorm.ParamsFilter); ok {
		return f.ParamsFilter(ctx, sql, params...)
	}
	return sql, params
}

// Trace logs the statement through the wrapped logger, cut short when long.
func (t truncatedSQL) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	t.Interface.Trace(ctx, begin, func() (string, int64) {
		sql, rows := fc()
		if len(sql) > maxLoggedSQL {
			cut := maxLoggedSQL
			for cut > 0 && !utf8.RuneStart(sql[cut]) {
				cut--
			}
			sql = fmt.Sprintf("%s… (%d more bytes)", sql[:cut], len(sql)-cut)
		}
		return sql, rows
	}, err)
}
