package handlers

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestRiskViewsComeAPageAtATime: each risk view answers ?limit= items with a next_cursor
// that walks the rest without repeats; a member sees only the deals they may read; bad
// paging parameters are a 400 naming them.
func TestRiskViewsComeAPageAtATime(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	am := w.ts.signIn(w.business.Email)
	w.createG2BDeal(t, pmo, "Data exchange")
	w.createG2BDeal(t, pmo, "Open data portal")
	yesterday := time.Now().AddDate(0, 0, -1).Format("2006-01-02")
	for _, name := range []string{"Director Zhao", "Engineer Qian", "Manager Sun"} {
		rec := am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"`+name+`","decision_role":"user","influence":2,
			"stance":"neutral","next_step":"Call","next_step_due":"`+yesterday+`"}`)
		if rec.Code != http.StatusCreated {
			t.Fatalf("add stakeholder: %d %s", rec.Code, rec.Body)
		}
	}

	// walk follows next_cursor at one item a page and returns the ids seen.
	walk := func(t *testing.T, b *browser, path string, idOf func(map[string]any) string) []string {
		t.Helper()
		var ids []string
		cursor := ""
		for pages := 0; pages < 10; pages++ {
			target := path + "?limit=1"
			if cursor != "" {
				target += "&cursor=" + url.QueryEscape(cursor)
			}
			var page listResponse[map[string]any]
			rec := b.do("GET", target, "")
			decode(t, rec, &page)
			if rec.Code != http.StatusOK || len(page.Items) > 1 {
				t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
			}
			for _, it := range page.Items {
				ids = append(ids, idOf(it))
			}
			if page.NextCursor == nil {
				return ids
			}
			cursor = *page.NextCursor
		}
		t.Fatalf("%s: more than 10 pages", path)
		return nil
	}
	byID := func(field string) func(map[string]any) string {
		return func(it map[string]any) string { s, _ := it[field].(string); return s }
	}
	for _, tc := range []struct {
		path, idField string
		pmoWants      int
	}{
		{"/api/v1/risks/coverage", "deal_id", 3},
		{"/api/v1/risks/next-steps", "id", 3},
	} {
		t.Run(tc.path, func(t *testing.T) {
			ids := walk(t, pmo, tc.path, byID(tc.idField))
			seen := map[string]bool{}
			for _, id := range ids {
				if seen[id] || id == "" {
					t.Fatalf("walk %v repeats or lacks an id", ids)
				}
				seen[id] = true
			}
			if len(ids) != tc.pmoWants {
				t.Fatalf("walked %d items, want %d", len(ids), tc.pmoWants)
			}
			if ids := walk(t, w.ts.signIn(w.outsider.Email), tc.path, byID(tc.idField)); len(ids) != 0 {
				t.Fatalf("outsider sees %v", ids)
			}
		})
	}

	var first listResponse[coverageResponse]
	decode(t, pmo.do("GET", "/api/v1/risks/coverage?limit=1", ""), &first)
	if first.NextCursor == nil {
		t.Fatal("no next_cursor")
	}
	wire := func(json string) string { return base64.RawURLEncoding.EncodeToString([]byte(json)) }
	for _, tc := range []struct{ target, field string }{
		{"/api/v1/risks/gates?limit=0", "limit"},
		{"/api/v1/risks/next-steps?limit=501", "limit"},
		{"/api/v1/risks/coverage?limit=ten", "limit"},
		{"/api/v1/risks/coverage?sort=name", "sort"},
		{"/api/v1/risks/gates?cursor=not-a-cursor", "cursor"},
		{"/api/v1/risks/next-steps?cursor=" + url.QueryEscape(*first.NextCursor), "cursor"}, // another list's
		{"/api/v1/risks/coverage?deal_id=1", "deal_id"},
		{"/api/v1/risks/gates?cursor=" + wire(`{"s":"due","v":"soon","id":"`+w.deal.ID+`"}`), "cursor"},
		{"/api/v1/risks/gates?cursor=" + wire(`{"s":"due","v":"2026-12-01 not-a-gate","id":"`+w.deal.ID+`"}`), "cursor"},
		{"/api/v1/risks/next-steps?cursor=" + wire(`{"s":"next_step_due","v":"yesterday","id":"`+w.deal.ID+`"}`), "cursor"},
	} {
		var body errorBody
		rec := pmo.do("GET", tc.target, "")
		decode(t, rec, &body)
		if rec.Code != http.StatusBadRequest || body.Error.Fields[tc.field] == "" {
			t.Errorf("GET %s: %d %s, want 400 naming %s", tc.target, rec.Code, rec.Body, tc.field)
		}
	}
}
