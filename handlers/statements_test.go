package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"summit/domain/identity"
)

// TestStatementsPerRequest pins how many SQL statements (BEGIN and COMMIT included) the
// main endpoints send per request: a user-facing performance contract, since every
// statement costs a round trip and CPU on both sides (issue 12: a deal read ≤ 4, a
// milestone update ≤ 8). Counting statements is deterministic, so a maximum is asserted.
// Before issue 12 the same table counted: a deal 9–11, its plan 8, a milestone 9, the
// deal list 6–7, stakeholders 8, the board 17–18, a milestone update 34.
func TestStatementsPerRequest(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	ts := w.ts
	ctx := context.Background()
	// A stopped clock: no session or token falls due for its once-a-minute last-seen
	// write in the middle of the table.
	now := time.Now().UTC()
	ts.id.Now = func() time.Time { return now }
	pmo := ts.signIn(w.pmo.Email)
	colleague := ts.signIn(w.teamMember.Email) // reads through the deal's team
	admin := ts.signIn(w.admin.Email)
	token, _, err := ts.id.CreateToken(ctx, identity.Actor{UserID: w.pmo.ID}, "script")
	if err != nil {
		t.Fatal(err)
	}
	bearer := func(method, target, body string, headers ...string) *httptest.ResponseRecorder {
		return ts.do(method, target, body, append([]string{"Authorization", "Bearer " + token}, headers...)...)
	}
	if rec := bearer("GET", "/api/v1/me", ""); rec.Code != http.StatusOK { // the token's first use is written
		t.Fatalf("first use of the token: %d %s", rec.Code, rec.Body)
	}
	rec := ts.signIn(w.business.Email).do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"Director Zhao","decision_role":"decision_maker","influence":5,"stance":"champion"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("add stakeholder: %d %s", rec.Code, rec.Body)
	}
	deal := "/api/v1/deals/" + w.deal.ID
	milestone := func(key string) (path, ifMatch string) {
		m := w.milestone(t, w.loadPlan(t, pmo), key)
		return "/api/v1/milestones/" + m.ID, etag(m.Version)
	}
	first := w.plan[0].Key

	tests := []struct {
		name string
		send func() *httptest.ResponseRecorder
		max  int64
	}{
		{"GET a deal (session, deal team)", func() *httptest.ResponseRecorder { return pmo.do("GET", deal, "") }, 4},
		{"GET a deal (API token)", func() *httptest.ResponseRecorder { return bearer("GET", deal, "") }, 4},
		{"GET a deal (reader through the team tree)", func() *httptest.ResponseRecorder { return colleague.do("GET", deal, "") }, 4},
		{"GET a deal (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", deal, "") }, 4},
		{"GET a deal's plan", func() *httptest.ResponseRecorder { return pmo.do("GET", deal+"/milestones", "") }, 3},
		{"GET a milestone", func() *httptest.ResponseRecorder {
			path, _ := milestone(first)
			return pmo.do("GET", path, "")
		}, 3},
		{"GET the deal list (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/deals", "") }, 4},
		{"GET the deal list (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", "/api/v1/deals", "") }, 4},
		{"GET a deal's stakeholders", func() *httptest.ResponseRecorder { return pmo.do("GET", deal+"/stakeholders", "") }, 4},
		{"GET the board (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/boards/confidence", "") }, 15},
		{"GET the board (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", "/api/v1/boards/confidence", "") }, 15},
		{"PATCH a milestone's exit criteria", func() *httptest.ResponseRecorder {
			path, v := milestone(first)
			return pmo.do("PATCH", path, `{"exit_criteria":"Signed off"}`, "If-Match", v)
		}, 8},
		// A change the confidence engine reads also recomputes the deal's stored figures in
		// the same transaction: 5 statements of the 13.
		{"PATCH a milestone's status (API token)", func() *httptest.ResponseRecorder {
			path, v := milestone(first)
			return bearer("PATCH", path, `{"status":"in_progress"}`, "If-Match", v)
		}, 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.send()
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			n := ts.statements()
			t.Logf("%d statements", n)
			if n > tc.max {
				t.Errorf("%d statements, want at most %d", n, tc.max)
			}
		})
	}
}
