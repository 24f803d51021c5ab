package calibration

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/optimize"

	"summit/domain"
	"summit/domain/confidence"
)

// MinWon and MinLost are the closed deals a fit needs at its lead time (what Dynamics 365
// asks before its predictive forecasting): fewer is refused (ErrTooFewClosed).
const (
	MinWon  = 40
	MinLost = 40
)

// FitFactors are the factors whose log-odds terms the fit weighs, in the engine's order.
// The no-go (which takes p_win to 0) and the won/lost markers of closed deals are not.
var FitFactors = []string{
	confidence.FactorProgress, confidence.FactorSlippage, confidence.FactorBlocked,
	confidence.FactorDecisionMaker, confidence.FactorEconomicBuyer, confidence.FactorNoDecisionMaker,
	confidence.FactorChampion, confidence.FactorStaleContact, confidence.FactorOverdueNextStep,
	confidence.FactorRetrospective, confidence.FactorOverdueActions,
}

// FitRow is one closed deal as its snapshot at the lead time saw it: each factor's
// log-odds term, the p_win the model in force gave it, and how it ended.
type FitRow struct {
	DealID string
	Terms  map[string]float64 // factor key → log_odds
	PWin   float64
	Won    bool
	NoGo   bool // a standing no-go: p_win 0 whatever the weights, left out of the fit

	x []float64 // Terms in FitFactors' order, filled by FitModel
}

// withTerms is r with x filled from Terms.
func (r FitRow) withTerms() FitRow {
	r.x = make([]float64, len(FitFactors))
	for j, k := range FitFactors {
		r.x[j] = r.Terms[k]
	}
	return r
}

// FitOptions tune the fit; the zero value takes the defaults below.
type FitOptions struct {
	Folds   int       // k of the k-fold cross-validation choosing λ (default 5)
	Lambdas []float64 // the λ grid (default 0.01 … 100, ×√10 steps)
	Seed    uint64    // the fixed seed of the train/test split and the folds (default 14)
	// TestShare is the share of each outcome held out to test the fitted model against
	// the current one (default 0.2); λ is chosen and the weights fitted on the rest.
	TestShare float64
}

func (o FitOptions) withDefaults() FitOptions {
	if o.Folds < 2 {
		o.Folds = 5
	}
	if len(o.Lambdas) == 0 {
		o.Lambdas = []float64{0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100}
	}
	if o.Seed == 0 {
		o.Seed = 14
	}
	if o.TestShare <= 0 || o.TestShare >= 1 {
		o.TestShare = 0.2
	}
	return o
}

// LambdaScore is one λ of the grid and the mean held-out log loss of its folds.
type LambdaScore struct {
	Lambda  float64 `json:"lambda"`
	LogLoss float64 `json:"log_loss"`
}

// Scores are the Brier score and log loss of one model on the held-out deals.
type Scores struct {
	Brier   float64 `json:"brier"`
	LogLoss float64 `json:"log_loss"`
}

// FitReport is what a fit saw and measured; it is stored with the model.
type FitReport struct {
	LeadDays int `json:"lead_days"`
	// BaseVersion is the model in force the weights multiply (0: the defaults).
	BaseVersion int `json:"base_version"`
	Won         int `json:"won"`
	Lost        int `json:"lost"`
	NoGo        int `json:"no_go_left_out"`
	Train       int `json:"train"`
	Test        int `json:"test"`
	// Lambda is the L2 penalty cross-validation chose; CV its score for every λ tried.
	Lambda float64       `json:"lambda"`
	Folds  int           `json:"folds"`
	CV     []LambdaScore `json:"cv"`
	// Intercept is the fitted log-odds of a deal without any factor (logit of base);
	// Weights each factor's fitted multiplier of its current term (1: as now), after
	// the ranges of the parameters (0 and above: a factor never changes its direction).
	Intercept float64            `json:"intercept"`
	Weights   map[string]float64 `json:"weights"`
	// Current and Fitted score the model in force and the fitted one on the same
	// held-out deals, which neither the choice of λ nor the weights saw.
	Current Scores `json:"current"`
	Fitted  Scores `json:"fitted"`
}

