package handlers

import (
	"compress/gzip"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"summit/domain"
)

// useMiddleware installs, outermost first: request id → statement counter → access log → security headers →
// metrics → panic recovery → turns → compression → body limit → time limit. Recovery sits inside the log and
// metrics so a panic is counted and logged as the 500 the caller got. A request's time limit starts when it
// has its turn, and the compression of its answer is done within the turn.
func useMiddleware(e *echo.Echo, deps Deps, opts Options) {
	e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{
		RequestIDHandler: func(c echo.Context, id string) { withValue(c, requestIDKey, id) },
	}))
	e.Use(countStatements(deps.CountStatements))
	e.Use(accessLog(deps.Log, opts.RequestLogLevel))
	e.Use(securityHeaders()...)
	e.Use(echoprometheus.NewMiddlewareWithConfig(echoprometheus.MiddlewareConfig{
		Namespace:  "summit",
		Subsystem:  "http",
		Registerer: deps.Metrics,
		// Every label value comes from a fixed set, so no request can add a series: the
		// route template (not the path), the method (unknown ones folded), the status class.
		// echoprometheus always has a host label; it is left empty (Prometheus drops it).
		LabelFuncs: map[string]echoprometheus.LabelValueFunc{
			"code":   func(c echo.Context, err error) string { return statusClass(responseStatus(c, err)) },
			"method": func(c echo.Context, _ error) string { return methodLabel(c.Request().Method) },
			"host":   func(echo.Context, error) string { return "" },
			"url":    func(c echo.Context, _ error) string { return routeLabel(c) },
		},
	}))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableErrorHandler: true, // return the panic as an error; errorHandler answers 500
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			deps.Log.ErrorContext(c.Request().Context(), "panic", "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(takeTurns(opts.ActiveRequests, opts.TurnWait, deps.Metrics))
	e.Use(compressAPI())
	e.Use(middleware.BodyLimit(opts.BodyLimit))
	e.Use(requestTimeout(opts.RequestTimeout))
}

// compressAPI gzips API answers of 1 KB and more for clients that accept it. The web app's
// files come precompressed (spa.go), and workbooks are zip files already.
func compressAPI() echo.MiddlewareFunc {
	return middleware.GzipWithConfig(middleware.GzipConfig{
		// Level 1 is the standard library's fast path: a 49 KB deals page compresses to
		// 8.4 KB instead of level 5's 7.4 KB in about a third of the CPU (docs/benchmarks.md),
		// and compression was a third of the server's CPU on a page at level 5.
		Level:     gzip.BestSpeed,
		MinLength: 1024,
		Skipper: func(c echo.Context) bool {
			return !isAPI(c) || strings.HasSuffix(c.Request().URL.Path, ".xlsx")
		},
	})
}

// appCSP is the web app's Content-Security-Policy: its own scripts only (the built
// index.html has no inline script), no plugins, no framing, no foreign forms or base.
// Styles allow 'unsafe-inline' because Mantine renders its theme variables in <style>
// elements at run time.
const appCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// apiCSP is the policy of JSON answers: nothing in them may load or be framed.
const apiCSP = "default-src 'none'; frame-ancestors 'none'"

// hstsMaxAge is one year, in seconds.
const hstsMaxAge = 365 * 24 * 60 * 60

// securityHeaders set on every response: nosniff, no framing, a referrer policy, a CSP
// (the app's, or a deny-all one for the API), Cache-Control: no-store unless the SPA
// handler says otherwise (index.html revalidated, hashed assets immutable), and HSTS when
// the request came over TLS, directly or through a trusted proxy (c.Scheme()).
func securityHeaders() []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{
		middleware.SecureWithConfig(middleware.SecureConfig{
			ContentTypeNosniff:    "nosniff",
			XFrameOptions:         "DENY",
			ReferrerPolicy:        "strict-origin-when-cross-origin",
			HSTSMaxAge:            hstsMaxAge,
			HSTSExcludeSubdomains: true, // other hosts of the domain are not ours to pin
			ContentSecurityPolicy: appCSP,
		}),
		func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error {
				h := c.Response().Header()
				h.Set(echo.HeaderCacheControl, "no-store")
				if isAPI(c) {
					h.Set(echo.HeaderContentSecurityPolicy, apiCSP)
				}
				return next(c)
			}
		},
	}
}

