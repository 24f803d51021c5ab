package handlers

import (
	"net/http"
	"strings"
	"testing"

	"summit/domain/identity"
)

func TestAdminManagesUsers(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	admin := ts.signIn("admin@example.com")

	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantField  string
	}{
		{"created", `{"email":"New.Member@Example.com","name":"New Member","role":"member","locale":"zh-CN","password":"long enough pass"}`, 201, ""},
		{"email taken whatever its case", `{"email":"new.member@example.com","name":"Again","role":"member","password":"long enough pass"}`, 409, ""},
		{"short password", `{"email":"x@example.com","name":"X","role":"member","password":"short"}`, 422, "password"},
		{"unknown role", `{"email":"x@example.com","name":"X","role":"owner","password":"long enough pass"}`, 422, "role"},
		{"bad email", `{"email":"nope","name":"X","role":"member","password":"long enough pass"}`, 422, "email"},
	}
	for _, tc := range tests {
		rec := admin.do("POST", "/api/v1/users", tc.body)
		if rec.Code != tc.wantStatus {
			t.Fatalf("%s: %d %s", tc.name, rec.Code, rec.Body)
		}
		if tc.wantField != "" {
			var body errorBody
			decode(t, rec, &body)
			if body.Error.Fields[tc.wantField] == "" {
				t.Errorf("%s: fields %v do not name %s", tc.name, body.Error.Fields, tc.wantField)
			}
		}
	}
	list := admin.do("GET", "/api/v1/users?q=new.member", "")
	if !strings.Contains(list.Body.String(), `"email":"new.member@example.com"`) || strings.Contains(list.Body.String(), "password") {
		t.Fatalf("search = %s", list.Body)
	}
	var page listResponse[userResponse]
	decode(t, list, &page)
	created := page.Items[0]
	if created.Locale != "zh-CN" || created.Role != "member" || !created.Active {
		t.Fatalf("created = %+v", created)
	}

	// A stale PATCH changes nothing; a fresh one applies and bumps the version.
	if rec := admin.do("PATCH", "/api/v1/users/"+created.ID, `{"role":"executive"}`, "If-Match", `"7"`); rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("stale PATCH = %d", rec.Code)
	}
	rec := admin.do("PATCH", "/api/v1/users/"+created.ID, `{"role":"executive"}`, "If-Match", `"1"`)
	var updated userResponse
	decode(t, rec, &updated)
	if rec.Code != http.StatusOK || updated.Role != "executive" || updated.Version != 2 || rec.Header().Get("ETag") != `"2"` {
		t.Fatalf("PATCH = %d %s", rec.Code, rec.Body)
	}
	// Reset password: the user signs in with the new one.
	if rec := admin.do("POST", "/api/v1/users/"+created.ID+"/password", `{"password":"reset by admin!"}`); rec.Code != http.StatusNoContent {
		t.Fatalf("reset = %d %s", rec.Code, rec.Body)
	}
	if rec := ts.do("POST", "/api/v1/auth/login", `{"email":"new.member@example.com","password":"reset by admin!"}`); rec.Code != http.StatusOK {
		t.Fatalf("sign in after reset = %d", rec.Code)
	}
	// An admin cannot lock themselves out.
	me := admin.do("GET", "/api/v1/me", "")
	var session sessionResponse
	decode(t, me, &session)
	if rec := admin.do("PATCH", "/api/v1/users/"+session.User.ID, `{"active":false}`, "If-Match", `"1"`); rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("self-deactivation = %d", rec.Code)
	}
	if rec := admin.do("GET", "/api/v1/users/not-a-uuid", ""); rec.Code != http.StatusNotFound {
		t.Fatalf("malformed id = %d, want 404", rec.Code)
	}
}
