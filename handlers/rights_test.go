package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/stakeholders"
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
		{"unknown field", `[{"user_id":"` + w.pmo.ID + `","role":"pmo","rol":"x"}]`, 400, "team[0].rol"},
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

// A customer's contacts (with phone and email) are read by those who may read one of its
// deals and changed by those holding a deal role on one; others get 404 (no probing),
// readers without a role 403. A stakeholder on another team's deal stays theirs.
func TestContactsAreScopedToTheCustomersDeals(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	ctx := context.Background()
	executive := w.ts.user("cxo@example.com", identity.RoleExecutive)
	ours, err := w.ts.st.CreateContact(ctx, stakeholders.Contact{CustomerID: w.customer.ID, Name: "Director Zhao", Phone: "+86 10 1234 5678"})
	if err != nil {
		t.Fatal(err)
	}
	// Another customer's deal in East China, with its stakeholder's contact.
	theirCustomer, err := w.ts.dl.CreateCustomer(ctx, deals.Customer{Name: "Shanghai Data Group", Kind: "state_owned"})
	if err != nil {
		t.Fatal(err)
	}
	theirDeal, err := w.ts.dl.CreateDeal(ctx, deals.Actor{UserID: w.outsider.ID}, deals.NewDealInput{Deal: deals.Deal{Name: "East deal",
		CustomerID: theirCustomer.ID, Segment: deals.SegmentKeyAccount, TeamID: w.east.ID, Currency: "CNY", TargetCloseDate: time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := w.ts.st.AddStakeholder(ctx, w.outsider.ID, theirDeal.ID, stakeholders.NewStakeholder{ContactName: "Manager Qian",
		Stakeholder: stakeholders.Stakeholder{DecisionRole: "decision_maker", Influence: 5, Stance: "neutral"}})
	if err != nil {
		t.Fatal(err)
	}
	rename := func(id string, version int) string { return `{"name":"Renamed ` + id[:4] + `"}` }
	tests := []struct {
		who                               string
		email                             string
		customerID, contactID             string
		wantList, wantGet, wantPatch, add int
	}{
		{"business role on the deal", w.business.Email, w.customer.ID, ours.ID, 200, 200, 200, 201},
		{"solution role on the deal", w.solution.Email, w.customer.ID, ours.ID, 200, 200, 412, 201},
		{"member of the deal's team, no role", w.teamMember.Email, w.customer.ID, ours.ID, 200, 200, 403, 403},
		{"executive", executive.Email, w.customer.ID, ours.ID, 200, 200, 403, 403},
		{"member of another team", w.outsider.Email, w.customer.ID, ours.ID, 404, 404, 404, 404},
		{"our PMO on the other team's stakeholder", w.pmo.Email, theirCustomer.ID, theirs.ContactID, 404, 404, 404, 404},
		{"their PMO on their own stakeholder", w.outsider.Email, theirCustomer.ID, theirs.ContactID, 200, 200, 200, 201},
		{"admin anywhere", w.admin.Email, theirCustomer.ID, theirs.ContactID, 200, 200, 412, 201},
	}
	for _, tc := range tests {
		b := w.ts.signIn(tc.email)
		if rec := b.do("GET", "/api/v1/customers/"+tc.customerID+"/contacts", ""); rec.Code != tc.wantList {
			t.Errorf("%s listing: %d, want %d", tc.who, rec.Code, tc.wantList)
		}
		rec := b.do("GET", "/api/v1/contacts/"+tc.contactID, "")
		if rec.Code != tc.wantGet || (rec.Code != 200 && strings.Contains(rec.Body.String(), "+86")) {
			t.Errorf("%s reading: %d %s, want %d", tc.who, rec.Code, rec.Body, tc.wantGet)
		}
		var current contactResponse
		if rec.Code == 200 {
			decode(t, rec, &current)
		}
		version := current.Version
		if tc.wantPatch == 412 {
			version = 999 // allowed; stop before changing anything
		} else if version == 0 {
			version = 1
		}
		if rec := b.do("PATCH", "/api/v1/contacts/"+tc.contactID, rename(tc.contactID, version), "If-Match", etag(version)); rec.Code != tc.wantPatch {
			t.Errorf("%s renaming: %d %s, want %d", tc.who, rec.Code, rec.Body, tc.wantPatch)
		}
		if rec := b.do("POST", "/api/v1/customers/"+tc.customerID+"/contacts", `{"name":"New person"}`); rec.Code != tc.add {
			t.Errorf("%s adding: %d %s, want %d", tc.who, rec.Code, rec.Body, tc.add)
		}
	}
	// Nobody outside renamed the other team's contact.
	got, err := w.ts.st.Contact(ctx, theirs.ContactID)
	if err != nil || got.Version != 2 {
		t.Fatalf("their contact = %+v, %v (only their PMO renamed it)", got, err)
	}
}
