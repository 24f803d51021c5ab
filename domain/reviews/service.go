package reviews

import (
	"context"
	"errors"
	"strings"
	"time"

	"summit/domain"
	"summit/domain/deals"
)

// Service runs retrospectives and gate decisions.
type Service struct {
	Store Store
	// Deals holds the deal while a gate decision is taken and ends it at a no-go with
	// abandon (deals.Service.AbandonDeal), in the decision's transaction. Required.
	Deals *deals.Service
	Now   func() time.Time
}

func (s *Service) today() time.Time { return deals.Day(s.Now()) }

func activity(actorID, dealID, action string, entityID *string, before, after any) Activity {
	a := Activity{DealID: dealID, Action: action, EntityID: entityID, Before: before, After: after}
	if actorID != "" {
		a.ActorID = &actorID
	}
	return a
}

// ListRetrospectives lists a deal's retrospectives, newest first, with their actions.
func (s *Service) ListRetrospectives(ctx context.Context, dealID string) ([]Retrospective, error) {
	return s.Store.ListRetrospectives(ctx, dealID)
}

// Retrospective returns one retrospective.
func (s *Service) Retrospective(ctx context.Context, id string) (Retrospective, error) {
	return s.Store.Retrospective(ctx, id)
}

// HoldRetrospective records a retrospective at a milestone of the deal (or none).
func (s *Service) HoldRetrospective(ctx context.Context, actorID string, r Retrospective) (Retrospective, error) {
	openByDefault(r.Actions)
	if err := Check(r); err != nil {
		return Retrospective{}, err
	}
	if err := s.checkMilestone(ctx, r.DealID, r.MilestoneID); err != nil {
		return Retrospective{}, err
	}
	if actorID != "" {
		r.CreatedBy = &actorID
	}
	var out Retrospective
	err := s.changeDeal(ctx, r.DealID, func(ctx context.Context) (err error) {
		out, err = s.Store.CreateRetrospective(ctx, r, activity(actorID, r.DealID, deals.ActRetrospectiveCreated, nil, nil, summary(r)))
		return err
	})
	return out, err
}

// changeDeal runs fn in the deal's WithPlan transaction with the recomputation of the
// deal's stored confidence (deals.Service.RefreshForecasts): both commit, or neither.
// The deal's row is held first, as for every other change to the deal.
func (s *Service) changeDeal(ctx context.Context, dealID string, fn func(ctx context.Context) error) error {
	return s.Deals.WithPlan(ctx, dealID, func(ctx context.Context) error {
		if err := fn(ctx); err != nil {
			return err
		}
		return s.Deals.RefreshForecasts(ctx, dealID)
	})
}

// UpdateRetrospective replaces a retrospective's fields and actions at version.
func (s *Service) UpdateRetrospective(ctx context.Context, actorID, id string, version int, r Retrospective) (Retrospective, error) {
	current, err := s.Store.Retrospective(ctx, id)
	if err != nil {
		return Retrospective{}, err
	}
	r.ID, r.DealID, r.CreatedBy = id, current.DealID, current.CreatedBy
	openByDefault(r.Actions)
	if err := Check(r); err != nil {
		return Retrospective{}, err
	}
	if err := s.checkMilestone(ctx, r.DealID, r.MilestoneID); err != nil {
		return Retrospective{}, err
	}
	var out Retrospective
	err = s.changeDeal(ctx, r.DealID, func(ctx context.Context) (err error) {
		out, err = s.Store.UpdateRetrospective(ctx, r, version, activity(actorID, r.DealID, deals.ActRetrospectiveUpdated, &id, summary(current), summary(r)))
		return err
	})
	return out, err
}

// DeleteRetrospective removes a retrospective and its actions.
func (s *Service) DeleteRetrospective(ctx context.Context, actorID, id string, version int) error {
	current, err := s.Store.Retrospective(ctx, id)
	if err != nil {
		return err
	}
	return s.changeDeal(ctx, current.DealID, func(ctx context.Context) error {
		return s.Store.DeleteRetrospective(ctx, id, version, activity(actorID, current.DealID, deals.ActRetrospectiveDeleted, &id, summary(current), nil))
	})
}

