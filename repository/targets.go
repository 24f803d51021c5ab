package repository

import (
	"context"
	"errors"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
	"summit/domain/identity"
	"summit/domain/targets"
)

// Targets stores settings, targets and FX rates (targets.Store).
type Targets struct{ db *gorm.DB }

// NewTargets returns the targets repository over db.
func NewTargets(db *gorm.DB) *Targets { return &Targets{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *Targets) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// settingsRow is the one row of the settings table.
type settingsRow struct {
	ID                   bool `gorm:"primaryKey"`
	ReportingCurrency    string
	FiscalYearStartMonth int
	Version              int
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

func (settingsRow) TableName() string { return "settings" }

func toDomainSettings(r settingsRow) targets.Settings {
	return targets.Settings{ReportingCurrency: r.ReportingCurrency, FiscalYearStartMonth: r.FiscalYearStartMonth, Version: r.Version}
}

// Settings returns the settings row, inserting defaults first when there is none (the
// first start; concurrent first uses insert once). Inside a transaction it holds the row
// (FOR SHARE) until the end, so a change of the settings (LockSettings) waits for a use
// case that relies on them — a target created in the reporting currency, or in a quarter
// named by the fiscal year — and then sees what it wrote.
func (r *Targets) Settings(ctx context.Context, defaults targets.Settings) (targets.Settings, error) {
	return r.settings(ctx, defaults, "SHARE")
}

// LockSettings is Settings holding the row FOR UPDATE until the transaction ends.
func (r *Targets) LockSettings(ctx context.Context, defaults targets.Settings) (targets.Settings, error) {
	if !inTx(ctx) {
		return targets.Settings{}, errNoTx
	}
	return r.settings(ctx, defaults, "UPDATE")
}

func (r *Targets) settings(ctx context.Context, defaults targets.Settings, lock string) (targets.Settings, error) {
	db := conn(ctx, r.db)
	read := func(row *settingsRow) error {
		q := db
		if inTx(ctx) {
			q = q.Clauses(clause.Locking{Strength: lock})
		}
		return q.Take(row, "id").Error
	}
	var row settingsRow
	err := read(&row)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		row = settingsRow{ID: true, ReportingCurrency: defaults.ReportingCurrency, FiscalYearStartMonth: defaults.FiscalYearStartMonth, Version: 1}
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
			return targets.Settings{}, translate(err, "store default settings")
		}
		err = read(&row)
	}
	if err != nil {
		return targets.Settings{}, translate(err, "settings")
	}
	return toDomainSettings(row), nil
}

// UpdateSettings stores s if the settings are still at expected.
func (r *Targets) UpdateSettings(ctx context.Context, s targets.Settings, expected int, ev identity.AuditEvent) (targets.Settings, error) {
	var out settingsRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&settingsRow{}).Where("id AND version = ?", expected).Updates(map[string]any{
			"reporting_currency": s.ReportingCurrency, "fiscal_year_start_month": s.FiscalYearStartMonth,
			"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC(),
		})
		if res.Error != nil {
			return translate(res.Error, "update settings")
		}
		if res.RowsAffected != 1 {
			return domain.ErrStaleVersion
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		return translate(tx.Take(&out, "id").Error, "reload settings")
	})
	if err != nil {
		return targets.Settings{}, err
	}
	return toDomainSettings(out), nil
}

// QuarterPeriodsInUse counts the targets and FX rates of fiscal quarters (2026-Q4).
func (r *Targets) QuarterPeriodsInUse(ctx context.Context) (int64, error) {
	var n int64
	err := conn(ctx, r.db).Raw(`SELECT (SELECT count(*) FROM targets WHERE period LIKE '%-Q%')
		+ (SELECT count(*) FROM fx_rates WHERE period LIKE '%-Q%')`).Scan(&n).Error
	return n, translate(err, "count quarter periods")
}

