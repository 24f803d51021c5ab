package deals

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"summit/domain"
)

// ImportMode says what an import does with the stored milestones the file lacks.
type ImportMode string

// The import modes.
const (
	// ImportMerge updates the milestones the file names by key, adds its rows without
	// one, and keeps the rest: the default.
	ImportMerge ImportMode = "merge"
	// ImportReplace makes the plan the file's: milestones it names by key are updated
	// (they keep their id, baselines and history), the others are removed.
	ImportReplace ImportMode = "replace"
)

// Valid reports whether m is an import mode.
func (m ImportMode) Valid() bool { return m == ImportMerge || m == ImportReplace }

// ImportSummary counts what an import did to the plan's milestones.
type ImportSummary struct {
	Added, Updated, Removed, Unchanged int
}

// NewMilestonePrefix starts the ids of the milestones a PlanChange adds: the store gives
// them ids of their own. Any other id in Add is an id to restore (undo).
const NewMilestonePrefix = "new:"

// PlanChange turns a stored plan into another in one write.
type PlanChange struct {
	// Plan is the whole plan afterwards, in order (Sequence 1..n), DependsOn by id.
	Plan []Milestone
	// Add are the ids in Plan to insert; Update the ids in Plan to store at their Version.
	// Plan's other milestones keep their fields (only their place may change).
	Add, Update []string
	// Remove are the stored milestones to delete.
	Remove []Milestone
	// Baselines are baseline dates to put back (of milestones an undo restores).
	Baselines []BaselineDate
}

// BaselineDate is one milestone's dates in one baseline.
type BaselineDate struct {
	BaselineID   string
	MilestoneID  string
	PlannedStart time.Time
	PlannedDue   time.Time
}

// PlanImport is what an import changed, kept so that it can be undone: the plan before
// it, the baseline dates of the milestones it removed, and the plan's stamp and the
// deal's version right after it.
type PlanImport struct {
	ID              string
	DealID          string
	ActorID         *string
	At              time.Time
	Mode            ImportMode
	Summary         ImportSummary
	Before          []Milestone
	BeforeBaselines []BaselineDate
	AfterStamp      string
	DealVersion     int
	UndoneAt        *time.Time
}

// MergePlan computes what importing f into current does in mode. Rows whose key is the
// id of a current milestone update it; other rows are added (in merge, after the
// nearest row above them that updates one, else at the end; in replace, in the file's
// order); current milestones no row names are kept (merge) or removed (replace). A
// value the file does not give (PlanFile.Given) stays as stored. A dependency cycle in
// the result is refused naming the file's rows on it: "rows[N].depends_on" for each,
// the chain of row numbers (or stored milestones' names) as the parameter.
func MergePlan(current []Milestone, f PlanFile, mode ImportMode, today time.Time) (PlanChange, ImportSummary, error) {
	var ch PlanChange
	var sum ImportSummary
	byID := make(map[string]Milestone, len(current))
	for _, m := range current {
		byID[m.ID] = m
	}
	idOf := make([]string, len(f.Milestones)) // file index -> id in the result
	matched := map[string]bool{}
	for i := range f.Milestones {
		if k := f.Keys[i]; k != "" {
			if _, ok := byID[k]; ok {
				idOf[i], matched[k] = k, true
				continue
			}
		}
		idOf[i] = NewMilestonePrefix + strconv.Itoa(i)
	}
	fileIndex := func(id string) (int, bool) {
		i, err := strconv.Atoi(id)
		return i, err == nil && i >= 0 && i < len(idOf)
	}
	next := make(map[string]Milestone, len(f.Milestones))
	for i, in := range f.Milestones {
		deps := []string{}
		for _, d := range in.DependsOn {
			if j, ok := fileIndex(d); ok {
				deps = append(deps, idOf[j])
			}
		}
		old, isUpdate := byID[idOf[i]]
		if !isUpdate {
			m := in
			m.ID, m.DependsOn = idOf[i], deps
			next[m.ID] = m
			ch.Add = append(ch.Add, m.ID)
			sum.Added++
			continue
		}
		m := old
		m.Name, m.OwnerRole, m.PlannedStart, m.PlannedDue = in.Name, in.OwnerRole, in.PlannedStart, in.PlannedDue
		given := f.Given[i]
		if given["name_zh"] {
			m.NameZh = in.NameZh
		}
		if given["exit_criteria"] {
			m.ExitCriteria = in.ExitCriteria
		}
		if given["weight"] {
			m.Weight = in.Weight
		}
		if given["gate"] {
			m.Gate = in.Gate
		}
		if given["depends_on"] {
			m.DependsOn = deps
		}
		if given["status"] && in.Status != old.Status {
			m.Status, m.CompletedOn = in.Status, nil
			if m.Status == StatusDone {
				m.CompletedOn = completedOn(m, today)
			}
			if m.Status != StatusBlocked {
				m.StatusReason = ""
			}
		}
		next[m.ID] = m
		if sameMilestone(m, old) {
			sum.Unchanged++
		} else {
			ch.Update = append(ch.Update, m.ID)
			sum.Updated++
		}
	}
	// The order of the result.
	var order []string
	if mode == ImportReplace {
		order = idOf
		for _, m := range current {
			if !matched[m.ID] {
				ch.Remove = append(ch.Remove, m)
				sum.Removed++
			}
		}
	} else {
		after := map[string][]string{}
		var tail []string
		anchor := ""
		for i, id := range idOf {
			switch {
			case !strings.HasPrefix(id, NewMilestonePrefix):
				anchor = id
			case anchor == "":
				tail = append(tail, idOf[i])
			default:
				after[anchor] = append(after[anchor], id)
			}
		}
		for _, m := range current {
			order = append(order, m.ID)
			order = append(order, after[m.ID]...)
			if !matched[m.ID] {
				next[m.ID] = m
				sum.Unchanged++
			}
		}
		order = append(order, tail...)
	}
	if len(order) > MaxPlanMilestones {
		return PlanChange{}, ImportSummary{}, domain.Invalid("file", "max_rows", strconv.Itoa(MaxPlanMilestones))
	}
	for i, id := range order {
		m := next[id]
		m.Sequence = i + 1
		// A kept milestone's link to a removed one goes with it.
		m.DependsOn = slices.DeleteFunc(slices.Clone(m.DependsOn), func(d string) bool { _, ok := next[d]; return !ok })
		ch.Plan = append(ch.Plan, m)
	}
	if err := fileCycle(ch.Plan, idOf, f.Rows); err != nil {
		return PlanChange{}, ImportSummary{}, err
	}
	return ch, sum, nil
}

