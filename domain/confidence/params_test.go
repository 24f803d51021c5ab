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
