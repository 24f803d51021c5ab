package calibration

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"summit/domain"
	"summit/domain/confidence"
)

// syntheticTerms draws one deal's factor terms, shaped like the engine's (signs, caps,
// how often each factor is present) under the default parameters.
func syntheticTerms(rng *rand.Rand) map[string]float64 {
	some := func(p float64, v float64) float64 {
		if rng.Float64() < p {
			return v
		}
		return 0
	}
	retro := []float64{0, 0.2, -0.3, -0.8}
	return map[string]float64{
		confidence.FactorProgress:        3.5 * rng.Float64(),
		confidence.FactorSlippage:        some(0.5, -rng.Float64()),
		confidence.FactorBlocked:         some(0.3, -0.3*float64(1+rng.IntN(3))),
		confidence.FactorDecisionMaker:   -1.8 + 3*rng.Float64(),
		confidence.FactorEconomicBuyer:   some(0.5, -1.2+2*rng.Float64()),
		confidence.FactorNoDecisionMaker: some(0.3, -0.7),
		confidence.FactorChampion:        some(0.4, 0.4),
		confidence.FactorStaleContact:    some(0.5, -rng.Float64()),
		confidence.FactorOverdueNextStep: some(0.4, -0.15*float64(1+rng.IntN(4))),
		confidence.FactorRetrospective:   retro[rng.IntN(len(retro))],
		confidence.FactorOverdueActions:  some(0.3, -0.1*float64(1+rng.IntN(5))),
	}
}

// synthetic draws n closed deals whose outcomes come from logit P = logit(base) +
// Σ w·term; the rows' PWin is what the default model (every weight 1, base 0.2) said.
func synthetic(n int, base float64, weights map[string]float64, seed uint64) []FitRow {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	rows := make([]FitRow, n)
	for i := range rows {
		terms := syntheticTerms(rng)
		truth, current := logit(base), logit(confidence.DefaultParams().Base)
		for _, k := range FitFactors {
			w, ok := weights[k]
			if !ok {
				w = 1
			}
			truth += w * terms[k]
			current += terms[k]
		}
		rows[i] = FitRow{DealID: strconv.Itoa(100000 + i), Terms: terms, PWin: sigmoid(current), Won: rng.Float64() < sigmoid(truth)}
	}
	return rows
}

func TestFitRecoversKnownWeights(t *testing.T) {
	cases := []struct {
		name    string
		base    float64
		weights map[string]float64 // missing: 1
	}{
		{"the defaults are right", 0.2, nil},
		{"progress counts more, people less", 0.3, map[string]float64{
			confidence.FactorProgress: 1.6, confidence.FactorDecisionMaker: 0.5, confidence.FactorEconomicBuyer: 0.5}},
		{"champions and retrospectives matter twice as much", 0.15, map[string]float64{
			confidence.FactorChampion: 2.5, confidence.FactorRetrospective: 2, confidence.FactorStaleContact: 0.4}},
		{"slippage and blocks are ignored by outcomes", 0.25, map[string]float64{
			confidence.FactorSlippage: 0, confidence.FactorBlocked: 0, confidence.FactorProgress: 0.8}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rows := synthetic(20000, tc.base, tc.weights, uint64(7+i))
			// Three λ rather than the default nine keep the test's CPU time down under -race
			// (TestFitIsDeterministic covers the default grid); the weights come out the same.
			fit, err := FitModel(rows, confidence.DefaultParams(), 60, FitOptions{Lambdas: []float64{0.1, 1, 10}})
			if err != nil {
				t.Fatal(err)
			}
			if got := fit.Params["base"]; math.Abs(got-tc.base) > 0.04 {
				t.Errorf("base = %.3f, want %.3f ± 0.04", got, tc.base)
			}
			for _, k := range FitFactors {
				want, ok := tc.weights[k]
				if !ok {
					want = 1
				}
				// The rarer and smaller a factor's terms, the less the outcomes say about it.
				tol := 0.2
				if k == confidence.FactorChampion || k == confidence.FactorOverdueActions || k == confidence.FactorOverdueNextStep || k == confidence.FactorBlocked {
					tol = 0.45
				}
				if got := fit.Report.Weights[k]; math.Abs(got-want) > tol {
					t.Errorf("weight of %s = %.3f, want %.3f ± %.2f", k, got, want, tol)
				}
			}
			r := fit.Report
			if r.Won+r.Lost != len(rows) || r.Train+r.Test != len(rows) || r.Test < len(rows)/6 {
				t.Errorf("counts: won %d lost %d train %d test %d of %d", r.Won, r.Lost, r.Train, r.Test, len(rows))
			}
			if len(r.CV) != 3 || r.Folds != 5 {
				t.Errorf("cross-validation: %d λ over %d folds, want 3 over 5", len(r.CV), r.Folds)
			}
			// The fitted model is never worse on held-out deals than the defaults by more
			// than noise, and better when the defaults are wrong.
			if tc.weights != nil && r.Fitted.Brier >= r.Current.Brier {
				t.Errorf("held-out Brier fitted %.4f, current %.4f: the fit should beat wrong defaults", r.Fitted.Brier, r.Current.Brier)
			}
			if r.Fitted.Brier > r.Current.Brier+0.005 {
				t.Errorf("held-out Brier fitted %.4f worse than current %.4f", r.Fitted.Brier, r.Current.Brier)
			}
			if _, err := confidence.DefaultParams().WithOverrides(fit.Params); err != nil {
				t.Errorf("fitted parameters do not pass the engine's checks: %v", err)
			}
		})
	}
}