// Fit is a fitted model: parameter overrides (domain/confidence names, within their
// ranges) to put between the defaults and each template's overrides, and its report.
type Fit struct {
	Params map[string]float64
	Report FitReport
}

// TooFewClosed is the refusal naming the counts: each short outcome is a violation
// "too_few_closed" whose parameter is its count.
func TooFewClosed(won, lost int) error {
	verr := &domain.ValidationError{}
	if won < MinWon {
		verr.Add("won", "too_few_closed", strconv.Itoa(won))
	}
	if lost < MinLost {
		verr.Add("lost", "too_few_closed", strconv.Itoa(lost))
	}
	return verr.OrNil()
}

// FitModel fits the factors' weights to closed deals' outcomes: an L2-regularised
// logistic regression of won on the snapshot's log-odds terms,
//
//	logit P(won) = b + Σₖ wₖ · tₖ,
//
// whose penalty λ/2 · Σ (wₖ − 1)² pulls each multiplier towards the model in force (an
// unseen factor keeps its weight), λ chosen by k-fold cross-validation on log loss. A
// share of the deals (TestShare of the won and of the lost) is held out first: the
// report scores the fitted and the current model on them. The multipliers are mapped
// onto current's parameters (MapParams). Below MinWon won or MinLost lost it refuses
// (TooFewClosed).
func FitModel(rows []FitRow, current confidence.Params, leadDays int, opt FitOptions) (Fit, error) {
	opt = opt.withDefaults()
	var won, lost []FitRow
	noGo := 0
	for _, r := range rows {
		r = r.withTerms()
		switch {
		case r.NoGo:
			noGo++
		case r.Won:
			won = append(won, r)
		default:
			lost = append(lost, r)
		}
	}
	if err := TooFewClosed(len(won), len(lost)); err != nil {
		return Fit{}, err
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	train, test := split(won, lost, opt.TestShare, rng)
	folds := stratifiedFolds(train, opt.Folds, rng)

	cv := make([]LambdaScore, 0, len(opt.Lambdas))
	best := -1
	for _, lambda := range opt.Lambdas {
		var loss float64
		for k := range opt.Folds {
			fitOn, heldOut := foldSplit(train, folds, k)
			m, err := fitWeights(fitOn, lambda, current.Base)
			if err != nil {
				return Fit{}, err
			}
			loss += LogLoss(m.predictions(heldOut)) * float64(len(heldOut))
		}
		cv = append(cv, LambdaScore{Lambda: lambda, LogLoss: loss / float64(len(train))})
		if best < 0 || cv[len(cv)-1].LogLoss < cv[best].LogLoss {
			best = len(cv) - 1
		}
	}
	m, err := fitWeights(train, cv[best].Lambda, current.Base)
	if err != nil {
		return Fit{}, err
	}
	params, applied := MapParams(current, m)

	rep := FitReport{LeadDays: leadDays, Won: len(won), Lost: len(lost), NoGo: noGo, Train: len(train), Test: len(test),
		Lambda: cv[best].Lambda, Folds: opt.Folds, CV: cv, Intercept: applied.intercept, Weights: map[string]float64{}}
	for i, k := range FitFactors {
		rep.Weights[k] = applied.w[i]
	}
	currentPs := make([]Prediction, len(test))
	for i, r := range test {
		currentPs[i] = Prediction{P: r.PWin, Won: r.Won}
	}
	fittedPs := applied.predictions(test)
	rep.Current = Scores{Brier: Brier(currentPs), LogLoss: LogLoss(currentPs)}
	rep.Fitted = Scores{Brier: Brier(fittedPs), LogLoss: LogLoss(fittedPs)}
	return Fit{Params: params, Report: rep}, nil
}

// model is a fitted intercept and one multiplier per FitFactors entry.
type model struct {
	intercept float64
	w         []float64
}

func (m model) logit(r FitRow) float64 {
	if r.x == nil {
		r = r.withTerms()
	}
	return m.intercept + dot(m.w, r.x)
}

func (m model) predictions(rows []FitRow) []Prediction {
	out := make([]Prediction, len(rows))
	for i, r := range rows {
		out[i] = Prediction{P: sigmoid(m.logit(r)), Won: r.Won}
	}
	return out
}

// fitWeights minimises the penalised negative log-likelihood (per deal) with gonum's
// L-BFGS, starting from the model in force (intercept logit(base), every weight 1).
func fitWeights(rows []FitRow, lambda, base float64) (model, error) {
	n := len(FitFactors)
	xs := make([][]float64, len(rows))
	ys := make([]float64, len(rows))
	for i, r := range rows {
		if r.x == nil {
			r = r.withTerms()
		}
		xs[i] = r.x
		if r.Won {
			ys[i] = 1
		}
	}
	obj := &objective{xs: xs, ys: ys, lambda: lambda, scale: 1 / float64(max(len(rows), 1))}
	problem := optimize.Problem{Func: obj.value, Grad: obj.gradient}
	init := make([]float64, n+1)
	init[0] = logit(base)
	for j := 1; j <= n; j++ {
		init[j] = 1
	}
	settings := &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 200, FuncEvaluations: 1000}
	res, err := optimize.Minimize(problem, init, settings, &optimize.LBFGS{})
	if res == nil || math.IsNaN(res.F) || math.IsInf(res.F, 0) {
		return model{}, fmt.Errorf("fit confidence weights: %w", err)
	}
	// A line search that can make no more progress, or the iteration limit, ends at the
	// best point found: the answer as near as floating point and the budget tell.
	return model{intercept: res.X[0], w: slices.Clone(res.X[1:])}, nil
}

