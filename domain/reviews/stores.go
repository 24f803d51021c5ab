package reviews

import (
	"context"

	"summit/domain"
)

// Activity is an entry for the deal's audit trail.
type Activity struct {
	DealID   string
	ActorID  *string
	Action   string // retrospective.created, retrospective.updated, action.updated, gate.decided
	EntityID *string
	Before   any
	After    any
}

// Store persists retrospectives, their actions and gate decisions; writes check versions
// and store their activity in the same transaction.
type Store interface {
	domain.Transactor

	ListRetrospectives(ctx context.Context, dealID string) ([]Retrospective, error)
	Retrospective(ctx context.Context, id string) (Retrospective, error)
	CreateRetrospective(ctx context.Context, r Retrospective, act Activity) (Retrospective, error)
	// UpdateRetrospective replaces the fields and the action items (kept by id, new ones
	// added, missing ones removed) at expected.
	UpdateRetrospective(ctx context.Context, r Retrospective, expected int, act Activity) (Retrospective, error)
	DeleteRetrospective(ctx context.Context, id string, expected int, act Activity) error

	Action(ctx context.Context, id string) (Action, error)
	UpdateAction(ctx context.Context, a Action, expected int, act Activity) (Action, error)
	// MyActions lists one page of a user's open actions and stakeholder next steps on the
	// open deals q.Visible may read, in MyItemKey order.
	MyActions(ctx context.Context, q MyActionsQuery) (domain.Page[MyItem], error)
	// OpenActionsOfDeal lists a deal's open actions, soonest due first.
	OpenActionsOfDeal(ctx context.Context, dealID string) ([]Action, error)

	ListDecisions(ctx context.Context, dealID string) ([]GateDecision, error)
	// CreateDecision stores a decision and its activity entry.
	CreateDecision(ctx context.Context, d GateDecision, act Activity) (GateDecision, error)
	// MilestoneOfDeal reports whether milestoneID belongs to dealID and is a gate.
	MilestoneOfDeal(ctx context.Context, dealID, milestoneID string) (isGate bool, err error)
	RetrospectiveDeal(ctx context.Context, id string) (string, error)
	ActionDeal(ctx context.Context, id string) (string, error)
}
