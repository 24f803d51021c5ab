package handlers

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestQueryTextAndCursorsAreCheckedBeforeSQL: text and cursors that PostgreSQL would
// refuse (NUL, invalid UTF-8, a cursor value of the wrong kind) are a 400 naming the
// parameter on every list, never a 500.
func TestQueryTextAndCursorsAreCheckedBeforeSQL(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	admin := ts.signIn("admin@example.com")
	const id = "7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59"
	cursor := func(json string) string { return base64.RawURLEncoding.EncodeToString([]byte(json)) }
	tests := []struct {
		target, field string
	}{
		{"/api/v1/deals?q=%00", "q"},
		{"/api/v1/deals?q=%FF%FE", "q"},
		{"/api/v1/users?q=a%00b", "q"},
		{"/api/v1/users?q=%C3%28", "q"},
		{"/api/v1/customers?q=%00", "q"},
		{"/api/v1/customers?q=%FF", "q"},
		{"/api/v1/audit?q=%00", "q"},
		{"/api/v1/audit?action=%00", "action"},
		{"/api/v1/audit?action=%FF", "action"},
		{"/api/v1/deals?segment=%00", "segment"},
		{"/api/v1/risks/gates?deal_id=%00", "deal_id"},
		{"/api/v1/deals?customer_id=not-a-uuid", "customer_id"},
		{"/api/v1/deals?member_id=1", "member_id"},
		{"/api/v1/deals?%00=1", "query"},
		{"/api/v1/deals?sort=target_close_date&cursor=" + cursor(`{"s":"target_close_date","v":"soon","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=target_close_date&cursor=" + cursor(`{"s":"target_close_date","v":"0000-01-01","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=amount_minor&cursor=" + cursor(`{"s":"amount_minor","v":"1e999","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=-created_at&cursor=" + cursor(`{"s":"-created_at","v":"yesterday","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=-confidence&cursor=" + cursor(`{"s":"-confidence","v":"high","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=confidence&cursor=" + cursor(`{"s":"confidence","v":"NaN","id":"`+id+`"}`), "cursor"},
		{"/api/v1/deals?sort=-confidence&confidence_min=0.1&cursor=" + cursor(`{"s":"-confidence","v":"5e-01","id":"`+id+`"}`), ""}, // a fitting cursor
		{"/api/v1/users?sort=created_at&cursor=" + cursor(`{"s":"created_at","v":"0000-01-01T00:00:00Z","id":"`+id+`"}`), "cursor"},
		{"/api/v1/users?cursor=" + cursor(`{"s":"name","v":"Li","id":"`+id+`' OR 1=1"}`), "cursor"},
		{"/api/v1/customers?cursor=" + cursor(`{"s":"name","v":"\u0000","id":"`+id+`"}`), "cursor"},
		{"/api/v1/audit?cursor=" + cursor(`{"s":"-at","v":"2026-13-45","id":"`+id+`"}`), "cursor"},
		{"/api/v1/audit?cursor=" + cursor(`{"s":"-at","v":"2026-11-23T10:00:00Z","id":"`+id+`"}`), ""}, // a fitting cursor
	}
	for _, tc := range tests {
		rec := admin.do("GET", tc.target, "")
		if tc.field == "" {
			if rec.Code != http.StatusOK {
				t.Errorf("GET %s: %d %s, want 200", tc.target, rec.Code, rec.Body)
			}
			continue
		}
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != http.StatusBadRequest || body.Error.Fields[tc.field] == "" {
			t.Errorf("GET %s: %d %s, want 400 naming %s", tc.target, rec.Code, rec.Body, tc.field)
		}
	}
}

// TestSignInRefusesTextItCannotStore: a NUL or a 4,000-character email is a 422 naming
// email, before any lookup or password hashing.
func TestSignInRefusesTextItCannotStore(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("li@example.com", identity.RoleMember)
	for name, body := range map[string]string{
		"NUL in email":     `{"email":"li@example.com\u0000","password":"` + testPassword + `"}`,
		"NUL in password":  `{"email":"li@example.com","password":"a\u0000b"}`,
		"4,000-char email": `{"email":"` + strings.Repeat("a", 4000) + `@example.com","password":"x"}`,
	} {
		rec := ts.do("POST", "/api/v1/auth/login", body)
		var got errorBody
		decode(t, rec, &got)
		field := "email"
		if strings.Contains(name, "password") {
			field = "password"
		}
		if rec.Code != http.StatusUnprocessableEntity || got.Error.Fields[field] == "" {
			t.Errorf("%s: %d %s, want 422 naming %s", name, rec.Code, rec.Body, field)
		}
	}
}

// TestDealTeamNeedsAList: PUT /deals/{id}/team with no list (empty, null, an object)
// is 400 naming "team", and the team stays as it was.
func TestDealTeamNeedsAList(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	for _, body := range []string{"", "null", "{}", "[] []"} {
		rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/team", body, "If-Match", etag(w.deal.Version+1))
		var got errorBody
		decode(t, rec, &got)
		if rec.Code != http.StatusBadRequest || got.Error.Fields["team"] == "" {
			t.Errorf("team %q: %d %s, want 400 naming team", body, rec.Code, rec.Body)
		}
	}
	var d dealResponse
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID, ""), &d)
	if len(d.Team) != 3 {
		t.Errorf("team after refused requests = %v, want the 3 members", d.Team)
	}
}
