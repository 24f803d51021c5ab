package repository

import (
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
)

// NewIdentityService wires the identity service to its PostgreSQL stores.
func NewIdentityService(db *gorm.DB, sessions identity.SessionPolicy, throttle identity.LoginThrottle) *identity.Service {
	return &identity.Service{
		Users: NewUsers(db), Sessions: NewSessions(db), Tokens: NewTokens(db), Teams: NewTeams(db), Audit: NewAudit(db),
		Policy: sessions, Throttle: throttle, Hashes: identity.NewHashGate(0, identity.DefaultHashWait),
		Now: func() time.Time { return time.Now().UTC() },
	}
}

// Services are the domain services wired to their PostgreSQL stores, sharing one
// forecasts service so that every change recomputes the stored confidence.
type Services struct {
	Deals        *deals.Service
	Stakeholders *stakeholders.Service
	Reviews      *reviews.Service
	Forecasts    *forecasts.Service
}

// NewServices wires the deals, stakeholders, reviews and forecasts services; the fiscal
// year starts in month fyStart (1 = January), which names the stored periods.
func NewServices(db *gorm.DB, fyStart int) Services {
	now := func() time.Time { return time.Now().UTC() }
	fc := NewForecastService(db, fyStart)
	ds := &deals.Service{Store: NewDeals(db), Now: now, Forecasts: fc}
	return Services{
		Deals:        ds,
		Stakeholders: &stakeholders.Service{Store: NewStakeholders(db), Now: now, Forecasts: fc},
		Reviews:      &reviews.Service{Store: NewReviews(db), Deals: ds, Now: now},
		Forecasts:    fc,
	}
}

// NewForecastService wires the forecasts service (stored confidence) to its store.
func NewForecastService(db *gorm.DB, fyStart int) *forecasts.Service {
	return &forecasts.Service{Store: NewForecasts(db), Now: func() time.Time { return time.Now().UTC() }, FiscalYearStartMonth: fyStart}
}
