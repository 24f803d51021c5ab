package handlers

import (
	"summit/domain/deals"
)

type milestoneResponse struct {
	ID             string   `json:"id"`
	DealID         string   `json:"deal_id"`
	Name           string   `json:"name"`
	NameZh         string   `json:"name_zh"`
	Key            string   `json:"key"`
	Sequence       int      `json:"sequence"`
	OwnerRole      string   `json:"owner_role"`
	AssigneeID     *string  `json:"assignee_id"`
	Weight         int      `json:"weight"`
	Gate           bool     `json:"gate"`
	PlannedStart   date     `json:"planned_start"`
	PlannedDue     date     `json:"planned_due"`
	BaselineDue    *date    `json:"baseline_due"`
	SlipDays       *int     `json:"slip_days"`
	Status         string   `json:"status"`
	StatusReason   string   `json:"status_reason"`
	CompletedOn    *date    `json:"completed_on"`
	ExitCriteria   string   `json:"exit_criteria"`
	ExitCriteriaZh string   `json:"exit_criteria_zh"`
	DependsOn      []string `json:"depends_on"`
	Version        int      `json:"version"`
	// Critical: on the plan's critical path (GET /deals/{id}/milestones; false elsewhere).
	Critical bool `json:"critical"`
}

func toResponseMilestone(m deals.Milestone) milestoneResponse {
	deps := m.DependsOn
	if deps == nil {
		deps = []string{}
	}
	return milestoneResponse{ID: m.ID, DealID: m.DealID, Name: m.Name, NameZh: m.NameZh, Key: m.Key, Sequence: m.Sequence,
		OwnerRole: string(m.OwnerRole), AssigneeID: m.AssigneeID, Weight: m.Weight, Gate: m.Gate,
		PlannedStart: toDate(m.PlannedStart), PlannedDue: toDate(m.PlannedDue), BaselineDue: toDatePtr(m.BaselineDue),
		SlipDays: m.SlipDays(), Status: string(m.Status), StatusReason: m.StatusReason, CompletedOn: toDatePtr(m.CompletedOn),
		ExitCriteria: m.ExitCriteria, ExitCriteriaZh: m.ExitCriteriaZh, DependsOn: deps, Version: m.Version}
}

type createMilestoneRequest struct {
	Name           string   `json:"name" validate:"required,max=300"`
	NameZh         string   `json:"name_zh" validate:"max=300"`
	OwnerRole      string   `json:"owner_role" validate:"required,oneof=pmo business solution"`
	AssigneeID     *string  `json:"assignee_id" validate:"omitempty,uuid"`
	Weight         int      `json:"weight" validate:"gte=0,lte=1000"`
	Gate           bool     `json:"gate"`
	PlannedStart   *date    `json:"planned_start" validate:"required"`
	PlannedDue     *date    `json:"planned_due" validate:"required"`
	ExitCriteria   string   `json:"exit_criteria" validate:"max=4000"`
	ExitCriteriaZh string   `json:"exit_criteria_zh" validate:"max=4000"`
	DependsOn      []string `json:"depends_on" validate:"omitempty,dive,uuid"`
}

func (r createMilestoneRequest) toDomain() deals.MilestoneInput {
	return deals.MilestoneInput{Name: r.Name, NameZh: r.NameZh, OwnerRole: deals.OwnerRole(r.OwnerRole), AssigneeID: r.AssigneeID,
		Weight: r.Weight, Gate: r.Gate, PlannedStart: r.PlannedStart.Time, PlannedDue: r.PlannedDue.Time,
		ExitCriteria: r.ExitCriteria, ExitCriteriaZh: r.ExitCriteriaZh, DependsOn: r.DependsOn}
}

type updateMilestoneRequest struct {
	Name           *string    `json:"name" validate:"omitempty,min=1,max=300"`
	NameZh         *string    `json:"name_zh" validate:"omitempty,max=300"`
	OwnerRole      *string    `json:"owner_role" validate:"omitempty,oneof=pmo business solution"`
	AssigneeID     optionalID `json:"assignee_id"`
	Weight         *int       `json:"weight" validate:"omitempty,gte=0,lte=1000"`
	Gate           *bool      `json:"gate"`
	PlannedStart   *date      `json:"planned_start"`
	PlannedDue     *date      `json:"planned_due"`
	ExitCriteria   *string    `json:"exit_criteria" validate:"omitempty,max=4000"`
	ExitCriteriaZh *string    `json:"exit_criteria_zh" validate:"omitempty,max=4000"`
	DependsOn      *[]string  `json:"depends_on" validate:"omitempty,dive,uuid"`
	Status         *string    `json:"status" validate:"omitempty,oneof=planned in_progress done blocked skipped"`
	StatusReason   string     `json:"status_reason" validate:"max=2000"`
	CompletedOn    *date      `json:"completed_on"`
}

func (r updateMilestoneRequest) toDomain() deals.MilestonePatch {
	p := deals.MilestonePatch{Name: r.Name, NameZh: r.NameZh, Weight: r.Weight, Gate: r.Gate, ExitCriteria: r.ExitCriteria, ExitCriteriaZh: r.ExitCriteriaZh,
		PlannedStart: fromDatePtr(r.PlannedStart), PlannedDue: fromDatePtr(r.PlannedDue), DependsOn: r.DependsOn,
		AssigneeID: r.AssigneeID.Value, ClearAssignee: r.AssigneeID.Set && r.AssigneeID.Value == nil}
	if r.OwnerRole != nil {
		role := deals.OwnerRole(*r.OwnerRole)
		p.OwnerRole = &role
	}
	if r.Status != nil {
		p.Status = &deals.StatusChange{To: deals.MilestoneStatus(*r.Status), Reason: r.StatusReason, CompletedOn: fromDatePtr(r.CompletedOn)}
	}
	return p
}

type rescheduleRequest struct {
	PlannedStart *date `json:"planned_start" validate:"required"`
	PlannedDue   *date `json:"planned_due" validate:"required"`
}

type moveResponse struct {
	MilestoneID string `json:"milestone_id"`
	Name        string `json:"name"`
	FromStart   date   `json:"from_start"`
	FromDue     date   `json:"from_due"`
	ToStart     date   `json:"to_start"`
	ToDue       date   `json:"to_due"`
	ShiftDays   int    `json:"shift_days"`
	Version     int    `json:"version"`
	// Allowed: the caller may move this milestone; a cascade with any move not allowed
	// is refused (403) as a whole.
	Allowed bool `json:"allowed"`
}

func toResponseMoves(moves []deals.VersionedMove) []moveResponse {
	out := make([]moveResponse, 0, len(moves))
	for _, m := range moves {
		out = append(out, moveResponse{MilestoneID: m.MilestoneID, Name: m.Name, FromStart: toDate(m.FromStart), FromDue: toDate(m.FromDue),
			ToStart: toDate(m.ToStart), ToDue: toDate(m.ToDue), ShiftDays: deals.CalendarDaysBetween(m.FromDue, m.ToDue), Version: m.Version, Allowed: m.Allowed})
	}
	return out
}
