// Package boards builds the executives' board (docs/board.md): for a scope (a team with
// its sub-teams, or the company) and a period, over the deals the caller may read, the
// revenue won, the open deals' roll-up (domain/rollup), the child teams' rows, the focus
// list with its next gates and people, and the three quota levels.
package boards

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/rollup"
	"summit/domain/targets"
)

// Bases: whose probabilities roll up.
const (
	BasisModel     = "model"
	BasisJudgement = "judgement"
)

// FocusSize is how many deals the focus list names.
const FocusSize = 10

// FocusMinProbability is the least probability of a focus deal: a deal with less has next
// to no chance to close in the period, however much winning it would swing the target.
const FocusMinProbability = 0.05

// HeatmapWeeks is how far ahead gates_due looks, from the Monday of today's week.
const HeatmapWeeks = 13

// Judgement probabilities of the forecast categories (a manual probability wins; a
// pipeline deal keeps the model's confidence).
var categoryProbability = map[string]float64{"commit": 0.9, "best_case": 0.5, "omitted": 0}

// Filter is the deals a board reads: of these teams (nil: every team) and readable
// under Visible (nil: all), for Period.
type Filter struct {
	Visible *deals.Visibility
	TeamIDs []string
	Period  deals.Period
	// GatesFrom and GatesTo bound the gates_due window.
	GatesFrom, GatesTo time.Time
}

// OpenDeal is an open deal with its stored confidence for the period (nil: none stored).
type OpenDeal struct {
	ID                string
	Name              string
	CustomerName      string
	TeamID            string
	AmountMinor       int64
	Currency          string
	Confidence        *float64
	ManualProbability *float64
	ForecastCategory  string
}

// WonDeal is a deal won with a close date in the period.
type WonDeal struct {
	ID          string
	TeamID      string
	AmountMinor int64
	Currency    string
}

// Gate is an unfinished gate of an open deal, or its contract-signing milestone
// (Contract), with the committed baseline's due date.
type Gate struct {
	DealID      string
	MilestoneID string
	Name        string
	NameZh      string
	Due         time.Time
	BaselineDue *time.Time
	IsGate      bool
	Finished    bool
	Contract    bool
}

// SlipDays is the gate's slip against its baseline in calendar days; nil without one.
func (g Gate) SlipDays() *int {
	if g.BaselineDue == nil {
		return nil
	}
	d := deals.CalendarDaysBetween(*g.BaselineDue, g.Due)
	return &d
}

// Stakeholder is one person linked to a gate.
type Stakeholder struct {
	MilestoneID  string
	ID           string
	Name         string
	Title        string
	DecisionRole string
	Influence    int
	Stance       string
	OwnerID      *string
	OwnerName    *string
	NextStep     string
	NextStepDue  *time.Time
}

// Levels are the three quota levels (docs/board.md).
type Levels struct {
	StepsDone, StepsDue, Contacts int
	GatesDone, GatesPlanned       int
	WonMinor                      int64
	TargetMinor                   *int64
}

// Store reads what a board needs, each in a fixed number of queries whatever the number
// of deals.
type Store interface {
	domain.Transactor
	// Snapshot makes the transaction in ctx read one snapshot (repeatable read); call it
	// first.
	Snapshot(ctx context.Context) error
	OpenDeals(ctx context.Context, f Filter) ([]OpenDeal, error)
	WonDeals(ctx context.Context, f Filter) ([]WonDeal, error)
	// Gates are the open deals' unfinished gates and contract milestones in plan order.
	Gates(ctx context.Context, f Filter) ([]Gate, error)
	// Stakeholders linked to the milestones, most influential first.
	Stakeholders(ctx context.Context, milestoneIDs []string) ([]Stakeholder, error)
	// Levels counts the input and in-between levels (StepsDone, StepsDue, Contacts,
	// GatesDone, GatesPlanned) over every deal of f.
	Levels(ctx context.Context, f Filter) (Levels, error)
}

