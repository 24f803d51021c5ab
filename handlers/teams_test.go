package handlers

import (
	"net/http"
	"strings"
	"testing"

	"summit/domain/identity"
)

func TestAdminManagesTheTeamTree(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	li := ts.user("li@example.com", identity.RoleMember)
	admin := ts.signIn("admin@example.com")

	create := func(body string) teamResponse {
		t.Helper()
		rec := admin.do("POST", "/api/v1/teams", body)
		if rec.Code != http.StatusCreated {
			t.Fatalf("create %s: %d %s", body, rec.Code, rec.Body)
		}
		var team teamResponse
		decode(t, rec, &team)
		return team
	}
	gov := create(`{"name":"Government"}`)
	north := create(`{"name":"North","parent_id":"` + gov.ID + `"}`)
	beijing := create(`{"name":"Beijing","parent_id":"` + north.ID + `"}`)
	if rec := admin.do("POST", "/api/v1/teams", `{"name":"north","parent_id":"`+gov.ID+`"}`); rec.Code != http.StatusConflict {
		t.Fatalf("duplicate sibling name = %d", rec.Code)
	}

	// Moving a team under its own descendant is a 422 naming parent_id; nothing changes.
	rec := admin.do("PATCH", "/api/v1/teams/"+gov.ID, `{"parent_id":"`+beijing.ID+`"}`, "If-Match", `"1"`)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "parent_id") {
		t.Fatalf("cycle = %d %s", rec.Code, rec.Body)
	}
	// Moving Beijing to the root (parent_id null) works; renaming keeps the parent.
	rec = admin.do("PATCH", "/api/v1/teams/"+beijing.ID, `{"parent_id":null}`, "If-Match", `"1"`)
	var moved teamResponse
	decode(t, rec, &moved)
	if rec.Code != http.StatusOK || moved.ParentID != nil || moved.Version != 2 {
		t.Fatalf("move to root = %d %s", rec.Code, rec.Body)
	}
	rec = admin.do("PATCH", "/api/v1/teams/"+north.ID, `{"name":"North China"}`, "If-Match", `"1"`)
	var renamed teamResponse
	decode(t, rec, &renamed)
	if renamed.Name != "North China" || renamed.ParentID == nil || *renamed.ParentID != gov.ID {
		t.Fatalf("rename = %s", rec.Body)
	}

	// Members: set, then visible on the team and on the user.
	rec = admin.do("PUT", "/api/v1/teams/"+north.ID+"/members", `{"user_ids":["`+li.ID+`"]}`, "If-Match", `"2"`)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), li.ID) {
		t.Fatalf("set members = %d %s", rec.Code, rec.Body)
	}
	if rec := admin.do("GET", "/api/v1/users/"+li.ID, ""); !strings.Contains(rec.Body.String(), `"team_ids":["`+north.ID+`"]`) {
		t.Fatalf("user teams = %s", rec.Body)
	}
	if rec := admin.do("PUT", "/api/v1/teams/"+north.ID+"/members", `{"user_ids":["00000000-0000-4000-8000-000000000000"]}`, "If-Match", `"3"`); rec.Code != http.StatusConflict {
		t.Fatalf("unknown member = %d %s", rec.Code, rec.Body)
	}

	// A team with sub-teams cannot be deleted; a leaf can.
	if rec := admin.do("DELETE", "/api/v1/teams/"+gov.ID, "", "If-Match", `"1"`); rec.Code != http.StatusConflict {
		t.Fatalf("delete parent = %d", rec.Code)
	}
	if rec := admin.do("DELETE", "/api/v1/teams/"+beijing.ID, "", "If-Match", `"1"`); rec.Code != http.StatusPreconditionFailed {
		t.Fatalf("stale delete = %d", rec.Code)
	}
	if rec := admin.do("DELETE", "/api/v1/teams/"+beijing.ID, "", "If-Match", `"2"`); rec.Code != http.StatusNoContent {
		t.Fatalf("delete leaf = %d %s", rec.Code, rec.Body)
	}
	var list listResponse[teamResponse]
	decode(t, admin.do("GET", "/api/v1/teams", ""), &list)
	if len(list.Items) != 2 {
		t.Fatalf("teams left = %+v", list.Items)
	}

	// Every change is in the audit trail, with actor and what changed.
	var audit listResponse[auditResponse]
	decode(t, admin.do("GET", "/api/v1/audit?limit=100", ""), &audit)
	actions := map[string]int{}
	for _, ev := range audit.Items {
		actions[ev.Action]++
		if ev.Action == identity.AuditTeamUpdated && ev.ActorEmail != nil && *ev.ActorEmail != "admin@example.com" {
			t.Errorf("team update by %v", *ev.ActorEmail)
		}
	}
	for action, want := range map[string]int{"team.created": 3, "team.updated": 2, "team.members_set": 1, "team.deleted": 1, "auth.login": 1} {
		if actions[action] != want {
			t.Errorf("audit has %d %s, want %d (all: %v)", actions[action], action, want, actions)
		}
	}
}
