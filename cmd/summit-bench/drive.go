package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// statementsMetric is the server's counter of statements sent to PostgreSQL.
const statementsMetric = "summit_db_statements_total"

// A step is one user's request sequence on an endpoint: the next request, and what to do
// with its answer (check the body's shape, keep an ETag). Each worker has its own.
type step interface {
	request(ctx context.Context) (*http.Request, error)
	// handle sees every 2xx answer; check says whether to verify the body's shape (a
	// sample, to keep the driver's CPU off the server's cores). A non-nil error counts
	// the request as failed.
	handle(h http.Header, body []byte, check bool) error
}

// An endpoint is one row of the table.
type endpoint struct {
	name   string
	budget budget
	worker func(w int) step // worker w's sequence
}

// budget is the p99 ceiling for an endpoint at the largest size and the most users.
type budget struct {
	label string
	p99   time.Duration // 0: none
}

// phase is one endpoint driven by a number of closed-loop users (no think time) until
// the duration passes or the request count is reached, whichever comes first.
type phase struct {
	users       int
	duration    time.Duration
	maxRequests int64
	checkEvery  int64 // verify one body in this many (the first always)
}

// result is what one phase measured.
type result struct {
	Size       string  `json:"size"`
	Endpoint   string  `json:"endpoint"`
	Users      int     `json:"users"`
	Requests   int64   `json:"requests"`
	Errors     int64   `json:"errors"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	MaxMs      float64 `json:"max_ms"`
	RPS        float64 `json:"rps"`
	Statements float64 `json:"statements_per_request"`      // -1: the counter is missing
	PeakRSSMB  float64 `json:"peak_rss_mb"`                 // -1: not sampled
	ServerCPU  float64 `json:"server_cpu_ms_per_request"`   // -1: not measured
	DBCPU      float64 `json:"postgres_cpu_ms_per_request"` // -1: not measured
	FirstError string  `json:"first_error,omitempty"`
	Budget     string  `json:"budget,omitempty"`
	BudgetMs   float64 `json:"budget_ms,omitempty"`
}

// target is the server under test.
type target struct {
	client       *http.Client
	metricsURL   string // "" → statements n/a
	metricsToken string
	pid          int // 0 → RSS and CPU not measured
	postmaster   int // 0 → PostgreSQL's CPU not measured
}

// statements reads the server's statement counter (the sum over its series); ok is false
// when the server does not export it.
func (t target) statements(ctx context.Context) (float64, bool, error) {
	if t.metricsURL == "" {
		return 0, false, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.metricsURL, nil)
	if err != nil {
		return 0, false, err
	}
	req.Header.Set("Authorization", "Bearer "+t.metricsToken)
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, false, fmt.Errorf("GET /metrics: %s", resp.Status)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		return 0, false, fmt.Errorf("GET /metrics: %w", err)
	}
	fam, ok := families[statementsMetric]
	if !ok {
		return 0, false, nil
	}
	var sum float64
	for _, m := range fam.GetMetric() {
		switch {
		case m.GetCounter() != nil:
			sum += m.GetCounter().GetValue()
		case m.GetUntyped() != nil:
			sum += m.GetUntyped().GetValue()
		}
	}
	return sum, true, nil
}

// run drives one endpoint through one phase.
func (t target) run(ctx context.Context, ep endpoint, ph phase) result {
	res := result{Endpoint: ep.name, Users: ph.users, Statements: -1, PeakRSSMB: -1, ServerCPU: -1, DBCPU: -1,
		Budget: ep.budget.label, BudgetMs: ms(ep.budget.p99)}
	srvCPU0, srvErr := cpuTicks(t.pid)
	dbCPU0, dbErr := treeCPUTicks(t.postmaster)
	before, haveBefore, err := t.statements(ctx)
	if err != nil {
		res.FirstError = err.Error()
	}
	var rss *rssSampler
	if t.pid > 0 {
		rss = startRSS(t.pid, 50*time.Millisecond)
	}

	var (
		issued   atomic.Int64
		failures atomic.Int64
		firstErr sync.Once
		errText  string
		mu       sync.Mutex
		wg       sync.WaitGroup
	)
	total := hdrhistogram.New(1, int64(time.Minute/time.Microsecond), 3) // microseconds
	fail := func(msg string) {
		failures.Add(1)
		firstErr.Do(func() { errText = msg })
	}
	// Users stop starting requests when the phase's time is up; the requests under way
	// then still count (a slow endpoint would otherwise report nothing).
	deadline := time.Now().Add(ph.duration)
	start := time.Now()
	for w := range ph.users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := ep.worker(w)
			h := hdrhistogram.New(1, int64(time.Minute/time.Microsecond), 3)
			for ctx.Err() == nil && time.Now().Before(deadline) {
				n := issued.Add(1)
				if ph.maxRequests > 0 && n > ph.maxRequests {
					issued.Add(-1)
					break
				}
				req, err := s.request(ctx)
				if err != nil {
					fail(err.Error())
					continue
				}
				t0 := time.Now()
				resp, err := t.client.Do(req)
				if err != nil {
					if ctx.Err() != nil { // interrupted: not an answer
						issued.Add(-1)
						break
					}
					fail(err.Error())
					_ = h.RecordValue(time.Since(t0).Microseconds())
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				elapsed := time.Since(t0)
				if err != nil && ctx.Err() != nil {
					issued.Add(-1)
					break
				}
				_ = h.RecordValue(elapsed.Microseconds())
				switch {
				case err != nil:
					fail(err.Error())
				case resp.StatusCode < 200 || resp.StatusCode > 299:
					fail(fmt.Sprintf("%s %s: %d %s", req.Method, req.URL.RequestURI(), resp.StatusCode, clip(body)))
					if r, ok := s.(interface{ reset() }); ok {
						r.reset()
					}
				default:
					check := ph.checkEvery <= 1 || n%ph.checkEvery == 1
					if err := s.handle(resp.Header, body, check); err != nil {
						fail(fmt.Sprintf("%s %s: %v", req.Method, req.URL.RequestURI(), err))
					}
				}
			}
			mu.Lock()
			total.Merge(h)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	res.Requests = total.TotalCount()
	res.Errors = failures.Load()
	if errText != "" {
		res.FirstError = errText
	}
	res.P50ms = float64(total.ValueAtQuantile(50)) / 1000
	res.P99ms = float64(total.ValueAtQuantile(99)) / 1000
	res.MaxMs = float64(total.Max()) / 1000
	if elapsed > 0 {
		res.RPS = float64(res.Requests) / elapsed.Seconds()
	}
	if rss != nil {
		res.PeakRSSMB = float64(rss.stop()) / 1024
	}
	if srvCPU1, err := cpuTicks(t.pid); srvErr == nil && err == nil && res.Requests > 0 {
		res.ServerCPU = float64(srvCPU1-srvCPU0) * msPerTick / float64(res.Requests)
	}
	if dbCPU1, err := treeCPUTicks(t.postmaster); dbErr == nil && err == nil && res.Requests > 0 {
		res.DBCPU = float64(dbCPU1-dbCPU0) * msPerTick / float64(res.Requests)
	}
	after, haveAfter, err := t.statements(ctx)
	if err != nil && res.FirstError == "" {
		res.FirstError = err.Error()
	}
	if haveBefore && haveAfter && res.Requests > 0 {
		res.Statements = (after - before) / float64(res.Requests)
	}
	return res
}

func clip(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// rssSampler keeps the largest VmRSS of a process seen while it runs.
type rssSampler struct {
	stopped chan struct{}
	done    chan int64
}

func startRSS(pid int, every time.Duration) *rssSampler {
	s := &rssSampler{stopped: make(chan struct{}), done: make(chan int64, 1)}
	go func() {
		var peak int64
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			if kb, err := procStatusKB(pid, "VmRSS"); err == nil && kb > peak {
				peak = kb
			}
			select {
			case <-s.stopped:
				s.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

// stop ends the sampling and answers the peak in KiB.
func (s *rssSampler) stop() int64 {
	close(s.stopped)
	return <-s.done
}

// procStatusKB reads a "Name:   123 kB" line of /proc/<pid>/status.
func procStatusKB(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		name, rest, ok := strings.Cut(line, ":")
		if !ok || name != field {
			continue
		}
		return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
	}
	return 0, fmt.Errorf("/proc/%d/status has no %s", pid, field)
}

// msPerTick is the length of a /proc clock tick (USER_HZ, 100 on Linux).
const msPerTick = 10.0

// procStat answers the parent pid and the user + system CPU ticks of a process, from
// /proc/<pid>/stat (fields 4, 14 and 15; the name in parentheses may hold spaces).
func procStat(pid int) (ppid int, ticks int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, 0, err
	}
	i := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b)[i+1:])
	if i < 0 || len(f) < 13 {
		return 0, 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	ppid, _ = strconv.Atoi(f[1])
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("/proc/%d/stat: unexpected format", pid)
	}
	return ppid, utime + stime, nil
}

// cpuTicks is a process's CPU time in ticks.
func cpuTicks(pid int) (int64, error) {
	if pid <= 0 {
		return 0, errors.New("no process")
	}
	_, t, err := procStat(pid)
	return t, err
}

// treeCPUTicks is the CPU time of a process and its children (PostgreSQL's postmaster and
// its backends, which live as long as the server's pooled connections).
func treeCPUTicks(root int) (int64, error) {
	total, err := cpuTicks(root)
	if err != nil {
		return 0, err
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, t, err := procStat(pid); err == nil && ppid == root {
			total += t
		}
	}
	return total, nil
}

// postmasterOn finds the PostgreSQL server listening on port (started with -p port, as
// bin/pgrun's clusters are); 0 when there is none to be seen.
func postmasterOn(port string) int {
	entries, err := os.ReadDir("/proc")
	if err != nil || port == "" {
		return 0
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if err != nil {
			continue
		}
		args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
		if len(args) == 0 || filepath.Base(args[0]) != "postgres" {
			continue
		}
		for i, a := range args[:len(args)-1] {
			if a == "-p" && args[i+1] == port {
				return pid
			}
		}
	}
	return 0
}
