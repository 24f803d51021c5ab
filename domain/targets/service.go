package targets

import (
	"context"
	"strings"
	"time"

	"summit/domain"
	"summit/domain/identity"
)

// Store persists settings, targets and FX rates. Every write stores its audit event in
// the same transaction and checks versions (domain.ErrStaleVersion). A second target for
// the same period and scope, or a second rate for the same period and currency, is a
// *domain.ValidationError naming period ("unique").
type Store interface {
	domain.Transactor
	// Settings returns the settings row, storing defaults first if there is none; inside
	// Tx it holds the row against changes until the transaction ends.
	Settings(ctx context.Context, defaults Settings) (Settings, error)
	// LockSettings is Settings holding the row for a change (only inside Tx): use cases
	// that read the settings in their transaction run before or after, never across it.
	LockSettings(ctx context.Context, defaults Settings) (Settings, error)
	UpdateSettings(ctx context.Context, s Settings, expected int, ev identity.AuditEvent) (Settings, error)
	// QuarterPeriodsInUse counts the targets and FX rates of fiscal quarters.
	QuarterPeriodsInUse(ctx context.Context) (int64, error)

	ListTargets(ctx context.Context, f TargetFilter, p domain.ListParams) (domain.Page[Target], error)
	// TargetsOf returns every target of period.
	TargetsOf(ctx context.Context, period string) ([]Target, error)
	Target(ctx context.Context, id string) (Target, error)
	CreateTarget(ctx context.Context, t Target, ev identity.AuditEvent) (Target, error)
	UpdateTarget(ctx context.Context, t Target, expected int, ev identity.AuditEvent) (Target, error)
	DeleteTarget(ctx context.Context, id string, expected int, ev identity.AuditEvent) error

	ListRates(ctx context.Context, f RateFilter, p domain.ListParams) (domain.Page[FXRate], error)
	// RatesOf returns every rate of period.
	RatesOf(ctx context.Context, period string) ([]FXRate, error)
	Rate(ctx context.Context, id string) (FXRate, error)
	CreateRate(ctx context.Context, r FXRate, ev identity.AuditEvent) (FXRate, error)
	UpdateRate(ctx context.Context, r FXRate, expected int, ev identity.AuditEvent) (FXRate, error)
	DeleteRate(ctx context.Context, id string, expected int, ev identity.AuditEvent) error
}

// TeamLister lists the team tree.
type TeamLister interface {
	ListTeams(ctx context.Context) ([]identity.Team, error)
}

// Service is the use cases of settings, targets and FX rates.
type Service struct {
	Store Store
	Teams TeamLister
	// Defaults are the settings stored on first use (SUMMIT_FISCAL_YEAR_START_MONTH).
	Defaults Settings
	// Forecasts recomputes every deal's stored confidence, whose quarters the fiscal year
	// start month names: a change of it calls RefreshAll in the same transaction.
	Forecasts interface {
		RefreshAll(ctx context.Context) error
	}
}

func (s *Service) defaults() Settings {
	d := s.Defaults
	if d.ReportingCurrency == "" {
		d.ReportingCurrency = DefaultReportingCurrency
	}
	if d.FiscalYearStartMonth < 1 || d.FiscalYearStartMonth > 12 {
		d.FiscalYearStartMonth = 1
	}
	return d
}

// Settings returns the settings (stored with the defaults on first use).
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	return s.Store.Settings(ctx, s.defaults())
}

// FiscalYearStartMonth is the month the fiscal year starts in (1 = January).
func (s *Service) FiscalYearStartMonth(ctx context.Context) (int, error) {
	st, err := s.Settings(ctx)
	return st.FiscalYearStartMonth, err
}

// UpdateSettings applies a patch at version, audited with before and after.
//
// The fiscal year start month names the quarters: with targets or FX rates of fiscal
// quarters stored, changing it would silently move them to other months, so it is
// refused (422 on fiscal_year_start_month, "periods_in_use") until they are deleted;
// every deal's stored confidence, kept per quarter, is recomputed in the same
// transaction. The
// reporting currency cannot change while targets or FX rates exist either (they are in
// or against it): 422 on reporting_currency.
func (s *Service) UpdateSettings(ctx context.Context, a identity.Actor, version int, p SettingsPatch) (out Settings, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.LockSettings(ctx, s.defaults())
		if err != nil {
			return err
		}
		next := cur
		setIf(&next.ReportingCurrency, p.ReportingCurrency)
		setIf(&next.FiscalYearStartMonth, p.FiscalYearStartMonth)
		if err := CheckSettings(next); err != nil {
			return err
		}
		changes := map[string]any{}
		if next.FiscalYearStartMonth != cur.FiscalYearStartMonth {
			changes["fiscal_year_start_month"] = identity.Change{From: cur.FiscalYearStartMonth, To: next.FiscalYearStartMonth}
			n, err := s.Store.QuarterPeriodsInUse(ctx)
			if err != nil {
				return err
			}
			if n > 0 {
				return domain.Invalid("fiscal_year_start_month", "periods_in_use", "")
			}
		}
		if next.ReportingCurrency != cur.ReportingCurrency {
			changes["reporting_currency"] = identity.Change{From: cur.ReportingCurrency, To: next.ReportingCurrency}
			if err := s.refuseIfAnyStored(ctx); err != nil {
				return err
			}
		}
		if len(changes) == 0 { // nothing to change or audit, but an old version is still stale
			if version != cur.Version {
				return domain.ErrStaleVersion
			}
			out = cur
			return nil
		}
		if out, err = s.Store.UpdateSettings(ctx, next, version, event(a, AuditSettingsUpdated, "settings", nil, changes)); err != nil {
			return err
		}
		if next.FiscalYearStartMonth == cur.FiscalYearStartMonth {
			return nil
		}
		return s.Forecasts.RefreshAll(ctx)
	})
	return out, err
}

