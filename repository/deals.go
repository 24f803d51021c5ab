package repository

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
)

// Deals reads and writes customers, templates, deals, their teams, plans, baselines and
// activity trail: the PostgreSQL deals.Store.
type Deals struct{ db *gorm.DB }

var _ deals.Store = (*Deals)(nil)

// NewDeals returns the deals repository over db.
func NewDeals(db *gorm.DB) *Deals { return &Deals{db: db} }

// dealRow is the deals table.
type dealRow struct {
	ID              string `gorm:"primaryKey;default:gen_random_uuid()"`
	Name            string
	CustomerID      string
	CustomerName    string `gorm:"->;-:migration"` // read-only, joined from customers
	Segment         string
	TeamID          string
	AmountMinor     int64
	Currency        string
	TargetCloseDate time.Time
	Status          string
	StatusReason    string
	TemplateID      *string
	// The judgement beside the model.
	ForecastCategory  string `gorm:"default:pipeline"`
	ManualProbability *float64
	JudgementNote     string
	Version           int `gorm:"default:1"`
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// The stored confidence for the list's period (ListDeals only), read-only.
	FcConfidence *float64   `gorm:"->;-:migration"`
	FcPWin       *float64   `gorm:"->;-:migration"`
	FcPInPeriod  *float64   `gorm:"->;-:migration"`
	FcAsOf       *time.Time `gorm:"->;-:migration"`
	// The due date of the open close gate (ListDeals only, closeGateDue), read-only.
	CloseGateDue *time.Time `gorm:"->;-:migration"`
	// The deal team, when selected (dealByID), read-only.
	Members dealTeam `gorm:"column:members;->;-:migration"`
}

func (dealRow) TableName() string { return "deals" }
func (r dealRow) rowID() string   { return r.ID }

// dealMemberRow is one user holding one role on a deal team.
type dealMemberRow struct {
	DealID string `gorm:"primaryKey"`
	UserID string `gorm:"primaryKey"`
	Role   string `gorm:"primaryKey"`
}

func (dealMemberRow) TableName() string { return "deal_members" }

func toDealRow(d deals.Deal) dealRow {
	return dealRow{ID: d.ID, Name: d.Name, CustomerID: d.CustomerID, Segment: string(d.Segment), TeamID: d.TeamID,
		AmountMinor: d.AmountMinor, Currency: d.Currency, TargetCloseDate: deals.Day(d.TargetCloseDate),
		Status: string(d.Status), StatusReason: d.StatusReason, TemplateID: d.TemplateID,
		ForecastCategory: string(d.ForecastCategory), ManualProbability: d.ManualProbability, JudgementNote: d.JudgementNote,
		Version: d.Version}
}

func toDomainDeal(r dealRow, team []deals.Member) deals.Deal {
	if team == nil {
		team = []deals.Member{}
	}
	return deals.Deal{ID: r.ID, Name: r.Name, CustomerID: r.CustomerID, CustomerName: r.CustomerName, Segment: deals.Segment(r.Segment),
		TeamID: r.TeamID, AmountMinor: r.AmountMinor, Currency: r.Currency, TargetCloseDate: deals.Day(r.TargetCloseDate),
		Status: deals.DealStatus(r.Status), StatusReason: r.StatusReason, TemplateID: r.TemplateID, Team: team,
		ForecastCategory: deals.ForecastCategory(r.ForecastCategory), ManualProbability: r.ManualProbability, JudgementNote: r.JudgementNote,
		Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, CloseGateDue: dayPtr(r.CloseGateDue)}
}

// dealSorts map the sort fields of deals.DealSorts to columns; columns are qualified because
// the list joins customers.
var dealSorts = sortKeys[dealRow]{
	"name":              {"deals.name", func(r dealRow) string { return r.Name }},
	"amount_minor":      {"deals.amount_minor", func(r dealRow) string { return strconv.FormatInt(r.AmountMinor, 10) }},
	"target_close_date": {"deals.target_close_date", func(r dealRow) string { return deals.Day(r.TargetCloseDate).Format(deals.DateLayout) }},
	"created_at":        {"deals.created_at", func(r dealRow) string { return timeKey(r.CreatedAt) }},
	"confidence":        confidenceKey(2),
}

// dealSortsDesc are dealSorts for a descending sort: deals without a stored confidence
// come last either way, so they sort as 2 going up and as -1 going down.
var dealSortsDesc = func() sortKeys[dealRow] {
	out := sortKeys[dealRow]{}
	for f, k := range dealSorts {
		out[f] = k
	}
	out["confidence"] = confidenceKey(-1)
	return out
}()

