package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"summit/domain/identity"
)

// BenchmarkAuthorizedRequest is the whole cost of one signed-in API read: bearer token
// lookup, user load, casbin check, handler, JSON — against the real database.
// BenchmarkAuthorizeOnly isolates the authorization step (casbin over derived roles).
func BenchmarkAuthorizedRequest(b *testing.B) {
	ts := newTestServer(b)
	u := ts.user("bench@example.com", identity.RoleMember)
	token, _, err := ts.id.CreateToken(context.Background(), identity.Actor{UserID: u.ID}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	target := "/api/v1/users/" + u.ID
	for b.Loop() {
		req := httptest.NewRequest("GET", target, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		ts.e.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkAuthorizeOnly(b *testing.B) {
	ts := newTestServer(b)
	caller := identity.Caller{User: identity.User{Role: identity.RoleMember}}
	for b.Loop() {
		if !ts.srv.deps.Policy.Allowed(globalRoles(caller), "users", "read") {
			b.Fatal("denied")
		}
	}
}

// BenchmarkDealRead is GET /deals/{id} for a member of the deal team signed in with a
// session: authentication, the deal's access, the deal with its team and its plan
// (docs/benchmarks.md, "Statements per request").
func BenchmarkDealRead(b *testing.B) {
	w := newDealWorld(b)
	pmo := w.ts.signIn(w.pmo.Email)
	target := "/api/v1/deals/" + w.deal.ID
	for b.Loop() {
		if rec := pmo.do("GET", target, ""); rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
