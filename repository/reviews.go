package repository

import (
	"context"

	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/reviews"
)

// Reviews reads and writes retrospectives, their action items and gate decisions: the
// PostgreSQL reviews.Store.
type Reviews struct{ db *gorm.DB }

var _ reviews.Store = (*Reviews)(nil)

// NewReviews returns the reviews repository over db.
func NewReviews(db *gorm.DB) *Reviews { return &Reviews{db: db} }

// reviewActivity is a review change as a deal_activity entry of entityType.
func reviewActivity(a reviews.Activity, entityType string) deals.Activity {
	return deals.Activity{DealID: a.DealID, ActorID: a.ActorID, Action: a.Action, EntityType: entityType,
		EntityID: a.EntityID, Before: a.Before, After: a.After}
}

// MilestoneOfDeal reports whether milestoneID is a gate; a milestone that is not of
// dealID is domain.ErrNotFound.
func (r *Reviews) MilestoneOfDeal(ctx context.Context, dealID, milestoneID string) (bool, error) {
	var row milestoneRow
	err := conn(ctx, r.db).Select("id", "gate").Take(&row, "id = ? AND deal_id = ?", milestoneID, dealID).Error
	if err != nil {
		return false, translate(err, "milestone "+milestoneID+" of deal "+dealID)
	}
	return row.Gate, nil
}

// RetrospectiveDeal returns the id of the deal a retrospective belongs to.
func (r *Reviews) RetrospectiveDeal(ctx context.Context, id string) (string, error) {
	var row retrospectiveRow
	if err := conn(ctx, r.db).Select("id", "deal_id").Take(&row, "id = ?", id).Error; err != nil {
		return "", translate(err, "retrospective "+id)
	}
	return row.DealID, nil
}

// ActionDeal returns the id of the deal an action item belongs to.
func (r *Reviews) ActionDeal(ctx context.Context, id string) (string, error) {
	var dealID string
	err := conn(ctx, r.db).Table("retrospective_actions a").Select("r.deal_id").
		Joins("JOIN retrospectives r ON r.id = a.retrospective_id").Where("a.id = ?", id).Take(&dealID).Error
	if err != nil {
		return "", translate(err, "action "+id)
	}
	return dealID, nil
}
