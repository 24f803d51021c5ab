package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"summit/domain/targets"
	"summit/repository"
	"summit/repository/pgcluster"
)

// runDev is what `make run` starts: with DATABASE_URL unset it runs a project-local
// PostgreSQL cluster (SUMMIT_LOCAL_PG_DIR, port SUMMIT_LOCAL_PG_PORT) for as long as the
// server runs and stops it on Ctrl-C; data is kept for the next run. It loads the demo
// organisation (adding only what is missing) and serves, printing a banner with the
// address and the demo sign-ins that the requests' log lines do not push away (forDev).
func runDev(ctx context.Context, cfg config, log *slog.Logger, _ []string) (err error) {
	cfg = forDev(cfg)
	if cfg.DatabaseURL == "" {
		fmt.Printf("Starting the project-local PostgreSQL in %s (port %d)…\n", cfg.LocalPGDir, cfg.LocalPGPort)
		cluster, err := pgcluster.Start(ctx, pgcluster.Options{Dir: cfg.LocalPGDir, Port: cfg.LocalPGPort})
		if err != nil {
			return err
		}
		defer func() {
			stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if stopErr := cluster.Stop(stopCtx); stopErr != nil {
				err = errors.Join(err, stopErr)
			} else {
				fmt.Println("PostgreSQL stopped; data kept in", cfg.LocalPGDir)
			}
		}()
		if err := ensureDatabase(ctx, cluster.URL("postgres"), "summit"); err != nil {
			return err
		}
		cfg.DatabaseURL = cluster.URL("summit")
	}
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	report, err := repository.SeedDemo(ctx, gdb)
	if err != nil {
		return err
	}
	log.Info("demo data", "users_added", report.UsersCreated, "teams_added", report.TeamsCreated, "deals_added", report.DealsCreated)
	board, err := repository.SeedDemoBoard(ctx, gdb, targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth})
	if err != nil {
		return err
	}
	log.Info("demo board", "usd_deals_added", board.DealsCreated, "fx_rates_added", board.RatesCreated, "targets_added", board.TargetsCreated)
	// The simulated days' scope roll-ups are the daily snapshot's own (history.Service.RollUp).
	defaults := targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth}
	services := repository.NewServices(gdb, defaults)
	past, err := repository.SeedDemoHistory(ctx, gdb, defaults, services.History.RollUp)
	if err != nil {
		return err
	}
	log.Info("demo history", "past_deals_added", past.PastDeals, "this_week_deals_added", past.ThisWeek, "snapshot_days", past.Days)
	// Every demo deal has its stored confidence before the first page is served.
	refreshForecasts(ctx, log, gdb, services.Forecasts)
	return serve(ctx, cfg, log, gdb, sqlDB, func() { printBanner(cfg) })
}

// forDev is the configuration `summit dev` serves with: each request's log line at debug
// (shown with SUMMIT_LOG_LEVEL=debug), so after the banner the terminal stays quiet
// unless something goes wrong (a 5xx is still logged, at error).
func forDev(cfg config) config {
	cfg.requestLogLevel = slog.LevelDebug
	return cfg
}

// ensureDatabase creates database name on the server at adminURL unless it exists.
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	db, err := sql.Open("pgx", adminURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("local PostgreSQL: %w", err)
	}
	if exists {
		return nil
	}
	_, err = db.ExecContext(ctx, `CREATE DATABASE `+name)
	return err
}

func printBanner(cfg config) {
	host, port, _ := net.SplitHostPort(cfg.Addr)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	fmt.Fprintf(stdout, "\nSummit is running at http://%s\n\nDemo sign-ins (password %q):\n", net.JoinHostPort(host, port), repository.DemoPassword)
	for _, u := range repository.DemoUsers {
		fmt.Fprintf(stdout, "  %-26s %-9s %s\n", u.Email, u.Role, u.Name)
	}
	fmt.Fprintln(stdout, "\nRequests are logged at debug (SUMMIT_LOG_LEVEL=debug shows them).\nPress Ctrl-C to stop the server and the database.")
}
