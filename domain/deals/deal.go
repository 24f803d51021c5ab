package deals

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/currency"

	"summit/domain"
)

// DealStatus is where a deal stands.
type DealStatus string

// The deal statuses.
const (
	DealOpen      DealStatus = "open"
	DealWon       DealStatus = "won"
	DealLost      DealStatus = "lost"
	DealAbandoned DealStatus = "abandoned"
)

// Valid reports whether s is a deal status.
func (s DealStatus) Valid() bool {
	return s == DealOpen || s == DealWon || s == DealLost || s == DealAbandoned
}

// ForecastCategory is the PMO's forecast call on a deal, beside the model's confidence.
type ForecastCategory string

// The forecast categories; a new deal is pipeline.
const (
	ForecastCommit   ForecastCategory = "commit"
	ForecastBestCase ForecastCategory = "best_case"
	ForecastPipeline ForecastCategory = "pipeline"
	ForecastOmitted  ForecastCategory = "omitted"
)

// Valid reports whether c is a forecast category.
func (c ForecastCategory) Valid() bool {
	return c == ForecastCommit || c == ForecastBestCase || c == ForecastPipeline || c == ForecastOmitted
}

// CustomerKind is the sort of organisation a customer is.
type CustomerKind string

// Valid reports whether k is government, state_owned or enterprise.
func (k CustomerKind) Valid() bool {
	return k == "government" || k == "state_owned" || k == "enterprise"
}

// Customer is an account: the organisation a deal is sold to.
type Customer struct {
	ID       string
	Name     string
	Kind     CustomerKind
	Region   string
	Industry string
	Version  int
}

// CheckCustomer validates a customer's fields.
func CheckCustomer(c Customer) error {
	verr := &domain.ValidationError{}
	if strings.TrimSpace(c.Name) == "" {
		verr.Add("name", "required", "")
	}
	if !c.Kind.Valid() {
		verr.Add("kind", "oneof", "government state_owned enterprise")
	}
	verr.CheckLen("name", c.Name, domain.MaxNameLen)
	verr.CheckLen("region", c.Region, domain.MaxLabelLen)
	verr.CheckLen("industry", c.Industry, domain.MaxLabelLen)
	return verr.OrNil()
}

// Member is one user holding one deal role.
type Member struct {
	UserID string    `json:"user_id"`
	Role   OwnerRole `json:"role"`
}

// Deal is one opportunity run as a project.
type Deal struct {
	ID              string
	Name            string
	CustomerID      string
	CustomerName    string // read model
	Segment         Segment
	TeamID          string
	AmountMinor     int64
	Currency        string
	TargetCloseDate time.Time
	Status          DealStatus
	StatusReason    string
	TemplateID      *string
	Team            []Member
	// The judgement beside the model: the forecast category, an optional manual
	// probability (0–1) and why.
	ForecastCategory  ForecastCategory
	ManualProbability *float64
	JudgementNote     string
	Version           int
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// Forecast is the stored confidence for the list's period (ListDeals only; nil elsewhere).
	Forecast *ListForecast
	// CloseGateDue is the due date of the plan's close gate (CloseGate) while it is open
	// (ListDeals only, read in the list's own query; nil elsewhere).
	CloseGateDue *time.Time
}

// ListForecast is a list item's stored confidence for one period; the figures are nil
// when none is kept for that period.
type ListForecast struct {
	Period     string
	Confidence *float64
	PWin       *float64
	PInPeriod  *float64
	AsOf       *time.Time
}

// CheckDeal validates a deal's own fields (not its status change).
func CheckDeal(d Deal) error {
	verr := &domain.ValidationError{}
	if strings.TrimSpace(d.Name) == "" {
		verr.Add("name", "required", "")
	}
	if !d.Segment.Valid() {
		verr.Add("segment", "oneof", "g2b key_account")
	}
	verr.CheckLen("name", d.Name, domain.MaxTitleLen)
	verr.CheckRange("amount_minor", d.AmountMinor, 0, domain.MaxAmountMinor)
	if _, err := currency.ParseISO(d.Currency); err != nil || len(d.Currency) != 3 || strings.ToUpper(d.Currency) != d.Currency {
		verr.Add("currency", "iso4217", "")
	}
	if d.TargetCloseDate.IsZero() {
		verr.Add("target_close_date", "required", "")
	}
	if !d.ForecastCategory.Valid() {
		verr.Add("forecast_category", "oneof", "commit best_case pipeline omitted")
	}
	if p := d.ManualProbability; p != nil && !(*p >= 0 && *p <= 1) {
		verr.Add("manual_probability", "range", "0–1")
	}
	verr.CheckLen("judgement_note", d.JudgementNote, domain.MaxJudgementNoteLen)
	return verr.OrNil()
}

// StatusRequest asks to change a deal's status.
type StatusRequest struct {
	To     DealStatus
	Reason string
	// Override lets an admin mark a deal won before its contract gate is done; Reason
	// then explains why.
	Override bool
}

// ChangeStatus applies the deal status rules: won needs the contract-signing gate done
// (or an admin override with a note); lost and abandoned need a reason.
func ChangeStatus(d Deal, req StatusRequest, plan []Milestone, isAdmin bool) (Deal, error) {
	if !req.To.Valid() {
		return d, domain.Invalid("status", "oneof", "open won lost abandoned")
	}
	reason := strings.TrimSpace(req.Reason)
	if err := domain.TooLong("status_reason", reason, domain.MaxReasonLen); err != nil {
		return d, err
	}
	switch req.To {
	case DealWon:
		if !contractSigned(plan) {
			if !req.Override {
				return d, domain.Invalid("status", "contract_gate_open", "")
			}
			if !isAdmin {
				return d, domain.ErrForbidden
			}
			if reason == "" {
				return d, domain.Invalid("status_reason", "required", "")
			}
		}
	case DealLost, DealAbandoned:
		if reason == "" {
			return d, domain.Invalid("status_reason", "required", "")
		}
	}
	d.Status, d.StatusReason = req.To, reason
	return d, nil
}

// Abandon is the rule for ending a deal at a no-go: the deal must still be at version
// (else domain.ErrStaleVersion) and open (else domain.ErrConflict); it becomes abandoned
// with reason.
func Abandon(d Deal, version int, reason string) (Deal, error) {
	if d.Version != version {
		return d, fmt.Errorf("abandon deal %s at version %d: %w", d.ID, version, domain.ErrStaleVersion)
	}
	if d.Status != DealOpen {
		return d, fmt.Errorf("abandon deal %s: it is %s: %w", d.ID, d.Status, domain.ErrConflict)
	}
	d.Status, d.StatusReason = DealAbandoned, reason
	return d, nil
}

func contractSigned(plan []Milestone) bool {
	for _, m := range plan {
		if m.Key == KeyContractSigned && m.Status == StatusDone {
			return true
		}
	}
	return false
}
