package handlers

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAccountManagerKeepsTheStakeholderMap(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	am, pmo := w.ts.signIn(w.business.Email), w.ts.signIn(w.pmo.Email)
	budget := w.milestone(t, w.plan, "budget_support")

	// A new person by name becomes a contact of the customer and a stakeholder of the deal.
	rec := am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"Director Zhao 赵处长","title":"Director, IT","decision_role":"decision_maker",
		"influence":5,"stance":"neutral","owner_id":"`+w.business.ID+`","last_contact_on":"2026-11-02","milestone_ids":["`+budget.ID+`"]}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("add stakeholder: %d %s", rec.Code, rec.Body)
	}
	var zhao stakeholderResponse
	decode(t, rec, &zhao)
	if zhao.Name != "Director Zhao 赵处长" || len(zhao.MilestoneIDs) != 1 || zhao.Version != 1 {
		t.Fatalf("stakeholder = %+v", zhao)
	}
	var contacts listResponse[contactResponse]
	decode(t, am.do("GET", "/api/v1/customers/"+w.customer.ID+"/contacts", ""), &contacts)
	if len(contacts.Items) != 1 || contacts.Items[0].ID != zhao.ContactID {
		t.Fatalf("customer contacts = %+v", contacts.Items)
	}
	// The same contact twice on one deal is a conflict; bad values name their field.
	if rec := am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"contact_id":"`+zhao.ContactID+`","decision_role":"user","influence":2,"stance":"neutral"}`); rec.Code != http.StatusConflict {
		t.Fatalf("duplicate: %d %s", rec.Code, rec.Body)
	}
	if rec := am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"X","decision_role":"boss","influence":9,"stance":"neutral"}`); rec.Code != 422 || !strings.Contains(rec.Body.String(), "influence") {
		t.Fatalf("bad values: %d %s", rec.Code, rec.Body)
	}
	// The PMO reads but cannot change the map.
	if code := pmo.do("PATCH", "/api/v1/stakeholders/"+zhao.ID, `{"stance":"blocker"}`, "If-Match", etag(zhao.Version)).Code; code != http.StatusForbidden {
		t.Fatalf("PMO changing a stance: %d", code)
	}

	// Neutral → blocker with a note: the history keeps who, when, from, to and the note.
	rec = am.do("PATCH", "/api/v1/stakeholders/"+zhao.ID, `{"stance":"blocker","note":"Prefers the incumbent after the budget meeting"}`, "If-Match", etag(zhao.Version))
	if rec.Code != http.StatusOK {
		t.Fatalf("stance change: %d %s", rec.Code, rec.Body)
	}
	if rec := am.do("PATCH", "/api/v1/stakeholders/"+zhao.ID, `{"stance":"champion"}`, "If-Match", etag(zhao.Version)); rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("stale stance change: %d", rec.Code)
	}
	var history listResponse[historyResponse]
	decode(t, pmo.do("GET", "/api/v1/stakeholders/"+zhao.ID+"/history", ""), &history)
	if len(history.Items) != 1 || history.Items[0].Note == "" || history.Items[0].ActorName == nil ||
		history.Items[0].Changes["stance"].From != "neutral" || history.Items[0].Changes["stance"].To != "blocker" {
		t.Fatalf("history = %+v", history.Items)
	}

	// The gate that person can move is now at risk, and the deal lacks a champion.
	var risks listResponse[gateRiskResponse]
	decode(t, pmo.do("GET", "/api/v1/risks/gates?days=365&deal_id="+w.deal.ID, ""), &risks)
	if len(risks.Items) != 1 || risks.Items[0].MilestoneID != budget.ID || risks.Items[0].Reason != "stance" || risks.Items[0].Stance != "blocker" {
		t.Fatalf("gate risks = %+v", risks.Items)
	}
	var coverage listResponse[coverageResponse]
	decode(t, pmo.do("GET", "/api/v1/risks/coverage", ""), &coverage)
	if len(coverage.Items) != 1 || !coverage.Items[0].HasDecisionMaker || coverage.Items[0].HasChampion {
		t.Fatalf("coverage = %+v", coverage.Items)
	}
	// An outsider sees no risks of deals they cannot read.
	decode(t, w.ts.signIn(w.outsider.Email).do("GET", "/api/v1/risks/gates?days=365", ""), &risks)
	if len(risks.Items) != 0 {
		t.Fatalf("outsider sees %d risks", len(risks.Items))
	}
	// Overdue next steps.
	yesterday := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	am.do("PATCH", "/api/v1/stakeholders/"+zhao.ID, `{"next_step":"Visit with our CTO","next_step_due":"`+yesterday+`"}`, "If-Match", etag(zhao.Version+1))
	var overdue listResponse[stakeholderResponse]
	decode(t, pmo.do("GET", "/api/v1/risks/next-steps", ""), &overdue)
	if len(overdue.Items) != 1 || overdue.Items[0].NextStep != "Visit with our CTO" {
		t.Fatalf("overdue next steps = %+v", overdue.Items)
	}
	// null clears a date; leaving the field out keeps it.
	rec = am.do("PATCH", "/api/v1/stakeholders/"+zhao.ID, `{"next_step_due":null}`, "If-Match", etag(zhao.Version+2))
	var cleared stakeholderResponse
	decode(t, rec, &cleared)
	if rec.Code != http.StatusOK || cleared.NextStepDue != nil || cleared.LastContactOn == nil {
		t.Fatalf("clearing next_step_due: %d %s", rec.Code, rec.Body)
	}
}

