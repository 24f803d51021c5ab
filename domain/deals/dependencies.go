package deals

import (
	"slices"
	"strings"

	"summit/domain"
)

// CheckDependencies refuses a plan whose finish-to-start links form a cycle or point at
// milestones not in the plan; a cycle is named milestone by milestone ("A → B → A").
func CheckDependencies(plan []Milestone) error {
	byID := make(map[string]Milestone, len(plan))
	for _, m := range plan {
		byID[m.ID] = m
	}
	for _, m := range plan {
		for _, dep := range m.DependsOn {
			if _, ok := byID[dep]; !ok {
				return domain.Invalid("depends_on", "exists", "")
			}
		}
	}
	if cycle := findCycle(plan); cycle != nil {
		names := make([]string, 0, len(cycle))
		for _, id := range cycle {
			names = append(names, byID[id].Name)
		}
		return domain.Invalid("depends_on", "cycle", strings.Join(names, " → "))
	}
	return nil
}

// findCycle returns the ids of one dependency cycle, first id repeated at the end, or nil.
func findCycle(plan []Milestone) []string {
	const (
		unvisited = iota
		onPath
		done
	)
	deps := make(map[string][]string, len(plan))
	for _, m := range plan {
		deps[m.ID] = m.DependsOn
	}
	state := map[string]int{}
	var path []string
	var visit func(id string) []string
	visit = func(id string) []string {
		state[id] = onPath
		path = append(path, id)
		for _, next := range deps[id] {
			switch state[next] {
			case onPath:
				start := slices.Index(path, next)
				// path runs from dependent to dependency; reverse it so it reads in plan order.
				cycle := append([]string(nil), path[start:]...)
				slices.Reverse(cycle)
				return append(cycle, cycle[0])
			case unvisited:
				if c := visit(next); c != nil {
					return c
				}
			}
		}
		path = path[:len(path)-1]
		state[id] = done
		return nil
	}
	for _, m := range plan {
		if state[m.ID] == unvisited {
			if c := visit(m.ID); c != nil {
				return c
			}
		}
	}
	return nil
}
