package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
)

// retrospectiveRow is the retrospectives table.
type retrospectiveRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID      string
	MilestoneID *string
	HeldOn      time.Time
	Planned     string
	Happened    string
	GapCause    string
	Next        string
	Outcome     string
	CreatedBy   *string
	Version     int `gorm:"default:1"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (retrospectiveRow) TableName() string { return "retrospectives" }

// actionRow is the retrospective_actions table, with its deal joined in for reads.
type actionRow struct {
	ID              string `gorm:"primaryKey;default:gen_random_uuid()"`
	RetrospectiveID string
	DealID          string `gorm:"->;-:migration"` // read-only, from the retrospective
	DealName        string `gorm:"->;-:migration"` // read-only, joined from deals
	Title           string
	OwnerID         *string
	DueOn           time.Time
	Status          string
	Version         int `gorm:"default:1"`
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (actionRow) TableName() string { return "retrospective_actions" }

func toDomainRetrospective(r retrospectiveRow, actions []reviews.Action) reviews.Retrospective {
	if actions == nil {
		actions = []reviews.Action{}
	}
	return reviews.Retrospective{ID: r.ID, DealID: r.DealID, MilestoneID: r.MilestoneID, HeldOn: deals.Day(r.HeldOn),
		Planned: r.Planned, Happened: r.Happened, GapCause: r.GapCause, Next: r.Next, Outcome: reviews.Outcome(r.Outcome),
		CreatedBy: r.CreatedBy, Actions: actions, Version: r.Version}
}

func toDomainAction(r actionRow) reviews.Action {
	return reviews.Action{ID: r.ID, RetrospectiveID: r.RetrospectiveID, DealID: r.DealID, DealName: r.DealName,
		Title: r.Title, OwnerID: r.OwnerID, DueOn: deals.Day(r.DueOn), Status: r.Status, Version: r.Version}
}

// actionsWithDeal selects action items with their deal's id and name.
func actionsWithDeal(tx *gorm.DB) *gorm.DB {
	return tx.Table("retrospective_actions").Select("retrospective_actions.*, r.deal_id, d.name AS deal_name").
		Joins("JOIN retrospectives r ON r.id = retrospective_actions.retrospective_id").
		Joins("JOIN deals d ON d.id = r.deal_id")
}

// findActions reads the action items q selects, soonest due first.
func findActions(q *gorm.DB, what string) ([]reviews.Action, error) {
	var rows []actionRow
	err := q.Order("retrospective_actions.due_on, retrospective_actions.created_at, retrospective_actions.id").Find(&rows).Error
	if err != nil {
		return nil, translate(err, what)
	}
	out := make([]reviews.Action, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainAction(row))
	}
	return out, nil
}

// withActions converts rows to retrospectives and fills their actions with one query.
func withActions(tx *gorm.DB, rows []retrospectiveRow) ([]reviews.Retrospective, error) {
	out := make([]reviews.Retrospective, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	actions, err := findActions(actionsWithDeal(tx).Where("retrospective_actions.retrospective_id IN ?", ids), "retrospective actions")
	if err != nil {
		return nil, err
	}
	byRetro := map[string][]reviews.Action{}
	for _, a := range actions {
		byRetro[a.RetrospectiveID] = append(byRetro[a.RetrospectiveID], a)
	}
	for _, r := range rows {
		out = append(out, toDomainRetrospective(r, byRetro[r.ID]))
	}
	return out, nil
}

func retrospectiveByID(tx *gorm.DB, id string) (reviews.Retrospective, error) {
	var row retrospectiveRow
	if err := tx.Take(&row, "id = ?", id).Error; err != nil {
		return reviews.Retrospective{}, translate(err, "retrospective "+id)
	}
	out, err := withActions(tx, []retrospectiveRow{row})
	if err != nil {
		return reviews.Retrospective{}, err
	}
	return out[0], nil
}

// ListRetrospectives lists a deal's retrospectives, newest first, with their actions; an
// unknown deal is domain.ErrNotFound.
func (r *Reviews) ListRetrospectives(ctx context.Context, dealID string) ([]reviews.Retrospective, error) {
	db := conn(ctx, r.db)
	var rows []retrospectiveRow
	if err := db.Where("deal_id = ?", dealID).Order("held_on DESC, created_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, translate(err, "retrospectives of deal "+dealID)
	}
	if len(rows) == 0 {
		if err := dealExists(db, dealID); err != nil {
			return nil, err
		}
	}
	return withActions(db, rows)
}

// Retrospective returns one retrospective with its actions.
func (r *Reviews) Retrospective(ctx context.Context, id string) (reviews.Retrospective, error) {
	return retrospectiveByID(conn(ctx, r.db), id)
}

// CreateRetrospective stores a retrospective, its actions and the activity entry in one
// transaction.
func (r *Reviews) CreateRetrospective(ctx context.Context, rt reviews.Retrospective, act reviews.Activity) (reviews.Retrospective, error) {
	row := retrospectiveRow{DealID: rt.DealID, MilestoneID: rt.MilestoneID, HeldOn: deals.Day(rt.HeldOn), Planned: rt.Planned,
		Happened: rt.Happened, GapCause: rt.GapCause, Next: rt.Next, Outcome: string(rt.Outcome), CreatedBy: rt.CreatedBy, Version: 1}
	var out reviews.Retrospective
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create retrospective")
		}
		if err := insertActions(tx, row.ID, rt.Actions); err != nil {
			return err
		}
		if err := writeActivity(tx, reviewActivity(act, "retrospective"), row.DealID, &row.ID); err != nil {
			return err
		}
		var err error
		out, err = retrospectiveByID(tx, row.ID)
		return err
	})
	return out, err
}

func insertActions(tx *gorm.DB, retrospectiveID string, actions []reviews.Action) error {
	if len(actions) == 0 {
		return nil
	}
	rows := make([]actionRow, 0, len(actions))
	for _, a := range actions {
		rows = append(rows, actionRow{RetrospectiveID: retrospectiveID, Title: a.Title, OwnerID: a.OwnerID,
			DueOn: deals.Day(a.DueOn), Status: a.Status, Version: 1})
	}
	return translate(tx.Omit("DealID", "DealName").Create(&rows).Error, "add retrospective actions")
}

// UpdateRetrospective replaces a retrospective's fields and actions at expected: an
// action whose id is one of this retrospective's is updated (its version moves on only
// when it changes), one without id is added, and the ones not given are removed. An id
// that is not an action of this retrospective is a validation error.
func (r *Reviews) UpdateRetrospective(ctx context.Context, rt reviews.Retrospective, expected int, act reviews.Activity) (reviews.Retrospective, error) {
	var out reviews.Retrospective
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &retrospectiveRow{}, rt.ID, expected, map[string]any{
			"milestone_id": rt.MilestoneID, "held_on": deals.Day(rt.HeldOn), "planned": rt.Planned,
			"happened": rt.Happened, "gap_cause": rt.GapCause, "next": rt.Next, "outcome": string(rt.Outcome),
		})
		if err != nil {
			return err
		}
		var stored retrospectiveRow
		if err := tx.Select("id", "deal_id").Take(&stored, "id = ?", rt.ID).Error; err != nil {
			return translate(err, "retrospective "+rt.ID)
		}
		if err := replaceActions(tx, rt.ID, rt.Actions); err != nil {
			return err
		}
		if err := writeActivity(tx, reviewActivity(act, "retrospective"), stored.DealID, &rt.ID); err != nil {
			return err
		}
		out, err = retrospectiveByID(tx, rt.ID)
		return err
	})
	return out, err
}

func replaceActions(tx *gorm.DB, retrospectiveID string, actions []reviews.Action) error {
	var existing []actionRow
	if err := tx.Omit("DealID", "DealName").Where("retrospective_id = ?", retrospectiveID).Find(&existing).Error; err != nil {
		return translate(err, "retrospective actions")
	}
	current := make(map[string]actionRow, len(existing))
	for _, a := range existing {
		current[a.ID] = a
	}
	kept := map[string]bool{}
	var added []reviews.Action
	for i, a := range actions {
		if a.ID == "" {
			added = append(added, a)
			continue
		}
		old, ok := current[a.ID]
		if !ok || kept[a.ID] {
			return domain.Invalid(fmt.Sprintf("actions[%d].id", i), "exists", "")
		}
		kept[a.ID] = true
		due := deals.Day(a.DueOn)
		if old.Title == a.Title && sameString(old.OwnerID, a.OwnerID) && deals.Day(old.DueOn).Equal(due) && old.Status == a.Status {
			continue
		}
		err := updateVersioned(tx, &actionRow{}, a.ID, old.Version, map[string]any{
			"title": a.Title, "owner_id": a.OwnerID, "due_on": due, "status": a.Status,
		})
		if err != nil {
			return err
		}
	}
	var removed []string
	for _, a := range existing {
		if !kept[a.ID] {
			removed = append(removed, a.ID)
		}
	}
	if len(removed) > 0 {
		if err := tx.Where("id IN ?", removed).Delete(&actionRow{}).Error; err != nil {
			return translate(err, "remove retrospective actions")
		}
	}
	return insertActions(tx, retrospectiveID, added)
}

func sameString(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// DeleteRetrospective removes a retrospective and its actions at version.
func (r *Reviews) DeleteRetrospective(ctx context.Context, id string, expected int, act reviews.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var row retrospectiveRow
		if err := tx.Select("id", "deal_id").Take(&row, "id = ?", id).Error; err != nil {
			return translate(err, "retrospective "+id)
		}
		if err := deleteVersioned(tx, &retrospectiveRow{}, id, expected); err != nil {
			return err
		}
		return writeActivity(tx, reviewActivity(act, "retrospective"), row.DealID, &row.ID)
	})
}

// Action returns one action item with its deal's id and name.
func (r *Reviews) Action(ctx context.Context, id string) (reviews.Action, error) {
	return actionByID(conn(ctx, r.db), id)
}

func actionByID(tx *gorm.DB, id string) (reviews.Action, error) {
	var row actionRow
	if err := actionsWithDeal(tx).Where("retrospective_actions.id = ?", id).Take(&row).Error; err != nil {
		return reviews.Action{}, translate(err, "action "+id)
	}
	return toDomainAction(row), nil
}

// UpdateAction stores a's title, owner, due date and status if its version is still
// expected.
func (r *Reviews) UpdateAction(ctx context.Context, a reviews.Action, expected int, act reviews.Activity) (reviews.Action, error) {
	var out reviews.Action
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &actionRow{}, a.ID, expected, map[string]any{
			"title": a.Title, "owner_id": a.OwnerID, "due_on": deals.Day(a.DueOn), "status": a.Status,
		})
		if err != nil {
			return err
		}
		if out, err = actionByID(tx, a.ID); err != nil {
			return err
		}
		return writeActivity(tx, reviewActivity(act, "action"), out.DealID, &out.ID)
	})
	return out, err
}

// OpenActionsOfDeal lists a deal's open action items, soonest due first.
func (r *Reviews) OpenActionsOfDeal(ctx context.Context, dealID string) ([]reviews.Action, error) {
	q := actionsWithDeal(conn(ctx, r.db)).
		Where("r.deal_id = ? AND retrospective_actions.status = 'open'", dealID)
	return findActions(q, "open actions of deal "+dealID)
}
