package handlers

import (
	"net/http"
	"strings"
	"testing"
)

func TestDependenciesStatusesBaselinesAndSlippage(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	first, second, third := w.plan[0], w.plan[1], w.plan[2]

	// A dependency cycle is refused and named.
	rec := pmo.do("PATCH", "/api/v1/milestones/"+first.ID, `{"depends_on":["`+third.ID+`"]}`, "If-Match", etag(first.Version))
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), first.Name+" → ") {
		t.Fatalf("cycle: %d %s", rec.Code, rec.Body)
	}
	// Done needs its dependencies done; blocked needs a reason; done can't be in the future.
	if rec := pmo.do("PATCH", "/api/v1/milestones/"+second.ID, `{"status":"done"}`, "If-Match", etag(second.Version)); rec.Code != 422 || !strings.Contains(rec.Body.String(), first.Name) {
		t.Fatalf("done before its dependency: %d %s", rec.Code, rec.Body)
	}
	if rec := pmo.do("PATCH", "/api/v1/milestones/"+second.ID, `{"status":"blocked"}`, "If-Match", etag(second.Version)); rec.Code != 422 || !strings.Contains(rec.Body.String(), "status_reason") {
		t.Fatalf("blocked without reason: %d %s", rec.Code, rec.Body)
	}
	if rec := pmo.do("PATCH", "/api/v1/milestones/"+first.ID, `{"status":"done","completed_on":"2099-01-01"}`, "If-Match", etag(first.Version)); rec.Code != 422 || !strings.Contains(rec.Body.String(), "completed_on") {
		t.Fatalf("done in the future: %d %s", rec.Code, rec.Body)
	}
	rec = pmo.do("PATCH", "/api/v1/milestones/"+first.ID, `{"status":"done","completed_on":"2026-11-20"}`, "If-Match", etag(first.Version))
	var done milestoneResponse
	decode(t, rec, &done)
	if rec.Code != 200 || done.Status != "done" || done.CompletedOn == nil || done.Version != first.Version+1 {
		t.Fatalf("gate done: %d %s", rec.Code, rec.Body)
	}

	// Baseline, then push the second step 10 days: it and everything after it slip.
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/baselines", `{"name":"Kick-off plan","reason":"Agreed with the customer"}`); rec.Code != http.StatusCreated {
		t.Fatalf("baseline: %d %s", rec.Code, rec.Body)
	}
	newDue := second.PlannedDue.AddDate(0, 0, 14).Format("2006-01-02")
	body := `{"planned_start":"` + second.PlannedStart.Format("2006-01-02") + `","planned_due":"` + newDue + `"}`
	var preview struct{ Moves []moveResponse }
	decode(t, pmo.do("POST", "/api/v1/milestones/"+second.ID+"/reschedule/preview", body), &preview)
	if len(preview.Moves) < 10 || preview.Moves[0].MilestoneID != second.ID || preview.Moves[1].MilestoneID != third.ID {
		t.Fatalf("preview = %+v", preview.Moves)
	}
	if got := w.loadPlan(t, pmo)[2].PlannedDue; !got.Equal(third.PlannedDue.Time) {
		t.Fatal("the preview changed the plan")
	}
	if rec := pmo.do("POST", "/api/v1/milestones/"+second.ID+"/reschedule", body, "If-Match", etag(second.Version+5)); rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("stale apply: %d", rec.Code)
	}
	if rec := pmo.do("POST", "/api/v1/milestones/"+second.ID+"/reschedule", body, "If-Match", etag(second.Version)); rec.Code != http.StatusOK {
		t.Fatalf("apply: %d %s", rec.Code, rec.Body)
	}
	plan := w.loadPlan(t, pmo)
	contract := w.milestone(t, plan, "contract_signed")
	if plan[1].SlipDays == nil || *plan[1].SlipDays != 14 || contract.SlipDays == nil || *contract.SlipDays < 14 || plan[0].SlipDays == nil || *plan[0].SlipDays != 0 {
		t.Fatalf("slippage: second %v, contract %v, first %v", plan[1].SlipDays, contract.SlipDays, plan[0].SlipDays)
	}
	var d dealResponse
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	if d.Slippage == nil || d.Slippage.NextGateSlipDays == nil || *d.Slippage.NextGateSlipDays != 14 || *d.Slippage.ContractSlipDays != *contract.SlipDays {
		t.Fatalf("deal slippage = %+v", d.Slippage)
	}

	// Every change is in the deal's activity with before and after.
	var activity listResponse[activityResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/activity?limit=100", ""), &activity)
	actions := map[string]int{}
	for _, a := range activity.Items {
		actions[a.Action]++
	}
	for _, want := range []string{"deal.created", "deal.team_set", "milestone.updated", "baseline.taken", "plan.rescheduled"} {
		if actions[want] == 0 {
			t.Errorf("activity lacks %s: %v", want, actions)
		}
	}
	if activity.Items[0].Action != "plan.rescheduled" || activity.Items[0].ActorName == nil {
		t.Errorf("newest activity = %+v", activity.Items[0])
	}
}

func TestAddRemoveAndReorderMilestones(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones", `{"name":"Site visit","owner_role":"business","weight":2,"planned_start":"2026-12-01","planned_due":"2026-11-30"}`)
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "planned_due") {
		t.Fatalf("due before start: %d %s", rec.Code, rec.Body)
	}
	rec = pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones", `{"name":"Site visit","owner_role":"business","weight":2,"planned_start":"2026-12-01","planned_due":"2026-12-02","depends_on":["`+w.plan[0].ID+`"]}`)
	var added milestoneResponse
	decode(t, rec, &added)
	if rec.Code != http.StatusCreated || added.Sequence != 15 {
		t.Fatalf("add: %d %s", rec.Code, rec.Body)
	}
	ids := []string{added.ID}
	for _, m := range w.plan {
		ids = append(ids, m.ID)
	}
	order := `{"milestone_ids":["` + strings.Join(ids, `","`) + `"]}`
	if rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/milestones/order", order); rec.Code != http.StatusOK {
		t.Fatalf("reorder: %d %s", rec.Code, rec.Body)
	}
	if plan := w.loadPlan(t, pmo); plan[0].ID != added.ID || plan[0].Sequence != 1 {
		t.Fatalf("after reorder the first is %s", plan[0].Name)
	}
	if rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/milestones/order", `{"milestone_ids":["`+added.ID+`"]}`); rec.Code != 422 {
		t.Fatalf("partial order: %d", rec.Code)
	}
	if rec := pmo.do("DELETE", "/api/v1/milestones/"+added.ID, "", "If-Match", etag(added.Version)); rec.Code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 14 || plan[0].Sequence != 1 {
		t.Fatalf("after delete: %d milestones", len(plan))
	}
}
