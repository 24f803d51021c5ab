package changes

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"summit/domain/rollup"
)

var (
	periodTo = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	inPeriod = time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)
	after    = time.Date(2027, 2, 10, 0, 0, 0, 0, time.UTC)
)

func open(amount int64, p float64, close time.Time) *Side {
	return &Side{Amount: amount, P: p, Close: close}
}

// board rolls the items up as the board would: the won revenue plus every item's side
// (now or then, as state says), each deal independent.
func board(won int64, target int64, items []Item, state func(i int, it Item) *Side) float64 {
	var ds []rollup.Deal
	for i, it := range items {
		s := state(i, it)
		switch {
		case s == nil:
		case s.Won:
			won += s.Amount
		default:
			ds = append(ds, rollup.Deal{Amount: float64(s.Amount), P: s.P})
		}
	}
	return rollup.Compute(rollup.Input{Won: float64(won), Target: float64(target), Deals: ds, TotalsOnly: true}).ProbabilityOfTarget
}

// TestEachEffectIsTheBoardRecomputedWithThatDealSwappedBack checks every deal's category
// and its effect against the board recomputed with that one deal put back as it was
// (everything else as now), and the start against the board with every deal as it was.
func TestEachEffectIsTheBoardRecomputedWithThatDealSwappedBack(t *testing.T) {
	t.Parallel()
	steady := Item{Status: "open", Then: open(300_000, 0.5, inPeriod), Now: open(300_000, 0.5, inPeriod)}
	cases := []struct {
		name string
		it   Item
		want string // category; "" not listed
	}{
		{"new deal", Item{Status: "open", Now: open(400_000, 0.6, inPeriod)}, New},
		{"won since", Item{Status: "won", Then: open(500_000, 0.7, inPeriod), Now: &Side{Amount: 500_000, P: 1, Close: inPeriod, Won: true}}, Won},
		{"created and won since", Item{Status: "won", Now: &Side{Amount: 200_000, P: 1, Close: inPeriod, Won: true}}, Won},
		{"won outside the period", Item{Status: "won", Then: open(500_000, 0.4, inPeriod)}, Won},
		{"lost", Item{Status: "lost", Then: open(600_000, 0.3, inPeriod)}, Lost},
		{"abandoned", Item{Status: "abandoned", Then: open(100_000, 0.2, inPeriod)}, Lost},
		{"pushed out", Item{Status: "open", Then: open(700_000, 0.6, inPeriod), Now: open(700_000, 0.05, after)}, PushedOut},
		{"pulled in", Item{Status: "open", Then: open(350_000, 0.1, after), Now: open(350_000, 0.55, inPeriod)}, PulledIn},
		{"confidence up", Item{Status: "open", Then: open(250_000, 0.3, inPeriod), Now: open(250_000, 0.8, inPeriod)}, ConfidenceUp},
		{"confidence down", Item{Status: "open", Then: open(450_000, 0.8, inPeriod), Now: open(450_000, 0.35, inPeriod)}, ConfidenceDown},
		{"amount up, same confidence", Item{Status: "open", Then: open(200_000, 0.5, inPeriod), Now: open(900_000, 0.5, inPeriod)}, ConfidenceUp},
		{"amount down and confidence up", Item{Status: "open", Then: open(900_000, 0.4, inPeriod), Now: open(100_000, 0.6, inPeriod)}, ConfidenceUp},
		{"moved to another team", Item{Status: "open", Then: open(300_000, 0.45, inPeriod)}, MovedOut},
		{"unchanged", steady, ""},
	}
	// The other deals of the scope: as now and as then alike, save the moves above.
	var items []Item
	rng := rand.New(rand.NewPCG(14, 14))
	for range 12 {
		s := open(int64(1+rng.IntN(9))*100_000, rng.Float64(), inPeriod)
		items = append(items, Item{Status: "open", Then: s, Now: s})
	}
	first := len(items)
	for _, c := range cases {
		items = append(items, c.it)
	}
	const won, target = 1_000_000, 4_500_000
	res := Compute(Input{PeriodTo: periodTo, Target: new(int64(target)), Won: won, Items: items})

	pNow := board(won, target, items, func(_ int, it Item) *Side { return it.Now })
	if math.Abs(*res.ProbabilityNow-pNow) > 1e-9 {
		t.Errorf("probability now %.12f, the board's %.12f", *res.ProbabilityNow, pNow)
	}
	pStart := board(won, target, items, func(_ int, it Item) *Side { return it.Then })
	if math.Abs(*res.ProbabilityStart-pStart) > 1e-9 {
		t.Errorf("probability at the start %.12f, the board's then %.12f", *res.ProbabilityStart, pStart)
	}
	byItem := map[int]Change{}
	for _, c := range res.Changes {
		byItem[c.Item] = c
	}
	for k, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			i := first + k
			got, listed := byItem[i]
			if c.want == "" {
				if listed {
					t.Fatalf("listed as %s", got.Category)
				}
				return
			}
			if !listed {
				t.Fatalf("not listed, want %s", c.want)
			}
			if got.Category != c.want {
				t.Errorf("category %s, want %s", got.Category, c.want)
			}
			swapped := board(won, target, items, func(j int, it Item) *Side {
				if j == i {
					return it.Then
				}
				return it.Now
			})
			if math.Abs(*got.Effect-(pNow-swapped)) > 1e-9 {
				t.Errorf("effect %.12f, the board recomputed with the deal swapped back says %.12f", *got.Effect, pNow-swapped)
			}
			if *got.Effect == 0 {
				t.Errorf("no effect: the case does not test the algebra")
			}
		})
	}
	for _, c := range res.Changes {
		if c.Item < first {
			t.Errorf("unmoved deal %d listed as %s", c.Item, c.Category)
		}
	}
	if !slices.IsSortedFunc(res.Changes, func(x, y Change) int {
		return int(math.Copysign(1, math.Abs(*y.Effect)-math.Abs(*x.Effect)))
	}) {
		t.Errorf("changes not largest effect first")
	}
}

