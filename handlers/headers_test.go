package handlers

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestSecurityHeadersOnEveryResponse walks SPA routes, assets, API successes and errors
// and checks the headers a security review looks for.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	admin := ts.signIn("admin@example.com")

	const (
		app = "app"
		api = "api"
	)
	tests := []struct {
		name       string
		method     string
		target     string
		body       string
		signedIn   bool
		wantStatus int
		wantCSP    string // app or api
		wantCache  string
	}{
		{"SPA root", "GET", "/", "", false, 200, app, "no-cache"},
		{"SPA client route", "GET", "/deals/42/plan", "", false, 200, app, "no-cache"},
		{"hashed asset", "GET", "/assets/app-1234.js", "", false, 200, app, "public, max-age=31536000, immutable"},
		{"other static file", "GET", "/favicon.svg", "", false, 200, app, "no-store"},
		{"missing asset", "GET", "/assets/gone.js", "", false, 404, app, "no-store"},
		{"health", "GET", "/healthz", "", false, 200, app, "no-store"},
		{"metrics not served", "GET", "/metrics", "", false, 404, app, "no-store"},
		{"API success", "GET", "/api/v1/meta", "", false, 200, api, "no-store"},
		{"API list signed in", "GET", "/api/v1/users", "", true, 200, api, "no-store"},
		{"sign-in with the CSRF token", "POST", "/api/v1/auth/login", `{"email":"admin@example.com","password":"` + testPassword + `"}`, false, 200, api, "no-store"},
		{"me with the CSRF token", "GET", "/api/v1/me", "", true, 200, api, "no-store"},
		{"failed sign-in", "POST", "/api/v1/auth/login", `{"email":"admin@example.com","password":"wrong password!"}`, false, 401, api, "no-store"},
		{"API unauthenticated", "GET", "/api/v1/users", "", false, 401, api, "no-store"},
		{"API unknown route", "GET", "/api/v1/nope", "", false, 404, api, "no-store"},
		{"API wrong method", "DELETE", "/api/v1/meta", "", false, 405, api, "no-store"},
		{"API malformed body", "POST", "/api/v1/users", `{"email":`, true, 400, api, "no-store"},
		{"API validation error", "POST", "/api/v1/users", `{"email":"nope"}`, true, 422, api, "no-store"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rec *httptest.ResponseRecorder
			if tc.signedIn {
				rec = admin.do(tc.method, tc.target, tc.body)
			} else {
				rec = ts.do(tc.method, tc.target, tc.body)
			}
			if rec.Code != tc.wantStatus {
				t.Fatalf("status = %d, want %d: %s", rec.Code, tc.wantStatus, rec.Body)
			}
			h := rec.Header()
			want := map[string]string{
				"X-Content-Type-Options": "nosniff",
				"X-Frame-Options":        "DENY",
				"Referrer-Policy":        "strict-origin-when-cross-origin",
				"Cache-Control":          tc.wantCache,
			}
			for name, value := range want {
				if got := h.Get(name); got != value {
					t.Errorf("%s = %q, want %q", name, got, value)
				}
			}
			csp := h.Get("Content-Security-Policy")
			var directives []string
			if tc.wantCSP == app {
				directives = []string{"default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"}
			} else {
				directives = []string{"default-src 'none'", "frame-ancestors 'none'"}
			}
			for _, d := range directives {
				if !strings.Contains(csp, d) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, d)
				}
			}
			if strings.Contains(csp, "unsafe-eval") || strings.Contains(strings.SplitN(csp+"script-src", "script-src", 2)[1], "unsafe-inline;") {
				t.Errorf("Content-Security-Policy %q allows inline or eval'd script", csp)
			}
			if hsts := h.Get("Strict-Transport-Security"); hsts != "" {
				t.Errorf("HSTS %q over plain HTTP", hsts)
			}
		})
	}
}

// TestHSTSOnlyOverTLS: HSTS is sent when the connection is TLS or a trusted proxy says
// https, never because a client says so.
func TestHSTSOnlyOverTLS(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts = newTestServerOn(t, ts.db, ts.sql, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	tests := []struct {
		name     string
		peer     string
		tls      bool
		proto    string
		wantHSTS bool
	}{
		{"plain HTTP", "203.0.113.5:1000", false, "", false},
		{"TLS", "203.0.113.5:1000", true, "", true},
		{"client claims https", "203.0.113.5:1000", false, "https", false},
		{"trusted proxy says https", "10.0.0.2:1000", false, "https", true},
		{"trusted proxy says http", "10.0.0.2:1000", false, "http", false},
	}
	for _, tc := range tests {
		for _, target := range []string{"/", "/api/v1/meta"} {
			t.Run(tc.name+" "+target, func(t *testing.T) {
				req := httptest.NewRequest("GET", target, nil)
				req.RemoteAddr = tc.peer
				if tc.tls {
					req.TLS = &tls.ConnectionState{}
				}
				if tc.proto != "" {
					req.Header.Set("X-Forwarded-Proto", tc.proto)
				}
				rec := httptest.NewRecorder()
				ts.e.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					t.Fatalf("status %d", rec.Code)
				}
				hsts := rec.Header().Get("Strict-Transport-Security")
				if tc.wantHSTS != (hsts == "max-age=31536000") || (!tc.wantHSTS && hsts != "") {
					t.Fatalf("Strict-Transport-Security = %q, want it: %v", hsts, tc.wantHSTS)
				}
			})
		}
	}
}
