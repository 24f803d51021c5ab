package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"summit/repository/dbtest"
)

// freeAddr is a loopback address with a port nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestMetricsOnTheirOwnAddress: with SUMMIT_METRICS_ADDR the main listener has no
// /metrics and the metrics listener serves them (with the token when one is set).
func TestMetricsOnTheirOwnAddress(t *testing.T) {
	main, metrics := freeAddr(t), freeAddr(t)
	t.Setenv("SUMMIT_ADDR", main)
	t.Setenv("SUMMIT_METRICS_ADDR", metrics)
	t.Setenv("SUMMIT_METRICS_TOKEN", "tok")
	cfg, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	gdb, sqlDB := dbtest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan struct{}), make(chan error, 1)
	go func() { done <- serve(ctx, cfg, dbtest.Logger(t), gdb, sqlDB, func() { close(ready) }) }()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}()

	tests := []struct {
		name, url, auth string
		wantStatus      int
		wantBody        string
	}{
		{"main listener has no metrics", "http://" + main + "/metrics", "Bearer tok", http.StatusNotFound, ""},
		{"metrics listener wants the token", "http://" + metrics + "/metrics", "", http.StatusUnauthorized, ""},
		{"metrics listener with the token", "http://" + metrics + "/metrics", "Bearer tok", http.StatusOK, `summit_http_requests_total{code="4xx",host="",method="GET",url="/metrics"} 1`},
		{"SQL statements are counted", "http://" + metrics + "/metrics", "Bearer tok", http.StatusOK, "# TYPE summit_db_statements_total counter"},
		{"API requests take turns by default", "http://" + metrics + "/metrics", "Bearer tok", http.StatusOK, "# TYPE summit_http_requests_waiting gauge"},
		{"metrics listener serves nothing else", "http://" + metrics + "/api/v1/meta", "Bearer tok", http.StatusNotFound, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", tc.url, nil)
			req.Header.Set("Authorization", tc.auth)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.wantStatus || !strings.Contains(string(body), tc.wantBody) {
				t.Fatalf("GET %s = %d, want %d with %q: %.300s", tc.url, resp.StatusCode, tc.wantStatus, tc.wantBody, body)
			}
		})
	}
}
