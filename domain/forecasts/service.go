// Package forecasts keeps each deal's confidence figures (domain/confidence) stored for
// a window of periods around today, so that deal lists can sort and filter by them in
// SQL: recomputed in the transaction of every change that affects them (Refresh,
// RefreshTemplate) and once a day for what time alone changes (RefreshDue).
package forecasts

import (
	"context"
	"fmt"
	"time"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/deals"
)

// DealInput is what the store knows of one deal for the engine: its input (without
// Period and AsOf), its template's parameter overrides and the PMO's judgement.
type DealInput struct {
	DealID            string
	Input             confidence.Input
	Overrides         map[string]float64
	ForecastCategory  string
	ManualProbability *float64
}

// Figures are one deal's stored figures as of one day.
type Figures struct {
	DealID  string
	AsOf    time.Time
	Result  confidence.Result // Base, PWin, ExpectedClose, CloseP80, Factors (period-independent)
	Periods []PeriodFigures
}

// PeriodFigures are the period-dependent figures of one period of the window.
type PeriodFigures struct {
	Period     deals.Period
	PInPeriod  float64
	Confidence float64
}

// Store reads the engine's input and keeps the figures.
type Store interface {
	domain.Transactor
	// LockDeals holds the deals' rows (FOR NO KEY UPDATE, in id order) until the
	// transaction in ctx ends, so that a refresh reads what the change before it
	// committed and no older computation overwrites a newer one. Unknown ids are skipped.
	LockDeals(ctx context.Context, dealIDs []string) error
	// Inputs loads the deals' engine inputs in a fixed number of queries; unknown ids
	// are left out.
	Inputs(ctx context.Context, dealIDs []string) (Inputs, error)
	// SaveFigures replaces each deal's stored figures.
	SaveFigures(ctx context.Context, figs []Figures) error
	// DueDeals lists up to limit deals (by id) without figures as of today.
	DueDeals(ctx context.Context, today time.Time, limit int) ([]string, error)
	// DealPage lists up to limit deals by id after afterID: those laid out from the
	// template, or every deal when templateID is "".
	DealPage(ctx context.Context, templateID, afterID string, limit int) ([]string, error)
}

// Inputs are deals' engine inputs and, when the store read it in the same statement (it
// does for one deal: a change recomputing its figures), the fiscal year start month held
// FOR SHARE as FiscalYear would read it; 0 when not read with them.
type Inputs struct {
	Deals                []DealInput
	FiscalYearStartMonth int
}

// BatchSize bounds how many deals one query batch (and one transaction of RefreshDue) reads.
const BatchSize = 200

// Service computes and stores deals' figures.
type Service struct {
	Store Store
	Now   func() time.Time
	// FiscalYear is the month the fiscal year starts in (the settings), which names the
	// window's quarters.
	FiscalYear FiscalYear
}

// FiscalYear tells the month the fiscal year starts in (1 = January).
type FiscalYear interface {
	FiscalYearStartMonth(ctx context.Context) (int, error)
}

func (s *Service) today() time.Time { return deals.Day(s.Now()) }

func (s *Service) fyStart(ctx context.Context) (int, error) {
	m, err := s.FiscalYear.FiscalYearStartMonth(ctx)
	if err != nil {
		return 0, err
	}
	if m < 1 || m > 12 {
		return 1, nil
	}
	return m, nil
}

// Params are the engine parameters for a template's overrides. Overrides that no longer
// pass (say, a stored value out of a range tightened since) do not stop a change from
// being saved: the deal is computed with the defaults instead.
func Params(overrides map[string]float64) confidence.Params {
	p, err := confidence.DefaultParams().WithOverrides(overrides)
	if err != nil {
		return confidence.DefaultParams()
	}
	return p
}

// Refresh recomputes and stores the figures of the deals as of today, in the transaction
// in ctx (or one of its own). Deals that no longer exist are skipped.
func (s *Service) Refresh(ctx context.Context, dealIDs ...string) error {
	return s.refresh(ctx, dealIDs, true)
}

// RefreshLocked is Refresh for deals whose rows the transaction in ctx has locked already
// (a plan change holds its deal): the lock is not taken again.
func (s *Service) RefreshLocked(ctx context.Context, dealIDs ...string) error {
	return s.refresh(ctx, dealIDs, false)
}

