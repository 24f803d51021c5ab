package handlers

import (
	"net/http"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestTwoInstancesShareSessionsAndSeeChangesOnTheNextRequest runs two app instances with
// their own connection pools on one database, as behind a load balancer: a session made
// on one works on the other, and membership or deactivation changed through one applies
// to the very next request on the other (nothing is cached per instance).
func TestTwoInstancesShareSessionsAndSeeChangesOnTheNextRequest(t *testing.T) {
	t.Parallel()
	a := newTestServer(t)
	gdb, sqlDB := a.db, a.sql
	b := newTestServerOn(t, gdb, sqlDB, Options{})
	if a.srv == b.srv {
		t.Fatal("the two instances share a server")
	}
	a.user("admin@example.com", identity.RoleAdmin)
	li := a.user("li@example.com", identity.RoleMember)

	adminOnA := a.signIn("admin@example.com")
	liOnA := a.signIn("li@example.com")
	liOnB := &browser{ts: b, cookie: liOnA.cookie, csrf: liOnA.csrf} // same cookie, other instance
	if code := liOnB.do("GET", "/api/v1/me", "").Code; code != http.StatusOK {
		t.Fatalf("session from instance A on instance B: %d", code)
	}

	var team teamResponse
	decode(t, adminOnA.do("POST", "/api/v1/teams", `{"name":"North China"}`), &team)
	if rec := adminOnA.do("PUT", "/api/v1/teams/"+team.ID+"/members", `{"user_ids":["`+li.ID+`"]}`, "If-Match", `"1"`); rec.Code != http.StatusOK {
		t.Fatalf("set members on A: %d %s", rec.Code, rec.Body)
	}
	if me := liOnB.do("GET", "/api/v1/me", ""); !strings.Contains(me.Body.String(), team.ID) {
		t.Fatalf("B does not see the membership made on A: %s", me.Body)
	}

	if rec := adminOnA.do("PATCH", "/api/v1/users/"+li.ID, `{"active":false}`, "If-Match", `"1"`); rec.Code != http.StatusOK {
		t.Fatalf("deactivate on A: %d %s", rec.Code, rec.Body)
	}
	if code := liOnB.do("GET", "/api/v1/me", "").Code; code != http.StatusUnauthorized {
		t.Fatalf("deactivated user still served by B: %d", code)
	}
}
