package handlers

import (
	"slices"
	"testing"

	"summit/domain/deals"
	"summit/policies"
)

// Each role the domain derives on a deal has its name in the policy, and that name reads
// the deal: a role the policy did not know would silently grant nothing.
func TestDealRolesAreNamedAsThePolicyKnowsThem(t *testing.T) {
	policy, err := policies.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		held deals.DealRoles
		want []string
	}{
		{deals.DealRoles{Team: []deals.OwnerRole{deals.RolePMO}}, []string{policies.RoleDealPMO}},
		{deals.DealRoles{Team: []deals.OwnerRole{deals.RoleBusiness}}, []string{policies.RoleDealBusiness}},
		{deals.DealRoles{Team: []deals.OwnerRole{deals.RoleSolution}}, []string{policies.RoleDealSolution}},
		{deals.DealRoles{Reader: true}, []string{policies.RoleDealReader}},
		{deals.DealRoles{Team: []deals.OwnerRole{deals.RolePMO, deals.RoleSolution}, Reader: true},
			[]string{policies.RoleDealPMO, policies.RoleDealSolution, policies.RoleDealReader}},
		{deals.DealRoles{}, nil},
	}
	for _, tc := range tests {
		got := policyRoles(tc.held)
		if !slices.Equal(got, tc.want) {
			t.Errorf("policyRoles(%+v) = %v, want %v", tc.held, got, tc.want)
		}
		for _, role := range got {
			if !policy.Allowed([]string{role}, "deal", policies.Read) {
				t.Errorf("the policy does not let %s read the deal", role)
			}
		}
	}
}