func (s *Service) refuseIfAnyStored(ctx context.Context) error {
	one := domain.ListParams{Limit: 1, Sort: domain.SortOrder{Field: "period"}}
	t, err := s.Store.ListTargets(ctx, TargetFilter{}, one)
	if err != nil {
		return err
	}
	r, err := s.Store.ListRates(ctx, RateFilter{}, one)
	if err != nil {
		return err
	}
	if len(t.Items) > 0 || len(r.Items) > 0 {
		return domain.Invalid("reporting_currency", "currency_in_use", "")
	}
	return nil
}

// ListTargets pages through targets.
func (s *Service) ListTargets(ctx context.Context, f TargetFilter, p domain.ListParams) (domain.Page[Target], error) {
	return s.Store.ListTargets(ctx, f, p)
}

// Target returns one target.
func (s *Service) Target(ctx context.Context, id string) (Target, error) {
	return s.Store.Target(ctx, id)
}

// CreateTarget stores a target in the reporting currency for an existing team (or the
// company), audited.
func (s *Service) CreateTarget(ctx context.Context, a identity.Actor, t Target) (out Target, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.checkTarget(ctx, &t); err != nil {
			return err
		}
		out, err = s.Store.CreateTarget(ctx, t, event(a, AuditTargetCreated, "target", nil, targetDetails(t)))
		return err
	})
	return out, err
}

// UpdateTarget applies a patch at version, audited with before and after.
func (s *Service) UpdateTarget(ctx context.Context, a identity.Actor, id string, version int, p TargetPatch) (out Target, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.Target(ctx, id)
		if err != nil {
			return err
		}
		if cur.Version != version {
			return domain.ErrStaleVersion
		}
		next := cur
		setIf(&next.Period, p.Period)
		setIf(&next.AmountMinor, p.AmountMinor)
		setIf(&next.Currency, p.Currency)
		if p.TeamID != nil {
			next.TeamID = p.TeamID
		} else if p.ClearTeam {
			next.TeamID = nil
		}
		if err := s.checkTarget(ctx, &next); err != nil {
			return err
		}
		if sameTarget(cur, next) { // nothing to store or audit
			out = cur
			return nil
		}
		ev := event(a, AuditTargetUpdated, "target", &cur.ID, map[string]any{"before": targetDetails(cur), "after": targetDetails(next)})
		out, err = s.Store.UpdateTarget(ctx, next, version, ev)
		return err
	})
	return out, err
}

// DeleteTarget removes a target at version; the audit keeps what it was.
func (s *Service) DeleteTarget(ctx context.Context, a identity.Actor, id string, version int) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.Target(ctx, id)
		if err != nil {
			return err
		}
		ev := event(a, AuditTargetDeleted, "target", &cur.ID, map[string]any{"before": targetDetails(cur)})
		return s.Store.DeleteTarget(ctx, id, version, ev)
	})
}

func (s *Service) checkTarget(ctx context.Context, t *Target) error {
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	t.Period = strings.TrimSpace(t.Period)
	if t.Currency == "" {
		t.Currency = st.ReportingCurrency
	}
	verr := &domain.ValidationError{}
	if err := CheckTarget(*t, st.ReportingCurrency); err != nil {
		verr = err.(*domain.ValidationError)
	}
	if t.TeamID != nil {
		teams, err := s.Teams.ListTeams(ctx)
		if err != nil {
			return err
		}
		found := false
		for _, team := range teams {
			found = found || team.ID == *t.TeamID
		}
		if !found {
			verr.Add("team_id", "exists", "")
		}
	}
	return verr.OrNil()
}

func sameTarget(a, b Target) bool {
	sameTeam := (a.TeamID == nil && b.TeamID == nil) || (a.TeamID != nil && b.TeamID != nil && *a.TeamID == *b.TeamID)
	return sameTeam && a.Period == b.Period && a.AmountMinor == b.AmountMinor && a.Currency == b.Currency
}

