package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain/changes"
)

// Changes reads what a "what changed" report needs (changes.Store): each method is one
// query whatever the number of deals.
type Changes struct{ db *gorm.DB }

var _ changes.Store = (*Changes)(nil)

// NewChanges returns the "what changed" repository over db.
func NewChanges(db *gorm.DB) *Changes { return &Changes{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *Changes) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// Snapshot makes the transaction in ctx repeatable read.
func (r *Changes) Snapshot(ctx context.Context) error {
	if !inTx(ctx) {
		return errNoTx
	}
	return translate(conn(ctx, r.db).Exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").Error, "changes snapshot")
}

// SnapshotDay is the latest forecast snapshot's day on or before day.
func (r *Changes) SnapshotDay(ctx context.Context, day time.Time) (*time.Time, error) {
	var found []time.Time
	err := conn(ctx, r.db).Raw(`SELECT day FROM forecast_snapshots WHERE day <= ? ORDER BY day DESC LIMIT 1`, utc(day)).
		Scan(&found).Error
	if err != nil || len(found) == 0 {
		return nil, translate(err, "changes: snapshot day")
	}
	d := utc(found[0])
	return &d, nil
}

// scoped is the deals f.Visible may read now (the deals list's rule), of f's teams by the
// deal's team now.
func (r *Changes) scoped(ctx context.Context, f changes.Filter) *gorm.DB {
	q := conn(ctx, r.db).Table("deals")
	if f.TeamIDs != nil {
		q = q.Where("deals.team_id = ANY(?::uuid[])", pgArray(f.TeamIDs))
	}
	return visibleTo(q, f.Visible)
}

func dealFields(d *changes.Deal) []any {
	return []any{&d.ID, &d.Name, &d.CustomerName, &d.Status, &d.TeamID, &d.AmountMinor, &d.Currency, &d.TargetClose,
		&d.Confidence, &d.ManualProbability, &d.ForecastCategory, &d.Since}
}

// Open lists the scope's open deals now with their stored confidence for the period.
func (r *Changes) Open(ctx context.Context, f changes.Filter) ([]changes.Deal, error) {
	rows, err := r.scoped(ctx, f).
		Select(`deals.id, deals.name, customers.name, deals.status, deals.team_id, deals.amount_minor, deals.currency,
			deals.target_close_date, df.confidence, deals.manual_probability, deals.forecast_category, false`).
		Joins("JOIN customers ON customers.id = deals.customer_id").
		Joins("LEFT JOIN deal_forecasts df ON df.deal_id = deals.id AND df.period = ?", f.Period.Name).
		Where("deals.status = 'open'").Rows()
	if err != nil {
		return nil, translate(err, "changes: open deals")
	}
	out, err := scanAll(rows, dealFields)
	return out, translate(err, "changes: open deals")
}

// Won lists the scope's deals won with a close date (as the board takes it) in the period;
// Since: closed on or after the snapshot's day.
func (r *Changes) Won(ctx context.Context, f changes.Filter) ([]changes.Deal, error) {
	q := r.scoped(ctx, f).
		Select(`deals.id, deals.name, customers.name, deals.status, deals.team_id, deals.amount_minor, deals.currency,
			deals.target_close_date, NULL::float8, deals.manual_probability, deals.forecast_category,
			COALESCE(cm.completed_on, deals.target_close_date) >= ?`, utc(f.Day)).
		Joins("JOIN customers ON customers.id = deals.customer_id").
		Joins(closeDate).Where("deals.status = 'won'").
		Where("COALESCE(cm.completed_on, deals.target_close_date) >= ? AND COALESCE(cm.completed_on, deals.target_close_date) < ?",
			f.Period.From, f.Period.To)
	if f.Until != nil {
		q = q.Where("COALESCE(cm.completed_on, deals.target_close_date) <= ?", utc(*f.Until))
	}
	rows, err := q.Rows()
	if err != nil {
		return nil, translate(err, "changes: won deals")
	}
	out, err := scanAll(rows, dealFields)
	return out, translate(err, "changes: won deals")
}

// Then lists the snapshot rows of f.Day whose team (then) is in the scope, of deals
// f.Visible may read now: the amount, close date and confidence for the period as they
// were, the name, customer and status as they are.
func (r *Changes) Then(ctx context.Context, f changes.Filter) ([]changes.Deal, error) {
	q := visibleTo(conn(ctx, r.db).Table("deals"), f.Visible).
		Joins("JOIN deal_snapshots ds ON ds.deal_id = deals.id AND ds.day = ?", utc(f.Day)).
		Joins("JOIN customers ON customers.id = deals.customer_id")
	if f.TeamIDs != nil {
		q = q.Where("ds.team_id = ANY(?::uuid[])", pgArray(f.TeamIDs))
	}
	rows, err := q.Select(`deals.id, deals.name, customers.name, deals.status, ds.team_id, ds.amount_minor, ds.currency,
			ds.target_close_date, (ds.periods -> ? ->> 1)::float8, ds.manual_probability, ds.forecast_category, false`, f.Period.Name).
		Rows()
	if err != nil {
		return nil, translate(err, "changes: snapshot")
	}
	out, err := scanAll(rows, dealFields)
	return out, translate(err, "changes: snapshot")
}
