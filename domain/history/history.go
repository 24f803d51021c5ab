// Package history keeps the forecast's history (docs/forecast-history.md): once a day a
// snapshot of every open deal's confidence with its factors (deal_snapshots) and of each
// scope's roll-up for every period of the window on both bases (scope_snapshots), rolled
// up FROM that day's deal snapshots; a retention rule that keeps it bounded; and the trend
// the board draws from it.
package history

import (
	"context"
	"time"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
)

// CatchUpDays bounds how many missed days a start catches up on (the newest ones).
const CatchUpDays = 7

// DailyDays is how many days back every day's snapshot is kept; older ones are kept on
// Mondays only (Keep).
const DailyDays = 120

// DealSnapshot is one open deal as the engine saw it on the snapshot's day.
type DealSnapshot struct {
	DealID            string
	TeamID            string
	AmountMinor       int64
	Currency          string
	TargetClose       time.Time
	ForecastCategory  string
	ManualProbability *float64
	Result            confidence.Result // Base, PWin, ExpectedClose, CloseP80, Factors
	// Periods are the window's periods: name → (p_in_period, confidence).
	Periods map[string][2]float64
}

// Confidence is the deal's stored confidence for the period (0 when none).
func (d DealSnapshot) Confidence(period string) float64 { return d.Periods[period][1] }

// OpenDeal is what the store knows of an open deal beside the engine's input.
type OpenDeal struct {
	ID                string
	TeamID            string
	AmountMinor       int64
	Currency          string
	TargetClose       time.Time
	ForecastCategory  string
	ManualProbability *float64
}

// WonDeal is a deal won, with the close date the board takes (repository closeDate).
type WonDeal struct {
	ID          string
	TeamID      string
	AmountMinor int64
	Currency    string
	ClosedOn    time.Time
}

// ScopeSnapshot is one scope's roll-up on one day for one period and basis.
type ScopeSnapshot struct {
	Day                          time.Time
	TeamID                       *string // nil: the company
	Period                       string
	Basis                        string
	Currency                     string
	TargetMinor                  *int64
	WonMinor                     int64
	ExpectedMinor                int64
	P10Minor, P50Minor, P90Minor int64
	ProbabilityOfTarget          *float64
	OpenDeals                    int
}

// Store keeps the snapshots.
type Store interface {
	domain.Transactor
	// BeginDay inserts the day's forecast_snapshots row (the once-a-day key) in the
	// transaction in ctx; false when the day has one already (taken, or being taken by a
	// transaction that then commits).
	BeginDay(ctx context.Context, day time.Time) (bool, error)
	// CopyStoredFigures stores as the day's deal snapshots every open deal's stored
	// figures computed as of day (deal_confidence, deal_forecasts) in one statement, and
	// returns how many.
	CopyStoredFigures(ctx context.Context, day time.Time) (int, error)
	// OpenDealPage lists up to limit open deals by id after afterID.
	OpenDealPage(ctx context.Context, afterID string, limit int) ([]OpenDeal, error)
	// SaveDeals stores deal snapshots of the day.
	SaveDeals(ctx context.Context, day time.Time, ds []DealSnapshot) error
	// SetOpenDeals records how many deals the day's snapshot holds.
	SetOpenDeals(ctx context.Context, day time.Time, n int) error
	// DealsOf reads the day's deal snapshots (without factors).
	DealsOf(ctx context.Context, day time.Time) ([]DealSnapshot, error)
	// WonDeals lists the deals won with a close date in [from, to) and not after until,
	// that the day's snapshot does not hold as open.
	WonDeals(ctx context.Context, day, from, to, until time.Time) ([]WonDeal, error)
	// ReplaceScopes replaces the day's scope snapshots with ss.
	ReplaceScopes(ctx context.Context, day time.Time, ss []ScopeSnapshot) error
	// LastDay is the newest snapshot's day (ok false: none yet).
	LastDay(ctx context.Context) (day time.Time, ok bool, err error)
	// Prune deletes the real (not simulated) snapshots Keep(day, today) lets go, with
	// their deal and scope rows, and returns how many days it deleted.
	Prune(ctx context.Context, today time.Time, dailyDays int) (int, error)
	// Trend reads the scope's snapshots for period and basis on days in [from, to], the
	// newest of each ISO week, oldest week first.
	Trend(ctx context.Context, teamID *string, period, basis string, from, to time.Time) ([]ScopeSnapshot, error)
}

// Targets gives the target tree and the FX converter of a period (targets.Service).
type Targets interface {
	TargetTree(ctx context.Context, period string) ([]targets.TreeNode, error)
	Converter(ctx context.Context, period string) (*targets.Converter, error)
}

// Service takes, rolls up, prunes and reads the snapshots.
type Service struct {
	Store Store
	// Forecasts brings the stored figures up to date before today's snapshot copies
	// them, and computes the engine for a past day.
	Forecasts *forecasts.Service
	Inputs    InputReader
	Targets   Targets
	Now       func() time.Time
}

// InputReader loads deals' engine inputs (forecasts.Store).
type InputReader interface {
	Inputs(ctx context.Context, dealIDs []string) (forecasts.Inputs, error)
}

// Taken is what one snapshot did.
type Taken struct {
	Day        time.Time
	Deals      int  // deal snapshots stored
	Scopes     int  // scope snapshots stored
	Already    bool // the day had a snapshot: nothing was done
	Recomputed bool // a past day: the engine was run as of that day over today's data
}

