// Package changes answers "what changed since" on the executives' board (docs/what-changed.md):
// for a scope and a period, every deal that moved between a day's snapshot and now —
// new, won, lost, pushed out of the period, pulled in, confidence up or down, moved to
// another team — with its effect on the probability of target: P(now) − P(with that deal
// as it was, all else as now).
package changes

import (
	"context"
	"time"

	"summit/domain"
	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/targets"
)

// Filter is the deals a report reads: of these teams (nil: every team) and readable now
// under Visible (nil: all), for Period; Day is the snapshot's day.
type Filter struct {
	Visible *deals.Visibility
	TeamIDs []string
	Period  deals.Period
	Day     time.Time
	// Until, when set, bounds Won to close dates on or before it (a past "to").
	Until *time.Time
}

// Deal is one deal as stored now or in a snapshot, in its own currency.
type Deal struct {
	ID, Name, CustomerName string
	// Status is the deal's status now.
	Status            string
	TeamID            string
	AmountMinor       int64
	Currency          string
	TargetClose       time.Time
	Confidence        *float64 // for the period; nil: none stored
	ManualProbability *float64
	ForecastCategory  string
	// Since: a won deal closed on or after the snapshot's day (its close date as the board
	// takes it); one not in the snapshot that closed before it was won then already.
	Since bool
}

// Store reads what a report needs, each in one query whatever the number of deals.
type Store interface {
	domain.Transactor
	// Snapshot makes the transaction in ctx read one snapshot (repeatable read).
	Snapshot(ctx context.Context) error
	// SnapshotDay is the latest day with a snapshot on or before day; nil: none.
	SnapshotDay(ctx context.Context, day time.Time) (*time.Time, error)
	// Open lists the open deals of f's scope now, with their stored confidence.
	Open(ctx context.Context, f Filter) ([]Deal, error)
	// Won lists the deals won with a close date in the period, on or before f.Until when
	// set (Since set for those closed on or after f.Day).
	Won(ctx context.Context, f Filter) ([]Deal, error)
	// Then lists the deal snapshots of f.Day whose team (then) is in the scope, of deals
	// f.Visible may read now, with the deal's name, customer and status now.
	Then(ctx context.Context, f Filter) ([]Deal, error)
}

// Service builds "what changed" reports.
type Service struct {
	Store   Store
	Periods boards.Periods
	Targets boards.Targets
	// Cache, when set, keeps built reports for a short while (nil: every report is built
	// afresh).
	Cache *Cache
}

// Query is one report request; From nil: last Monday; To nil: now (the deals as they
// are, with their stored figures), else that day's snapshot.
type Query struct {
	Visible  *deals.Visibility
	TeamID   *string
	Period   deals.Period
	Basis    string
	From, To *time.Time
}

// DealChange is one deal's move: as it was and as it is (nil where it was not, or is no
// longer, in the scope's figures), in the reporting currency, on the basis.
type DealChange struct {
	ID, Name, CustomerName string
	Category               string
	Then, Now              *Side
	Effect                 *float64
	ExpectedEffect         int64
}

// Total is one category's moves added up.
type Total struct {
	Category       string
	Deals          int
	Effect         *float64
	ExpectedEffect int64
}

// Report is what changed in a scope's period since a snapshot's day.
type Report struct {
	Period   deals.Period
	TeamID   *string
	TeamName string
	Currency string
	Basis    string
	AsOf     time.Time
	From     time.Time
	// FromDay is the snapshot read: the latest on or before From; nil when there is none
	// (the report is then empty).
	FromDay *time.Time
	// To is the day asked for (nil: now) and ToDay the snapshot read for it (the latest on
	// or before To; nil: none, the report is then empty).
	To, ToDay                        *time.Time
	TargetMinor                      *int64
	ProbabilityStart, ProbabilityNow *float64
	ExpectedStart, ExpectedNow       int64
	// Interaction is what the deals' effects, each taken alone, leave unexplained of
	// ProbabilityNow − ProbabilityStart (moves are not additive).
	Interaction *float64
	Totals      []Total
	Changes     []DealChange
}

