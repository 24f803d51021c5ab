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
// deal list 6–7, stakeholders 8, the board 17–18, a milestone update 34. A status update
// is 8: authentication with the deal's access (read ahead in the same statement:
// deals.ReadAccessAhead), BEGIN, the deal's lock, the plan, the update with its activity
// entry, the engine's inputs with the fiscal year, the figures, COMMIT.
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
		{"GET a deal (session, deal team)", func() *httptest.ResponseRecorder { return pmo.do("GET", deal, "") }, 3},
		{"GET a deal (API token)", func() *httptest.ResponseRecorder { return bearer("GET", deal, "") }, 3},
		{"GET a deal (reader through the team tree)", func() *httptest.ResponseRecorder { return colleague.do("GET", deal, "") }, 3},
		{"GET a deal (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", deal, "") }, 3},
		{"GET a deal's plan", func() *httptest.ResponseRecorder { return pmo.do("GET", deal+"/milestones", "") }, 2},
		{"GET a milestone", func() *httptest.ResponseRecorder {
			path, _ := milestone(first)
			return pmo.do("GET", path, "")
		}, 2},
		{"GET the deal list (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/deals", "") }, 3},
		{"GET the deal list (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", "/api/v1/deals", "") }, 3},
		{"GET the deals summary (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/deals/summary?q=city", "") }, 3},
		{"GET My actions (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/me/actions", "") }, 2},
		{"GET a deal's stakeholders", func() *httptest.ResponseRecorder { return pmo.do("GET", deal+"/stakeholders", "") }, 3},
		{"GET the board (member)", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/boards/confidence", "") }, 15},
		{"GET the board (admin)", func() *httptest.ResponseRecorder { return admin.do("GET", "/api/v1/boards/confidence", "") }, 15},
		{"PATCH a milestone's exit criteria", func() *httptest.ResponseRecorder {
			path, v := milestone(first)
			return pmo.do("PATCH", path, `{"exit_criteria":"Signed off"}`, "If-Match", v)
		}, 6},
		// A change the confidence engine reads also recomputes the deal's stored figures in
		// the same transaction: 2 statements of the 8 (its inputs with the fiscal year, the
		// figures).
		{"PATCH a milestone's status (API token)", func() *httptest.ResponseRecorder {
			path, v := milestone(first)
			return bearer("PATCH", path, `{"status":"in_progress"}`, "If-Match", v)
		}, 8},
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

// TestTeamChangesReachTheNextRequestOnEveryInstance: the caller's reach through the team
// tree is read with the credential on every request, so a move in the tree or a change
// of members made through one app instance decides the very next request on another
// instance over the same database (nothing is cached per instance).
func TestTeamChangesReachTheNextRequestOnEveryInstance(t *testing.T) {
	t.Parallel()
	a, b := twoInstances(t)
	w := newDealWorldOn(t, a)
	admin := a.signIn(w.admin.Email)
	eastOnA := a.signIn(w.outsider.Email) // East China: a sibling of the deal's team
	eastOnB := &browser{ts: b, cookie: eastOnA.cookie, csrf: eastOnA.csrf}
	deal := "/api/v1/deals/" + w.deal.ID

	team := func(id string) teamResponse {
		var tr teamResponse
		decode(t, admin.do("GET", "/api/v1/teams/"+id, ""), &tr)
		return tr
	}
	change := func(method, path, body string, version int) {
		if rec := admin.do(method, path, body, "If-Match", etag(version)); rec.Code != http.StatusOK {
			t.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
		}
	}
	steps := []struct {
		name   string
		change func()
		want   int
	}{
		{"a sibling team's member", func() {}, http.StatusNotFound},
		{"the deal's team moved under theirs", func() {
			change("PATCH", "/api/v1/teams/"+w.north.ID, `{"parent_id":"`+w.east.ID+`"}`, team(w.north.ID).Version)
		}, http.StatusOK},
		{"moved back", func() {
			change("PATCH", "/api/v1/teams/"+w.north.ID, `{"parent_id":"`+w.gov.ID+`"}`, team(w.north.ID).Version)
		}, http.StatusNotFound},
		{"made a member of the deal's team", func() {
			change("PUT", "/api/v1/teams/"+w.north.ID+"/members",
				`{"user_ids":["`+w.pmo.ID+`","`+w.teamMember.ID+`","`+w.outsider.ID+`"]}`, team(w.north.ID).Version)
		}, http.StatusOK},
		{"no longer a member", func() {
			change("PUT", "/api/v1/teams/"+w.north.ID+"/members",
				`{"user_ids":["`+w.pmo.ID+`","`+w.teamMember.ID+`"]}`, team(w.north.ID).Version)
		}, http.StatusNotFound},
	}
	for _, st := range steps {
		st.change()
		for name, br := range map[string]*browser{"instance A": eastOnA, "instance B": eastOnB} {
			if code := br.do("GET", deal, "").Code; code != st.want {
				t.Errorf("%s, on %s: GET the deal = %d, want %d", st.name, name, code, st.want)
			}
		}
	}
}

// TestMilestoneUpdateAnswersAsTheNextReadDoes: the answer to a milestone update (built
// from the UPDATE's RETURNING, not a re-read) is what reading the milestone gives: its
// dependencies in plan order, its baseline date and its new version. A change the
// confidence engine does not read leaves the stored figures as they were; one it reads
// recomputes them in the same transaction.
func TestMilestoneUpdateAnswersAsTheNextReadDoes(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/baselines", `{"name":"Agreed plan","reason":"Kick-off"}`); rec.Code != http.StatusCreated {
		t.Fatalf("baseline: %d %s", rec.Code, rec.Body)
	}
	computedAt := func() (at time.Time) {
		if err := w.ts.db.Raw("SELECT computed_at FROM deal_confidence WHERE deal_id = ?", w.deal.ID).Scan(&at).Error; err != nil {
			t.Fatal(err)
		}
		return at
	}
	plan := w.loadPlan(t, pmo)
	last := plan[len(plan)-1]
	tests := []struct {
		name      string
		body      string
		recompute bool
	}{
		{"exit criteria and dependencies given out of plan order", `{"exit_criteria":"Signed by both","depends_on":["` + plan[1].ID + `","` + plan[0].ID + `"]}`, true},
		{"exit criteria only", `{"exit_criteria":"Signed and filed"}`, false},
		{"name and assignee", `{"name":"Contract signed (final)","assignee_id":"` + w.pmo.ID + `"}`, false},
		{"weight", `{"weight":7}`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var current milestoneResponse
			decode(t, pmo.do("GET", "/api/v1/milestones/"+last.ID, ""), &current)
			before := computedAt()
			rec := pmo.do("PATCH", "/api/v1/milestones/"+last.ID, tc.body, "If-Match", etag(current.Version))
			if rec.Code != http.StatusOK {
				t.Fatalf("PATCH: %d %s", rec.Code, rec.Body)
			}
			read := pmo.do("GET", "/api/v1/milestones/"+last.ID, "")
			if rec.Body.String() != read.Body.String() || rec.Header().Get("ETag") != read.Header().Get("ETag") {
				t.Errorf("the update answered\n%s (ETag %s)\nthe next read\n%s (ETag %s)", rec.Body, rec.Header().Get("ETag"), read.Body, read.Header().Get("ETag"))
			}
			var got milestoneResponse
			decode(t, rec, &got)
			if got.Version != current.Version+1 || got.BaselineDue == nil {
				t.Errorf("version %d (was %d), baseline due %v", got.Version, current.Version, got.BaselineDue)
			}
			if recomputed := computedAt().After(before); recomputed != tc.recompute {
				t.Errorf("figures recomputed: %v, want %v", recomputed, tc.recompute)
			}
		})
	}
}
