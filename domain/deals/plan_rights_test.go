package deals

import (
	"errors"
	"slices"
	"sort"
	"testing"

	"summit/domain"
)

func TestPlanRightsCheckEdit(t *testing.T) {
	solutionOnly := PlanRights{Limited: true, OwnedBy: []OwnerRole{RoleSolution}}
	own := Milestone{Name: "Solution design", OwnerRole: RoleSolution, Weight: 5, DependsOn: []string{"a", "b"}, PlannedDue: d("2026-12-01")}
	pmos := Milestone{Name: "Kick-off", OwnerRole: RolePMO, Weight: 5}
	edit := func(m Milestone, change func(*Milestone)) Milestone { change(&m); return m }
	tests := []struct {
		name          string
		rights        PlanRights
		before, after Milestone
		wantForbidden bool
		wantFields    []string
	}{
		{"whole plan: anything", PlanRights{}, own, edit(own, func(m *Milestone) { m.OwnerRole, m.Gate, m.Weight = RolePMO, true, 1000 }), false, nil},
		{"own milestone: dates and status", solutionOnly, own, edit(own, func(m *Milestone) { m.PlannedDue, m.Status = d("2026-12-09"), StatusInProgress }), false, nil},
		{"own milestone: name and exit criteria", solutionOnly, own, edit(own, func(m *Milestone) { m.Name, m.ExitCriteria = "Design v2", "Signed off" }), false, nil},
		{"own milestone: same values sent again", solutionOnly, own, edit(own, func(m *Milestone) { m.DependsOn = []string{"b", "a"} }), false, nil},
		{"own milestone: owner, gate and weight", solutionOnly, own, edit(own, func(m *Milestone) { m.OwnerRole, m.Gate, m.Weight = RolePMO, true, 1000 }), true,
			[]string{"gate", "owner_role", "weight"}},
		{"own milestone: dependencies", solutionOnly, own, edit(own, func(m *Milestone) { m.DependsOn = []string{"a"} }), true, []string{"depends_on"}},
		{"someone else's milestone", solutionOnly, pmos, edit(pmos, func(m *Milestone) { m.Name = "x" }), true, nil},
		{"no plan rights at all", PlanRights{Limited: true}, own, own, true, nil},
	}
	for _, tc := range tests {
		err := tc.rights.CheckEdit(tc.before, tc.after)
		if got := errors.Is(err, domain.ErrForbidden); got != tc.wantForbidden {
			t.Errorf("%s: err %v, want forbidden %v", tc.name, err, tc.wantForbidden)
			continue
		}
		var refused *domain.ForbiddenError
		var fields []string
		if errors.As(err, &refused) {
			for _, v := range refused.Violations {
				fields = append(fields, v.Field)
			}
			sort.Strings(fields)
		}
		if !slices.Equal(fields, tc.wantFields) {
			t.Errorf("%s: refused fields %v, want %v", tc.name, fields, tc.wantFields)
		}
	}
}

func TestPlanRightsCheckMoves(t *testing.T) {
	move := func(name string, allowed bool) VersionedMove {
		return VersionedMove{Move: Move{Name: name}, Allowed: allowed}
	}
	tests := []struct {
		name      string
		moves     []VersionedMove
		wantParam string // "" = allowed
	}{
		{"all allowed", []VersionedMove{move("Design", true), move("Demo", true)}, ""},
		{"dependents of others", []VersionedMove{move("Design", true), move("Bid", false), move("Contract", false)}, "Bid, Contract"},
	}
	for _, tc := range tests {
		err := PlanRights{Limited: true}.CheckMoves(tc.moves)
		var refused *domain.ForbiddenError
		switch {
		case tc.wantParam == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.wantParam != "" && (!errors.As(err, &refused) || refused.Violations[0].Field != "milestones" || refused.Violations[0].Param != tc.wantParam):
			t.Errorf("%s: %v, want milestones %q", tc.name, err, tc.wantParam)
		}
	}
}

func TestCheckDealTeamAndTeamChoice(t *testing.T) {
	pmo, business := Member{UserID: "u1", Role: RolePMO}, Member{UserID: "u2", Role: RoleBusiness}
	teams := []struct {
		name      string
		members   []Member
		wantField string
	}{
		{"pmo and business", []Member{pmo, business}, ""},
		{"empty", []Member{}, "team"},
		{"nil", nil, "team"},
		{"no pmo", []Member{business}, "team"},
		{"unknown role", []Member{pmo, {UserID: "u3", Role: "cfo"}}, "role"},
	}
	for _, tc := range teams {
		assertField(t, tc.name, CheckDealTeam(tc.members), tc.wantField)
	}
	choices := []struct {
		name      string
		allowed   []string
		team      string
		wantField string
	}{
		{"admin: any", nil, "t9", ""},
		{"one of mine", []string{"t1", "t2"}, "t2", ""},
		{"not mine", []string{"t1"}, "t9", "team_id"},
		{"in no team", []string{}, "t1", "team_id"},
	}
	for _, tc := range choices {
		assertField(t, tc.name, CheckTeamChoice(tc.allowed, tc.team), tc.wantField)
	}
}

func assertField(t *testing.T, name string, err error, want string) {
	t.Helper()
	var verr *domain.ValidationError
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: %v", name, err)
	case want != "" && (!errors.As(err, &verr) || verr.Violations[0].Field != want):
		t.Errorf("%s: %v, want a violation on %s", name, err, want)
	}
}
