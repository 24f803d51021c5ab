package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/stakeholders"
)

// Stakeholders reads and writes contacts, stakeholders, their milestone links and
// history: the PostgreSQL stakeholders.Store.
type Stakeholders struct{ db *gorm.DB }

var _ stakeholders.Store = (*Stakeholders)(nil)

// NewStakeholders returns the stakeholders repository over db.
func NewStakeholders(db *gorm.DB) *Stakeholders { return &Stakeholders{db: db} }

// stakeholderRow is the stakeholders table, with its contact joined in for reads.
type stakeholderRow struct {
	ID                   string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID               string
	ContactID            string
	DecisionRole         string
	Influence            int
	Stance               string
	RelationshipStrength int
	OwnerID              *string
	LastContactOn        *time.Time
	NextStep             string
	NextStepDue          *time.Time
	Notes                string
	Version              int `gorm:"default:1"`
	CreatedAt            time.Time
	UpdatedAt            time.Time

	// read-only, joined from contacts
	ContactCustomerID  string  `gorm:"->;-:migration"`
	ContactName        string  `gorm:"->;-:migration"`
	ContactTitle       string  `gorm:"->;-:migration"`
	ContactDepartment  string  `gorm:"->;-:migration"`
	ContactReportsToID *string `gorm:"->;-:migration"`
	ContactPhone       string  `gorm:"->;-:migration"`
	ContactEmail       string  `gorm:"->;-:migration"`
	ContactVersion     int     `gorm:"->;-:migration"`
}

func (stakeholderRow) TableName() string { return "stakeholders" }

// stakeholderContactColumns are the joined read-only fields, left out of writes.
var stakeholderContactColumns = []string{"ContactCustomerID", "ContactName", "ContactTitle", "ContactDepartment",
	"ContactReportsToID", "ContactPhone", "ContactEmail", "ContactVersion"}

// stakeholderMilestoneRow links a stakeholder to a milestone it can move.
type stakeholderMilestoneRow struct {
	StakeholderID string `gorm:"primaryKey"`
	MilestoneID   string `gorm:"primaryKey"`
}

func (stakeholderMilestoneRow) TableName() string { return "stakeholder_milestones" }

// stakeholderHistoryRow is the stakeholder_history table.
type stakeholderHistoryRow struct {
	ID            string `gorm:"primaryKey;default:gen_random_uuid()"`
	StakeholderID string
	At            time.Time `gorm:"default:clock_timestamp()"`
	ActorID       *string
	ActorName     *string `gorm:"->;-:migration"` // read-only, joined from users
	Changes       []byte  `gorm:"type:jsonb"`
	Note          string
}

func (stakeholderHistoryRow) TableName() string { return "stakeholder_history" }

func toStakeholderRow(s stakeholders.Stakeholder) stakeholderRow {
	return stakeholderRow{ID: s.ID, DealID: s.DealID, ContactID: s.ContactID, DecisionRole: string(s.DecisionRole),
		Influence: s.Influence, Stance: string(s.Stance), RelationshipStrength: s.RelationshipStrength, OwnerID: s.OwnerID,
		LastContactOn: dayPtr(s.LastContactOn), NextStep: s.NextStep, NextStepDue: dayPtr(s.NextStepDue), Notes: s.Notes,
		Version: s.Version}
}

func toDomainStakeholder(r stakeholderRow, milestoneIDs []string) stakeholders.Stakeholder {
	if milestoneIDs == nil {
		milestoneIDs = []string{}
	}
	return stakeholders.Stakeholder{ID: r.ID, DealID: r.DealID, ContactID: r.ContactID,
		Contact: stakeholders.Contact{ID: r.ContactID, CustomerID: r.ContactCustomerID, Name: r.ContactName,
			Title: r.ContactTitle, Department: r.ContactDepartment, ReportsToID: r.ContactReportsToID,
			Phone: r.ContactPhone, Email: r.ContactEmail, Version: r.ContactVersion},
		DecisionRole: stakeholders.DecisionRole(r.DecisionRole), Influence: r.Influence, Stance: stakeholders.Stance(r.Stance),
		RelationshipStrength: r.RelationshipStrength, OwnerID: r.OwnerID, LastContactOn: dayPtr(r.LastContactOn),
		NextStep: r.NextStep, NextStepDue: dayPtr(r.NextStepDue), Notes: r.Notes, MilestoneIDs: milestoneIDs,
		Version: r.Version}
}

