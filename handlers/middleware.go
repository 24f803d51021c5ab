package handlers

import (
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo-contrib/echoprometheus"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// useMiddleware installs, outermost first: request id → access log → metrics → panic
// recovery → body limit. Recovery sits inside the log and metrics so a panic is counted
// and logged as the 500 the caller got.
func useMiddleware(e *echo.Echo, deps Deps, opts Options) {
	e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{
		RequestIDHandler: func(c echo.Context, id string) { withValue(c, requestIDKey, id) },
	}))
	e.Use(accessLog(deps.Log))
	e.Use(echoprometheus.NewMiddlewareWithConfig(echoprometheus.MiddlewareConfig{
		Namespace:                 "summit",
		Subsystem:                 "http",
		Registerer:                deps.Metrics,
		DoNotUseRequestPathFor404: true,
		StatusCodeResolver: func(c echo.Context, err error) int {
			if err == nil {
				return c.Response().Status
			}
			status, _ := describe(err, LocaleEN)
			return status
		},
	}))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableErrorHandler: true, // return the panic as an error; errorHandler answers 500
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			deps.Log.ErrorContext(c.Request().Context(), "panic", "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(middleware.BodyLimit(opts.BodyLimit))
	e.Use(requestTimeout(opts.RequestTimeout))
}

// isAPI reports whether the request is for the JSON API.
func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

// accessLog writes one JSON line per request: method, route, status, latency, bytes.
func accessLog(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRoutePath: true, LogResponseSize: true, LogError: true,
		HandleError: true, // let errorHandler write the response first so the status is final
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("method", v.Method), slog.String("uri", loggedURI(c.Request().URL)), slog.String("route", v.RoutePath),
				slog.Int("status", v.Status), slog.Float64("latency_ms", float64(v.Latency.Microseconds())/1000),
				slog.Int64("bytes_out", v.ResponseSize), slog.String("remote_ip", v.RemoteIP))
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

// metricsHandler serves Prometheus metrics (GET /metrics).
func metricsHandler(reg *prometheus.Registry) echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
}
