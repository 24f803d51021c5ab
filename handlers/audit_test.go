package handlers

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"summit/domain/identity"
)

// TestAuditNamesAndFilters: the audit log names who acted and what it was about, and
// filters by actor, subject type and day in the query itself (every page only holds
// matching events); malformed filters are a 4xx naming the parameter.
func TestAuditNamesAndFilters(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	me := ts.user("other@example.com", identity.RoleAdmin)
	admin, other := ts.signIn("admin@example.com"), ts.signIn("other@example.com")
	if rec := admin.do("POST", "/api/v1/teams", `{"name":"North"}`); rec.Code != http.StatusCreated {
		t.Fatalf("create team: %d %s", rec.Code, rec.Body)
	}
	var teams listResponse[teamResponse]
	decode(t, admin.do("GET", "/api/v1/teams", ""), &teams)
	if rec := other.do("PATCH", "/api/v1/teams/"+teams.Items[0].ID, `{"name":"North China"}`, "If-Match", `"1"`); rec.Code != http.StatusOK {
		t.Fatalf("rename team: %d %s", rec.Code, rec.Body)
	}
	today := time.Now().UTC().Format("2006-01-02")
	yesterday := time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02")

	filters := []struct {
		name, query string
		want        []string // the actions listed, newest first
	}{
		{"by actor", "actor_id=" + me.ID, []string{"team.updated", "auth.login"}},
		{"by subject", "subject_type=team", []string{"team.updated", "team.created"}},
		{"by actor and subject", "subject_type=team&actor_id=" + me.ID, []string{"team.updated"}},
		{"today", "subject_type=team&from=" + today + "&to=" + today, []string{"team.updated", "team.created"}},
		{"until yesterday", "to=" + yesterday, nil},
	}
	for _, tt := range filters {
		var page listResponse[auditResponse]
		// Pages of one: the filter holds across the cursor.
		next := "/api/v1/audit?limit=1&" + tt.query
		var got []string
		for next != "" {
			rec := admin.do("GET", next, "")
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", tt.name, rec.Code, rec.Body)
			}
			page = listResponse[auditResponse]{}
			decode(t, rec, &page)
			for _, ev := range page.Items {
				got = append(got, ev.Action)
			}
			next = ""
			if page.NextCursor != nil {
				next = "/api/v1/audit?limit=1&" + tt.query + "&cursor=" + *page.NextCursor
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}

	var page listResponse[auditResponse]
	decode(t, admin.do("GET", "/api/v1/audit?action=team.updated", ""), &page)
	if len(page.Items) != 1 {
		t.Fatalf("team.updated events: %+v", page.Items)
	}
	ev := page.Items[0]
	if ev.ActorName == nil || *ev.ActorName != "other" || ev.SubjectName == nil || *ev.SubjectName != "North China" {
		t.Fatalf("names: actor %v, subject %v", ev.ActorName, ev.SubjectName)
	}

	bad := []struct{ query, field string }{
		{"actor_id=someone", "actor_id"},
		{"subject_type=planet", "subject_type"},
		{"from=30.11.2026", "from"},
		{"to=2026-02-30", "to"},
		{"from=" + today + "&to=" + yesterday, "to"},
	}
	for _, tt := range bad {
		rec := admin.do("GET", "/api/v1/audit?"+tt.query, "")
		if rec.Code < 400 || rec.Code >= 500 || !strings.Contains(rec.Body.String(), `"`+tt.field+`"`) {
			t.Errorf("%s: %d %s, want a 4xx naming %s", tt.query, rec.Code, rec.Body, tt.field)
		}
	}
}
