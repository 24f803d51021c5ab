package confidence

import (
	"math"
	"time"
)

// term is one factor's additive term in log-odds.
type term struct {
	key    string
	lo     float64
	detail []Param
}

// pwinTerms lists the log-odds terms of an open deal in attribution order; terms that
// are zero are left out.
func pwinTerms(in *Input, p *Params, asDay int, closeIdx int) []term {
	terms := make([]term, 0, 10)
	add := func(key string, lo float64, detail ...Param) {
		if lo != 0 {
			terms = append(terms, term{key, lo, detail})
		}
	}

	// Progress: weighted share done, gates counting GateFactor times.
	var done, total float64
	var gatesDone, gates float64
	for _, m := range in.Milestones {
		if m.Status == StatusSkipped {
			continue
		}
		w := float64(m.Weight)
		if m.Gate {
			w *= p.GateFactor
			gates++
		}
		total += w
		if m.Status == StatusDone {
			done += w
			if m.Gate {
				gatesDone++
			}
		}
	}
	if total > 0 {
		share := done / total
		add(FactorProgress, p.ProgressLogOdds*share, Param{Name: "share", Value: share},
			Param{Name: "gates_done", Value: gatesDone}, Param{Name: "gates", Value: gates})
	}

	// Slippage of the close milestone's plan against its baseline.
	if closeIdx >= 0 {
		m := in.Milestones[closeIdx]
		if !m.BaselineDue.IsZero() {
			if slip := wdOf(m.PlannedDue) - wdOf(m.BaselineDue); slip > 0 {
				lo := math.Min(p.SlipLogOddsPer10Days*float64(slip)/10, p.SlipMaxLogOdds)
				add(FactorSlippage, -lo, Param{Name: "working_days", Value: float64(slip)})
			}
		}
	}

	// Stances of the decisive roles, weighted by influence.
	var dm, eb float64
	var nDM, nEB float64
	champion := false
	var stale, staleN, overdue float64
	for _, s := range in.Stakeholders {
		inf := float64(s.Influence) / 5
		switch s.DecisionRole {
		case RoleDecisionMaker:
			dm += p.StanceScore[s.Stance] * inf
			nDM++
		case RoleEconomicBuyer:
			eb += p.StanceScore[s.Stance] * inf
			nEB++
		}
		champion = champion || s.Stance == StanceChampion
		if s.LastContactOn.IsZero() || asDay-dayNum(s.LastContactOn) > p.StaleContactDays {
			stale += inf
			staleN++
		}
		if s.NextStep != "" && !s.NextStepDue.IsZero() && dayNum(s.NextStepDue) < asDay {
			overdue++
		}
	}
	add(FactorDecisionMaker, clamp(dm*p.DecisionMakerLogOdds, -p.StanceMaxLogOdds, p.StanceMaxLogOdds),
		Param{Name: "people", Value: nDM}, Param{Name: "score", Value: dm})
	add(FactorEconomicBuyer, clamp(eb*p.EconomicBuyerLogOdds, -p.StanceMaxLogOdds, p.StanceMaxLogOdds),
		Param{Name: "people", Value: nEB}, Param{Name: "score", Value: eb})
	if nDM == 0 {
		add(FactorNoDecisionMaker, p.NoDecisionMakerLogOdds)
	}
	if champion {
		add(FactorChampion, p.ChampionLogOdds)
	}
	add(FactorStaleContact, math.Max(stale*p.StaleContactLogOdds, -p.StaleContactMaxLogOdds),
		Param{Name: "people", Value: staleN}, Param{Name: "days", Value: float64(p.StaleContactDays)})
	add(FactorOverdueNextStep, math.Max(overdue*p.OverdueNextStepLogOdds, -p.OverdueNextStepMaxLogOdds),
		Param{Name: "count", Value: overdue})

	// The last retrospective held by the as-of date.
	last := -1
	for i, r := range in.Retrospectives {
		if d := dayNum(r.HeldOn); d <= asDay && (last < 0 || d >= dayNum(in.Retrospectives[last].HeldOn)) {
			last = i
		}
	}
	if last >= 0 {
		r := in.Retrospectives[last]
		add(FactorRetrospective, p.RetroLogOdds[r.Outcome], Param{Name: "outcome", Text: r.Outcome}, Param{Name: "held_on", Text: dateText(r.HeldOn)})
	}

	var overdueActions float64
	for _, a := range in.Actions {
		if a.Status == "open" && dayNum(a.DueOn) < asDay {
			overdueActions++
		}
	}
	add(FactorOverdueActions, math.Max(overdueActions*p.OverdueActionLogOdds, -p.OverdueActionMaxLogOdds),
		Param{Name: "count", Value: overdueActions})
	return terms
}

// noGo reports the gate whose latest decision by the as-of date is no-go, if any.
func noGo(ds []GateDecision, asDay int) (string, bool) {
	for i, d := range ds {
		if d.Decision != "no_go" || dayNum(d.DecidedOn) > asDay {
			continue
		}
		latest := true
		for j, e := range ds {
			if j != i && e.MilestoneID == d.MilestoneID && dayNum(e.DecidedOn) <= asDay &&
				(dayNum(e.DecidedOn) > dayNum(d.DecidedOn) || (dayNum(e.DecidedOn) == dayNum(d.DecidedOn) && j > i)) {
				latest = false
				break
			}
		}
		if latest {
			return d.MilestoneID, true
		}
	}
	return "", false
}

// attribute turns log-odds terms into factors: applied in order, each factor gets the
// change in probability it causes, so Base + Σ contributions telescopes to PWin.
func attribute(base float64, terms []term) (float64, []Factor) {
	fs := make([]Factor, 0, len(terms)+1)
	l, prev := logit(base), base
	for _, t := range terms {
		l += t.lo
		cur := sigmoid(l)
		fs = append(fs, Factor{Key: t.key, Contribution: cur - prev, LogOdds: t.lo, Detail: t.detail})
		prev = cur
	}
	return prev, fs
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func dateText(t time.Time) string { return t.Format("2006-01-02") }
