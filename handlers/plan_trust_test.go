package handlers

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// reschedule moves a milestone's due date by days (its start stays) and applies it.
func reschedule(t *testing.T, b *browser, m milestoneResponse, days int) {
	t.Helper()
	body := `{"planned_start":"` + m.PlannedStart.Format(time.DateOnly) + `","planned_due":"` + m.PlannedDue.AddDate(0, 0, days).Format(time.DateOnly) + `"}`
	if rec := b.do("POST", "/api/v1/milestones/"+m.ID+"/reschedule", body, "If-Match", etag(m.Version)); rec.Code != http.StatusOK {
		t.Fatalf("reschedule: %d %s", rec.Code, rec.Body)
	}
}

func TestRebaseliningKeepsSlipAgainstTheCommittedBaseline(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo, business := w.ts.signIn(w.pmo.Email), w.ts.signIn(w.business.Email)
	base := "/api/v1/deals/" + w.deal.ID + "/baselines"
	if rec := pmo.do("POST", base, `{"name":"Kick-off plan"}`); rec.Code != http.StatusCreated {
		t.Fatalf("kick-off baseline: %d %s", rec.Code, rec.Body)
	}
	reschedule(t, pmo, w.milestone(t, w.loadPlan(t, pmo), "contract_signed"), 17)
	if rec := pmo.do("POST", base, `{"name":"Re-plan","reason":"Tender moved"}`); rec.Code != http.StatusCreated {
		t.Fatalf("second baseline: %d %s", rec.Code, rec.Body)
	}
	contractSlip := func() int {
		var d dealResponse
		decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
		if d.Slippage == nil || d.Slippage.ContractSlipDays == nil {
			t.Fatalf("no contract slip: %+v", d.Slippage)
		}
		return *d.Slippage.ContractSlipDays
	}
	if got := contractSlip(); got != 17 {
		t.Fatalf("after re-baselining the deal reads %d days late, want 17 (against the kick-off plan)", got)
	}
	var list listResponse[baselineResponse]
	decode(t, pmo.do("GET", base, ""), &list)
	if len(list.Items) != 2 || list.Items[0].Name != "Re-plan" || list.Items[0].Committed || !list.Items[1].Committed {
		t.Fatalf("baselines = %+v", list.Items)
	}
	replan, kickOff := list.Items[0], list.Items[1]

	tests := []struct {
		name      string
		who       *browser
		baseline  string
		body      string
		wantCode  int
		wantField string
	}{
		{"no reason", pmo, replan.ID, `{"reason":" "}`, http.StatusUnprocessableEntity, "reason"},
		{"reason missing", pmo, replan.ID, `{}`, http.StatusUnprocessableEntity, "reason"},
		{"not the PMO", business, replan.ID, `{"reason":"x"}`, http.StatusForbidden, ""},
		{"no such baseline", pmo, "7f1c0c52-4a5e-4a8e-9d55-3c1f0f0f0f0f", `{"reason":"x"}`, http.StatusNotFound, ""},
		{"already committed", pmo, kickOff.ID, `{"reason":"x"}`, http.StatusUnprocessableEntity, "baseline_id"},
	}
	for _, tc := range tests {
		rec := tc.who.do("POST", base+"/"+tc.baseline+"/commit", tc.body)
		if rec.Code != tc.wantCode || !strings.Contains(rec.Body.String(), tc.wantField) {
			t.Errorf("%s: %d %s", tc.name, rec.Code, rec.Body)
		}
	}
	if got := contractSlip(); got != 17 {
		t.Fatalf("a refused commit changed the slip to %d", got)
	}

	rec := pmo.do("POST", base+"/"+replan.ID+"/commit", `{"reason":"Customer moved the tender by three weeks"}`)
	var committed baselineResponse
	decode(t, rec, &committed)
	if rec.Code != http.StatusOK || !committed.Committed || committed.CommittedReason != "Customer moved the tender by three weeks" {
		t.Fatalf("commit: %d %s", rec.Code, rec.Body)
	}
	if got := contractSlip(); got != 0 {
		t.Fatalf("against the committed re-plan the deal reads %d days late, want 0", got)
	}
	decode(t, pmo.do("GET", base, ""), &list)
	if !list.Items[0].Committed || list.Items[1].Committed {
		t.Fatalf("exactly the re-plan should be committed: %+v", list.Items)
	}
	var activity listResponse[activityResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/activity?limit=5", ""), &activity)
	first := activity.Items[0]
	if first.Action != "baseline.committed" || !strings.Contains(toJSON(t, first.After), "three weeks") || !strings.Contains(toJSON(t, first.Before), "Kick-off plan") {
		t.Fatalf("activity = %+v", first)
	}
}

func TestPlanAfterTargetCloseWarnsOnTheDealAndTheList(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	contract := w.milestone(t, w.plan, "contract_signed")
	version := w.loadDeal(t, pmo).Version
	tests := []struct {
		name      string
		target    time.Time
		wantAfter int // 0: no warning
	}{
		{"target 10 days before the contract gate", contract.PlannedDue.AddDate(0, 0, -10), 10},
		{"target on the contract gate", contract.PlannedDue.Time, 0},
		{"target after it", contract.PlannedDue.AddDate(0, 1, 0), 0},
	}
	for _, tc := range tests {
		rec := pmo.do("PATCH", "/api/v1/deals/"+w.deal.ID, `{"target_close_date":"`+tc.target.Format(time.DateOnly)+`"}`, "If-Match", etag(version))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: patch %d %s", tc.name, rec.Code, rec.Body)
		}
		version++
		d := w.loadDeal(t, pmo)
		var list listResponse[dealListItem]
		decode(t, pmo.do("GET", "/api/v1/deals?limit=10", ""), &list)
		if len(list.Items) != 1 {
			t.Fatalf("list = %d items", len(list.Items))
		}
		item := list.Items[0]
		if tc.wantAfter == 0 {
			if d.PlanAfterTarget != nil || item.PlanAfterTarget != nil {
				t.Errorf("%s: warned %+v / %+v", tc.name, d.PlanAfterTarget, item.PlanAfterTarget)
			}
			continue
		}
		if p := d.PlanAfterTarget; p == nil || p.DaysAfter != tc.wantAfter || p.MilestoneID == nil || *p.MilestoneID != contract.ID || !p.PlannedDue.Equal(contract.PlannedDue.Time) {
			t.Errorf("%s: deal warning %+v", tc.name, d.PlanAfterTarget)
		}
		if p := item.PlanAfterTarget; p == nil || p.DaysAfter != tc.wantAfter || !p.PlannedDue.Equal(contract.PlannedDue.Time) {
			t.Errorf("%s: list warning %+v", tc.name, item.PlanAfterTarget)
		}
	}
}

