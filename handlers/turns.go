package handlers

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/semaphore"
)

// DefaultActiveRequests is how many API requests are worked on at once when no number is
// configured: one per usable core. With PostgreSQL on the same cores (a small server) that
// kept the slowest answers lowest and served as many a second as two per core did
// (docs/benchmarks.md); with PostgreSQL elsewhere a request waits on the network for part
// of its turn, and more turns (SUMMIT_ACTIVE_REQUESTS) keep the cores busy.
func DefaultActiveRequests() int { return runtime.GOMAXPROCS(0) }

// DefaultTurnWait is how long an API request waits for its turn before a 503 overloaded
// when no wait is configured (SUMMIT_TURN_WAIT's default).
const DefaultTurnWait = 10 * time.Second

// readBeforeTurnLimit is the largest request body read into memory before a request
// waits for its turn (every JSON body the API takes is far smaller). Larger bodies and
// bodies of unknown length (uploads) skip the queue: they are read at the sender's pace,
// and a request must not hold a turn while a slow sender trickles its body in.
const readBeforeTurnLimit = 1 << 20

// streamAfter is how much of an answer may go out within the request's turn. Past it the
// turn is given up and the rest streams without one: a page of JSON (about 8 KB gzipped)
// is well under it, and a client that stops reading a large answer (an export) must not
// keep everyone else waiting until the write timeout.
const streamAfter = 32 << 10

// overloadedError says an API request waited its longest wait without a turn.
type overloadedError struct {
	RetryAfter time.Duration
}

func (e *overloadedError) Error() string { return "no turn to work on the request came in time" }

// takeTurns lets at most capacity API requests run at once; the others wait in arrival
// order, each for at most maxWait or until the client goes (then 503 overloaded with
// Retry-After, not logged as a failure). Without it every request in flight gets a slice of the cores and all of
// them finish late together: at 10,000 deals and 16 closed-loop users on 2 cores, a deals
// page's p99 fell from 58–92 ms to 29–43 ms with two turns (docs/benchmarks.md). A turn
// covers the handler and the compression of its answer; it ends when the handler returns
// or once streamAfter bytes have gone out. Requests outside /api/ (the web app's files,
// probes, metrics) never wait. capacity ≤ 0: no limit; maxWait ≤ 0: DefaultTurnWait.
func takeTurns(capacity int, maxWait time.Duration, reg *prometheus.Registry) echo.MiddlewareFunc {
	if capacity <= 0 {
		return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
	}
	if maxWait <= 0 {
		maxWait = DefaultTurnWait
	}
	slots := semaphore.NewWeighted(int64(capacity))
	waiting := prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "summit", Subsystem: "http", Name: "requests_waiting",
		Help: "API requests waiting for their turn (SUMMIT_ACTIVE_REQUESTS are worked on at once)."})
	refused := prometheus.NewCounter(prometheus.CounterOpts{Namespace: "summit", Subsystem: "http", Name: "requests_overloaded_total",
		Help: "API requests answered 503 overloaded: no turn came within SUMMIT_TURN_WAIT, or the client left while waiting."})
	if reg != nil {
		reg.MustRegister(waiting, refused)
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if !isAPI(c) || req.ContentLength > readBeforeTurnLimit || req.ContentLength < 0 {
				return next(c)
			}
			if req.ContentLength > 0 {
				body, err := io.ReadAll(req.Body)
				if err != nil { // the client stopped sending: its body is incomplete
					return echo.NewHTTPError(http.StatusBadRequest, "incomplete request body").SetInternal(err)
				}
				req.Body = io.NopCloser(bytes.NewReader(body))
			}
			if !slots.TryAcquire(1) {
				waiting.Inc()
				wait, cancel := context.WithTimeout(req.Context(), maxWait)
				err := slots.Acquire(wait, 1)
				cancel()
				waiting.Dec()
				if err != nil { // the wait ran out, or the client left while waiting
					refused.Inc()
					return &overloadedError{RetryAfter: time.Second}
				}
			}
			w := &turnWriter{ResponseWriter: c.Response().Writer, release: sync.OnceFunc(func() { slots.Release(1) })}
			defer w.release()
			c.Response().Writer = w
			return next(c)
		}
	}
}

// turnWriter gives up its request's turn once the answer grows past streamAfter.
type turnWriter struct {
	http.ResponseWriter
	sent    int
	release func()
}

func (w *turnWriter) Write(p []byte) (int, error) {
	if w.sent+len(p) > streamAfter {
		w.release()
	}
	n, err := w.ResponseWriter.Write(p)
	w.sent += n
	return n, err
}

// Flush and Unwrap keep http.ResponseController working through the wrapper.
func (w *turnWriter) Flush() {
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *turnWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
