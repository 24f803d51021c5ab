package repository_test

import (
	"context"
	"errors"
	"testing"

	"gorm.io/gorm"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestStatementsAreCountedPerContextAndInTotal: every statement sent to PostgreSQL counts,
// BEGIN, COMMIT, ROLLBACK and savepoints included, towards the context's counter and the
// process's total; a context without a counter adds to the total only.
func TestStatementsAreCountedPerContextAndInTotal(t *testing.T) {
	t.Parallel()
	gdb, _ := dbtest.New(t)
	fail := errors.New("fail")
	tests := []struct {
		name string
		run  func(db *gorm.DB) error
		want int64
	}{
		{"one query", func(db *gorm.DB) error {
			var n int
			return db.Raw("SELECT 1").Scan(&n).Error
		}, 1},
		{"one write", func(db *gorm.DB) error { return db.Exec("SET LOCAL work_mem = '8MB'").Error }, 1},
		{"a transaction: BEGIN, two queries, COMMIT", func(db *gorm.DB) error {
			return db.Transaction(func(tx *gorm.DB) error {
				var n int
				if err := tx.Raw("SELECT 1").Scan(&n).Error; err != nil {
					return err
				}
				return tx.Raw("SELECT 2").Scan(&n).Error
			})
		}, 4},
		{"a failed transaction: BEGIN, a query, ROLLBACK", func(db *gorm.DB) error {
			err := db.Transaction(func(tx *gorm.DB) error {
				var n int
				if err := tx.Raw("SELECT 1").Scan(&n).Error; err != nil {
					return err
				}
				return fail
			})
			if !errors.Is(err, fail) {
				return err
			}
			return nil
		}, 3},
		{"a nested transaction: BEGIN, SAVEPOINT, a query, COMMIT (GORM releases none)", func(db *gorm.DB) error {
			return db.Transaction(func(tx *gorm.DB) error {
				return tx.Transaction(func(tx *gorm.DB) error {
					var n int
					return tx.Raw("SELECT 1").Scan(&n).Error
				})
			})
		}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, read := repository.CountStatements(context.Background())
			before := repository.StatementsTotal()
			if err := tc.run(gdb.WithContext(ctx)); err != nil {
				t.Fatal(err)
			}
			if got := read(); got != tc.want {
				t.Errorf("counted %d statements, want %d", got, tc.want)
			}
			if total := repository.StatementsTotal() - before; total < uint64(tc.want) {
				t.Errorf("the total grew by %d, want at least %d", total, tc.want)
			}
			// Without a counter in the context: the total still grows.
			before = repository.StatementsTotal()
			if err := tc.run(gdb.WithContext(context.Background())); err != nil {
				t.Fatal(err)
			}
			if total := repository.StatementsTotal() - before; total < uint64(tc.want) {
				t.Errorf("uncounted context: the total grew by %d, want at least %d", total, tc.want)
			}
			if got := read(); got != tc.want {
				t.Errorf("another context's statements reached this counter: %d, want %d", got, tc.want)
			}
		})
	}
}
