package confidence

import (
	"fmt"
	"math"

	"summit/domain"
)

// Check validates parameters (a template's overrides merged over DefaultParams): each
// must lie in a range that keeps the model's promises — more progress, a champion or an
// on-track verdict never lower p_win; slip, blocks, silence and overdue items never
// raise it;
// stances run from champion down to blocker. Fields are named by their JSON names.
func (p Params) Check() error {
	verr := &domain.ValidationError{}
	in := func(field string, v, lo, hi float64) {
		if math.IsNaN(v) || v < lo || v > hi {
			verr.Add(field, "range", fmt.Sprintf("%g–%g", lo, hi))
		}
	}
	in("base", p.Base, 0.001, 0.999)
	in("progress_log_odds", p.ProgressLogOdds, 0, 10)
	in("gate_factor", p.GateFactor, 1, 10)
	in("slip_log_odds_per_10_days", p.SlipLogOddsPer10Days, 0, 5)
	in("slip_max_log_odds", p.SlipMaxLogOdds, 0, 10)
	in("blocked_log_odds", p.BlockedLogOdds, -5, 0)
	in("blocked_max_log_odds", p.BlockedMaxLogOdds, 0, 10)
	in("decision_maker_log_odds", p.DecisionMakerLogOdds, 0, 5)
	in("economic_buyer_log_odds", p.EconomicBuyerLogOdds, 0, 5)
	in("stance_max_log_odds", p.StanceMaxLogOdds, 0, 10)
	in("no_decision_maker_log_odds", p.NoDecisionMakerLogOdds, -5, 0)
	in("champion_log_odds", p.ChampionLogOdds, 0, 5)
	in("stale_contact_days", float64(p.StaleContactDays), 1, 365)
	in("stale_contact_log_odds", p.StaleContactLogOdds, -5, 0)
	in("stale_contact_max_log_odds", p.StaleContactMaxLogOdds, 0, 10)
	in("overdue_next_step_log_odds", p.OverdueNextStepLogOdds, -5, 0)
	in("overdue_next_step_max_log_odds", p.OverdueNextStepMaxLogOdds, 0, 10)
	in("overdue_action_log_odds", p.OverdueActionLogOdds, -5, 0)
	in("overdue_action_max_log_odds", p.OverdueActionMaxLogOdds, 0, 10)
	in("stretch_prior_days", p.StretchPriorDays, 0, 1000)
	in("stretch_min", p.StretchMin, 0.1, 1)
	in("stretch_max", p.StretchMax, 1, 10)
	in("sigma_per_step", p.SigmaPerStep, 0, 2)
	in("sigma_max", p.SigmaMax, 0, 3)
	in("sigma_early_ratio", p.SigmaEarlyRatio, 0.05, 1)
	in("blocked_extra_days", float64(p.BlockedExtraDays), 0, 250)
	prev := math.Inf(1)
	for _, s := range []string{StanceChampion, StanceSupporter, StanceNeutral, StanceSkeptic, StanceBlocker} {
		v, ok := p.StanceScore[s]
		if !ok || math.IsNaN(v) || v > prev || math.Abs(v) > 10 {
			verr.Add("stance_score."+s, "range", "champion ≥ supporter ≥ neutral ≥ skeptic ≥ blocker, within ±10")
		}
		prev = v
	}
	for _, o := range []string{"on_track", "at_risk", "off_track"} {
		if v, ok := p.RetroLogOdds[o]; !ok || math.IsNaN(v) || math.Abs(v) > 5 {
			verr.Add("retro_log_odds."+o, "range", "-5–5")
		}
	}
	return verr.OrNil()
}
