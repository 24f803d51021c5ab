package repository

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/calibration"
	"summit/domain/identity"
)

// ConfidenceModels stores the fitted confidence models and reads the closed deals'
// snapshots they are fitted on (calibration.ModelStore).
type ConfidenceModels struct{ db *gorm.DB }

// NewConfidenceModels returns the models repository over db.
func NewConfidenceModels(db *gorm.DB) *ConfidenceModels { return &ConfidenceModels{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *ConfidenceModels) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// adoptedParams is the adopted model's overrides as a jsonb expression ('{}' with none):
// the engine's input reads it in the same statement as the template's overrides, which
// come on top (jsonb || keeps the right-hand value of a name in both).
const adoptedParams = `COALESCE((SELECT cm.params FROM confidence_models cm WHERE cm.adopted), '{}'::jsonb)`

// LockModels takes a lock that fits, adoptions and reverts share (only inside Tx), so
// they run one after another and each sees the state the one before left.
func (r *ConfidenceModels) LockModels(ctx context.Context) error {
	if !inTx(ctx) {
		return errNoTx
	}
	return translate(conn(ctx, r.db).Exec("LOCK TABLE confidence_models IN SHARE ROW EXCLUSIVE MODE").Error, "lock confidence models")
}

type fitRow struct {
	DealID  string
	Won     bool
	PWin    float64
	Factors jsonValue[[]storedFactor]
}

// FitRows reads, for each won, lost or abandoned deal, its latest snapshot on or before
// leadDays before its close date (the board's close date: the close milestone's
// completion, else the target close date) and at most 14 days earlier — the daily and
// weekly snapshots leave no longer gap — newest closes first, at most limit deals.
func (r *ConfidenceModels) FitRows(ctx context.Context, leadDays, limit int) ([]calibration.FitRow, error) {
	var rows []fitRow
	err := conn(ctx, r.db).Raw(`WITH closed AS (
			SELECT deals.id, deals.status = 'won' AS won, COALESCE(cm.completed_on, deals.target_close_date) AS closed_on
			FROM deals `+closeDate+`
			WHERE deals.status IN ('won', 'lost', 'abandoned'))
		SELECT c.id AS deal_id, c.won, s.p_win, s.factors
		FROM closed c
		JOIN LATERAL (SELECT ds.p_win, ds.factors FROM deal_snapshots ds
			WHERE ds.deal_id = c.id AND ds.day <= c.closed_on - ?::int AND ds.day > c.closed_on - ?::int - 14
			ORDER BY ds.day DESC LIMIT 1) s ON true
		ORDER BY c.closed_on DESC, c.id
		LIMIT ?`, leadDays, leadDays, limit).Scan(&rows).Error
	if err != nil {
		return nil, translate(err, "confidence fit rows")
	}
	out := make([]calibration.FitRow, len(rows))
	for i, row := range rows {
		fr := calibration.FitRow{DealID: row.DealID, Won: row.Won, PWin: row.PWin, Terms: map[string]float64{}}
		for _, f := range row.Factors.V {
			if f.Key == "no_go" {
				fr.NoGo = true
			}
			fr.Terms[f.Key] = f.LogOdds
		}
		out[i] = fr
	}
	return out, nil
}

// modelRow is the confidence_models table.
type modelRow struct {
	Version   int `gorm:"primaryKey;autoIncrement:false"`
	Params    jsonValue[map[string]float64]
	FittedAt  time.Time
	FittedBy  *string
	Report    jsonValue[calibration.FitReport]
	Adopted   bool
	AdoptedAt *time.Time
	AdoptedBy *string
}

func (modelRow) TableName() string { return "confidence_models" }

func (m modelRow) model() calibration.Model {
	return calibration.Model{Version: m.Version, Params: m.Params.V, Report: m.Report.V, FittedAt: m.FittedAt,
		FittedBy: m.FittedBy, Adopted: m.Adopted, AdoptedAt: m.AdoptedAt, AdoptedBy: m.AdoptedBy}
}

// Adopted is the adopted model, nil when none is.
func (r *ConfidenceModels) Adopted(ctx context.Context) (*calibration.Model, error) {
	var rows []modelRow
	if err := conn(ctx, r.db).Where("adopted").Limit(1).Find(&rows).Error; err != nil {
		return nil, translate(err, "adopted confidence model")
	}
	if len(rows) == 0 {
		return nil, nil
	}
	m := rows[0].model()
	return &m, nil
}

// Model reads one version.
func (r *ConfidenceModels) Model(ctx context.Context, version int) (calibration.Model, error) {
	var rows []modelRow
	if err := conn(ctx, r.db).Where("version = ?", version).Limit(1).Find(&rows).Error; err != nil {
		return calibration.Model{}, translate(err, "confidence model")
	}
	if len(rows) == 0 {
		return calibration.Model{}, domain.ErrNotFound
	}
	return rows[0].model(), nil
}

// PreviouslyAdopted is the model other than the adopted one adopted last, nil if none.
func (r *ConfidenceModels) PreviouslyAdopted(ctx context.Context) (*calibration.Model, error) {
	var rows []modelRow
	err := conn(ctx, r.db).Where("NOT adopted AND adopted_at IS NOT NULL").
		Order("adopted_at DESC, version DESC").Limit(1).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "previous confidence model")
	}
	if len(rows) == 0 {
		return nil, nil
	}
	m := rows[0].model()
	return &m, nil
}