// stakeholderActivity is a stakeholder change as a deal_activity entry.
func stakeholderActivity(a stakeholders.Activity) deals.Activity {
	return deals.Activity{DealID: a.DealID, ActorID: a.ActorID, Action: a.Action, EntityType: "stakeholder",
		EntityID: a.EntityID, Before: a.Before, After: a.After}
}

// stakeholdersWithContact selects stakeholders with their contact's fields.
func stakeholdersWithContact(tx *gorm.DB) *gorm.DB {
	return tx.Table("stakeholders").Select(`stakeholders.*, c.customer_id AS contact_customer_id, c.name AS contact_name,
		c.title AS contact_title, c.department AS contact_department, c.reports_to_id AS contact_reports_to_id,
		c.phone AS contact_phone, c.email AS contact_email, c.version AS contact_version`).
		Joins("JOIN contacts c ON c.id = stakeholders.contact_id")
}

// loadStakeholders reads the stakeholders q selects, in contact-name order, with their
// milestone links (one more query for all of them).
func loadStakeholders(tx *gorm.DB, what string, q *gorm.DB) ([]stakeholders.Stakeholder, error) {
	var rows []stakeholderRow
	if err := q.Order("c.name, stakeholders.id").Find(&rows).Error; err != nil {
		return nil, translate(err, what)
	}
	return withMilestoneLinks(tx, what, rows)
}

// withMilestoneLinks converts rows, keeping their order, with the milestones each can
// move (one query for all of them).
func withMilestoneLinks(tx *gorm.DB, what string, rows []stakeholderRow) ([]stakeholders.Stakeholder, error) {
	out := make([]stakeholders.Stakeholder, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(rows))
	for _, row := range rows {
		ids = append(ids, row.ID)
	}
	var links []stakeholderMilestoneRow
	err := tx.Table("stakeholder_milestones sm").Select("sm.stakeholder_id, sm.milestone_id").
		Joins("JOIN milestones m ON m.id = sm.milestone_id").
		Where("sm.stakeholder_id IN ?", ids).Order("m.sequence, m.id").Find(&links).Error
	if err != nil {
		return nil, translate(err, what+": milestone links")
	}
	byStakeholder := map[string][]string{}
	for _, l := range links {
		byStakeholder[l.StakeholderID] = append(byStakeholder[l.StakeholderID], l.MilestoneID)
	}
	for _, row := range rows {
		out = append(out, toDomainStakeholder(row, byStakeholder[row.ID]))
	}
	return out, nil
}

func stakeholderByID(tx *gorm.DB, id string) (stakeholders.Stakeholder, error) {
	list, err := loadStakeholders(tx, "stakeholder "+id, stakeholdersWithContact(tx).Where("stakeholders.id = ?", id))
	if err != nil {
		return stakeholders.Stakeholder{}, err
	}
	if len(list) == 0 {
		return stakeholders.Stakeholder{}, fmt.Errorf("stakeholder %s: %w", id, domain.ErrNotFound)
	}
	return list[0], nil
}

// DealCustomer returns the customer of a deal.
func (r *Stakeholders) DealCustomer(ctx context.Context, dealID string) (string, error) {
	return dealCustomer(conn(ctx, r.db), dealID)
}

func dealCustomer(tx *gorm.DB, dealID string) (string, error) {
	var row dealRow
	if err := tx.Select("id", "customer_id").Take(&row, "id = ?", dealID).Error; err != nil {
		return "", translate(err, "deal "+dealID)
	}
	return row.CustomerID, nil
}

