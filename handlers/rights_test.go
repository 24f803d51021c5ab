package handlers

import (
	"net/http"
	"strings"
	"testing"
)

// PUT /deals/{id}/team replaces the whole deal team: a body that is no list is 400 naming
// "team", a list without a PMO is 422, and neither changes the team.
func TestDealTeamNeedsAListWithAPMO(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	var before dealResponse
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &before)
	member := func(id, role string) string { return `{"user_id":"` + id + `","role":"` + role + `"}` }
	tests := []struct {
		name      string
		body      string
		wantCode  int
		wantField string
	}{
		{"no body", "", 400, "team"},
		{"null", "null", 400, "team"},
		{"an object", `{"team":[]}`, 400, "team"},
		{"trailing data", "[" + member(w.pmo.ID, "pmo") + "] []", 400, "team"},
		{"unknown field", `[{"user_id":"` + w.pmo.ID + `","role":"pmo","rol":"x"}]`, 400, "team"},
		{"empty list", "[]", 422, "team"},
		{"no pmo", "[" + member(w.business.ID, "business") + "]", 422, "team"},
		{"bad role", "[" + member(w.pmo.ID, "pmo") + "," + member(w.business.ID, "cfo") + "]", 422, "team[1].role"},
	}
	for _, tc := range tests {
		rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/team", tc.body, "If-Match", etag(before.Version), "Content-Type", "application/json")
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != tc.wantCode || body.Error.Fields[tc.wantField] == "" {
			t.Errorf("%s: %d %s, want %d naming %s", tc.name, rec.Code, rec.Body, tc.wantCode, tc.wantField)
		}
	}
	var after dealResponse
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &after)
	if after.Version != before.Version || len(after.Team) != 3 {
		t.Fatalf("refused requests changed the team: version %d → %d, %d members", before.Version, after.Version, len(after.Team))
	}
	// A list with a PMO replaces the team.
	rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/team", "["+member(w.pmo.ID, "pmo")+"]", "If-Match", etag(before.Version))
	if rec.Code != http.StatusOK {
		t.Fatalf("team with a PMO: %d %s", rec.Code, rec.Body)
	}
}

// A gate decision must name a milestone of the deal in the path: another deal's or an
// unknown one is 422 on milestone_id, not a 404 that reads as "no such deal".
func TestGateDecisionNamesAMilestoneOfThisDeal(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	other := w.createG2BDeal(t, pmo, "Second deal")
	var otherPlan listResponse[milestoneResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+other.ID+"/milestones", ""), &otherPlan)
	for name, id := range map[string]string{
		"another deal's gate": otherPlan.Items[0].ID,
		"an unknown id":       "00000000-0000-4000-8000-000000000009",
	} {
		rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", `{"milestone_id":"`+id+`","decision":"go","rationale":"Qualified"}`)
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != http.StatusUnprocessableEntity || body.Error.Fields["milestone_id"] == "" {
			t.Errorf("%s: %d %s, want 422 on milestone_id", name, rec.Code, rec.Body)
		}
	}
	var list listResponse[gateDecisionResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+other.ID+"/gate-decisions", ""), &list)
	if len(list.Items) != 0 {
		t.Fatalf("a decision was recorded on the other deal: %+v", list.Items)
	}
}

// A solution-role user moving its own milestone may not push the PMO's and the business
// role's milestones that depend on it: the preview marks them, the apply is 403 naming
// them and moves nothing. The PMO applies the same cascade.
func TestCascadeMovesOnlyWhatTheCallerMayMove(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	solution, pmo := w.ts.signIn(w.solution.Email), w.ts.signIn(w.pmo.Email)
	survey := w.milestone(t, w.plan, "requirement_survey")
	bidDecision := w.milestone(t, w.plan, "bid_decision")
	late := `{"planned_start":"` + survey.PlannedStart.Format("2006-01-02") + `","planned_due":"` + survey.PlannedDue.AddDate(0, 0, 30).Format("2006-01-02") + `"}`
	early := `{"planned_start":"` + survey.PlannedStart.Format("2006-01-02") + `","planned_due":"` + survey.PlannedDue.AddDate(0, 0, -1).Format("2006-01-02") + `"}`

	var preview struct{ Moves []moveResponse }
	decode(t, solution.do("POST", "/api/v1/milestones/"+survey.ID+"/reschedule/preview", late), &preview)
	allowed := map[string]bool{}
	for _, mv := range preview.Moves {
		allowed[mv.MilestoneID] = mv.Allowed
	}
	if len(preview.Moves) < 3 || !allowed[survey.ID] || allowed[bidDecision.ID] {
		t.Fatalf("solution preview = %+v", preview.Moves)
	}
	rec := solution.do("POST", "/api/v1/milestones/"+survey.ID+"/reschedule", late, "If-Match", etag(survey.Version))
	var body errorBody
	decode(t, rec, &body)
	if rec.Code != http.StatusForbidden || !strings.Contains(body.Error.Fields["milestones"], bidDecision.Name) ||
		strings.Contains(body.Error.Fields["milestones"], survey.Name) {
		t.Fatalf("solution cascade: %d %s", rec.Code, rec.Body)
	}
	if got := w.milestone(t, w.loadPlan(t, pmo), "requirement_survey"); got.Version != survey.Version {
		t.Fatal("a refused cascade moved the milestone itself")
	}
	// Moving it without touching anyone else's is fine.
	if rec := solution.do("POST", "/api/v1/milestones/"+survey.ID+"/reschedule", early, "If-Match", etag(survey.Version)); rec.Code != http.StatusOK {
		t.Fatalf("solution move without a cascade: %d %s", rec.Code, rec.Body)
	}
	// The PMO may move the whole cascade.
	decode(t, pmo.do("POST", "/api/v1/milestones/"+survey.ID+"/reschedule/preview", late), &preview)
	for _, mv := range preview.Moves {
		if !mv.Allowed {
			t.Errorf("PMO preview: %s not allowed", mv.Name)
		}
	}
	if rec := pmo.do("POST", "/api/v1/milestones/"+survey.ID+"/reschedule", late, "If-Match", etag(survey.Version+1)); rec.Code != http.StatusOK {
		t.Fatalf("PMO cascade: %d %s", rec.Code, rec.Body)
	}
	if got := w.milestone(t, w.loadPlan(t, pmo), "bid_decision"); got.Version == bidDecision.Version {
		t.Fatal("the PMO's cascade did not move the bid decision")
	}
}

