package handlers

import (
	"net/http"
	"strings"
	"testing"
)

func TestPMOCreatesADealFromTheG2BTemplate(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	if w.deal.Status != "open" || w.deal.CustomerName == "" || len(w.deal.Team) != 1 || w.deal.Team[0].Role != "pmo" || w.deal.Team[0].UserID != w.pmo.ID {
		t.Fatalf("deal = %+v; the creator should be its PMO", w.deal)
	}
	if len(w.plan) != 14 {
		t.Fatalf("plan has %d milestones, want the 14 G2B steps", len(w.plan))
	}
	first, second := w.plan[0], w.plan[1]
	if first.PlannedStart.Format("2006-01-02") != "2026-11-23" || first.Name != "Need shaping and solution exchange" || first.NameZh != "需求引导与方案交流" {
		t.Fatalf("first step = %+v", first)
	}
	if len(second.DependsOn) != 1 || second.DependsOn[0] != first.ID || !second.PlannedStart.After(first.PlannedDue.Time) {
		t.Fatalf("second step does not follow the first: %+v", second)
	}
	contract := w.milestone(t, w.plan, "contract_signed")
	if !contract.Gate || contract.OwnerRole != "business" {
		t.Fatalf("contract step = %+v", contract)
	}
}

func TestDealValidationAndStatusRules(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo, admin := w.ts.signIn(w.pmo.Email), w.ts.signIn(w.admin.Email)
	bad := pmo.do("POST", "/api/v1/deals", `{"name":"x","customer_id":"`+w.customer.ID+`","segment":"g2b","team_id":"`+w.north.ID+`","amount_minor":-1,"currency":"RMB","target_close_date":"2027-01-01"}`)
	if bad.Code != http.StatusUnprocessableEntity || !strings.Contains(bad.Body.String(), "amount_minor") {
		t.Fatalf("negative amount: %d %s", bad.Code, bad.Body)
	}
	other := pmo.do("POST", "/api/v1/deals", `{"name":"x","customer_id":"`+w.customer.ID+`","segment":"g2b","team_id":"`+w.east.ID+`","amount_minor":1,"currency":"CNY","target_close_date":"2027-01-01"}`)
	if other.Code != http.StatusUnprocessableEntity || !strings.Contains(other.Body.String(), "team_id") {
		t.Fatalf("deal in someone else's team: %d %s", other.Code, other.Body)
	}

	version := etag(w.deal.Version + 1) // the team was set once
	tests := []struct {
		name       string
		b          *browser
		body       string
		wantStatus int
		wantField  string
	}{
		{"won before the contract gate", pmo, `{"status":"won"}`, 422, "status"},
		{"override by a PMO", pmo, `{"status":"won","override_gate":true,"status_reason":"signed on paper"}`, 403, ""},
		{"lost without a reason", pmo, `{"status":"lost"}`, 422, "status_reason"},
		{"admin override needs a note", admin, `{"status":"won","override_gate":true}`, 422, "status_reason"},
	}
	for _, tc := range tests {
		rec := tc.b.do("PATCH", "/api/v1/deals/"+w.deal.ID, tc.body, "If-Match", version)
		if rec.Code != tc.wantStatus || tc.wantField != "" && !strings.Contains(rec.Body.String(), `"`+tc.wantField+`"`) {
			t.Errorf("%s: %d %s", tc.name, rec.Code, rec.Body)
		}
	}
	rec := pmo.do("PATCH", "/api/v1/deals/"+w.deal.ID, `{"status":"abandoned","status_reason":"No-go at the bid decision"}`, "If-Match", version)
	var d dealResponse
	decode(t, rec, &d)
	if rec.Code != http.StatusOK || d.Status != "abandoned" || d.StatusReason == "" {
		t.Fatalf("abandon: %d %s", rec.Code, rec.Body)
	}
}