// objective is the penalised negative log-likelihood per deal,
// (Σ [log(1+e^z) − y z] + λ/2 Σ (w−1)²) / n with z = b + w·x, and its gradient. One pass
// over the deals gives both; L-BFGS asks for the gradient at the point it just valued,
// so the pass's gradient is kept for that point.
type objective struct {
	xs     [][]float64
	ys     []float64
	lambda float64
	scale  float64
	at     []float64 // the point of grad
	grad   []float64
}

func (o *objective) value(x []float64) float64 {
	if o.grad == nil {
		o.grad, o.at = make([]float64, len(x)), make([]float64, len(x))
	}
	g := o.grad
	for j := range g {
		g[j] = 0
	}
	var nll float64
	for i, row := range o.xs {
		z := x[0] + dot(x[1:], row)
		nll += softplus(z) - o.ys[i]*z // −[y log σ(z) + (1−y) log(1−σ(z))], computed stably
		d := sigmoid(z) - o.ys[i]
		g[0] += d
		for j, v := range row {
			g[j+1] += d * v
		}
	}
	var pen float64
	for j, w := range x[1:] {
		pen += (w - 1) * (w - 1)
		g[j+1] += o.lambda * (w - 1)
	}
	for j := range g {
		g[j] *= o.scale
	}
	copy(o.at, x)
	return o.scale * (nll + o.lambda/2*pen)
}

func (o *objective) gradient(grad, x []float64) {
	if o.grad == nil || !slices.Equal(o.at, x) {
		o.value(x)
	}
	copy(grad, o.grad)
}