// Periods names, parses and checks periods with the settings' fiscal year
// (forecasts.Service).
type Periods interface {
	CurrentQuarter(ctx context.Context) (deals.Period, error)
	InWindow(ctx context.Context, name string) (bool, error)
	Today() time.Time
}

// Targets gives the target tree and the FX converter (targets.Service).
type Targets interface {
	TargetTree(ctx context.Context, period string) ([]targets.TreeNode, error)
	Converter(ctx context.Context, period string) (*targets.Converter, error)
}

// Service builds boards.
type Service struct {
	Store   Store
	Periods Periods
	Targets Targets
	// Cache, when set, keeps built boards for a short while (nil: every board is built
	// afresh).
	Cache *Cache
}

// Query is one board request.
type Query struct {
	Visible *deals.Visibility
	TeamID  *string // the scope; nil for the company
	Period  deals.Period
	Basis   string
}

// Deal is one open deal on the board.
type Deal struct {
	OpenDeal
	Amount       int64   // in the reporting currency
	Probability  float64 // on the board's basis
	Model        float64 // the model's confidence (0 when none is stored)
	NextGate     *Gate
	ContractSlip *int
	GatesDue     []Gate
	IfWon        *float64
	IfLost       *float64
	Swing        *float64
	expected     float64
}

// Focus is one deal of the focus list.
type Focus struct {
	Deal         *Deal
	Stakeholders []Stakeholder
}

// TeamRow is a child team rolled up on its own.
type TeamRow struct {
	TeamID              string
	Name                string
	TargetMinor         *int64
	WonMinor            int64
	ExpectedMinor       int64
	ProbabilityOfTarget *float64
	OpenDeals           int
}

// Distribution is revenue's mass in whole minor units.
type Distribution struct {
	StartMinor, UnitMinor int64
	Mass                  []float64
}

// Board is the whole board; Deals are every open deal, by swing (largest first) or,
// without a target, by expected amount.
type Board struct {
	Period                       deals.Period
	AsOf                         time.Time
	TeamID                       *string
	TeamName                     string
	Currency                     string
	Basis                        string
	TargetMinor                  *int64
	BottomUpMinor                *int64
	GapMinor                     *int64
	WonMinor                     int64
	ExpectedMinor                int64
	P10Minor, P50Minor, P90Minor int64
	ProbabilityOfTarget          *float64
	Method                       string
	Deals                        []Deal
	Focus                        []Focus
	Teams                        []TeamRow
	Levels                       Levels
	Distribution                 Distribution
	// Compare is the same scope rolled up on the other basis (judgement beside the
	// model, or the model beside the judgement): totals only.
	Compare BasisTotals
}

// BasisTotals are a roll-up's totals on one basis.
type BasisTotals struct {
	Basis                        string
	ExpectedMinor                int64
	P10Minor, P50Minor, P90Minor int64
	ProbabilityOfTarget          *float64
}

// Probability is what a deal rolls up with on basis: the model's confidence, or the
// judgement — the manual probability when set, else its forecast category's (commit
// 0.9, best case 0.5, omitted 0; pipeline keeps the model's).
func Probability(basis string, model float64, manual *float64, category string) float64 {
	if basis != BasisJudgement {
		return model
	}
	if manual != nil {
		return *manual
	}
	if p, ok := categoryProbability[category]; ok {
		return p
	}
	return model
}

// CurrentQuarter is the default period.
func (s *Service) CurrentQuarter(ctx context.Context) (deals.Period, error) {
	return s.Periods.CurrentQuarter(ctx)
}

// Board builds the board of q in one read transaction, or answers it from the Cache. A
// period whose confidence is not kept is invalid on period; an unknown team on team_id; a
// missing FX rate is a *targets.MissingRateError. The board answered may be shared with
// other callers: it must not be changed.
func (s *Service) Board(ctx context.Context, q Query) (Board, error) {
	if s.Cache == nil {
		return s.fresh(ctx, q)
	}
	return s.Cache.Get(ctx, CacheKey(q, s.Periods.Today()), func(ctx context.Context) (Board, error) { return s.fresh(ctx, q) })
}

