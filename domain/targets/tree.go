package targets

import "sort"

// TeamNode is one team of the tree as the target tree needs it.
type TeamNode struct {
	ID       string
	Name     string
	ParentID *string
}

// TreeNode is one node of a period's target tree: the company (TeamID nil) or a team.
//   - TargetMinor is the node's own target, set top-down (nil: none set);
//   - BottomUpMinor is the sum of its child teams' own targets (for the company: the
//     root teams'), 0 when none of them has one;
//   - GapMinor is TargetMinor − BottomUpMinor, nil when the node has no target or none
//     of its child teams has one (nothing to compare): a positive gap is target the
//     teams below have not taken on, a negative one is more than was asked from above.
type TreeNode struct {
	TeamID          *string
	Name            string
	ParentID        *string
	TargetMinor     *int64
	BottomUpMinor   int64
	ChildrenTargets int // how many child teams have a target
	GapMinor        *int64
}

// Tree computes the target tree of one period: the company first, then the teams depth
// first, siblings by name. targets are that period's targets (at most one per scope;
// those of unknown teams are ignored).
func Tree(teams []TeamNode, targets []Target) []TreeNode {
	own := map[string]int64{}
	var company *int64
	for _, t := range targets {
		if t.TeamID == nil {
			v := t.AmountMinor
			company = &v
			continue
		}
		own[*t.TeamID] = t.AmountMinor
	}
	known := map[string]bool{}
	for _, t := range teams {
		known[t.ID] = true
	}
	children := map[string][]TeamNode{} // parent id ("" = the company) → children
	for _, t := range teams {
		parent := ""
		if t.ParentID != nil && known[*t.ParentID] {
			parent = *t.ParentID
		}
		children[parent] = append(children[parent], t)
	}
	for _, list := range children {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Name != list[j].Name {
				return list[i].Name < list[j].Name
			}
			return list[i].ID < list[j].ID
		})
	}
	node := func(target *int64, kids []TeamNode) (int64, int, *int64) {
		var sum int64
		n := 0
		for _, k := range kids {
			if v, ok := own[k.ID]; ok {
				sum += v
				n++
			}
		}
		var gap *int64
		if target != nil && n > 0 {
			g := *target - sum
			gap = &g
		}
		return sum, n, gap
	}
	sum, n, gap := node(company, children[""])
	out := []TreeNode{{TargetMinor: company, BottomUpMinor: sum, ChildrenTargets: n, GapMinor: gap}}
	var walk func(parent string)
	walk = func(parent string) {
		for _, t := range children[parent] {
			var target *int64
			if v, ok := own[t.ID]; ok {
				target = &v
			}
			sum, n, gap := node(target, children[t.ID])
			id := t.ID
			out = append(out, TreeNode{TeamID: &id, Name: t.Name, ParentID: t.ParentID, TargetMinor: target,
				BottomUpMinor: sum, ChildrenTargets: n, GapMinor: gap})
			walk(t.ID)
		}
	}
	walk("")
	return out
}
