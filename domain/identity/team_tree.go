package identity

import "summit/domain"

// TeamTree is the parent link of every team: enough to answer ancestry questions
// without reading the database again.
type TeamTree map[string]*string // team id → parent id (nil for a root)

// CheckParent refuses a parent that would put team under itself: moving a team below
// one of its own descendants (or itself) would cut the branch off the tree.
func (t TeamTree) CheckParent(teamID string, parentID *string) error {
	if parentID == nil {
		return nil
	}
	if _, ok := t[*parentID]; !ok {
		return domain.Invalid("parent_id", "exists", "")
	}
	for id := parentID; id != nil; id = t[*id] {
		if *id == teamID {
			return domain.Invalid("parent_id", "team_cycle", "")
		}
	}
	return nil
}

// WithDescendants returns the given teams and every team below them.
func (t TeamTree) WithDescendants(teamIDs []string) []string {
	children := map[string][]string{}
	for id, parent := range t {
		if parent != nil {
			children[*parent] = append(children[*parent], id)
		}
	}
	seen := map[string]bool{}
	var out []string
	stack := append([]string(nil), teamIDs...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
		stack = append(stack, children[id]...)
	}
	return out
}
