package handlers

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestRoutesAnswerAsAUserExpects drives the real server: health, the SPA and its client
// routes, JSON 404s under /api, and errors in the documented shape.
func TestRoutesAnswerAsAUserExpects(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	e := ts.e
	e.GET("/api/v1/test-panic", func(echo.Context) error { panic("secret internals") })
	e.POST("/api/v1/test-echo", func(c echo.Context) error {
		var m map[string]any
		if err := c.Bind(&m); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, m)
	})

	tests := []struct {
		name       string
		method     string
		target     string
		body       string
		headers    []string
		wantStatus int
		wantCode   string // error code, when an error is expected
		wantBody   string // substring of the body
		wantHeader [2]string
	}{
		{name: "alive", method: "GET", target: "/healthz", wantStatus: 200, wantBody: `"ok"`},
		{name: "ready with database", method: "GET", target: "/readyz", wantStatus: 200, wantBody: `"ready"`},
		{name: "meta", method: "GET", target: "/api/v1/meta", wantStatus: 200, wantBody: `"fiscal_year_start_month":4`},
		{name: "openapi served", method: "GET", target: "/api/v1/openapi.json", wantStatus: 200, wantBody: `"openapi":"3.0.3"`},
		{name: "SPA root", method: "GET", target: "/", wantStatus: 200, wantBody: "<title>Summit</title>", wantHeader: [2]string{"Cache-Control", "no-cache"}},
		{name: "SPA client route falls back to index", method: "GET", target: "/deals", wantStatus: 200, wantBody: "<title>Summit</title>"},
		{name: "SPA nested client route", method: "GET", target: "/deals/42/plan?tab=gantt", wantStatus: 200, wantBody: "<title>Summit</title>"},
		{name: "SPA asset cached", method: "GET", target: "/assets/app-1234.js", wantStatus: 200, wantBody: "console.log", wantHeader: [2]string{"Cache-Control", "public, max-age=31536000, immutable"}},
		{name: "SPA missing asset is 404", method: "GET", target: "/assets/gone.js", wantStatus: 404, wantCode: "not_found"},
		{name: "unknown API route is JSON 404", method: "GET", target: "/api/v1/nope", wantStatus: 404, wantCode: "not_found"},
		{name: "unknown API version is JSON 404", method: "GET", target: "/api/v2/meta", wantStatus: 404, wantCode: "not_found"},
		{name: "wrong method", method: "DELETE", target: "/api/v1/meta", wantStatus: 405, wantCode: "method_not_allowed"},
		{name: "panic is a 500 without internals", method: "GET", target: "/api/v1/test-panic", wantStatus: 500, wantCode: "internal_error"},
		{name: "malformed JSON is 400", method: "POST", target: "/api/v1/test-echo", body: `{"a":`, wantStatus: 400, wantCode: "malformed_body"},
		{name: "body over the limit is 413", method: "POST", target: "/api/v1/test-echo", body: `{"a":"` + strings.Repeat("x", 70*1024) + `"}`, wantStatus: 413, wantCode: "body_too_large"},
		{name: "messages in Chinese", method: "GET", target: "/api/v1/nope", headers: []string{"Accept-Language", "zh-CN,zh;q=0.9"}, wantStatus: 404, wantBody: "未找到"},
		{name: "request id echoed", method: "GET", target: "/healthz", headers: []string{"X-Request-Id", "abc-123"}, wantStatus: 200, wantHeader: [2]string{"X-Request-Id", "abc-123"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := ts.do(tc.method, tc.target, tc.body, tc.headers...)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tc.wantStatus, rec.Body)
			}
			if tc.wantCode != "" {
				var body errorBody
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
					t.Fatalf("error body is not JSON: %s", rec.Body)
				}
				if body.Error.Code != tc.wantCode || body.Error.Message == "" {
					t.Fatalf("error = %+v, want code %s with a message", body.Error, tc.wantCode)
				}
				if strings.Contains(rec.Body.String(), "secret") {
					t.Fatalf("internals leaked: %s", rec.Body)
				}
			}
			if tc.wantBody != "" && !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Fatalf("body %q does not contain %q", rec.Body, tc.wantBody)
			}
			if h := tc.wantHeader; h[0] != "" && rec.Header().Get(h[0]) != h[1] {
				t.Fatalf("header %s = %q, want %q", h[0], rec.Header().Get(h[0]), h[1])
			}
		})
	}
}

func TestReadyzIs503WhenTheDatabaseIsGone(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.sql.Close()
	rec := ts.do("GET", "/readyz", "")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "database_unavailable") {
		t.Fatalf("readyz with the database closed = %d %s", rec.Code, rec.Body)
	}
	if rec := ts.do("GET", "/healthz", ""); rec.Code != http.StatusOK {
		t.Fatalf("healthz must not depend on the database; got %d", rec.Code)
	}
}
