package handlers

import (
	"net/http"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestTeamsCarryTheirChineseName: a team is created and renamed with its name in Chinese
// beside the English one, reads back with both, and a Chinese name over the limit is a
// 422 naming name_zh that changes nothing.
func TestTeamsCarryTheirChineseName(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	admin := ts.signIn("admin@example.com")

	rec := admin.do("POST", "/api/v1/teams", `{"name":"Key Accounts","name_zh":"大客户部"}`)
	var team teamResponse
	decode(t, rec, &team)
	if rec.Code != http.StatusCreated || team.Name != "Key Accounts" || team.NameZh != "大客户部" {
		t.Fatalf("create = %d %s", rec.Code, rec.Body)
	}
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantZh     string
	}{
		{"the Chinese name alone changes", `{"name_zh":"大客户事业部"}`, http.StatusOK, "大客户事业部"},
		{"too long a Chinese name names the field", `{"name_zh":"` + strings.Repeat("长", 201) + `"}`, http.StatusUnprocessableEntity, "大客户事业部"},
		{"renaming in English keeps the Chinese name", `{"name":"Key Account Sales"}`, http.StatusOK, "大客户事业部"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			current := admin.do("GET", "/api/v1/teams/"+team.ID, "")
			var before teamResponse
			decode(t, current, &before)
			rec := admin.do("PATCH", "/api/v1/teams/"+team.ID, tc.body, "If-Match", current.Header().Get("ETag"))
			if rec.Code != tc.wantStatus {
				t.Fatalf("PATCH %s = %d %s", tc.body, rec.Code, rec.Body)
			}
			if tc.wantStatus == http.StatusUnprocessableEntity && !strings.Contains(rec.Body.String(), `"name_zh"`) {
				t.Errorf("error does not name name_zh: %s", rec.Body)
			}
			var after teamResponse
			decode(t, admin.do("GET", "/api/v1/teams/"+team.ID, ""), &after)
			if after.NameZh != tc.wantZh {
				t.Errorf("name_zh = %q, want %q", after.NameZh, tc.wantZh)
			}
		})
	}
}

// TestMilestonesCarryTheirChineseExitCriteria: a plan laid out from the G2B template has
// each step's exit criteria in both languages; the Chinese one is changed on its own.
func TestMilestonesCarryTheirChineseExitCriteria(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	first := w.loadPlan(t, pmo)[0]
	if first.ExitCriteria == "" || !strings.Contains(first.ExitCriteriaZh, "客户") {
		t.Fatalf("first step's exit criteria %q / %q, want both languages", first.ExitCriteria, first.ExitCriteriaZh)
	}
	rec := pmo.do("PATCH", "/api/v1/milestones/"+first.ID, `{"exit_criteria_zh":"需求与方向已确认"}`, "If-Match", etag(first.Version))
	var updated milestoneResponse
	decode(t, rec, &updated)
	if rec.Code != http.StatusOK || updated.ExitCriteriaZh != "需求与方向已确认" || updated.ExitCriteria != first.ExitCriteria {
		t.Fatalf("PATCH exit_criteria_zh = %d %s", rec.Code, rec.Body)
	}
}
