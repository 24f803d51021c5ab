package repository

import (
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
)

// updateVersioned writes values to the row id of model's table only if its version is
// still expected, and bumps the version: the optimistic lock behind If-Match. A row that
// moved on is domain.ErrStaleVersion and nothing is written; a missing row is ErrNotFound.
func updateVersioned(tx *gorm.DB, model any, id string, expected int, values map[string]any) error {
	return updateVersionedIn(tx.Model(model), tx, model, id, expected, values)
}

// updateVersionedReturning is updateVersioned that fills dest (a pointer to a row of the
// table) with the row as stored, from the UPDATE's RETURNING: no read after the write.
func updateVersionedReturning(tx *gorm.DB, dest any, id string, expected int, values map[string]any) error {
	return updateVersionedIn(tx.Model(dest).Clauses(clause.Returning{}), tx, dest, id, expected, values)
}

func updateVersionedIn(q, tx *gorm.DB, model any, id string, expected int, values map[string]any) error {
	values["version"] = gorm.Expr("version + 1")
	values["updated_at"] = time.Now().UTC()
	res := q.Where("id = ? AND version = ?", id, expected).Updates(values)
	if res.Error != nil {
		return translate(res.Error, "update")
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := tx.Model(model).Where("id = ?", id).Count(&n).Error; err != nil {
		return translate(err, "update")
	}
	if n == 0 {
		return fmt.Errorf("update %s: %w", id, domain.ErrNotFound)
	}
	return fmt.Errorf("update %s at version %d: %w", id, expected, domain.ErrStaleVersion)
}