// listByConfidence pages through q by confidence with the deals without a figure last:
// first those with one, walking the forecasts index as a bounded list does, then, once
// they run out, the others by id. A cursor holding the missing-figure value (2 going up,
// -1 going down) is in the second part.
func listByConfidence(q *gorm.DB, p domain.ListParams) ([]dealRow, *domain.Cursor, error) {
	nullAs := 2.0
	if p.Sort.Desc {
		nullAs = -1
	}
	key := confidenceKey(nullAs)
	missing := key.value(dealRow{})
	base := q.Session(&gorm.Session{}) // two queries from one chain
	var rows []dealRow
	if p.After == nil || p.After.Value != missing {
		withFigure, next, err := listPage(base.Where("df.deal_id IS NOT NULL"), dealSortsBounded, p, "df.deal_id")
		if err != nil || next != nil {
			return withFigure, next, err
		}
		rows = withFigure
	}
	rest := p
	rest.Limit = p.Limit - len(rows)
	if p.After == nil || p.After.Value != missing {
		rest.After = nil
	}
	without := base.Where("df.deal_id IS NULL")
	if rest.Limit == 0 { // a full page of figures: is there anything after it?
		var more []dealRow
		if err := without.Limit(1).Find(&more).Error; err != nil || len(more) == 0 {
			return rows, nil, err
		}
		last := rows[len(rows)-1]
		return rows, &domain.Cursor{Value: key.value(last), ID: last.ID}, nil
	}
	others, next, err := listPage(without, sortKeys[dealRow]{"confidence": key}, rest, "deals.id")
	return append(rows, others...), next, err
}

// dealSortsBounded sort by confidence when a bound leaves out deals without a figure.
var dealSortsBounded = sortKeys[dealRow]{"confidence": {"df.confidence", confidenceKey(-1).value}}

// confidenceKey sorts by the stored confidence of the list's period (the join in
// ListDeals), a missing figure counting as nullAs; the cursor keeps the number exactly.
func confidenceKey(nullAs float64) sortKey[dealRow] {
	return sortKey[dealRow]{fmt.Sprintf("COALESCE(df.confidence, %g)", nullAs), func(r dealRow) string {
		v := nullAs
		if r.FcConfidence != nil {
			v = *r.FcConfidence
		}
		return strconv.FormatFloat(v, 'e', -1, 64)
	}}
}

// dealsWithCustomer selects deals with their customer's name.
func dealsWithCustomer(tx *gorm.DB) *gorm.DB {
	return tx.Table("deals").Select("deals.*, customers.name AS customer_name").
		Joins("JOIN customers ON customers.id = deals.customer_id")
}

// dealsMatching limits q (over deals) to the deals f allows and search finds: the filters
// of the deals list and of its summary (DealTotals).
func dealsMatching(q *gorm.DB, f deals.DealFilter, search string) *gorm.DB {
	if f.Segment != nil {
		q = q.Where("deals.segment = ?", string(*f.Segment))
	}
	if len(f.TeamIDs) > 0 {
		q = q.Where("deals.team_id IN ?", f.TeamIDs)
	}
	if f.Status != nil {
		q = q.Where(statusCondition(*f.Status))
	}
	if f.CloseFrom != nil {
		q = q.Where("deals.target_close_date >= ?", deals.Day(*f.CloseFrom))
	}
	if f.CloseTo != nil {
		q = q.Where("deals.target_close_date < ?", deals.Day(*f.CloseTo))
	}
	if f.CustomerID != nil {
		q = q.Where("deals.customer_id = ?", *f.CustomerID)
	}
	if f.MemberID != nil {
		q = q.Where(isDealMember, *f.MemberID)
	}
	q = visibleTo(q, f.Visible)
	if search != "" {
		like := "%" + escapeLike(search) + "%"
		// The deals whose name matches and those of the customers whose name matches, each
		// found through its own trigram index (migration 00008): one OR over the joined rows
		// could use neither, and walked every deal for a rare term (30 ms of PostgreSQL CPU
		// at 10,000 deals; this form 0.9 ms — docs/benchmarks.md).
		q = q.Where(`deals.id IN (SELECT id FROM deals WHERE name ILIKE ?
			UNION ALL SELECT d.id FROM deals d JOIN customers c ON c.id = d.customer_id WHERE c.name ILIKE ?)`, like, like)
	}
	return q
}