func TestFitIsDeterministic(t *testing.T) {
	rows := synthetic(600, 0.3, map[string]float64{confidence.FactorProgress: 1.5}, 3)
	a, err := FitModel(rows, confidence.DefaultParams(), 30, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The same deals in another order give the same model.
	rev := make([]FitRow, len(rows))
	for i, r := range rows {
		rev[len(rows)-1-i] = r
	}
	b, err := FitModel(rev, confidence.DefaultParams(), 30, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Report.CV) != 9 || a.Report.Folds != 5 {
		t.Errorf("cross-validation: %d λ over %d folds, want the default 9 over 5", len(a.Report.CV), a.Report.Folds)
	}
	for name, v := range a.Params {
		if math.Abs(b.Params[name]-v) > 1e-6 {
			t.Errorf("%s: %v then %v", name, v, b.Params[name])
		}
	}
}

func TestFitRefusesTooFewClosedDeals(t *testing.T) {
	cases := []struct {
		name      string
		won, lost int
		noGo      int
		want      map[string]string // field → count named; nil: fits
	}{
		{"39 won", 39, 60, 0, map[string]string{"won": "39"}},
		{"12 lost", 80, 12, 0, map[string]string{"lost": "12"}},
		{"both short", 5, 7, 0, map[string]string{"won": "5", "lost": "7"}},
		{"no-go deals do not count", 40, 39, 10, map[string]string{"lost": "39"}},
		{"40 and 40 fit", 40, 40, 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var rows []FitRow
			rng := rand.New(rand.NewPCG(1, 2))
			add := func(n int, won, noGo bool) {
				for range n {
					rows = append(rows, FitRow{DealID: strconv.Itoa(len(rows)), Terms: syntheticTerms(rng), PWin: 0.3, Won: won, NoGo: noGo})
				}
			}
			add(tc.won, true, false)
			add(tc.lost, false, false)
			add(tc.noGo, false, true)
			_, err := FitModel(rows, confidence.DefaultParams(), 90, FitOptions{})
			if tc.want == nil {
				if err != nil {
					t.Fatalf("fit refused: %v", err)
				}
				return
			}
			var verr *domain.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			got := map[string]string{}
			for _, v := range verr.Violations {
				if v.Rule != "too_few_closed" {
					t.Errorf("rule %q", v.Rule)
				}
				got[v.Field] = v.Param
			}
			if len(got) != len(tc.want) {
				t.Fatalf("violations %v, want %v", got, tc.want)
			}
			for f, n := range tc.want {
				if got[f] != n {
					t.Errorf("%s names %q, want %q", f, got[f], n)
				}
			}
		})
	}
}

func TestMapParamsKeepsRangesAndDirections(t *testing.T) {
	def := confidence.DefaultParams()
	w := make([]float64, len(FitFactors))
	for i := range w {
		w[i] = 1
	}
	at := func(k string) int {
		for i, f := range FitFactors {
			if f == k {
				return i
			}
		}
		t.Fatalf("no factor %s", k)
		return -1
	}
	w[at(confidence.FactorProgress)] = 2
	w[at(confidence.FactorChampion)] = -0.5     // would turn a champion into a drag
	w[at(confidence.FactorDecisionMaker)] = 100 // beyond decision_maker_log_odds' range
	w[at(confidence.FactorRetrospective)] = 1.5 // every outcome's term scales
	w[at(confidence.FactorStaleContact)] = 0.5  // the weight and its cap scale together
	params, applied := MapParams(def, model{intercept: logit(0.35), w: w})
	cases := []struct {
		name string
		want float64
	}{
		{"base", 0.35},
		{"progress_log_odds", 7},
		{"champion_log_odds", 0},
		{"decision_maker_log_odds", 5},
		{"retro_log_odds.on_track", 0.3},
		{"retro_log_odds.off_track", -1.2},
		{"stale_contact_log_odds", -0.125},
		{"stale_contact_max_log_odds", 0.5},
		{"slip_log_odds_per_10_days", 0.25},
	}
	for _, tc := range cases {
		if got := params[tc.name]; math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := applied.w[at(confidence.FactorDecisionMaker)]; math.Abs(got-5/0.6) > 1e-9 {
		t.Errorf("applied decision maker multiplier = %v, want the range's 5/0.6", got)
	}
	if _, err := def.WithOverrides(params); err != nil {
		t.Errorf("mapped parameters fail the engine's checks: %v", err)
	}
}

// BenchmarkFitModel fits 10,000 closed deals (5-fold CV over 9 λ, then the final fit).
func BenchmarkFitModel(b *testing.B) {
	rows := synthetic(10000, 0.3, map[string]float64{confidence.FactorProgress: 1.4}, 11)
	for b.Loop() {
		if _, err := FitModel(rows, confidence.DefaultParams(), 60, FitOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
