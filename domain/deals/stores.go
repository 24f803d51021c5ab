package deals

import (
	"context"
	"time"

	"summit/domain"
)

// ActivityRange bounds a deal's trail to the days From to To (both included, UTC; nil:
// unbounded on that side): "what changed" links to the entries between two snapshots.
type ActivityRange struct {
	From, To *time.Time
}

// Activity is one entry of a deal's audit trail: who changed what, before and after.
type Activity struct {
	ID         string
	DealID     string
	At         time.Time
	ActorID    *string
	ActorName  *string // read model
	Action     string  // e.g. deal.updated, milestone.created, baseline.taken
	EntityType string  // deal, milestone, baseline, team
	EntityID   *string
	Before     any
	After      any
}

// Baseline is a frozen copy of a plan's dates.
type Baseline struct {
	ID      string
	DealID  string
	Name    string
	Reason  string
	TakenAt time.Time
	TakenBy *string
	// Committed: slippage is measured against this baseline (CommittedBaseline);
	// CommittedReason says why the PMO committed to it ("" for the first one).
	Committed       bool
	CommittedReason string
	Milestones      []BaselineMilestone
}

// BaselineMilestone is one milestone's dates in a baseline.
type BaselineMilestone struct {
	MilestoneID  string
	PlannedStart time.Time
	PlannedDue   time.Time
}

// DealFilter narrows a deal list.
type DealFilter struct {
	Segment    *Segment
	TeamIDs    []string // with their sub-teams, expanded by the service
	Status     *DealStatus
	CloseFrom  *time.Time // target close date in [CloseFrom, CloseTo)
	CloseTo    *time.Time
	CustomerID *string
	MemberID   *string // a deal-team member
	// Visible limits the list to what the viewer may read; nil means everything.
	Visible *Visibility
	// ConfidencePeriod names the period whose stored confidence the items carry (and the
	// confidence sort and bounds use); ConfidenceMin and ConfidenceMax bound it.
	ConfidencePeriod string
	ConfidenceMin    *float64
	ConfidenceMax    *float64
}

// Visibility is what a member may read: deals of these teams, or where they hold a role.
type Visibility struct {
	TeamIDs []string
	UserID  string
}

// Access is what authorization needs to know about one deal.
type Access struct {
	DealID  string
	TeamID  string
	Members []Member
}