// ListStakeholders lists a deal's stakeholders by contact name; an unknown deal is
// domain.ErrNotFound.
func (r *Stakeholders) ListStakeholders(ctx context.Context, dealID string) ([]stakeholders.Stakeholder, error) {
	db := conn(ctx, r.db)
	list, err := loadStakeholders(db, "stakeholders of deal "+dealID, stakeholdersWithContact(db).Where("stakeholders.deal_id = ?", dealID))
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		if err := dealExists(db, dealID); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// Stakeholder returns one stakeholder with its contact and milestone links.
func (r *Stakeholders) Stakeholder(ctx context.Context, id string) (stakeholders.Stakeholder, error) {
	return stakeholderByID(conn(ctx, r.db), id)
}

// StakeholderDeal returns the id of the deal a stakeholder belongs to.
func (r *Stakeholders) StakeholderDeal(ctx context.Context, id string) (string, error) {
	var row stakeholderRow
	if err := conn(ctx, r.db).Select("id", "deal_id").Take(&row, "id = ?", id).Error; err != nil {
		return "", translate(err, "stakeholder "+id)
	}
	return row.DealID, nil
}

// CreateStakeholder stores s in one transaction: first newContact (when given, as a
// contact of the deal's customer), then the stakeholder, its milestone links and the
// activity entry. A contact already on the deal is domain.ErrConflict; a milestone of
// another deal is a validation error on milestone_ids.
func (r *Stakeholders) CreateStakeholder(ctx context.Context, s stakeholders.Stakeholder, newContact *stakeholders.Contact, act stakeholders.Activity) (stakeholders.Stakeholder, error) {
	var out stakeholders.Stakeholder
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		customerID, err := dealCustomer(tx, s.DealID)
		if err != nil {
			return err
		}
		if newContact != nil {
			c := toContactRow(*newContact)
			c.ID, c.CustomerID, c.Version = "", customerID, 1
			if err := tx.Create(&c).Error; err != nil {
				return translate(err, "create contact")
			}
			s.ContactID = c.ID
		} else {
			var c contactRow
			err := tx.Select("id", "customer_id").Take(&c, "id = ?", s.ContactID).Error
			if err != nil || c.CustomerID != customerID {
				return domain.Invalid("contact_id", "exists", "")
			}
		}
		row := toStakeholderRow(s)
		row.ID, row.Version = "", 1
		if err := tx.Omit(stakeholderContactColumns...).Create(&row).Error; err != nil {
			return translate(err, "create stakeholder")
		}
		if err := linkMilestones(tx, row.ID, s.DealID, s.MilestoneIDs); err != nil {
			return err
		}
		if err := writeActivity(tx, stakeholderActivity(act), s.DealID, &row.ID); err != nil {
			return err
		}
		out, err = stakeholderByID(tx, row.ID)
		return err
	})
	return out, err
}

// linkMilestones stores the links of a stakeholder to milestoneIDs, which must all be
// milestones of dealID (else a validation error on milestone_ids).
func linkMilestones(tx *gorm.DB, stakeholderID, dealID string, milestoneIDs []string) error {
	seen := map[string]bool{}
	links := make([]stakeholderMilestoneRow, 0, len(milestoneIDs))
	for _, id := range milestoneIDs {
		if _, err := uuid.Parse(id); err != nil {
			return domain.Invalid("milestone_ids", "exists", id)
		}
		if !seen[id] {
			seen[id] = true
			links = append(links, stakeholderMilestoneRow{StakeholderID: stakeholderID, MilestoneID: id})
		}
	}
	if len(links) == 0 {
		return nil
	}
	ids := make([]string, 0, len(links))
	for _, l := range links {
		ids = append(ids, l.MilestoneID)
	}
	var n int64
	if err := tx.Model(&milestoneRow{}).Where("deal_id = ? AND id IN ?", dealID, ids).Count(&n).Error; err != nil {
		return translate(err, "check stakeholder milestones")
	}
	if n != int64(len(ids)) {
		return domain.Invalid("milestone_ids", "exists", "")
	}
	return translate(tx.Create(&links).Error, "link stakeholder milestones")
}

