package repository

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"summit/domain/boards"
)

// Boards reads what the executives' board needs (boards.Store): each method is one
// query whatever the number of deals.
type Boards struct{ db *gorm.DB }

var _ boards.Store = (*Boards)(nil)

// NewBoards returns the boards repository over db.
func NewBoards(db *gorm.DB) *Boards { return &Boards{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *Boards) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// Snapshot makes the transaction in ctx repeatable read: every query of the board sees
// the same snapshot. It must come before the transaction's first query.
func (r *Boards) Snapshot(ctx context.Context) error {
	if !inTx(ctx) {
		return errNoTx
	}
	return translate(conn(ctx, r.db).Exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").Error, "board snapshot")
}

// boardDeals is the deals of f's scope that f.Visible may read (the deals list's rule).
func (r *Boards) boardDeals(ctx context.Context, f boards.Filter) *gorm.DB {
	q := conn(ctx, r.db).Table("deals")
	if f.TeamIDs != nil {
		q = q.Where("deals.team_id = ANY(?::uuid[])", pgArray(f.TeamIDs))
	}
	return visibleTo(q, f.Visible)
}

// OpenDeals lists the open deals with their stored confidence for the period.
func (r *Boards) OpenDeals(ctx context.Context, f boards.Filter) ([]boards.OpenDeal, error) {
	rows, err := r.boardDeals(ctx, f).
		Select(`deals.id, deals.name, customers.name AS customer_name, deals.team_id, deals.amount_minor, deals.currency,
			df.confidence, deals.manual_probability, deals.forecast_category`).
		Joins("JOIN customers ON customers.id = deals.customer_id").
		Joins("LEFT JOIN deal_forecasts df ON df.deal_id = deals.id AND df.period = ?", f.Period.Name).
		Where("deals.status = 'open'").Order("deals.id").Rows()
	if err != nil {
		return nil, translate(err, "board: open deals")
	}
	// Scanned by hand: at 10,000 deals GORM's reflection was most of the query's cost.
	out, err := scanAll(rows, func(d *boards.OpenDeal) []any {
		return []any{&d.ID, &d.Name, &d.CustomerName, &d.TeamID, &d.AmountMinor, &d.Currency, &d.Confidence, &d.ManualProbability, &d.ForecastCategory}
	})
	return out, translate(err, "board: open deals")
}

// scanAll reads every row into a T through the fields that fields points at, in the
// columns' order, and closes rows.
func scanAll[T any](rows *sql.Rows, fields func(*T) []any) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(fields(&v)...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// closeDate is a won deal's close date as the confidence engine takes it (confidence
// wonOn): the close milestone's completion — the contract-signing milestone, else the
// last gate, else the last milestone — else the target close date.
const closeDate = `LEFT JOIN LATERAL (SELECT m.completed_on FROM milestones m WHERE m.deal_id = deals.id
	ORDER BY (m.key = 'contract_signed') DESC, m.gate DESC,
		CASE WHEN m.key = 'contract_signed' THEN m.sequence ELSE -m.sequence END, m.id LIMIT 1) cm ON true`

// WonDeals lists the deals won with a close date in the period.
func (r *Boards) WonDeals(ctx context.Context, f boards.Filter) ([]boards.WonDeal, error) {
	var out []boards.WonDeal
	err := r.boardDeals(ctx, f).Select("deals.id, deals.team_id, deals.amount_minor, deals.currency").
		Joins(closeDate).Where("deals.status = 'won'").
		Where("COALESCE(cm.completed_on, deals.target_close_date) >= ? AND COALESCE(cm.completed_on, deals.target_close_date) < ?",
			f.Period.From, f.Period.To).
		Order("deals.id").Scan(&out).Error
	return out, translate(err, "board: won deals")
}

// Gates lists the open deals' unfinished gates and contract milestones in plan order,
// with the committed baseline's due date.
func (r *Boards) Gates(ctx context.Context, f boards.Filter) ([]boards.Gate, error) {
	rows, err := r.boardDeals(ctx, f).
		Select(`m.deal_id, m.id AS milestone_id, m.name, m.name_zh, m.planned_due AS due, bm.planned_due AS baseline_due,
			m.gate AS is_gate, m.status IN ('done', 'skipped') AS finished, m.key = 'contract_signed' AS contract`).
		Joins(`LEFT JOIN baselines lb ON lb.deal_id = deals.id AND lb.committed`).
		Joins("JOIN milestones m ON m.deal_id = deals.id").
		Joins("LEFT JOIN baseline_milestones bm ON bm.baseline_id = lb.id AND bm.milestone_id = m.id").
		Where("deals.status = 'open'").
		Where("((m.gate AND m.status NOT IN ('done', 'skipped')) OR m.key = 'contract_signed')").
		Order("m.deal_id, m.sequence, m.id").Rows()
	if err != nil {
		return nil, translate(err, "board: gates")
	}
	out, err := scanAll(rows, func(g *boards.Gate) []any {
		return []any{&g.DealID, &g.MilestoneID, &g.Name, &g.NameZh, &g.Due, &g.BaselineDue, &g.IsGate, &g.Finished, &g.Contract}
	})
	return out, translate(err, "board: gates")
}

// Stakeholders lists the stakeholders linked to the milestones, most influential first,
// with their contact's name and title and their owner's name.
func (r *Boards) Stakeholders(ctx context.Context, milestoneIDs []string) ([]boards.Stakeholder, error) {
	var out []boards.Stakeholder
	err := conn(ctx, r.db).Raw(`SELECT sm.milestone_id, s.id, c.name, c.title, s.decision_role, s.influence, s.stance,
			s.owner_id, u.name AS owner_name, s.next_step, s.next_step_due
		FROM stakeholder_milestones sm JOIN stakeholders s ON s.id = sm.stakeholder_id
		JOIN contacts c ON c.id = s.contact_id LEFT JOIN users u ON u.id = s.owner_id
		WHERE sm.milestone_id = ANY(?::uuid[])
		ORDER BY sm.milestone_id, s.influence DESC, c.name, s.id`, pgArray(milestoneIDs)).Scan(&out).Error
	return out, translate(err, "board: stakeholders")
}

// Levels counts the input and in-between levels over every deal of the scope the caller
// may read (docs/board.md, "Levels"): next steps done (a history entry in the period
// replaced or cleared a non-empty next step), next steps due (those done plus the open
// ones due in the period), contacts (stakeholders whose last contact lies in the
// period), gates passed (done, completed in the period) and gates planned (due in it).
func (r *Boards) Levels(ctx context.Context, f boards.Filter) (boards.Levels, error) {
	from, to := f.Period.From, f.Period.To
	scope := r.boardDeals(ctx, f).Select("deals.id")
	var row struct {
		StepsDone, StepsOpen, Contacts, GatesDone, GatesPlanned int
	}
	err := conn(ctx, r.db).Raw(`WITH scope AS (?)
		SELECT
		(SELECT count(*) FROM stakeholder_history h JOIN stakeholders s ON s.id = h.stakeholder_id JOIN scope ON scope.id = s.deal_id
			WHERE h.at >= ? AND h.at < ? AND COALESCE(h.changes->'next_step'->>'from', '') <> '') AS steps_done,
		(SELECT count(*) FROM stakeholders s JOIN scope ON scope.id = s.deal_id
			WHERE s.next_step <> '' AND s.next_step_due >= ? AND s.next_step_due < ?) AS steps_open,
		(SELECT count(*) FROM stakeholders s JOIN scope ON scope.id = s.deal_id
			WHERE s.last_contact_on >= ? AND s.last_contact_on < ?) AS contacts,
		(SELECT count(*) FROM milestones m JOIN scope ON scope.id = m.deal_id
			WHERE m.gate AND m.status = 'done' AND m.completed_on >= ? AND m.completed_on < ?) AS gates_done,
		(SELECT count(*) FROM milestones m JOIN scope ON scope.id = m.deal_id
			WHERE m.gate AND m.planned_due >= ? AND m.planned_due < ?) AS gates_planned`,
		scope, utc(from), utc(to), from, to, from, to, from, to, from, to).Scan(&row).Error
	if err != nil {
		return boards.Levels{}, translate(err, "board: levels")
	}
	return boards.Levels{StepsDone: row.StepsDone, StepsDue: row.StepsDone + row.StepsOpen, Contacts: row.Contacts,
		GatesDone: row.GatesDone, GatesPlanned: row.GatesPlanned}, nil
}

func utc(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
