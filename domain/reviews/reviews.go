// Package reviews holds the review side of a deal: retrospectives (复盘) with their
// action items, and go / no-go decisions at gates.
package reviews

import (
	"fmt"
	"strings"
	"time"

	"summit/domain"
)

// Outcome is a retrospective's verdict on the deal.
type Outcome string

// Valid reports whether o is on_track, at_risk or off_track.
func (o Outcome) Valid() bool { return o == "on_track" || o == "at_risk" || o == "off_track" }

// Action is an action item of a retrospective.
type Action struct {
	ID              string
	RetrospectiveID string
	DealID          string // read model
	DealName        string // read model
	Title           string
	OwnerID         *string
	DueOn           time.Time
	Status          string // open | done
	Version         int
}

// Overdue reports whether an open action is past its due date at today.
func (a Action) Overdue(today time.Time) bool { return a.Status == "open" && a.DueOn.Before(today) }

// OwnedBy reports whether userID owns the action (an action without owner is no one's).
func (a Action) OwnedBy(userID string) bool {
	return userID != "" && a.OwnerID != nil && *a.OwnerID == userID
}

// Retrospective is a review held at a milestone, or free-standing.
type Retrospective struct {
	ID          string
	DealID      string
	MilestoneID *string
	HeldOn      time.Time
	Planned     string
	Happened    string
	GapCause    string
	Next        string
	Outcome     Outcome
	CreatedBy   *string
	Actions     []Action
	Version     int
}

// Check validates a retrospective and its action items.
func Check(r Retrospective) error {
	verr := &domain.ValidationError{}
	if r.HeldOn.IsZero() {
		verr.Add("held_on", "required", "")
	}
	if !r.Outcome.Valid() {
		verr.Add("outcome", "oneof", "on_track at_risk off_track")
	}
	if strings.TrimSpace(r.Happened) == "" {
		verr.Add("happened", "required", "")
	}
	verr.CheckLen("planned", r.Planned, domain.MaxTextLen)
	verr.CheckLen("happened", r.Happened, domain.MaxTextLen)
	verr.CheckLen("gap_cause", r.GapCause, domain.MaxTextLen)
	verr.CheckLen("next", r.Next, domain.MaxTextLen)
	for i, a := range r.Actions {
		field := func(f string) string { return fmt.Sprintf("actions[%d].%s", i, f) }
		if strings.TrimSpace(a.Title) == "" {
			verr.Add(field("title"), "required", "")
		}
		verr.CheckLen(field("title"), a.Title, domain.MaxActionTitleLen)
		if a.DueOn.IsZero() {
			verr.Add(field("due_on"), "required", "")
		}
		if a.Status != "open" && a.Status != "done" {
			verr.Add(field("status"), "oneof", "open done")
		}
	}
	return verr.OrNil()
}

// Decision is go or no_go.
type Decision string

// GateDecision is a recorded go / no-go at a gate.
type GateDecision struct {
	ID          string
	DealID      string
	MilestoneID string
	Decision    Decision
	DecidedBy   *string
	DecidedOn   time.Time
	Rationale   string
	Conditions  string
	CreatedAt   time.Time
}

// CheckDecision validates a decision against the milestone it is taken at.
func CheckDecision(d GateDecision, isGate bool, today time.Time) error {
	verr := &domain.ValidationError{}
	if d.Decision != "go" && d.Decision != "no_go" {
		verr.Add("decision", "oneof", "go no_go")
	}
	if !isGate {
		verr.Add("milestone_id", "not_a_gate", "")
	}
	if strings.TrimSpace(d.Rationale) == "" {
		verr.Add("rationale", "required", "")
	}
	verr.CheckLen("rationale", d.Rationale, domain.MaxTextLen)
	verr.CheckLen("conditions", d.Conditions, domain.MaxTextLen)
	if d.DecidedOn.After(today) {
		verr.Add("decided_on", "not_in_future", "")
	}
	return verr.OrNil()
}
