package deals

import (
	"sort"
	"time"
)

// Move is one milestone's dates before and after a reschedule.
type Move struct {
	MilestoneID string
	Name        string
	FromStart   time.Time
	FromDue     time.Time
	ToStart     time.Time
	ToDue       time.Time
}

// Reschedule moves milestone id to newStart–newDue and shifts every dependent that
// would now start before its dependencies finish, transitively: a shifted milestone
// keeps its length in working days and starts on the working day after its latest
// dependency. Dependents with slack are left alone; finished ones never move. The
// first Move is the milestone itself.
func Reschedule(plan []Milestone, id string, newStart, newDue time.Time) []Move {
	byID := make(map[string]*Milestone, len(plan))
	dependents := map[string][]string{}
	for i := range plan {
		m := plan[i]
		byID[m.ID] = &m
		for _, dep := range m.DependsOn {
			dependents[dep] = append(dependents[dep], m.ID)
		}
	}
	moved, ok := byID[id]
	if !ok {
		return nil
	}
	moves := []Move{{MilestoneID: id, Name: moved.Name, FromStart: moved.PlannedStart, FromDue: moved.PlannedDue, ToStart: Day(newStart), ToDue: Day(newDue)}}
	moved.PlannedStart, moved.PlannedDue = Day(newStart), Day(newDue)

	queue := []string{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, depID := range dependents[cur] {
			m := byID[depID]
			if m.Finished() {
				continue
			}
			earliest := time.Time{}
			for _, d := range m.DependsOn {
				if after := AddWorkingDays(byID[d].PlannedDue, 1); after.After(earliest) {
					earliest = after
				}
			}
			if !m.PlannedStart.Before(earliest) {
				continue
			}
			length := WorkingDaysBetween(m.PlannedStart, m.PlannedDue)
			moves = append(moves, Move{MilestoneID: m.ID, Name: m.Name, FromStart: m.PlannedStart, FromDue: m.PlannedDue,
				ToStart: earliest, ToDue: AddWorkingDays(earliest, length)})
			m.PlannedStart, m.PlannedDue = earliest, AddWorkingDays(earliest, length)
			queue = append(queue, m.ID)
		}
	}
	// One move per milestone, its final dates, in plan order after the moved one.
	final := map[string]Move{}
	order := []string{}
	for _, mv := range moves {
		if prev, seen := final[mv.MilestoneID]; seen {
			mv.FromStart, mv.FromDue = prev.FromStart, prev.FromDue
		} else {
			order = append(order, mv.MilestoneID)
		}
		final[mv.MilestoneID] = mv
	}
	out := make([]Move, 0, len(order))
	for _, mid := range order {
		out = append(out, final[mid])
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return byID[out[1+i].MilestoneID].Sequence < byID[out[1+j].MilestoneID].Sequence })
	return out
}
