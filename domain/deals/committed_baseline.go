package deals

import (
	"strings"

	"summit/domain"
)

// CommittedBaseline is the baseline slippage is measured against: the one marked
// committed (the PMO's explicit choice, or the first one taken, which is committed when
// it is taken), else the first one taken — the kick-off plan. Taking another baseline
// never moves it, so re-baselining cannot hide slip. bs may be in any order; nil without
// baselines.
func CommittedBaseline(bs []Baseline) *Baseline {
	var first *Baseline
	for i := range bs {
		b := &bs[i]
		if b.Committed {
			return b
		}
		if first == nil || b.TakenAt.Before(first.TakenAt) || (b.TakenAt.Equal(first.TakenAt) && b.ID < first.ID) {
			first = b
		}
	}
	return first
}

// Rebaselines is how many times the plan was baselined again after the first baseline.
func Rebaselines(bs []Baseline) int {
	return max(len(bs)-1, 0)
}

// CheckCommit checks that the PMO may commit to baselineID among the deal's baselines bs
// with reason: the baseline is the deal's, is not already the committed one, and the
// reason is given (it is kept in the activity trail). It returns the baseline to commit
// and the one committed until now (nil without one).
func CheckCommit(bs []Baseline, baselineID, reason string) (target Baseline, previous *Baseline, err error) {
	reason = strings.TrimSpace(reason)
	verr := &domain.ValidationError{}
	if reason == "" {
		verr.Add("reason", "required", "")
	}
	verr.CheckLen("reason", reason, domain.MaxReasonLen)
	if err := verr.OrNil(); err != nil {
		return Baseline{}, nil, err
	}
	previous = CommittedBaseline(bs)
	for _, b := range bs {
		if b.ID != baselineID {
			continue
		}
		if previous != nil && previous.ID == b.ID {
			return Baseline{}, nil, domain.Invalid("baseline_id", "already_committed", "")
		}
		return b, previous, nil
	}
	return Baseline{}, nil, domain.ErrNotFound
}