// fresh builds the board of q in one read transaction.
func (s *Service) fresh(ctx context.Context, q Query) (Board, error) {
	var b Board
	err := s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.Store.Snapshot(ctx); err != nil {
			return err
		}
		var err error
		b, err = s.build(ctx, q)
		return err
	})
	return b, err
}

func (s *Service) build(ctx context.Context, q Query) (Board, error) {
	kept, err := s.Periods.InWindow(ctx, q.Period.Name)
	if err != nil {
		return Board{}, err
	}
	if !kept {
		return Board{}, domain.Invalid("period", "confidence_window", "")
	}
	today := s.Periods.Today()
	tree, err := s.Targets.TargetTree(ctx, q.Period.Name)
	if err != nil {
		return Board{}, err
	}
	conv, err := s.Targets.Converter(ctx, q.Period.Name)
	if err != nil {
		return Board{}, err
	}
	// The scope's node, its child teams, and every team's child of the scope above it.
	children := map[string][]string{}
	nodes := map[string]targets.TreeNode{}
	var scopeNode *targets.TreeNode
	for i, n := range tree {
		key := ""
		if n.TeamID != nil {
			key = *n.TeamID
			parent := ""
			if n.ParentID != nil {
				parent = *n.ParentID
			}
			children[parent] = append(children[parent], key)
		}
		nodes[key] = n
		if (q.TeamID == nil && n.TeamID == nil) || (q.TeamID != nil && n.TeamID != nil && *n.TeamID == *q.TeamID) {
			scopeNode = &tree[i]
		}
	}
	if scopeNode == nil {
		return Board{}, domain.Invalid("team_id", "exists", "")
	}
	scopeKey := ""
	if q.TeamID != nil {
		scopeKey = *q.TeamID
	}
	childOf := map[string]string{} // team → the scope's child team it lies under
	var scopeTeams []string
	var walk func(id, top string)
	walk = func(id, top string) {
		scopeTeams = append(scopeTeams, id)
		childOf[id] = top
		for _, c := range children[id] {
			walk(c, top)
		}
	}
	if q.TeamID != nil {
		scopeTeams = append(scopeTeams, scopeKey)
	}
	for _, c := range children[scopeKey] {
		walk(c, c)
	}
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	f := Filter{Visible: q.Visible, Period: q.Period, GatesFrom: monday, GatesTo: monday.AddDate(0, 0, 7*HeatmapWeeks)}
	if q.TeamID != nil {
		f.TeamIDs = scopeTeams
	}

	open, err := s.Store.OpenDeals(ctx, f)
	if err != nil {
		return Board{}, err
	}
	won, err := s.Store.WonDeals(ctx, f)
	if err != nil {
		return Board{}, err
	}
	gates, err := s.Store.Gates(ctx, f)
	if err != nil {
		return Board{}, err
	}
	levels, err := s.Store.Levels(ctx, f)
	if err != nil {
		return Board{}, err
	}

	b := Board{Period: q.Period, AsOf: today, TeamID: q.TeamID, TeamName: scopeNode.Name, Currency: conv.Reporting(),
		Basis: q.Basis, TargetMinor: scopeNode.TargetMinor, GapMinor: scopeNode.GapMinor}
	if scopeNode.ChildrenTargets > 0 {
		v := scopeNode.BottomUpMinor
		b.BottomUpMinor = &v
	}
	wonBy := map[string]int64{}
	for _, w := range won {
		a, err := conv.Convert(w.AmountMinor, w.Currency, q.Period.Name)
		if err != nil {
			return Board{}, err
		}
		b.WonMinor += a
		wonBy[childOf[w.TeamID]] += a
	}
	b.Deals = make([]Deal, len(open))
	for i, d := range open {
		a, err := conv.Convert(d.AmountMinor, d.Currency, q.Period.Name)
		if err != nil {
			return Board{}, err
		}
		model := 0.0
		if d.Confidence != nil {
			model = *d.Confidence
		}
		b.Deals[i] = Deal{OpenDeal: d, Amount: a, Model: model, Probability: Probability(q.Basis, model, d.ManualProbability, d.ForecastCategory)}
	}
	attachGates(b.Deals, gates)
	attachDue(b.Deals, gates, f.GatesFrom, f.GatesTo)

	// The other basis rolls up on a second core while this one rolls up with every deal's
	// if-won / if-lost: the two are independent.
	// A panic there is raised again here, where the request's recovery sees it.
	compare := compareBasis(b.Deals, q.Basis, b.WonMinor, b.TargetMinor)
	type totalsOrPanic struct {
		totals BasisTotals
		panic  any
	}
	compared := make(chan totalsOrPanic, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				compared <- totalsOrPanic{panic: p}
			}
		}()
		compared <- totalsOrPanic{totals: compare()}
	}()
	r := roll(b.Deals, b.WonMinor, b.TargetMinor, true)
	b.ExpectedMinor, b.P10Minor, b.P50Minor, b.P90Minor = r.expected, r.p10, r.p50, r.p90
	b.ProbabilityOfTarget, b.Method, b.Distribution = r.pot, r.method, r.dist
	c := <-compared
	if c.panic != nil {
		panic(c.panic)
	}
	b.Compare = c.totals
	slices.SortStableFunc(b.Deals, func(x, y Deal) int {
		if x.Swing != nil && y.Swing != nil {
			if c := cmp.Compare(*y.Swing, *x.Swing); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(y.expected, x.expected); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})

	// Child teams: each on its own, over the deals already loaded.
	byTeam := map[string][]Deal{}
	for _, d := range b.Deals {
		if top, ok := childOf[d.TeamID]; ok {
			byTeam[top] = append(byTeam[top], d)
		}
	}
	for _, c := range children[scopeKey] {
		n := nodes[c]
		var tr rolled
		if len(byTeam[c]) == len(b.Deals) && wonBy[c] == b.WonMinor {
			// The team holds every deal of the scope (a company with one root team): the
			// scope's distribution is the team's, read at the team's target.
			tr = rolled{expected: r.expected}
			if n.TargetMinor != nil {
				p := r.atLeast(float64(*n.TargetMinor))
				tr.pot = &p
			}
		} else {
			tr = roll(byTeam[c], wonBy[c], n.TargetMinor, false)
		}
		b.Teams = append(b.Teams, TeamRow{TeamID: c, Name: n.Name, TargetMinor: n.TargetMinor, WonMinor: wonBy[c],
			ExpectedMinor: tr.expected, ProbabilityOfTarget: tr.pot, OpenDeals: len(byTeam[c])})
	}

	// Focus: the largest swings among the deals with a chance in the period, with their
	// next gate's people.
	if b.TargetMinor != nil {
		var ms []string
		for i := range b.Deals {
			if len(b.Focus) == FocusSize {
				break
			}
			d := &b.Deals[i]
			if d.Probability < FocusMinProbability {
				continue // next to no chance in the period: its swing is hypothetical
			}
			b.Focus = append(b.Focus, Focus{Deal: d})
			if d.NextGate != nil {
				ms = append(ms, d.NextGate.MilestoneID)
			}
		}
		if len(ms) > 0 {
			people, err := s.Store.Stakeholders(ctx, ms)
			if err != nil {
				return Board{}, err
			}
			for i := range b.Focus {
				g := b.Focus[i].Deal.NextGate
				for _, p := range people {
					if g != nil && p.MilestoneID == g.MilestoneID {
						b.Focus[i].Stakeholders = append(b.Focus[i].Stakeholders, p)
					}
				}
			}
		}
	}
	levels.WonMinor, levels.TargetMinor = b.WonMinor, b.TargetMinor
	b.Levels = levels
	return b, nil
}

