package stakeholders

import "testing"

func TestContactRights(t *testing.T) {
	admin, executive, member := ContactViewer{ReadAll: true, ChangeAll: true}, ContactViewer{ReadAll: true}, ContactViewer{UserID: "u"}
	none, reads, role := CustomerReach{}, CustomerReach{ReadsADeal: true}, CustomerReach{ReadsADeal: true, HoldsARole: true}
	tests := []struct {
		name                 string
		v                    ContactViewer
		r                    CustomerReach
		wantRead, wantChange bool
	}{
		{"admin, customer of no deal of theirs", admin, none, true, true},
		{"executive reads, changes nothing", executive, none, true, false},
		{"executive with a deal role changes", executive, role, true, true},
		{"member of another team", member, none, false, false},
		{"member of a deal's team", member, reads, true, false},
		{"deal-team member (pmo, business, solution)", member, role, true, true},
		{"deal role on a deal outside their teams", member, CustomerReach{HoldsARole: true}, true, true},
	}
	for _, tc := range tests {
		read, change := ContactRights(tc.v, tc.r)
		if read != tc.wantRead || change != tc.wantChange {
			t.Errorf("%s: read %v change %v, want %v %v", tc.name, read, change, tc.wantRead, tc.wantChange)
		}
	}
}
