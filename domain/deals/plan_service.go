package deals

import (
	"context"
	"slices"
	"strings"
	"time"

	"summit/domain"
)

// MilestoneInput is a new milestone added by hand.
type MilestoneInput struct {
	Name           string
	NameZh         string
	OwnerRole      OwnerRole
	AssigneeID     *string
	Weight         int
	Gate           bool
	PlannedStart   time.Time
	PlannedDue     time.Time
	ExitCriteria   string
	ExitCriteriaZh string
	DependsOn      []string
}

// MilestonePatch changes some fields of a milestone.
type MilestonePatch struct {
	Name           *string
	NameZh         *string
	OwnerRole      *OwnerRole
	AssigneeID     *string
	ClearAssignee  bool
	Weight         *int
	Gate           *bool
	PlannedStart   *time.Time
	PlannedDue     *time.Time
	ExitCriteria   *string
	ExitCriteriaZh *string
	DependsOn      *[]string
	Status         *StatusChange
}

// Plan returns a deal's milestones with baseline dates and its slippage.
func (s *Service) Plan(ctx context.Context, dealID string) ([]Milestone, error) {
	return s.Store.Plan(ctx, dealID)
}

// CreateMilestone appends a milestone to a deal's plan.
func (s *Service) CreateMilestone(ctx context.Context, a Actor, dealID string, in MilestoneInput) (out Milestone, err error) {
	err = s.changePlan(ctx, dealID, func(ctx context.Context) error {
		plan, err := s.Store.Plan(ctx, dealID)
		if err != nil {
			return err
		}
		m := Milestone{DealID: dealID, Name: strings.TrimSpace(in.Name), NameZh: in.NameZh, OwnerRole: in.OwnerRole, AssigneeID: in.AssigneeID,
			Weight: in.Weight, Gate: in.Gate, PlannedStart: Day(in.PlannedStart), PlannedDue: Day(in.PlannedDue),
			ExitCriteria: in.ExitCriteria, ExitCriteriaZh: in.ExitCriteriaZh, DependsOn: in.DependsOn, Status: StatusPlanned, Sequence: len(plan) + 1, ID: "new"}
		if err := checkMilestone(m, append(plan, m)); err != nil {
			return err
		}
		out, err = s.Store.CreateMilestone(ctx, m, a.activity(dealID, ActMilestoneCreated, "milestone", nil, nil, milestoneSnapshot(m)))
		return err
	})
	return out, err
}

// UpdateMilestone applies a patch, including a status change by the status rules. The
// dependency and status rules are checked on the plan as it is inside the transaction
// that writes the change.
// The stored confidence is recomputed only when the change touches what the engine reads
// of a milestone (forecastInputsChanged): renaming one, or changing its exit criteria,
// owner or assignee, leaves the figures as they are.
func (s *Service) UpdateMilestone(ctx context.Context, a Actor, id string, version int, p MilestonePatch) (out Milestone, err error) {
	err = s.Store.Tx(ctx, func(ctx context.Context) error {
		dealID, err := s.Store.LockMilestonePlan(ctx, id)
		if err != nil {
			return err
		}
		m, plan, err := findInPlan(ctx, s.Store, dealID, id)
		if err != nil {
			return err
		}
		if out, err = s.updateMilestone(ctx, a, m, plan, version, p); err != nil {
			return err
		}
		if !forecastInputsChanged(m, out) {
			return nil
		}
		return s.refreshLocked(ctx, dealID)
	})
	return out, err
}

// forecastInputsChanged reports whether after differs from before in what the confidence
// engine reads of a milestone (repository Forecasts.Inputs: key, weight, gate, status,
// planned and completion dates, dependencies).
func forecastInputsChanged(before, after Milestone) bool {
	return before.Key != after.Key || before.Weight != after.Weight || before.Gate != after.Gate ||
		before.Status != after.Status || !before.PlannedStart.Equal(after.PlannedStart) ||
		!before.PlannedDue.Equal(after.PlannedDue) || !sameDay(before.CompletedOn, after.CompletedOn) ||
		!sameSet(before.DependsOn, after.DependsOn)
}

