package deals

import (
	"strings"
	"time"

	"summit/domain"
)

// StatusChange is a request to move a milestone to another status.
type StatusChange struct {
	To          MilestoneStatus
	Reason      string     // required for blocked
	CompletedOn *time.Time // for done; today when omitted
}

// ApplyStatus moves m to a new status by the plan's rules: done only when every
// dependency is done or skipped, with completed_on set and not in the future; blocked
// needs a reason; leaving done clears completed_on. deps are m's dependencies.
func ApplyStatus(m Milestone, ch StatusChange, deps []Milestone, today time.Time) (Milestone, error) {
	if !ch.To.Valid() {
		return m, domain.Invalid("status", "oneof", "planned in_progress done blocked skipped")
	}
	reason := strings.TrimSpace(ch.Reason)
	if err := domain.TooLong("status_reason", reason, domain.MaxReasonLen); err != nil {
		return m, err
	}
	switch ch.To {
	case StatusDone:
		var open []string
		for _, dep := range deps {
			if !dep.Finished() {
				open = append(open, dep.Name)
			}
		}
		if len(open) > 0 {
			return m, domain.Invalid("status", "dependencies_open", strings.Join(open, ", "))
		}
		done := Day(today)
		if ch.CompletedOn != nil {
			done = Day(*ch.CompletedOn)
		}
		if done.After(Day(today)) {
			return m, domain.Invalid("completed_on", "not_in_future", "")
		}
		m.CompletedOn = &done
	case StatusBlocked:
		if reason == "" {
			return m, domain.Invalid("status_reason", "required", "")
		}
		m.CompletedOn = nil
	default:
		m.CompletedOn = nil
	}
	m.Status, m.StatusReason = ch.To, reason
	return m, nil
}