// attachGates gives each deal its next gate (the first unfinished gate in plan order)
// and its contract milestone's slip.
func attachGates(ds []Deal, gates []Gate) {
	at := make(map[string]int, len(ds))
	for i, d := range ds {
		at[d.ID] = i
	}
	for _, g := range gates {
		i, ok := at[g.DealID]
		if !ok {
			continue
		}
		d := &ds[i]
		if g.Contract {
			d.ContractSlip = g.SlipDays()
		}
		if !g.IsGate || g.Finished {
			continue
		}
		if d.NextGate == nil {
			gg := g
			d.NextGate = &gg
		}
	}
}

// attachDue sets the deals' gates due between from and to (exclusive).
func attachDue(ds []Deal, gates []Gate, from, to time.Time) {
	at := make(map[string]int, len(ds))
	for i, d := range ds {
		at[d.ID] = i
	}
	for _, g := range gates {
		if i, ok := at[g.DealID]; ok && g.IsGate && !g.Finished && !g.Due.Before(from) && g.Due.Before(to) {
			ds[i].GatesDue = append(ds[i].GatesDue, g)
		}
	}
}

type rolled struct {
	expected, p10, p50, p90 int64
	pot                     *float64
	method                  string
	dist                    Distribution
	atLeast                 func(x float64) float64 // P(revenue ≥ x) on the same distribution
}

