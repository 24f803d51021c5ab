package handlers

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// listFigures is a deal's stored confidence as GET /deals shows it.
type listFigures struct {
	ID               string   `json:"id"`
	Confidence       *float64 `json:"confidence"`
	PWin             *float64 `json:"p_win"`
	PInPeriod        *float64 `json:"p_in_period"`
	ConfidencePeriod string   `json:"confidence_period"`
	ConfidenceAsOf   *string  `json:"confidence_as_of"`
}

// freshFigures is GET /deals/{id}/confidence.
type freshFigures struct {
	Period     string  `json:"period"`
	AsOf       string  `json:"as_of"`
	PWin       float64 `json:"p_win"`
	PInPeriod  float64 `json:"p_in_period"`
	Confidence float64 `json:"confidence"`
	Factors    []struct {
		Key   string `json:"key"`
		Label string `json:"label"`
	} `json:"factors"`
}

// idVersion is what a change needs of what it changes next.
type idVersion struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Actions []struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	} `json:"actions"`
}

func (b *browser) listedFigures(t *testing.T, dealName, dealID string) listFigures {
	t.Helper()
	var list listResponse[listFigures]
	rec := b.do("GET", "/api/v1/deals?limit=500&q="+url.QueryEscape(dealName), "")
	if rec.Code != http.StatusOK {
		t.Fatalf("list deals: %d %s", rec.Code, rec.Body)
	}
	decode(t, rec, &list)
	for _, it := range list.Items {
		if it.ID == dealID {
			return it
		}
	}
	t.Fatalf("deal %s not listed", dealID)
	return listFigures{}
}

func (b *browser) freshFigures(t *testing.T, dealID string) freshFigures {
	t.Helper()
	var f freshFigures
	rec := b.do("GET", "/api/v1/deals/"+dealID+"/confidence", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("confidence: %d %s", rec.Code, rec.Body)
	}
	decode(t, rec, &f)
	return f
}