// ListDeals pages through the deals f allows, searching p.Search in deal and customer
// names, each with its deal team, in one query.
func (r *Deals) ListDeals(ctx context.Context, f deals.DealFilter, p domain.ListParams) (domain.Page[deals.Deal], error) {
	db := conn(ctx, r.db)
	q := dealsMatching(dealsWithCustomer(db), f, p.Search)
	q = withForecast(q, f)
	var rows []dealRow
	var next *domain.Cursor
	var err error
	switch {
	case p.Sort.Field != "confidence":
		keys := dealSorts
		if p.Sort.Desc {
			keys = dealSortsDesc
		}
		rows, next, err = listPage(q, keys, p, "deals.id")
	case f.ConfidenceMin != nil || f.ConfidenceMax != nil:
		// Bounded: every row has a figure, so the sort is the stored column itself and
		// PostgreSQL can walk deal_forecasts' (period, confidence, deal_id) index.
		rows, next, err = listPage(q, dealSortsBounded, p, "df.deal_id")
	default:
		rows, next, err = listByConfidence(q, p)
	}
	if err != nil {
		return domain.Page[deals.Deal]{}, translate(err, "list deals")
	}
	items := toDomainDeals(rows)
	if f.ConfidencePeriod != "" {
		for i, r := range rows {
			items[i].Forecast = &deals.ListForecast{Period: f.ConfidencePeriod, Confidence: r.FcConfidence, PWin: r.FcPWin,
				PInPeriod: r.FcPInPeriod, AsOf: dayPtr(r.FcAsOf)}
		}
	}
	return domain.Page[deals.Deal]{Items: items, Next: next}, nil
}

// withForecast joins the stored confidence of f.ConfidencePeriod (one row per deal at
// most: deal_forecasts is keyed by deal and period) and applies its bounds. p_win and
// as_of are left out too when the period has no figure.
func withForecast(q *gorm.DB, f deals.DealFilter) *gorm.DB {
	q = q.Select(`deals.*, customers.name AS customer_name, df.confidence AS fc_confidence, df.p_in_period AS fc_p_in_period,
		CASE WHEN df.deal_id IS NULL THEN NULL ELSE dc.p_win END AS fc_p_win,
		CASE WHEN df.deal_id IS NULL THEN NULL ELSE dc.as_of END AS fc_as_of, `+closeGateDue+` AS close_gate_due, `+dealTeamColumn("deals")).
		Joins("LEFT JOIN deal_forecasts df ON df.deal_id = deals.id AND df.period = ?", f.ConfidencePeriod).
		Joins("LEFT JOIN deal_confidence dc ON dc.deal_id = deals.id")
	if f.ConfidenceMin != nil {
		q = q.Where("df.confidence >= ?", *f.ConfidenceMin)
	}
	if f.ConfidenceMax != nil {
		q = q.Where("df.confidence <= ?", *f.ConfidenceMax)
	}
	return q
}

// statusCondition names the status as a constant, not a parameter: a plan for "status =
// $1" cannot use the partial index of open deals by close date (migration 00019) once
// PostgreSQL settles on its generic plan. A status outside the four matches nothing.
func statusCondition(s deals.DealStatus) string {
	switch s {
	case deals.DealOpen:
		return "deals.status = 'open'"
	case deals.DealWon:
		return "deals.status = 'won'"
	case deals.DealLost:
		return "deals.status = 'lost'"
	case deals.DealAbandoned:
		return "deals.status = 'abandoned'"
	}
	return "false"
}

const isDealMember = "EXISTS (SELECT 1 FROM deal_members dm WHERE dm.deal_id = deals.id AND dm.user_id = ?)"

// visibleTo limits q to the deals v may read (nil: all).
func visibleTo(q *gorm.DB, v *deals.Visibility) *gorm.DB {
	switch {
	case v == nil:
		return q
	case len(v.TeamIDs) > 0:
		return q.Where("(deals.team_id IN ? OR "+isDealMember+")", v.TeamIDs, v.UserID)
	default:
		return q.Where(isDealMember, v.UserID)
	}
}

// toDomainDeals converts rows that selected dealTeamColumn to deals.
func toDomainDeals(rows []dealRow) []deals.Deal {
	out := make([]deals.Deal, 0, len(rows))
	for _, r := range rows {
		out = append(out, toDomainDeal(r, r.Members))
	}
	return out
}

// Deal returns one deal with its team and customer name.
func (r *Deals) Deal(ctx context.Context, id string) (deals.Deal, error) {
	return dealByID(conn(ctx, r.db), id)
}

// dealByID reads a deal with its customer's name and its team in one query.
func dealByID(tx *gorm.DB, id string) (deals.Deal, error) {
	var row dealRow
	err := dealsWithCustomer(tx).Select(`deals.*, customers.name AS customer_name, `+dealTeamColumn("deals")).
		Where("deals.id = ?", id).Take(&row).Error
	if err != nil {
		return deals.Deal{}, translate(err, "deal "+id)
	}
	return toDomainDeal(row, row.Members), nil
}

