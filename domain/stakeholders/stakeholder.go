// Package stakeholders holds the customer's people and their part in each deal: contacts
// (shared by a customer's deals), stakeholders with decision role, influence and stance,
// the history of every change, and the risk views built on them.
package stakeholders

import (
	"strings"
	"time"

	"summit/domain"
)

// DecisionRole is a person's part in the customer's decision.
type DecisionRole string

// DecisionRoles lists them, most decisive first.
var DecisionRoles = []DecisionRole{"decision_maker", "economic_buyer", "technical_evaluator", "user", "influencer", "gatekeeper", "coach"}

// Stance is where a person stands on our deal, from champion to blocker.
type Stance string

// Stances lists them from most to least favourable.
var Stances = []Stance{"champion", "supporter", "neutral", "skeptic", "blocker"}

func oneOf[T comparable](v T, all []T) bool {
	for _, a := range all {
		if v == a {
			return true
		}
	}
	return false
}

// Contact is a person at a customer.
type Contact struct {
	ID          string
	CustomerID  string
	Name        string
	Title       string
	Department  string
	ReportsToID *string
	Phone       string
	Email       string
	Version     int
}

// CheckContact validates a contact's own fields.
func CheckContact(c Contact) error {
	if strings.TrimSpace(c.Name) == "" {
		return domain.Invalid("name", "required", "")
	}
	verr := &domain.ValidationError{}
	verr.CheckLen("name", c.Name, domain.MaxNameLen)
	verr.CheckLen("title", c.Title, domain.MaxNameLen)
	verr.CheckLen("department", c.Department, domain.MaxNameLen)
	verr.CheckLen("phone", c.Phone, domain.MaxPhoneLen)
	verr.CheckLen("email", c.Email, domain.MaxEmailLen)
	return verr.OrNil()
}

// CheckManager: managerID, when set, is a contact of the same customer (a key of lines,
// which maps every contact of the customer to its manager) and the reporting line does
// not loop back to contactID ("" for a contact not stored yet, which nobody reports to).
func CheckManager(contactID string, managerID *string, lines map[string]*string) error {
	if managerID == nil {
		return nil
	}
	if _, ok := lines[*managerID]; !ok {
		return domain.Invalid("reports_to_id", "exists", "")
	}
	return CheckReportsTo(contactID, managerID, lines)
}

// CheckNewStakeholderManager: a manager can be given only with a new contact; an existing
// contact's manager is changed on the contact (it is the same person on every deal).
func CheckNewStakeholderManager(in NewStakeholder) error {
	if in.ReportsToID != nil && in.Stakeholder.ContactID != "" {
		return domain.Invalid("reports_to_id", "new_contact_only", "")
	}
	return nil
}

// CheckReportsTo refuses a reporting line that loops back to the contact itself.
// reportsTo maps every contact of the customer to its manager.
func CheckReportsTo(contactID string, managerID *string, reportsTo map[string]*string) error {
	for id := managerID; id != nil; id = reportsTo[*id] {
		if *id == contactID {
			return domain.Invalid("reports_to_id", "reports_cycle", "")
		}
	}
	return nil
}

// Stakeholder is a contact's part in one deal.
type Stakeholder struct {
	ID                   string
	DealID               string
	ContactID            string
	Contact              Contact // read model: name, title, reports-to
	DecisionRole         DecisionRole
	Influence            int
	Stance               Stance
	RelationshipStrength int
	OwnerID              *string
	LastContactOn        *time.Time
	NextStep             string
	NextStepDue          *time.Time
	Notes                string
	MilestoneIDs         []string
	Version              int
}

// Check validates a stakeholder's fields.
func Check(s Stakeholder) error {
	verr := &domain.ValidationError{}
	if !oneOf(s.DecisionRole, DecisionRoles) {
		verr.Add("decision_role", "oneof", "decision_maker economic_buyer technical_evaluator user influencer gatekeeper coach")
	}
	verr.CheckRange("influence", int64(s.Influence), domain.MinScore, domain.MaxScore)
	if !oneOf(s.Stance, Stances) {
		verr.Add("stance", "oneof", "champion supporter neutral skeptic blocker")
	}
	verr.CheckRange("relationship_strength", int64(s.RelationshipStrength), domain.MinScore, domain.MaxScore)
	verr.CheckLen("next_step", s.NextStep, domain.MaxNextStepLen)
	verr.CheckLen("notes", s.Notes, domain.MaxTextLen)
	return verr.OrNil()
}

// Change is one tracked field's old and new value in the history.
type Change struct {
	From any `json:"from"`
	To   any `json:"to"`
}

// HistoryEntry is one recorded change of a stakeholder.
type HistoryEntry struct {
	ID            string
	StakeholderID string
	At            time.Time
	ActorID       *string
	ActorName     *string
	Changes       map[string]Change
	Note          string
}

// Patch changes some of a stakeholder's fields; nil fields stay.
type Patch struct {
	DecisionRole         *DecisionRole
	Influence            *int
	Stance               *Stance
	RelationshipStrength *int
	OwnerID              *string
	ClearOwner           bool
	LastContactOn        *time.Time
	NextStep             *string
	NextStepDue          *time.Time
	Notes                *string
	MilestoneIDs         *[]string
	ClearLastContact     bool   // set last_contact_on to none
	ClearNextStepDue     bool   // set next_step_due to none
	Note                 string // kept with the history entry
}

// Apply returns s with p applied and the changes of the tracked fields (stance,
// influence, owner, next step and its due date, decision role) for the history.
func Apply(s Stakeholder, p Patch) (Stakeholder, map[string]Change) {
	changes := map[string]Change{}
	track := func(field string, from, to any) {
		if from != to {
			changes[field] = Change{From: from, To: to}
		}
	}
	if p.Stance != nil {
		track("stance", s.Stance, *p.Stance)
		s.Stance = *p.Stance
	}
	if p.Influence != nil {
		track("influence", s.Influence, *p.Influence)
		s.Influence = *p.Influence
	}
	if p.DecisionRole != nil {
		track("decision_role", s.DecisionRole, *p.DecisionRole)
		s.DecisionRole = *p.DecisionRole
	}
	if p.OwnerID != nil || p.ClearOwner {
		track("owner_id", deref(s.OwnerID), deref(p.OwnerID))
		s.OwnerID = p.OwnerID
	}
	if p.NextStep != nil {
		track("next_step", s.NextStep, *p.NextStep)
		s.NextStep = *p.NextStep
	}
	if p.NextStepDue != nil || p.ClearNextStepDue {
		track("next_step_due", dateOrNil(s.NextStepDue), dateOrNil(p.NextStepDue))
		s.NextStepDue = p.NextStepDue
	}
	if p.RelationshipStrength != nil {
		s.RelationshipStrength = *p.RelationshipStrength
	}
	if p.LastContactOn != nil || p.ClearLastContact {
		s.LastContactOn = p.LastContactOn
	}
	if p.Notes != nil {
		s.Notes = *p.Notes
	}
	if p.MilestoneIDs != nil {
		s.MilestoneIDs = *p.MilestoneIDs
	}
	return s, changes
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func dateOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Format("2006-01-02")
}
