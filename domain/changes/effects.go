package changes

import (
	"cmp"
	"math"
	"slices"
	"time"

	"summit/domain/rollup"
)

// Categories of a move, in the waterfall's order.
const (
	New            = "new"
	Won            = "won"
	Lost           = "lost"
	PushedOut      = "pushed_out"
	PulledIn       = "pulled_in"
	ConfidenceUp   = "confidence_up"
	ConfidenceDown = "confidence_down"
	MovedOut       = "moved_out"
)

// Categories lists every category in the waterfall's order.
var Categories = []string{New, Won, Lost, PushedOut, PulledIn, ConfidenceUp, ConfidenceDown, MovedOut}

// Side is a deal in one state: its amount in the reporting currency, its probability in
// the period on the basis, its target close date and whether it is won (its amount
// counted in the period's won revenue) rather than open.
type Side struct {
	Amount int64
	P      float64
	Close  time.Time
	Won    bool
}

// Item is one deal that may have moved: as it is now (nil: no longer in the scope's
// figures — lost, abandoned, won outside the period, moved to another team) and as it
// was on the day of the snapshot (nil: not open in the scope then).
type Item struct {
	Now, Then *Side
	// Status is the deal's status now ("open", "won", "lost", "abandoned").
	Status string
}

// Input is a scope's period now, with every deal that may have moved.
type Input struct {
	PeriodTo time.Time // the period's end (exclusive): a close date on or after it is out
	Target   *int64
	// Won is the revenue won in the period by deals that are not Items (won before the
	// snapshot): the same then and now.
	Won   int64
	Items []Item
}

// Change is one deal's move with its effect on the probability of target: P(now) − P(with
// this deal as it was, all else as now); nil without a target. ExpectedEffect is the
// same for the expected revenue.
type Change struct {
	Item           int // index into Input.Items
	Category       string
	Effect         *float64
	ExpectedEffect int64
}

// Result is the probability of target and the expected revenue now and with every deal
// as it was (Start), and every deal's move, largest effect first.
type Result struct {
	ProbabilityNow, ProbabilityStart *float64
	ExpectedNow, ExpectedStart       int64
	Changes                          []Change
}

// sameP is how close two probabilities are to count as unchanged.
const sameP = 1e-9

// Compute rolls the scope up now (one roll-up, totals only) and answers every deal's
// effect exactly from it by the roll-up's algebra: with R_{−k} the revenue without deal k,
// P with deal k at confidence c and amount a is c·P(R_{−k} ≥ T−a) + (1−c)·P(R_{−k} ≥ T)
// (rollup.Result.AtLeastWithout); a deal won now leaves the won revenue first (P(R ≥ x +
// amount)), a deal gone since adds to R as it is. Start is a second roll-up over every
// deal as it was.
func Compute(in Input) Result {
	won := in.Won
	var open []rollup.Deal
	at := make([]int, len(in.Items)) // the item's index among the open deals, or -1
	for i, it := range in.Items {
		at[i] = -1
		switch {
		case it.Now == nil:
		case it.Now.Won:
			won += it.Now.Amount
		default:
			at[i] = len(open)
			open = append(open, rollup.Deal{Amount: float64(it.Now.Amount), P: it.Now.P})
		}
	}
	var then []rollup.Deal
	for _, it := range in.Items {
		if it.Then != nil {
			then = append(then, rollup.Deal{Amount: float64(it.Then.Amount), P: it.Then.P})
		}
	}
	// The start rolls up on a second core while the effects are read off the present.
	type startResult struct {
		r     rollup.Result
		panic any
	}
	started := make(chan startResult, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				started <- startResult{panic: p}
			}
		}()
		started <- startResult{r: rollupOf(in.Won, in.Target, then)}
	}()
	now := rollupOf(won, in.Target, open)
	out := Result{ExpectedNow: round(now.Expected)}
	var target float64
	if in.Target != nil {
		target = float64(*in.Target)
		p := now.ProbabilityOfTarget
		out.ProbabilityNow = &p
	}
	for i, it := range in.Items {
		cat := category(it, in.PeriodTo)
		if cat == "" {
			continue
		}
		c := Change{Item: i, Category: cat, ExpectedEffect: contribution(it.Now) - contribution(it.Then)}
		if in.Target != nil {
			then := probabilityThen(now, it, at[i], target)
			e := now.ProbabilityOfTarget - then
			c.Effect = &e
		}
		if cat == changedAmount {
			c.Category = ConfidenceUp
			if (c.Effect != nil && *c.Effect < 0) || (c.Effect == nil && c.ExpectedEffect < 0) {
				c.Category = ConfidenceDown
			}
		}
		out.Changes = append(out.Changes, c)
	}
	s := <-started
	if s.panic != nil {
		panic(s.panic)
	}
	out.ExpectedStart = round(s.r.Expected)
	if in.Target != nil {
		p := s.r.ProbabilityOfTarget
		out.ProbabilityStart = &p
	}
	slices.SortStableFunc(out.Changes, func(x, y Change) int {
		if x.Effect != nil && y.Effect != nil {
			if c := cmp.Compare(math.Abs(*y.Effect), math.Abs(*x.Effect)); c != 0 {
				return c
			}
		}
		return cmp.Compare(abs(y.ExpectedEffect), abs(x.ExpectedEffect))
	})
	return out
}

// changedAmount marks a deal whose probability stayed but whose amount moved: up or
// down by its effect.
const changedAmount = "amount"

// category names a deal's move; "" when it did not move.
func category(it Item, periodTo time.Time) string {
	switch {
	case it.Now == nil && it.Then == nil:
		return ""
	case it.Now == nil:
		switch it.Status {
		case "won":
			return Won
		case "lost", "abandoned":
			return Lost
		}
		return MovedOut
	case it.Now.Won:
		return Won
	case it.Then == nil:
		return New
	}
	inThen, inNow := it.Then.Close.Before(periodTo), it.Now.Close.Before(periodTo)
	switch {
	case inThen && !inNow:
		return PushedOut
	case !inThen && inNow:
		return PulledIn
	case it.Now.P > it.Then.P+sameP:
		return ConfidenceUp
	case it.Now.P < it.Then.P-sameP:
		return ConfidenceDown
	case it.Now.Amount != it.Then.Amount:
		return changedAmount
	}
	return ""
}

// probabilityThen is P(target) with the item as it was and every other deal as now.
func probabilityThen(now rollup.Result, it Item, open int, target float64) float64 {
	// without(x) is P(revenue without the deal as it is now ≥ x).
	var without func(x float64) float64
	switch {
	case open >= 0:
		without = func(x float64) float64 { return now.AtLeastWithout(open, x) }
	case it.Now != nil && it.Now.Won:
		a := float64(it.Now.Amount)
		without = func(x float64) float64 { return now.AtLeast(x + a) }
	default:
		without = now.AtLeast
	}
	if it.Then == nil {
		return without(target)
	}
	c, a := it.Then.P, float64(it.Then.Amount)
	return c*without(target-a) + (1-c)*without(target)
}

func contribution(s *Side) int64 {
	switch {
	case s == nil:
		return 0
	case s.Won:
		return s.Amount
	}
	return round(float64(s.Amount) * s.P)
}

func rollupOf(won int64, target *int64, ds []rollup.Deal) rollup.Result {
	in := rollup.Input{Won: float64(won), Deals: ds, TotalsOnly: true}
	if target != nil {
		in.Target = float64(*target)
	}
	return rollup.Compute(in)
}

func round(x float64) int64 { return int64(math.Round(x)) }

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