// DealAccess returns what authorization needs of a deal: its team and deal team, in one
// statement.
func (r *Deals) DealAccess(ctx context.Context, dealID string) (deals.Access, error) {
	return dealAccess(ctx, r.db, "FROM deals d WHERE d.id = ?", "deal "+dealID, dealID)
}

// MilestoneAccess is DealAccess for the deal milestoneID belongs to, in one statement.
func (r *Deals) MilestoneAccess(ctx context.Context, milestoneID string) (deals.Access, error) {
	return dealAccess(ctx, r.db, "FROM milestones m JOIN deals d ON d.id = m.deal_id WHERE m.id = ?", "milestone "+milestoneID, milestoneID)
}

// dealAccess reads the access of the deal d that from (a FROM … WHERE clause) finds.
func dealAccess(ctx context.Context, db *gorm.DB, from, what string, args ...any) (deals.Access, error) {
	var rows []struct {
		DealID  string
		TeamID  string
		Members dealTeam
	}
	err := conn(ctx, db).Raw(`SELECT d.id AS deal_id, d.team_id, `+dealTeamColumn("d")+` `+from, args...).Scan(&rows).Error
	if err != nil {
		return deals.Access{}, translate(err, what)
	}
	if len(rows) == 0 {
		return deals.Access{}, fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	}
	members := []deals.Member(rows[0].Members)
	if members == nil {
		members = []deals.Member{}
	}
	return deals.Access{DealID: rows[0].DealID, TeamID: rows[0].TeamID, Members: members}, nil
}

// MilestoneDeal returns the id of the deal milestoneID belongs to.
func (r *Deals) MilestoneDeal(ctx context.Context, milestoneID string) (string, error) {
	var row milestoneRow
	if err := conn(ctx, r.db).Select("id", "deal_id").Take(&row, "id = ?", milestoneID).Error; err != nil {
		return "", translate(err, "milestone "+milestoneID)
	}
	return row.DealID, nil
}

// CreateDeal stores a deal, its team and its initial plan in one transaction. The plan's
// milestone ids are indexes ("0", "1", …) that DependsOn refers to; they get UUIDs here.
func (r *Deals) CreateDeal(ctx context.Context, d deals.Deal, plan []deals.Milestone, act deals.Activity) (deals.Deal, error) {
	row := toDealRow(d)
	row.ID, row.Version = "", 1
	var out deals.Deal
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("CustomerName").Create(&row).Error; err != nil {
			return translate(err, "create deal")
		}
		if err := insertMembers(tx, row.ID, d.Team); err != nil {
			return err
		}
		if err := insertPlan(tx, row.ID, plan); err != nil {
			return err
		}
		if err := writeActivity(tx, act, row.ID, &row.ID); err != nil {
			return err
		}
		var err error
		out, err = dealByID(tx, row.ID)
		return err
	})
	return out, err
}

// insertPlan stores a new deal's milestones and their dependencies, mapping the plan's
// index ids to fresh UUIDs.
func insertPlan(tx *gorm.DB, dealID string, plan []deals.Milestone) error {
	if len(plan) == 0 {
		return nil
	}
	ids := make(map[string]string, len(plan))
	for _, m := range plan {
		ids[m.ID] = uuid.NewString()
	}
	rows := make([]milestoneRow, 0, len(plan))
	var deps []dependencyRow
	for _, m := range plan {
		row := toMilestoneRow(m)
		row.ID, row.DealID, row.Version = ids[m.ID], dealID, 1
		rows = append(rows, row)
		for _, dep := range m.DependsOn {
			target, ok := ids[dep]
			if !ok {
				return domain.Invalid("depends_on", "exists", dep)
			}
			deps = append(deps, dependencyRow{MilestoneID: row.ID, DependsOnID: target})
		}
	}
	if err := tx.Omit("BaselineDue").CreateInBatches(&rows, milestoneBatch).Error; err != nil {
		return translate(err, "create plan")
	}
	return insertDependencies(tx, deps)
}

// UpdateDeal stores d's fields (not its team) if its version is still expected.
func (r *Deals) UpdateDeal(ctx context.Context, d deals.Deal, expected int, acts ...deals.Activity) (deals.Deal, error) {
	var out deals.Deal
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &dealRow{}, d.ID, expected, map[string]any{
			"name": d.Name, "customer_id": d.CustomerID, "segment": string(d.Segment), "team_id": d.TeamID,
			"amount_minor": d.AmountMinor, "currency": d.Currency, "target_close_date": deals.Day(d.TargetCloseDate),
			"status": string(d.Status), "status_reason": d.StatusReason,
			"forecast_category": string(d.ForecastCategory), "manual_probability": d.ManualProbability, "judgement_note": d.JudgementNote,
		})
		if err != nil {
			return err
		}
		for _, act := range acts {
			if err := writeActivity(tx, act, d.ID, &d.ID); err != nil {
				return err
			}
		}
		out, err = dealByID(tx, d.ID)
		return err
	})
	return out, err
}

