package confidence

// Params holds every weight and threshold of the model. Log-odds terms ("lo") add to
// logit(Base); docs/confidence.md gives each default and why. The JSON names let a
// template carry overrides.
type Params struct {
	// Base is the prior probability of winning a deal with no progress and no signal.
	Base float64 `json:"base"`

	// Progress: ProgressLogOdds × the weighted share of the plan done, where a gate's
	// weight counts GateFactor times.
	ProgressLogOdds float64 `json:"progress_log_odds"`
	GateFactor      float64 `json:"gate_factor"`

	// Slippage of the close milestone against its baseline: SlipLogOddsPer10Days per ten
	// working days late, at most SlipMaxLogOdds.
	SlipLogOddsPer10Days float64 `json:"slip_log_odds_per_10_days"`
	SlipMaxLogOdds       float64 `json:"slip_max_log_odds"`

	// Blocked milestones: BlockedLogOdds each, at most BlockedMaxLogOdds in all.
	BlockedLogOdds    float64 `json:"blocked_log_odds"`
	BlockedMaxLogOdds float64 `json:"blocked_max_log_odds"`

	// Stances of decision makers and economic buyers: Σ stance score × influence/5 ×
	// the role's weight, within ±StanceMaxLogOdds per role.
	StanceScore               map[string]float64 `json:"stance_score"`
	DecisionMakerLogOdds      float64            `json:"decision_maker_log_odds"`
	EconomicBuyerLogOdds      float64            `json:"economic_buyer_log_odds"`
	StanceMaxLogOdds          float64            `json:"stance_max_log_odds"`
	NoDecisionMakerLogOdds    float64            `json:"no_decision_maker_log_odds"`
	ChampionLogOdds           float64            `json:"champion_log_odds"`
	StaleContactDays          int                `json:"stale_contact_days"`
	StaleContactLogOdds       float64            `json:"stale_contact_log_odds"`
	StaleContactMaxLogOdds    float64            `json:"stale_contact_max_log_odds"`
	OverdueNextStepLogOdds    float64            `json:"overdue_next_step_log_odds"`
	OverdueNextStepMaxLogOdds float64            `json:"overdue_next_step_max_log_odds"`

	// Reviews.
	RetroLogOdds            map[string]float64 `json:"retro_log_odds"`
	OverdueActionLogOdds    float64            `json:"overdue_action_log_odds"`
	OverdueActionMaxLogOdds float64            `json:"overdue_action_max_log_odds"`

	// Timing. The remaining plan is stretched by the deal's own slip so far,
	// (Σ actual + StretchPriorDays) / (Σ baseline + StretchPriorDays) over finished
	// milestones, within [StretchMin, StretchMax]; its spread (σ of the log of the
	// remaining duration) is SigmaPerStep × √(steps left), at most SigmaMax, on the late
	// side, and SigmaEarlyRatio times that on the early side.
	StretchPriorDays  float64 `json:"stretch_prior_days"`
	StretchMin        float64 `json:"stretch_min"`
	StretchMax        float64 `json:"stretch_max"`
	SigmaPerStep      float64 `json:"sigma_per_step"`
	SigmaMax          float64 `json:"sigma_max"`
	SigmaEarlyRatio   float64 `json:"sigma_early_ratio"` // the early side's σ as a share: plans slip more than they gain
	BlockedExtraDays  int     `json:"blocked_extra_days"`
	RespectPlanStarts bool    `json:"respect_plan_starts"`
}

// DefaultParams are the documented defaults (docs/confidence.md explains each).
func DefaultParams() Params {
	return Params{
		Base:                 0.20,
		ProgressLogOdds:      3.5,
		GateFactor:           2,
		SlipLogOddsPer10Days: 0.25,
		SlipMaxLogOdds:       1.0,
		BlockedLogOdds:       -0.3,
		BlockedMaxLogOdds:    0.9,
		StanceScore: map[string]float64{
			StanceChampion: 2, StanceSupporter: 1, StanceNeutral: 0, StanceSkeptic: -1.5, StanceBlocker: -3,
		},
		DecisionMakerLogOdds:      0.6,
		EconomicBuyerLogOdds:      0.4,
		StanceMaxLogOdds:          2.5,
		NoDecisionMakerLogOdds:    -0.7,
		ChampionLogOdds:           0.4,
		StaleContactDays:          30,
		StaleContactLogOdds:       -0.25,
		StaleContactMaxLogOdds:    1.0,
		OverdueNextStepLogOdds:    -0.15,
		OverdueNextStepMaxLogOdds: 0.6,
		RetroLogOdds: map[string]float64{
			"on_track": 0.2, "at_risk": -0.3, "off_track": -0.8,
		},
		OverdueActionLogOdds:    -0.1,
		OverdueActionMaxLogOdds: 0.5,
		StretchPriorDays:        20,
		StretchMin:              0.9,
		StretchMax:              2.0,
		SigmaPerStep:            0.12,
		SigmaMax:                0.6,
		SigmaEarlyRatio:         0.5,
		BlockedExtraDays:        10,
		RespectPlanStarts:       true,
	}
}