// SetActionStatus marks an action item open or done.
func (s *Service) SetActionStatus(ctx context.Context, actorID, id string, version int, status string) (Action, error) {
	if status != "open" && status != "done" {
		return Action{}, domain.Invalid("status", "oneof", "open done")
	}
	a, err := s.Store.Action(ctx, id)
	if err != nil {
		return Action{}, err
	}
	before := a.Status
	a.Status = status
	var out Action
	err = s.changeDeal(ctx, a.DealID, func(ctx context.Context) (err error) {
		out, err = s.Store.UpdateAction(ctx, a, version, activity(actorID, a.DealID, deals.ActActionUpdated, &id,
			map[string]any{"title": a.Title, "status": before}, map[string]any{"title": a.Title, "status": status}))
		return err
	})
	return out, err
}

// OverdueActions lists a deal's open actions past their due date.
func (s *Service) OverdueActions(ctx context.Context, dealID string) ([]Action, error) {
	open, err := s.Store.OpenActionsOfDeal(ctx, dealID)
	if err != nil {
		return nil, err
	}
	var out []Action
	for _, a := range open {
		if a.Overdue(s.today()) {
			out = append(out, a)
		}
	}
	return out, nil
}

// ListDecisions lists a deal's gate decisions in the order they were taken.
func (s *Service) ListDecisions(ctx context.Context, dealID string) ([]GateDecision, error) {
	return s.Store.ListDecisions(ctx, dealID)
}

// Decide records a go / no-go at a gate. A no-go with abandon ends the deal as
// abandoned (at dealVersion; deals.Abandon is the rule) with the rationale as the reason:
// the decision and the deal's end are one transaction, which holds the deal's plan so the
// gate is still a gate when the decision is stored.
func (s *Service) Decide(ctx context.Context, actorID string, d GateDecision, abandon bool, dealVersion int) (out GateDecision, err error) {
	if d.DecidedOn.IsZero() {
		d.DecidedOn = s.today()
	}
	d.Rationale, d.Conditions = strings.TrimSpace(d.Rationale), strings.TrimSpace(d.Conditions)
	if actorID != "" {
		d.DecidedBy = &actorID
	}
	err = s.Deals.WithPlan(ctx, d.DealID, func(ctx context.Context) error {
		isGate, err := s.Store.MilestoneOfDeal(ctx, d.DealID, d.MilestoneID)
		if errors.Is(err, domain.ErrNotFound) {
			// Unknown, or a milestone of another deal: the field is wrong, the deal is there.
			return domain.Invalid("milestone_id", "exists", "")
		}
		if err != nil {
			return err
		}
		if err := CheckDecision(d, isGate, s.today()); err != nil {
			return err
		}
		if abandon && d.Decision != "no_go" {
			return domain.Invalid("abandon_deal", "only_no_go", "")
		}
		if abandon {
			if _, err := s.Deals.AbandonDeal(ctx, deals.Actor{UserID: actorID}, d.DealID, dealVersion, d.Rationale); err != nil {
				return err
			}
		}
		act := activity(actorID, d.DealID, deals.ActGateDecided, &d.MilestoneID, nil,
			map[string]any{"decision": d.Decision, "rationale": d.Rationale, "conditions": d.Conditions, "abandon_deal": abandon})
		if out, err = s.Store.CreateDecision(ctx, d, act); err != nil {
			return err
		}
		return s.Deals.RefreshForecasts(ctx, d.DealID)
	})
	return out, err
}

func (s *Service) checkMilestone(ctx context.Context, dealID string, milestoneID *string) error {
	if milestoneID == nil {
		return nil
	}
	if _, err := s.Store.MilestoneOfDeal(ctx, dealID, *milestoneID); err != nil {
		return domain.Invalid("milestone_id", "exists", "")
	}
	return nil
}

// openByDefault marks action items sent without a status as open.
func openByDefault(actions []Action) {
	for i := range actions {
		if actions[i].Status == "" {
			actions[i].Status = "open"
		}
	}
}

func summary(r Retrospective) map[string]any {
	return map[string]any{"held_on": r.HeldOn.Format("2006-01-02"), "outcome": r.Outcome, "actions": len(r.Actions)}
}