// DeleteDeal removes a deal with its plan, people and trail if its version is still
// expected; what it was is kept in the audit trail (audit_events), which outlives it.
func (r *Deals) DeleteDeal(ctx context.Context, id string, expected int, actorID string, snapshot map[string]any) error {
	ev := identity.AuditEvent{Action: "deal.deleted", SubjectType: "deal", Details: snapshot}
	if actorID != "" {
		ev.ActorID = &actorID
	}
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := deleteVersioned(tx, &dealRow{}, id, expected); err != nil {
			return err
		}
		return writeAudit(tx, ev, &id)
	})
}

// SetTeam replaces the deal team if the deal's version is still expected, and bumps it.
func (r *Deals) SetTeam(ctx context.Context, dealID string, members []deals.Member, expected int, act deals.Activity) (deals.Deal, error) {
	var out deals.Deal
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := updateVersioned(tx, &dealRow{}, dealID, expected, map[string]any{}); err != nil {
			return err
		}
		if err := tx.Where("deal_id = ?", dealID).Delete(&dealMemberRow{}).Error; err != nil {
			return translate(err, "clear deal team")
		}
		if err := insertMembers(tx, dealID, members); err != nil {
			return err
		}
		if err := writeActivity(tx, act, dealID, &dealID); err != nil {
			return err
		}
		var err error
		out, err = dealByID(tx, dealID)
		return err
	})
	return out, err
}

// insertMembers adds members to a deal team; a repeated user and role is stored once and
// an unknown user is domain.ErrConflict.
func insertMembers(tx *gorm.DB, dealID string, members []deals.Member) error {
	rows := make([]dealMemberRow, 0, len(members))
	for _, m := range members {
		row := dealMemberRow{DealID: dealID, UserID: m.UserID, Role: string(m.Role)}
		if !slices.Contains(rows, row) {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rows).Error
	return translate(err, "add deal team members")
}

// DealTotals counts the deals f and search select and sums their amounts per currency, in
// one statement over the same filters (and visibility rule) as ListDeals (deals.Store).
func (r *Deals) DealTotals(ctx context.Context, f deals.DealFilter, search string) ([]deals.CurrencyTotal, error) {
	q := dealsMatching(conn(ctx, r.db).Table("deals"), f, search)
	if f.ConfidenceMin != nil || f.ConfidenceMax != nil {
		q = q.Joins("JOIN deal_forecasts df ON df.deal_id = deals.id AND df.period = ?", f.ConfidencePeriod)
		if f.ConfidenceMin != nil {
			q = q.Where("df.confidence >= ?", *f.ConfidenceMin)
		}
		if f.ConfidenceMax != nil {
			q = q.Where("df.confidence <= ?", *f.ConfidenceMax)
		}
	}
	var rows []struct {
		Currency    string
		Count       int
		AmountMinor int64
	}
	err := q.Select("deals.currency, count(*) AS count, COALESCE(sum(deals.amount_minor), 0)::bigint AS amount_minor").
		Group("deals.currency").Scan(&rows).Error
	if err != nil {
		return nil, translate(err, "deal totals")
	}
	out := make([]deals.CurrencyTotal, 0, len(rows))
	for _, r := range rows {
		out = append(out, deals.CurrencyTotal{Currency: r.Currency, Count: r.Count, AmountMinor: r.AmountMinor})
	}
	return out, nil
}

// closeGateDue is the list's column for the plan-after-target warning: the due date of
// the deal's close gate (deals.CloseGate: the contract signing, else the gate due last)
// while it is open, NULL otherwise. A correlated subquery in the list's own SELECT, one
// index lookup (milestones_deal_idx) per listed row: PostgreSQL evaluates it after the
// sort and the page's LIMIT, so the list gains no statement and no scan of the plans.
const closeGateDue = `(SELECT CASE WHEN cg.status IN ('done', 'skipped') THEN NULL ELSE cg.planned_due END
	FROM milestones cg WHERE cg.deal_id = deals.id AND (cg.gate OR cg.key = 'contract_signed')
	ORDER BY cg.key = 'contract_signed' DESC, cg.planned_due DESC, cg.sequence DESC LIMIT 1)`