// UpdateStakeholder stores s's fields (not its deal or contact) and replaces its
// milestone links if its version is still expected; history is added when it records a
// change or a note.
func (r *Stakeholders) UpdateStakeholder(ctx context.Context, s stakeholders.Stakeholder, expected int, history stakeholders.HistoryEntry, act stakeholders.Activity) (stakeholders.Stakeholder, error) {
	row := toStakeholderRow(s)
	var out stakeholders.Stakeholder
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &stakeholderRow{}, s.ID, expected, map[string]any{
			"decision_role": row.DecisionRole, "influence": row.Influence, "stance": row.Stance,
			"relationship_strength": row.RelationshipStrength, "owner_id": row.OwnerID,
			"last_contact_on": row.LastContactOn, "next_step": row.NextStep, "next_step_due": row.NextStepDue,
			"notes": row.Notes,
		})
		if err != nil {
			return err
		}
		// The deal comes from the stored row, not from the caller.
		var stored stakeholderRow
		if err := tx.Select("id", "deal_id").Take(&stored, "id = ?", s.ID).Error; err != nil {
			return translate(err, "stakeholder "+s.ID)
		}
		if err := tx.Where("stakeholder_id = ?", s.ID).Delete(&stakeholderMilestoneRow{}).Error; err != nil {
			return translate(err, "clear stakeholder milestones")
		}
		if err := linkMilestones(tx, s.ID, stored.DealID, s.MilestoneIDs); err != nil {
			return err
		}
		if len(history.Changes) > 0 || history.Note != "" {
			if err := insertHistory(tx, s.ID, history); err != nil {
				return err
			}
		}
		if err := writeActivity(tx, stakeholderActivity(act), stored.DealID, &s.ID); err != nil {
			return err
		}
		out, err = stakeholderByID(tx, s.ID)
		return err
	})
	return out, err
}

func insertHistory(tx *gorm.DB, stakeholderID string, h stakeholders.HistoryEntry) error {
	changes := h.Changes
	if changes == nil {
		changes = map[string]stakeholders.Change{}
	}
	raw, err := json.Marshal(changes)
	if err != nil {
		return fmt.Errorf("encode stakeholder history: %w", err)
	}
	row := stakeholderHistoryRow{StakeholderID: stakeholderID, ActorID: h.ActorID, Changes: raw, Note: h.Note}
	return translate(tx.Omit("ActorName").Create(&row).Error, "write stakeholder history")
}

// DeleteStakeholder removes a stakeholder at version (its links and history go with it);
// the contact stays with the customer.
func (r *Stakeholders) DeleteStakeholder(ctx context.Context, id string, expected int, act stakeholders.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var row stakeholderRow
		if err := tx.Select("id", "deal_id").Take(&row, "id = ?", id).Error; err != nil {
			return translate(err, "stakeholder "+id)
		}
		if err := deleteVersioned(tx, &stakeholderRow{}, id, expected); err != nil {
			return err
		}
		return writeActivity(tx, stakeholderActivity(act), row.DealID, &row.ID)
	})
}

// History lists a stakeholder's recorded changes, newest first, with the actors' names;
// an unknown stakeholder is domain.ErrNotFound.
func (r *Stakeholders) History(ctx context.Context, stakeholderID string) ([]stakeholders.HistoryEntry, error) {
	db := conn(ctx, r.db)
	var rows []stakeholderHistoryRow
	err := db.Table("stakeholder_history h").Select("h.*, users.name AS actor_name").
		Joins("LEFT JOIN users ON users.id = h.actor_id").
		Where("h.stakeholder_id = ?", stakeholderID).Order("h.at DESC, h.id DESC").Find(&rows).Error
	if err != nil {
		return nil, translate(err, "history of stakeholder "+stakeholderID)
	}
	if len(rows) == 0 {
		var n int64
		if err := db.Model(&stakeholderRow{}).Where("id = ?", stakeholderID).Count(&n).Error; err != nil {
			return nil, translate(err, "stakeholder "+stakeholderID)
		}
		if n == 0 {
			return nil, fmt.Errorf("stakeholder %s: %w", stakeholderID, domain.ErrNotFound)
		}
	}
	out := make([]stakeholders.HistoryEntry, 0, len(rows))
	for _, row := range rows {
		h := stakeholders.HistoryEntry{ID: row.ID, StakeholderID: row.StakeholderID, At: row.At, ActorID: row.ActorID,
			ActorName: row.ActorName, Note: row.Note}
		if err := json.Unmarshal(row.Changes, &h.Changes); err != nil {
			return nil, fmt.Errorf("decode stakeholder history: %w", err)
		}
		out = append(out, h)
	}
	return out, nil
}

// gateRow is a gate milestone with its deal's name.
// gateRiskRow is one risk of a gate: the gate, one decisive stakeholder and the reason.
type gateRiskRow struct {
	MilestoneID     string
	DealID          string
	DealName        string
	GateName        string
	PlannedDue      time.Time
	StakeholderID   string
	StakeholderName string
	DecisionRole    string
	Stance          string
	LastContactOn   *time.Time
	OwnerID         *string
	Reason          string
}

func (r gateRiskRow) rowID() string { return r.StakeholderID }

