package deals

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"summit/domain"
)

// Service runs deals and their plans.
type Service struct {
	Store Store
	Now   func() time.Time
	// Forecasts keeps the deals' stored confidence; every change that affects it
	// recomputes it in its own transaction. Nil: nothing is kept (tests of rules alone).
	Forecasts Forecasts
}

// Forecasts recomputes deals' stored confidence figures (domain/forecasts) in the
// transaction in ctx, or in one of its own.
type Forecasts interface {
	Refresh(ctx context.Context, dealIDs ...string) error
	// RefreshLocked is Refresh for deals whose rows the transaction in ctx has locked.
	RefreshLocked(ctx context.Context, dealIDs ...string) error
	RefreshTemplate(ctx context.Context, templateID string) error
}

// Actor is who makes a change.
type Actor struct {
	UserID  string
	IsAdmin bool
	// Plan limits which milestones and fields the actor may change (zero: all).
	Plan PlanRights
	// JudgementOnly: the actor may set a deal's judgement fields (forecast category,
	// manual probability, note) but no other deal field (the deal's business role).
	JudgementOnly bool
}

func (a Actor) activity(dealID, action, entityType string, entityID *string, before, after any) Activity {
	var actor *string
	if a.UserID != "" {
		actor = &a.UserID
	}
	return Activity{DealID: dealID, ActorID: actor, Action: action, EntityType: entityType, EntityID: entityID, Before: before, After: after}
}

func (s *Service) today() time.Time { return Day(s.Now()) }

// NewDealInput creates a deal, optionally laying out its plan from a template.
type NewDealInput struct {
	Deal       Deal
	TemplateID *string
	StartDate  *time.Time // first day of the plan; today when omitted
	// AllowedTeams are the teams the creator may put the deal in; nil means any.
	AllowedTeams []string
}

// CreateDeal stores a new open deal. Its creator joins its deal team as PMO unless a
// team is given, so someone can edit the plan from the start.
func (s *Service) CreateDeal(ctx context.Context, a Actor, in NewDealInput) (Deal, error) {
	d := in.Deal
	d.Status, d.StatusReason, d.TemplateID = DealOpen, "", in.TemplateID
	if d.ForecastCategory == "" {
		d.ForecastCategory = ForecastPipeline
	}
	if err := CheckDeal(d); err != nil {
		return Deal{}, err
	}
	if err := CheckTeamChoice(in.AllowedTeams, d.TeamID); err != nil {
		return Deal{}, err
	}
	if len(d.Team) == 0 && a.UserID != "" {
		d.Team = []Member{{UserID: a.UserID, Role: RolePMO}}
	}
	if err := checkMembers(d.Team); err != nil {
		return Deal{}, err
	}
	// The customer and the template are read in the transaction that stores the deal.
	var out Deal
	err := s.Store.Tx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.Customer(ctx, d.CustomerID); err != nil {
			return fieldNotFound(err, "customer_id")
		}
		var plan []Milestone
		if in.TemplateID != nil {
			t, err := s.Store.Template(ctx, *in.TemplateID)
			if err != nil {
				return fieldNotFound(err, "template_id")
			}
			start := s.today()
			if in.StartDate != nil {
				start = Day(*in.StartDate)
			}
			plan = t.LayOut(start)
		}
		var err error
		out, err = s.Store.CreateDeal(ctx, d, plan, a.activity("", ActDealCreated, "deal", nil, nil, dealSnapshot(d)))
		if err != nil {
			return err
		}
		return s.RefreshForecasts(ctx, out.ID)
	})
	return out, err
}

// DealPatch changes some of a deal's fields; Status, when set, follows the status rules.
type DealPatch struct {
	Name            *string
	CustomerID      *string
	Segment         *Segment
	TeamID          *string
	AmountMinor     *int64
	Currency        *string
	TargetCloseDate *time.Time
	Status          *StatusRequest
	// The judgement beside the model. ManualProbability: when Set, Value replaces the
	// manual probability (nil clears it).
	ForecastCategory  *ForecastCategory
	ManualProbability OptionalFloat
	JudgementNote     *string
	// AllowedTeams are the teams the actor may move the deal to, as in NewDealInput;
	// nil means any. Keeping the current team is always allowed.
	AllowedTeams []string
}

