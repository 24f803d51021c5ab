package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain/forecasts"
	"summit/domain/history"
)

// ForecastsJobLock is the advisory lock key of the daily confidence job: with several
// instances on one database, one of them does the day's work.
const ForecastsJobLock int64 = 0x53554d4d49540a // "SUMMIT\n"

// RunDailyForecasts runs svc.RefreshDue for today while holding a PostgreSQL session
// advisory lock on a connection of its own. When another instance holds the lock it
// does nothing (ran false): that instance is doing the work, and whatever it leaves
// behind the next run catches up.
func RunDailyForecasts(ctx context.Context, db *gorm.DB, svc *forecasts.Service, today time.Time) (refreshed int, ran bool, err error) {
	ran, err = withJobLock(ctx, db, func(ctx context.Context) error {
		var err error
		refreshed, err = svc.RefreshDue(ctx, today)
		return err
	})
	return refreshed, ran, err
}

// RunDailyJob is the whole daily job under the same lock as RunDailyForecasts: every
// deal's stored figures brought up to date for today, then the day's forecast snapshot
// (and the missed days', bounded: history.Service.CatchUp) taken from them. The
// snapshot's own key (forecast_snapshots.day) keeps a day from being taken twice even
// by a run outside the lock (summit snapshot).
func RunDailyJob(ctx context.Context, db *gorm.DB, fc *forecasts.Service, hist *history.Service, today time.Time) (refreshed int, taken []history.Taken, ran bool, err error) {
	ran, err = withJobLock(ctx, db, func(ctx context.Context) error {
		var err error
		if refreshed, err = fc.RefreshDue(ctx, today); err != nil {
			return err
		}
		taken, err = hist.CatchUp(ctx)
		return err
	})
	return refreshed, taken, ran, err
}

// withJobLock runs fn while holding the daily job's PostgreSQL session advisory lock on a
// connection of its own. When another instance holds the lock it does nothing (ran
// false): that instance is doing the work, and whatever it leaves behind the next run
// catches up.
func withJobLock(ctx context.Context, db *gorm.DB, fn func(ctx context.Context) error) (ran bool, err error) {
	sqlDB, err := db.DB()
	if err != nil {
		return false, err
	}
	c, err := sqlDB.Conn(ctx)
	if err != nil {
		return false, translate(err, "daily job: connection")
	}
	defer c.Close()
	if err := c.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", ForecastsJobLock).Scan(&ran); err != nil {
		return false, translate(err, "daily job: lock")
	}
	if !ran {
		return false, nil
	}
	defer func() {
		// Unlock even when ctx is done; closing the connection would release it too.
		_, _ = c.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", ForecastsJobLock)
	}()
	return true, fn(ctx)
}