// gateRiskSorts: soonest gate first, a gate's people by id. A gate has several people, so
// the cursor's value is the gate's due date and id ("2026-12-01 <uuid>") and its id the
// person's; gateRiskPage seeks (due, gate, person) in the order of the open-gates index.
var gateRiskSorts = sortKeys[gateRiskRow]{
	"due": {"m.planned_due", func(r gateRiskRow) string {
		return deals.Day(r.PlannedDue).Format(deals.DateLayout) + " " + r.MilestoneID
	}},
}

// gateRiskPage reads one page of q (gate risks) in (due, gate, person) order.
func gateRiskPage(q *gorm.DB, p domain.ListParams) ([]gateRiskRow, *domain.Cursor, error) {
	key, ok := gateRiskSorts[p.Sort.Field]
	if !ok {
		return nil, nil, fmt.Errorf("sort field %q is not whitelisted", p.Sort.Field)
	}
	dir, cmp := "ASC", ">"
	if p.Sort.Desc {
		dir, cmp = "DESC", "<"
	}
	if p.After != nil {
		day, gate, found := strings.Cut(p.After.Value, " ")
		d, err := time.Parse(deals.DateLayout, day)
		_, errGate := uuid.Parse(gate)
		_, errID := uuid.Parse(p.After.ID)
		if !found || err != nil || d.Year() < 1 || errGate != nil || errID != nil {
			return nil, nil, fmt.Errorf("cursor %q for %s: %w", p.After.Value, p.Sort.Field, domain.ErrInvalidCursor)
		}
		q = q.Where(fmt.Sprintf("(m.planned_due, m.id, s.id) %s (?, ?, ?)", cmp), d, gate, p.After.ID)
	}
	var rows []gateRiskRow
	err := q.Order(key.column + " " + dir).Order("m.id " + dir).Order("s.id " + dir).Limit(p.Limit + 1).Find(&rows).Error
	if err != nil || len(rows) <= p.Limit {
		return rows, nil, err
	}
	rows = rows[:p.Limit]
	last := rows[len(rows)-1]
	return rows, &domain.Cursor{Value: key.value(last), ID: last.rowID()}, nil
}

// riskDeals limits q (which joins deals as "deals") to the open deals q.Visible may read
// and to q.DealID when given: the visibility rule of the deals list, in SQL.
func riskDeals(q *gorm.DB, rq stakeholders.RiskQuery) *gorm.DB {
	q = visibleTo(q.Where("deals.status = 'open'"), rq.Visible)
	if rq.DealID != "" {
		q = q.Where("deals.id = ?", rq.DealID)
	}
	return q
}

// GateRisks returns one page of the gates at risk (stakeholders.Store).
func (r *Stakeholders) GateRisks(ctx context.Context, rq stakeholders.RiskQuery) (domain.Page[stakeholders.GateRisk], error) {
	today := deals.Day(rq.Today)
	q := conn(ctx, r.db).Table("milestones m").
		Select(`m.id AS milestone_id, m.deal_id, deals.name AS deal_name, m.name AS gate_name, m.planned_due,
			s.id AS stakeholder_id, c.name AS stakeholder_name, s.decision_role, s.stance, s.last_contact_on, s.owner_id,
			CASE WHEN s.stance IN ('skeptic', 'blocker') THEN 'stance' ELSE 'not_contacted' END AS reason`).
		Joins("JOIN deals ON deals.id = m.deal_id").
		Joins("JOIN stakeholder_milestones sm ON sm.milestone_id = m.id").
		Joins("JOIN stakeholders s ON s.id = sm.stakeholder_id").
		Joins("JOIN contacts c ON c.id = s.contact_id").
		// m.deal_open (migration 00018) lets the walk skip the gates of closed deals in the index.
		Where("m.gate AND m.status NOT IN ('done', 'skipped') AND m.deal_open AND m.planned_due <= ?", today.AddDate(0, 0, rq.GateDays)).
		Where("s.decision_role IN ('decision_maker', 'economic_buyer')").
		Where("(s.stance IN ('skeptic', 'blocker') OR s.last_contact_on IS NULL OR s.last_contact_on < ?)", today.AddDate(0, 0, -rq.StaleDays))
	rows, next, err := gateRiskPage(riskDeals(q, rq), rq.List)
	if err != nil {
		return domain.Page[stakeholders.GateRisk]{}, translate(err, "gate risks")
	}
	out := make([]stakeholders.GateRisk, 0, len(rows))
	for _, g := range rows {
		out = append(out, stakeholders.GateRisk{
			Gate: stakeholders.Gate{DealID: g.DealID, DealName: g.DealName, MilestoneID: g.MilestoneID, Name: g.GateName,
				Due: deals.Day(g.PlannedDue)},
			Stakeholder: stakeholders.Stakeholder{ID: g.StakeholderID, DealID: g.DealID, Contact: stakeholders.Contact{Name: g.StakeholderName},
				DecisionRole: stakeholders.DecisionRole(g.DecisionRole), Stance: stakeholders.Stance(g.Stance),
				LastContactOn: dayPtr(g.LastContactOn), OwnerID: g.OwnerID},
			Reason: g.Reason})
	}
	return domain.Page[stakeholders.GateRisk]{Items: out, Next: next}, nil
}