func TestWhoMayReadAndEditAPlan(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	first := w.plan[0]
	patch := `{"name":"Need shaping (renamed)"}`
	tests := []struct {
		who        string
		email      string
		wantRead   int
		wantUpdate int
	}{
		{"pmo", w.pmo.Email, 200, 200},
		{"business role", w.business.Email, 200, 403},
		{"solution role on a business milestone", w.solution.Email, 200, 403},
		{"member of the deal's team", w.teamMember.Email, 200, 403},
		{"member of another team", w.outsider.Email, 404, 404},
		{"admin", w.admin.Email, 200, 412}, // passes authorization, then the stale version
	}
	for _, tc := range tests {
		b := w.ts.signIn(tc.email)
		if code := b.do("GET", "/api/v1/deals/"+w.deal.ID, "").Code; code != tc.wantRead {
			t.Errorf("%s reading the deal: %d, want %d", tc.who, code, tc.wantRead)
		}
		if code := b.do("PATCH", "/api/v1/milestones/"+first.ID, patch, "If-Match", etag(first.Version)).Code; code != tc.wantUpdate {
			t.Errorf("%s editing the plan: %d, want %d", tc.who, code, tc.wantUpdate)
		}
	}
	// GET /deals/{id} tells the SPA what the caller may do there.
	for email, want := range map[string]string{w.pmo.Email: "deal.plan:write", w.business.Email: "deal.stakeholders:write"} {
		var d dealResponse
		decode(t, w.ts.signIn(email).do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
		if !strings.Contains(strings.Join(d.Permissions, ","), want) {
			t.Errorf("%s permissions %v lack %s", email, d.Permissions, want)
		}
		if email == w.business.Email && strings.Contains(strings.Join(d.Permissions, ","), "deal.plan:write") {
			t.Errorf("business role told it may edit the plan: %v", d.Permissions)
		}
	}
	// The solution role edits milestones the solution role owns.
	survey := w.milestone(t, w.plan, "requirement_survey")
	if code := w.ts.signIn(w.solution.Email).do("PATCH", "/api/v1/milestones/"+survey.ID, `{"exit_criteria":"Survey answered"}`, "If-Match", etag(survey.Version)).Code; code != http.StatusOK {
		t.Errorf("solution role on its own milestone: %d", code)
	}
	// Members see only the deals they may read.
	var list listResponse[dealResponse]
	decode(t, w.ts.signIn(w.outsider.Email).do("GET", "/api/v1/deals", ""), &list)
	if len(list.Items) != 0 {
		t.Errorf("outsider lists %d deals", len(list.Items))
	}
	decode(t, w.ts.signIn(w.business.Email).do("GET", "/api/v1/deals", ""), &list)
	if len(list.Items) != 1 {
		t.Errorf("business role (no team, on the deal team) lists %d deals", len(list.Items))
	}
}

func TestOnlyAnAdminDeletesADealAndTheAuditKeepsIt(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	version := etag(w.deal.Version + 1) // the team was set once
	if code := w.ts.signIn(w.pmo.Email).do("DELETE", "/api/v1/deals/"+w.deal.ID, "", "If-Match", version).Code; code != http.StatusForbidden {
		t.Fatalf("PMO deleting: %d", code)
	}
	admin := w.ts.signIn(w.admin.Email)
	if code := admin.do("DELETE", "/api/v1/deals/"+w.deal.ID, "", "If-Match", `"1"`).Code; code != http.StatusPreconditionFailed {
		t.Fatalf("stale delete: %d", code)
	}
	if code := admin.do("DELETE", "/api/v1/deals/"+w.deal.ID, "", "If-Match", version).Code; code != http.StatusNoContent {
		t.Fatalf("delete: %d", code)
	}
	if code := admin.do("GET", "/api/v1/deals/"+w.deal.ID, "").Code; code != http.StatusNotFound {
		t.Fatalf("deleted deal: %d", code)
	}
	audit := admin.do("GET", "/api/v1/audit?action=deal.deleted", "")
	if !strings.Contains(audit.Body.String(), "Smart city platform") {
		t.Fatalf("audit lacks the deleted deal: %s", audit.Body)
	}
}