func (s *Service) today() time.Time { return deals.Day(s.Now()) }

// Take stores the snapshot of day once: for today, every open deal's stored figures
// (brought up to date first: forecasts.RefreshDue); for a past day, the engine run as of
// that day over today's data (plans, people and amounts as they are now). Then the
// scopes' roll-ups (RollUp), all in one transaction that first claims the day's
// forecast_snapshots row: a day already taken is left as it is (Already). A future day is
// invalid on date.
func (s *Service) Take(ctx context.Context, day time.Time) (Taken, error) {
	day, today := deals.Day(day), s.today()
	t := Taken{Day: day, Recomputed: day.Before(today)}
	if day.After(today) {
		return t, domain.Invalid("date", "lte", today.Format(deals.DateLayout))
	}
	if !t.Recomputed {
		if _, err := s.Forecasts.RefreshDue(ctx, today); err != nil {
			return t, err
		}
	}
	err := s.Store.Tx(ctx, func(ctx context.Context) error {
		fresh, err := s.Store.BeginDay(ctx, day)
		if err != nil || !fresh {
			t.Already = !fresh
			return err
		}
		if t.Recomputed {
			t.Deals, err = s.computeAsOf(ctx, day)
		} else {
			t.Deals, err = s.Store.CopyStoredFigures(ctx, day)
		}
		if err != nil {
			return err
		}
		if err := s.Store.SetOpenDeals(ctx, day, t.Deals); err != nil {
			return err
		}
		t.Scopes, err = s.rollUp(ctx, day)
		return err
	})
	if err != nil {
		return Taken{Day: day}, err
	}
	return t, nil
}

// computeAsOf runs the engine as of day on every open deal, forecasts.BatchSize at a
// time, and stores the deal snapshots; it returns how many.
func (s *Service) computeAsOf(ctx context.Context, day time.Time) (int, error) {
	fy, err := s.Forecasts.FiscalYear.FiscalYearStartMonth(ctx)
	if err != nil {
		return 0, err
	}
	window := forecasts.Window(day, fy)
	n, after := 0, ""
	for {
		page, err := s.Store.OpenDealPage(ctx, after, forecasts.BatchSize)
		if err != nil || len(page) == 0 {
			return n, err
		}
		ids := make([]string, len(page))
		byID := make(map[string]OpenDeal, len(page))
		for i, d := range page {
			ids[i], byID[d.ID] = d.ID, d
		}
		ins, err := s.Inputs.Inputs(ctx, ids)
		if err != nil {
			return n, err
		}
		snaps := make([]DealSnapshot, 0, len(ins.Deals))
		for _, in := range ins.Deals {
			snaps = append(snaps, snapshotOf(byID[in.DealID], forecasts.Compute(in, window, day)))
		}
		if err := s.Store.SaveDeals(ctx, day, snaps); err != nil {
			return n, err
		}
		n += len(snaps)
		after = page[len(page)-1].ID
	}
}

// snapshotOf is a deal's snapshot from its figures.
func snapshotOf(d OpenDeal, f forecasts.Figures) DealSnapshot {
	s := DealSnapshot{DealID: d.ID, TeamID: d.TeamID, AmountMinor: d.AmountMinor, Currency: d.Currency, TargetClose: d.TargetClose,
		ForecastCategory: d.ForecastCategory, ManualProbability: d.ManualProbability, Result: f.Result,
		Periods: make(map[string][2]float64, len(f.Periods))}
	for _, p := range f.Periods {
		s.Periods[p.Period.Name] = [2]float64{p.PInPeriod, p.Confidence}
	}
	return s
}

// CatchUp is the daily job's work (run it under the job's lock, after the stored figures
// are brought up to date): the days missed since the last snapshot — at most CatchUpDays,
// the newest — and today, each taken once (Take), then the retention rule applied
// (Prune). It returns the days it took.
func (s *Service) CatchUp(ctx context.Context) ([]Taken, error) {
	today := s.today()
	last, ok, err := s.Store.LastDay(ctx)
	if err != nil {
		return nil, err
	}
	var out []Taken
	for _, day := range DaysToTake(last, ok, today, CatchUpDays) {
		t, err := s.Take(ctx, day)
		if err != nil {
			return out, err
		}
		if !t.Already {
			out = append(out, t)
		}
	}
	_, err = s.Prune(ctx)
	return out, err
}

// Prune applies the retention rule (Keep) to the real snapshots.
func (s *Service) Prune(ctx context.Context) (int, error) {
	return s.Store.Prune(ctx, s.today(), DailyDays)
}

// DaysToTake lists the days a start takes, oldest first: the days after last (the newest
// snapshot's day; hasLast false: none) up to today, at most limit of them (the newest).
func DaysToTake(last time.Time, hasLast bool, today time.Time, limit int) []time.Time {
	today = deals.Day(today)
	from := today.AddDate(0, 0, -(limit - 1))
	if hasLast && deals.Day(last).AddDate(0, 0, 1).After(from) {
		from = deals.Day(last).AddDate(0, 0, 1)
	}
	if !hasLast {
		from = today // nothing to catch up on before the first snapshot
	}
	var out []time.Time
	for d := from; !d.After(today); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// Keep says whether a real snapshot of day is kept on today: every day of the last
// dailyDays days, and Mondays before that.
func Keep(day, today time.Time, dailyDays int) bool {
	return !deals.Day(day).Before(deals.Day(today).AddDate(0, 0, -dailyDays)) || day.Weekday() == time.Monday
}
