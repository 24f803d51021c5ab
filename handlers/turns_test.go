package handlers

import (
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
)

// turnsServer is a server whose API requests take turns (capacity at once, each waiting at
// most wait): GET /api/hold keeps its turn until release is closed, GET /api/big writes
// 32 MB (both signal held once they have their turn), GET /api/run/:n notes n
// in ran, POST /api/echo answers the body it read, GET /healthz answers at once.
type turnsServer struct {
	*httptest.Server
	reg     *prometheus.Registry
	release chan struct{}
	held    chan struct{} // one value per /api/hold that got its turn
	arrived chan struct{} // one value per POST /api/echo that reached the server, before its turn
	mu      sync.Mutex
	ran     []string
}

func newTurnsServer(t *testing.T, capacity int, wait time.Duration) *turnsServer {
	t.Helper()
	ts := &turnsServer{reg: prometheus.NewRegistry(), release: make(chan struct{}), held: make(chan struct{}, 8), arrived: make(chan struct{}, 8)}
	e := echo.New()
	e.HTTPErrorHandler = errorHandler(slog.New(slog.DiscardHandler))
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().Method == http.MethodPost {
				ts.arrived <- struct{}{}
			}
			return next(c)
		}
	})
	e.Use(takeTurns(capacity, wait, ts.reg))
	e.GET("/api/hold", func(c echo.Context) error {
		ts.held <- struct{}{}
		<-ts.release
		return c.NoContent(http.StatusNoContent)
	})
	e.GET("/api/run/:n", func(c echo.Context) error {
		ts.mu.Lock()
		ts.ran = append(ts.ran, c.Param("n"))
		ts.mu.Unlock()
		return c.NoContent(http.StatusNoContent)
	})
	e.POST("/api/echo", func(c echo.Context) error {
		b, err := io.ReadAll(c.Request().Body)
		if err != nil {
			return err
		}
		return c.Blob(http.StatusOK, "text/plain", b)
	})
	e.GET("/api/big", func(c echo.Context) error {
		ts.held <- struct{}{}
		chunk := make([]byte, 64<<10)
		for range 512 { // 32 MB: more than a stalled client's socket buffers take
			if _, err := c.Response().Write(chunk); err != nil {
				return err
			}
		}
		return nil
	})
	e.GET("/healthz", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	ts.Server = httptest.NewServer(e)
	t.Cleanup(func() {
		select {
		case <-ts.release:
		default:
			close(ts.release)
		}
		ts.Close()
	})
	return ts
}

// holdTheTurn starts a request that keeps a turn until ts.release is closed, and returns
// once it has it.
func (ts *turnsServer) holdTheTurn(t *testing.T) {
	t.Helper()
	go func() {
		if resp, err := http.Get(ts.URL + "/api/hold"); err == nil {
			resp.Body.Close()
		}
	}()
	await(t, ts.held, "the holding request never got its turn")
}

// await returns once signal yields, failing the test if it does not within a generous
// time for a loaded machine.
func await(t *testing.T, signal <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-signal:
	case <-time.After(30 * time.Second):
		t.Fatal(what)
	}
}

// run sends GET /api/run/name and returns the status.
func (ts *turnsServer) run(t *testing.T, name string) int {
	t.Helper()
	resp, err := http.Get(ts.URL + "/api/run/" + name)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// ranSoFar is what /api/run/:n noted, in order.
func (ts *turnsServer) ranSoFar() string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return strings.Join(ts.ran, ",")
}

// metric is the value of the named gauge or counter in ts.reg (0 when not yet set).
func (ts *turnsServer) metric(t *testing.T, name string) float64 {
	t.Helper()
	families, err := ts.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		m := f.GetMetric()[0]
		if m.GetGauge() != nil {
			return m.GetGauge().GetValue()
		}
		return m.GetCounter().GetValue()
	}
	return 0
}

