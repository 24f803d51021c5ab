package domain_test

import (
	"slices"
	"strings"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/stakeholders"
)

// Every list's default sort is one of its fields, and the fields are listed sorted (the
// 400 for a bad ?sort= names them in this order).
func TestEveryListsDefaultSortIsOneOfItsFields(t *testing.T) {
	tests := []struct {
		list  string
		sorts domain.Sorts
	}{
		{"deals", deals.DealSorts},
		{"customers", deals.CustomerSorts},
		{"templates", deals.TemplateSorts},
		{"deal activity", deals.ActivitySorts},
		{"users", identity.UserSorts},
		{"teams", identity.TeamSorts},
		{"audit", identity.AuditSorts},
		{"contacts", stakeholders.ContactSorts},
	}
	for _, tc := range tests {
		if len(tc.sorts.Fields) == 0 || !slices.IsSorted(tc.sorts.Fields) {
			t.Errorf("%s: fields %v are empty or not sorted", tc.list, tc.sorts.Fields)
		}
		if !slices.Contains(tc.sorts.Fields, strings.TrimPrefix(tc.sorts.Default, "-")) {
			t.Errorf("%s: default sort %q is not one of %v", tc.list, tc.sorts.Default, tc.sorts.Fields)
		}
	}
}