func TestRetrospectivesActionsAndGateDecisions(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	am, pmo := w.ts.signIn(w.business.Email), w.ts.signIn(w.pmo.Email)
	gate := w.milestone(t, w.plan, "bid_decision")
	past := time.Now().AddDate(0, 0, -3).Format("2006-01-02")
	future := time.Now().AddDate(0, 0, 10).Format("2006-01-02")

	body := `{"milestone_id":"` + gate.ID + `","held_on":"` + past + `","planned":"Budget approved by Q3","happened":"Budget slipped to Q1",
		"gap_cause":"Finance bureau reprioritised","next":"Re-pitch the ROI","outcome":"at_risk",
		"actions":[{"title":"ROI deck for the finance bureau","owner_id":"` + w.business.ID + `","due_on":"` + future + `"},
		           {"title":"Confirm the tender timeline","owner_id":"` + w.pmo.ID + `","due_on":"` + past + `"}]}`
	rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/retrospectives", body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("hold retrospective: %d %s", rec.Code, rec.Body)
	}
	var retro retrospectiveResponse
	decode(t, rec, &retro)
	if len(retro.Actions) != 2 || retro.Actions[0].Status != "open" {
		t.Fatalf("retrospective = %+v", retro)
	}
	if code := w.ts.signIn(w.solution.Email).do("POST", "/api/v1/deals/"+w.deal.ID+"/retrospectives", body).Code; code != http.StatusForbidden {
		t.Fatalf("solution role holding a retrospective: %d", code)
	}

	// The account manager sees their action under My actions and closes it.
	var mine listResponse[myItemResponse]
	decode(t, am.do("GET", "/api/v1/me/actions", ""), &mine)
	if len(mine.Items) != 1 || mine.Items[0].Title != "ROI deck for the finance bureau" || mine.Items[0].DealName != w.deal.Name {
		t.Fatalf("my actions = %+v", mine.Items)
	}
	if rec := am.do("PATCH", "/api/v1/actions/"+mine.Items[0].ID, `{"status":"done"}`, "If-Match", etag(mine.Items[0].Version)); rec.Code != http.StatusOK {
		t.Fatalf("close my action: %d %s", rec.Code, rec.Body)
	}
	decode(t, am.do("GET", "/api/v1/me/actions", ""), &mine)
	if len(mine.Items) != 0 {
		t.Fatalf("closed action still listed: %+v", mine.Items)
	}
	var overdue listResponse[actionResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/actions/overdue", ""), &overdue)
	if len(overdue.Items) != 1 || overdue.Items[0].Title != "Confirm the tender timeline" || !overdue.Items[0].Overdue {
		t.Fatalf("overdue actions = %+v", overdue.Items)
	}

	// Gate decisions: only at gates, in order; a no-go may end the deal as abandoned.
	first := w.plan[3] // requirement survey: not a gate
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", `{"milestone_id":"`+first.ID+`","decision":"go","rationale":"x"}`); rec.Code != 422 {
		t.Fatalf("decision at a non-gate: %d %s", rec.Code, rec.Body)
	}
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", `{"milestone_id":"`+gate.ID+`","decision":"go","rationale":"Spec is open; we qualify","conditions":"Partner for the GIS module"}`); rec.Code != http.StatusCreated {
		t.Fatalf("go: %d %s", rec.Code, rec.Body)
	}
	var d dealResponse
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	nogo := `{"milestone_id":"` + gate.ID + `","decision":"no_go","rationale":"Specification now favours a rival","abandon_deal":true}`
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", nogo, "If-Match", etag(d.Version+1)); rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("no-go at a stale deal version: %d %s", rec.Code, rec.Body)
	}
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", nogo, "If-Match", etag(d.Version)); rec.Code != http.StatusCreated {
		t.Fatalf("no-go: %d %s", rec.Code, rec.Body)
	}
	var decisions listResponse[gateDecisionResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/gate-decisions", ""), &decisions)
	if len(decisions.Items) != 2 || decisions.Items[0].Decision != "go" || decisions.Items[1].Decision != "no_go" {
		t.Fatalf("decisions = %+v", decisions.Items)
	}
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	if d.Status != "abandoned" || d.StatusReason != "Specification now favours a rival" {
		t.Fatalf("deal after no-go = %s %q", d.Status, d.StatusReason)
	}
}
