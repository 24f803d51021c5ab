package confidence

import (
	"time"

	"summit/domain/deals"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// templatePlan lays out a built-in template from start, as the engine's milestones,
// with the layout's dates taken as the baseline.
func templatePlan(key string, start time.Time) []Milestone {
	for _, t := range deals.BuiltinTemplates {
		if t.Key != key {
			continue
		}
		var out []Milestone
		for _, m := range t.LayOut(start) {
			out = append(out, Milestone{
				ID: m.ID, Key: m.Key, Weight: m.Weight, Gate: m.Gate, Status: StatusPlanned,
				PlannedStart: m.PlannedStart, PlannedDue: m.PlannedDue,
				BaselineStart: m.PlannedStart, BaselineDue: m.PlannedDue, DependsOn: m.DependsOn,
			})
		}
		return out
	}
	panic("no template " + key)
}

// markDone marks the first n milestones done on their planned due dates.
func markDone(ms []Milestone, n int) []Milestone {
	for i := 0; i < n; i++ {
		ms[i].Status, ms[i].CompletedOn = StatusDone, ms[i].PlannedDue
	}
	return ms
}

func byKey(ms []Milestone, key string) int {
	for i, m := range ms {
		if m.Key == key {
			return i
		}
	}
	panic("no milestone " + key)
}

func sumContributions(r Result) float64 {
	s := r.Base
	for _, f := range r.Factors {
		s += f.Contribution
	}
	return s
}

func factor(r Result, key string) (Factor, bool) {
	for _, f := range r.Factors {
		if f.Key == key {
			return f, true
		}
	}
	return Factor{}, false
}

func note(r Result, key string) (Note, bool) {
	for _, n := range r.Timing {
		if n.Key == key {
			return n, true
		}
	}
	return Note{}, false
}

func dateText(t time.Time) string { return t.Format("2006-01-02") }