// TestStoredConfidenceFollowsEveryChange: after each kind of change made through the
// API, the deals list's confidence for the period equals a fresh engine run (GET
// /deals/{id}/confidence), and it moved the way the change should move it.
func TestStoredConfidenceFollowsEveryChange(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo, am := w.ts.signIn(w.pmo.Email), w.ts.signIn(w.business.Email)
	deal := w.deal.ID
	today := time.Now().UTC()
	past := today.AddDate(0, 0, -3).Format("2006-01-02")
	future := today.AddDate(0, 0, 10).Format("2006-01-02")
	must := func(t *testing.T, rec *httptest.ResponseRecorder, want int, what string) {
		t.Helper()
		if rec.Code != want {
			t.Fatalf("%s: %d %s, want %d", what, rec.Code, rec.Body, want)
		}
	}
	var (
		added, champion, retro idVersion
		dealVersion            = w.deal.Version
	)
	refreshDeal := func(t *testing.T) {
		var d idVersion
		decode(t, pmo.do("GET", "/api/v1/deals/"+deal, ""), &d)
		dealVersion = d.Version
	}
	milestone := func(t *testing.T, key string) milestoneResponse {
		return w.milestone(t, w.loadPlan(t, pmo), key)
	}

	tests := []struct {
		name   string
		change func(t *testing.T)
		pWin   string // how p_win moves: up, down, changed, same, zero
	}{
		{"a gate marked done", func(t *testing.T) {
			m := milestone(t, "need_shaping")
			must(t, pmo.do("PATCH", "/api/v1/milestones/"+m.ID, `{"status":"done"}`, "If-Match", etag(m.Version)), 200, "gate done")
		}, "up"},
		{"a milestone added", func(t *testing.T) {
			rec := pmo.do("POST", "/api/v1/deals/"+deal+"/milestones", `{"name":"Site visit","owner_role":"business","weight":20,"gate":true,"planned_start":"2027-01-04","planned_due":"2027-01-08"}`)
			must(t, rec, 201, "add milestone")
			decode(t, rec, &added)
		}, "down"},
		{"the milestone deleted", func(t *testing.T) {
			must(t, pmo.do("DELETE", "/api/v1/milestones/"+added.ID, "", "If-Match", etag(added.Version)), 204, "delete milestone")
		}, "up"},
		{"a baseline taken", func(t *testing.T) {
			must(t, pmo.do("POST", "/api/v1/deals/"+deal+"/baselines", `{"name":"Agreed plan","reason":"Kick-off"}`), 201, "baseline")
		}, "same"},
		{"the contract rescheduled past its baseline", func(t *testing.T) {
			m := milestone(t, "contract_signed")
			body := `{"planned_start":"` + m.PlannedStart.AddDate(0, 0, 30).Format("2006-01-02") + `","planned_due":"` + m.PlannedDue.AddDate(0, 0, 30).Format("2006-01-02") + `"}`
			must(t, pmo.do("POST", "/api/v1/milestones/"+m.ID+"/reschedule", body, "If-Match", etag(m.Version)), 200, "reschedule")
		}, "down"},
		{"the plan reordered", func(t *testing.T) {
			plan := w.loadPlan(t, pmo)
			ids := make([]string, 0, len(plan))
			for i := len(plan) - 1; i >= 0; i-- {
				ids = append(ids, plan[i].ID)
			}
			must(t, pmo.do("PUT", "/api/v1/deals/"+deal+"/milestones/order", `{"milestone_ids":["`+strings.Join(ids, `","`)+`"]}`), 200, "reorder")
		}, "same"},
		{"a decision maker added as champion", func(t *testing.T) {
			rec := am.do("POST", "/api/v1/deals/"+deal+"/stakeholders", `{"name":"Director Zhao","title":"Director, IT","decision_role":"decision_maker","influence":5,"stance":"champion","last_contact_on":"`+past+`"}`)
			must(t, rec, 201, "add stakeholder")
			decode(t, rec, &champion)
		}, "up"},
		{"the decision maker turns blocker", func(t *testing.T) {
			rec := am.do("PATCH", "/api/v1/stakeholders/"+champion.ID, `{"stance":"blocker","note":"Budget moved to another project"}`, "If-Match", etag(champion.Version))
			must(t, rec, 200, "stance change")
			decode(t, rec, &champion)
		}, "down"},
		{"the decision maker's next step falls overdue", func(t *testing.T) {
			rec := am.do("PATCH", "/api/v1/stakeholders/"+champion.ID, `{"next_step":"Lunch with the director","next_step_due":"`+past+`"}`, "If-Match", etag(champion.Version))
			must(t, rec, 200, "next step")
			decode(t, rec, &champion)
		}, "down"},
		{"the blocker removed", func(t *testing.T) {
			must(t, am.do("DELETE", "/api/v1/stakeholders/"+champion.ID, "", "If-Match", etag(champion.Version)), 204, "remove stakeholder")
		}, "changed"},
		{"an off-track retrospective with an overdue action", func(t *testing.T) {
			body := `{"held_on":"` + past + `","planned":"Budget by Q3","happened":"Budget slipped","outcome":"off_track","actions":[{"title":"Call the bureau","owner_id":"` + w.business.ID + `","due_on":"` + past + `"}]}`
			rec := pmo.do("POST", "/api/v1/deals/"+deal+"/retrospectives", body)
			must(t, rec, 201, "hold retrospective")
			decode(t, rec, &retro)
		}, "down"},
		{"the overdue action done", func(t *testing.T) {
			a := retro.Actions[0]
			must(t, am.do("PATCH", "/api/v1/actions/"+a.ID, `{"status":"done"}`, "If-Match", etag(a.Version)), 200, "action done")
		}, "up"},
		{"the retrospective updated to on track", func(t *testing.T) {
			var cur idVersion
			decode(t, pmo.do("GET", "/api/v1/retrospectives/"+retro.ID, ""), &cur)
			body := `{"held_on":"` + past + `","planned":"Budget by Q3","happened":"Budget back on track","outcome":"on_track","actions":[]}`
			rec := pmo.do("PUT", "/api/v1/retrospectives/"+retro.ID, body, "If-Match", etag(cur.Version))
			must(t, rec, 200, "update retrospective")
			decode(t, rec, &retro)
		}, "up"},
		{"the retrospective deleted", func(t *testing.T) {
			must(t, pmo.do("DELETE", "/api/v1/retrospectives/"+retro.ID, "", "If-Match", etag(retro.Version)), 204, "delete retrospective")
		}, "down"},
		{"the deal's target close moved", func(t *testing.T) {
			refreshDeal(t)
			must(t, pmo.do("PATCH", "/api/v1/deals/"+deal, `{"target_close_date":"`+future+`"}`, "If-Match", etag(dealVersion)), 200, "deal update")
		}, "same"},
		{"the template's parameters changed", func(t *testing.T) {
			// An administrator raises the template's prior in the template editor's PUT;
			// every deal laid out from it is recomputed in that transaction.
			id := w.g2bTemplateID(t)
			admin := w.ts.signIn(w.admin.Email)
			var tpl map[string]any
			rec := admin.do("GET", "/api/v1/templates/"+id, "")
			decode(t, rec, &tpl)
			version := int(tpl["version"].(float64))
			for _, k := range []string{"id", "key", "builtin", "version"} {
				delete(tpl, k)
			}
			tpl["confidence_params"] = map[string]float64{"base": 0.6}
			body, _ := json.Marshal(tpl)
			must(t, admin.do("PUT", "/api/v1/templates/"+id, string(body), "If-Match", etag(version)), 200, "template update")
		}, "up"},
		{"the plan imported from a spreadsheet", func(t *testing.T) {
			csv := "序号,里程碑,负责角色,计划开始,计划完成,前置,关口\n1,需求调研,solution,2027/1/4,2027/1/8,,否\n2,方案交流,business,2027-01-11,2027-01-15,1,是\n"
			must(t, pmo.upload("/api/v1/deals/"+deal+"/milestones/import", "plan.csv", []byte(csv)), 200, "import")
		}, "changed"},
		{"a no-go at a gate", func(t *testing.T) {
			var m milestoneResponse
			for _, pm := range w.loadPlan(t, pmo) {
				if pm.Gate {
					m = pm
				}
			}
			must(t, pmo.do("POST", "/api/v1/deals/"+deal+"/gate-decisions", `{"milestone_id":"`+m.ID+`","decision":"no_go","rationale":"Budget withdrawn"}`), 201, "no-go")
		}, "zero"},
		{"the deal marked lost", func(t *testing.T) {
			refreshDeal(t)
			must(t, pmo.do("PATCH", "/api/v1/deals/"+deal, `{"status":"lost","status_reason":"Budget withdrawn"}`, "If-Match", etag(dealVersion)), 200, "lost")
		}, "zero"},
	}

	before := pmo.listedFigures(t, w.deal.Name, deal)
	if before.Confidence == nil || before.PWin == nil || before.ConfidenceAsOf == nil {
		t.Fatalf("a new deal has no stored confidence: %+v", before)
	}
	for _, tc := range tests {
		tc.change(t)
		got := pmo.listedFigures(t, w.deal.Name, deal)
		fresh := pmo.freshFigures(t, deal)
		if got.Confidence == nil || got.PWin == nil || got.PInPeriod == nil {
			t.Fatalf("%s: the list has no figures: %+v", tc.name, got)
		}
		if got.ConfidencePeriod != fresh.Period || *got.ConfidenceAsOf != fresh.AsOf {
			t.Errorf("%s: list is for %s as of %s, fresh run for %s as of %s", tc.name, got.ConfidencePeriod, *got.ConfidenceAsOf, fresh.Period, fresh.AsOf)
		}
		for _, c := range []struct {
			what         string
			stored, want float64
		}{{"confidence", *got.Confidence, fresh.Confidence}, {"p_win", *got.PWin, fresh.PWin}, {"p_in_period", *got.PInPeriod, fresh.PInPeriod}} {
			if math.Abs(c.stored-c.want) > 1e-9 {
				t.Errorf("%s: the list's %s is %.12f, a fresh run %.12f", tc.name, c.what, c.stored, c.want)
			}
		}
		prev, now := *before.PWin, *got.PWin
		ok := map[string]bool{"up": now > prev+1e-9, "down": now < prev-1e-9, "changed": math.Abs(now-prev) > 1e-9,
			"same": math.Abs(now-prev) <= 1e-9, "zero": now == 0}[tc.pWin]
		if !ok {
			t.Errorf("%s: p_win went from %.4f to %.4f, want %s", tc.name, prev, now, tc.pWin)
		}
		before = got
	}
}