// ModelCursorID is the id a models cursor carries (cursors carry a uuid): the version in
// the uuid's last digits.
func ModelCursorID(version int) string { return fmt.Sprintf("00000000-0000-0000-0000-%012d", version) }

// ListModels pages through the versions by version (calibration.ModelSorts).
func (r *ConfidenceModels) ListModels(ctx context.Context, p domain.ListParams) (domain.Page[calibration.Model], error) {
	q := conn(ctx, r.db).Model(&modelRow{})
	dir, cmp := "ASC", ">"
	if p.Sort.Desc {
		dir, cmp = "DESC", "<"
	}
	if p.After != nil {
		v, err := strconv.Atoi(p.After.Value)
		if err != nil || p.After.ID != ModelCursorID(v) {
			return domain.Page[calibration.Model]{}, fmt.Errorf("models cursor %q: %w", p.After.Value, domain.ErrInvalidCursor)
		}
		q = q.Where("version "+cmp+" ?", v)
	}
	var rows []modelRow
	if err := q.Order("version " + dir).Limit(p.Limit + 1).Find(&rows).Error; err != nil {
		return domain.Page[calibration.Model]{}, translate(err, "list confidence models")
	}
	var page domain.Page[calibration.Model]
	if len(rows) > p.Limit {
		rows = rows[:p.Limit]
		last := rows[len(rows)-1].Version
		page.Next = &domain.Cursor{Value: strconv.Itoa(last), ID: ModelCursorID(last)}
	}
	for _, row := range rows {
		page.Items = append(page.Items, row.model())
	}
	return page, nil
}

// CreateModel stores m as the next version (under LockModels), with its audit event.
func (r *ConfidenceModels) CreateModel(ctx context.Context, m calibration.Model, ev identity.AuditEvent) (calibration.Model, error) {
	var out modelRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var next int
		if err := tx.Raw("SELECT COALESCE(max(version), 0) + 1 FROM confidence_models").Scan(&next).Error; err != nil {
			return translate(err, "next confidence model version")
		}
		out = modelRow{Version: next, Params: jsonValue[map[string]float64]{V: m.Params}, FittedAt: m.FittedAt,
			FittedBy: m.FittedBy, Report: jsonValue[calibration.FitReport]{V: m.Report}}
		if err := tx.Create(&out).Error; err != nil {
			return translate(err, "store confidence model")
		}
		ev.Details["version"] = next
		return writeAudit(tx, ev, nil)
	})
	if err != nil {
		return calibration.Model{}, err
	}
	return out.model(), nil
}

// SetAdopted adopts version (0: none) and stores the audit event.
func (r *ConfidenceModels) SetAdopted(ctx context.Context, version int, by *string, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("UPDATE confidence_models SET adopted = false WHERE adopted").Error; err != nil {
			return translate(err, "unadopt confidence model")
		}
		if version > 0 {
			res := tx.Exec("UPDATE confidence_models SET adopted = true, adopted_at = now(), adopted_by = ? WHERE version = ?", by, version)
			if res.Error != nil {
				return translate(res.Error, "adopt confidence model")
			}
			if res.RowsAffected != 1 {
				return domain.ErrNotFound
			}
		}
		return writeAudit(tx, ev, nil)
	})
}
