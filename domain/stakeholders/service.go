package stakeholders

import (
	"context"
	"strings"
	"time"

	"summit/domain"
	"summit/domain/deals"
)

// Service runs contacts and stakeholders.
type Service struct {
	Store Store
	Now   func() time.Time
	// Forecasts recomputes a deal's stored confidence in the transaction of each change
	// to its stakeholders (nil: nothing is kept).
	Forecasts Forecasts
}

// Forecasts recomputes deals' stored confidence in the transaction in ctx
// (domain/forecasts). Lock holds the deals' rows first, as every change to a deal does
// (deals.Service.WithPlan), so a stakeholder change and a plan change of one deal run one
// after the other instead of each waiting for the other's rows.
type Forecasts interface {
	Lock(ctx context.Context, dealIDs ...string) error
	Refresh(ctx context.Context, dealIDs ...string) error
}

// changeDeal runs fn in one transaction with the recomputation of the deal's stored
// confidence: both commit, or neither.
func (s *Service) changeDeal(ctx context.Context, dealID string, fn func(ctx context.Context) error) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		if s.Forecasts == nil {
			return fn(ctx)
		}
		if err := s.Forecasts.Lock(ctx, dealID); err != nil {
			return err
		}
		if err := fn(ctx); err != nil {
			return err
		}
		return s.Forecasts.Refresh(ctx, dealID)
	})
}

// NewStakeholder is a stakeholder to add: an existing contact, or a new one by name.
type NewStakeholder struct {
	Stakeholder Stakeholder
	ContactName string
	Title       string
	ReportsToID *string // the new contact's manager, a contact of the same customer
}

// ListContacts pages through a customer's people; authorization (CheckContactAccess)
// comes first.
func (s *Service) ListContacts(ctx context.Context, customerID string, p domain.ListParams) (domain.Page[Contact], error) {
	return s.Store.ListContacts(ctx, customerID, p)
}

// CreateContact adds a person to a customer.
func (s *Service) CreateContact(ctx context.Context, c Contact) (Contact, error) {
	c.Name = strings.TrimSpace(c.Name)
	if err := CheckContact(c); err != nil {
		return Contact{}, err
	}
	if c.ReportsToID == nil {
		return s.Store.CreateContact(ctx, c)
	}
	var out Contact
	err := s.inReportingLines(ctx, c.CustomerID, func(ctx context.Context) error {
		if err := s.checkManager(ctx, c); err != nil {
			return err
		}
		var err error
		out, err = s.Store.CreateContact(ctx, c)
		return err
	})
	return out, err
}

// inReportingLines runs fn in one transaction that holds the customer's reporting lines
// (Store.LockReportingLines): the loop check and the write see the same lines.
func (s *Service) inReportingLines(ctx context.Context, customerID string, fn func(ctx context.Context) error) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockReportingLines(ctx, customerID); err != nil {
			return err
		}
		return fn(ctx)
	})
}

// ContactPatch changes some of a contact's fields.
type ContactPatch struct {
	Name, Title, Department, Phone, Email *string
	ReportsToID                           *string
	ClearReportsTo                        bool
}

// UpdateContact applies a patch at version; a reporting line that loops is refused, on
// the lines as they are inside the transaction that stores the change.
func (s *Service) UpdateContact(ctx context.Context, id string, version int, p ContactPatch) (out Contact, err error) {
	c, err := s.Store.Contact(ctx, id) // a contact never changes customer
	if err != nil {
		return Contact{}, err
	}
	err = s.inReportingLines(ctx, c.CustomerID, func(ctx context.Context) error {
		out, err = s.updateContact(ctx, id, version, p)
		return err
	})
	return out, err
}

func (s *Service) updateContact(ctx context.Context, id string, version int, p ContactPatch) (Contact, error) {
	c, err := s.Store.Contact(ctx, id)
	if err != nil {
		return Contact{}, err
	}
	for dst, v := range map[*string]*string{&c.Name: p.Name, &c.Title: p.Title, &c.Department: p.Department, &c.Phone: p.Phone, &c.Email: p.Email} {
		if v != nil {
			*dst = strings.TrimSpace(*v)
		}
	}
	if p.ReportsToID != nil || p.ClearReportsTo {
		c.ReportsToID = p.ReportsToID
	}
	if err := CheckContact(c); err != nil {
		return Contact{}, err
	}
	if err := s.checkManager(ctx, c); err != nil {
		return Contact{}, err
	}
	return s.Store.UpdateContact(ctx, c, version)
}

// checkManager: the manager is a contact of the same customer and no loop forms.
func (s *Service) checkManager(ctx context.Context, c Contact) error {
	if c.ReportsToID == nil {
		return nil
	}
	lines, err := s.Store.ReportingLines(ctx, c.CustomerID)
	if err != nil {
		return err
	}
	return CheckManager(c.ID, c.ReportsToID, lines)
}

// DeleteContact removes a contact no deal uses.
func (s *Service) DeleteContact(ctx context.Context, id string, version int) error {
	return s.Store.DeleteContact(ctx, id, version)
}

// Contact returns one contact.
func (s *Service) Contact(ctx context.Context, id string) (Contact, error) {
	return s.Store.Contact(ctx, id)
}

// ListStakeholders lists a deal's stakeholders with their contacts.
func (s *Service) ListStakeholders(ctx context.Context, dealID string) ([]Stakeholder, error) {
	return s.Store.ListStakeholders(ctx, dealID)
}

