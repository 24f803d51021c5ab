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
	// The settings' fiscal year start month (inputsOfDeal only; NULL before the settings
	// are first stored).
	FiscalYearStartMonth *int
}

// input is the deal's own part of the engine's input: the deal, its template's overrides
// and the PMO's judgement.
func (d inputDealRow) input() forecasts.DealInput {
	in := forecasts.DealInput{DealID: d.ID, ForecastCategory: d.ForecastCategory, ManualProbability: d.ManualProbability}
	in.Input.Deal = confidence.Deal{Status: d.Status, AmountMinor: d.AmountMinor, TargetClose: deals.Day(d.TargetCloseDate), Segment: d.Segment}
	if d.TemplateKey != nil {
		in.Input.Deal.TemplateKey = *d.TemplateKey
	}
	if len(d.ConfidenceParams) > 0 {
		// Unreadable overrides count as none: forecasts.Params falls back the same way.
		_ = json.Unmarshal(d.ConfidenceParams, &in.Overrides)
	}
	return in
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

// Inputs loads the deals' engine inputs. One deal's (a change recomputing its figures,
// in the request that made it) come in one statement (inputsOfDeal); a batch's (the
// daily job, a template or fiscal year change) in ten set-based queries whatever its
// size (inputsOfBatch), which is faster for many deals than building JSON for each.
func (r *Forecasts) Inputs(ctx context.Context, dealIDs []string) (forecasts.Inputs, error) {
	switch len(dealIDs) {
	case 0:
		return forecasts.Inputs{}, nil
	case 1:
		return r.inputsOfDeal(ctx, dealIDs[0])
	}
	ins, err := r.inputsOfBatch(ctx, dealIDs)
	return forecasts.Inputs{Deals: ins}, err
}

// inputsOfDeal reads the inputs in one statement: each deal with its template, and as
// JSON its milestones (with their dependencies and their dates in the committed baseline),
// stakeholders (with their milestone links), retrospectives, actions and gate decisions;
// and the fiscal year start month, its settings row held FOR SHARE as Targets.Settings
// holds it (a locked row is read as last committed, whatever the statement's snapshot).
func (r *Forecasts) inputsOfDeal(ctx context.Context, dealID string) (forecasts.Inputs, error) {
	var ds []inputDealRow
	// One id, not an array: PostgreSQL then plans the statement once per connection (a generic
	// plan costs what a custom one does), where an array parameter had it planned afresh on every
	// update (3.5 ms of its CPU, six times the execution; docs/benchmarks.md, runs 5 and 6).
	err := conn(ctx, r.db).Raw(`WITH ids AS (SELECT ?::uuid AS id),
		committed AS ( -- deals.CommittedBaseline, migration 00011
			SELECT b.deal_id, b.id FROM baselines b JOIN ids ON ids.id = b.deal_id WHERE b.committed),
		deps AS (
			SELECT md.milestone_id, json_agg(md.depends_on_id ORDER BY md.depends_on_id) AS ids
			FROM milestone_dependencies md JOIN milestones m ON m.id = md.milestone_id JOIN ids ON ids.id = m.deal_id
			GROUP BY md.milestone_id),
		ms AS (
			SELECT m.deal_id, json_agg(json_build_object('id', m.id, 'key', m.key, 'weight', m.weight, 'gate', m.gate,
					'status', m.status, 'planned_start', m.planned_start, 'planned_due', m.planned_due,
					'completed_on', m.completed_on, 'baseline_start', bm.planned_start, 'baseline_due', bm.planned_due,
					'depends_on', deps.ids) ORDER BY m.sequence, m.id) AS items
			FROM milestones m JOIN ids ON ids.id = m.deal_id
			LEFT JOIN deps ON deps.milestone_id = m.id
			LEFT JOIN committed ON committed.deal_id = m.deal_id
			LEFT JOIN baseline_milestones bm ON bm.baseline_id = committed.id AND bm.milestone_id = m.id
			GROUP BY m.deal_id),
		links AS (
			SELECT sm.stakeholder_id, json_agg(sm.milestone_id ORDER BY sm.milestone_id) AS ids
			FROM stakeholder_milestones sm JOIN stakeholders s ON s.id = sm.stakeholder_id JOIN ids ON ids.id = s.deal_id
			GROUP BY sm.stakeholder_id),
		ss AS (
			SELECT s.deal_id, json_agg(json_build_object('decision_role', s.decision_role, 'influence', s.influence,
					'stance', s.stance, 'relationship_strength', s.relationship_strength, 'last_contact_on', s.last_contact_on,
					'next_step', s.next_step, 'next_step_due', s.next_step_due, 'milestone_ids', links.ids) ORDER BY s.id) AS items
			FROM stakeholders s JOIN ids ON ids.id = s.deal_id LEFT JOIN links ON links.stakeholder_id = s.id
			GROUP BY s.deal_id),
		rs AS (
			SELECT rt.deal_id, json_agg(json_build_object('held_on', rt.held_on, 'outcome', rt.outcome)
				ORDER BY rt.held_on, rt.created_at, rt.id) AS items
			FROM retrospectives rt JOIN ids ON ids.id = rt.deal_id GROUP BY rt.deal_id),
		acts AS (
			SELECT rt.deal_id, json_agg(json_build_object('due_on', a.due_on, 'status', a.status) ORDER BY a.due_on, a.id) AS items
			FROM retrospective_actions a JOIN retrospectives rt ON rt.id = a.retrospective_id JOIN ids ON ids.id = rt.deal_id
			GROUP BY rt.deal_id),
		gs AS (
			SELECT g.deal_id, json_agg(json_build_object('milestone_id', g.milestone_id, 'decision', g.decision,
				'decided_on', g.decided_on) ORDER BY g.decided_on, g.created_at, g.id) AS items
			FROM gate_decisions g JOIN ids ON ids.id = g.deal_id GROUP BY g.deal_id)
		SELECT d.id, d.status, d.amount_minor, d.target_close_date, d.segment, d.forecast_category,
			d.manual_probability, t.key AS template_key, `+adoptedParams+` || COALESCE(t.confidence_params, '{}'::jsonb) AS confidence_params, ms.items AS milestones,
			ss.items AS stakeholders, rs.items AS retrospectives, acts.items AS actions, gs.items AS decisions,
			(SELECT st.fiscal_year_start_month FROM settings st FOR SHARE) AS fiscal_year_start_month
		FROM deals d JOIN ids ON ids.id = d.id LEFT JOIN templates t ON t.id = d.template_id
		LEFT JOIN ms ON ms.deal_id = d.id LEFT JOIN ss ON ss.deal_id = d.id LEFT JOIN rs ON rs.deal_id = d.id
		LEFT JOIN acts ON acts.deal_id = d.id LEFT JOIN gs ON gs.deal_id = d.id
		ORDER BY d.id`, dealID).Scan(&ds).Error
	if err != nil {
		return forecasts.Inputs{}, translate(err, "confidence input")
	}
	out := make([]forecasts.DealInput, len(ds))
	for i, d := range ds {
		in := d.input()
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
	ins := forecasts.Inputs{Deals: out}
	if len(ds) > 0 && ds[0].FiscalYearStartMonth != nil {
		ins.FiscalYearStartMonth = *ds[0].FiscalYearStartMonth
	}
	return ins, nil
}

// inputsOfBatch reads the inputs with at most ten queries whatever the number of deals:
// the deals with their template, milestones, the committed baselines and their dates,
// dependencies, stakeholders, their milestone links, retrospectives, actions and gate
// decisions (each by key, so each reads through an index).
func (r *Forecasts) inputsOfBatch(ctx context.Context, dealIDs []string) ([]forecasts.DealInput, error) {
	db := conn(ctx, r.db)
	ids := pgArray(dealIDs)
	var ds []inputDealRow
	err := db.Raw(`SELECT d.id, d.status, d.amount_minor, d.target_close_date, d.segment, d.forecast_category,
			d.manual_probability, t.key AS template_key, `+adoptedParams+` || COALESCE(t.confidence_params, '{}'::jsonb) AS confidence_params
		FROM deals d LEFT JOIN templates t ON t.id = d.template_id
		WHERE d.id = ANY(?::uuid[]) ORDER BY d.id`, ids).Scan(&ds).Error
	if err != nil {
		return nil, translate(err, "confidence input: deals")
	}
	if len(ds) == 0 {
		return nil, nil
	}
	var ms []inputMilestoneRow
	err = db.Raw(`SELECT id, deal_id, key, weight, gate, status, planned_start, planned_due, completed_on
		FROM milestones WHERE deal_id = ANY(?::uuid[]) ORDER BY deal_id, sequence, id`, ids).Scan(&ms).Error
	if err != nil {
		return nil, translate(err, "confidence input: milestones")
	}
	var baselineIDs []string
	err = db.Raw(`SELECT id FROM baselines WHERE deal_id = ANY(?::uuid[]) AND committed`, ids).Scan(&baselineIDs).Error
	if err != nil {
		return nil, translate(err, "confidence input: baselines")
	}
	type baselineDates struct {
		MilestoneID  string
		PlannedStart time.Time
		PlannedDue   time.Time
	}
	var bms []baselineDates
	if len(baselineIDs) > 0 {
		err = db.Raw(`SELECT milestone_id, planned_start, planned_due FROM baseline_milestones WHERE baseline_id = ANY(?::uuid[])`, pgArray(baselineIDs)).Scan(&bms).Error
		if err != nil {
			return nil, translate(err, "confidence input: baseline dates")
		}
	}
	var deps []inputLinkRow
	if len(ms) > 0 {
		milestoneIDs := make([]string, len(ms))
		for i, m := range ms {
			milestoneIDs[i] = m.ID
		}
		err = db.Raw(`SELECT milestone_id AS owner_id, depends_on_id AS target_id FROM milestone_dependencies
			WHERE milestone_id = ANY(?::uuid[]) ORDER BY milestone_id, depends_on_id`, pgArray(milestoneIDs)).Scan(&deps).Error
		if err != nil {
			return nil, translate(err, "confidence input: dependencies")
		}
	}
	var ss []inputStakeholderRow
	err = db.Raw(`SELECT id, deal_id, decision_role, influence, stance, relationship_strength, last_contact_on, next_step, next_step_due
		FROM stakeholders WHERE deal_id = ANY(?::uuid[]) ORDER BY deal_id, id`, ids).Scan(&ss).Error
	if err != nil {
		return nil, translate(err, "confidence input: stakeholders")
	}
	var links []inputLinkRow
	err = db.Raw(`SELECT sm.stakeholder_id AS owner_id, sm.milestone_id AS target_id
		FROM stakeholder_milestones sm JOIN stakeholders s ON s.id = sm.stakeholder_id
		WHERE s.deal_id = ANY(?::uuid[]) ORDER BY sm.stakeholder_id, sm.milestone_id`, ids).Scan(&links).Error
	if err != nil {
		return nil, translate(err, "confidence input: stakeholder milestones")
	}
	var retros []inputRetroRow
	err = db.Raw(`SELECT deal_id, held_on, outcome FROM retrospectives WHERE deal_id = ANY(?::uuid[])
		ORDER BY deal_id, held_on, created_at, id`, ids).Scan(&retros).Error
	if err != nil {
		return nil, translate(err, "confidence input: retrospectives")
	}
	var actions []inputActionRow
	err = db.Raw(`SELECT r.deal_id, a.due_on, a.status FROM retrospective_actions a JOIN retrospectives r ON r.id = a.retrospective_id
		WHERE r.deal_id = ANY(?::uuid[]) ORDER BY r.deal_id, a.due_on, a.id`, ids).Scan(&actions).Error
	if err != nil {
		return nil, translate(err, "confidence input: actions")
	}
	var decisions []inputDecisionRow
	err = db.Raw(`SELECT deal_id, milestone_id, decision, decided_on FROM gate_decisions WHERE deal_id = ANY(?::uuid[])
		ORDER BY deal_id, decided_on, created_at, id`, ids).Scan(&decisions).Error
	if err != nil {
		return nil, translate(err, "confidence input: gate decisions")
	}

	byDeal := make(map[string]*forecasts.DealInput, len(ds))
	out := make([]forecasts.DealInput, len(ds))
	for i, d := range ds {
		in := d.input()
		out[i] = in
		byDeal[d.ID] = &out[i]
	}
	baseline := make(map[string]baselineDates, len(bms))
	for _, b := range bms {
		baseline[b.MilestoneID] = b
	}
	depsOf := map[string][]string{}
	for _, l := range deps {
		depsOf[l.OwnerID] = append(depsOf[l.OwnerID], l.TargetID)
	}
	for _, m := range ms {
		in := byDeal[m.DealID]
		if in == nil {
			continue
		}
		cm := confidence.Milestone{ID: m.ID, Key: m.Key, Weight: m.Weight, Gate: m.Gate,
			Status: m.Status, PlannedStart: deals.Day(m.PlannedStart), PlannedDue: deals.Day(m.PlannedDue),
			CompletedOn: day0(m.CompletedOn), DependsOn: depsOf[m.ID]}
		if b, ok := baseline[m.ID]; ok {
			cm.BaselineStart, cm.BaselineDue = deals.Day(b.PlannedStart), deals.Day(b.PlannedDue)
		}
		in.Input.Milestones = append(in.Input.Milestones, cm)
	}
	linksOf := map[string][]string{}
	for _, l := range links {
		linksOf[l.OwnerID] = append(linksOf[l.OwnerID], l.TargetID)
	}
	for _, s := range ss {
		if in := byDeal[s.DealID]; in != nil {
			in.Input.Stakeholders = append(in.Input.Stakeholders, confidence.Stakeholder{DecisionRole: s.DecisionRole,
				Influence: s.Influence, Stance: s.Stance, RelationshipStrength: s.RelationshipStrength,
				LastContactOn: day0(s.LastContactOn), NextStep: s.NextStep, NextStepDue: day0(s.NextStepDue), MilestoneIDs: linksOf[s.ID]})
		}
	}
	for _, rt := range retros {
		if in := byDeal[rt.DealID]; in != nil {
			in.Input.Retrospectives = append(in.Input.Retrospectives, confidence.Retrospective{HeldOn: deals.Day(rt.HeldOn), Outcome: rt.Outcome})
		}
	}
	for _, a := range actions {
		if in := byDeal[a.DealID]; in != nil {
			in.Input.Actions = append(in.Input.Actions, confidence.Action{DueOn: deals.Day(a.DueOn), Status: a.Status})
		}
	}
	for _, g := range decisions {
		if in := byDeal[g.DealID]; in != nil {
			in.Input.GateDecisions = append(in.Input.GateDecisions, confidence.GateDecision{MilestoneID: g.MilestoneID,
				Decision: g.Decision, DecidedOn: deals.Day(g.DecidedOn)})
		}
	}
	return out, nil
}

type inputMilestoneRow struct {
	ID           string
	DealID       string
	Key          string
	Weight       int
	Gate         bool
	Status       string
	PlannedStart time.Time
	PlannedDue   time.Time
	CompletedOn  *time.Time
}

type inputStakeholderRow struct {
	ID                   string
	DealID               string
	DecisionRole         string
	Influence            int
	Stance               string
	RelationshipStrength int
	LastContactOn        *time.Time
	NextStep             string
	NextStepDue          *time.Time
}

type inputLinkRow struct {
	OwnerID  string // milestone or stakeholder
	TargetID string // the milestone it refers to
}

type inputRetroRow struct {
	DealID  string
	HeldOn  time.Time
	Outcome string
}

type inputActionRow struct {
	DealID string
	DueOn  time.Time
	Status string
}

type inputDecisionRow struct {
	DealID      string
	MilestoneID string
	Decision    string
	DecidedOn   time.Time
}

func day0(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return deals.Day(*t)
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
// row each and the window's deal_forecasts rows, upserted, and any other period's rows of
// those deals deleted (the two sets of rows are disjoint, so the statement's parts, which
// PostgreSQL runs in no set order, cannot meet). Every caller holds the deals' rows
// (Forecasts.LockDeals or a plan change's lock), which orders concurrent writers of one
// deal.
func (r *Forecasts) SaveFigures(ctx context.Context, figs []forecasts.Figures) error {
	if len(figs) == 0 {
		return nil
	}
	var sb strings.Builder
	args := make([]any, 0, len(figs)*7+7)
	ids := make([]string, 0, len(figs))
	sb.WriteString(`WITH confidence AS (INSERT INTO deal_confidence (deal_id, as_of, base, p_win, expected_close, close_p80, factors, computed_at) VALUES `)
	for i, f := range figs {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(?, ?, ?, ?, ?, ?, ?::jsonb, now())")
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
	// The window's rows go in as six array parameters (unnest), whatever their number.
	var dealIDs, periods, froms, tos, pIn, conf pgArray
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
	sb.WriteString(` ON CONFLICT (deal_id) DO UPDATE SET as_of = EXCLUDED.as_of, base = EXCLUDED.base, p_win = EXCLUDED.p_win,
			expected_close = EXCLUDED.expected_close, close_p80 = EXCLUDED.close_p80, factors = EXCLUDED.factors, computed_at = now()),
		periods AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::date[], ?::date[], ?::float8[], ?::float8[])
			AS p(deal_id, period, period_from, period_to, p_in_period, confidence)),
		kept AS (INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence)
			SELECT * FROM periods
			ON CONFLICT (deal_id, period) DO UPDATE SET period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
				p_in_period = EXCLUDED.p_in_period, confidence = EXCLUDED.confidence)
		DELETE FROM deal_forecasts df WHERE df.deal_id = ANY(?::uuid[])
			AND NOT EXISTS (SELECT 1 FROM periods p WHERE p.deal_id = df.deal_id AND p.period = df.period)`)
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