func sameDay(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// sameSet reports whether a and b hold the same ids, in any order.
func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func (s *Service) updateMilestone(ctx context.Context, a Actor, m Milestone, plan []Milestone, version int, p MilestonePatch) (Milestone, error) {
	var err error
	current := m
	before := milestoneSnapshot(m)
	setIf(&m.Name, p.Name)
	setIf(&m.NameZh, p.NameZh)
	setIf(&m.OwnerRole, p.OwnerRole)
	setIf(&m.Weight, p.Weight)
	setIf(&m.Gate, p.Gate)
	setIf(&m.ExitCriteria, p.ExitCriteria)
	setIf(&m.ExitCriteriaZh, p.ExitCriteriaZh)
	setIf(&m.DependsOn, p.DependsOn)
	if p.AssigneeID != nil || p.ClearAssignee {
		m.AssigneeID = p.AssigneeID
	}
	if p.PlannedStart != nil {
		m.PlannedStart = Day(*p.PlannedStart)
	}
	if p.PlannedDue != nil {
		m.PlannedDue = Day(*p.PlannedDue)
	}
	if err := a.Plan.CheckEdit(current, m); err != nil {
		return Milestone{}, err
	}
	plan = replace(plan, m)
	if err := checkMilestone(m, plan); err != nil {
		return Milestone{}, err
	}
	if p.Status != nil {
		if m, err = ApplyStatus(m, *p.Status, dependenciesOf(m, plan), s.today()); err != nil {
			return Milestone{}, err
		}
	}
	relink := !slices.Equal(current.DependsOn, m.DependsOn)
	out, err := s.Store.UpdateMilestone(ctx, m, version, relink, a.activity(m.DealID, ActMilestoneUpdated, "milestone", &m.ID, before, milestoneSnapshot(m)))
	if err != nil {
		return Milestone{}, err
	}
	out.DependsOn = inPlanOrder(out.DependsOn, plan)
	return out, nil
}

// inPlanOrder are ids ordered by their milestones' place in plan, as a plan read lists a
// milestone's dependencies.
func inPlanOrder(ids []string, plan []Milestone) []string {
	place := make(map[string]int, len(plan))
	for i, m := range plan {
		place[m.ID] = i
	}
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int { return place[a] - place[b] })
	return out
}

// DeleteMilestone removes a milestone; milestones depending on it lose that link.
func (s *Service) DeleteMilestone(ctx context.Context, a Actor, id string, version int) error {
	return s.withMilestone(ctx, id, func(ctx context.Context, m Milestone, _ []Milestone) error {
		return s.Store.DeleteMilestone(ctx, id, version, a.activity(m.DealID, ActMilestoneDeleted, "milestone", &m.ID, milestoneSnapshot(m), nil))
	})
}

// Reorder sets the plan's order; ids must be exactly the deal's milestones.
func (s *Service) Reorder(ctx context.Context, a Actor, dealID string, ids []string) error {
	return s.changePlan(ctx, dealID, func(ctx context.Context) error {
		plan, err := s.Store.Plan(ctx, dealID)
		if err != nil {
			return err
		}
		current := make([]string, 0, len(plan))
		for _, m := range plan {
			current = append(current, m.ID)
		}
		sorted := slices.Sorted(slices.Values(ids))
		if !slices.Equal(sorted, slices.Sorted(slices.Values(current))) {
			return domain.Invalid("milestone_ids", "permutation", "")
		}
		return s.Store.Reorder(ctx, dealID, ids, a.activity(dealID, ActPlanReordered, "deal", &dealID, current, ids))
	})
}

// PreviewReschedule returns the moves that giving milestone id new dates implies,
// without changing anything; each says whether a.Plan allows it.
func (s *Service) PreviewReschedule(ctx context.Context, a Actor, id string, start, due time.Time) ([]VersionedMove, error) {
	m, plan, err := s.milestoneInPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	return previewMoves(a, m, plan, start, due)
}

// previewMoves is the cascade of giving m new dates in plan.
func previewMoves(a Actor, m Milestone, plan []Milestone, start, due time.Time) ([]VersionedMove, error) {
	if Day(due).Before(Day(start)) {
		return nil, domain.Invalid("planned_due", "after_start", "")
	}
	byID := map[string]Milestone{}
	for _, pm := range plan {
		byID[pm.ID] = pm
	}
	moves := Reschedule(plan, m.ID, start, due)
	out := make([]VersionedMove, 0, len(moves))
	for _, mv := range moves {
		pm := byID[mv.MilestoneID]
		out = append(out, VersionedMove{Move: mv, Version: pm.Version, Allowed: a.Plan.MayChange(pm)})
	}
	return out, nil
}

