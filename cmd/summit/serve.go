package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"gorm.io/gorm"

	"summit/domain/boards"
	"summit/domain/changes"
	"summit/domain/targets"
	"summit/frontend"
	"summit/handlers"
	"summit/policies"
	"summit/repository"
)

func runServe(ctx context.Context, cfg config, log *slog.Logger, _ []string) error {
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	return serve(ctx, cfg, log, gdb, sqlDB, nil)
}

// serve runs the HTTP server until ctx is cancelled (SIGINT/SIGTERM), then drains open
// requests for up to SUMMIT_SHUTDOWN_TIMEOUT. ready, when set, is called once listening.
func serve(ctx context.Context, cfg config, log *slog.Logger, gdb *gorm.DB, sqlDB *sql.DB, ready func()) error {
	gcPercent, memoryLimit := applyGCDefaults(os.Getenv)
	log.Info("garbage collector", "gogc", gcSetting(gcPercent, fmt.Sprint(serverGCPercent)),
		"gomemlimit", gcSetting(memoryLimit, fmt.Sprintf("%dMiB", serverMemoryLimit>>20)))
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(sqlDB, "summit"),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "summit_db_statements_total",
			Help: "SQL statements sent to PostgreSQL, BEGIN and COMMIT included.",
		}, func() float64 { return float64(repository.StatementsTotal()) }),
	)
	policy, err := policies.Load()
	if err != nil {
		return err
	}
	proxies, err := cfg.trustedProxies()
	if err != nil {
		return err
	}
	// The settings row is written on the first start with the configured fiscal year
	// start month; from then on GET/PATCH /settings own it.
	services := repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth})
	services.Boards.Cache = boards.NewCache(cfg.BoardCacheTTL)
	services.Changes.Cache = changes.NewCache(cfg.BoardCacheTTL)
	if _, err := services.Targets.Settings(ctx); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	e, err := handlers.New(handlers.Deps{
		SQL: sqlDB, Log: log, Metrics: reg, SPA: frontend.Files(),
		Identity: cfg.identityService(gdb), Deals: services.Deals,
		Stakeholders: services.Stakeholders, Reviews: services.Reviews, Forecasts: services.Forecasts, Policy: policy,
		Targets: services.Targets, Boards: services.Boards, History: services.History, Changes: services.Changes, DealHistory: services.DealHistory, Calibration: services.Calibration, ConfidenceModels: services.ConfidenceModels, Version: version, FiscalYearStartMonth: cfg.FiscalYearStartMonth,
		CountStatements: repository.CountStatements,
	}, handlers.Options{RequestTimeout: cfg.RequestTimeout, BodyLimit: cfg.BodyLimit,
		ActiveRequests: cfg.activeRequests(), TurnWait: cfg.TurnWait,
		TrustedProxies: proxies, MetricsToken: cfg.MetricsToken, MetricsElsewhere: cfg.MetricsAddr != "",
		RequestLogLevel: cfg.requestLogLevel})
	if err != nil {
		return err
	}
	srv := httpServer(cfg, log, cfg.Addr, e)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on SUMMIT_ADDR %s: %w", cfg.Addr, err)
	}
	servers := []*http.Server{srv}
	failed := make(chan error, 2)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			failed <- err
		}
	}()
	log.Info("listening", "addr", ln.Addr().String(), "version", version)
	if cfg.MetricsAddr != "" {
		metrics := httpServer(cfg, log, cfg.MetricsAddr, handlers.MetricsHandler(reg, cfg.MetricsToken))
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			srv.Close()
			return fmt.Errorf("listen on SUMMIT_METRICS_ADDR %s: %w", cfg.MetricsAddr, err)
		}
		servers = append(servers, metrics)
		go func() {
			if err := metrics.Serve(mln); !errors.Is(err, http.ErrServerClosed) {
				failed <- err
			}
		}()
		log.Info("serving metrics", "addr", mln.Addr().String())
	}
	jobDone := make(chan struct{})
	jobCtx, stopJob := context.WithCancel(ctx)
	defer func() { stopJob(); <-jobDone }()
	go func() {
		defer close(jobDone)
		runForecastsJob(jobCtx, log, gdb, services.Forecasts, services.History)
	}()
	if ready != nil {
		ready()
	}
	select {
	case err := <-failed:
		for _, s := range servers {
			s.Close()
		}
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", cfg.ShutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	var errs []error
	for _, s := range servers {
		errs = append(errs, s.Shutdown(shutdownCtx))
	}
	return errors.Join(errs...)
}

// httpServer is an HTTP server on addr with the configured timeouts.
func httpServer(cfg config, log *slog.Logger, addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadTimeout:       cfg.ReadTimeout,
		ReadHeaderTimeout: cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}
