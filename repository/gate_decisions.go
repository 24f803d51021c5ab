package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/reviews"
)

// gateDecisionRow is the gate_decisions table.
type gateDecisionRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID      string
	MilestoneID string
	Decision    string
	DecidedBy   *string
	DecidedOn   time.Time
	Rationale   string
	Conditions  string
	CreatedAt   time.Time
}

func (gateDecisionRow) TableName() string { return "gate_decisions" }

func toDomainDecision(r gateDecisionRow) reviews.GateDecision {
	return reviews.GateDecision{ID: r.ID, DealID: r.DealID, MilestoneID: r.MilestoneID, Decision: reviews.Decision(r.Decision),
		DecidedBy: r.DecidedBy, DecidedOn: deals.Day(r.DecidedOn), Rationale: r.Rationale, Conditions: r.Conditions,
		CreatedAt: r.CreatedAt}
}

// ListDecisions lists a deal's gate decisions in the order they were taken; an unknown
// deal is domain.ErrNotFound.
func (r *Reviews) ListDecisions(ctx context.Context, dealID string) ([]reviews.GateDecision, error) {
	db := conn(ctx, r.db)
	var rows []gateDecisionRow
	if err := db.Where("deal_id = ?", dealID).Order("decided_on, created_at, id").Find(&rows).Error; err != nil {
		return nil, translate(err, "gate decisions of deal "+dealID)
	}
	if len(rows) == 0 {
		if err := dealExists(db, dealID); err != nil {
			return nil, err
		}
	}
	out := make([]reviews.GateDecision, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainDecision(row))
	}
	return out, nil
}

// CreateDecision stores a decision and its activity entry. (Ending the deal at a no-go is
// the service's: it runs deals.Service.AbandonDeal and this in one transaction.)
func (r *Reviews) CreateDecision(ctx context.Context, d reviews.GateDecision, act reviews.Activity) (reviews.GateDecision, error) {
	row := gateDecisionRow{DealID: d.DealID, MilestoneID: d.MilestoneID, Decision: string(d.Decision), DecidedBy: d.DecidedBy,
		DecidedOn: deals.Day(d.DecidedOn), Rationale: d.Rationale, Conditions: d.Conditions}
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create gate decision")
		}
		// The entry's entity is the gate the decision was taken at.
		return writeActivity(tx, reviewActivity(act, "milestone"), row.DealID, &row.MilestoneID)
	})
	if err != nil {
		return reviews.GateDecision{}, err
	}
	return toDomainDecision(row), nil
}
