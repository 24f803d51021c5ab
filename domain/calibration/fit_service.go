package calibration

import (
	"context"
	"time"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/identity"
)

// The audited actions of the confidence models.
const (
	AuditModelFitted   = "confidence_model.fitted"
	AuditModelAdopted  = "confidence_model.adopted"
	AuditModelReverted = "confidence_model.reverted"
)

// LeadDays are the lead times a fit may take its snapshots at (days before the close).
var LeadDays = []int{90, 60, 30}

// Model is one fitted version of the confidence model: overrides of the parameters and
// what its fit measured. At most one is adopted.
type Model struct {
	Version   int
	Params    map[string]float64
	Report    FitReport
	FittedAt  time.Time
	FittedBy  *string
	Adopted   bool
	AdoptedAt *time.Time // the last time it was adopted (kept after a revert)
	AdoptedBy *string
}

// ModelStore keeps the fitted models and reads the closed deals' snapshots. Writes store
// their audit event in the same transaction.
type ModelStore interface {
	domain.Transactor
	// LockModels holds the models against other fits, adoptions and reverts until the
	// transaction in ctx ends.
	LockModels(ctx context.Context) error
	// FitRows reads each closed deal's latest snapshot on or before lead days before its
	// close date (at most a fortnight earlier), newest closes first, at most limit.
	FitRows(ctx context.Context, leadDays, limit int) ([]FitRow, error)
	// Adopted is the adopted model, nil when the defaults are in force.
	Adopted(ctx context.Context) (*Model, error)
	Model(ctx context.Context, version int) (Model, error) // domain.ErrNotFound
	ListModels(ctx context.Context, p domain.ListParams) (domain.Page[Model], error)
	// CreateModel stores m as the next version and returns it.
	CreateModel(ctx context.Context, m Model, ev identity.AuditEvent) (Model, error)
	// SetAdopted adopts version (0: none, the defaults) by actor.
	SetAdopted(ctx context.Context, version int, by *string, ev identity.AuditEvent) error
	// PreviouslyAdopted is the model adopted last before the one in force (the latest
	// adopted_at among the others), nil when there is none.
	PreviouslyAdopted(ctx context.Context) (*Model, error)
}

// ModelSorts: the versions are listed by version, newest first.
var ModelSorts = domain.Sorts{Fields: []string{"version"}, Default: "-version"}

// MaxFitRows bounds the closed deals one fit reads (the newest closes).
const MaxFitRows = 20000

// ModelService fits, lists, adopts and reverts confidence models. Nothing is adopted
// without an admin's request.
type ModelService struct {
	Store ModelStore
	// Forecasts recomputes every deal's stored figures after an adoption or a revert,
	// in the same transaction (BatchSize deals at a time).
	Forecasts interface {
		RefreshAll(ctx context.Context) error
	}
	Now func() time.Time
}

// InForce is the adoption state: the adopted version, 0 when the defaults are in force.
// Adopt and Revert compare it with the state the caller saw (If-Match).
func (s *ModelService) InForce(ctx context.Context) (int, error) {
	m, err := s.Store.Adopted(ctx)
	if err != nil || m == nil {
		return 0, err
	}
	return m.Version, nil
}

// CurrentParams are the parameters in force: the defaults with the adopted model's
// overrides (template overrides come on top, per deal).
func CurrentParams(adopted *Model) confidence.Params {
	if adopted == nil {
		return confidence.DefaultParams()
	}
	p, err := confidence.DefaultParams().WithOverrides(adopted.Params)
	if err != nil {
		return confidence.DefaultParams()
	}
	return p
}

