package deals

// CriticalPath is the chain of dependencies that sets the close date, first milestone
// first: it ends at the close gate (CloseGate; without gates, the milestone due last)
// and steps back, each time, to the dependency due last — the one whose finish decides
// when the next may start. A plan without milestones has none.
func CriticalPath(plan []Milestone) []string {
	end := CloseGate(plan)
	if end == nil {
		for i := range plan {
			if end == nil || !plan[i].PlannedDue.Before(end.PlannedDue) {
				end = &plan[i]
			}
		}
	}
	if end == nil {
		return nil
	}
	byID := make(map[string]*Milestone, len(plan))
	for i := range plan {
		byID[plan[i].ID] = &plan[i]
	}
	chain := []string{end.ID}
	seen := map[string]bool{end.ID: true}
	for cur := end; ; {
		var driver *Milestone
		for _, id := range cur.DependsOn {
			d, ok := byID[id]
			if ok && !seen[id] && (driver == nil || d.PlannedDue.After(driver.PlannedDue) ||
				(d.PlannedDue.Equal(driver.PlannedDue) && d.Sequence > driver.Sequence)) {
				driver = d
			}
		}
		if driver == nil {
			break
		}
		seen[driver.ID] = true
		chain = append(chain, driver.ID)
		cur = driver
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}