// TestEffectsOnTheLatticeMatchTheBoardRecomputed moves many of 300 deals in round
// figures (the exact lattice) at random and checks each effect against the board
// recomputed with the deal swapped back.
func TestEffectsOnTheLatticeMatchTheBoardRecomputed(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 14))
	var items []Item
	var sum float64
	for i := range 300 {
		then := open(int64(1+rng.IntN(50))*10_000, rng.Float64(), inPeriod)
		now := then
		switch i % 5 {
		case 0:
			now = open(then.Amount, rng.Float64(), inPeriod)
		case 1:
			now = open(int64(1+rng.IntN(50))*10_000, then.P, inPeriod)
		case 2:
			if i%2 == 0 {
				now = nil
			} else {
				then = nil
			}
		}
		items = append(items, Item{Status: "open", Then: then, Now: now})
		if now != nil {
			sum += float64(now.Amount) * now.P
		}
	}
	target := int64(math.Round(sum/10_000)) * 10_000
	res := Compute(Input{PeriodTo: periodTo, Target: &target, Items: items})
	pNow := board(0, target, items, func(_ int, it Item) *Side { return it.Now })
	if len(res.Changes) < 100 {
		t.Fatalf("%d changes", len(res.Changes))
	}
	for _, c := range res.Changes {
		swapped := board(0, target, items, func(j int, it Item) *Side {
			if j == c.Item {
				return it.Then
			}
			return it.Now
		})
		if math.Abs(*c.Effect-(pNow-swapped)) > 1e-9 {
			t.Errorf("deal %d (%s): effect %.12f, recomputed %.12f", c.Item, c.Category, *c.Effect, pNow-swapped)
		}
	}
}

// TestWithoutATargetEffectsAreOnExpectedRevenueOnly: no probability, the expected
// revenue's moves still add up.
func TestWithoutATargetEffectsAreOnExpectedRevenueOnly(t *testing.T) {
	t.Parallel()
	items := []Item{
		{Status: "open", Then: open(100_000, 0.5, inPeriod), Now: open(100_000, 0.9, inPeriod)},
		{Status: "lost", Then: open(200_000, 0.5, inPeriod)},
	}
	res := Compute(Input{PeriodTo: periodTo, Won: 50_000, Items: items})
	if res.ProbabilityNow != nil || res.ProbabilityStart != nil {
		t.Fatalf("probabilities without a target")
	}
	if res.ExpectedNow != 140_000 || res.ExpectedStart != 200_000 {
		t.Errorf("expected now %d, start %d; want 140000, 200000", res.ExpectedNow, res.ExpectedStart)
	}
	var sum int64
	for _, c := range res.Changes {
		if c.Effect != nil {
			t.Errorf("%s: an effect without a target", c.Category)
		}
		sum += c.ExpectedEffect
	}
	if sum != res.ExpectedNow-res.ExpectedStart {
		t.Errorf("expected effects add to %d, want %d", sum, res.ExpectedNow-res.ExpectedStart)
	}
}

func TestLastMondayIsBeforeToday(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ today, want string }{
		{"2026-11-30", "2026-11-23"}, // a Monday: a week ago
		{"2026-12-01", "2026-11-30"},
		{"2026-12-06", "2026-11-30"}, // Sunday
	} {
		today, _ := time.Parse(time.DateOnly, c.today)
		if got := LastMonday(today).Format(time.DateOnly); got != c.want {
			t.Errorf("%s: %s, want %s", c.today, got, c.want)
		}
	}
}
