package handlers

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/identity"
)

// doFrom sends a request as if its TCP peer were remoteAddr.
func (ts *testServer) doFrom(remoteAddr, method, target, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.RemoteAddr = remoteAddr
	if body != "" {
		req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Add(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	ts.e.ServeHTTP(rec, req)
	return rec
}

// TestForwardedHeadersAreBelievedOnlyFromTrustedProxies: with SUMMIT_TRUSTED_PROXIES=10.0.0.0/8
// the audit trail records the client behind a trusted proxy, and the TCP peer when anyone
// else (including loopback and private addresses not listed) sends X-Forwarded-For.
func TestForwardedHeadersAreBelievedOnlyFromTrustedProxies(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts = newTestServerOn(t, ts.db, ts.sql, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	ts.user("admin@example.com", identity.RoleAdmin)

	tests := []struct {
		name       string
		peer       string
		xff        []string // X-Forwarded-For header lines
		proto      string
		wantIP     string
		wantSecure bool
	}{
		{name: "no proxy", peer: "203.0.113.50:4000", wantIP: "203.0.113.50"},
		{name: "forged by an untrusted client", peer: "203.0.113.50:4000", xff: []string{"198.51.100.7"}, proto: "https", wantIP: "203.0.113.50"},
		{name: "forged from loopback not listed", peer: "127.0.0.1:4000", xff: []string{"198.51.100.7"}, proto: "https", wantIP: "127.0.0.1"},
		{name: "forged from a private address not listed", peer: "192.168.1.10:4000", xff: []string{"198.51.100.7"}, wantIP: "192.168.1.10"},
		{name: "trusted proxy", peer: "10.0.0.5:4000", xff: []string{"198.51.100.7"}, proto: "https", wantIP: "198.51.100.7", wantSecure: true},
		{name: "trusted proxy, client forged an earlier hop", peer: "10.0.0.5:4000", xff: []string{"6.6.6.6, 198.51.100.7"}, wantIP: "198.51.100.7"},
		{name: "two trusted proxies", peer: "10.0.0.5:4000", xff: []string{"198.51.100.8", "10.1.2.3"}, wantIP: "198.51.100.8"},
		{name: "trusted proxy says http", peer: "10.0.0.5:4000", xff: []string{"198.51.100.9"}, proto: "http", wantIP: "198.51.100.9"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			email := fmt.Sprintf("case%d@example.com", i)
			var headers []string
			for _, line := range tc.xff {
				headers = append(headers, echo.HeaderXForwardedFor, line)
			}
			if tc.proto != "" {
				headers = append(headers, echo.HeaderXForwardedProto, tc.proto)
			}
			rec := ts.doFrom(tc.peer, "POST", "/api/v1/auth/login", `{"email":"`+email+`","password":"wrong password!"}`, headers...)
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("failed sign-in = %d %s", rec.Code, rec.Body)
			}
			if ip := failedSignInIP(t, ts, email); ip != tc.wantIP {
				t.Errorf("audit trail records %s, want %s", ip, tc.wantIP)
			}
			ok := ts.doFrom(tc.peer, "POST", "/api/v1/auth/login", `{"email":"admin@example.com","password":"`+testPassword+`"}`, headers...)
			if ok.Code != http.StatusOK {
				t.Fatalf("sign-in = %d %s", ok.Code, ok.Body)
			}
			if secure := ok.Result().Cookies()[0].Secure; secure != tc.wantSecure {
				t.Errorf("cookie Secure = %v, want %v", secure, tc.wantSecure)
			}
		})
	}
}

// failedSignInIP is the address the audit trail recorded for the failed sign-in as email.
func failedSignInIP(t *testing.T, ts *testServer, email string) string {
	t.Helper()
	page, err := ts.id.ListAudit(t.Context(), identity.AuditFilter{Action: identity.AuditLoginFailed}, domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "at", Desc: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Items {
		if e.Details["email"] == email {
			return e.IP
		}
	}
	t.Fatalf("no failed sign-in audited for %s", email)
	return ""
}

// TestForgedForwardedForDoesNotEscapeTheSignInThrottle: a client rotating X-Forwarded-For
// on every attempt is still one address to the per-address throttle.
func TestForgedForwardedForDoesNotEscapeTheSignInThrottle(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts = newTestServerOn(t, ts.db, ts.sql, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	var codes []int
	for i := range 30 {
		// A new account each time, so only the per-address limit can apply.
		body := fmt.Sprintf(`{"email":"guess%d@example.com","password":"wrong password!"}`, i)
		rec := ts.doFrom("203.0.113.50:4000", "POST", "/api/v1/auth/login", body,
			echo.HeaderXForwardedFor, fmt.Sprintf("198.51.100.%d", i+1))
		codes = append(codes, rec.Code)
	}
	if last := codes[len(codes)-1]; last != http.StatusTooManyRequests {
		t.Fatalf("30 failed sign-ins from one address with forged X-Forwarded-For answered %v; the last should be 429", codes)
	}
}
