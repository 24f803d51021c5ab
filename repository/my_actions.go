package repository

import (
	"context"
	"time"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
)

// myItemRow is one row of My actions as the query below returns it.
type myItemRow struct {
	Kind            string
	ID              string
	DealID          string
	DealName        string
	Title           string
	StakeholderName string
	Due             *time.Time
	DueKey          time.Time
	DealFirstDue    time.Time
	Version         int
	Flagged         bool
}

// gateRiskOf is the power map's flag on stakeholder s (the rule of GateRisks): a decision
// maker or economic buyer linked to an open gate due by ? who is a skeptic or blocker, or was
// not contacted since ? (or never).
const gateRiskOf = `(s.decision_role IN ('decision_maker', 'economic_buyer')
	AND (s.stance IN ('skeptic', 'blocker') OR s.last_contact_on IS NULL OR s.last_contact_on < ?)
	AND EXISTS (SELECT 1 FROM stakeholder_milestones sm JOIN milestones m ON m.id = sm.milestone_id
		WHERE sm.stakeholder_id = s.id AND m.gate AND m.status NOT IN ('done', 'skipped') AND m.planned_due <= ?))`

// MyActions returns one page of what q.UserID owns on the open deals they may read: open
// retrospective actions and non-empty stakeholder next steps, one UNION ALL over the
// visibility rule, grouped by deal (deals by their earliest due date) and soonest due
// first within a deal (reviews.MyItemKey), seeking past q.List.After.
func (r *Reviews) MyActions(ctx context.Context, q reviews.MyActionsQuery) (domain.Page[reviews.MyItem], error) {
	db := conn(ctx, r.db)
	today := deals.Day(q.Today)
	actions := visibleTo(db.Table("retrospective_actions a").
		Select(`'action'::text AS kind, a.id, deals.id AS deal_id, deals.name AS deal_name, a.title, ''::text AS stakeholder_name,
			a.due_on AS due, a.version, false AS flagged`).
		Joins("JOIN retrospectives rt ON rt.id = a.retrospective_id").
		Joins("JOIN deals ON deals.id = rt.deal_id").
		Where("a.owner_id = ? AND a.status = 'open' AND deals.status = 'open'", q.UserID), q.Visible)
	steps := visibleTo(db.Table("stakeholders s").
		Select(`'next_step'::text AS kind, s.id, deals.id AS deal_id, deals.name AS deal_name, s.next_step AS title,
			c.name AS stakeholder_name, s.next_step_due AS due, s.version, `+gateRiskOf+` AS flagged`,
			today.AddDate(0, 0, -q.StaleDays), today.AddDate(0, 0, q.GateDays)).
		Joins("JOIN contacts c ON c.id = s.contact_id").
		Joins("JOIN deals ON deals.id = s.deal_id").
		Where("s.owner_id = ? AND s.next_step <> '' AND deals.status = 'open'", q.UserID), q.Visible)
	items := db.Table("(?) AS items", db.Raw("? UNION ALL ?", actions, steps)).
		Select("items.*, COALESCE(items.due, ?::date) AS due_key", reviews.NoDue.Format(deals.DateLayout))
	ranked := db.Table("(?) AS keyed", items).
		Select("keyed.*, MIN(keyed.due_key) OVER (PARTITION BY keyed.deal_id) AS deal_first_due")
	page := db.Table("(?) AS ranked", ranked)
	if q.List.After != nil {
		key, err := reviews.ParseMyItemKey(q.List.After.Value)
		if err != nil {
			return domain.Page[reviews.MyItem]{}, err
		}
		page = page.Where("(ranked.deal_first_due, ranked.deal_id, ranked.due_key, ranked.kind, ranked.id) > (?::date, ?::uuid, ?::date, ?, ?::uuid)",
			key.DealFirstDue.Format(deals.DateLayout), key.DealID, key.Due.Format(deals.DateLayout), key.Kind, q.List.After.ID)
	}
	var rows []myItemRow
	err := page.Order("ranked.deal_first_due, ranked.deal_id, ranked.due_key, ranked.kind, ranked.id").
		Limit(q.List.Limit + 1).Find(&rows).Error
	if err != nil {
		return domain.Page[reviews.MyItem]{}, translate(err, "my actions of user "+q.UserID)
	}
	more := len(rows) > q.List.Limit
	if more {
		rows = rows[:q.List.Limit]
	}
	out := make([]reviews.MyItem, 0, len(rows))
	for _, row := range rows {
		out = append(out, reviews.MyItem{Kind: row.Kind, ID: row.ID, DealID: row.DealID, DealName: row.DealName, Title: row.Title,
			StakeholderName: row.StakeholderName, Due: dayPtr(row.Due), Version: row.Version, Flagged: row.Flagged,
			DealFirstDue: deals.Day(row.DealFirstDue)})
	}
	var next *domain.Cursor
	if more && len(out) > 0 {
		last := out[len(out)-1]
		next = &domain.Cursor{Value: last.Key().String(), ID: last.ID}
	}
	return domain.Page[reviews.MyItem]{Items: out, Next: next}, nil
}