// Store persists customers, templates, deals and plans. Every write stores its activity
// entries in the same transaction and checks versions (domain.ErrStaleVersion).
//
// A use case whose rule spans rows runs in Tx and calls LockPlan first: its reads and
// writes are then one transaction, and no other change to that deal's plan, team or
// status can come between the check and the write.
type Store interface {
	domain.Transactor
	// LockPlan holds the deal (its plan, team and status) until the transaction in ctx
	// ends; the next use case to lock it waits and then reads what this one wrote. It is
	// an error outside Tx; an unknown deal is domain.ErrNotFound.
	LockPlan(ctx context.Context, dealID string) error
	// LockMilestonePlan is LockPlan of the deal milestoneID belongs to, whose id it
	// returns (one statement); an unknown milestone is domain.ErrNotFound.
	LockMilestonePlan(ctx context.Context, milestoneID string) (dealID string, err error)

	ListCustomers(ctx context.Context, kind *CustomerKind, p domain.ListParams) (domain.Page[Customer], error)
	Customer(ctx context.Context, id string) (Customer, error)
	CreateCustomer(ctx context.Context, c Customer) (Customer, error)
	UpdateCustomer(ctx context.Context, c Customer, expected int) (Customer, error)
	DeleteCustomer(ctx context.Context, id string, expected int) error

	ListTemplates(ctx context.Context) ([]Template, error)
	// TemplatePage pages through the templates (the API's list; ListTemplates is every
	// one, for the demo and the built-ins).
	TemplatePage(ctx context.Context, p domain.ListParams) (domain.Page[Template], error)
	Template(ctx context.Context, id string) (Template, error)
	// CreateTemplate and UpdateTemplate store each audit (a change of the template's
	// confidence overrides) in audit_events in the same transaction.
	CreateTemplate(ctx context.Context, t Template, audits ...TemplateAudit) (Template, error)
	UpdateTemplate(ctx context.Context, t Template, expected int, audits ...TemplateAudit) (Template, error)
	DeleteTemplate(ctx context.Context, id string, expected int) error

	ListDeals(ctx context.Context, f DealFilter, p domain.ListParams) (domain.Page[Deal], error)
	// DealTotals counts the deals f and search select and sums their amounts, per currency.
	DealTotals(ctx context.Context, f DealFilter, search string) ([]CurrencyTotal, error)
	Deal(ctx context.Context, id string) (Deal, error)
	DealAccess(ctx context.Context, dealID string) (Access, error)
	// MilestoneAccess is DealAccess of the deal milestoneID belongs to.
	MilestoneAccess(ctx context.Context, milestoneID string) (Access, error)
	MilestoneDeal(ctx context.Context, milestoneID string) (string, error)
	// CreateDeal stores the deal, its team and its initial plan (milestone ids are
	// indexes into plan until stored; DependsOn refers to them).
	CreateDeal(ctx context.Context, d Deal, plan []Milestone, act Activity) (Deal, error)
	// UpdateDeal stores d at expected with its activity entries (one per kind of change).
	UpdateDeal(ctx context.Context, d Deal, expected int, acts ...Activity) (Deal, error)
	SetTeam(ctx context.Context, dealID string, members []Member, expected int, act Activity) (Deal, error)
	// DeleteDeal removes the deal and everything under it at expected; snapshot is kept in
	// the audit trail.
	DeleteDeal(ctx context.Context, id string, expected int, actorID string, snapshot map[string]any) error

	// Plan returns the milestones in sequence order with dependencies and baseline dues.
	Plan(ctx context.Context, dealID string) ([]Milestone, error)
	Milestone(ctx context.Context, id string) (Milestone, error)
	CreateMilestone(ctx context.Context, m Milestone, act Activity) (Milestone, error)
	// UpdateMilestone stores m at expected; relink rewrites its dependency links (else
	// they stay as stored). The result's DependsOn is m's.
	UpdateMilestone(ctx context.Context, m Milestone, expected int, relink bool, act Activity) (Milestone, error)
	DeleteMilestone(ctx context.Context, id string, expected int, act Activity) error
	// ApplyMoves reschedules several milestones at once: all or none, each at its version.
	ApplyMoves(ctx context.Context, dealID string, moves []VersionedMove, act Activity) error
	Reorder(ctx context.Context, dealID string, ids []string, act Activity) error
	// ApplyPlanChange writes ch (see PlanChange) and act, all or nothing, and moves the
	// deal's version on, which it returns.
	ApplyPlanChange(ctx context.Context, dealID string, ch PlanChange, act Activity) (int, error)
	// BaselineDates are the dates of the deal's milestones in each of its baselines.
	BaselineDates(ctx context.Context, dealID string) ([]BaselineDate, error)
	// SavePlanImport records an import (with an id and time of its own) and forgets the
	// deal's earlier ones: only the latest import can be undone.
	SavePlanImport(ctx context.Context, imp PlanImport) (PlanImport, error)
	// PlanImport is the deal's recorded import id (domain.ErrNotFound if none).
	PlanImport(ctx context.Context, dealID, id string) (PlanImport, error)
	MarkPlanImportUndone(ctx context.Context, id string) error

	ListBaselines(ctx context.Context, dealID string) ([]Baseline, error)
	TakeBaseline(ctx context.Context, b Baseline, act Activity) (Baseline, error)
	// CommitBaseline makes baselineID the deal's only committed baseline, with reason.
	CommitBaseline(ctx context.Context, dealID, baselineID, reason string, act Activity) error

	ListActivity(ctx context.Context, dealID string, p domain.ListParams, r ActivityRange) (domain.Page[Activity], error)
}

// VersionedMove is a move applied only if the milestone is still at Version. Allowed
// says whether the actor may move it (PlanRights); a cascade with any move not allowed
// is refused as a whole.
type VersionedMove struct {
	Move
	Version int
	Allowed bool
}
