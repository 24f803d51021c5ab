package policies

import (
	"slices"
	"testing"
)

// The kinds of caller the identity issue names, as the role sets a request derives.
var callers = map[string][]string{
	"anonymous":         nil,
	"member elsewhere":  {"member", RoleUser},
	"member of team":    {"member", RoleUser, RoleDealReader},
	"pmo":               {"member", RoleUser, RoleDealPMO},
	"business":          {"member", RoleUser, RoleDealBusiness},
	"solution":          {"member", RoleUser, RoleDealSolution},
	"pmo of other deal": {"member", RoleUser}, // their pmo role is on another deal
	"executive":         {"executive", RoleUser},
	"executive as pmo":  {"executive", RoleUser, RoleDealPMO},
	"admin":             {"admin", RoleUser},
}

func TestPolicyMatrix(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		obj, act string
		allowed  []string // every other caller is denied
	}{
		{"deal", Read, []string{"member of team", "pmo", "business", "solution", "executive", "executive as pmo", "admin"}},
		{"deal", Write, []string{"pmo", "executive as pmo", "admin"}},
		{"deal.plan", Write, []string{"pmo", "executive as pmo", "admin"}},
		{"deal.plan.solution", Write, []string{"pmo", "solution", "executive as pmo", "admin"}},
		{"deal.baselines", Write, []string{"pmo", "executive as pmo", "admin"}},
		{"deal.team", Write, []string{"pmo", "executive as pmo", "admin"}},
		{"deal.stakeholders", Read, []string{"member of team", "pmo", "business", "solution", "executive", "executive as pmo", "admin"}},
		{"deal.stakeholders", Write, []string{"business", "admin"}},
		{"deal.retrospectives", Create, []string{"pmo", "business", "executive as pmo", "admin"}},
		{"deal.retrospectives", Write, []string{"pmo", "executive as pmo", "admin"}},
		{"deal.solution_items", Write, []string{"solution", "admin"}},
		{"users", Read, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
		{"users", Write, []string{"admin"}},
		{"teams", Write, []string{"admin"}},
		{"templates", Write, []string{"admin"}},
		{"settings", Write, []string{"admin"}},
		{"audit", Read, []string{"admin"}},
		{"targets", Write, []string{"executive", "executive as pmo", "admin"}},
		{"targets", Read, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
		{"settings", Read, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
		{"fx_rates", Read, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
		{"fx_rates", Write, []string{"admin"}},
		{"calibration", Read, []string{"executive", "executive as pmo", "admin"}},
		{"calibration", Write, []string{"admin"}},
		{"profile", Write, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
		{"tokens", Write, []string{"member elsewhere", "member of team", "pmo", "business", "solution", "pmo of other deal", "executive", "executive as pmo", "admin"}},
	}
	for _, tc := range tests {
		for name, roles := range callers {
			want := slices.Contains(tc.allowed, name)
			if got := p.Allowed(roles, tc.obj, tc.act); got != want {
				t.Errorf("%s %s %s: allowed=%v, want %v", name, tc.act, tc.obj, got, want)
			}
		}
	}
}

func TestPermissionsForTheSPA(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	objects, actions := []string{"users", "teams", "audit"}, []string{Read, Write}
	if got := p.Permissions(callers["member elsewhere"], objects, actions); !slices.Equal(got, []string{"users:read", "teams:read"}) {
		t.Errorf("member permissions = %v", got)
	}
	if got := p.Permissions(callers["admin"], objects, actions); len(got) != 6 {
		t.Errorf("admin permissions = %v", got)
	}
}

// BenchmarkAllowed is the cost of one authorization check for a caller with three roles
// where only the last one matches (the common worst case).
func BenchmarkAllowed(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	roles := callers["pmo"]
	for b.Loop() {
		if !p.Allowed(roles, "deal.plan", Write) {
			b.Fatal("denied")
		}
	}
}