// ApplyReschedule moves milestone id (at version) and its dependents in one
// transaction; if any of them changed since, nothing moves (domain.ErrStaleVersion).
// A cascade reaching milestones a.Plan may not change moves nothing either: a
// domain.ForbiddenError names them.
// The cascade is worked out on the plan read inside the transaction that moves it.
func (s *Service) ApplyReschedule(ctx context.Context, a Actor, id string, version int, start, due time.Time) (moves []VersionedMove, err error) {
	err = s.withMilestone(ctx, id, func(ctx context.Context, m Milestone, plan []Milestone) error {
		moves, err = previewMoves(a, m, plan, start, due)
		if err != nil {
			return err
		}
		if moves[0].Version != version {
			return domain.ErrStaleVersion
		}
		if err := a.Plan.CheckMoves(moves); err != nil {
			return err
		}
		act := a.activity(m.DealID, ActPlanRescheduled, "milestone", &id, nil, movesSnapshot(moves, plan))
		return s.Store.ApplyMoves(ctx, m.DealID, moves, act)
	})
	if err != nil {
		return nil, err
	}
	return moves, nil
}

// TakeBaseline freezes every milestone's dates under a name and reason; the deal's first
// baseline becomes its committed one.
func (s *Service) TakeBaseline(ctx context.Context, a Actor, dealID, name, reason string) (Baseline, error) {
	if strings.TrimSpace(name) == "" {
		return Baseline{}, domain.Invalid("name", "required", "")
	}
	verr := &domain.ValidationError{}
	verr.CheckLen("name", strings.TrimSpace(name), domain.MaxNameLen)
	verr.CheckLen("reason", strings.TrimSpace(reason), domain.MaxReasonLen)
	if err := verr.OrNil(); err != nil {
		return Baseline{}, err
	}
	var out Baseline
	err := s.changePlan(ctx, dealID, func(ctx context.Context) error {
		plan, err := s.Store.Plan(ctx, dealID)
		if err != nil {
			return err
		}
		existing, err := s.Store.ListBaselines(ctx, dealID)
		if err != nil {
			return err
		}
		// The first baseline (the kick-off plan) is the committed one until the PMO
		// commits to another (CommitBaseline); later ones never move it.
		b := Baseline{DealID: dealID, Name: strings.TrimSpace(name), Reason: strings.TrimSpace(reason), TakenAt: s.Now().UTC(),
			Committed: CommittedBaseline(existing) == nil}
		if a.UserID != "" {
			b.TakenBy = &a.UserID
		}
		for _, m := range plan {
			b.Milestones = append(b.Milestones, BaselineMilestone{MilestoneID: m.ID, PlannedStart: m.PlannedStart, PlannedDue: m.PlannedDue})
		}
		out, err = s.Store.TakeBaseline(ctx, b, a.activity(dealID, ActBaselineTaken, "baseline", nil, nil, map[string]any{"name": b.Name, "reason": b.Reason}))
		return err
	})
	return out, err
}

// WithPlan runs fn in one transaction that holds dealID's plan (Store.LockPlan): what fn
// reads of the deal cannot change before fn's writes commit. Other services run their use
// cases on a deal in it (reviews.Service.Decide); inside it, this service's methods join.
func (s *Service) WithPlan(ctx context.Context, dealID string, fn func(ctx context.Context) error) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		if err := s.Store.LockPlan(ctx, dealID); err != nil {
			return err
		}
		return fn(ctx)
	})
}

// changePlan runs fn as WithPlan does, then recomputes the deal's stored confidence in
// the same transaction: a change that affects the figures and the figures commit together.
func (s *Service) changePlan(ctx context.Context, dealID string, fn func(ctx context.Context) error) error {
	return s.WithPlan(ctx, dealID, func(ctx context.Context) error {
		if err := fn(ctx); err != nil {
			return err
		}
		return s.refreshLocked(ctx, dealID)
	})
}

// refreshLocked is RefreshForecasts for a deal whose row the transaction in ctx holds
// already (LockPlan): its lock is not taken again.
func (s *Service) refreshLocked(ctx context.Context, dealID string) error {
	if s.Forecasts == nil {
		return nil
	}
	return s.Forecasts.RefreshLocked(ctx, dealID)
}

