package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
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
	db := r.db.WithContext(ctx)
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

// CreateDecision stores a decision and its activity entry. With abandon, the deal
// becomes abandoned with the rationale as its reason in the same transaction, if it is
// still at dealVersion (else domain.ErrStaleVersion) and still open (else
// domain.ErrConflict); nothing is stored otherwise.
func (r *Reviews) CreateDecision(ctx context.Context, d reviews.GateDecision, abandon bool, dealVersion int, act reviews.Activity) (reviews.GateDecision, error) {
	row := gateDecisionRow{DealID: d.DealID, MilestoneID: d.MilestoneID, Decision: string(d.Decision), DecidedBy: d.DecidedBy,
		DecidedOn: deals.Day(d.DecidedOn), Rationale: d.Rationale, Conditions: d.Conditions}
	err := r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if abandon {
			if err := abandonDeal(tx, d.DealID, dealVersion, d.Rationale, act.ActorID); err != nil {
				return err
			}
		}
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

// abandonDeal ends an open deal as abandoned at version, with its own deal.updated entry.
func abandonDeal(tx *gorm.DB, dealID string, version int, reason string, actorID *string) error {
	var deal dealRow
	if err := tx.Select("id", "status", "status_reason", "version").Take(&deal, "id = ?", dealID).Error; err != nil {
		return translate(err, "deal "+dealID)
	}
	if deal.Version != version {
		return fmt.Errorf("abandon deal %s at version %d: %w", dealID, version, domain.ErrStaleVersion)
	}
	if deal.Status != string(deals.DealOpen) {
		return fmt.Errorf("abandon deal %s: it is %s: %w", dealID, deal.Status, domain.ErrConflict)
	}
	after := string(deals.DealAbandoned)
	err := updateVersioned(tx, &dealRow{}, dealID, version, map[string]any{"status": after, "status_reason": reason})
	if err != nil {
		return err
	}
	return writeActivity(tx, deals.Activity{DealID: dealID, ActorID: actorID, Action: "deal.updated", EntityType: "deal",
		EntityID: &dealID,
		Before:   map[string]any{"status": deal.Status, "status_reason": deal.StatusReason},
		After:    map[string]any{"status": after, "status_reason": reason},
	}, dealID, &dealID)
}
