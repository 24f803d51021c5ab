package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSummit answers like the server under test: GET /api/v1/list a page, GET
// /api/v1/flaky a 500 on every third call, GET /api/v1/odd a body of the wrong shape,
// PATCH /api/v1/milestones/m1 with If-Match and an ETag, and /metrics the statement
// counter (three statements an API request) when counting is on.
func fakeSummit(t *testing.T, counting bool) *httptest.Server {
	t.Helper()
	var statements, flaky atomic.Int64
	var mu sync.Mutex
	version, status, criteria := 1, "planned", "Signed"
	mux := http.NewServeMux()
	api := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer tok" {
				http.Error(w, `{"error":{"code":"unauthenticated"}}`, http.StatusUnauthorized)
				return
			}
			statements.Add(3)
			h(w, r)
		}
	}
	mux.HandleFunc("GET /api/v1/list", api(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"items":[{"id":"d1"},{"id":"d2"}],"next_cursor":null}`)
	}))
	mux.HandleFunc("GET /api/v1/flaky", api(func(w http.ResponseWriter, _ *http.Request) {
		if flaky.Add(1)%3 == 0 {
			http.Error(w, `{"error":{"code":"internal_error"}}`, http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, `{"items":[{"id":"d1"}],"next_cursor":null}`)
	}))
	mux.HandleFunc("GET /api/v1/odd", api(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"id":"d1"}`)
	}))
	milestone := func(w http.ResponseWriter) {
		w.Header().Set("ETag", fmt.Sprintf(`"%d"`, version))
		fmt.Fprintf(w, `{"id":"m1","status":%q,"exit_criteria":%q,"version":%d}`, status, criteria, version)
	}
	mux.HandleFunc("GET /api/v1/milestones/m1", api(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		milestone(w)
	}))
	mux.HandleFunc("PATCH /api/v1/milestones/m1", api(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("If-Match") != fmt.Sprintf(`"%d"`, version) {
			http.Error(w, `{"error":{"code":"stale_version"}}`, http.StatusPreconditionFailed)
			return
		}
		var body struct {
			Status       *string `json:"status"`
			ExitCriteria *string `json:"exit_criteria"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || (body.Status == nil) == (body.ExitCriteria == nil) {
			http.Error(w, `{"error":{"code":"malformed_body"}}`, http.StatusBadRequest)
			return
		}
		if body.Status != nil {
			status = *body.Status
		} else {
			criteria = *body.ExitCriteria
		}
		version++
		milestone(w)
	}))
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer mtok" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprintln(w, "# TYPE go_goroutines gauge\ngo_goroutines 7")
		if counting {
			fmt.Fprintf(w, "# HELP %s Statements.\n# TYPE %s counter\n%s %d\n", statementsMetric, statementsMetric, statementsMetric, statements.Load())
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestPhaseCountsRequestsErrorsAndStatements(t *testing.T) {
	one := func(p string) []string { return []string{p} }
	cases := []struct {
		name           string
		counting       bool
		endpoint       func(base string) func(w int) step
		users          int
		requests       int64
		wantErrors     int64
		wantStatements float64 // -1: n/a
		wantFirstError string
	}{
		{"a list, every answer right", true, func(b string) func(int) step { return gets(b, "tok", one("/api/v1/list"), listOf(1, "id")) },
			4, 40, 0, 3, ""},
		{"every third answer a 500", true, func(b string) func(int) step { return gets(b, "tok", one("/api/v1/flaky"), listOf(1, "id")) },
			1, 30, 10, 3, "500"},
		{"a 401 is an error too", true, func(b string) func(int) step { return gets(b, "bad", one("/api/v1/list"), listOf(1, "id")) },
			2, 12, 12, 0, "401"},
		{"a 200 of the wrong shape is an error", true, func(b string) func(int) step { return gets(b, "tok", one("/api/v1/odd"), listOf(1, "id")) },
			1, 5, 5, 3, `no "items" list`},
		{"a milestone updated with If-Match from each answer", true, func(b string) func(int) step { return patches(b, "tok", []string{"m1"}, false) },
			1, 20, 0, 3, ""},
		{"a milestone's text updated with If-Match from each answer", true, func(b string) func(int) step { return patches(b, "tok", []string{"m1"}, true) },
			1, 20, 0, 3, ""},
		{"no counter: statements n/a", false, func(b string) func(int) step { return gets(b, "tok", one("/api/v1/list"), listOf(1, "id")) },
			2, 10, 0, -1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := fakeSummit(t, tc.counting)
			tg := target{client: newClient(tc.users), metricsURL: srv.URL + "/metrics", metricsToken: "mtok"}
			ep := endpoint{name: tc.name, worker: tc.endpoint(srv.URL)}
			r := tg.run(context.Background(), ep, phase{users: tc.users, duration: time.Minute, maxRequests: tc.requests, checkEvery: 1})
			if r.Requests != tc.requests || r.Errors != tc.wantErrors {
				t.Fatalf("requests %d, errors %d (first: %s); want %d, %d", r.Requests, r.Errors, r.FirstError, tc.requests, tc.wantErrors)
			}
			// The milestone's first ETag comes from a GET outside the phase: three more statements.
			got := r.Statements
			if strings.Contains(tc.name, "If-Match") {
				got = (r.Statements*float64(r.Requests) - 3) / float64(r.Requests)
			}
			if got != tc.wantStatements {
				t.Errorf("statements per request %v, want %v", r.Statements, tc.wantStatements)
			}
			if !strings.Contains(r.FirstError, tc.wantFirstError) {
				t.Errorf("first error %q, want it to mention %q", r.FirstError, tc.wantFirstError)
			}
			if r.P50ms <= 0 || r.P99ms < r.P50ms {
				t.Errorf("p50 %v ms, p99 %v ms", r.P50ms, r.P99ms)
			}
		})
	}
}

// A request still under way when the phase's time is up is counted: an endpoint slower
// than the phase would otherwise report no requests and no latency.
func TestPhaseCountsRequestsUnderWayAtTheEnd(t *testing.T) {
	const duration = time.Second
	end := time.Now().Add(duration)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/slow", func(w http.ResponseWriter, _ *http.Request) {
		for time.Now().Before(end.Add(50 * time.Millisecond)) { // answer only after the phase's end
			time.Sleep(10 * time.Millisecond)
		}
		fmt.Fprint(w, `{"items":[{"id":"d1"}],"next_cursor":null}`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tg := target{client: newClient(3)}
	ep := endpoint{name: "slow", worker: gets(srv.URL, "tok", []string{"/api/v1/slow"}, listOf(1, "id"))}
	r := tg.run(context.Background(), ep, phase{users: 3, duration: duration, checkEvery: 1})
	if r.Requests != 3 || r.Errors != 0 || r.P50ms <= 0 || r.Statements != -1 {
		t.Fatalf("requests %d, errors %d (%s), p50 %v ms, statements %v; want 3 answered requests, no errors, statements n/a",
			r.Requests, r.Errors, r.FirstError, r.P50ms, r.Statements)
	}
}

func TestReportMarksBudgetsAndGrowth(t *testing.T) {
	rep := &report{Cores: 2, Duration: "10s", Requests: 2000,
		Sizes: []sizeRun{{Label: "1000", PeakRSSMB: 120}, {Label: "10000", PeakRSSMB: 320}}}
	b := budget{"deal list < 50 ms", 50 * time.Millisecond}
	rep.Results = []result{
		{Size: "1000", Endpoint: "GET /deals", Users: 16, Requests: 100, P50ms: 10, P99ms: 20},
		{Size: "10000", Endpoint: "GET /deals", Users: 16, Requests: 100, P50ms: 12, P99ms: 45, Budget: b.label, BudgetMs: ms(b.p99)},
		{Size: "1000", Endpoint: "GET /risks/gates", Users: 16, Requests: 100, P50ms: 10, P99ms: 20, Statements: -1},
		{Size: "10000", Endpoint: "GET /risks/gates", Users: 16, Requests: 100, P50ms: 30, P99ms: 120, Errors: 2,
			FirstError: "GET /api/v1/risks/gates: 500 {}", Budget: "each risk view < 100 ms", BudgetMs: 100, Statements: -1},
		{Size: "1000", Endpoint: "GET /boards/confidence", Users: 16, Requests: 10, P50ms: 100, P99ms: 140},
		{Size: "10000", Endpoint: "GET /boards/confidence", Users: 16, Budget: "company board < 150 ms", BudgetMs: 150},
	}
	md := markdown(rep)
	for _, want := range []string{
		"| GET /deals | 16 | 1.20× | 2.25× | **missed** | deal list < 50 ms | 45.0 | met |",
		"| GET /risks/gates | 16 | 3.00× | 6.00× | **missed** | each risk view < 100 ms | 120.0 | **missed** |",
		"| GET /risks/gates | 16 | 100 | **2** | 30.0 | 120.0 |",
		"| GET /boards/confidence | 16 | — | — | — | company board < 150 ms | 0.0 | **missed** |", // nothing measured is no pass
		"10000 deals: 320 MB peak (**over** the 300 MB budget)",
		"- 10000 deals, GET /risks/gates, 16 users: 2 errors; first: GET /api/v1/risks/gates: 500 {}",
		"| n/a |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}

func TestProcStatReadsParentAndCPU(t *testing.T) {
	ppid, ticks, err := procStat(os.Getpid())
	if err != nil || ppid != os.Getppid() || ticks < 0 {
		t.Fatalf("procStat(self) = %d, %d, %v; want parent %d", ppid, ticks, err, os.Getppid())
	}
	tree, err := treeCPUTicks(os.Getppid())
	if err != nil || tree < 0 {
		t.Fatalf("treeCPUTicks(parent) = %d, %v", tree, err)
	}
	if _, err := cpuTicks(0); err == nil {
		t.Error("cpuTicks(0) answered no error")
	}
	if kb, err := procStatusKB(os.Getpid(), "VmRSS"); err != nil || kb <= 0 {
		t.Errorf("VmRSS of self = %d, %v", kb, err)
	}
}
