package handlers

import (
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"summit/domain/identity"
)

// Forty wrong passwords sent at once for one account: the attempt is counted before the
// password is hashed, so only the first five (PerAccount) are checked and the rest are
// 429 with Retry-After; then even the right password waits for the window.
func TestConcurrentWrongPasswordsAreThrottledBeforeHashing(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	ts.user("target@example.com", identity.RoleMember)
	ts.sql.SetMaxOpenConns(20) // SUMMIT_DB_MAX_CONNS's default
	// Count the checks; compare plainly, since what argon2 costs is not the point here
	// (and -race makes it slow enough to meet the test server's request timeout).
	var checked atomic.Int32
	ts.id.CheckPassword = func(password, hash string) bool {
		checked.Add(1)
		return password == testPassword
	}

	const attempts = 40
	codes := make([]*httptest.ResponseRecorder, attempts)
	var wg sync.WaitGroup
	for i := range attempts {
		wg.Go(func() {
			codes[i] = ts.do("POST", "/api/v1/auth/login", `{"email":"target@example.com","password":"wrong password `+strconv.Itoa(i)+`"}`)
		})
	}
	wg.Wait()
	byStatus := map[int]int{}
	for _, rec := range codes {
		byStatus[rec.Code]++
		if rec.Code == http.StatusTooManyRequests {
			if secs, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || secs < 1 || secs > 900 {
				t.Fatalf("429 with Retry-After %q", rec.Header().Get("Retry-After"))
			}
		}
	}
	per := identity.DefaultLoginThrottle.PerAccount
	if byStatus[http.StatusUnauthorized] != per || byStatus[http.StatusTooManyRequests] != attempts-per || int(checked.Load()) != per {
		t.Fatalf("%d concurrent wrong passwords: %v, %d passwords checked; want %d × 401, %d × 429, %d checked",
			attempts, byStatus, checked.Load(), per, attempts-per, per)
	}
	var failures int
	if err := ts.sql.QueryRow(`SELECT count(*) FROM audit_events WHERE action = $1`, identity.AuditLoginFailed).Scan(&failures); err != nil || failures != per {
		t.Fatalf("audit has %d failed sign-ins (%v), want %d", failures, err, per)
	}

	rec := ts.do("POST", "/api/v1/auth/login", `{"email":"target@example.com","password":"`+testPassword+`"}`)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" || int(checked.Load()) != per {
		t.Fatalf("the right password inside the window: %d (Retry-After %q), %d checked; want 429 unchecked", rec.Code, rec.Header().Get("Retry-After"), checked.Load())
	}
	// Once the window has passed, the right password signs in again.
	ts.id.Now = func() time.Time { return time.Now().UTC().Add(identity.DefaultLoginThrottle.Window + time.Minute) }
	if rec := ts.do("POST", "/api/v1/auth/login", `{"email":"target@example.com","password":"`+testPassword+`"}`); rec.Code != http.StatusOK {
		t.Fatalf("the right password after the window: %d %s", rec.Code, rec.Body)
	}
}

