package repository

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/history"
)

// Snapshots keeps the forecast's history (forecast_snapshots, deal_snapshots,
// scope_snapshots; migration 00017): the PostgreSQL history.Store.
type Snapshots struct{ db *gorm.DB }

var _ history.Store = (*Snapshots)(nil)

// NewSnapshots returns the snapshots repository over db.
func NewSnapshots(db *gorm.DB) *Snapshots { return &Snapshots{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *Snapshots) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// BeginDay inserts the day's row with the adopted confidence model's version. A
// concurrent transaction inserting the same day waits for this one and then inserts
// nothing (the primary key): exactly one takes the day.
func (r *Snapshots) BeginDay(ctx context.Context, day time.Time) (bool, error) {
	if !inTx(ctx) {
		return false, errNoTx
	}
	res := conn(ctx, r.db).Exec(`INSERT INTO forecast_snapshots (day, model_version)
		VALUES (?, COALESCE((SELECT version FROM confidence_models WHERE adopted), 0))
		ON CONFLICT (day) DO NOTHING`, deals.Day(day))
	return res.RowsAffected == 1, translate(res.Error, "snapshot: begin day")
}

// CopyStoredFigures copies every open deal's figures computed as of day, with its
// team, amount and judgement, in one INSERT … SELECT.
func (r *Snapshots) CopyStoredFigures(ctx context.Context, day time.Time) (int, error) {
	res := conn(ctx, r.db).Exec(`WITH periods AS (
			SELECT df.deal_id, jsonb_object_agg(df.period, jsonb_build_array(df.p_in_period, df.confidence)) AS periods
			FROM deal_forecasts df JOIN deals d ON d.id = df.deal_id AND d.status = 'open' GROUP BY df.deal_id)
		INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date,
			forecast_category, manual_probability, base, p_win, expected_close, close_p80, factors, periods)
		SELECT dc.as_of, d.id, d.team_id, d.amount_minor, d.currency, d.target_close_date, d.forecast_category,
			d.manual_probability, dc.base, dc.p_win, dc.expected_close, dc.close_p80, dc.factors, COALESCE(p.periods, '{}'::jsonb)
		FROM deals d JOIN deal_confidence dc ON dc.deal_id = d.id AND dc.as_of = ?
		LEFT JOIN periods p ON p.deal_id = d.id
		WHERE d.status = 'open'`, deals.Day(day))
	return int(res.RowsAffected), translate(res.Error, "snapshot: copy stored figures")
}

// OpenDealPage lists up to limit open deals by id after afterID.
func (r *Snapshots) OpenDealPage(ctx context.Context, afterID string, limit int) ([]history.OpenDeal, error) {
	q := conn(ctx, r.db).Table("deals").Select(`id, team_id, amount_minor, currency, target_close_date AS target_close,
		forecast_category, manual_probability`).Where("status = 'open'")
	if afterID != "" {
		q = q.Where("id > ?", afterID)
	}
	var out []history.OpenDeal
	err := q.Order("id").Limit(limit).Scan(&out).Error
	return out, translate(err, "snapshot: open deals")
}

// SaveDeals stores the deal snapshots of the day in one statement.
func (r *Snapshots) SaveDeals(ctx context.Context, day time.Time, ds []history.DealSnapshot) error {
	if len(ds) == 0 {
		return nil
	}
	var sb strings.Builder
	sb.WriteString(`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date,
		forecast_category, manual_probability, base, p_win, expected_close, close_p80, factors, periods) VALUES `)
	args := make([]any, 0, len(ds)*14)
	for i, d := range ds {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
		factors := make([]storedFactor, 0, len(d.Result.Factors))
		for _, fa := range d.Result.Factors {
			factors = append(factors, storedFactor{Key: fa.Key, Contribution: fa.Contribution, LogOdds: fa.LogOdds, Detail: confidence.DetailMap(fa.Detail)})
		}
		rawFactors, err := json.Marshal(factors)
		if err != nil {
			return err
		}
		periods := make(map[string][2]float64, len(d.Periods))
		for k, v := range d.Periods {
			periods[k] = [2]float64{clamp01(v[0]), clamp01(v[1])}
		}
		rawPeriods, err := json.Marshal(periods)
		if err != nil {
			return err
		}
		args = append(args, deals.Day(day), d.DealID, d.TeamID, d.AmountMinor, d.Currency, deals.Day(d.TargetClose),
			d.ForecastCategory, d.ManualProbability, d.Result.Base, clamp01(d.Result.PWin),
			datePtr(d.Result.ExpectedClose), datePtr(d.Result.CloseP80), string(rawFactors), string(rawPeriods))
	}
	return translate(conn(ctx, r.db).Exec(sb.String(), args...).Error, "snapshot: save deals")
}

// SetOpenDeals records the day's number of deal snapshots.
func (r *Snapshots) SetOpenDeals(ctx context.Context, day time.Time, n int) error {
	err := conn(ctx, r.db).Exec("UPDATE forecast_snapshots SET open_deals = ? WHERE day = ?", n, deals.Day(day)).Error
	return translate(err, "snapshot: open deals")
}

// DealsOf reads the day's deal snapshots without their factors.
func (r *Snapshots) DealsOf(ctx context.Context, day time.Time) ([]history.DealSnapshot, error) {
	rows, err := conn(ctx, r.db).Raw(`SELECT deal_id, team_id, amount_minor, currency, target_close_date, forecast_category,
			manual_probability, base, p_win, periods
		FROM deal_snapshots WHERE day = ? ORDER BY deal_id`, deals.Day(day)).Rows()
	if err != nil {
		return nil, translate(err, "snapshot: deals of the day")
	}
	out, err := scanAll(rows, func(d *history.DealSnapshot) []any {
		return []any{&d.DealID, &d.TeamID, &d.AmountMinor, &d.Currency, &d.TargetClose, &d.ForecastCategory,
			&d.ManualProbability, &d.Result.Base, &d.Result.PWin, periodsColumn{&d.Periods}}
	})
	return out, translate(err, "snapshot: deals of the day")
}

// periodsColumn scans deal_snapshots.periods.
type periodsColumn struct{ m *map[string][2]float64 }

// Scan decodes the JSON object.
func (p periodsColumn) Scan(src any) error {
	j := jsonValue[map[string][2]float64]{}
	if err := j.Scan(src); err != nil {
		return err
	}
	*p.m = j.V
	return nil
}

// WonDeals lists the won deals with a close date (the board's, closeDate) in [from, to)
// and not after until, that the day's snapshot does not hold as open.
func (r *Snapshots) WonDeals(ctx context.Context, day, from, to, until time.Time) ([]history.WonDeal, error) {
	var out []history.WonDeal
	err := conn(ctx, r.db).Raw(`SELECT deals.id, deals.team_id, deals.amount_minor, deals.currency,
			COALESCE(cm.completed_on, deals.target_close_date) AS closed_on
		FROM deals `+closeDate+`
		WHERE deals.status = 'won'
			AND COALESCE(cm.completed_on, deals.target_close_date) >= ? AND COALESCE(cm.completed_on, deals.target_close_date) < ?
			AND COALESCE(cm.completed_on, deals.target_close_date) <= ?
			AND NOT EXISTS (SELECT 1 FROM deal_snapshots s WHERE s.day = ? AND s.deal_id = deals.id)
		ORDER BY deals.id`, deals.Day(from), deals.Day(to), deals.Day(until), deals.Day(day)).Scan(&out).Error
	return out, translate(err, "snapshot: won deals")
}

// ReplaceScopes deletes the day's scope snapshots and inserts ss as arrays (unnest).
func (r *Snapshots) ReplaceScopes(ctx context.Context, day time.Time, ss []history.ScopeSnapshot) error {
	db := conn(ctx, r.db)
	if err := db.Exec("DELETE FROM scope_snapshots WHERE day = ?", deals.Day(day)).Error; err != nil {
		return translate(err, "snapshot: replace scopes")
	}
	if len(ss) == 0 {
		return nil
	}
	var teams, periods, bases, currencies, targets, won, expected, p10, p50, p90, pot, open pgArray
	for _, s := range ss {
		teams = append(teams, nullOr(s.TeamID, func(v string) string { return v }))
		periods = append(periods, s.Period)
		bases = append(bases, s.Basis)
		currencies = append(currencies, s.Currency)
		targets = append(targets, nullOr(s.TargetMinor, func(v int64) string { return strconv.FormatInt(v, 10) }))
		won = append(won, strconv.FormatInt(s.WonMinor, 10))
		expected = append(expected, strconv.FormatInt(s.ExpectedMinor, 10))
		p10 = append(p10, strconv.FormatInt(s.P10Minor, 10))
		p50 = append(p50, strconv.FormatInt(s.P50Minor, 10))
		p90 = append(p90, strconv.FormatInt(s.P90Minor, 10))
		pot = append(pot, nullOr(s.ProbabilityOfTarget, func(v float64) string { return strconv.FormatFloat(clamp01(v), 'g', -1, 64) }))
		open = append(open, strconv.Itoa(s.OpenDeals))
	}
	err := db.Exec(`INSERT INTO scope_snapshots (day, team_id, period, basis, currency, target_minor, won_minor, expected_minor,
			p10_minor, p50_minor, p90_minor, probability_of_target, open_deals)
		SELECT ?::date, * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
			?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::int[])`,
		deals.Day(day), teams, periods, bases, currencies, targets, won, expected, p10, p50, p90, pot, open).Error
	return translate(err, "snapshot: save scopes")
}

// nullOr is an array literal item: NULL for nil, else the value's text.
func nullOr[T any](p *T, text func(T) string) string {
	if p == nil {
		return "NULL"
	}
	return text(*p)
}

// LastDay is the newest snapshot's day, simulated ones included.
func (r *Snapshots) LastDay(ctx context.Context) (time.Time, bool, error) {
	var last sql.NullTime
	err := conn(ctx, r.db).Raw("SELECT max(day) FROM forecast_snapshots").Row().Scan(&last)
	if err != nil || !last.Valid {
		return time.Time{}, false, translate(err, "snapshot: last day")
	}
	return deals.Day(last.Time), true, nil
}

// Prune deletes the real snapshots older than dailyDays days that are not of a Monday
// (history.Keep), their deal and scope rows with them (ON DELETE CASCADE). Simulated
// snapshots (the demo's) are left alone.
func (r *Snapshots) Prune(ctx context.Context, today time.Time, dailyDays int) (int, error) {
	res := conn(ctx, r.db).Exec(`DELETE FROM forecast_snapshots
		WHERE NOT simulated AND day < ?::date - ?::int AND extract(isodow FROM day) <> 1`, deals.Day(today), dailyDays)
	return int(res.RowsAffected), translate(res.Error, "snapshot: prune")
}

// Trend reads the scope's roll-ups for period and basis on days in [from, to], the newest
// of each ISO week (Monday to Sunday), oldest week first: at most one row a week, through
// scope_snapshots_key.
func (r *Snapshots) Trend(ctx context.Context, teamID *string, period, basis string, from, to time.Time) ([]history.ScopeSnapshot, error) {
	var out []history.ScopeSnapshot
	err := conn(ctx, r.db).Raw(`SELECT DISTINCT ON (date_trunc('week', day)) day, team_id, period, basis, currency, target_minor,
			won_minor, expected_minor, p10_minor, p50_minor, p90_minor, probability_of_target, open_deals
		FROM scope_snapshots
		WHERE COALESCE(team_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(?::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
			AND period = ? AND basis = ? AND day >= ? AND day <= ?
		ORDER BY date_trunc('week', day), day DESC`, teamID, period, basis, deals.Day(from), deals.Day(to)).Scan(&out).Error
	for i := range out {
		out[i].Day = deals.Day(out[i].Day)
	}
	return out, translate(err, "snapshot: trend")
}
