package repository

import (
	"slices"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/stakeholders"
	"summit/domain/targets"
)

// A cursor must be of its sort column's kind before it reaches SQL: PostgreSQL refuses a
// malformed time, date or number, and NUL in text, with an error (a 500).
func TestCursorsFitTheirSortColumn(t *testing.T) {
	const id = "7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59"
	tests := []struct {
		sort, value, id string
		fits            bool
	}{
		{"created_at", "2026-11-23T10:00:00.123456Z", id, true},
		{"created_at", "yesterday", id, false},
		{"created_at", "0000-01-01T00:00:00Z", id, false},
		{"target_close_date", "2027-06-30", id, true},
		{"target_close_date", "2027-02-30", id, false},
		{"amount_minor", "3000000000", id, true},
		{"amount_minor", "1e999", id, false},
		{"name", "Smart city 智慧城市", id, true},
		{"name", "a\x00b", id, false},
		{"name", "\xff", id, false},
		{"name", "Smart city", "1 OR 1=1", false},
	}
	for _, tc := range tests {
		if got := dealSorts[tc.sort].fits(domain.Cursor{Value: tc.value, ID: tc.id}); got != tc.fits {
			t.Errorf("%s cursor %q / %q fits = %v, want %v", tc.sort, tc.value, tc.id, got, tc.fits)
		}
	}
	panics := sortKey[dealRow]{column: "x", value: func(r dealRow) string { return *r.TemplateID }}
	if !panics.fits(domain.Cursor{Value: "text", ID: id}) {
		t.Error("a key that cannot render an empty row should check its cursor as text")
	}
}

// The domain declares which sorts each list accepts; the repository must map exactly
// those fields to columns, no fewer (a sort the API accepts would fail in SQL) and no
// more (a column no request can reach).
func TestSortColumnsAreTheDomainsSortFields(t *testing.T) {
	tests := []struct {
		list   string
		domain domain.Sorts
		mapped []string
	}{
		{"deals", deals.DealSorts, dealSorts.fields()},
		{"customers", deals.CustomerSorts, customerSorts.fields()},
		{"targets", targets.TargetSorts, targetSorts.fields()},
		{"fx rates", targets.RateSorts, rateSorts.fields()},
		{"templates", deals.TemplateSorts, templateSorts.fields()},
		{"deal activity", deals.ActivitySorts, activitySorts.fields()},
		{"users", identity.UserSorts, userSorts.fields()},
		{"teams", identity.TeamSorts, teamSorts.fields()},
		{"audit", identity.AuditSorts, auditSorts.fields()},
		{"contacts", stakeholders.ContactSorts, contactSorts.fields()},
	}
	for _, tc := range tests {
		if !slices.Equal(tc.domain.Fields, tc.mapped) {
			t.Errorf("%s: the domain accepts %v, the repository maps %v", tc.list, tc.domain.Fields, tc.mapped)
		}
	}
}
