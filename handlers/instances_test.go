package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"strings"
	"testing"

	"gorm.io/gorm"

	"summit/domain/identity"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestTwoInstancesShareSessionsAndSeeChangesOnTheNextRequest runs two app instances with
// their own connection pools on one database, as behind a load balancer: a session made
// on one works on the other, membership or deactivation changed through one applies to
// the very next request on the other (nothing is cached per instance), and the other
// keeps serving when the first one's pool is gone.
func TestTwoInstancesShareSessionsAndSeeChangesOnTheNextRequest(t *testing.T) {
	t.Parallel()
	a, b := twoInstances(t)
	if a.srv == b.srv || a.sql == b.sql {
		t.Fatal("the two instances share a server or a connection pool")
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
	if b.sql.Stats().OpenConnections == 0 {
		t.Fatal("B answered without a connection of its own pool")
	}

	// Instance A goes away with its pool; B, on its own pool, still serves A's sessions.
	if err := a.sql.Close(); err != nil {
		t.Fatal(err)
	}
	adminOnB := &browser{ts: b, cookie: adminOnA.cookie, csrf: adminOnA.csrf}
	if rec := adminOnB.do("GET", "/api/v1/teams/"+team.ID, ""); rec.Code != http.StatusOK {
		t.Fatalf("B with A's pool closed: %d %s", rec.Code, rec.Body)
	}
}

// twoInstances builds two app instances over one fresh database, each with its own
// connection pool, as behind a load balancer.
func twoInstances(t *testing.T) (a, b *testServer) {
	t.Helper()
	url := dbtest.URL(t)
	gdbA, sqlA := openPool(t, url)
	gdbB, sqlB := openPool(t, url)
	return newTestServerOn(t, gdbA, sqlA, Options{}), newTestServerOn(t, gdbB, sqlB, Options{})
}

// openPool opens a connection pool of its own on the database at url, as another
// instance of the app would; it is closed when t ends.
func openPool(t *testing.T, url string) (*gorm.DB, *sql.DB) {
	t.Helper()
	gdb, sqlDB, err := repository.Open(context.Background(), url, repository.PoolOptions{MaxOpenConns: 4, MaxIdleConns: 4}, dbtest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return gdb, sqlDB
}
