package confidence

import (
	"fmt"
	"math"
	"sort"

	"summit/domain"
)

// Parameter is one weight or threshold of the model that a template may override: its
// name (the JSON name; map entries as "stance_score.blocker"), its allowed range and how
// to read and set it. The ranges keep the model's promises (Params.Check).
type Parameter struct {
	Name     string
	Min, Max float64
	Integer  bool // a count of days
	get      func(*Params) float64
	set      func(*Params, float64)
}

// Default is the parameter's value in DefaultParams.
func (pr Parameter) Default() float64 {
	d := DefaultParams()
	return pr.get(&d)
}

// Value reads the parameter from p.
func (pr Parameter) Value(p Params) float64 { return pr.get(&p) }

func field(name string, lo, hi float64, f func(*Params) *float64) Parameter {
	return Parameter{Name: name, Min: lo, Max: hi,
		get: func(p *Params) float64 { return *f(p) },
		set: func(p *Params, v float64) { *f(p) = v }}
}

func dayCount(name string, lo, hi float64, f func(*Params) *int) Parameter {
	return Parameter{Name: name, Min: lo, Max: hi, Integer: true,
		get: func(p *Params) float64 { return float64(*f(p)) },
		set: func(p *Params, v float64) { *f(p) = int(v) }}
}

func entry(m func(*Params) *map[string]float64, prefix, key string, lo, hi float64) Parameter {
	return Parameter{Name: prefix + "." + key, Min: lo, Max: hi,
		get: func(p *Params) float64 { return (*m(p))[key] },
		set: func(p *Params, v float64) {
			// Copy on write: Params values share their maps with DefaultParams' callers.
			old := *m(p)
			next := make(map[string]float64, len(old)+1)
			for k, x := range old {
				next[k] = x
			}
			next[key] = v
			*m(p) = next
		}}
}

func stanceScore(p *Params) *map[string]float64  { return &p.StanceScore }
func retroLogOdds(p *Params) *map[string]float64 { return &p.RetroLogOdds }