// scaled lists, per fitted factor, the parameters whose product with the multiplier
// scales the factor's term: a weight and, where there is one, its cap, so the term is
// multiplied exactly (the stances' shared cap, stance_max_log_odds, stays as it is).
var scaled = map[string][]string{
	confidence.FactorProgress:        {"progress_log_odds"},
	confidence.FactorSlippage:        {"slip_log_odds_per_10_days", "slip_max_log_odds"},
	confidence.FactorBlocked:         {"blocked_log_odds", "blocked_max_log_odds"},
	confidence.FactorDecisionMaker:   {"decision_maker_log_odds"},
	confidence.FactorEconomicBuyer:   {"economic_buyer_log_odds"},
	confidence.FactorNoDecisionMaker: {"no_decision_maker_log_odds"},
	confidence.FactorChampion:        {"champion_log_odds"},
	confidence.FactorStaleContact:    {"stale_contact_log_odds", "stale_contact_max_log_odds"},
	confidence.FactorOverdueNextStep: {"overdue_next_step_log_odds", "overdue_next_step_max_log_odds"},
	confidence.FactorRetrospective:   {"retro_log_odds.on_track", "retro_log_odds.at_risk", "retro_log_odds.off_track"},
	confidence.FactorOverdueActions:  {"overdue_action_log_odds", "overdue_action_max_log_odds"},
}

// MapParams turns a fitted model into parameter overrides over current: base is
// σ(intercept), and each factor's parameters (scaled) are current's times its
// multiplier — a multiplier below 0 taken as 0 (a factor may lose its weight, never turn
// its direction, which keeps the engine's promises) and every value kept within its
// range (confidence.Parameters). It returns the overrides and the model they amount to
// (the multipliers as applied, read back from the first parameter of each factor).
func MapParams(current confidence.Params, m model) (map[string]float64, model) {
	ranges := map[string]confidence.Parameter{}
	for _, pr := range confidence.Parameters() {
		ranges[pr.Name] = pr
	}
	out := map[string]float64{}
	base := ranges["base"]
	b := clampTo(sigmoid(m.intercept), base)
	out["base"] = b
	applied := model{intercept: logit(b), w: make([]float64, len(FitFactors))}
	for i, k := range FitFactors {
		w := math.Max(m.w[i], 0)
		applied.w[i] = w
		for j, name := range scaled[k] {
			pr := ranges[name]
			cur := pr.Value(current)
			v := clampTo(cur*w, pr)
			out[name] = v
			if j == 0 && cur != 0 {
				applied.w[i] = v / cur
			}
		}
	}
	return out, applied
}

func clampTo(v float64, pr confidence.Parameter) float64 {
	v = math.Max(pr.Min, math.Min(pr.Max, v))
	if pr.Integer {
		v = math.Round(v)
	}
	return v
}

// split holds out share of the won and of the lost deals (shuffled with rng), so the
// test set has both outcomes in their proportions.
func split(won, lost []FitRow, share float64, rng *rand.Rand) (train, test []FitRow) {
	for _, group := range [][]FitRow{won, lost} {
		g := shuffled(group, rng)
		nTest := int(math.Round(share * float64(len(g))))
		test = append(test, g[:nTest]...)
		train = append(train, g[nTest:]...)
	}
	return train, test
}

// stratifiedFolds assigns each training row a fold, dealing the won and the lost out in
// turn after a shuffle, so every fold has both outcomes.
func stratifiedFolds(rows []FitRow, k int, rng *rand.Rand) []int {
	fold := make([]int, len(rows))
	for _, won := range []bool{true, false} {
		var idx []int
		for i, r := range rows {
			if r.Won == won {
				idx = append(idx, i)
			}
		}
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for j, i := range idx {
			fold[i] = j % k
		}
	}
	return fold
}

func foldSplit(rows []FitRow, fold []int, k int) (fitOn, heldOut []FitRow) {
	for i, r := range rows {
		if fold[i] == k {
			heldOut = append(heldOut, r)
		} else {
			fitOn = append(fitOn, r)
		}
	}
	return fitOn, heldOut
}

// shuffled is rows in an order fixed by rng, independent of the order rows came in
// (sorted by deal id first).
func shuffled(rows []FitRow, rng *rand.Rand) []FitRow {
	out := slices.Clone(rows)
	sort.SliceStable(out, func(i, j int) bool { return out[i].DealID < out[j].DealID })
	rng.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
	return out
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// softplus is log(1 + eˣ) without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}
