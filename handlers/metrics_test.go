package handlers

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

const metricsToken = "metrics-token-for-tests"

func TestMetricsCountRequestsByRouteMethodAndStatusClass(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts = newTestServerOn(t, ts.db, ts.sql, Options{MetricsToken: metricsToken})
	ts.do("GET", "/api/v1/meta", "")
	ts.do("GET", "/api/v1/nope", "")
	ts.do("BREW", "/api/v1/meta", "")
	body := ts.do("GET", "/metrics", "", "Authorization", "Bearer "+metricsToken).Body.String()
	for _, want := range []string{
		`summit_http_requests_total{code="2xx",host="",method="GET",url="/api/v1/meta"} 1`,
		`summit_http_requests_total{code="4xx",host="",method="GET",url="/*"} 1`,
		`summit_http_requests_total{code="4xx",host="",method="other",url="/api/v1/meta"} 1`,
		`summit_http_request_duration_seconds_bucket`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// httpSeries counts the request metric series and checks each label value is from a
// fixed set: a route template (or "unmatched"), a standard method or "other", a status
// class, and an empty host.
func httpSeries(t *testing.T, reg *prometheus.Registry, routes map[string]bool) int {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, mf := range families {
		if !strings.HasPrefix(mf.GetName(), "summit_http_") {
			continue
		}
		for _, m := range mf.GetMetric() {
			n++
			for _, l := range m.GetLabel() {
				v := l.GetValue()
				ok := map[string]bool{
					"url":    routes[v] || v == "unmatched",
					"method": methodLabel(v) == v,
					"code":   len(v) == 3 && strings.HasSuffix(v, "xx") && v[0] >= '1' && v[0] <= '5',
					"host":   v == "",
				}[l.GetName()]
				if !ok {
					t.Fatalf("%s has label %s=%q from the request", mf.GetName(), l.GetName(), v)
				}
			}
		}
	}
	return n
}

// TestRandomHostsPathsAndMethodsAddNoMetricSeries: what a caller chooses (Host header,
// path, method) cannot grow the metrics.
func TestRandomHostsPathsAndMethodsAddNoMetricSeries(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	reg := ts.srv.deps.Metrics
	routes := map[string]bool{}
	for _, r := range ts.e.Routes() {
		routes[r.Path] = true
	}
	rng := rand.New(rand.NewPCG(8, 2))
	word := func() string {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz0123456789-"[rng.IntN(37)]
		}
		return string(b)
	}
	methods := []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}
	prefixes := []string{"/", "/api/v1/", "/api/v2/", "/assets/", "/api/v1/deals/", "/api/v1/users/", "/metrics/", "/healthz/"}
	send := func(n int) {
		for range n {
			method := methods[rng.IntN(len(methods))]
			if rng.IntN(3) == 0 {
				method = strings.ToUpper(word()) // a made-up method
				method = strings.ReplaceAll(method, "-", "X")
			}
			req := httptest.NewRequest(method, prefixes[rng.IntN(len(prefixes))]+word()+"?"+word()+"="+word(), nil)
			req.Host = word() + ".example"
			rec := httptest.NewRecorder()
			ts.e.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s %s = %d %s", method, req.URL, rec.Code, rec.Body)
			}
		}
	}
	send(1000)
	before := httpSeries(t, reg, routes)
	send(3000)
	after := httpSeries(t, reg, routes)
	if after != before {
		t.Fatalf("3,000 requests with random hosts, paths and methods added %d series (%d → %d)", after-before, before, after)
	}
	t.Logf("request metric series after 4,000 random requests: %d", after)
}

// TestMetricsAreNotPublic: /metrics answers only with the metrics token; with a separate
// metrics listener, or with neither setting, the main listener has no /metrics.
func TestMetricsAreNotPublic(t *testing.T) {
	t.Parallel()
	base := newTestServer(t)
	plain := base
	withToken := newTestServerOn(t, base.db, base.sql, Options{MetricsToken: metricsToken})
	elsewhere := newTestServerOn(t, base.db, base.sql, Options{MetricsToken: metricsToken, MetricsElsewhere: true})
	tests := []struct {
		name       string
		ts         *testServer
		auth       string
		wantStatus int
	}{
		{"neither setting: not served", plain, "", http.StatusNotFound},
		{"neither setting: a token does not help", plain, "Bearer " + metricsToken, http.StatusNotFound},
		{"token set, none sent", withToken, "", http.StatusUnauthorized},
		{"token set, wrong one", withToken, "Bearer not-the-token", http.StatusUnauthorized},
		{"token set, prefix of it", withToken, "Bearer " + metricsToken[:10], http.StatusUnauthorized},
		{"token set, not bearer", withToken, "Basic " + metricsToken, http.StatusUnauthorized},
		{"token set, right one", withToken, "Bearer " + metricsToken, http.StatusOK},
		{"token set, scheme in lower case", withToken, "bearer " + metricsToken, http.StatusOK},
		{"own listener: main has none", elsewhere, "Bearer " + metricsToken, http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.ts.do("GET", "/metrics", "", "Authorization", tc.auth)
			if rec.Code != tc.wantStatus {
				t.Fatalf("GET /metrics = %d, want %d: %.200s", rec.Code, tc.wantStatus, rec.Body)
			}
			hasMetrics := strings.Contains(rec.Body.String(), "summit_http_requests_total")
			if hasMetrics != (tc.wantStatus == http.StatusOK) {
				t.Fatalf("metrics in the body = %v: %.200s", hasMetrics, rec.Body)
			}
		})
	}
}

// TestMetricsListenerOfItsOwn: the handler for SUMMIT_METRICS_ADDR serves /metrics, and
// asks for the token when one is set.
func TestMetricsListenerOfItsOwn(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewCounter(prometheus.CounterOpts{Name: "summit_test_total", Help: "x"}))
	tests := []struct {
		token, auth, path string
		wantStatus        int
	}{
		{"", "", "/metrics", http.StatusOK},
		{"", "", "/other", http.StatusNotFound},
		{"tok", "", "/metrics", http.StatusUnauthorized},
		{"tok", "Bearer tok", "/metrics", http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("token=%q auth=%q %s", tc.token, tc.auth, tc.path), func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			req.Header.Set("Authorization", tc.auth)
			rec := httptest.NewRecorder()
			MetricsHandler(reg, tc.token).ServeHTTP(rec, req)
			if rec.Code != tc.wantStatus {
				t.Fatalf("= %d, want %d", rec.Code, tc.wantStatus)
			}
			if tc.wantStatus == http.StatusOK && !strings.Contains(rec.Body.String(), "summit_test_total") {
				t.Fatalf("body %s", rec.Body)
			}
		})
	}
}