// A solution-role user keeps its own milestones up to date but may not change what shapes
// the plan (owner role, gate, weight, dependencies): 403 naming the fields.
func TestSolutionRoleChangesOnlyItsMilestonesProgress(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	solution := w.ts.signIn(w.solution.Email)
	survey := w.milestone(t, w.plan, "requirement_survey")
	tests := []struct {
		name       string
		patch      string
		wantCode   int
		wantFields []string
	}{
		{"owner, gate and weight", `{"owner_role":"pmo","gate":true,"weight":1000}`, 403, []string{"owner_role", "gate", "weight"}},
		{"dependencies", `{"depends_on":[]}`, 403, []string{"depends_on"}},
		{"dates and status with the current owner sent back", `{"owner_role":"solution","weight":5,"status":"in_progress","planned_due":"` +
			survey.PlannedDue.AddDate(0, 0, -1).Format("2006-01-02") + `"}`, 200, nil},
	}
	version := survey.Version
	for _, tc := range tests {
		rec := solution.do("PATCH", "/api/v1/milestones/"+survey.ID, tc.patch, "If-Match", etag(version))
		if rec.Code != tc.wantCode {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.wantCode)
			continue
		}
		if rec.Code == http.StatusOK {
			version++
			continue
		}
		var body errorBody
		decode(t, rec, &body)
		for _, f := range tc.wantFields {
			if body.Error.Fields[f] == "" {
				t.Errorf("%s: %s not named in %s", tc.name, f, rec.Body)
			}
		}
	}
	got := w.milestone(t, w.loadPlan(t, solution), "requirement_survey")
	if got.OwnerRole != "solution" || got.Gate || got.Weight != survey.Weight || got.Status != "in_progress" {
		t.Fatalf("after the edits: %+v", got)
	}
	// The PMO may change them.
	pmo := w.ts.signIn(w.pmo.Email)
	if rec := pmo.do("PATCH", "/api/v1/milestones/"+survey.ID, `{"gate":true,"weight":6}`, "If-Match", etag(version)); rec.Code != http.StatusOK {
		t.Fatalf("PMO: %d %s", rec.Code, rec.Body)
	}
}

// Moving a deal to another team follows the rule for creating one there: a PMO only to
// their own teams (or below), an admin anywhere.
func TestMovingADealFollowsTheCreateTeamRule(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	version := w.deal.Version + 1 // the team was set after creation
	tests := []struct {
		name     string
		email    string
		teamID   string
		wantCode int
	}{
		{"PMO to a team they are not in", w.pmo.Email, w.east.ID, 422},
		{"PMO to the parent of their team", w.pmo.Email, w.gov.ID, 422},
		{"PMO keeps the deal's team", w.pmo.Email, w.north.ID, 200},
		{"admin anywhere", w.admin.Email, w.east.ID, 200},
	}
	for _, tc := range tests {
		rec := w.ts.signIn(tc.email).do("PATCH", "/api/v1/deals/"+w.deal.ID, `{"team_id":"`+tc.teamID+`"}`, "If-Match", etag(version))
		if rec.Code != tc.wantCode {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.wantCode)
			continue
		}
		var d dealResponse
		decode(t, rec, &d)
		if rec.Code == http.StatusOK {
			version = d.Version
			if d.TeamID != tc.teamID {
				t.Errorf("%s: team %s", tc.name, d.TeamID)
			}
		} else if !strings.Contains(rec.Body.String(), "team_id") {
			t.Errorf("%s: %s does not name team_id", tc.name, rec.Body)
		}
	}
}