// parameters lists every overridable parameter in the order docs/confidence.md gives them.
var parameters = []Parameter{
	field("base", 0.001, 0.999, func(p *Params) *float64 { return &p.Base }),
	field("progress_log_odds", 0, 10, func(p *Params) *float64 { return &p.ProgressLogOdds }),
	field("gate_factor", 1, 10, func(p *Params) *float64 { return &p.GateFactor }),
	field("slip_log_odds_per_10_days", 0, 5, func(p *Params) *float64 { return &p.SlipLogOddsPer10Days }),
	field("slip_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.SlipMaxLogOdds }),
	field("blocked_log_odds", -5, 0, func(p *Params) *float64 { return &p.BlockedLogOdds }),
	field("blocked_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.BlockedMaxLogOdds }),
	entry(stanceScore, "stance_score", StanceChampion, -10, 10),
	entry(stanceScore, "stance_score", StanceSupporter, -10, 10),
	entry(stanceScore, "stance_score", StanceNeutral, -10, 10),
	entry(stanceScore, "stance_score", StanceSkeptic, -10, 10),
	entry(stanceScore, "stance_score", StanceBlocker, -10, 10),
	field("decision_maker_log_odds", 0, 5, func(p *Params) *float64 { return &p.DecisionMakerLogOdds }),
	field("economic_buyer_log_odds", 0, 5, func(p *Params) *float64 { return &p.EconomicBuyerLogOdds }),
	field("stance_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.StanceMaxLogOdds }),
	field("no_decision_maker_log_odds", -5, 0, func(p *Params) *float64 { return &p.NoDecisionMakerLogOdds }),
	field("champion_log_odds", 0, 5, func(p *Params) *float64 { return &p.ChampionLogOdds }),
	dayCount("stale_contact_days", 1, 365, func(p *Params) *int { return &p.StaleContactDays }),
	field("stale_contact_log_odds", -5, 0, func(p *Params) *float64 { return &p.StaleContactLogOdds }),
	field("stale_contact_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.StaleContactMaxLogOdds }),
	field("overdue_next_step_log_odds", -5, 0, func(p *Params) *float64 { return &p.OverdueNextStepLogOdds }),
	field("overdue_next_step_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.OverdueNextStepMaxLogOdds }),
	entry(retroLogOdds, "retro_log_odds", "on_track", -5, 5),
	entry(retroLogOdds, "retro_log_odds", "at_risk", -5, 5),
	entry(retroLogOdds, "retro_log_odds", "off_track", -5, 5),
	field("overdue_action_log_odds", -5, 0, func(p *Params) *float64 { return &p.OverdueActionLogOdds }),
	field("overdue_action_max_log_odds", 0, 10, func(p *Params) *float64 { return &p.OverdueActionMaxLogOdds }),
	field("stretch_prior_days", 0, 1000, func(p *Params) *float64 { return &p.StretchPriorDays }),
	field("stretch_min", 0.1, 1, func(p *Params) *float64 { return &p.StretchMin }),
	field("stretch_max", 1, 10, func(p *Params) *float64 { return &p.StretchMax }),
	field("sigma_per_step", 0, 2, func(p *Params) *float64 { return &p.SigmaPerStep }),
	field("sigma_max", 0, 3, func(p *Params) *float64 { return &p.SigmaMax }),
	field("sigma_early_ratio", 0.05, 1, func(p *Params) *float64 { return &p.SigmaEarlyRatio }),
	dayCount("blocked_extra_days", 0, 250, func(p *Params) *int { return &p.BlockedExtraDays }),
}

// Parameters lists every parameter a template may override, with its range.
func Parameters() []Parameter { return parameters }

func parameterNamed(name string) (Parameter, bool) {
	for _, pr := range parameters {
		if pr.Name == name {
			return pr, true
		}
	}
	return Parameter{}, false
}

// WithOverrides is p with a template's overrides applied (by parameter name). Unknown
// names, values that are not whole days where days are asked for, and results that fail
// Check are a domain.ValidationError on "confidence_params.<name>".
func (p Params) WithOverrides(overrides map[string]float64) (Params, error) {
	verr := &domain.ValidationError{}
	names := make([]string, 0, len(overrides))
	for name := range overrides {
		names = append(names, name)
	}
	sort.Strings(names) // the same error for the same input
	for _, name := range names {
		v := overrides[name]
		pr, ok := parameterNamed(name)
		switch {
		case !ok:
			verr.Add("confidence_params."+name, "unknown", "")
		case pr.Integer && v != math.Trunc(v):
			verr.Add("confidence_params."+name, "integer", "")
		default:
			pr.set(&p, v)
		}
	}
	if err := verr.OrNil(); err != nil {
		return Params{}, err
	}
	if err := p.Check(); err != nil {
		return Params{}, prefixed(err, "confidence_params.")
	}
	return p, nil
}

// Check validates parameters (a template's overrides merged over DefaultParams): each
// must lie in its range (Parameters), which keeps the model's promises — more progress,
// a champion or an on-track verdict never lower p_win; slip, blocks, silence and overdue
// items never raise it — and stances must run from champion down to blocker. Fields are
// named by the parameters' names.
func (p Params) Check() error {
	verr := &domain.ValidationError{}
	for _, pr := range parameters {
		v := pr.get(&p)
		if math.IsNaN(v) || v < pr.Min || v > pr.Max {
			verr.Add(pr.Name, "range", fmt.Sprintf("%g–%g", pr.Min, pr.Max))
		}
	}
	for _, o := range []string{"on_track", "at_risk", "off_track"} {
		if _, ok := p.RetroLogOdds[o]; !ok {
			verr.Add("retro_log_odds."+o, "range", "-5–5")
		}
	}
	prev := math.Inf(1)
	for _, s := range []string{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceBlocker} {
		v, ok := p.StanceScore[s]
		if !ok || v > prev {
			verr.Add("stance_score."+s, "order", "champion ≥ supporter ≥ neutral ≥ skeptic ≥ blocker")
		}
		prev = v
	}
	return verr.OrNil()
}

// prefixed renames the fields of a validation error.
func prefixed(err error, prefix string) error {
	verr, ok := err.(*domain.ValidationError)
	if !ok {
		return err
	}
	out := &domain.ValidationError{}
	for _, v := range verr.Violations {
		out.Add(prefix+v.Field, v.Rule, v.Param)
	}
	return out
}
