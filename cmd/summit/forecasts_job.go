package main

import (
	"context"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"summit/domain/forecasts"
	"summit/domain/history"
	"summit/repository"
)

// runForecastsJob is the daily confidence job: at start (catching up on what a stopped
// server missed) and at every UTC midnight after, it recomputes the stored figures of
// every deal not yet computed for today (staleness and overdue dates change with time
// alone), then takes the day's forecast snapshot from them (and the missed days',
// bounded: docs/forecast-history.md). With several instances on one database one of them
// does it (repository.RunDailyJob). It returns when ctx is done.
func runForecastsJob(ctx context.Context, log *slog.Logger, gdb *gorm.DB, svc *forecasts.Service, hist *history.Service) {
	for {
		runDailyJob(ctx, log, gdb, svc, hist)
		now := time.Now().UTC()
		midnight := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.UTC)
		timer := time.NewTimer(midnight.Sub(now))
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// refreshForecasts runs the job once and logs what it did.
func refreshForecasts(ctx context.Context, log *slog.Logger, gdb *gorm.DB, svc *forecasts.Service) {
	start := time.Now()
	n, ran, err := repository.RunDailyForecasts(ctx, gdb, svc, start.UTC())
	switch {
	case err != nil && ctx.Err() == nil:
		log.Error("daily confidence job failed", "deals_refreshed", n, "err", err)
	case err != nil:
		log.Info("daily confidence job stopped", "deals_refreshed", n)
	case !ran:
		log.Info("daily confidence job: another instance is running it")
	default:
		log.Info("daily confidence job", "deals_refreshed", n, "took", time.Since(start).Round(time.Millisecond).String())
	}
}

// runDailyJob runs the whole daily job once (figures, then snapshots) and logs what it did.
func runDailyJob(ctx context.Context, log *slog.Logger, gdb *gorm.DB, svc *forecasts.Service, hist *history.Service) {
	start := time.Now()
	n, taken, ran, err := repository.RunDailyJob(ctx, gdb, svc, hist, start.UTC())
	days := make([]string, 0, len(taken))
	for _, t := range taken {
		days = append(days, t.Day.Format(time.DateOnly))
	}
	switch {
	case err != nil && ctx.Err() == nil:
		log.Error("daily confidence job failed", "deals_refreshed", n, "snapshots_taken", days, "err", err)
	case err != nil:
		log.Info("daily confidence job stopped", "deals_refreshed", n, "snapshots_taken", days)
	case !ran:
		log.Info("daily confidence job: another instance is running it")
	default:
		log.Info("daily confidence job", "deals_refreshed", n, "snapshots_taken", days, "took", time.Since(start).Round(time.Millisecond).String())
	}
}
