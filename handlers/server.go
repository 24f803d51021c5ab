// Package handlers is Summit's HTTP layer: Echo routes, request decoding and validation,
// response shapes, and the one place that maps errors to HTTP statuses (errors.go).
// Handlers are thin: decode, validate, authorize, call the domain, encode.
package handlers

import (
	"database/sql"
	"io/fs"
	"log/slog"
	"net"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/policies"
)

// Deps are what the HTTP layer needs from the rest of the program.
type Deps struct {
	SQL                  *sql.DB // for readiness and pool metrics
	DB                   *gorm.DB
	Log                  *slog.Logger
	Metrics              *prometheus.Registry
	SPA                  fs.FS
	Identity             *identity.Service
	Deals                *deals.Service
	Stakeholders         *stakeholders.Service
	Reviews              *reviews.Service
	Policy               *policies.Enforcer
	Version              string
	FiscalYearStartMonth int
}

// Options tune the HTTP layer.
type Options struct {
	// RequestTimeout bounds each API request's context; work past it is cancelled.
	RequestTimeout time.Duration
	// BodyLimit is the largest accepted request body, e.g. "10M".
	BodyLimit string
	// BehindProxy trusts X-Forwarded-For / X-Forwarded-Proto for the client address and
	// scheme; without it they are ignored so a client cannot pick its own IP.
	BehindProxy bool
}

var (
	_, everyIPv4, _ = net.ParseCIDR("0.0.0.0/0")
	_, everyIPv6, _ = net.ParseCIDR("::/0")
)

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
	if opts.BehindProxy {
		// The operator says a proxy sets X-Forwarded-For/-Proto for every request.
		e.IPExtractor = echo.ExtractIPFromXFFHeader(echo.TrustIPRange(everyIPv4), echo.TrustIPRange(everyIPv6))
		e.SchemeExtractor = echo.LegacySchemeExtractor()
	}
	useMiddleware(e, deps, opts)

	health := healthHandlers{db: deps.SQL}
	e.GET("/healthz", health.alive)
	e.GET("/readyz", health.ready)
	e.GET("/metrics", metricsHandler(deps.Metrics))

	// The group has no middleware of its own: Echo would register a catch-all for it that
	// turns a wrong method (405) into a 404. API-wide middleware is global with a skipper.
	s.registerAPI(e.Group(apiBase), openAPI)

	// Everything else is the web app; unknown /api paths stay JSON 404s (spaHandler).
	e.GET("/*", spaHandler(deps.SPA))
	return s, e, nil
}
