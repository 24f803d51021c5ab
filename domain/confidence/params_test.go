package confidence

import (
	"encoding/json"
	"errors"
	"testing"

	"summit/domain"
)

func TestDefaultParamsPassTheirCheck(t *testing.T) {
	if err := DefaultParams().Check(); err != nil {
		t.Fatal(err)
	}
}

func TestParamsCheckRefusesWhatWouldBreakThePromises(t *testing.T) {
	cases := map[string]func(*Params){
		"base":                   func(p *Params) { p.Base = 1 },
		"progress_log_odds":      func(p *Params) { p.ProgressLogOdds = -1 },
		"champion_log_odds":      func(p *Params) { p.ChampionLogOdds = -0.1 },
		"stale_contact_log_odds": func(p *Params) { p.StaleContactLogOdds = 0.2 },
		"stance_score.skeptic": func(p *Params) {
			p.StanceScore = map[string]float64{"champion": 2, "supporter": 1, "neutral": 0, "skeptic": 0.5, "blocker": -3}
		},
		"sigma_early_ratio":      func(p *Params) { p.SigmaEarlyRatio = 0 },
		"retro_log_odds.at_risk": func(p *Params) { p.RetroLogOdds = map[string]float64{"on_track": 0.2, "off_track": -1} },
	}
	for field, change := range cases {
		p := DefaultParams()
		change(&p)
		var verr *domain.ValidationError
		if err := p.Check(); !errors.As(err, &verr) {
			t.Errorf("%s: %v", field, err)
			continue
		}
		found := false
		for _, v := range verr.Violations {
			found = found || v.Field == field
		}
		if !found {
			t.Errorf("%s not named in %+v", field, verr.Violations)
		}
	}
}

// A template's overrides are JSON over the defaults: fields it names change, the rest
// (and the other keys of a map it names) keep their defaults.
func TestOverridesAreJSONOverTheDefaults(t *testing.T) {
	p := DefaultParams()
	if err := json.Unmarshal([]byte(`{"base": 0.3, "stance_score": {"blocker": -4}, "respect_plan_starts": false}`), &p); err != nil {
		t.Fatal(err)
	}
	d := DefaultParams()
	if p.Base != 0.3 || p.StanceScore["blocker"] != -4 || p.StanceScore["champion"] != d.StanceScore["champion"] ||
		p.RespectPlanStarts || p.ProgressLogOdds != d.ProgressLogOdds {
		t.Errorf("merged params %+v", p)
	}
	if err := p.Check(); err != nil {
		t.Error(err)
	}
}

func TestWithOverrides(t *testing.T) {
	cases := []struct {
		name      string
		overrides map[string]float64
		wantField string // "" when accepted
	}{
		{"a field", map[string]float64{"base": 0.3}, ""},
		{"a map entry", map[string]float64{"stance_score.blocker": -4}, ""},
		{"a count of days", map[string]float64{"stale_contact_days": 45}, ""},
		{"unknown name", map[string]float64{"bsae": 0.3}, "confidence_params.bsae"},
		{"unknown map key", map[string]float64{"stance_score.angry": -1}, "confidence_params.stance_score.angry"},
		{"days must be whole", map[string]float64{"stale_contact_days": 10.5}, "confidence_params.stale_contact_days"},
		{"out of range", map[string]float64{"champion_log_odds": -1}, "confidence_params.champion_log_odds"},
		{"stances out of order", map[string]float64{"stance_score.skeptic": 3}, "confidence_params.stance_score.skeptic"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := DefaultParams().WithOverrides(c.overrides)
			if c.wantField == "" {
				if err != nil {
					t.Fatal(err)
				}
				for name, v := range c.overrides {
					pr, _ := parameterNamed(name)
					if got := pr.Value(p); got != v {
						t.Errorf("%s = %g, want %g", name, got, v)
					}
				}
				if p.ProgressLogOdds != DefaultParams().ProgressLogOdds {
					t.Error("a parameter not overridden changed")
				}
				return
			}
			var verr *domain.ValidationError
			if !errors.As(err, &verr) || verr.Violations[0].Field != c.wantField {
				t.Fatalf("err = %v, want a violation on %s", err, c.wantField)
			}
		})
	}
}

func TestEveryParameterHasADefaultInItsRange(t *testing.T) {
	seen := map[string]bool{}
	for _, pr := range Parameters() {
		if seen[pr.Name] {
			t.Errorf("%s listed twice", pr.Name)
		}
		seen[pr.Name] = true
		if d := pr.Default(); d < pr.Min || d > pr.Max {
			t.Errorf("%s: default %g outside %g–%g", pr.Name, d, pr.Min, pr.Max)
		}
	}
}
