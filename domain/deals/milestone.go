package deals

import "time"

// OwnerRole is the deal role that owns a milestone (and the deal-team roles).
type OwnerRole string

// The deal roles.
const (
	RolePMO      OwnerRole = "pmo"
	RoleBusiness OwnerRole = "business"
	RoleSolution OwnerRole = "solution"
)

// Valid reports whether r is a deal role.
func (r OwnerRole) Valid() bool { return r == RolePMO || r == RoleBusiness || r == RoleSolution }

// MilestoneStatus is where a milestone stands.
type MilestoneStatus string

// The milestone statuses.
const (
	StatusPlanned    MilestoneStatus = "planned"
	StatusInProgress MilestoneStatus = "in_progress"
	StatusDone       MilestoneStatus = "done"
	StatusBlocked    MilestoneStatus = "blocked"
	StatusSkipped    MilestoneStatus = "skipped"
)

// Valid reports whether s is a milestone status.
func (s MilestoneStatus) Valid() bool {
	switch s {
	case StatusPlanned, StatusInProgress, StatusDone, StatusBlocked, StatusSkipped:
		return true
	}
	return false
}

// finished: dependents may be done once these are.
func (s MilestoneStatus) finished() bool { return s == StatusDone || s == StatusSkipped }

// KeyContractSigned marks the contract-signing milestone (from the templates): a deal is
// won when it is done, and its slippage is reported on its own.
const KeyContractSigned = "contract_signed"

// Milestone is one step of a deal's plan.
type Milestone struct {
	ID           string
	DealID       string
	Sequence     int
	Key          string // template step key, "" for milestones added by hand
	Name         string
	NameZh       string
	OwnerRole    OwnerRole
	AssigneeID   *string
	Weight       int
	Gate         bool
	PlannedStart time.Time
	PlannedDue   time.Time
	BaselineDue  *time.Time // from the committed baseline (CommittedBaseline)
	Status       MilestoneStatus
	StatusReason string
	CompletedOn  *time.Time
	ExitCriteria string
	// ExitCriteriaZh is ExitCriteria in Chinese, shown to zh-CN readers ("" shows ExitCriteria).
	ExitCriteriaZh string
	DependsOn      []string
	Version        int
}

// Finished reports whether the milestone is done or skipped.
func (m Milestone) Finished() bool { return m.Status.finished() }

// SlipDays is how many calendar days the milestone's due date lies after its baseline
// (negative: ahead); nil without a baseline.
func (m Milestone) SlipDays() *int {
	if m.BaselineDue == nil {
		return nil
	}
	slip := CalendarDaysBetween(*m.BaselineDue, m.PlannedDue)
	return &slip
}
