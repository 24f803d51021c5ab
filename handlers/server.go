// Package handlers is Summit's HTTP layer: Echo routes, request decoding and validation,
// response shapes, and the one place that maps errors to HTTP statuses (errors.go).
// Handlers are thin: decode, validate, authorize, call the domain, encode.
package handlers

import (
	"database/sql"
	"io/fs"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"
)

// Deps are what the HTTP layer needs from the rest of the program.
type Deps struct {
	SQL                  *sql.DB // for readiness and pool metrics
	DB                   *gorm.DB
	Log                  *slog.Logger
	Metrics              *prometheus.Registry
	SPA                  fs.FS
	Version              string
	FiscalYearStartMonth int
}

// Options tune the HTTP layer.
type Options struct {
	// RequestTimeout bounds each API request's context; work past it is cancelled.
	RequestTimeout time.Duration
	// BodyLimit is the largest accepted request body, e.g. "10M".
	BodyLimit string
}

// apiBase is the base path of the JSON API.
const apiBase = "/api/v1"

// server holds the dependencies every handler method uses.
type server struct {
	deps Deps
}

// New builds the Echo instance with middleware and every route registered.
func New(deps Deps, opts Options) (*echo.Echo, error) {
	_, openAPI, err := loadOpenAPI()
	if err != nil {
		return nil, err
	}
	s := &server{deps: deps}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(deps.Log)
	e.Validator = requestValidatorInstance()
	useMiddleware(e, deps, opts)

	health := healthHandlers{db: deps.SQL}
	e.GET("/healthz", health.alive)
	e.GET("/readyz", health.ready)
	e.GET("/metrics", metricsHandler(deps.Metrics))

	// The group has no middleware of its own: Echo would register a catch-all for it that
	// turns a wrong method (405) into a 404. API-wide middleware is global with a skipper.
	api := e.Group(apiBase)
	api.GET("/openapi.json", openAPIHandler(openAPI))
	api.GET("/meta", s.meta)

	// Everything else is the web app; unknown /api paths stay JSON 404s (spaHandler).
	e.GET("/*", spaHandler(deps.SPA))
	return e, nil
}
