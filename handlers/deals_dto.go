package handlers

import (
	"time"

	"summit/domain/deals"
)

type memberDTO struct {
	UserID string `json:"user_id" validate:"required,uuid"`
	Role   string `json:"role" validate:"required,oneof=pmo business solution"`
}

type slippageResponse struct {
	NextGateID       *string `json:"next_gate_id"`
	NextGateSlipDays *int    `json:"next_gate_slip_days"`
	ContractSlipDays *int    `json:"contract_slip_days"`
}

type dealResponse struct {
	ID              string      `json:"id"`
	Name            string      `json:"name"`
	CustomerID      string      `json:"customer_id"`
	CustomerName    string      `json:"customer_name"`
	Segment         string      `json:"segment"`
	TeamID          string      `json:"team_id"`
	AmountMinor     int64       `json:"amount_minor"`
	Currency        string      `json:"currency"`
	TargetCloseDate date        `json:"target_close_date"`
	Status          string      `json:"status"`
	StatusReason    string      `json:"status_reason"`
	TemplateID      *string     `json:"template_id"`
	Team            []memberDTO `json:"team"`
	// The judgement beside the model.
	ForecastCategory  string            `json:"forecast_category"`
	ManualProbability *float64          `json:"manual_probability"`
	JudgementNote     string            `json:"judgement_note"`
	Slippage          *slippageResponse `json:"slippage,omitempty"`
	// PlanAfterTarget: the open close gate falls after the target close (absent: it does not).
	PlanAfterTarget *planAfterTargetResponse `json:"plan_after_target,omitempty"`
	// Permissions lists "object:action" the caller holds on this deal (GET /deals/{id} only).
	Permissions []string  `json:"permissions,omitempty"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func toResponseDeal(d deals.Deal) dealResponse {
	team := make([]memberDTO, 0, len(d.Team))
	for _, m := range d.Team {
		team = append(team, memberDTO{UserID: m.UserID, Role: string(m.Role)})
	}
	return dealResponse{ID: d.ID, Name: d.Name, CustomerID: d.CustomerID, CustomerName: d.CustomerName, Segment: string(d.Segment),
		TeamID: d.TeamID, AmountMinor: d.AmountMinor, Currency: d.Currency, TargetCloseDate: toDate(d.TargetCloseDate),
		Status: string(d.Status), StatusReason: d.StatusReason, TemplateID: d.TemplateID, Team: team,
		ForecastCategory: string(d.ForecastCategory), ManualProbability: d.ManualProbability, JudgementNote: d.JudgementNote,
		Version: d.Version, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
}

func toResponseSlippage(s deals.Slippage) *slippageResponse {
	return &slippageResponse{NextGateID: s.NextGateID, NextGateSlipDays: s.NextGateSlip, ContractSlipDays: s.ContractSlip}
}

type createDealRequest struct {
	Name            string      `json:"name" validate:"required,max=300"`
	CustomerID      string      `json:"customer_id" validate:"required,uuid"`
	Segment         string      `json:"segment" validate:"required,oneof=g2b key_account"`
	TeamID          string      `json:"team_id" validate:"required,uuid"`
	AmountMinor     *int64      `json:"amount_minor" validate:"required,gte=0,lte=999999999999999"`
	Currency        string      `json:"currency" validate:"required,len=3"`
	TargetCloseDate *date       `json:"target_close_date" validate:"required"`
	TemplateID      *string     `json:"template_id" validate:"omitempty,uuid"`
	StartDate       *date       `json:"start_date"`
	Team            []memberDTO `json:"team" validate:"omitempty,dive"`
}

func (r createDealRequest) toDomain() deals.NewDealInput {
	return deals.NewDealInput{
		Deal: deals.Deal{Name: r.Name, CustomerID: r.CustomerID, Segment: deals.Segment(r.Segment), TeamID: r.TeamID,
			AmountMinor: *r.AmountMinor, Currency: r.Currency, TargetCloseDate: r.TargetCloseDate.Time, Team: toDomainMembers(r.Team)},
		TemplateID: r.TemplateID, StartDate: fromDatePtr(r.StartDate),
	}
}

type updateDealRequest struct {
	Name            *string `json:"name" validate:"omitempty,min=1,max=300"`
	CustomerID      *string `json:"customer_id" validate:"omitempty,uuid"`
	Segment         *string `json:"segment" validate:"omitempty,oneof=g2b key_account"`
	TeamID          *string `json:"team_id" validate:"omitempty,uuid"`
	AmountMinor     *int64  `json:"amount_minor" validate:"omitempty,gte=0,lte=999999999999999"`
	Currency        *string `json:"currency" validate:"omitempty,len=3"`
	TargetCloseDate *date   `json:"target_close_date"`
	Status          *string `json:"status" validate:"omitempty,oneof=open won lost abandoned"`
	StatusReason    string  `json:"status_reason" validate:"max=2000"`
	OverrideGate    bool    `json:"override_gate"`
	// The judgement: the deal's business role may send these and nothing else.
	ForecastCategory  *string        `json:"forecast_category" validate:"omitempty,oneof=commit best_case pipeline omitted"`
	ManualProbability optionalNumber `json:"manual_probability"` // 0–1 or null; the domain checks the range
	JudgementNote     *string        `json:"judgement_note" validate:"omitempty,max=2000"`
}

func (r updateDealRequest) toDomain() deals.DealPatch {
	p := deals.DealPatch{Name: r.Name, CustomerID: r.CustomerID, TeamID: r.TeamID, AmountMinor: r.AmountMinor, Currency: r.Currency,
		TargetCloseDate: fromDatePtr(r.TargetCloseDate), JudgementNote: r.JudgementNote,
		ManualProbability: deals.OptionalFloat{Set: r.ManualProbability.Set, Value: r.ManualProbability.Value}}
	if r.ForecastCategory != nil {
		c := deals.ForecastCategory(*r.ForecastCategory)
		p.ForecastCategory = &c
	}
	if r.Segment != nil {
		seg := deals.Segment(*r.Segment)
		p.Segment = &seg
	}
	if r.Status != nil {
		p.Status = &deals.StatusRequest{To: deals.DealStatus(*r.Status), Reason: r.StatusReason, Override: r.OverrideGate}
	}
	return p
}

// teamRequest is the body of PUT /deals/{id}/team: the whole new team, a bare JSON list
// named "team" in errors ("team[1].role").
type teamRequest []memberDTO

func (teamRequest) bodyField() string { return "team" }

func toDomainMembers(in []memberDTO) []deals.Member {
	out := make([]deals.Member, 0, len(in))
	for _, m := range in {
		out = append(out, deals.Member{UserID: m.UserID, Role: deals.OwnerRole(m.Role)})
	}
	return out
}