// RefreshForecasts recomputes the deals' stored confidence in the transaction in ctx
// (Forecasts; nothing when none is wired).
func (s *Service) RefreshForecasts(ctx context.Context, dealIDs ...string) error {
	if s.Forecasts == nil {
		return nil
	}
	return s.Forecasts.Refresh(ctx, dealIDs...)
}

// withMilestone runs fn as changePlan does for the deal of milestone id, with the
// milestone and its plan read after the lock.
func (s *Service) withMilestone(ctx context.Context, id string, fn func(ctx context.Context, m Milestone, plan []Milestone) error) error {
	return s.Store.Tx(ctx, func(ctx context.Context) error {
		dealID, err := s.Store.LockMilestonePlan(ctx, id) // a milestone never changes deal
		if err != nil {
			return err
		}
		m, plan, err := findInPlan(ctx, s.Store, dealID, id)
		if err != nil {
			return err
		}
		if err := fn(ctx, m, plan); err != nil {
			return err
		}
		return s.refreshLocked(ctx, dealID)
	})
}

func (s *Service) milestoneInPlan(ctx context.Context, id string) (Milestone, []Milestone, error) {
	dealID, err := s.Store.MilestoneDeal(ctx, id)
	if err != nil {
		return Milestone{}, nil, err
	}
	return findInPlan(ctx, s.Store, dealID, id)
}

// findInPlan reads dealID's plan and finds milestone id in it.
func findInPlan(ctx context.Context, store Store, dealID, id string) (Milestone, []Milestone, error) {
	plan, err := store.Plan(ctx, dealID)
	if err != nil {
		return Milestone{}, nil, err
	}
	for _, m := range plan {
		if m.ID == id {
			return m, plan, nil
		}
	}
	return Milestone{}, nil, domain.ErrNotFound
}

// checkMilestone validates one milestone's fields and the plan's dependencies.
func checkMilestone(m Milestone, plan []Milestone) error {
	verr := &domain.ValidationError{}
	if m.Name == "" {
		verr.Add("name", "required", "")
	}
	if !m.OwnerRole.Valid() {
		verr.Add("owner_role", "oneof", "pmo business solution")
	}
	verr.CheckLen("name", m.Name, domain.MaxTitleLen)
	verr.CheckLen("name_zh", m.NameZh, domain.MaxTitleLen)
	verr.CheckLen("exit_criteria", m.ExitCriteria, domain.MaxTextLen)
	verr.CheckLen("exit_criteria_zh", m.ExitCriteriaZh, domain.MaxTextLen)
	verr.CheckRange("weight", int64(m.Weight), domain.MinWeight, domain.MaxWeight)
	if m.PlannedStart.IsZero() {
		verr.Add("planned_start", "required", "")
	}
	if m.PlannedDue.IsZero() {
		verr.Add("planned_due", "required", "")
	} else if m.PlannedDue.Before(m.PlannedStart) {
		verr.Add("planned_due", "after_start", "")
	}
	if slices.Contains(m.DependsOn, m.ID) {
		verr.Add("depends_on", "self", "")
	}
	if err := verr.OrNil(); err != nil {
		return err
	}
	return CheckDependencies(plan)
}

func dependenciesOf(m Milestone, plan []Milestone) []Milestone {
	var deps []Milestone
	for _, pm := range plan {
		if slices.Contains(m.DependsOn, pm.ID) {
			deps = append(deps, pm)
		}
	}
	return deps
}

func replace(plan []Milestone, m Milestone) []Milestone {
	out := slices.Clone(plan)
	for i := range out {
		if out[i].ID == m.ID {
			out[i] = m
		}
	}
	return out
}

func milestoneSnapshot(m Milestone) map[string]any {
	snap := map[string]any{
		"name": m.Name, "name_zh": m.NameZh, "owner_role": m.OwnerRole, "weight": m.Weight, "gate": m.Gate, "status": m.Status,
		"planned_start": m.PlannedStart.Format(DateLayout), "planned_due": m.PlannedDue.Format(DateLayout),
		"depends_on": m.DependsOn, "assignee_id": m.AssigneeID, "status_reason": m.StatusReason,
	}
	if m.CompletedOn != nil {
		snap["completed_on"] = m.CompletedOn.Format(DateLayout)
	}
	return snap
}