// awaitWaiting polls until n requests wait for a turn (generous for a loaded machine).
func (ts *turnsServer) awaitWaiting(t *testing.T, n float64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for ts.metric(t, "summit_http_requests_waiting") != n {
		if time.Now().After(deadline) {
			t.Fatalf("waiting requests: %v, want %v", ts.metric(t, "summit_http_requests_waiting"), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestWaitingRequestsRunInArrivalOrder(t *testing.T) {
	// No wait configured: the default applies (not "no wait at all").
	ts := newTurnsServer(t, 1, 0)
	ts.holdTheTurn(t)
	var wg sync.WaitGroup
	for i, n := range []string{"first", "second", "third"} {
		wg.Go(func() {
			resp, err := http.Get(ts.URL + "/api/run/" + n)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				t.Errorf("%s: status %d", n, resp.StatusCode)
			}
		})
		ts.awaitWaiting(t, float64(i+1))
	}
	if got := ts.ranSoFar(); got != "" {
		t.Fatalf("ran %s while the only turn was held", got)
	}
	close(ts.release)
	wg.Wait()
	if got := ts.ranSoFar(); got != "first,second,third" {
		t.Errorf("ran in the order %s, want first,second,third", got)
	}
	if w := ts.metric(t, "summit_http_requests_waiting"); w != 0 {
		t.Errorf("%v requests still counted as waiting", w)
	}
}

func TestNoTurnWithinTheWaitIs503Overloaded(t *testing.T) {
	ts := newTurnsServer(t, 1, 50*time.Millisecond)
	ts.holdTheTurn(t)
	for _, tc := range []struct{ language, message string }{
		{"en", "The server has more requests than it can work on right now; try again in a moment."},
		{"zh-CN", "服务器当前请求过多，请稍后重试。"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/run/late", nil)
			req.Header.Set("Accept-Language", tc.language)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body errorBody
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusServiceUnavailable || body.Error.Code != "overloaded" || body.Error.Message != tc.message {
				t.Errorf("got %d %+v, want 503 overloaded %q", resp.StatusCode, body.Error, tc.message)
			}
			if ra := resp.Header.Get("Retry-After"); ra != "1" {
				t.Errorf("Retry-After %q, want 1", ra)
			}
		})
	}
	if got := ts.ranSoFar(); got != "" {
		t.Errorf("a turned-away request ran: %s", got)
	}
	if n := ts.metric(t, "summit_http_requests_overloaded_total"); n != 2 {
		t.Errorf("overloaded counter %v, want 2", n)
	}
	close(ts.release)
	if status := ts.run(t, "after"); status != http.StatusNoContent {
		t.Errorf("after the turn was freed: status %d", status)
	}
}

// Requests that would hold a turn without needing one go ahead while the only turn is
// held: the web app's files and probes, uploads too large to read before a turn.
func TestRequestsThatSkipTheQueue(t *testing.T) {
	ts := newTurnsServer(t, 1, time.Minute)
	ts.holdTheTurn(t)
	big := strings.Repeat("x", readBeforeTurnLimit+1)
	for _, tc := range []struct {
		name, method, path, body string
		want                     int
	}{
		{"probe", http.MethodGet, "/healthz", "", http.StatusNoContent},
		{"upload over the read-ahead limit", http.MethodPost, "/api/echo", big, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want || string(got) != tc.body {
				t.Errorf("status %d, %d bytes back; want %d and the %d bytes sent", resp.StatusCode, len(got), tc.want, len(tc.body))
			}
		})
	}
}

// A client that sends its body slowly does not keep the others waiting: the body is read
// before the request takes a turn.
func TestASlowBodyDoesNotHoldATurn(t *testing.T) {
	// One turn and a wait longer than the test's own timeouts: were the body read within
	// the turn, the request behind it would wait a minute and get 503.
	ts := newTurnsServer(t, 1, time.Minute)
	body, sender := io.Pipe()
	t.Cleanup(func() { sender.CloseWithError(io.ErrUnexpectedEOF) }) // before the server closes: it waits for this request
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/echo", body)
	req.ContentLength = int64(len("hello, slowly"))
	type answer struct {
		status int
		body   string
		err    error
	}
	slow := make(chan answer, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			slow <- answer{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		slow <- answer{resp.StatusCode, string(b), err}
	}()
	if _, err := sender.Write([]byte("hello, ")); err != nil {
		t.Fatal(err)
	}
	await(t, ts.arrived, "the slow request never reached the server")
	// The rest of the body has not been sent; another request still gets the only turn.
	if status := ts.run(t, "meanwhile"); status != http.StatusNoContent {
		t.Fatalf("a request behind a slow body: status %d", status)
	}
	if _, err := sender.Write([]byte("slowly")); err != nil {
		t.Fatal(err)
	}
	sender.Close()
	got := <-slow
	if got.err != nil || got.status != http.StatusOK || got.body != "hello, slowly" {
		t.Errorf("the slow request: %+v, want 200 with its whole body", got)
	}
}

// A client that stops reading a large answer does not keep the others waiting: the turn
// ends once the first streamAfter bytes have gone out.
func TestAStalledReaderDoesNotHoldATurn(t *testing.T) {
	ts := newTurnsServer(t, 1, time.Minute)
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET /api/big HTTP/1.1\r\nHost: summit\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	await(t, ts.held, "the large answer never got its turn")
	// conn is never read. Had /api/big kept its turn until done, the next request would
	// wait a minute and get 503.
	if status := ts.run(t, "behind"); status != http.StatusNoContent {
		t.Errorf("a request behind a stalled reader: status %d", status)
	}
}

// A body that breaks off before its Content-Length is bad input (400 malformed_body), not
// a server error, and the handler never sees it.
func TestABodyCutShortIs400(t *testing.T) {
	ts := newTurnsServer(t, 1, time.Minute)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/api/echo", io.MultiReader(strings.NewReader("hel"), iotest.ErrReader(io.ErrUnexpectedEOF)))
	req.ContentLength = int64(len("hello"))
	ts.Config.Handler.ServeHTTP(rec, req)
	var body errorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("%d %s: %v", rec.Code, rec.Body, err)
	}
	if rec.Code != http.StatusBadRequest || body.Error.Code != "malformed_body" {
		t.Errorf("got %d %+v, want 400 malformed_body", rec.Code, body.Error)
	}
}