// However many sign-ins arrive at once, no more than the gate's capacity hash at the
// same time: the others wait for a turn. Counted with hooks, not timed.
func TestSignInsHashNoMoreThanTheCapacityAtOnce(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	const n, capacity = 12, 3
	emails := make([]string, n)
	for i := range emails {
		emails[i] = "user" + strconv.Itoa(i) + "@example.com"
		ts.user(emails[i], identity.RoleMember)
	}
	gate := identity.NewHashGate(capacity, time.Minute)
	waiting := make(chan struct{}, n)
	gate.Waiting = func() { waiting <- struct{}{} }
	ts.id.Hashes = gate
	var inFlight, most atomic.Int32
	entered, release := make(chan struct{}, n), make(chan struct{})
	ts.id.CheckPassword = func(password, hash string) bool {
		now := inFlight.Add(1)
		for old := most.Load(); now > old && !most.CompareAndSwap(old, now); old = most.Load() {
		}
		entered <- struct{}{}
		<-release
		inFlight.Add(-1)
		return password == testPassword
	}

	codes := make([]int, n)
	var wg sync.WaitGroup
	for i, email := range emails {
		wg.Go(func() {
			codes[i] = ts.do("POST", "/api/v1/auth/login", `{"email":"`+email+`","password":"`+testPassword+`"}`).Code
		})
	}
	// Every sign-in is either hashing or waiting for a turn before any finishes.
	for range capacity {
		<-entered
	}
	for range n - capacity {
		<-waiting
	}
	if got := inFlight.Load(); got != capacity {
		t.Fatalf("%d hashing with %d waiting; want %d", got, n-capacity, capacity)
	}
	close(release)
	wg.Wait()
	for i, code := range codes {
		if code != http.StatusOK {
			t.Fatalf("sign-in %d: %d", i, code)
		}
	}
	if most.Load() > capacity {
		t.Fatalf("%d hashes ran at once; capacity %d", most.Load(), capacity)
	}
}

// BenchmarkConcurrentSignIns measures the memory a burst of 150 simultaneous sign-ins
// (distinct accounts and addresses, right passwords) takes: the process's peak resident
// memory during the burst above its resident memory before it (Linux: VmHWM after
// resetting it through /proc/self/clear_refs), the heap's peak in-use bytes (sampled),
// and how many signed in or were told the server is busy (503).
//
//	go test ./handlers -run '^$' -bench ConcurrentSignIns -benchtime 3x
func BenchmarkConcurrentSignIns(b *testing.B) {
	const n = 150
	ts := newTestServer(b)
	ts.sql.SetMaxOpenConns(20) // SUMMIT_DB_MAX_CONNS's default
	for i := range n {
		ts.user("burst"+strconv.Itoa(i)+"@example.com", identity.RoleMember)
	}
	var worst, worstHeap float64
	var ok, busy, other atomic.Int64
	for b.Loop() {
		runtime.GC()
		debug.FreeOSMemory()
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			b.Skip("needs Linux /proc/self/clear_refs:", err)
		}
		before := procStatusKB(b, "VmRSS")
		var heapPeak atomic.Uint64
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > heapPeak.Load() {
					heapPeak.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
			}
		}()
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				req := httptest.NewRequest("POST", "/api/v1/auth/login", strings.NewReader(`{"email":"burst`+strconv.Itoa(i)+`@example.com","password":"`+testPassword+`"}`))
				req.Header.Set("Content-Type", "application/json")
				req.RemoteAddr = "198.51.100." + strconv.Itoa(i) + ":1234"
				rec := httptest.NewRecorder()
				ts.e.ServeHTTP(rec, req)
				switch {
				case rec.Code == http.StatusOK:
					ok.Add(1)
				case rec.Code == http.StatusServiceUnavailable && strings.Contains(rec.Body.String(), `"busy"`):
					busy.Add(1)
				default:
					if other.Add(1) == 1 {
						b.Logf("sign-in %d: %d %s", i, rec.Code, rec.Body)
					}
				}
			})
		}
		wg.Wait()
		close(stop)
		<-sampled
		peak := procStatusKB(b, "VmHWM")
		worst = max(worst, float64(peak-before)/1024)
		worstHeap = max(worstHeap, float64(heapPeak.Load())/(1<<20))
	}
	b.ReportMetric(worst, "MB-rss-peak-over-idle")
	b.ReportMetric(worstHeap, "MB-heap-peak")
	b.ReportMetric(float64(ok.Load())/float64(b.N), "signed-in/op")
	b.ReportMetric(float64(busy.Load())/float64(b.N), "busy-503/op")
	b.ReportMetric(float64(other.Load())/float64(b.N), "other/op")
}

// procStatusKB reads a "kB" line of /proc/self/status.
func procStatusKB(b *testing.B, key string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("needs Linux /proc/self/status:", err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	b.Fatalf("no %s in /proc/self/status", key)
	return 0
}
