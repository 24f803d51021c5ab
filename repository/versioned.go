package repository

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"summit/domain"
)

// updateVersioned writes values to the row id of model's table only if its version is
// still expected, and bumps the version: the optimistic lock behind If-Match. A row that
// moved on is domain.ErrStaleVersion and nothing is written; a missing row is ErrNotFound.
func updateVersioned(tx *gorm.DB, model any, id string, expected int, values map[string]any) error {
	values["version"] = gorm.Expr("version + 1")
	values["updated_at"] = time.Now().UTC()
	res := tx.Model(model).Where("id = ? AND version = ?", id, expected).Updates(values)
	if res.Error != nil {
		return translate(res.Error, "update")
	}
	if res.RowsAffected == 1 {
		return nil
	}
	return versionMissed(tx.Model(model), id, expected)
}

// updateVersionedLogged is updateVersioned on table that fills dest (a pointer to a row
// of the table) with the row as stored, from the UPDATE's RETURNING, and writes act's
// activity row in the same statement, only when the update happened: one round trip for
// the change and its trail, no read after the write.
func updateVersionedLogged(tx *gorm.DB, table string, dest any, id string, expected int, values map[string]any, act activityRow) error {
	values["version"] = gorm.Expr("version + 1")
	values["updated_at"] = time.Now().UTC()
	columns := slices.Sorted(maps.Keys(values)) // one SQL text: one cached statement
	sets := make([]string, 0, len(columns))
	args := make([]any, 0, len(columns)+9)
	for _, c := range columns {
		sets = append(sets, c+" = ?")
		args = append(args, values[c])
	}
	args = append(args, id, expected, act.DealID, act.ActorID, act.Action, act.EntityType, act.EntityID, act.Before, act.After)
	res := tx.Raw(`WITH changed AS (UPDATE `+table+` SET `+strings.Join(sets, ", ")+` WHERE id = ? AND version = ? RETURNING *),
		logged AS (INSERT INTO deal_activity (deal_id, actor_id, action, entity_type, entity_id, before, after)
			SELECT ?::uuid, ?::uuid, ?, ?, ?::uuid, ?::jsonb, ?::jsonb FROM changed)
		SELECT * FROM changed`, args...).Scan(dest)
	if res.Error != nil {
		return translate(res.Error, "update")
	}
	if res.RowsAffected == 1 {
		return nil
	}
	return versionMissed(tx.Table(table), id, expected)
}

// versionMissed tells why an update of row id at version expected of table's query
// changed nothing: the row is gone (domain.ErrNotFound) or moved on (ErrStaleVersion).
func versionMissed(table *gorm.DB, id string, expected int) error {
	var n int64
	if err := table.Where("id = ?", id).Count(&n).Error; err != nil {
		return translate(err, "update")
	}
	if n == 0 {
		return fmt.Errorf("update %s: %w", id, domain.ErrNotFound)
	}
	return fmt.Errorf("update %s at version %d: %w", id, expected, domain.ErrStaleVersion)
}
