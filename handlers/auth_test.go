package handlers

import (
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"summit/domain/identity"
)

func TestSignInSetsASafeCookieAndANewSessionEachTime(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("li.wei@example.com", identity.RoleMember)

	first := ts.do("POST", "/api/v1/auth/login", `{"email":"Li.Wei@Example.com","password":"`+testPassword+`"}`)
	if first.Code != http.StatusOK {
		t.Fatalf("login: %d %s", first.Code, first.Body)
	}
	cookie := first.Result().Cookies()[0]
	if cookie.Name != sessionCookie || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("cookie = %+v; want HttpOnly, SameSite=Lax, not Secure over plain HTTP", cookie)
	}
	var body sessionResponse
	decode(t, first, &body)
	if body.User.Email != "li.wei@example.com" || body.CSRFToken == nil || *body.CSRFToken == "" || strings.Contains(first.Body.String(), "password") {
		t.Fatalf("login body = %s", first.Body)
	}
	if strings.Join(body.Permissions, ",") != "users:read,teams:read,templates:read,targets:read,settings:read,customers:read,customers:write,fx_rates:read" {
		t.Errorf("member permissions = %v", body.Permissions)
	}
	second := ts.signIn("li.wei@example.com")
	if second.cookie == cookie.Value {
		t.Fatal("a second sign-in reused the session id")
	}
	// X-Forwarded-Proto is only believed from a trusted proxy (SUMMIT_TRUSTED_PROXIES);
	// httptest requests come from 192.0.2.1.
	login := `{"email":"li.wei@example.com","password":"` + testPassword + `"}`
	if ts.do("POST", "/api/v1/auth/login", login, "X-Forwarded-Proto", "https").Result().Cookies()[0].Secure {
		t.Error("a client's own X-Forwarded-Proto made the cookie Secure")
	}
	otherProxy := newTestServerOn(t, ts.db, ts.sql, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	if otherProxy.do("POST", "/api/v1/auth/login", login, "X-Forwarded-Proto", "https").Result().Cookies()[0].Secure {
		t.Error("X-Forwarded-Proto from an address outside SUMMIT_TRUSTED_PROXIES made the cookie Secure")
	}
	proxied := newTestServerOn(t, ts.db, ts.sql, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}})
	if !proxied.do("POST", "/api/v1/auth/login", login, "X-Forwarded-Proto", "https").Result().Cookies()[0].Secure {
		t.Error("behind a TLS proxy the cookie is not Secure")
	}
}

func TestFailedSignInsLookTheSameAndAreThrottled(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("known@example.com", identity.RoleMember)
	inactive := ts.user("gone@example.com", identity.RoleMember)
	if _, err := ts.id.UpdateUser(t.Context(), identity.Actor{}, inactive.ID, inactive.Version, identity.UserPatch{Active: new(false)}); err != nil {
		t.Fatal(err)
	}

	var messages []string
	for _, body := range []string{
		`{"email":"known@example.com","password":"wrong password!"}`,
		`{"email":"nobody@example.com","password":"wrong password!"}`,
		`{"email":"gone@example.com","password":"` + testPassword + `"}`,
	} {
		rec := ts.do("POST", "/api/v1/auth/login", body)
		if rec.Code != http.StatusUnauthorized || errorCode(t, rec) != "invalid_credentials" {
			t.Fatalf("%s → %d %s", body, rec.Code, rec.Body)
		}
		messages = append(messages, rec.Body.String())
	}
	if messages[0] != messages[1] || messages[1] != messages[2] {
		t.Fatalf("failures differ, leaking which accounts exist: %v", messages)
	}

	// Four more wrong passwords reach the per-account limit of five.
	for range 4 {
		ts.do("POST", "/api/v1/auth/login", `{"email":"known@example.com","password":"wrong password!"}`)
	}
	rec := ts.do("POST", "/api/v1/auth/login", `{"email":"known@example.com","password":"`+testPassword+`"}`)
	if rec.Code != http.StatusTooManyRequests || errorCode(t, rec) != "throttled" {
		t.Fatalf("sixth attempt: %d %s; want 429 even with the right password", rec.Code, rec.Body)
	}
	if secs, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || secs < 1 || secs > 900 {
		t.Fatalf("Retry-After = %q", rec.Header().Get("Retry-After"))
	}
	// Another account from another address is not affected.
	ts.user("other@example.com", identity.RoleMember)
	ts.signIn("other@example.com")
}