// fileCycle reports a dependency cycle of plan on the file's rows that are part of it.
func fileCycle(plan []Milestone, idOf []string, rows []int) error {
	cycle := findCycle(plan)
	if cycle == nil {
		return nil
	}
	rowOf := map[string]int{}
	for i, id := range idOf {
		rowOf[id] = rows[i]
	}
	// Start the chain at its milestone that comes first in the plan.
	place := map[string]int{}
	for i, m := range plan {
		place[m.ID] = i
	}
	ring := cycle[:len(cycle)-1]
	first := 0
	for i, id := range ring {
		if place[id] < place[ring[first]] {
			first = i
		}
	}
	ring = append(slices.Clone(ring[first:]), ring[:first]...)
	cycle = append(ring, ring[0])
	name := map[string]string{}
	for _, m := range plan {
		name[m.ID] = m.Name
	}
	labels := make([]string, len(cycle))
	for i, id := range cycle {
		if r, ok := rowOf[id]; ok {
			labels[i] = strconv.Itoa(r)
		} else {
			labels[i] = name[id]
		}
	}
	chain := strings.Join(labels, " → ")
	verr := &domain.ValidationError{}
	for _, id := range cycle[:len(cycle)-1] {
		if r, ok := rowOf[id]; ok {
			verr.Add(fmt.Sprintf("rows[%d].depends_on", r), "cycle", chain)
		}
	}
	if verr.OrNil() == nil {
		verr.Add("depends_on", "cycle", chain)
	}
	return verr
}

// sameMilestone reports whether a and b hold the same values (not counting their place).
func sameMilestone(a, b Milestone) bool {
	return a.Name == b.Name && a.NameZh == b.NameZh && a.OwnerRole == b.OwnerRole && a.Weight == b.Weight && a.Gate == b.Gate &&
		a.PlannedStart.Equal(b.PlannedStart) && a.PlannedDue.Equal(b.PlannedDue) && a.Status == b.Status &&
		a.StatusReason == b.StatusReason && a.ExitCriteria == b.ExitCriteria && sameDay(a.CompletedOn, b.CompletedOn) &&
		sameSet(a.DependsOn, b.DependsOn)
}

// UndoPlanChange is the change that turns current back into before: milestones added
// since are removed, removed ones are restored with their ids (and the baseline dates
// kept for them), changed ones get their values back.
func UndoPlanChange(current, before []Milestone, baselines []BaselineDate) PlanChange {
	ch := PlanChange{Baselines: baselines}
	now := make(map[string]Milestone, len(current))
	for _, m := range current {
		now[m.ID] = m
	}
	kept := map[string]bool{}
	for i, m := range before {
		m.Sequence = i + 1
		kept[m.ID] = true
		if c, ok := now[m.ID]; !ok {
			ch.Add = append(ch.Add, m.ID)
		} else if !sameMilestone(m, c) {
			m.Version = c.Version
			ch.Update = append(ch.Update, m.ID)
		}
		ch.Plan = append(ch.Plan, m)
	}
	for _, m := range current {
		if !kept[m.ID] {
			ch.Remove = append(ch.Remove, m)
		}
	}
	return ch
}

// PlanStamp identifies a stored plan's state: it changes whenever a milestone is added,
// removed or changed (each change moves the milestone's version).
func PlanStamp(plan []Milestone) string {
	parts := make([]string, len(plan))
	for i, m := range plan {
		parts[i] = m.ID + ":" + strconv.Itoa(m.Version)
	}
	slices.Sort(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, ",")))
	return hex.EncodeToString(sum[:])
}

// CheckUndo says whether imp may be undone on the plan as it is: not twice
// (domain.ErrConflict), and only while the deal is at the version the import left it at,
// the caller's If-Match names that version, and the plan is as the import left it
// (domain.ErrStaleVersion otherwise: undoing would overwrite a later change).
func CheckUndo(imp PlanImport, current []Milestone, dealVersion, ifMatch int) error {
	if imp.UndoneAt != nil {
		return fmt.Errorf("import %s already undone: %w", imp.ID, domain.ErrConflict)
	}
	if ifMatch != imp.DealVersion || dealVersion != imp.DealVersion || PlanStamp(current) != imp.AfterStamp {
		return fmt.Errorf("plan changed since import %s: %w", imp.ID, domain.ErrStaleVersion)
	}
	return nil
}

// RemovedBaselines are the baseline dates of the milestones ch removes: what an undo
// must put back.
func RemovedBaselines(ch PlanChange, dates []BaselineDate) []BaselineDate {
	removed := map[string]bool{}
	for _, m := range ch.Remove {
		removed[m.ID] = true
	}
	var out []BaselineDate
	for _, d := range dates {
		if removed[d.MilestoneID] {
			out = append(out, d)
		}
	}
	return out
}