// LastMonday is the Monday before today (a week ago on a Monday).
func LastMonday(today time.Time) time.Time {
	back := (int(today.Weekday()) + 6) % 7
	if back == 0 {
		back = 7
	}
	return today.AddDate(0, 0, -back)
}

// Report builds what changed for q in one read transaction. A period whose confidence is
// not kept is invalid on period, an unknown team on team_id, a From not before today or
// not before To on from, a To after today on to. Through the Cache the report answered may
// be shared with other callers: it must not be changed.
func (s *Service) Report(ctx context.Context, q Query) (Report, error) {
	today := s.Periods.Today()
	from := LastMonday(today)
	if q.From != nil {
		from = *q.From
	}
	if !from.Before(today) {
		return Report{}, domain.Invalid("from", "before_today", "")
	}
	to := q.To
	if to != nil && to.After(today) {
		return Report{}, domain.Invalid("to", "not_in_future", "")
	}
	if to != nil && !to.Before(today) {
		to = nil // today is now
	}
	if to != nil && !from.Before(*to) {
		return Report{}, domain.Invalid("from", "before_to", "")
	}
	build := func(ctx context.Context) (Report, error) { return s.fresh(ctx, q, today, from, to) }
	if s.Cache == nil {
		return build(ctx)
	}
	return s.Cache.Get(ctx, cacheKey(q, today), build)
}

// fresh builds the report in one read transaction.
func (s *Service) fresh(ctx context.Context, q Query, today, from time.Time, to *time.Time) (Report, error) {
	var rep Report
	err := s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.Store.Snapshot(ctx); err != nil {
			return err
		}
		var err error
		rep, err = s.build(ctx, q, today, from, to)
		return err
	})
	return rep, err
}