func TestSessionsNeedCSRFAndEndOnSignOutAndDeactivation(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	admin := ts.user("admin@example.com", identity.RoleAdmin)
	member := ts.user("member@example.com", identity.RoleMember)
	b := ts.signIn(member.Email)

	// A cookie request that changes something needs the CSRF header…
	noCSRF := ts.do("POST", "/api/v1/me/tokens", `{"name":"x"}`, "Cookie", sessionCookie+"="+b.cookie)
	if noCSRF.Code != http.StatusForbidden || errorCode(t, noCSRF) != "csrf_failed" {
		t.Fatalf("without CSRF: %d %s", noCSRF.Code, noCSRF.Body)
	}
	// …a bearer token does not.
	created := b.do("POST", "/api/v1/me/tokens", `{"name":"export script"}`)
	if created.Code != http.StatusCreated {
		t.Fatalf("create token: %d %s", created.Code, created.Body)
	}
	var tok createdTokenResponse
	decode(t, created, &tok)
	bearer := func(method, target, body string) int {
		return ts.do(method, target, body, "Authorization", "Bearer "+tok.Token).Code
	}
	if code := bearer("GET", "/api/v1/me", ""); code != http.StatusOK {
		t.Fatalf("bearer GET /me = %d", code)
	}
	if code := bearer("PATCH", "/api/v1/me", `{"locale":"zh-CN"}`); code != http.StatusPreconditionRequired {
		t.Fatalf("bearer PATCH without If-Match = %d, want 428 (past CSRF, stopped by If-Match)", code)
	}

	// Deactivation ends the member's session and token at once.
	rec := ts.signIn(admin.Email).do("PATCH", "/api/v1/users/"+member.ID, `{"active":false}`, "If-Match", `"1"`)
	if rec.Code != http.StatusOK {
		t.Fatalf("deactivate: %d %s", rec.Code, rec.Body)
	}
	if code := b.do("GET", "/api/v1/me", "").Code; code != http.StatusUnauthorized {
		t.Fatalf("deactivated session: %d, want 401", code)
	}
	if code := bearer("GET", "/api/v1/me", ""); code != http.StatusUnauthorized {
		t.Fatalf("deactivated token: %d, want 401", code)
	}

	// Sign-out revokes the session server-side: the old cookie stops working.
	a := ts.signIn(admin.Email)
	if code := a.do("POST", "/api/v1/auth/logout", "").Code; code != http.StatusNoContent {
		t.Fatalf("logout = %d", code)
	}
	if code := a.do("GET", "/api/v1/me", "").Code; code != http.StatusUnauthorized {
		t.Fatalf("after logout = %d, want 401", code)
	}
}

func TestTokensAreListedWithoutSecretsAndRevocable(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("a@example.com", identity.RoleMember)
	ts.user("b@example.com", identity.RoleMember)
	a, b := ts.signIn("a@example.com"), ts.signIn("b@example.com")
	var tok createdTokenResponse
	decode(t, a.do("POST", "/api/v1/me/tokens", `{"name":"sheet"}`), &tok)
	if !strings.HasPrefix(tok.Token, identity.TokenPrefix) {
		t.Fatalf("token %q", tok.Token)
	}
	ts.do("GET", "/api/v1/me", "", "Authorization", "Bearer "+tok.Token)

	list := a.do("GET", "/api/v1/me/tokens", "")
	if strings.Contains(list.Body.String(), tok.Token) || !strings.Contains(list.Body.String(), `"name":"sheet"`) || strings.Contains(list.Body.String(), `"last_used_at":null`) {
		t.Fatalf("token list = %s; want the name and last use, never the secret", list.Body)
	}
	if code := b.do("DELETE", "/api/v1/me/tokens/"+tok.ID, "").Code; code != http.StatusNotFound {
		t.Fatalf("another user revoking my token: %d, want 404", code)
	}
	// An admin sees the member's token (never its secret) and could revoke it.
	ts.user("root@example.com", identity.RoleAdmin)
	admin := ts.signIn("root@example.com")
	var me sessionResponse
	decode(t, a.do("GET", "/api/v1/me", ""), &me)
	seen := admin.do("GET", "/api/v1/users/"+me.User.ID+"/tokens", "")
	if seen.Code != http.StatusOK || !strings.Contains(seen.Body.String(), tok.ID) || strings.Contains(seen.Body.String(), tok.Token) {
		t.Fatalf("admin token list: %d %s", seen.Code, seen.Body)
	}
	if code := a.do("DELETE", "/api/v1/me/tokens/"+tok.ID, "").Code; code != http.StatusNoContent {
		t.Fatalf("revoke = %d", code)
	}
	if code := ts.do("GET", "/api/v1/me", "", "Authorization", "Bearer "+tok.Token).Code; code != http.StatusUnauthorized {
		t.Fatalf("revoked token still works: %d", code)
	}
}

func TestProfileLanguageAndPassword(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("li@example.com", identity.RoleMember)
	b := ts.signIn("li@example.com")
	rec := b.do("PATCH", "/api/v1/me", `{"locale":"zh-CN"}`, "If-Match", `"1"`)
	if rec.Code != http.StatusOK || rec.Header().Get("ETag") != `"2"` {
		t.Fatalf("PATCH /me = %d %s etag %s", rec.Code, rec.Body, rec.Header().Get("ETag"))
	}
	// Errors now come in the user's language.
	stale := b.do("PATCH", "/api/v1/me", `{"name":"Li"}`, "If-Match", `"1"`)
	if stale.Code != http.StatusPreconditionFailed || !strings.Contains(stale.Body.String(), "其他人已修改") {
		t.Fatalf("stale PATCH = %d %s", stale.Code, stale.Body)
	}
	wrong := b.do("POST", "/api/v1/me/password", `{"current_password":"not my password","new_password":"a brand new secret"}`)
	if wrong.Code != http.StatusUnprocessableEntity || !strings.Contains(wrong.Body.String(), "current_password") {
		t.Fatalf("wrong current password = %d %s", wrong.Code, wrong.Body)
	}
	short := b.do("POST", "/api/v1/me/password", `{"current_password":"`+testPassword+`","new_password":"short"}`)
	if short.Code != http.StatusUnprocessableEntity || !strings.Contains(short.Body.String(), "new_password") {
		t.Fatalf("short new password = %d %s", short.Code, short.Body)
	}
	if code := b.do("POST", "/api/v1/me/password", `{"current_password":"`+testPassword+`","new_password":"a brand new secret"}`).Code; code != http.StatusNoContent {
		t.Fatalf("change password = %d", code)
	}
	if code := b.do("GET", "/api/v1/me", "").Code; code != http.StatusUnauthorized {
		t.Fatalf("old session after password change = %d, want 401", code)
	}
	ok := ts.do("POST", "/api/v1/auth/login", `{"email":"li@example.com","password":"a brand new secret"}`)
	if ok.Code != http.StatusOK {
		t.Fatalf("sign in with the new password = %d", ok.Code)
	}
}