// isAPI reports whether the request is for the JSON API.
func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

// accessLog writes one JSON line per request at level (error for a 5xx): method, route,
// status, latency, bytes and, when counted, the SQL statements it sent (db_statements).
func accessLog(log *slog.Logger, level slog.Level) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRoutePath: true, LogResponseSize: true, LogError: true,
		HandleError: true, // let errorHandler write the response first so the status is final
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			lvl := level
			if v.Status >= 500 {
				lvl = slog.LevelError
			}
			ctx := c.Request().Context()
			attrs := []slog.Attr{
				slog.String("method", v.Method), slog.String("uri", loggedURI(c.Request().URL)), slog.String("route", v.RoutePath),
				slog.Int("status", v.Status), slog.Float64("latency_ms", float64(v.Latency.Microseconds())/1000),
				slog.Int64("bytes_out", v.ResponseSize), slog.String("remote_ip", v.RemoteIP),
			}
			if n, ok := statementsOf(ctx); ok {
				attrs = append(attrs, slog.Int64("db_statements", n))
			}
			log.LogAttrs(ctx, lvl, "request", attrs...)
			return nil
		},
	})
}

// secretParam matches query parameter names whose values must not reach the log. No route
// takes a credential in the query (API tokens travel in Authorization), but a client may
// still send one there.
var secretParam = regexp.MustCompile(`(?i)token|password|passwd|secret|key|auth|session|csrf|signature`)

// loggedURI is the request path and query with the values of secret-looking parameters
// replaced by "redacted".
func loggedURI(u *url.URL) string {
	if u.RawQuery == "" {
		return u.RequestURI()
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return u.EscapedPath() + "?(unparsable query)"
	}
	for name, values := range q {
		if secretParam.MatchString(name) {
			for i := range values {
				values[i] = "redacted"
			}
		}
	}
	return u.EscapedPath() + "?" + q.Encode()
}

// requestTimeout cancels an API request's context after d; a handler that runs out of
// time answers 503 "timeout".
func requestTimeout(d time.Duration) echo.MiddlewareFunc {
	return middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{
		Skipper: func(c echo.Context) bool { return !isAPI(c) },
		Timeout: d,
		ErrorHandler: func(err error, c echo.Context) error {
			return err // errorHandler maps context.DeadlineExceeded
		},
	})
}

// responseStatus is the status the caller gets: the written one, or the one errorHandler
// will write for err.
func responseStatus(c echo.Context, err error) int {
	if err == nil {
		return c.Response().Status
	}
	status, _ := describe(err, LocaleEN)
	return status
}

// statusClass is "2xx", "4xx" and so on.
func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

// methodLabel is the request method when it is a standard one, else "other".
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return method
	}
	return "other"
}

// routeLabel is the matched route template such as /api/v1/deals/:id, or "unmatched".
func routeLabel(c echo.Context) string {
	if p := c.Path(); p != "" {
		return p
	}
	return "unmatched"
}

// metricsAuthorized reports whether r carries "Authorization: Bearer <token>". The
// comparison takes the same time whatever the guess (hashes of equal length).
func metricsAuthorized(r *http.Request, token string) bool {
	const scheme = "bearer "
	got := r.Header.Get(echo.HeaderAuthorization)
	if len(got) < len(scheme) || !strings.EqualFold(got[:len(scheme)], scheme) {
		return false
	}
	want, have := sha256.Sum256([]byte(token)), sha256.Sum256([]byte(got[len(scheme):]))
	return subtle.ConstantTimeCompare(want[:], have[:]) == 1
}

// metricsHandler serves Prometheus metrics (GET /metrics) on the main listener to holders
// of the metrics token.
func metricsHandler(reg *prometheus.Registry, token string) echo.HandlerFunc {
	h := promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg})
	return func(c echo.Context) error {
		if !metricsAuthorized(c.Request(), token) {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
			return domain.ErrUnauthenticated
		}
		h.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}

// MetricsHandler serves Prometheus metrics at GET /metrics on a listener of their own
// (SUMMIT_METRICS_ADDR); with a token set it is required there too.
func MetricsHandler(reg *prometheus.Registry, token string) http.Handler {
	h := promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		if token != "" && !metricsAuthorized(r, token) {
			w.Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
			http.Error(w, "metrics need Authorization: Bearer <SUMMIT_METRICS_TOKEN>", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
	return mux
}