func (s *Service) build(ctx context.Context, q Query, today, from time.Time, to *time.Time) (Report, error) {
	kept, err := s.Periods.InWindow(ctx, q.Period.Name)
	if err != nil {
		return Report{}, err
	}
	if !kept {
		return Report{}, domain.Invalid("period", "confidence_window", "")
	}
	tree, err := s.Targets.TargetTree(ctx, q.Period.Name)
	if err != nil {
		return Report{}, err
	}
	scope, teams := scopeOf(tree, q.TeamID)
	if scope == nil {
		return Report{}, domain.Invalid("team_id", "exists", "")
	}
	conv, err := s.Targets.Converter(ctx, q.Period.Name)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Period: q.Period, TeamID: q.TeamID, TeamName: scope.Name, Currency: conv.Reporting(), Basis: q.Basis,
		AsOf: today, From: from, To: to, TargetMinor: scope.TargetMinor, Changes: []DealChange{}}
	for _, c := range Categories {
		t := Total{Category: c}
		if rep.TargetMinor != nil {
			t.Effect = new(float64)
		}
		rep.Totals = append(rep.Totals, t)
	}
	day, err := s.Store.SnapshotDay(ctx, from)
	if err != nil || day == nil {
		return rep, err
	}
	rep.FromDay = day
	f := Filter{Visible: q.Visible, TeamIDs: teams, Period: q.Period, Day: *day}
	var open []Deal
	if to == nil {
		if open, err = s.Store.Open(ctx, f); err != nil {
			return Report{}, err
		}
	} else {
		toDay, err := s.Store.SnapshotDay(ctx, *to)
		if err != nil || toDay == nil || !toDay.After(*day) {
			return rep, err
		}
		rep.ToDay = toDay
		if open, err = s.Store.Then(ctx, Filter{Visible: q.Visible, TeamIDs: teams, Period: q.Period, Day: *toDay}); err != nil {
			return Report{}, err
		}
		f.Until = to
	}
	won, err := s.Store.Won(ctx, f)
	if err != nil {
		return Report{}, err
	}
	then, err := s.Store.Then(ctx, f)
	if err != nil {
		return Report{}, err
	}

	side := func(d Deal, isWon bool) (*Side, error) {
		a, err := conv.Convert(d.AmountMinor, d.Currency, q.Period.Name)
		if err != nil {
			return nil, err
		}
		if isWon {
			return &Side{Amount: a, P: 1, Close: d.TargetClose, Won: true}, nil
		}
		model := 0.0
		if d.Confidence != nil {
			model = *d.Confidence
		}
		return &Side{Amount: a, P: boards.Probability(q.Basis, model, d.ManualProbability, d.ForecastCategory),
			Close: d.TargetClose}, nil
	}
	in := Input{PeriodTo: q.Period.To, Target: scope.TargetMinor}
	var about []Deal // each item's deal, for its name
	index := map[string]int{}
	add := func(d Deal) int {
		if i, ok := index[d.ID]; ok {
			return i
		}
		index[d.ID] = len(in.Items)
		in.Items = append(in.Items, Item{Status: d.Status})
		about = append(about, d)
		return len(in.Items) - 1
	}
	for _, d := range then {
		sd, err := side(d, false)
		if err != nil {
			return Report{}, err
		}
		in.Items[add(d)].Then = sd
	}
	for _, d := range open {
		sd, err := side(d, false)
		if err != nil {
			return Report{}, err
		}
		in.Items[add(d)].Now = sd
	}
	isOpen := make(map[string]bool, len(open))
	for _, d := range open {
		isOpen[d.ID] = true
	}
	for _, d := range won {
		if isOpen[d.ID] {
			continue // open on the day asked for (a past "to"): won after it
		}
		sd, err := side(d, true)
		if err != nil {
			return Report{}, err
		}
		if _, wasOpen := index[d.ID]; !wasOpen && !d.Since {
			in.Won += sd.Amount // won before the snapshot: the same then and now
			continue
		}
		in.Items[add(d)].Now = sd
	}

	res := Compute(in)
	rep.ProbabilityNow, rep.ProbabilityStart = res.ProbabilityNow, res.ProbabilityStart
	rep.ExpectedNow, rep.ExpectedStart = res.ExpectedNow, res.ExpectedStart
	totals := map[string]*Total{}
	for i := range rep.Totals {
		totals[rep.Totals[i].Category] = &rep.Totals[i]
	}
	explained := 0.0
	for _, c := range res.Changes {
		d, it := about[c.Item], in.Items[c.Item]
		rep.Changes = append(rep.Changes, DealChange{ID: d.ID, Name: d.Name, CustomerName: d.CustomerName, Category: c.Category,
			Then: it.Then, Now: it.Now, Effect: c.Effect, ExpectedEffect: c.ExpectedEffect})
		t := totals[c.Category]
		t.Deals++
		t.ExpectedEffect += c.ExpectedEffect
		if c.Effect != nil {
			*t.Effect += *c.Effect
			explained += *c.Effect
		}
	}
	if rep.ProbabilityNow != nil {
		rest := *rep.ProbabilityNow - *rep.ProbabilityStart - explained
		rep.Interaction = &rest
	}
	return rep, nil
}

// scopeOf finds the scope's node in the target tree and its teams: the team with every
// team below it, or nil (every team) for the company.
func scopeOf(tree []targets.TreeNode, teamID *string) (*targets.TreeNode, []string) {
	children := map[string][]string{}
	var scope *targets.TreeNode
	for i, n := range tree {
		if n.TeamID != nil {
			parent := ""
			if n.ParentID != nil {
				parent = *n.ParentID
			}
			children[parent] = append(children[parent], *n.TeamID)
		}
		if (teamID == nil && n.TeamID == nil) || (teamID != nil && n.TeamID != nil && *n.TeamID == *teamID) {
			scope = &tree[i]
		}
	}
	if scope == nil || teamID == nil {
		return scope, nil
	}
	teams := []string{*teamID}
	var walk func(id string)
	walk = func(id string) {
		for _, c := range children[id] {
			teams = append(teams, c)
			walk(c)
		}
	}
	walk(*teamID)
	return scope, teams
}