// OptionalFloat is a patch's nullable number: unset leaves the value, Set with a nil
// Value clears it.
type OptionalFloat struct {
	Set   bool
	Value *float64
}

// modelFields names the deal fields a patch sets besides the judgement, as the API
// names them.
func (p DealPatch) modelFields() []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"name", p.Name != nil}, {"customer_id", p.CustomerID != nil}, {"segment", p.Segment != nil},
		{"team_id", p.TeamID != nil}, {"amount_minor", p.AmountMinor != nil}, {"currency", p.Currency != nil},
		{"target_close_date", p.TargetCloseDate != nil}, {"status", p.Status != nil},
	} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

// judgementSet reports whether the patch sets any judgement field.
func (p DealPatch) judgementSet() bool {
	return p.ForecastCategory != nil || p.ManualProbability.Set || p.JudgementNote != nil
}

// CheckJudgementOnly refuses, for an actor that may set only the judgement, every other
// field the patch sets (a domain.ForbiddenError naming each).
func (a Actor) CheckJudgementOnly(p DealPatch) error {
	if !a.JudgementOnly {
		return nil
	}
	refused := &domain.ForbiddenError{}
	for _, f := range p.modelFields() {
		refused.Add(f, "judgement_only", "")
	}
	return refused.OrNil()
}

// UpdateDeal applies a patch at the given version. A status change is checked against
// the plan as it is in the transaction that stores it. A change of the judgement fields
// is its own activity entry (deal.judgement_updated).
func (s *Service) UpdateDeal(ctx context.Context, a Actor, id string, version int, p DealPatch) (out Deal, err error) {
	if err := a.CheckJudgementOnly(p); err != nil {
		return Deal{}, err
	}
	err = s.changePlan(ctx, id, func(ctx context.Context) error {
		out, err = s.updateDeal(ctx, a, id, version, p)
		return err
	})
	return out, err
}

func (s *Service) updateDeal(ctx context.Context, a Actor, id string, version int, p DealPatch) (Deal, error) {
	d, err := s.Store.Deal(ctx, id)
	if err != nil {
		return Deal{}, err
	}
	before, judgedBefore := dealSnapshot(d), judgementSnapshot(d)
	if p.TeamID != nil && *p.TeamID != d.TeamID {
		if err := CheckTeamChoice(p.AllowedTeams, *p.TeamID); err != nil {
			return Deal{}, err
		}
	}
	setIf(&d.Name, p.Name)
	setIf(&d.Segment, p.Segment)
	setIf(&d.TeamID, p.TeamID)
	setIf(&d.AmountMinor, p.AmountMinor)
	setIf(&d.Currency, p.Currency)
	setIf(&d.TargetCloseDate, p.TargetCloseDate)
	setIf(&d.ForecastCategory, p.ForecastCategory)
	setIf(&d.JudgementNote, p.JudgementNote)
	if p.ManualProbability.Set {
		d.ManualProbability = p.ManualProbability.Value
	}
	if p.CustomerID != nil && *p.CustomerID != d.CustomerID {
		if _, err := s.Store.Customer(ctx, *p.CustomerID); err != nil {
			return Deal{}, fieldNotFound(err, "customer_id")
		}
		d.CustomerID = *p.CustomerID
	}
	if err := CheckDeal(d); err != nil {
		return Deal{}, err
	}
	if p.Status != nil {
		plan, err := s.Store.Plan(ctx, id)
		if err != nil {
			return Deal{}, err
		}
		if d, err = ChangeStatus(d, *p.Status, plan, a.IsAdmin); err != nil {
			return Deal{}, err
		}
	}
	var acts []Activity
	// A patch of the judgement alone leaves the deal's other fields, and their entry, be.
	if len(p.modelFields()) > 0 || !p.judgementSet() {
		acts = append(acts, a.activity(id, ActDealUpdated, "deal", &id, before, dealSnapshot(d)))
	}
	if judged := judgementSnapshot(d); !maps.Equal(judged, judgedBefore) {
		acts = append(acts, a.activity(id, ActDealJudgementUpdated, "deal", &id, judgedBefore, judged))
	}
	return s.Store.UpdateDeal(ctx, d, version, acts...)
}

