package history

import (
	"context"
	"slices"

	"summit/domain"
	"summit/domain/deals"
)

// TrendQuery is one trend request: a scope (nil: the company), a period and a basis, for
// a caller who may read Visible (nil: every deal).
type TrendQuery struct {
	Visible *deals.Visibility
	TeamID  *string
	Period  deals.Period
	Basis   string
}

// Trend is the scope's roll-up over the weeks of the period: one point a week (the
// week's newest snapshot), oldest first, up to today.
type Trend struct {
	Period deals.Period
	TeamID *string
	Basis  string
	// Available is false when the caller may not read every deal of the scope: the
	// stored roll-ups are over all of them, so they are not shown (no points).
	Available bool
	Points    []ScopeSnapshot
}

// Trend reads the trend of q. An unknown team is invalid on team_id.
func (s *Service) Trend(ctx context.Context, q TrendQuery) (Trend, error) {
	t := Trend{Period: q.Period, TeamID: q.TeamID, Basis: q.Basis, Points: []ScopeSnapshot{}}
	tree, err := s.Targets.TargetTree(ctx, q.Period.Name)
	if err != nil {
		return t, err
	}
	var teams []TeamLink
	found := q.TeamID == nil
	for _, n := range tree {
		if n.TeamID == nil {
			continue
		}
		teams = append(teams, TeamLink{ID: *n.TeamID, ParentID: n.ParentID})
		if q.TeamID != nil && *n.TeamID == *q.TeamID {
			found = true
		}
	}
	if !found {
		return t, domain.Invalid("team_id", "exists", "")
	}
	if t.Available = ReadsWholeScope(q.Visible, teams, q.TeamID); !t.Available {
		return t, nil
	}
	to := minTime(q.Period.To.AddDate(0, 0, -1), s.today())
	if to.Before(q.Period.From) {
		return t, nil // the period has not begun: no week of it yet
	}
	pts, err := s.Store.Trend(ctx, q.TeamID, q.Period.Name, q.Basis, q.Period.From, to)
	if err != nil {
		return t, err
	}
	if pts != nil {
		t.Points = pts
	}
	return t, nil
}

// TeamLink is a team and its parent.
type TeamLink struct {
	ID       string
	ParentID *string
}

// ReadsWholeScope says whether a caller who may read visible (nil: every deal) reads
// every deal of the scope teamID (nil: the company) — every team of its sub-tree is one
// of the caller's teams — so that the scope's stored roll-ups may be shown to them.
func ReadsWholeScope(visible *deals.Visibility, teams []TeamLink, teamID *string) bool {
	if visible == nil {
		return true
	}
	children := map[string][]string{}
	var roots []string
	for _, t := range teams {
		if t.ParentID == nil {
			roots = append(roots, t.ID)
		} else {
			children[*t.ParentID] = append(children[*t.ParentID], t.ID)
		}
	}
	start := roots
	if teamID != nil {
		start = []string{*teamID}
	}
	ok := true
	var walk func(string)
	walk = func(id string) {
		if !slices.Contains(visible.TeamIDs, id) {
			ok = false
		}
		for _, c := range children[id] {
			walk(c)
		}
	}
	for _, r := range start {
		walk(r)
	}
	return ok
}
