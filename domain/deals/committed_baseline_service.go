package deals

import (
	"context"
	"strings"
)

// CommitBaseline makes baselineID the deal's committed baseline — the one its slippage
// is measured against — with the PMO's reason, kept in the activity trail
// ("baseline.committed", before: the baseline committed until now). The deal's stored
// confidence is recomputed in the same transaction.
func (s *Service) CommitBaseline(ctx context.Context, a Actor, dealID, baselineID, reason string) (Baseline, error) {
	var out Baseline
	err := s.changePlan(ctx, dealID, func(ctx context.Context) error {
		bs, err := s.Store.ListBaselines(ctx, dealID)
		if err != nil {
			return err
		}
		target, previous, err := CheckCommit(bs, baselineID, reason)
		if err != nil {
			return err
		}
		var before any
		if previous != nil {
			before = map[string]any{"name": previous.Name}
		}
		reason = strings.TrimSpace(reason)
		id := target.ID
		act := a.activity(dealID, ActBaselineCommitted, "baseline", &id, before, map[string]any{"name": target.Name, "reason": reason})
		if err := s.Store.CommitBaseline(ctx, dealID, target.ID, reason, act); err != nil {
			return err
		}
		out = target
		out.Committed, out.CommittedReason = true, reason
		return nil
	})
	return out, err
}
