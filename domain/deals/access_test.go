package deals

import (
	"reflect"
	"testing"
)

func TestRolesOnADeal(t *testing.T) {
	const li, wang = "u-li", "u-wang"
	acc := Access{DealID: "d1", TeamID: "north", Members: []Member{
		{UserID: li, Role: RolePMO}, {UserID: wang, Role: RoleBusiness}, {UserID: li, Role: RoleSolution},
	}}
	tests := []struct {
		name string
		acc  Access
		v    Visibility
		want DealRoles
	}{
		{"deal-team roles, in the deal team's order", acc, Visibility{UserID: li}, DealRoles{Team: []OwnerRole{RolePMO, RoleSolution}}},
		{"one role", acc, Visibility{UserID: wang}, DealRoles{Team: []OwnerRole{RoleBusiness}}},
		{"a team of the deal reads it", acc, Visibility{UserID: "u-zhao", TeamIDs: []string{"south", "north"}}, DealRoles{Reader: true}},
		{"deal team and team", acc, Visibility{UserID: wang, TeamIDs: []string{"north"}}, DealRoles{Team: []OwnerRole{RoleBusiness}, Reader: true}},
		{"another team: nothing", acc, Visibility{UserID: "u-zhao", TeamIDs: []string{"south"}}, DealRoles{}},
		{"no teams, not on the deal team: nothing", acc, Visibility{UserID: "u-zhao"}, DealRoles{}},
		{"no user id matches no member", Access{TeamID: "north", Members: []Member{{UserID: "", Role: RolePMO}}}, Visibility{}, DealRoles{}},
		{"a deal without team is read by no team", Access{}, Visibility{UserID: li, TeamIDs: []string{""}}, DealRoles{}},
		{"a role listed twice counts once", Access{Members: []Member{{UserID: li, Role: RolePMO}, {UserID: li, Role: RolePMO}}}, Visibility{UserID: li}, DealRoles{Team: []OwnerRole{RolePMO}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RolesOn(tc.acc, tc.v); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("RolesOn = %+v, want %+v", got, tc.want)
			}
		})
	}
}
