package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"summit/domain/identity"
)

// TestAccessReadAheadDecidesAsAuthorizationDid: the deal's access read with the
// credential (deals.ReadAccessAhead) lets in and keeps out exactly whom the separate read
// did, for a session and an API token, on a deal's and a milestone's routes: the deal team
// and its team's readers in, an outsider and unknown ids out as 404, a read-only colleague
// refused a change with 403 — and each answer costs one statement fewer than before.
func TestAccessReadAheadDecidesAsAuthorizationDid(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	ts := w.ts
	pmo := ts.signIn(w.pmo.Email)
	outsider := ts.signIn(w.outsider.Email)
	colleague := ts.signIn(w.teamMember.Email)
	token, _, err := ts.id.CreateToken(context.Background(), identity.Actor{UserID: w.outsider.ID}, "script")
	if err != nil {
		t.Fatal(err)
	}
	outsiderToken := func(method, target, body string, headers ...string) *httptest.ResponseRecorder {
		return ts.do(method, target, body, append([]string{"Authorization", "Bearer " + token}, headers...)...)
	}
	if rec := outsiderToken("GET", "/api/v1/me", ""); rec.Code != http.StatusOK { // the token's first use is written
		t.Fatalf("first use of the token: %d %s", rec.Code, rec.Body)
	}
	m := w.milestone(t, w.loadPlan(t, pmo), w.plan[0].Key)
	deal := "/api/v1/deals/" + w.deal.ID
	milestone := "/api/v1/milestones/" + m.ID
	const unknown = "00000000-0000-4000-8000-00000000beef"

	tests := []struct {
		name string
		send func() *httptest.ResponseRecorder
		want int
	}{
		{"the pmo reads the deal", func() *httptest.ResponseRecorder { return pmo.do("GET", deal, "") }, http.StatusOK},
		{"the pmo reads a milestone", func() *httptest.ResponseRecorder { return pmo.do("GET", milestone, "") }, http.StatusOK},
		{"a colleague of the deal's team reads the deal", func() *httptest.ResponseRecorder { return colleague.do("GET", deal, "") }, http.StatusOK},
		{"a colleague may not change a milestone", func() *httptest.ResponseRecorder {
			return colleague.do("PATCH", milestone, `{"exit_criteria":"x"}`, "If-Match", etag(m.Version))
		}, http.StatusForbidden},
		{"an outsider's session: the deal is not found", func() *httptest.ResponseRecorder { return outsider.do("GET", deal, "") }, http.StatusNotFound},
		{"an outsider's token: the deal is not found", func() *httptest.ResponseRecorder { return outsiderToken("GET", deal, "") }, http.StatusNotFound},
		{"an outsider's token: the milestone is not found", func() *httptest.ResponseRecorder { return outsiderToken("GET", milestone, "") }, http.StatusNotFound},
		{"an unknown deal", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/deals/"+unknown, "") }, http.StatusNotFound},
		{"an unknown milestone", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/milestones/"+unknown, "") }, http.StatusNotFound},
		{"a deal id that is no uuid", func() *httptest.ResponseRecorder { return pmo.do("GET", "/api/v1/deals/not-a-uuid", "") }, http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.send()
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want, rec.Body)
			}
			if n := ts.statements(); tc.want != http.StatusOK && n > 1 {
				t.Errorf("%d statements to refuse, want 1 (the credential with the deal's access)", n)
			}
		})
	}
}