// TestConfidenceEndpoints: labels in the caller's language, the judgement's gap, plan
// checks, and bad query values named.
func TestConfidenceEndpoints(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	deal := w.deal.ID
	if err := w.ts.db.Exec(`UPDATE deals SET manual_probability = 0.9 WHERE id = ?`, deal).Error; err != nil {
		t.Fatal(err)
	}
	var zh struct {
		freshFigures
		ManualProbability *float64 `json:"manual_probability"`
		GapPoints         *float64 `json:"gap_points"`
		GapFlagged        bool     `json:"gap_flagged"`
	}
	decode(t, pmo.do("GET", "/api/v1/deals/"+deal+"/confidence?period=2027-Q1&as_of=2026-12-01", "", "Accept-Language", "zh-CN"), &zh)
	if zh.Period != "2027-Q1" || zh.AsOf != "2026-12-01" || len(zh.Factors) == 0 || zh.Factors[0].Key != "no_decision_maker" || zh.Factors[0].Label != "未识别决策者" {
		t.Errorf("zh-CN confidence = %+v", zh)
	}
	if zh.GapPoints == nil || math.Abs(*zh.GapPoints-(0.9-zh.Confidence)*100) > 1e-9 || !zh.GapFlagged {
		t.Errorf("gap = %v flagged %v for manual 0.9 and confidence %.3f", zh.GapPoints, zh.GapFlagged, zh.Confidence)
	}

	// A plan whose bid window is shorter than the law's 20 days is listed.
	tender, bid := w.milestone(t, w.plan, "tender_published"), w.milestone(t, w.plan, "bid_submitted")
	start := bid.PlannedDue.AddDate(0, 0, -5)
	if err := w.ts.db.Exec(`UPDATE milestones SET planned_start = ?, planned_due = GREATEST(planned_due, ?) WHERE id = ?`, start, start, tender.ID).Error; err != nil {
		t.Fatal(err)
	}
	var checks struct {
		Items []struct {
			Rule         string   `json:"rule"`
			Label        string   `json:"label"`
			MilestoneIDs []string `json:"milestone_ids"`
			MinimumDays  int      `json:"minimum_days"`
			PlannedDays  int      `json:"planned_days"`
		} `json:"items"`
	}
	decode(t, pmo.do("GET", "/api/v1/deals/"+deal+"/plan/checks", ""), &checks)
	found := false
	for _, c := range checks.Items {
		if c.Rule == "bid_window" {
			found = c.MinimumDays == 20 && c.PlannedDays == 5 && len(c.MilestoneIDs) == 2 && strings.Contains(c.Label, "20")
		}
	}
	if !found {
		t.Errorf("plan checks = %+v, want bid_window 5 < 20 days", checks.Items)
	}

	for _, tc := range []struct {
		target, field string
		status        int
	}{
		{"/api/v1/deals/" + deal + "/confidence?period=2026-Q5", "period", 400},
		{"/api/v1/deals/" + deal + "/confidence?as_of=yesterday", "as_of", 400},
		{"/api/v1/deals/" + deal + "/confidence?as_of=2026-02-30", "as_of", 400},
		{"/api/v1/deals?confidence_min=high", "confidence_min", 400},
		{"/api/v1/deals?confidence_max=1.5", "confidence_max", 400},
		{"/api/v1/deals?confidence_min=NaN", "confidence_min", 400},
		{"/api/v1/deals?period=2019-Q1&sort=-confidence", "period", 422},
		{"/api/v1/deals?period=2019-05&confidence_min=0.2", "period", 422},
	} {
		rec := pmo.do("GET", tc.target, "")
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != tc.status || body.Error.Fields[tc.field] == "" {
			t.Errorf("GET %s: %d %s, want %d naming %s", tc.target, rec.Code, rec.Body, tc.status, tc.field)
		}
	}
	// Outside the window without sorting or filtering: items simply carry no figure.
	var list listResponse[listFigures]
	decode(t, pmo.do("GET", "/api/v1/deals?period=2019-Q1", ""), &list)
	if len(list.Items) != 0 {
		t.Errorf("2019-Q1 lists %d deals", len(list.Items))
	}
	if code := w.ts.signIn(w.outsider.Email).do("GET", "/api/v1/deals/"+deal+"/confidence", "").Code; code != http.StatusNotFound {
		t.Errorf("an outsider reading the confidence: %d, want 404", code)
	}
}

