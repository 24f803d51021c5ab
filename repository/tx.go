package repository

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"summit/domain"
)

// txKey is the context key of the transaction a use case runs in.
type txKey struct{}

// runTx is domain.Transactor's Tx over db: it begins a transaction, puts it in the
// context fn gets and commits when fn returns nil (rolls back on an error or a panic).
// Inside a transaction already, fn joins it. Every store reads and writes through
// conn, so all of them take part.
func runTx(ctx context.Context, db *gorm.DB, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	var fnErr error
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		fnErr = fn(context.WithValue(ctx, txKey{}, tx))
		return fnErr
	})
	if err != nil && err != fnErr { // begin or commit failed: a driver error
		return translate(err, "transaction")
	}
	return err
}

// conn is the handle a store method uses: the use case's transaction when ctx carries
// one, else the pool. Writes that need several statements still wrap them in
// conn(…).Transaction: on its own that is a transaction, inside a use case a savepoint.
func conn(ctx context.Context, db *gorm.DB) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx.WithContext(ctx)
	}
	return db.WithContext(ctx)
}

// inTx reports whether ctx carries a use case's transaction.
func inTx(ctx context.Context) bool {
	_, ok := ctx.Value(txKey{}).(*gorm.DB)
	return ok
}

// errNoTx is a programming error: a lock taken outside any transaction holds nothing.
var errNoTx = errors.New("lock outside a transaction")

// Tx runs fn in one transaction (domain.Transactor).
func (r *Deals) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// Tx runs fn in one transaction (domain.Transactor).
func (r *Reviews) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// LockPlan locks the deal's row until the transaction in ctx ends, so that the use cases
// changing one deal's plan, team or status run one after the other: each reads the plan
// after the one before it committed. FOR NO KEY UPDATE is the lock an UPDATE of the row
// takes; rows merely referring to the deal (activity, gate decisions) are not held up.
// An unknown deal is domain.ErrNotFound.
func (r *Deals) LockPlan(ctx context.Context, dealID string) error {
	return lockRow(ctx, r.db, "deals", dealID)
}

// LockMilestonePlan is LockPlan of the deal milestoneID belongs to, found and locked in
// one statement; it returns the deal's id. An unknown milestone is domain.ErrNotFound.
func (r *Deals) LockMilestonePlan(ctx context.Context, milestoneID string) (string, error) {
	if !inTx(ctx) {
		return "", errNoTx
	}
	var ids []string
	err := conn(ctx, r.db).Raw(`SELECT d.id FROM milestones m JOIN deals d ON d.id = m.deal_id
		WHERE m.id = ? FOR NO KEY UPDATE OF d`, milestoneID).Scan(&ids).Error
	if err != nil {
		return "", translate(err, "lock plan of milestone "+milestoneID)
	}
	if len(ids) == 0 {
		return "", fmt.Errorf("milestone %s: %w", milestoneID, domain.ErrNotFound)
	}
	return ids[0], nil
}

// writeTx runs fn as one write: in the use case's transaction when ctx carries one (no
// savepoint: the use case rolls back on the error fn returns), else in a transaction
// of its own.
func writeTx(ctx context.Context, db *gorm.DB, fn func(tx *gorm.DB) error) error {
	if inTx(ctx) {
		return fn(conn(ctx, db))
	}
	return conn(ctx, db).Transaction(fn)
}

// Tx runs fn in one transaction (domain.Transactor).
func (r *Teams) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// LockTree holds the team tree until the transaction in ctx ends. SHARE ROW EXCLUSIVE
// lets everyone read teams and refer to them (a deal's team) but lets one transaction
// at a time change them, so a move's loop check reads the tree its write lands in.
func (r *Teams) LockTree(ctx context.Context) error {
	if !inTx(ctx) {
		return errNoTx
	}
	return translate(conn(ctx, r.db).Exec("LOCK TABLE teams IN SHARE ROW EXCLUSIVE MODE").Error, "lock team tree")
}

// Tx runs fn in one transaction (domain.Transactor).
func (r *Stakeholders) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// LockReportingLines holds the customer's row (FOR NO KEY UPDATE, as LockPlan holds a
// deal's) until the transaction in ctx ends: changes to its people's reporting lines run
// one after the other. An unknown customer is domain.ErrNotFound.
func (r *Stakeholders) LockReportingLines(ctx context.Context, customerID string) error {
	return lockRow(ctx, r.db, "customers", customerID)
}

// lockRow takes FOR NO KEY UPDATE on one row of table (a constant) for the transaction
// in ctx.
func lockRow(ctx context.Context, db *gorm.DB, table, id string) error {
	if !inTx(ctx) {
		return errNoTx
	}
	var ids []string
	err := conn(ctx, db).Raw("SELECT id FROM "+table+" WHERE id = ? FOR NO KEY UPDATE", id).Scan(&ids).Error
	if err != nil {
		return translate(err, "lock "+table+" "+id)
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s %s: %w", table, id, domain.ErrNotFound)
	}
	return nil
}
