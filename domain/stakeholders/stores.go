package stakeholders

import (
	"context"

	"summit/domain"
)

// Activity is an entry for the deal's audit trail (stored in deal_activity).
type Activity struct {
	DealID   string
	ActorID  *string
	Action   string // stakeholder.created, stakeholder.updated, stakeholder.deleted
	EntityID *string
	Before   any
	After    any
}

// Store persists contacts, stakeholders and their history. Writes check versions
// (domain.ErrStaleVersion) and store history and activity in the same transaction.
//
// A change to a customer's reporting lines runs in Tx after LockReportingLines, so that
// two changes cannot each pass the loop check and together store a loop.
type Store interface {
	domain.Transactor
	// LockReportingLines holds the reporting lines of a customer's people until the
	// transaction in ctx ends. It is an error outside Tx; an unknown customer is
	// domain.ErrNotFound.
	LockReportingLines(ctx context.Context, customerID string) error

	// ListContacts pages through a customer's people (sorted by ContactSortFields).
	ListContacts(ctx context.Context, customerID string, p domain.ListParams) (domain.Page[Contact], error)
	// CustomerReach says how a caller (its teams with those below, its id) reaches the
	// customer through its deals; an unknown customer is domain.ErrNotFound.
	CustomerReach(ctx context.Context, customerID string, teamIDs []string, userID string) (CustomerReach, error)
	Contact(ctx context.Context, id string) (Contact, error)
	CreateContact(ctx context.Context, c Contact) (Contact, error)
	UpdateContact(ctx context.Context, c Contact, expected int) (Contact, error)
	DeleteContact(ctx context.Context, id string, expected int) error // in use by a stakeholder: domain.ErrConflict
	// ReportingLines maps every contact of the customer to its manager.
	ReportingLines(ctx context.Context, customerID string) (map[string]*string, error)

	// DealCustomer is the customer of a deal (a stakeholder's contact must belong to it).
	DealCustomer(ctx context.Context, dealID string) (string, error)
	ListStakeholders(ctx context.Context, dealID string) ([]Stakeholder, error)
	Stakeholder(ctx context.Context, id string) (Stakeholder, error)
	StakeholderDeal(ctx context.Context, id string) (string, error)
	// CreateStakeholder stores s (and a new contact first when s.ContactID is empty).
	CreateStakeholder(ctx context.Context, s Stakeholder, newContact *Contact, act Activity) (Stakeholder, error)
	// UpdateStakeholder stores s at expected; a non-empty history entry is added with it.
	UpdateStakeholder(ctx context.Context, s Stakeholder, expected int, history HistoryEntry, act Activity) (Stakeholder, error)
	DeleteStakeholder(ctx context.Context, id string, expected int, act Activity) error
	History(ctx context.Context, stakeholderID string) ([]HistoryEntry, error)

	// The risk views, each one page over the open deals q.Visible may read (a condition
	// in SQL, never a list of deal ids), filtered and aggregated in the database.
	// GateRisks: gates not done or skipped due by q.Today+q.GateDays whose decision makers
	// or economic buyers are skeptic or blocker, or not contacted since q.StaleDays ago.
	GateRisks(ctx context.Context, q RiskQuery) (domain.Page[GateRisk], error)
	// OverdueNextSteps: stakeholders whose next step was due before q.Today.
	OverdueNextSteps(ctx context.Context, q RiskQuery) (domain.Page[Stakeholder], error)
	// CoverageGaps: open deals without a decision maker or without a champion.
	CoverageGaps(ctx context.Context, q RiskQuery) (domain.Page[CoverageGap], error)
}
