package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
)

// activityRow is the deal_activity table.
type activityRow struct {
	ID         string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID     string
	At         time.Time `gorm:"default:clock_timestamp()"`
	ActorID    *string
	ActorName  *string `gorm:"->;-:migration"` // read-only, joined from users
	Action     string
	EntityType string
	EntityID   *string
	Before     []byte `gorm:"type:jsonb"`
	After      []byte `gorm:"type:jsonb"`
}

func (activityRow) TableName() string { return "deal_activity" }
func (r activityRow) rowID() string   { return r.ID }

// activitySorts map the sort fields of deals.ActivitySorts to columns.
var activitySorts = sortKeys[activityRow]{
	"at": {"deal_activity.at", func(r activityRow) string { return timeKey(r.At) }},
}

// writeActivity stores act inside tx, so a change and its trail commit together.
// dealID and entityID, when set, fill in what a create could not know beforehand.
// An action that is not one of deals.ActivityActions is a programming error: refused, so
// the SPA, which words every listed action, never meets one it cannot read.
func writeActivity(tx *gorm.DB, act deals.Activity, dealID string, entityID *string) error {
	row, err := activityRowOf(act, dealID, entityID)
	if err != nil {
		return err
	}
	return translate(tx.Omit("ActorName").Create(&row).Error, "write deal activity")
}

// activityRowOf is the row writeActivity stores for act (also written by
// updateVersionedLogged, in its update's statement).
func activityRowOf(act deals.Activity, dealID string, entityID *string) (activityRow, error) {
	if !deals.IsActivityAction(act.Action) {
		return activityRow{}, fmt.Errorf("write deal activity: unlisted action %q (add it to deals.ActivityActions)", act.Action)
	}
	if act.DealID == "" {
		act.DealID = dealID
	}
	if act.EntityID == nil {
		act.EntityID = entityID
	}
	before, err := jsonOrNull(act.Before)
	if err != nil {
		return activityRow{}, err
	}
	after, err := jsonOrNull(act.After)
	if err != nil {
		return activityRow{}, err
	}
	return activityRow{DealID: act.DealID, ActorID: act.ActorID, Action: act.Action, EntityType: act.EntityType,
		EntityID: act.EntityID, Before: before, After: after}, nil
}

// jsonOrNull encodes v, or returns nil (SQL NULL) when there is nothing to record.
func jsonOrNull(v any) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode activity: %w", err)
	}
	if string(b) == "null" {
		return nil, nil
	}
	return b, nil
}

// ListActivity pages through a deal's trail, newest first unless p sorts otherwise.
func (r *Deals) ListActivity(ctx context.Context, dealID string, p domain.ListParams, between deals.ActivityRange) (domain.Page[deals.Activity], error) {
	if p.Sort.Field == "" {
		p.Sort = domain.SortOrder{Field: "at", Desc: true}
	}
	q := conn(ctx, r.db).Table("deal_activity").
		Select("deal_activity.*, users.name AS actor_name").
		Joins("LEFT JOIN users ON users.id = deal_activity.actor_id").
		Where("deal_activity.deal_id = ?", dealID)
	if between.From != nil {
		q = q.Where("deal_activity.at >= ?", utc(*between.From))
	}
	if between.To != nil {
		q = q.Where("deal_activity.at < ?", utc(*between.To).AddDate(0, 0, 1))
	}
	rows, next, err := listPage(q, activitySorts, p, "deal_activity.id")
	if err != nil {
		return domain.Page[deals.Activity]{}, translate(err, "list deal activity")
	}
	page := domain.Page[deals.Activity]{Items: make([]deals.Activity, 0, len(rows)), Next: next}
	for _, row := range rows {
		a := deals.Activity{ID: row.ID, DealID: row.DealID, At: row.At, ActorID: row.ActorID, ActorName: row.ActorName,
			Action: row.Action, EntityType: row.EntityType, EntityID: row.EntityID}
		if err := decodeJSON(row.Before, &a.Before); err != nil {
			return domain.Page[deals.Activity]{}, err
		}
		if err := decodeJSON(row.After, &a.After); err != nil {
			return domain.Page[deals.Activity]{}, err
		}
		page.Items = append(page.Items, a)
	}
	return page, nil
}

func decodeJSON(raw []byte, dst *any) error {
	if len(raw) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("decode activity: %w", err)
	}
	return nil
}
