package repository

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
)

// Forecasts reads the confidence engine's input and keeps each deal's figures
// (deal_confidence, deal_forecasts): the PostgreSQL forecasts.Store.
type Forecasts struct{ db *gorm.DB }

var _ forecasts.Store = (*Forecasts)(nil)

// NewForecasts returns the forecasts repository over db.
func NewForecasts(db *gorm.DB) *Forecasts { return &Forecasts{db: db} }

// Tx runs fn in one transaction (domain.Transactor).
func (r *Forecasts) Tx(ctx context.Context, fn func(ctx context.Context) error) error {
	return runTx(ctx, r.db, fn)
}

// LockDeals takes FOR NO KEY UPDATE on the deals' rows in id order (as LockPlan does for
// one deal), so refreshes of one deal run one after the other.
func (r *Forecasts) LockDeals(ctx context.Context, dealIDs []string) error {
	if !inTx(ctx) {
		return errNoTx
	}
	var ids []string
	err := conn(ctx, r.db).Raw("SELECT id FROM deals WHERE id = ANY(?::uuid[]) ORDER BY id FOR NO KEY UPDATE", pgArray(dealIDs)).Scan(&ids).Error
	return translate(err, "lock deals")
}

type inputDealRow struct {
	ID                string
	Status            string
	AmountMinor       int64
	TargetCloseDate   time.Time
	Segment           string
	ForecastCategory  string
	ManualProbability *float64
	TemplateKey       *string
	ConfidenceParams  []byte
	Milestones        jsonValue[[]inputMilestone]
	Stakeholders      jsonValue[[]inputStakeholder]
	Retrospectives    jsonValue[[]inputRetro]
	Actions           jsonValue[[]inputAction]
	Decisions         jsonValue[[]inputDecision]
}

type inputMilestone struct {
	ID            string   `json:"id"`
	Key           string   `json:"key"`
	Weight        int      `json:"weight"`
	Gate          bool     `json:"gate"`
	Status        string   `json:"status"`
	PlannedStart  jsonDay  `json:"planned_start"`
	PlannedDue    jsonDay  `json:"planned_due"`
	CompletedOn   *jsonDay `json:"completed_on"`
	BaselineStart *jsonDay `json:"baseline_start"`
	BaselineDue   *jsonDay `json:"baseline_due"`
	DependsOn     []string `json:"depends_on"`
}

type inputStakeholder struct {
	DecisionRole         string   `json:"decision_role"`
	Influence            int      `json:"influence"`
	Stance               string   `json:"stance"`
	RelationshipStrength int      `json:"relationship_strength"`
	LastContactOn        *jsonDay `json:"last_contact_on"`
	NextStep             string   `json:"next_step"`
	NextStepDue          *jsonDay `json:"next_step_due"`
	MilestoneIDs         []string `json:"milestone_ids"`
}

type inputRetro struct {
	HeldOn  jsonDay `json:"held_on"`
	Outcome string  `json:"outcome"`
}

type inputAction struct {
	DueOn  jsonDay `json:"due_on"`
	Status string  `json:"status"`
}

type inputDecision struct {
	MilestoneID string  `json:"milestone_id"`
	Decision    string  `json:"decision"`
	DecidedOn   jsonDay `json:"decided_on"`
}

// jsonDay is a date as PostgreSQL writes it in JSON ("2006-01-02"), at midnight UTC.
type jsonDay struct{ time.Time }

// UnmarshalJSON reads the date.
func (d *jsonDay) UnmarshalJSON(b []byte) error {
	t, err := time.Parse(`"`+deals.DateLayout+`"`, string(b))
	d.Time = t
	return err
}

// day is the date, or the zero time for none.
func (d *jsonDay) day() time.Time {
	if d == nil {
		return time.Time{}
	}
	return d.Time
}

