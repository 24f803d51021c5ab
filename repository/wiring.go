package repository

import (
	"time"

	"gorm.io/gorm"

	"summit/domain/boards"
	"summit/domain/calibration"
	"summit/domain/changes"
	"summit/domain/dealhistory"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/history"
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

// Services are the domain services wired to their PostgreSQL stores, sharing one
// forecasts service so that every change recomputes the stored confidence.
type Services struct {
	Deals        *deals.Service
	Stakeholders *stakeholders.Service
	Reviews      *reviews.Service
	Forecasts    *forecasts.Service
	Targets      *targets.Service     // settings, targets and FX rates
	Boards       *boards.Service      // the executives' board
	History      *history.Service     // the forecast's daily snapshots and trend
	Changes      *changes.Service     // what changed since a snapshot (the board's)
	DealHistory  *dealhistory.Service // a deal's confidence over time
	Calibration  *calibration.Service // how well confidence foretold closed deals' outcomes
	// ConfidenceModels fits, adopts and reverts the organisation's confidence models.
	ConfidenceModels *calibration.ModelService
}

// NewServices wires the deals, stakeholders, reviews, forecasts and targets services.
// defaults are the settings stored on first use; the stored fiscal year start month
// names the quarters of the stored confidence, and changing it recomputes them.
func NewServices(db *gorm.DB, defaults targets.Settings) Services {
	now := func() time.Time { return time.Now().UTC() }
	ts := &targets.Service{Store: NewTargets(db), Teams: NewTeams(db), Defaults: defaults}
	fc := &forecasts.Service{Store: NewForecasts(db), Now: now, FiscalYear: ts}
	ts.Forecasts = fc
	ds := &deals.Service{Store: NewDeals(db), Now: now, Forecasts: fc}
	return Services{
		Deals:            ds,
		Stakeholders:     &stakeholders.Service{Store: NewStakeholders(db), Now: now, Forecasts: fc},
		Reviews:          &reviews.Service{Store: NewReviews(db), Deals: ds, Now: now},
		Forecasts:        fc,
		Targets:          ts,
		Boards:           &boards.Service{Store: NewBoards(db), Periods: fc, Targets: ts},
		History:          &history.Service{Store: NewSnapshots(db), Forecasts: fc, Inputs: fc.Store, Targets: ts, Now: now},
		Changes:          &changes.Service{Store: NewChanges(db), Periods: fc, Targets: ts},
		DealHistory:      &dealhistory.Service{Store: NewDealHistory(db)},
		Calibration:      &calibration.Service{Store: NewCalibration(db)},
		ConfidenceModels: &calibration.ModelService{Store: NewConfidenceModels(db), Forecasts: fc, Now: now},
	}
}