// movesSnapshot is what the trail keeps of a reschedule: each move with the milestone's
// names in both languages (nameZh maps a milestone id to its Chinese name).
func movesSnapshot(moves []VersionedMove, plan []Milestone) []map[string]string {
	nameZh := make(map[string]string, len(plan))
	for _, m := range plan {
		nameZh[m.ID] = m.NameZh
	}
	out := make([]map[string]string, 0, len(moves))
	for _, mv := range moves {
		out = append(out, map[string]string{"milestone_id": mv.MilestoneID, "name": mv.Name, "name_zh": nameZh[mv.MilestoneID],
			"from_due": mv.FromDue.Format(DateLayout), "to_due": mv.ToDue.Format(DateLayout)})
	}
	return out
}

// ImportPlan imports a plan from spreadsheet rows in mode (MergePlan), in one
// transaction that also records what it changed (PlanImport) so that UndoImport can put
// it back; a file with any bad cell, or a dependency cycle, changes nothing.
func (s *Service) ImportPlan(ctx context.Context, a Actor, dealID string, rows [][]string, mode ImportMode) (imp PlanImport, stored []Milestone, err error) {
	if !mode.Valid() {
		return PlanImport{}, nil, domain.Invalid("mode", "oneof", "merge replace")
	}
	file, err := ReadPlanFile(rows, s.today())
	if err != nil {
		return PlanImport{}, nil, err
	}
	err = s.changePlan(ctx, dealID, func(ctx context.Context) error {
		old, err := s.Store.Plan(ctx, dealID)
		if err != nil {
			return err
		}
		ch, sum, err := MergePlan(old, file, mode, s.today())
		if err != nil {
			return err
		}
		var removedDates []BaselineDate
		if len(ch.Remove) > 0 {
			dates, err := s.Store.BaselineDates(ctx, dealID)
			if err != nil {
				return err
			}
			removedDates = RemovedBaselines(ch, dates)
		}
		act := a.activity(dealID, ActPlanImported, "deal", &dealID, map[string]any{"milestones": len(old)},
			map[string]any{"milestones": len(ch.Plan), "mode": mode, "added": sum.Added, "updated": sum.Updated, "removed": sum.Removed, "unchanged": sum.Unchanged})
		version, err := s.Store.ApplyPlanChange(ctx, dealID, ch, act)
		if err != nil {
			return err
		}
		if stored, err = s.Store.Plan(ctx, dealID); err != nil {
			return err
		}
		imp = PlanImport{DealID: dealID, Mode: mode, Summary: sum, Before: old, BeforeBaselines: removedDates,
			AfterStamp: PlanStamp(stored), DealVersion: version, At: s.Now().UTC()}
		if a.UserID != "" {
			imp.ActorID = &a.UserID
		}
		imp, err = s.Store.SavePlanImport(ctx, imp)
		return err
	})
	return imp, stored, err
}

// UndoImport puts back the plan an import replaced, in one transaction recorded as one
// activity entry, if nothing changed since (CheckUndo: ifMatch is the deal version the
// import answered with). It returns the plan and the deal's new version.
func (s *Service) UndoImport(ctx context.Context, a Actor, dealID, importID string, ifMatch int) (stored []Milestone, version int, err error) {
	err = s.changePlan(ctx, dealID, func(ctx context.Context) error {
		imp, err := s.Store.PlanImport(ctx, dealID, importID)
		if err != nil {
			return err
		}
		d, err := s.Store.Deal(ctx, dealID)
		if err != nil {
			return err
		}
		current, err := s.Store.Plan(ctx, dealID)
		if err != nil {
			return err
		}
		if err := CheckUndo(imp, current, d.Version, ifMatch); err != nil {
			return err
		}
		ch := UndoPlanChange(current, imp.Before, imp.BeforeBaselines)
		act := a.activity(dealID, ActPlanImportUndone, "deal", &dealID, map[string]any{"milestones": len(current)},
			map[string]any{"milestones": len(ch.Plan), "mode": imp.Mode})
		if version, err = s.Store.ApplyPlanChange(ctx, dealID, ch, act); err != nil {
			return err
		}
		if err := s.Store.MarkPlanImportUndone(ctx, importID); err != nil {
			return err
		}
		stored, err = s.Store.Plan(ctx, dealID)
		return err
	})
	return stored, version, err
}
