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
