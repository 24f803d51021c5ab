// Package handlers is Summit's HTTP layer: Echo routes, request decoding and validation,
// response shapes, and the one place that maps errors to HTTP statuses (errors.go).
// Handlers are thin: decode, validate, authorize, call the domain, encode.
package handlers

import (
	"context"
	"database/sql"
	"io/fs"
	"log/slog"
	"net"
	"net/netip"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"summit/domain/boards"
	"summit/domain/calibration"
	"summit/domain/changes"
	"summit/domain/dealhistory"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/history"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/domain/targets"
	"summit/policies"
)

// Deps are what the HTTP layer needs from the rest of the program.
type Deps struct {
	SQL                  *sql.DB // for readiness and pool metrics
	Log                  *slog.Logger
	Metrics              *prometheus.Registry
	SPA                  fs.FS
	Identity             *identity.Service
	Deals                *deals.Service
	Stakeholders         *stakeholders.Service
	Reviews              *reviews.Service
	Forecasts            *forecasts.Service
	Targets              *targets.Service     // settings, targets and FX rates
	Boards               *boards.Service      // the executives' board
	History              *history.Service     // the forecast's snapshots and trend
	Changes              *changes.Service     // what changed since a snapshot
	DealHistory          *dealhistory.Service // a deal's confidence over time
	Calibration          *calibration.Service // calibration of the confidence against closed deals
	ConfidenceModels     *calibration.ModelService
	Policy               *policies.Enforcer
	Version              string
	FiscalYearStartMonth int
	// CountStatements, when set, returns the request's context carrying a counter of the
	// SQL statements sent with it, and the counter's reader (repository.CountStatements):
	// the access log's db_statements.
	CountStatements func(context.Context) (context.Context, func() int64)
}

// Options tune the HTTP layer.
type Options struct {
	// RequestTimeout bounds each API request's context; work past it is cancelled.
	RequestTimeout time.Duration
	// BodyLimit is the largest accepted request body, e.g. "10M".
	BodyLimit string
	// ActiveRequests is how many API requests run their handlers at once; the others wait
	// in arrival order, each at most TurnWait before a 503 overloaded. 0: no limit.
	ActiveRequests int
	TurnWait       time.Duration
	// TrustedProxies are the address ranges of reverse proxies. X-Forwarded-For is followed
	// hop by hop only through these, and X-Forwarded-Proto is believed only from them; from
	// anyone else both are ignored so a client cannot pick its own address or scheme.
	TrustedProxies []netip.Prefix
	// MetricsToken, when set, serves GET /metrics on this listener to requests carrying
	// "Authorization: Bearer <token>".
	MetricsToken string
	// MetricsElsewhere says metrics have their own listener (MetricsHandler); this one then
	// has no /metrics at all.
	MetricsElsewhere bool
	// RequestLogLevel is the level of the access log's line per request (the zero value is
	// info); `summit dev` logs them at debug so its terminal keeps the banner in view.
	// Requests answered with a 5xx are logged at error whatever it is.
	RequestLogLevel slog.Level
}

// proxyTrust is Echo's trust configuration for the forwarding headers: only the listed
// ranges, never loopback, link-local or private addresses by default.
func proxyTrust(proxies []netip.Prefix) []echo.TrustOption {
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range proxies {
		opts = append(opts, echo.TrustIPRange(&net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}))
	}
	return opts
}

// apiBase is the base path of the JSON API.
const apiBase = "/api/v1"

// server holds the dependencies every handler method uses.
type server struct {
	deps  Deps
	rules map[string]access // "METHOD /api/v1/path" → its access rule
}

// New builds the Echo instance with middleware and every route registered.
func New(deps Deps, opts Options) (*echo.Echo, error) {
	_, e, err := newServer(deps, opts)
	return e, err
}

func newServer(deps Deps, opts Options) (*server, *echo.Echo, error) {
	_, openAPI, err := loadOpenAPI()
	if err != nil {
		return nil, nil, err
	}
	s := &server{deps: deps, rules: map[string]access{}}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(deps.Log)
	e.Validator = requestValidatorInstance()
	e.IPExtractor, e.SchemeExtractor = echo.ExtractIPDirect(), echo.ExtractSchemeDirect()
	if len(opts.TrustedProxies) > 0 {
		trust := proxyTrust(opts.TrustedProxies)
		e.IPExtractor = echo.ExtractIPFromXFFHeader(trust...)
		e.SchemeExtractor = echo.ExtractSchemeFromHeaders(trust...)
	}
	useMiddleware(e, deps, opts)

	health := healthHandlers{db: deps.SQL}
	e.GET("/healthz", health.alive)
	e.GET("/readyz", health.ready)
	if opts.MetricsToken != "" && !opts.MetricsElsewhere {
		e.GET("/metrics", metricsHandler(deps.Metrics, opts.MetricsToken))
	} else {
		// Metrics are on their own listener or not served: never public, never the SPA.
		e.GET("/metrics", func(echo.Context) error { return echo.ErrNotFound })
	}

	// The group has no middleware of its own: Echo would register a catch-all for it that
	// turns a wrong method (405) into a 404. API-wide middleware is global with a skipper.
	s.registerAPI(e.Group(apiBase), openAPI)

	// Everything else is the web app; unknown /api paths stay JSON 404s (spaHandler).
	e.GET("/*", spaHandler(deps.SPA))
	return s, e, nil
}
