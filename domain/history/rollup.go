package history

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sync"
	"time"

	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/rollup"
	"summit/domain/targets"
)

// Bases are the two bases every scope is rolled up on.
var Bases = []string{boards.BasisModel, boards.BasisJudgement}

// RollUp computes and stores the day's scope snapshots FROM the day's stored deal
// snapshots: the company and every team (with its sub-teams), for each period the day
// lies in (its quarter and its month: the trend reads no other), on both bases, each as the board rolls it up (domain/rollup over the open
// deals' probabilities, plus the revenue won in the period, against the period's target,
// in the reporting currency). It replaces what the day had, so it may run again
// (idempotent); the day's forecast_snapshots row must exist. It runs in the transaction in
// ctx or one of its own. A period missing an FX rate a deal needs is left out.
//
// For a day before today the revenue won counts the deals whose close date is in the
// period and not after that day; for today, as the board counts it.
func (s *Service) RollUp(ctx context.Context, day time.Time) error {
	_, err := s.rollUp(ctx, deals.Day(day))
	return err
}

func (s *Service) rollUp(ctx context.Context, day time.Time) (int, error) {
	n := 0
	err := s.Store.Tx(ctx, func(ctx context.Context) error {
		fy, err := s.Forecasts.FiscalYear.FiscalYearStartMonth(ctx)
		if err != nil {
			return err
		}
		if fy < 1 || fy > 12 {
			fy = 1
		}
		// Only the periods the day lies in (its quarter and its month): the trend of a
		// period reads the days of that period, so a roll-up of any other period of the
		// window would never be read.
		window := periodsOf(day, forecasts.Window(day, fy))
		if len(window) == 0 {
			return s.Store.ReplaceScopes(ctx, day, nil)
		}
		ds, err := s.Store.DealsOf(ctx, day)
		if err != nil {
			return err
		}
		from, to := window[0].From, window[0].To
		for _, p := range window {
			from, to = minTime(from, p.From), maxTime(to, p.To)
		}
		until := day
		if !day.Before(s.today()) {
			until = to // today: every won deal of the period, as the board counts them
		}
		won, err := s.Store.WonDeals(ctx, day, from, to, until)
		if err != nil {
			return err
		}
		// The targets and rates come from the store, one period after the other on the
		// transaction's connection; the roll-ups, plain CPU, on every core at once.
		trees := make([][]targets.TreeNode, len(window))
		convs := make([]*targets.Converter, len(window))
		for i, per := range window {
			if trees[i], err = s.Targets.TargetTree(ctx, per.Name); err != nil {
				return err
			}
			if convs[i], err = s.Targets.Converter(ctx, per.Name); err != nil {
				return err
			}
		}
		rows := make([][]ScopeSnapshot, len(window))
		errs := make([]error, len(window))
		var wg sync.WaitGroup
		next := make(chan int)
		for range min(runtime.GOMAXPROCS(0), len(window)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					rows[i], errs[i] = Scopes(day, window[i], trees[i], convs[i], ds, wonIn(won, window[i]))
				}
			}()
		}
		for i := range window {
			next <- i
		}
		close(next)
		wg.Wait()
		var out []ScopeSnapshot
		for i := range window {
			var missing *targets.MissingRateError
			if errors.As(errs[i], &missing) {
				continue
			}
			if errs[i] != nil {
				return errs[i]
			}
			out = append(out, rows[i]...)
		}
		n = len(out)
		return s.Store.ReplaceScopes(ctx, day, out)
	})
	return n, err
}

// periodsOf are the periods of window that day lies in.
func periodsOf(day time.Time, window []deals.Period) []deals.Period {
	var out []deals.Period
	for _, p := range window {
		if !day.Before(p.From) && day.Before(p.To) {
			out = append(out, p)
		}
	}
	return out
}

func wonIn(won []WonDeal, per deals.Period) []WonDeal {
	var out []WonDeal
	for _, w := range won {
		if !w.ClosedOn.Before(per.From) && w.ClosedOn.Before(per.To) {
			out = append(out, w)
		}
	}
	return out
}

// Scopes rolls up one period of one day: the company, then every team of tree with its
// sub-teams, each on both bases. Amounts convert with conv at the period's rate (a
// missing rate is conv's *targets.MissingRateError).
func Scopes(day time.Time, per deals.Period, tree []targets.TreeNode, conv *targets.Converter, ds []DealSnapshot, won []WonDeal) ([]ScopeSnapshot, error) {
	amounts := make([]int64, len(ds))
	for i, d := range ds {
		a, err := conv.Convert(d.AmountMinor, d.Currency, per.Name)
		if err != nil {
			return nil, err
		}
		amounts[i] = a
	}
	wonAmounts := make([]int64, len(won))
	for i, w := range won {
		a, err := conv.Convert(w.AmountMinor, w.Currency, per.Name)
		if err != nil {
			return nil, err
		}
		wonAmounts[i] = a
	}
	// Each team's sub-tree: the team and its descendants.
	children := map[string][]string{}
	for _, n := range tree {
		if n.TeamID != nil && n.ParentID != nil {
			children[*n.ParentID] = append(children[*n.ParentID], *n.TeamID)
		}
	}
	under := func(id string) map[string]bool {
		set := map[string]bool{}
		var walk func(string)
		walk = func(t string) {
			set[t] = true
			for _, c := range children[t] {
				walk(c)
			}
		}
		walk(id)
		return set
	}

	type rolled struct {
		deals    int
		won      int64
		expected int64
		p        [3]int64
		atLeast  func(float64) float64
	}
	var out []ScopeSnapshot
	prev := map[string]rolled{} // the company's roll-up per basis, reused by a team holding all of it
	for _, n := range tree {
		var set map[string]bool
		if n.TeamID != nil {
			set = under(*n.TeamID)
		}
		var wonSum int64
		for i, w := range won {
			if set == nil || set[w.TeamID] {
				wonSum += wonAmounts[i]
			}
		}
		var idx []int
		for i, d := range ds {
			if set == nil || set[d.TeamID] {
				idx = append(idx, i)
			}
		}
		for _, basis := range Bases {
			r, ok := prev[basis]
			if !ok || r.deals != len(idx) || r.won != wonSum {
				in := rollup.Input{Won: float64(wonSum), TotalsOnly: true}
				for _, i := range idx {
					d := ds[i]
					p := boards.Probability(basis, d.Confidence(per.Name), d.ManualProbability, d.ForecastCategory)
					if p > 0 && amounts[i] != 0 { // adds nothing to the distribution
						in.Deals = append(in.Deals, rollup.Deal{Amount: float64(amounts[i]), P: p})
					}
				}
				res := rollup.Compute(in)
				r = rolled{deals: len(idx), won: wonSum, expected: round(res.Expected),
					p: [3]int64{round(res.P10), round(res.P50), round(res.P90)}, atLeast: res.AtLeast}
			}
			if n.TeamID == nil {
				prev[basis] = r
			}
			row := ScopeSnapshot{Day: day, TeamID: n.TeamID, Period: per.Name, Basis: basis, Currency: conv.Reporting(),
				TargetMinor: n.TargetMinor, WonMinor: wonSum, ExpectedMinor: r.expected,
				P10Minor: r.p[0], P50Minor: r.p[1], P90Minor: r.p[2], OpenDeals: len(idx)}
			if n.TargetMinor != nil {
				p := min(max(r.atLeast(float64(*n.TargetMinor)), 0), 1)
				row.ProbabilityOfTarget = &p
			}
			out = append(out, row)
		}
	}
	return out, nil
}

func round(x float64) int64 { return int64(math.Round(x)) }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