func targetDetails(t Target) map[string]any {
	return map[string]any{"period": t.Period, "team_id": t.TeamID, "amount_minor": t.AmountMinor, "currency": t.Currency}
}

// TargetTree is the period's target tree over the whole team tree (Tree).
func (s *Service) TargetTree(ctx context.Context, period string) ([]TreeNode, error) {
	teams, err := s.Teams.ListTeams(ctx)
	if err != nil {
		return nil, err
	}
	targets, err := s.Store.TargetsOf(ctx, period)
	if err != nil {
		return nil, err
	}
	nodes := make([]TeamNode, 0, len(teams))
	for _, t := range teams {
		nodes = append(nodes, TeamNode{ID: t.ID, Name: t.Name, ParentID: t.ParentID})
	}
	return Tree(nodes, targets), nil
}

// ListRates pages through FX rates.
func (s *Service) ListRates(ctx context.Context, f RateFilter, p domain.ListParams) (domain.Page[FXRate], error) {
	return s.Store.ListRates(ctx, f, p)
}

// Rate returns one FX rate.
func (s *Service) Rate(ctx context.Context, id string) (FXRate, error) { return s.Store.Rate(ctx, id) }

// CreateRate stores an FX rate, audited.
func (s *Service) CreateRate(ctx context.Context, a identity.Actor, r FXRate) (out FXRate, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.checkRate(ctx, &r); err != nil {
			return err
		}
		out, err = s.Store.CreateRate(ctx, r, event(a, AuditRateCreated, "fx_rate", nil, rateDetails(r)))
		return err
	})
	return out, err
}

// UpdateRate applies a patch at version, audited with before and after.
func (s *Service) UpdateRate(ctx context.Context, a identity.Actor, id string, version int, p RatePatch) (out FXRate, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.Rate(ctx, id)
		if err != nil {
			return err
		}
		if cur.Version != version {
			return domain.ErrStaleVersion
		}
		next := cur
		setIf(&next.Period, p.Period)
		setIf(&next.Currency, p.Currency)
		setIf(&next.Rate, p.Rate)
		if err := s.checkRate(ctx, &next); err != nil {
			return err
		}
		if next == cur { // nothing to store or audit
			out = cur
			return nil
		}
		ev := event(a, AuditRateUpdated, "fx_rate", &cur.ID, map[string]any{"before": rateDetails(cur), "after": rateDetails(next)})
		out, err = s.Store.UpdateRate(ctx, next, version, ev)
		return err
	})
	return out, err
}

// DeleteRate removes an FX rate at version; the audit keeps what it was.
func (s *Service) DeleteRate(ctx context.Context, a identity.Actor, id string, version int) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.Store.Rate(ctx, id)
		if err != nil {
			return err
		}
		ev := event(a, AuditRateDeleted, "fx_rate", &cur.ID, map[string]any{"before": rateDetails(cur)})
		return s.Store.DeleteRate(ctx, id, version, ev)
	})
}

func (s *Service) checkRate(ctx context.Context, r *FXRate) error {
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	r.Period = strings.TrimSpace(r.Period)
	if err := CheckRate(*r, st.ReportingCurrency); err != nil {
		return err
	}
	rat, _ := ParseRate(r.Rate)
	r.Rate = CanonicalRate(rat)
	return nil
}

func rateDetails(r FXRate) map[string]any {
	return map[string]any{"period": r.Period, "currency": r.Currency, "rate": r.Rate}
}

// Converter returns a converter to the reporting currency at period's rates. A month
// without a rate of its own for a currency converts at the rate of the fiscal quarter
// it lies in; a currency with neither is a *MissingRateError naming the month.
func (s *Service) Converter(ctx context.Context, period string) (*Converter, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	rates, err := s.Store.RatesOf(ctx, period)
	if err != nil {
		return nil, err
	}
	if month, err := time.Parse("2006-01", period); err == nil {
		quarterly, err := s.Store.RatesOf(ctx, QuarterOf(month, st.FiscalYearStartMonth))
		if err != nil {
			return nil, err
		}
		own := map[string]bool{}
		for _, r := range rates {
			own[r.Currency] = true
		}
		for _, r := range quarterly {
			if !own[r.Currency] {
				r.Period = period
				rates = append(rates, r)
			}
		}
	}
	return NewConverter(st.ReportingCurrency, rates), nil
}

func event(a identity.Actor, action, subjectType string, subjectID *string, details map[string]any) identity.AuditEvent {
	var actor *string
	if a.UserID != "" {
		actor = &a.UserID
	}
	if details == nil {
		details = map[string]any{}
	}
	return identity.AuditEvent{ActorID: actor, Action: action, SubjectType: subjectType, SubjectID: subjectID, IP: a.IP, Details: details}
}