// Inputs loads the deals' engine inputs in one statement whatever their number: each
// deal with its template, and as JSON its milestones (with their dependencies and their
// dates in the latest baseline), stakeholders (with their milestone links),
// retrospectives, actions and gate decisions, each read by key through an index.
func (r *Forecasts) Inputs(ctx context.Context, dealIDs []string) ([]forecasts.DealInput, error) {
	if len(dealIDs) == 0 {
		return nil, nil
	}
	var ds []inputDealRow
	err := conn(ctx, r.db).Raw(`SELECT d.id, d.status, d.amount_minor, d.target_close_date, d.segment, d.forecast_category,
			d.manual_probability, t.key AS template_key, t.confidence_params,
			(SELECT json_agg(json_build_object('id', m.id, 'key', m.key, 'weight', m.weight, 'gate', m.gate,
					'status', m.status, 'planned_start', m.planned_start, 'planned_due', m.planned_due,
					'completed_on', m.completed_on, 'baseline_start', bm.planned_start, 'baseline_due', bm.planned_due,
					'depends_on', (SELECT json_agg(md.depends_on_id ORDER BY md.depends_on_id)
						FROM milestone_dependencies md WHERE md.milestone_id = m.id))
					ORDER BY m.sequence, m.id)
				FROM milestones m
				LEFT JOIN baseline_milestones bm ON bm.milestone_id = m.id AND bm.baseline_id = (
					SELECT b.id FROM baselines b WHERE b.deal_id = d.id ORDER BY b.taken_at DESC, b.id DESC LIMIT 1)
				WHERE m.deal_id = d.id) AS milestones,
			(SELECT json_agg(json_build_object('decision_role', s.decision_role, 'influence', s.influence, 'stance', s.stance,
					'relationship_strength', s.relationship_strength, 'last_contact_on', s.last_contact_on,
					'next_step', s.next_step, 'next_step_due', s.next_step_due,
					'milestone_ids', (SELECT json_agg(sm.milestone_id ORDER BY sm.milestone_id)
						FROM stakeholder_milestones sm WHERE sm.stakeholder_id = s.id))
					ORDER BY s.id)
				FROM stakeholders s WHERE s.deal_id = d.id) AS stakeholders,
			(SELECT json_agg(json_build_object('held_on', rt.held_on, 'outcome', rt.outcome) ORDER BY rt.held_on, rt.created_at, rt.id)
				FROM retrospectives rt WHERE rt.deal_id = d.id) AS retrospectives,
			(SELECT json_agg(json_build_object('due_on', a.due_on, 'status', a.status) ORDER BY a.due_on, a.id)
				FROM retrospective_actions a JOIN retrospectives rt ON rt.id = a.retrospective_id WHERE rt.deal_id = d.id) AS actions,
			(SELECT json_agg(json_build_object('milestone_id', g.milestone_id, 'decision', g.decision, 'decided_on', g.decided_on)
					ORDER BY g.decided_on, g.created_at, g.id)
				FROM gate_decisions g WHERE g.deal_id = d.id) AS decisions
		FROM deals d LEFT JOIN templates t ON t.id = d.template_id
		WHERE d.id = ANY(?::uuid[]) ORDER BY d.id`, pgArray(dealIDs)).Scan(&ds).Error
	if err != nil {
		return nil, translate(err, "confidence input")
	}
	out := make([]forecasts.DealInput, len(ds))
	for i, d := range ds {
		in := forecasts.DealInput{DealID: d.ID, ForecastCategory: d.ForecastCategory, ManualProbability: d.ManualProbability}
		in.Input.Deal = confidence.Deal{Status: d.Status, AmountMinor: d.AmountMinor, TargetClose: deals.Day(d.TargetCloseDate), Segment: d.Segment}
		if d.TemplateKey != nil {
			in.Input.Deal.TemplateKey = *d.TemplateKey
		}
		if len(d.ConfidenceParams) > 0 {
			// Unreadable overrides count as none: forecasts.Params falls back the same way.
			_ = json.Unmarshal(d.ConfidenceParams, &in.Overrides)
		}
		for _, m := range d.Milestones.V {
			in.Input.Milestones = append(in.Input.Milestones, confidence.Milestone{ID: m.ID, Key: m.Key, Weight: m.Weight,
				Gate: m.Gate, Status: m.Status, PlannedStart: m.PlannedStart.Time, PlannedDue: m.PlannedDue.Time,
				CompletedOn: m.CompletedOn.day(), DependsOn: m.DependsOn,
				BaselineStart: m.BaselineStart.day(), BaselineDue: m.BaselineDue.day()})
		}
		for _, s := range d.Stakeholders.V {
			in.Input.Stakeholders = append(in.Input.Stakeholders, confidence.Stakeholder{DecisionRole: s.DecisionRole,
				Influence: s.Influence, Stance: s.Stance, RelationshipStrength: s.RelationshipStrength,
				LastContactOn: s.LastContactOn.day(), NextStep: s.NextStep, NextStepDue: s.NextStepDue.day(), MilestoneIDs: s.MilestoneIDs})
		}
		for _, rt := range d.Retrospectives.V {
			in.Input.Retrospectives = append(in.Input.Retrospectives, confidence.Retrospective{HeldOn: rt.HeldOn.Time, Outcome: rt.Outcome})
		}
		for _, a := range d.Actions.V {
			in.Input.Actions = append(in.Input.Actions, confidence.Action{DueOn: a.DueOn.Time, Status: a.Status})
		}
		for _, g := range d.Decisions.V {
			in.Input.GateDecisions = append(in.Input.GateDecisions, confidence.GateDecision{MilestoneID: g.MilestoneID,
				Decision: g.Decision, DecidedOn: g.DecidedOn.Time})
		}
		out[i] = in
	}
	return out, nil
}

// pgArray sends a list as one PostgreSQL array parameter ('{…}', cast with ::uuid[],
// ::date[], …) rather than one parameter per item: a batch's thousands of ids or rows
// would otherwise make a statement PostgreSQL parses slowly. Items must need no quoting
// in an array literal (UUIDs, dates, numbers, period names); a bad one fails the cast.
type pgArray []string

// Value implements driver.Valuer.
func (a pgArray) Value() (driver.Value, error) { return "{" + strings.Join(a, ",") + "}", nil }