func (s *Service) refresh(ctx context.Context, dealIDs []string, lock bool) error {
	if len(dealIDs) == 0 {
		return nil
	}
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		for start := 0; start < len(dealIDs); start += BatchSize {
			if err := s.refreshBatch(ctx, dealIDs[start:min(start+BatchSize, len(dealIDs))], s.today(), lock); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *Service) refreshBatch(ctx context.Context, ids []string, today time.Time, lock bool) error {
	if lock {
		if err := s.Store.LockDeals(ctx, ids); err != nil {
			return err
		}
	}
	inputs, err := s.Store.Inputs(ctx, ids)
	if err != nil {
		return err
	}
	fy := inputs.FiscalYearStartMonth
	if fy < 1 || fy > 12 {
		if fy, err = s.fyStart(ctx); err != nil {
			return err
		}
	}
	window := Window(today, fy)
	figs := make([]Figures, 0, len(inputs.Deals))
	for _, in := range inputs.Deals {
		figs = append(figs, Compute(in, window, today))
	}
	return s.Store.SaveFigures(ctx, figs)
}

// Lock holds the deals' rows until the transaction in ctx ends (Store.LockDeals): a
// change that will call Refresh takes it before its own writes, so that its locks come in
// the same order as a plan change's (the deal first).
func (s *Service) Lock(ctx context.Context, dealIDs ...string) error {
	return s.Store.LockDeals(ctx, dealIDs)
}

// Compute runs the engine on one deal for each period of window as of asOf.
func Compute(in DealInput, window []deals.Period, asOf time.Time) Figures {
	p := Params(in.Overrides)
	f := Figures{DealID: in.DealID, AsOf: asOf, Periods: make([]PeriodFigures, 0, len(window))}
	for i, per := range window {
		ci := in.Input
		ci.AsOf, ci.Period = asOf, confidence.Period{From: per.From, To: per.To}
		r := confidence.Compute(ci, p)
		if i == 0 {
			f.Result = r
		}
		f.Periods = append(f.Periods, PeriodFigures{Period: per, PInPeriod: r.PInPeriod, Confidence: r.Confidence})
	}
	if len(window) == 0 {
		ci := in.Input
		ci.AsOf = asOf
		f.Result = confidence.Compute(ci, p)
	}
	return f
}

// RefreshTemplate recomputes every deal laid out from the template (after its
// parameters changed), in the transaction in ctx, in batches of BatchSize.
func (s *Service) RefreshTemplate(ctx context.Context, templateID string) error {
	return s.refreshPages(ctx, templateID)
}

// RefreshAll recomputes every deal, BatchSize at a time, in the transaction in ctx (or
// one of its own): a change of the fiscal year start month renames every quarter of the
// window, so the settings change calls it in its own transaction.
func (s *Service) RefreshAll(ctx context.Context) error { return s.refreshPages(ctx, "") }

func (s *Service) refreshPages(ctx context.Context, templateID string) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		after := ""
		for {
			ids, err := s.Store.DealPage(ctx, templateID, after, BatchSize)
			if err != nil || len(ids) == 0 {
				return err
			}
			if err := s.refreshBatch(ctx, ids, s.today(), true); err != nil {
				return err
			}
			after = ids[len(ids)-1]
		}
	})
}

// RefreshDue is the daily job's work: every deal without figures as of today gets
// them, BatchSize deals per transaction, until none is left. It returns how many deals
// it refreshed. Run it under a lock that lets one instance at a time do it
// (repository.RunDailyForecasts).
func (s *Service) RefreshDue(ctx context.Context, today time.Time) (int, error) {
	today = deals.Day(today)
	n := 0
	for {
		var batch int
		err := s.Store.Tx(ctx, func(ctx context.Context) error {
			ids, err := s.Store.DueDeals(ctx, today, BatchSize)
			if err != nil {
				return err
			}
			batch = len(ids)
			if batch == 0 {
				return nil
			}
			return s.refreshBatch(ctx, ids, today, true)
		})
		if err != nil {
			return n, err
		}
		if batch == 0 {
			return n, nil
		}
		n += batch
	}
}

// Confidence is a fresh engine run for one deal with the PMO's judgement beside it.
type Confidence struct {
	DealID            string
	Period            deals.Period
	AsOf              time.Time
	Result            confidence.Result
	ForecastCategory  string
	ManualProbability *float64
	GapPoints         *float64
	GapFlagged        bool
}

// Confidence computes the deal's figures for period as of asOf with its template's
// parameters; an unknown deal is domain.ErrNotFound.
func (s *Service) Confidence(ctx context.Context, dealID string, period deals.Period, asOf time.Time) (Confidence, error) {
	in, err := s.input(ctx, dealID)
	if err != nil {
		return Confidence{}, err
	}
	ci := in.Input
	ci.AsOf, ci.Period = deals.Day(asOf), confidence.Period{From: period.From, To: period.To}
	r := confidence.Compute(ci, Params(in.Overrides))
	gap, flagged := Gap(in.ManualProbability, r.Confidence)
	return Confidence{DealID: dealID, Period: period, AsOf: ci.AsOf, Result: r, ForecastCategory: in.ForecastCategory,
		ManualProbability: in.ManualProbability, GapPoints: gap, GapFlagged: flagged}, nil
}

// PlanChecks lists the legal minimum intervals the deal's plan breaks.
func (s *Service) PlanChecks(ctx context.Context, dealID string) ([]confidence.Check, error) {
	in, err := s.input(ctx, dealID)
	if err != nil {
		return nil, err
	}
	return confidence.PlanChecks(in.Input.Deal.TemplateKey, in.Input.Milestones), nil
}

// CurrentQuarter is the fiscal quarter of today.
func (s *Service) CurrentQuarter(ctx context.Context) (deals.Period, error) {
	fy, err := s.fyStart(ctx)
	return CurrentQuarter(s.today(), fy), err
}

// ParsePeriod reads a period name with the fiscal year of the settings.
func (s *Service) ParsePeriod(ctx context.Context, name string) (deals.Period, error) {
	fy, err := s.fyStart(ctx)
	if err != nil {
		return deals.Period{}, err
	}
	return deals.ParsePeriod(name, fy)
}

// Today is the service's day (UTC).
func (s *Service) Today() time.Time { return s.today() }

// InWindow says whether figures are kept for the period named name today.
func (s *Service) InWindow(ctx context.Context, name string) (bool, error) {
	fy, err := s.fyStart(ctx)
	return InWindow(name, s.today(), fy), err
}

func (s *Service) input(ctx context.Context, dealID string) (DealInput, error) {
	ins, err := s.Store.Inputs(ctx, []string{dealID})
	if err != nil {
		return DealInput{}, err
	}
	if len(ins.Deals) == 0 {
		return DealInput{}, fmt.Errorf("deal %s: %w", dealID, domain.ErrNotFound)
	}
	return ins.Deals[0], nil
}