// targetRow is the targets table.
type targetRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	Period      string
	TeamID      *string
	AmountMinor int64
	Currency    string
	Version     int `gorm:"default:1"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (targetRow) TableName() string { return "targets" }
func (r targetRow) rowID() string   { return r.ID }

func toDomainTarget(r targetRow) targets.Target {
	return targets.Target{ID: r.ID, Period: r.Period, TeamID: r.TeamID, AmountMinor: r.AmountMinor, Currency: r.Currency, Version: r.Version}
}

// targetSorts map the sort fields of targets.TargetSorts to columns.
var targetSorts = sortKeys[targetRow]{
	"period":       {"period", func(r targetRow) string { return r.Period }},
	"amount_minor": {"amount_minor", func(r targetRow) string { return strconv.FormatInt(r.AmountMinor, 10) }},
}

// duplicateTarget is a second target for one period and scope.
func duplicateTarget(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		verr := domain.Invalid("period", "unique_with", "team_id")
		verr.Add("team_id", "unique_with", "period")
		return verr
	}
	return err
}

// ListTargets pages through targets, optionally of one period and one team.
func (r *Targets) ListTargets(ctx context.Context, f targets.TargetFilter, p domain.ListParams) (domain.Page[targets.Target], error) {
	q := conn(ctx, r.db).Model(&targetRow{})
	if f.Period != nil {
		q = q.Where("period = ?", *f.Period)
	}
	if f.TeamID != nil {
		q = q.Where("team_id = ?", *f.TeamID)
	}
	rows, next, err := listPage(q, targetSorts, p)
	if err != nil {
		return domain.Page[targets.Target]{}, translate(err, "list targets")
	}
	page := domain.Page[targets.Target]{Items: make([]targets.Target, 0, len(rows)), Next: next}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainTarget(row))
	}
	return page, nil
}

// TargetsOf returns every target of period.
func (r *Targets) TargetsOf(ctx context.Context, period string) ([]targets.Target, error) {
	var rows []targetRow
	if err := conn(ctx, r.db).Where("period = ?", period).Order("id").Find(&rows).Error; err != nil {
		return nil, translate(err, "targets of period")
	}
	out := make([]targets.Target, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainTarget(row))
	}
	return out, nil
}

// Target returns one target.
func (r *Targets) Target(ctx context.Context, id string) (targets.Target, error) {
	var row targetRow
	if err := conn(ctx, r.db).Take(&row, "id = ?", id).Error; err != nil {
		return targets.Target{}, translate(err, "target "+id)
	}
	return toDomainTarget(row), nil
}

// CreateTarget stores a new target with its audit event.
func (r *Targets) CreateTarget(ctx context.Context, t targets.Target, ev identity.AuditEvent) (targets.Target, error) {
	row := targetRow{Period: t.Period, TeamID: t.TeamID, AmountMinor: t.AmountMinor, Currency: t.Currency, Version: 1}
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(duplicateTarget(err), "create target")
		}
		return writeAudit(tx, ev, &row.ID)
	})
	return toDomainTarget(row), err
}

// UpdateTarget stores t if it is still at expected.
func (r *Targets) UpdateTarget(ctx context.Context, t targets.Target, expected int, ev identity.AuditEvent) (targets.Target, error) {
	var out targetRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &targetRow{}, t.ID, expected, map[string]any{
			"period": t.Period, "team_id": t.TeamID, "amount_minor": t.AmountMinor, "currency": t.Currency,
		})
		if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, domain.ErrConflict) {
			return duplicateTarget(gorm.ErrDuplicatedKey)
		}
		if err != nil {
			return err
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		return translate(tx.Take(&out, "id = ?", t.ID).Error, "reload target")
	})
	if err != nil {
		return targets.Target{}, err
	}
	return toDomainTarget(out), nil
}

// DeleteTarget removes a target at expected with its audit event.
func (r *Targets) DeleteTarget(ctx context.Context, id string, expected int, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := deleteVersioned(tx, &targetRow{}, id, expected); err != nil {
			return err
		}
		return writeAudit(tx, ev, nil)
	})
}

// rateRow is the fx_rates table; Rate is the numeric column read as text.
type rateRow struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	Period    string
	Currency  string
	Rate      string `gorm:"type:numeric"`
	Version   int    `gorm:"default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (rateRow) TableName() string { return "fx_rates" }