func TestTemplateTargetCheck(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	url := "/api/v1/templates/" + w.g2bTemplateID(t) + "/target-check"
	contractDue := w.milestone(t, w.plan, "contract_signed").PlannedDue // the deal was laid out from 2026-11-23
	tests := []struct {
		name      string
		body      string
		wantCode  int
		wantField string
		wantAfter int
	}{
		{"target before the contract gate", `{"start_date":"2026-11-23","target_close_date":"` + contractDue.AddDate(0, 0, -30).Format(time.DateOnly) + `"}`, 200, "", 30},
		{"target after it", `{"start_date":"2026-11-23","target_close_date":"` + contractDue.AddDate(0, 0, 5).Format(time.DateOnly) + `"}`, 200, "", 0},
		{"no target", `{"start_date":"2026-11-23"}`, http.StatusUnprocessableEntity, "target_close_date", 0},
		{"not a date", `{"target_close_date":"31/03/2027"}`, http.StatusBadRequest, "target_close_date", 0},
	}
	for _, tc := range tests {
		rec := pmo.do("POST", url, tc.body)
		if rec.Code != tc.wantCode || !strings.Contains(rec.Body.String(), tc.wantField) {
			t.Errorf("%s: %d %s", tc.name, rec.Code, rec.Body)
			continue
		}
		if tc.wantCode != 200 {
			continue
		}
		var got targetCheckResponse
		decode(t, rec, &got)
		if got.Gate == nil || got.Gate.Key != "contract_signed" || !got.Gate.PlannedDue.Equal(contractDue.Time) || got.DaysAfter != tc.wantAfter {
			t.Errorf("%s: %+v", tc.name, got)
		}
		if (got.StartToMeet != nil) != (tc.wantAfter > 0) {
			t.Errorf("%s: start to meet %v", tc.name, got.StartToMeet)
		}
	}
}

func TestPlanMarksTheCriticalPath(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	plan := w.loadPlan(t, w.ts.signIn(w.pmo.Email))
	byID := map[string]milestoneResponse{}
	var critical []milestoneResponse
	for _, m := range plan {
		byID[m.ID] = m
		if m.Critical {
			critical = append(critical, m)
		}
	}
	last := critical[len(critical)-1]
	if len(critical) < 2 || last.Key != "contract_signed" {
		t.Fatalf("critical path = %d milestones ending at %q", len(critical), last.Key)
	}
	// Each step of the chain depends on the one before it, which is its dependency due last.
	for i := 1; i < len(critical); i++ {
		var driver milestoneResponse
		for _, id := range critical[i].DependsOn {
			if d := byID[id]; driver.ID == "" || d.PlannedDue.After(driver.PlannedDue.Time) {
				driver = d
			}
		}
		if driver.PlannedDue != critical[i-1].PlannedDue {
			t.Errorf("%s follows %s, but its driving dependency is %s", critical[i].Name, critical[i-1].Name, driver.Name)
		}
	}
}

func (w *dealWorld) loadDeal(t *testing.T, b *browser) dealResponse {
	t.Helper()
	var d dealResponse
	decode(t, b.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	return d
}

func toJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
