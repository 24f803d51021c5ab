package handlers

import (
	"summit/domain/reviews"
)

type actionResponse struct {
	ID       string  `json:"id,omitempty"`
	Title    string  `json:"title"`
	OwnerID  *string `json:"owner_id"`
	DueOn    *date   `json:"due_on"`
	Status   string  `json:"status"`
	Version  int     `json:"version,omitempty"`
	DealID   string  `json:"deal_id,omitempty"`
	DealName string  `json:"deal_name,omitempty"`
	Overdue  bool    `json:"overdue"`
}

// actionRequest is an action item as sent with a retrospective; id keeps an existing one.
type actionRequest struct {
	ID      string  `json:"id,omitempty" validate:"omitempty,uuid"`
	Title   string  `json:"title" validate:"required,max=500"`
	OwnerID *string `json:"owner_id" validate:"omitempty,uuid"`
	DueOn   *date   `json:"due_on" validate:"required"`
	Status  string  `json:"status" validate:"omitempty,oneof=open done"`
}

type retrospectiveResponse struct {
	ID          string           `json:"id"`
	DealID      string           `json:"deal_id"`
	MilestoneID *string          `json:"milestone_id"`
	HeldOn      date             `json:"held_on"`
	Planned     string           `json:"planned"`
	Happened    string           `json:"happened"`
	GapCause    string           `json:"gap_cause"`
	Next        string           `json:"next"`
	Outcome     string           `json:"outcome"`
	CreatedBy   *string          `json:"created_by"`
	Actions     []actionResponse `json:"actions"`
	Version     int              `json:"version"`
}

// retrospectiveRequest is the body of POST /deals/{id}/retrospectives and of PUT
// /retrospectives/{id} (the whole retrospective, actions included, is replaced).
type retrospectiveRequest struct {
	MilestoneID *string         `json:"milestone_id" validate:"omitempty,uuid"`
	HeldOn      *date           `json:"held_on" validate:"required"`
	Planned     string          `json:"planned" validate:"max=4000"`
	Happened    string          `json:"happened" validate:"required,max=4000"`
	GapCause    string          `json:"gap_cause" validate:"max=4000"`
	Next        string          `json:"next" validate:"max=4000"`
	Outcome     string          `json:"outcome" validate:"required,oneof=on_track at_risk off_track"`
	Actions     []actionRequest `json:"actions" validate:"omitempty,dive"`
}

func (r retrospectiveRequest) toDomain(dealID string) reviews.Retrospective {
	out := reviews.Retrospective{DealID: dealID, MilestoneID: r.MilestoneID, HeldOn: r.HeldOn.Time, Planned: r.Planned,
		Happened: r.Happened, GapCause: r.GapCause, Next: r.Next, Outcome: reviews.Outcome(r.Outcome)}
	for _, a := range r.Actions {
		out.Actions = append(out.Actions, reviews.Action{ID: a.ID, Title: a.Title, OwnerID: a.OwnerID, DueOn: a.DueOn.Time, Status: a.Status})
	}
	return out
}

func toResponseAction(a reviews.Action, overdue bool) actionResponse {
	return actionResponse{ID: a.ID, Title: a.Title, OwnerID: a.OwnerID, DueOn: toDatePtr(&a.DueOn), Status: a.Status, Version: a.Version,
		DealID: a.DealID, DealName: a.DealName, Overdue: overdue}
}

func toResponseRetrospective(r reviews.Retrospective, today func(reviews.Action) bool) retrospectiveResponse {
	out := retrospectiveResponse{ID: r.ID, DealID: r.DealID, MilestoneID: r.MilestoneID, HeldOn: toDate(r.HeldOn), Planned: r.Planned,
		Happened: r.Happened, GapCause: r.GapCause, Next: r.Next, Outcome: string(r.Outcome), CreatedBy: r.CreatedBy, Version: r.Version,
		Actions: make([]actionResponse, 0, len(r.Actions))}
	for _, a := range r.Actions {
		out.Actions = append(out.Actions, toResponseAction(a, today(a)))
	}
	return out
}