// compareBasis returns the roll-up of the deals on the basis other than basis, totals
// only; it copies what it needs from ds first, so ds may change while it runs.
func compareBasis(ds []Deal, basis string, won int64, target *int64) func() BasisTotals {
	other := BasisJudgement
	if basis == BasisJudgement {
		other = BasisModel
	}
	alt := make([]Deal, len(ds))
	for i, d := range ds {
		alt[i] = Deal{Amount: d.Amount, Probability: Probability(other, d.Model, d.ManualProbability, d.ForecastCategory)}
	}
	return func() BasisTotals {
		r := roll(alt, won, target, false)
		return BasisTotals{Basis: other, ExpectedMinor: r.expected, P10Minor: r.p10, P50Minor: r.p50, P90Minor: r.p90, ProbabilityOfTarget: r.pot}
	}
}

// roll runs rollup.Compute over ds; with setDeals it writes each deal's if-won, if-lost
// and swing (when there is a target) and expected amount.
func roll(ds []Deal, won int64, target *int64, setDeals bool) rolled {
	in := rollup.Input{Won: float64(won), Deals: make([]rollup.Deal, len(ds)), TotalsOnly: !setDeals}
	if target != nil {
		in.Target = float64(*target)
	}
	for i, d := range ds {
		in.Deals[i] = rollup.Deal{Amount: float64(d.Amount), P: d.Probability}
	}
	r := rollup.Compute(in)
	out := rolled{expected: round(r.Expected), p10: round(r.P10), p50: round(r.P50), p90: round(r.P90), method: r.Method, atLeast: r.AtLeast}
	if target != nil {
		p := r.ProbabilityOfTarget
		out.pot = &p
	}
	if setDeals {
		for i := range ds {
			ds[i].expected = float64(ds[i].Amount) * ds[i].Probability
			if target != nil {
				w, l := r.IfWon[i], r.IfLost[i]
				sw := w - l
				ds[i].IfWon, ds[i].IfLost, ds[i].Swing = &w, &l, &sw
			}
		}
		out.dist = cells(r.Dist)
	}
	return out
}

// cells turns rollup's distribution into whole minor units: the unit rounded (at least
// 1), the start rounded down to it, and the mass re-binned into at most 200 cells.
func cells(d rollup.Distribution) Distribution {
	unit := max(int64(math.Round(d.Unit)), 1)
	start := int64(math.Floor(d.Start))
	out := Distribution{StartMinor: start, UnitMinor: unit, Mass: []float64{}}
	if len(d.Mass) == 0 {
		return out
	}
	n := 0
	for k := range d.Mass {
		mid := d.Start + (float64(k)+0.5)*d.Unit
		n = max(n, int(math.Floor((mid-float64(start))/float64(unit)))+1)
	}
	n = min(n, 200)
	out.Mass = make([]float64, n)
	for k, m := range d.Mass {
		mid := d.Start + (float64(k)+0.5)*d.Unit
		j := min(max(int(math.Floor((mid-float64(start))/float64(unit))), 0), n-1)
		out.Mass[j] += m
	}
	return out
}

func round(x float64) int64 { return int64(math.Round(x)) }
