package deals

import (
	"context"
	"maps"
	"strings"

	"summit/domain"
)

// CustomerPatch changes some of a customer's fields.
type CustomerPatch struct {
	Name, Region, Industry *string
	Kind                   *CustomerKind
}

// ListCustomers pages through customers (search by name with p.Search).
func (s *Service) ListCustomers(ctx context.Context, kind *CustomerKind, p domain.ListParams) (domain.Page[Customer], error) {
	return s.Store.ListCustomers(ctx, kind, p)
}

// Customer returns one customer.
func (s *Service) Customer(ctx context.Context, id string) (Customer, error) {
	return s.Store.Customer(ctx, id)
}

// CreateCustomer stores a customer; the same name twice for one kind is a conflict.
func (s *Service) CreateCustomer(ctx context.Context, c Customer) (Customer, error) {
	c.Name = strings.TrimSpace(c.Name)
	if err := CheckCustomer(c); err != nil {
		return Customer{}, err
	}
	return s.Store.CreateCustomer(ctx, c)
}

// UpdateCustomer applies a patch at version.
func (s *Service) UpdateCustomer(ctx context.Context, id string, version int, p CustomerPatch) (Customer, error) {
	c, err := s.Store.Customer(ctx, id)
	if err != nil {
		return Customer{}, err
	}
	setIf(&c.Name, p.Name)
	setIf(&c.Region, p.Region)
	setIf(&c.Industry, p.Industry)
	setIf(&c.Kind, p.Kind)
	c.Name = strings.TrimSpace(c.Name)
	if err := CheckCustomer(c); err != nil {
		return Customer{}, err
	}
	return s.Store.UpdateCustomer(ctx, c, version)
}

// DeleteCustomer removes a customer that has no deals (else domain.ErrConflict).
func (s *Service) DeleteCustomer(ctx context.Context, id string, version int) error {
	return s.Store.DeleteCustomer(ctx, id, version)
}

// TemplatePage returns one page of templates.
func (s *Service) TemplatePage(ctx context.Context, p domain.ListParams) (domain.Page[Template], error) {
	return s.Store.TemplatePage(ctx, p)
}

// ListTemplates returns every template, built-in first.
func (s *Service) ListTemplates(ctx context.Context) ([]Template, error) {
	return s.Store.ListTemplates(ctx)
}

// Template returns one template.
func (s *Service) Template(ctx context.Context, id string) (Template, error) {
	return s.Store.Template(ctx, id)
}

// CreateTemplate stores a checked template; overrides of the confidence model are in
// the audit trail.
func (s *Service) CreateTemplate(ctx context.Context, a Actor, t Template) (Template, error) {
	t.Key = ""
	if t.ConfidenceParams == nil {
		t.ConfidenceParams = map[string]float64{}
	}
	if err := t.Check(); err != nil {
		return Template{}, err
	}
	var audits []TemplateAudit
	if len(t.ConfidenceParams) > 0 {
		audits = append(audits, TemplateAudit{ActorID: a.UserID, Before: map[string]float64{}, After: t.ConfidenceParams})
	}
	return s.Store.CreateTemplate(ctx, t, audits...)
}

// UpdateTemplate replaces a template's name, segment and milestones at version, and its
// confidence overrides when t carries them (nil keeps them). The use case is one
// transaction (Store.Tx): a change of overrides is audited in it, and the stored
// confidence of every deal laid out from the template is recomputed in it (the steps
// alone change no existing deal: deals keep the plans they were laid out with).
func (s *Service) UpdateTemplate(ctx context.Context, a Actor, id string, version int, t Template) (out Template, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		current, err := s.Store.Template(ctx, id)
		if err != nil {
			return err
		}
		t.ID, t.Key = id, current.Key
		if t.ConfidenceParams == nil {
			t.ConfidenceParams = current.ConfidenceParams
		}
		if err := t.Check(); err != nil {
			return err
		}
		var audits []TemplateAudit
		paramsChanged := !maps.Equal(current.ConfidenceParams, t.ConfidenceParams)
		if paramsChanged {
			audits = append(audits, TemplateAudit{ActorID: a.UserID, Before: current.ConfidenceParams, After: t.ConfidenceParams})
		}
		if out, err = s.Store.UpdateTemplate(ctx, t, version, audits...); err != nil {
			return err
		}
		if !paramsChanged || s.Forecasts == nil {
			return nil
		}
		return s.Forecasts.RefreshTemplate(ctx, id)
	})
	return out, err
}

// DeleteTemplate removes a template; built-in ones stay (domain.ErrConflict). Deals made
// from it keep their plans.
func (s *Service) DeleteTemplate(ctx context.Context, id string, version int) error {
	t, err := s.Store.Template(ctx, id)
	if err != nil {
		return err
	}
	if t.Key != "" {
		return domain.ErrConflict
	}
	return s.Store.DeleteTemplate(ctx, id, version)
}

// Milestone returns one milestone with its dependencies and baseline date.
func (s *Service) Milestone(ctx context.Context, id string) (Milestone, error) {
	return s.Store.Milestone(ctx, id)
}

// Deal returns one deal with its team.
func (s *Service) Deal(ctx context.Context, id string) (Deal, error) { return s.Store.Deal(ctx, id) }

// ListDeals pages through the deals f allows.
func (s *Service) ListDeals(ctx context.Context, f DealFilter, p domain.ListParams) (domain.Page[Deal], error) {
	return s.Store.ListDeals(ctx, f, p)
}

// ListBaselines returns a deal's baselines, newest first, with their dates.
func (s *Service) ListBaselines(ctx context.Context, dealID string) ([]Baseline, error) {
	return s.Store.ListBaselines(ctx, dealID)
}

// ListActivity pages through a deal's audit trail in r, newest first. A range whose To
// is before its From is invalid on to.
func (s *Service) ListActivity(ctx context.Context, dealID string, p domain.ListParams, r ActivityRange) (domain.Page[Activity], error) {
	if r.From != nil && r.To != nil && r.To.Before(*r.From) {
		return domain.Page[Activity]{}, domain.Invalid("to", "not_before_from", "")
	}
	return s.Store.ListActivity(ctx, dealID, p, r)
}