// storedFactor is one factor as deal_confidence.factors keeps it (labels are the
// reader's language, so they are not stored).
type storedFactor struct {
	Key          string         `json:"key"`
	Contribution float64        `json:"contribution"`
	LogOdds      float64        `json:"log_odds"`
	Detail       map[string]any `json:"detail"`
}

// SaveFigures replaces the deals' stored figures in one statement: one deal_confidence
// row each (upserted) and their deal_forecasts rows (the window's upserted, any other
// period's deleted: disjoint rows, so the statement's parts cannot collide). Writers of
// one deal are ordered by its row's lock, which every caller holds (LockDeals, LockPlan).
func (r *Forecasts) SaveFigures(ctx context.Context, figs []forecasts.Figures) error {
	if len(figs) == 0 {
		return nil
	}
	var sb strings.Builder
	args := make([]any, 0, len(figs)*7+7)
	ids := make([]string, 0, len(figs))
	sb.WriteString(`WITH confidence AS (
		INSERT INTO deal_confidence (deal_id, as_of, base, p_win, expected_close, close_p80, factors, computed_at) VALUES `)
	for i, f := range figs {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?::uuid, ?::date, ?::float8, ?::float8, ?::date, ?::date, ?::jsonb, now())")
		factors := make([]storedFactor, 0, len(f.Result.Factors))
		for _, fa := range f.Result.Factors {
			factors = append(factors, storedFactor{Key: fa.Key, Contribution: fa.Contribution, LogOdds: fa.LogOdds, Detail: confidence.DetailMap(fa.Detail)})
		}
		raw, err := json.Marshal(factors)
		if err != nil {
			return err
		}
		args = append(args, f.DealID, deals.Day(f.AsOf), f.Result.Base, clamp01(f.Result.PWin),
			datePtr(f.Result.ExpectedClose), datePtr(f.Result.CloseP80), string(raw))
		ids = append(ids, f.DealID)
	}
	sb.WriteString(` ON CONFLICT (deal_id) DO UPDATE SET as_of = EXCLUDED.as_of, base = EXCLUDED.base, p_win = EXCLUDED.p_win,
			expected_close = EXCLUDED.expected_close, close_p80 = EXCLUDED.close_p80, factors = EXCLUDED.factors, computed_at = now()
	), fresh AS (
		SELECT * FROM unnest(?::uuid[], ?::text[], ?::date[], ?::date[], ?::float8[], ?::float8[])
			AS f(deal_id, period, period_from, period_to, p_in_period, confidence)
	), stale AS (
		DELETE FROM deal_forecasts df WHERE df.deal_id = ANY(?::uuid[])
			AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.deal_id = df.deal_id AND fresh.period = df.period)
	)
	INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence)
	SELECT * FROM fresh
	ON CONFLICT (deal_id, period) DO UPDATE SET period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
		p_in_period = EXCLUDED.p_in_period, confidence = EXCLUDED.confidence`)
	// The window's rows go in as six array parameters (unnest), whatever their number.
	dealIDs, periods, froms, tos, pIn, conf := pgArray{}, pgArray{}, pgArray{}, pgArray{}, pgArray{}, pgArray{}
	for _, f := range figs {
		for _, p := range f.Periods {
			dealIDs = append(dealIDs, f.DealID)
			periods = append(periods, p.Period.Name)
			froms = append(froms, p.Period.From.Format(deals.DateLayout))
			tos = append(tos, p.Period.To.Format(deals.DateLayout))
			pIn = append(pIn, strconv.FormatFloat(clamp01(p.PInPeriod), 'g', -1, 64))
			conf = append(conf, strconv.FormatFloat(clamp01(p.Confidence), 'g', -1, 64))
		}
	}
	args = append(args, dealIDs, periods, froms, tos, pIn, conf, pgArray(ids))
	return translate(conn(ctx, r.db).Exec(sb.String(), args...).Error, "save confidence")
}

// clamp01 keeps rounding noise from tripping the tables' range checks.
func clamp01(v float64) float64 { return min(max(v, 0), 1) }

func datePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	d := deals.Day(t)
	return &d
}

// DueDeals lists up to limit deals, by id, with no figures as of today.
func (r *Forecasts) DueDeals(ctx context.Context, today time.Time, limit int) ([]string, error) {
	ids := []string{}
	err := conn(ctx, r.db).Raw(`SELECT d.id FROM deals d LEFT JOIN deal_confidence dc ON dc.deal_id = d.id
		WHERE dc.deal_id IS NULL OR dc.as_of < ? ORDER BY d.id LIMIT ?`, deals.Day(today), limit).Scan(&ids).Error
	return ids, translate(err, "due deals")
}

// DealPage lists up to limit deals by id after afterID: those laid out from the template,
// or every deal when templateID is "".
func (r *Forecasts) DealPage(ctx context.Context, templateID, afterID string, limit int) ([]string, error) {
	ids := []string{}
	q := conn(ctx, r.db).Table("deals")
	if templateID != "" {
		q = q.Where("template_id = ?", templateID)
	}
	if afterID != "" {
		q = q.Where("id > ?", afterID)
	}
	err := q.Order("id").Limit(limit).Pluck("id", &ids).Error
	return ids, translate(err, "deal page")
}
