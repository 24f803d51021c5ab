package repository

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
)

// statementsTotal counts every statement this process sent to PostgreSQL through a pool
// opened by Open: queries, writes, BEGIN/COMMIT/ROLLBACK and savepoints alike.
var statementsTotal atomic.Uint64

// StatementsTotal is the number of statements sent to PostgreSQL since the process
// started (the summit_db_statements_total metric).
func StatementsTotal() uint64 { return statementsTotal.Load() }

// statementsKey is the context key of a request's statement count.
type statementsKey struct{}

// CountStatements returns ctx carrying a counter of the statements sent with it (or a
// context derived from it), and a function that reads the counter.
func CountStatements(ctx context.Context) (context.Context, func() int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, statementsKey{}, n), n.Load
}

// count adds n statements to the process's total and to ctx's counter, if any.
func count(ctx context.Context, n int) {
	statementsTotal.Add(uint64(n))
	if c, ok := ctx.Value(statementsKey{}).(*atomic.Int64); ok {
		c.Add(int64(n))
	}
}

// statementTracer is the pgx tracer that counts statements. pgx calls TraceQueryStart
// for every Exec and Query, which is what database/sql's ExecContext, QueryContext and
// BeginTx (BEGIN) and Tx.Commit/Rollback (COMMIT/ROLLBACK) run; batches count each
// queued statement, CopyFrom one. It only adds to atomic counters.
type statementTracer struct{}

var (
	_ pgx.QueryTracer    = statementTracer{}
	_ pgx.BatchTracer    = statementTracer{}
	_ pgx.CopyFromTracer = statementTracer{}
)

func (statementTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	count(ctx, 1)
	return ctx
}

func (statementTracer) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (statementTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceBatchStartData) context.Context {
	if data.Batch != nil {
		count(ctx, data.Batch.Len())
	}
	return ctx
}

func (statementTracer) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {}

func (statementTracer) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (statementTracer) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	count(ctx, 1)
	return ctx
}

func (statementTracer) TraceCopyFromEnd(context.Context, *pgx.Conn, pgx.TraceCopyFromEndData) {}