func (r rateRow) rowID() string   { return r.ID }

func toDomainRate(r rateRow) targets.FXRate {
	rate := r.Rate
	if rat, err := targets.ParseRate(rate); err == nil {
		rate = targets.CanonicalRate(rat)
	}
	return targets.FXRate{ID: r.ID, Period: r.Period, Currency: r.Currency, Rate: rate, Version: r.Version}
}

// rateSorts map the sort fields of targets.RateSorts to columns.
var rateSorts = sortKeys[rateRow]{
	"period":   {"period", func(r rateRow) string { return r.Period }},
	"currency": {"currency", func(r rateRow) string { return r.Currency }},
}

// duplicateRate is a second rate for one period and currency.
func duplicateRate(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, domain.ErrConflict) {
		verr := domain.Invalid("period", "unique_with", "currency")
		verr.Add("currency", "unique_with", "period")
		return verr
	}
	return err
}

// ListRates pages through FX rates, optionally of one period and one currency.
func (r *Targets) ListRates(ctx context.Context, f targets.RateFilter, p domain.ListParams) (domain.Page[targets.FXRate], error) {
	q := conn(ctx, r.db).Model(&rateRow{})
	if f.Period != nil {
		q = q.Where("period = ?", *f.Period)
	}
	if f.Currency != nil {
		q = q.Where("currency = ?", *f.Currency)
	}
	rows, next, err := listPage(q, rateSorts, p)
	if err != nil {
		return domain.Page[targets.FXRate]{}, translate(err, "list fx rates")
	}
	page := domain.Page[targets.FXRate]{Items: make([]targets.FXRate, 0, len(rows)), Next: next}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainRate(row))
	}
	return page, nil
}

// RatesOf returns every FX rate of period.
func (r *Targets) RatesOf(ctx context.Context, period string) ([]targets.FXRate, error) {
	var rows []rateRow
	if err := conn(ctx, r.db).Where("period = ?", period).Order("currency").Find(&rows).Error; err != nil {
		return nil, translate(err, "fx rates of period")
	}
	out := make([]targets.FXRate, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainRate(row))
	}
	return out, nil
}

// Rate returns one FX rate.
func (r *Targets) Rate(ctx context.Context, id string) (targets.FXRate, error) {
	var row rateRow
	if err := conn(ctx, r.db).Take(&row, "id = ?", id).Error; err != nil {
		return targets.FXRate{}, translate(err, "fx rate "+id)
	}
	return toDomainRate(row), nil
}

// CreateRate stores a new FX rate with its audit event.
func (r *Targets) CreateRate(ctx context.Context, fx targets.FXRate, ev identity.AuditEvent) (targets.FXRate, error) {
	row := rateRow{Period: fx.Period, Currency: fx.Currency, Rate: fx.Rate, Version: 1}
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(duplicateRate(err), "create fx rate")
		}
		return writeAudit(tx, ev, &row.ID)
	})
	return toDomainRate(row), err
}

// UpdateRate stores fx if it is still at expected.
func (r *Targets) UpdateRate(ctx context.Context, fx targets.FXRate, expected int, ev identity.AuditEvent) (targets.FXRate, error) {
	var out rateRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &rateRow{}, fx.ID, expected, map[string]any{
			"period": fx.Period, "currency": fx.Currency, "rate": fx.Rate,
		})
		if err != nil {
			return duplicateRate(err)
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		return translate(tx.Take(&out, "id = ?", fx.ID).Error, "reload fx rate")
	})
	if err != nil {
		return targets.FXRate{}, err
	}
	return toDomainRate(out), nil
}

// DeleteRate removes an FX rate at expected with its audit event.
func (r *Targets) DeleteRate(ctx context.Context, id string, expected int, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := deleteVersioned(tx, &rateRow{}, id, expected); err != nil {
			return err
		}
		return writeAudit(tx, ev, nil)
	})
}