// Fit fits a new version on the closed deals' snapshots at leadDays before their close
// and stores it with its report, not adopted. Fewer than MinWon won or MinLost lost
// deals is a validation error naming the counts.
func (s *ModelService) Fit(ctx context.Context, a identity.Actor, leadDays int) (out Model, err error) {
	ok := false
	for _, d := range LeadDays {
		ok = ok || d == leadDays
	}
	if !ok {
		return Model{}, domain.Invalid("lead_days", "oneof", "90 60 30")
	}
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockModels(ctx); err != nil {
			return err
		}
		rows, err := s.Store.FitRows(ctx, leadDays, MaxFitRows)
		if err != nil {
			return err
		}
		adopted, err := s.Store.Adopted(ctx)
		if err != nil {
			return err
		}
		fit, err := FitModel(rows, CurrentParams(adopted), leadDays, FitOptions{})
		if err != nil {
			return err
		}
		if adopted != nil {
			fit.Report.BaseVersion = adopted.Version
		}
		m := Model{Params: fit.Params, Report: fit.Report, FittedAt: s.now(), FittedBy: actorID(a)}
		out, err = s.Store.CreateModel(ctx, m, event(a, AuditModelFitted, nil, map[string]any{
			"lead_days": leadDays, "won": fit.Report.Won, "lost": fit.Report.Lost,
			"brier_current": fit.Report.Current.Brier, "brier_fitted": fit.Report.Fitted.Brier}))
		return err
	})
	return out, err
}

// List pages through the versions, newest first.
func (s *ModelService) List(ctx context.Context, p domain.ListParams) (domain.Page[Model], error) {
	return s.Store.ListModels(ctx, p)
}

// Adopt puts version in force if the adoption state is still seen (expected: the
// version in force the caller saw, 0 for the defaults; else domain.ErrStaleVersion),
// audited, and recomputes every deal's figures in the same transaction.
func (s *ModelService) Adopt(ctx context.Context, a identity.Actor, version, expected int) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.lockedState(ctx, expected)
		if err != nil {
			return err
		}
		if _, err := s.Store.Model(ctx, version); err != nil {
			return err
		}
		if cur == version {
			return nil
		}
		return s.put(ctx, a, AuditModelAdopted, cur, version)
	})
}

// Revert targets.
const (
	RevertToDefaults = "defaults"
	RevertToPrevious = "previous"
)

// Revert goes back to the defaults, or to the version adopted before the one in force
// (the defaults when there was none), like Adopt: If-Match state, audited, recomputed.
// It returns the version now in force (0: the defaults).
func (s *ModelService) Revert(ctx context.Context, a identity.Actor, to string, expected int) (version int, err error) {
	if to != RevertToDefaults && to != RevertToPrevious {
		return 0, domain.Invalid("to", "oneof", RevertToDefaults+" "+RevertToPrevious)
	}
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		cur, err := s.lockedState(ctx, expected)
		if err != nil {
			return err
		}
		if to == RevertToPrevious {
			prev, err := s.Store.PreviouslyAdopted(ctx)
			if err != nil {
				return err
			}
			if prev != nil {
				version = prev.Version
			}
		}
		if cur == version {
			return nil
		}
		return s.put(ctx, a, AuditModelReverted, cur, version)
	})
	return version, err
}

func (s *ModelService) lockedState(ctx context.Context, expected int) (int, error) {
	if err := s.Store.LockModels(ctx); err != nil {
		return 0, err
	}
	cur, err := s.InForce(ctx)
	if err != nil {
		return 0, err
	}
	if cur != expected {
		return 0, domain.ErrStaleVersion
	}
	return cur, nil
}

func (s *ModelService) put(ctx context.Context, a identity.Actor, action string, from, to int) error {
	// audit_events.subject_id is a uuid: the versions go in the details (0: the defaults).
	ev := event(a, action, nil, map[string]any{"version": identity.Change{From: from, To: to}})
	if err := s.Store.SetAdopted(ctx, to, actorID(a), ev); err != nil {
		return err
	}
	return s.Forecasts.RefreshAll(ctx)
}

func (s *ModelService) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func actorID(a identity.Actor) *string {
	if a.UserID == "" {
		return nil
	}
	id := a.UserID
	return &id
}

func event(a identity.Actor, action string, subjectID *string, details map[string]any) identity.AuditEvent {
	return identity.AuditEvent{ActorID: actorID(a), Action: action, SubjectType: "confidence_model", SubjectID: subjectID,
		IP: a.IP, Details: details}
}
