package deals

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"summit/domain"
)

// Segment is the kind of deal: public procurement or a key-account programme.
type Segment string

// The segments.
const (
	SegmentG2B        Segment = "g2b"
	SegmentKeyAccount Segment = "key_account"
)

// Valid reports whether s is a segment.
func (s Segment) Valid() bool { return s == SegmentG2B || s == SegmentKeyAccount }

// TemplateMilestone is one step of a template.
type TemplateMilestone struct {
	Key          string    `json:"key,omitempty"`
	Name         string    `json:"name"`
	NameZh       string    `json:"name_zh"`
	OwnerRole    OwnerRole `json:"owner_role"`
	Weight       int       `json:"weight"`
	Gate         bool      `json:"gate"`
	DurationDays int       `json:"duration_days"`
	DependsOn    []int     `json:"depends_on"` // indexes of earlier steps
	ExitCriteria string    `json:"exit_criteria,omitempty"`
	// ExitCriteriaZh is ExitCriteria in Chinese, shown to zh-CN readers.
	ExitCriteriaZh string `json:"exit_criteria_zh,omitempty"`
}

// Template is an ordered milestone plan to start deals from.
type Template struct {
	ID         string
	Key        string // set for built-in templates
	Name       string
	NameZh     string
	Segment    Segment
	Milestones []TemplateMilestone
	// ConfidenceParams are the template's overrides of the confidence model's defaults,
	// by parameter name (confidence.Parameters); empty keeps every default. On an update
	// nil keeps the current overrides. The API checks them with
	// confidence.Params.WithOverrides (domain/confidence's tests import this package, so
	// it cannot import that one).
	ConfidenceParams map[string]float64
	Version          int
}

// AuditTemplateParams is the audited action of a change of a template's overrides.
const AuditTemplateParams = "template.confidence_params_changed"

// TemplateAudit records a change of a template's confidence overrides for the audit
// trail (audit_events), stored in the transaction of the change.
type TemplateAudit struct {
	ActorID       string
	Before, After map[string]float64
}

// Check validates a template: names, roles, durations, and dependencies that point to
// earlier steps only (so a template can never hold a cycle).
func (t Template) Check() error {
	verr := &domain.ValidationError{}
	if strings.TrimSpace(t.Name) == "" {
		verr.Add("name", "required", "")
	}
	if strings.TrimSpace(t.NameZh) == "" {
		verr.Add("name_zh", "required", "")
	}
	if !t.Segment.Valid() {
		verr.Add("segment", "oneof", "g2b key_account")
	}
	verr.CheckLen("name", t.Name, domain.MaxNameLen)
	verr.CheckLen("name_zh", t.NameZh, domain.MaxNameLen)
	if len(t.Milestones) == 0 {
		verr.Add("milestones", "required", "")
	} else if len(t.Milestones) > domain.MaxTemplateSteps {
		verr.Add("milestones", "max_items", strconv.Itoa(domain.MaxTemplateSteps))
	}
	for i, m := range t.Milestones {
		field := func(f string) string { return fmt.Sprintf("milestones[%d].%s", i, f) }
		if strings.TrimSpace(m.Name) == "" {
			verr.Add(field("name"), "required", "")
		}
		if !m.OwnerRole.Valid() {
			verr.Add(field("owner_role"), "oneof", "pmo business solution")
		}
		verr.CheckLen(field("key"), m.Key, domain.MaxKeyLen)
		verr.CheckLen(field("name"), m.Name, domain.MaxTitleLen)
		verr.CheckLen(field("name_zh"), m.NameZh, domain.MaxTitleLen)
		verr.CheckLen(field("exit_criteria"), m.ExitCriteria, domain.MaxTextLen)
		verr.CheckLen(field("exit_criteria_zh"), m.ExitCriteriaZh, domain.MaxTextLen)
		verr.CheckRange(field("duration_days"), int64(m.DurationDays), domain.MinDurationDays, domain.MaxDurationDays)
		verr.CheckRange(field("weight"), int64(m.Weight), domain.MinWeight, domain.MaxWeight)
		for _, dep := range m.DependsOn {
			if dep < 0 || dep >= i {
				verr.Add(field("depends_on"), "earlier_step", "")
			}
		}
	}
	return verr.OrNil()
}

// LayOut turns a template into a plan starting on start. The rule (docs/plans.md):
// dates count working days (Mon–Fri); a step with no dependencies starts on the start
// date (or the next working day); a step with dependencies starts on the working day
// after the latest of them is due; a step lasting n days is due n−1 working days after
// it starts. Ids are "0", "1", … (indexes) until the plan is stored.
func (t Template) LayOut(start time.Time) []Milestone {
	plan := make([]Milestone, len(t.Milestones))
	for i, tm := range t.Milestones {
		begin := NextWorkingDay(start)
		deps := make([]string, 0, len(tm.DependsOn))
		for _, dep := range tm.DependsOn {
			deps = append(deps, fmt.Sprint(dep))
			if after := AddWorkingDays(plan[dep].PlannedDue, 1); after.After(begin) {
				begin = after
			}
		}
		plan[i] = Milestone{
			ID: fmt.Sprint(i), Sequence: i + 1, Key: tm.Key, Name: tm.Name, NameZh: tm.NameZh,
			OwnerRole: tm.OwnerRole, Weight: tm.Weight, Gate: tm.Gate, ExitCriteria: tm.ExitCriteria, ExitCriteriaZh: tm.ExitCriteriaZh,
			PlannedStart: begin, PlannedDue: AddWorkingDays(begin, tm.DurationDays-1),
			Status: StatusPlanned, DependsOn: deps,
		}
	}
	return plan
}