// TestFiscalYearChangeRecomputesTheStoredQuarters: the fiscal year start month names the
// quarters the figures are stored under, so changing it (PATCH /settings) recomputes
// them in the same transaction: afterwards the list's confidence for the quarter the
// deal is expected to close in, under the new names, equals a fresh run.
func TestFiscalYearChangeRecomputesTheStoredQuarters(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	admin := w.ts.signIn(w.admin.Email)
	var settings struct {
		Version int `json:"version"`
	}
	decode(t, admin.do("GET", "/api/v1/settings", ""), &settings)
	var fresh struct {
		freshFigures
		ExpectedClose string `json:"expected_close"`
	}
	decode(t, admin.do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence", ""), &fresh)
	closeOn, err := time.Parse("2006-01-02", fresh.ExpectedClose)
	if err != nil {
		t.Fatal(err)
	}
	// With the fiscal year from January, quarters are calendar quarters. The list's period
	// also picks deals by target close date: the deal's is moved into that quarter.
	period := fmt.Sprintf("%d-Q%d", closeOn.Year(), (int(closeOn.Month())-1)/3+1)
	var deal idVersion
	decode(t, admin.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &deal)
	body := `{"target_close_date":"` + fresh.ExpectedClose + `"}`
	if rec := admin.do("PATCH", "/api/v1/deals/"+w.deal.ID, body, "If-Match", etag(deal.Version)); rec.Code != http.StatusOK {
		t.Fatalf("deal: %d %s", rec.Code, rec.Body)
	}

	if rec := admin.do("PATCH", "/api/v1/settings", `{"fiscal_year_start_month":1}`, "If-Match", etag(settings.Version)); rec.Code != http.StatusOK {
		t.Fatalf("settings: %d %s", rec.Code, rec.Body)
	}
	var list listResponse[listFigures]
	decode(t, admin.do("GET", "/api/v1/deals?limit=500&sort=-confidence&period="+period, ""), &list)
	decode(t, admin.do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence?period="+period, ""), &fresh)
	for _, it := range list.Items {
		if it.ID != w.deal.ID {
			continue
		}
		if it.ConfidencePeriod != period || it.Confidence == nil || math.Abs(*it.Confidence-fresh.Confidence) > 1e-9 || math.Abs(*it.PInPeriod-fresh.PInPeriod) > 1e-9 {
			t.Fatalf("after the change the list has %+v for %s, a fresh run confidence %.6f, in period %.6f", it, period, fresh.Confidence, fresh.PInPeriod)
		}
		if fresh.PInPeriod == 0 {
			t.Fatalf("the deal has no chance to close in %s, its expected close's quarter: the test checks nothing", period)
		}
		return
	}
	t.Fatalf("deal not listed for %s", period)
}