// Stakeholder returns one stakeholder.
func (s *Service) Stakeholder(ctx context.Context, id string) (Stakeholder, error) {
	return s.Store.Stakeholder(ctx, id)
}

// History lists a stakeholder's changes, newest first.
func (s *Service) History(ctx context.Context, id string) ([]HistoryEntry, error) {
	return s.Store.History(ctx, id)
}

// AddStakeholder links a contact of the deal's customer to the deal, creating the
// contact when only a name is given.
func (s *Service) AddStakeholder(ctx context.Context, actorID, dealID string, in NewStakeholder) (Stakeholder, error) {
	st := in.Stakeholder
	st.DealID = dealID
	if st.RelationshipStrength == 0 {
		st.RelationshipStrength = 1
	}
	if err := Check(st); err != nil {
		return Stakeholder{}, err
	}
	if err := CheckNewStakeholderManager(in); err != nil {
		return Stakeholder{}, err
	}
	customerID, err := s.Store.DealCustomer(ctx, dealID)
	if err != nil {
		return Stakeholder{}, err
	}
	var newContact *Contact
	if st.ContactID == "" {
		name := strings.TrimSpace(in.ContactName)
		if name == "" {
			return Stakeholder{}, domain.Invalid("name", "required", "")
		}
		newContact = &Contact{CustomerID: customerID, Name: name, Title: strings.TrimSpace(in.Title), ReportsToID: in.ReportsToID}
		if err := CheckContact(*newContact); err != nil {
			return Stakeholder{}, err
		}
	} else {
		c, err := s.Store.Contact(ctx, st.ContactID)
		if err != nil || c.CustomerID != customerID {
			return Stakeholder{}, domain.Invalid("contact_id", "exists", "")
		}
	}
	var out Stakeholder
	err = s.changeDeal(ctx, dealID, func(ctx context.Context) (err error) {
		if newContact != nil && newContact.ReportsToID != nil {
			// The manager is checked on the lines as they are in the transaction that adds the person.
			if err := s.Store.LockReportingLines(ctx, customerID); err != nil {
				return err
			}
			if err := s.checkManager(ctx, *newContact); err != nil {
				return err
			}
		}
		out, err = s.Store.CreateStakeholder(ctx, st, newContact, activity(actorID, dealID, deals.ActStakeholderCreated, nil, nil, in.ContactName))
		return err
	})
	return out, err
}

// UpdateStakeholder applies a patch at version and records the tracked changes (with the
// patch's note) in the stakeholder's history.
func (s *Service) UpdateStakeholder(ctx context.Context, actorID, id string, version int, p Patch) (Stakeholder, error) {
	current, err := s.Store.Stakeholder(ctx, id)
	if err != nil {
		return Stakeholder{}, err
	}
	next, changes := Apply(current, p)
	if err := Check(next); err != nil {
		return Stakeholder{}, err
	}
	h := HistoryEntry{StakeholderID: id, Changes: changes, Note: strings.TrimSpace(p.Note)}
	if err := domain.TooLong("note", h.Note, domain.MaxReasonLen); err != nil {
		return Stakeholder{}, err
	}
	if actorID != "" {
		h.ActorID = &actorID
	}
	act := activity(actorID, current.DealID, deals.ActStakeholderUpdated, &id, changes, current.Contact.Name)
	var out Stakeholder
	err = s.changeDeal(ctx, current.DealID, func(ctx context.Context) (err error) {
		out, err = s.Store.UpdateStakeholder(ctx, next, version, h, act)
		return err
	})
	return out, err
}

// RemoveStakeholder unlinks a person from the deal (the contact stays with the customer).
func (s *Service) RemoveStakeholder(ctx context.Context, actorID, id string, version int) error {
	current, err := s.Store.Stakeholder(ctx, id)
	if err != nil {
		return err
	}
	return s.changeDeal(ctx, current.DealID, func(ctx context.Context) error {
		return s.Store.DeleteStakeholder(ctx, id, version, activity(actorID, current.DealID, deals.ActStakeholderDeleted, &id, current.Contact.Name, nil))
	})
}

func activity(actorID, dealID, action string, entityID *string, before, after any) Activity {
	a := Activity{DealID: dealID, Action: action, EntityID: entityID, Before: before, After: after}
	if actorID != "" {
		a.ActorID = &actorID
	}
	return a
}

// RiskQuery bounds the risk views.
type RiskQuery struct {
	Visible   *deals.Visibility // the deals the caller may read (nil: all)
	DealID    string            // "" or one deal
	Today     time.Time         // set by the service
	GateDays  int               // gates due within this many days
	StaleDays int               // decisive people not contacted for this many days
	List      domain.ListParams // the page
}

// GateRisks lists gates at risk from their decisive stakeholders, a page at a time.
func (s *Service) GateRisks(ctx context.Context, q RiskQuery) (domain.Page[GateRisk], error) {
	q.Today = s.today()
	return s.Store.GateRisks(ctx, q)
}

// OverdueNextSteps lists stakeholders whose next step is past due, a page at a time.
func (s *Service) OverdueNextSteps(ctx context.Context, q RiskQuery) (domain.Page[Stakeholder], error) {
	q.Today = s.today()
	return s.Store.OverdueNextSteps(ctx, q)
}

// CoverageGaps lists open deals without a decision maker or a champion, a page at a time.
func (s *Service) CoverageGaps(ctx context.Context, q RiskQuery) (domain.Page[CoverageGap], error) {
	q.Today = s.today()
	return s.Store.CoverageGaps(ctx, q)
}

func (s *Service) today() time.Time { return deals.Day(s.Now()) }
