package repository

import (
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/domain/targets"
)

// NewIdentityService wires the identity service to its PostgreSQL stores.
func NewIdentityService(db *gorm.DB, sessions identity.SessionPolicy, throttle identity.LoginThrottle) *identity.Service {
	return &identity.Service{
		Users: NewUsers(db), Sessions: NewSessions(db), Tokens: NewTokens(db), Teams: NewTeams(db), Audit: NewAudit(db),
		Policy: sessions, Throttle: throttle, Hashes: identity.NewHashGate(0, identity.DefaultHashWait),
		Now: func() time.Time { return time.Now().UTC() },
	}
}

// NewDealService wires the deals service to its PostgreSQL store.
func NewDealService(db *gorm.DB) *deals.Service {
	return &deals.Service{Store: NewDeals(db), Now: func() time.Time { return time.Now().UTC() }}
}

// NewStakeholderService wires the stakeholders service to its PostgreSQL store.
func NewStakeholderService(db *gorm.DB) *stakeholders.Service {
	return &stakeholders.Service{Store: NewStakeholders(db), Now: func() time.Time { return time.Now().UTC() }}
}

// NewReviewService wires the reviews service to its PostgreSQL store.
func NewReviewService(db *gorm.DB) *reviews.Service {
	return &reviews.Service{Store: NewReviews(db), Deals: NewDealService(db), Now: func() time.Time { return time.Now().UTC() }}
}

// NewTargetService wires the targets service (settings, targets, FX rates) to its
// PostgreSQL store; defaults are the settings stored on first use.
func NewTargetService(db *gorm.DB, defaults targets.Settings) *targets.Service {
	return &targets.Service{Store: NewTargets(db), Teams: NewTeams(db), Defaults: defaults}
}
