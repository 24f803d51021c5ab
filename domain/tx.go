package domain

import "context"

// Transactor runs one use case in one database transaction. A service that checks a rule
// spanning several rows (a plan without dependency cycles, a deal team with a PMO) reads
// and writes inside Tx, so no concurrent change can slip between its check and its write.
//
// The transaction travels in the context: every store call made with the ctx that fn
// receives joins it; fn's error, or a panic, rolls everything back. Tx inside Tx joins the
// outer transaction.
type Transactor interface {
	Tx(ctx context.Context, fn func(ctx context.Context) error) error
}