// DeleteDeal removes a deal for good (an admin's correction of a mistake; ending a deal
// is a status change). What it was stays in the audit trail.
func (s *Service) DeleteDeal(ctx context.Context, a Actor, id string, version int) error {
	return s.WithPlan(ctx, id, func(ctx context.Context) error {
		d, err := s.Store.Deal(ctx, id)
		if err != nil {
			return err
		}
		return s.Store.DeleteDeal(ctx, id, version, a.UserID, dealSnapshot(d))
	})
}

// SetTeam replaces the deal team; the new team must keep a PMO (CheckDealTeam).
func (s *Service) SetTeam(ctx context.Context, a Actor, id string, version int, members []Member) (out Deal, err error) {
	if err := CheckDealTeam(members); err != nil {
		return Deal{}, err
	}
	err = s.WithPlan(ctx, id, func(ctx context.Context) error {
		d, err := s.Store.Deal(ctx, id)
		if err != nil {
			return err
		}
		out, err = s.Store.SetTeam(ctx, id, members, version, a.activity(id, ActDealTeamSet, "team", &id, d.Team, members))
		return err
	})
	return out, err
}

// AbandonDeal ends an open deal as abandoned with reason, at version, as a no-go at a
// gate does (reviews.Service.Decide). It joins the transaction in ctx, if any.
func (s *Service) AbandonDeal(ctx context.Context, a Actor, id string, version int, reason string) (out Deal, err error) {
	err = s.changePlan(ctx, id, func(ctx context.Context) error {
		d, err := s.Store.Deal(ctx, id)
		if err != nil {
			return err
		}
		abandoned, err := Abandon(d, version, reason)
		if err != nil {
			return err
		}
		act := a.activity(id, ActDealUpdated, "deal", &id,
			map[string]any{"status": d.Status, "status_reason": d.StatusReason},
			map[string]any{"status": abandoned.Status, "status_reason": abandoned.StatusReason})
		out, err = s.Store.UpdateDeal(ctx, abandoned, version, act)
		return err
	})
	return out, err
}

func checkMembers(members []Member) error {
	for _, m := range members {
		if !m.Role.Valid() {
			return domain.Invalid("role", "oneof", "pmo business solution")
		}
	}
	return nil
}

// CheckDealTeam validates a deal team that replaces the current one: valid roles and at
// least one PMO, so that someone besides admins can still run the deal and its plan
// (and change the team again). An empty team is refused for the same reason.
func CheckDealTeam(members []Member) error {
	if err := checkMembers(members); err != nil {
		return err
	}
	if !slices.ContainsFunc(members, func(m Member) bool { return m.Role == RolePMO }) {
		return domain.Invalid("team", "needs_pmo", "")
	}
	return nil
}

// CheckTeamChoice is the rule for putting a deal in a team, on creation and on a move:
// one of the allowed teams (the actor's teams and those below them); nil allows any
// (admins).
func CheckTeamChoice(allowed []string, teamID string) error {
	if allowed != nil && !slices.Contains(allowed, teamID) {
		return domain.Invalid("team_id", "your_team", "")
	}
	return nil
}

// dealSnapshot is what the activity trail keeps of a deal.
func dealSnapshot(d Deal) map[string]any {
	return map[string]any{
		"name": d.Name, "customer_id": d.CustomerID, "segment": d.Segment, "team_id": d.TeamID,
		"amount_minor": d.AmountMinor, "currency": d.Currency, "target_close_date": d.TargetCloseDate.Format(DateLayout),
		"status": d.Status, "status_reason": d.StatusReason,
	}
}

// judgementSnapshot is what the activity trail keeps of a deal's judgement. The manual
// probability is a comparable value (nil when not given).
func judgementSnapshot(d Deal) map[string]any {
	var p any
	if d.ManualProbability != nil {
		p = *d.ManualProbability
	}
	return map[string]any{"forecast_category": d.ForecastCategory, "manual_probability": p, "judgement_note": d.JudgementNote}
}

func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// fieldNotFound turns a missing referenced thing into a 422 naming the field.
func fieldNotFound(err error, field string) error {
	if errors.Is(err, domain.ErrNotFound) {
		return domain.Invalid(field, "exists", "")
	}
	return err
}
