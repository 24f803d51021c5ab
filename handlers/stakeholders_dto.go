package handlers

import (
	"time"

	"summit/domain/stakeholders"
)

type stakeholderResponse struct {
	ID                   string   `json:"id"`
	DealID               string   `json:"deal_id"`
	ContactID            string   `json:"contact_id"`
	Name                 string   `json:"name"`
	Title                string   `json:"title"`
	Department           string   `json:"department"`
	ReportsToID          *string  `json:"reports_to_id"`
	DecisionRole         string   `json:"decision_role"`
	Influence            int      `json:"influence"`
	Stance               string   `json:"stance"`
	RelationshipStrength int      `json:"relationship_strength"`
	OwnerID              *string  `json:"owner_id"`
	LastContactOn        *date    `json:"last_contact_on"`
	NextStep             string   `json:"next_step"`
	NextStepDue          *date    `json:"next_step_due"`
	Notes                string   `json:"notes"`
	MilestoneIDs         []string `json:"milestone_ids"`
	Version              int      `json:"version"`
}

func toResponseStakeholder(s stakeholders.Stakeholder) stakeholderResponse {
	ms := s.MilestoneIDs
	if ms == nil {
		ms = []string{}
	}
	return stakeholderResponse{ID: s.ID, DealID: s.DealID, ContactID: s.ContactID, Name: s.Contact.Name, Title: s.Contact.Title,
		Department: s.Contact.Department, ReportsToID: s.Contact.ReportsToID, DecisionRole: string(s.DecisionRole), Influence: s.Influence,
		Stance: string(s.Stance), RelationshipStrength: s.RelationshipStrength, OwnerID: s.OwnerID, LastContactOn: toDatePtr(s.LastContactOn),
		NextStep: s.NextStep, NextStepDue: toDatePtr(s.NextStepDue), Notes: s.Notes, MilestoneIDs: ms, Version: s.Version}
}

// createStakeholderRequest takes either contact_id or name/title (a new contact).
type createStakeholderRequest struct {
	ContactID            string   `json:"contact_id" validate:"required_without=Name,omitempty,uuid"`
	Name                 string   `json:"name" validate:"required_without=ContactID,max=200"`
	Title                string   `json:"title" validate:"max=200"`
	ReportsToID          *string  `json:"reports_to_id" validate:"omitempty,uuid"`
	DecisionRole         string   `json:"decision_role" validate:"required,oneof=decision_maker economic_buyer technical_evaluator user influencer gatekeeper coach"`
	Influence            int      `json:"influence" validate:"required,min=1,max=5"`
	Stance               string   `json:"stance" validate:"required,oneof=champion supporter neutral skeptic blocker"`
	RelationshipStrength int      `json:"relationship_strength" validate:"omitempty,min=1,max=5"`
	OwnerID              *string  `json:"owner_id" validate:"omitempty,uuid"`
	LastContactOn        *date    `json:"last_contact_on"`
	NextStep             string   `json:"next_step" validate:"max=1000"`
	NextStepDue          *date    `json:"next_step_due"`
	Notes                string   `json:"notes" validate:"max=4000"`
	MilestoneIDs         []string `json:"milestone_ids" validate:"omitempty,dive,uuid"`
}

func (r createStakeholderRequest) toDomain() stakeholders.NewStakeholder {
	return stakeholders.NewStakeholder{ContactName: r.Name, Title: r.Title, ReportsToID: r.ReportsToID, Stakeholder: stakeholders.Stakeholder{
		ContactID: r.ContactID, DecisionRole: stakeholders.DecisionRole(r.DecisionRole), Influence: r.Influence,
		Stance: stakeholders.Stance(r.Stance), RelationshipStrength: r.RelationshipStrength, OwnerID: r.OwnerID,
		LastContactOn: fromDatePtr(r.LastContactOn), NextStep: r.NextStep, NextStepDue: fromDatePtr(r.NextStepDue),
		Notes: r.Notes, MilestoneIDs: r.MilestoneIDs}}
}

// updateStakeholderRequest is a PATCH; note is kept with the history entry.
type updateStakeholderRequest struct {
	DecisionRole         *string      `json:"decision_role" validate:"omitempty,oneof=decision_maker economic_buyer technical_evaluator user influencer gatekeeper coach"`
	Influence            *int         `json:"influence" validate:"omitempty,min=1,max=5"`
	Stance               *string      `json:"stance" validate:"omitempty,oneof=champion supporter neutral skeptic blocker"`
	RelationshipStrength *int         `json:"relationship_strength" validate:"omitempty,min=1,max=5"`
	OwnerID              optionalID   `json:"owner_id"`
	LastContactOn        optionalDate `json:"last_contact_on"`
	NextStep             *string      `json:"next_step" validate:"omitempty,max=1000"`
	NextStepDue          optionalDate `json:"next_step_due"`
	Notes                *string      `json:"notes" validate:"omitempty,max=4000"`
	MilestoneIDs         *[]string    `json:"milestone_ids" validate:"omitempty,dive,uuid"`
	Note                 string       `json:"note" validate:"max=2000"`
}

func (r updateStakeholderRequest) toDomain() stakeholders.Patch {
	p := stakeholders.Patch{Influence: r.Influence, RelationshipStrength: r.RelationshipStrength, OwnerID: r.OwnerID.Value,
		ClearOwner: r.OwnerID.Set && r.OwnerID.Value == nil, NextStep: r.NextStep, Notes: r.Notes, MilestoneIDs: r.MilestoneIDs, Note: r.Note}
	p.LastContactOn, p.ClearLastContact = r.LastContactOn.patch()
	p.NextStepDue, p.ClearNextStepDue = r.NextStepDue.patch()
	if r.DecisionRole != nil {
		v := stakeholders.DecisionRole(*r.DecisionRole)
		p.DecisionRole = &v
	}
	if r.Stance != nil {
		v := stakeholders.Stance(*r.Stance)
		p.Stance = &v
	}
	return p
}

type historyResponse struct {
	ID        string                         `json:"id"`
	At        time.Time                      `json:"at"`
	ActorID   *string                        `json:"actor_id"`
	ActorName *string                        `json:"actor_name"`
	Changes   map[string]stakeholders.Change `json:"changes"`
	Note      string                         `json:"note"`
}

func toResponseHistory(h stakeholders.HistoryEntry) historyResponse {
	return historyResponse{ID: h.ID, At: h.At, ActorID: h.ActorID, ActorName: h.ActorName, Changes: h.Changes, Note: h.Note}
}
