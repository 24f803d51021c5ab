package handlers

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// currentDeal reads the deal as the PMO sees it.
func (w *dealWorld) currentDeal(t *testing.T) dealResponse {
	t.Helper()
	var d dealResponse
	decode(t, w.ts.signIn(w.pmo.Email).do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	return d
}

// judgementEntries are the deal's deal.judgement_updated activity entries, newest first.
func (w *dealWorld) judgementEntries(t *testing.T) []activityResponse {
	t.Helper()
	var page listResponse[activityResponse]
	decode(t, w.ts.signIn(w.pmo.Email).do("GET", "/api/v1/deals/"+w.deal.ID+"/activity?limit=200", ""), &page)
	var out []activityResponse
	for _, a := range page.Items {
		if a.Action == "deal.judgement_updated" {
			out = append(out, a)
		}
	}
	return out
}

// TestJudgementBesideTheModel: the deal's PMO and business role set the forecast
// category, a manual probability and a note; others may not, the business role may set
// nothing else, bad values are 422 naming the field, null clears the probability, a stale
// version changes nothing, and each change is one activity entry with before and after.
func TestJudgementBesideTheModel(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	if d := w.currentDeal(t); d.ForecastCategory != "pipeline" || d.ManualProbability != nil || d.JudgementNote != "" {
		t.Fatalf("a new deal's judgement = %q %v %q, want pipeline, null, empty", d.ForecastCategory, d.ManualProbability, d.JudgementNote)
	}
	tests := []struct {
		name      string
		who       string
		body      string
		stale     bool
		code      int
		field     string   // the field the error names
		wantCat   string   // after the request
		wantProb  *float64 // after the request
		wantNote  string
		wantEntry bool // a new deal.judgement_updated entry
	}{
		{name: "PMO commits with a probability and a note", who: w.pmo.Email,
			body: `{"forecast_category":"commit","manual_probability":0.8,"judgement_note":"Budget approved"}`,
			code: 200, wantCat: "commit", wantProb: ptr(0.8), wantNote: "Budget approved", wantEntry: true},
		{name: "business role moves it to best case", who: w.business.Email, body: `{"forecast_category":"best_case","manual_probability":0.55}`,
			code: 200, wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved", wantEntry: true},
		{name: "solution role may not", who: w.solution.Email, body: `{"forecast_category":"commit"}`,
			code: 403, wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "member of the deal's team may not", who: w.teamMember.Email, body: `{"forecast_category":"commit"}`,
			code: 403, wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "business role sending the name", who: w.business.Email, body: `{"name":"Renamed","forecast_category":"commit"}`,
			code: 403, field: "name", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "an unknown category", who: w.pmo.Email, body: `{"forecast_category":"maybe"}`,
			code: 422, field: "forecast_category", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "a probability over 1", who: w.pmo.Email, body: `{"manual_probability":1.5}`,
			code: 422, field: "manual_probability", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "a probability below 0", who: w.business.Email, body: `{"manual_probability":-0.1}`,
			code: 422, field: "manual_probability", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "a probability as text", who: w.pmo.Email, body: `{"manual_probability":"0.5"}`,
			code: 400, field: "manual_probability", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "a note over 2000 characters", who: w.pmo.Email, body: `{"judgement_note":` + text(2001) + `}`,
			code: 422, field: "judgement_note", wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "a stale version changes nothing", who: w.pmo.Email, body: `{"forecast_category":"omitted"}`, stale: true,
			code: 412, wantCat: "best_case", wantProb: ptr(0.55), wantNote: "Budget approved"},
		{name: "null clears the probability", who: w.business.Email, body: `{"manual_probability":null}`,
			code: 200, wantCat: "best_case", wantNote: "Budget approved", wantEntry: true},
		{name: "the same values again are no change", who: w.pmo.Email, body: `{"forecast_category":"best_case","manual_probability":null}`,
			code: 200, wantCat: "best_case", wantNote: "Budget approved"},
		{name: "an admin clears the note", who: w.admin.Email, body: `{"judgement_note":""}`,
			code: 200, wantCat: "best_case", wantEntry: true},
	}
	for _, tc := range tests {
		before := w.currentDeal(t)
		entries := len(w.judgementEntries(t))
		version := before.Version
		if tc.stale {
			version--
		}
		rec := w.ts.signIn(tc.who).do("PATCH", "/api/v1/deals/"+w.deal.ID, tc.body, "If-Match", etag(version))
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.code)
		}
		if tc.field != "" {
			if _, ok := errorFields(rec)[tc.field]; !ok {
				t.Errorf("%s: fields %v, want %q named", tc.name, errorFields(rec), tc.field)
			}
		}
		after := w.currentDeal(t)
		if after.ForecastCategory != tc.wantCat || !sameProbability(after.ManualProbability, tc.wantProb) || after.JudgementNote != tc.wantNote {
			t.Errorf("%s: judgement %q %v %q, want %q %v %q", tc.name, after.ForecastCategory, deref(after.ManualProbability),
				after.JudgementNote, tc.wantCat, deref(tc.wantProb), tc.wantNote)
		}
		if tc.code != 200 && after.Version != before.Version {
			t.Errorf("%s: refused, yet the version went %d → %d", tc.name, before.Version, after.Version)
		}
		got := w.judgementEntries(t)
		switch {
		case tc.wantEntry && len(got) != entries+1:
			t.Errorf("%s: %d judgement entries, want %d", tc.name, len(got), entries+1)
		case !tc.wantEntry && len(got) != entries:
			t.Errorf("%s: %d judgement entries, want %d (no change)", tc.name, len(got), entries)
		}
	}

	// The first entry holds before → after of the judgement fields, by the PMO.
	entries := w.judgementEntries(t)
	if len(entries) == 0 {
		t.Fatal("no judgement entries")
	}
	first := entries[len(entries)-1]
	b, _ := first.Before.(map[string]any)
	a, _ := first.After.(map[string]any)
	if b["forecast_category"] != "pipeline" || b["manual_probability"] != nil || b["judgement_note"] != "" ||
		a["forecast_category"] != "commit" || a["manual_probability"] != 0.8 || a["judgement_note"] != "Budget approved" {
		t.Errorf("first judgement entry %v → %v, want pipeline/null/'' → commit/0.8/'Budget approved'", first.Before, first.After)
	}
	if first.ActorID == nil || *first.ActorID != w.pmo.ID {
		t.Errorf("first judgement entry by %v, want the PMO", first.ActorID)
	}
}

// TestJudgementPermissionTellsTheSPA: GET /deals/{id} lists deal.judgement:write for
// those who may set the judgement (PMO, business role, admins) and for no one else.
func TestJudgementPermissionTellsTheSPA(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	for _, tc := range []struct {
		who   string
		email string
		want  bool
	}{
		{"pmo", w.pmo.Email, true},
		{"business role", w.business.Email, true},
		{"admin", w.admin.Email, true},
		{"solution role", w.solution.Email, false},
		{"member of the deal's team", w.teamMember.Email, false},
	} {
		var d dealResponse
		rec := w.ts.signIn(tc.email).do("GET", "/api/v1/deals/"+w.deal.ID, "")
		if rec.Code != http.StatusOK {
			t.Fatalf("%s reads the deal: %d", tc.who, rec.Code)
		}
		decode(t, rec, &d)
		if got := slices.Contains(d.Permissions, "deal.judgement:write"); got != tc.want {
			t.Errorf("%s: deal.judgement:write in %s = %v, want %v", tc.who, strings.Join(d.Permissions, ","), got, tc.want)
		}
	}
}

func ptr(f float64) *float64 { return &f }

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func sameProbability(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}