func (r stakeholderRow) rowID() string { return r.ID }

// nextStepSorts: the most overdue first.
var nextStepSorts = sortKeys[stakeholderRow]{
	"next_step_due": {"stakeholders.next_step_due", func(r stakeholderRow) string {
		if r.NextStepDue == nil {
			return time.Time{}.Format(deals.DateLayout)
		}
		return deals.Day(*r.NextStepDue).Format(deals.DateLayout)
	}},
}

// OverdueNextSteps returns one page of the stakeholders whose next step is past due.
func (r *Stakeholders) OverdueNextSteps(ctx context.Context, rq stakeholders.RiskQuery) (domain.Page[stakeholders.Stakeholder], error) {
	db := conn(ctx, r.db)
	q := stakeholdersWithContact(db).Joins("JOIN deals ON deals.id = stakeholders.deal_id").
		Where("stakeholders.next_step <> '' AND stakeholders.next_step_due < ?", deals.Day(rq.Today))
	rows, next, err := listPage(riskDeals(q, rq), nextStepSorts, rq.List, "stakeholders.id")
	if err != nil {
		return domain.Page[stakeholders.Stakeholder]{}, translate(err, "overdue next steps")
	}
	list, err := withMilestoneLinks(db, "overdue next steps", rows)
	if err != nil {
		return domain.Page[stakeholders.Stakeholder]{}, err
	}
	return domain.Page[stakeholders.Stakeholder]{Items: list, Next: next}, nil
}

// coverageRow is a deal's coverage, computed in SQL.
type coverageRow struct {
	DealID           string
	HasDecisionMaker bool
	HasChampion      bool
}

func (r coverageRow) rowID() string { return r.DealID }

var coverageSorts = sortKeys[coverageRow]{
	"deal_id": {"deals.id", func(r coverageRow) string { return r.DealID }},
}

// CoverageGaps returns one page of the open deals without a decision maker or a champion:
// each deal's coverage is an aggregate over its stakeholders (a lateral subquery the deals'
// id order drives, so a page reads about as many deals as it needs).
func (r *Stakeholders) CoverageGaps(ctx context.Context, rq stakeholders.RiskQuery) (domain.Page[stakeholders.CoverageGap], error) {
	q := conn(ctx, r.db).Table("deals").
		Select("deals.id AS deal_id, cov.has_decision_maker, cov.has_champion").
		Joins(`CROSS JOIN LATERAL (SELECT COALESCE(bool_or(s.decision_role = 'decision_maker'), false) AS has_decision_maker,
			COALESCE(bool_or(s.stance = 'champion'), false) AS has_champion
			FROM stakeholders s WHERE s.deal_id = deals.id) cov`).
		Where("NOT (cov.has_decision_maker AND cov.has_champion)")
	rows, next, err := listPage(riskDeals(q, rq), coverageSorts, rq.List, "deals.id")
	if err != nil {
		return domain.Page[stakeholders.CoverageGap]{}, translate(err, "coverage gaps")
	}
	out := make([]stakeholders.CoverageGap, 0, len(rows))
	for _, g := range rows {
		out = append(out, stakeholders.CoverageGap{DealID: g.DealID,
			Coverage: stakeholders.Coverage{HasDecisionMaker: g.HasDecisionMaker, HasChampion: g.HasChampion}})
	}
	return domain.Page[stakeholders.CoverageGap]{Items: out, Next: next}, nil
}
