package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain/forecasts"
)

// ForecastsJobLock is the advisory lock key of the daily confidence job: with several
// instances on one database, one of them does the day's work.
const ForecastsJobLock int64 = 0x53554d4d49540a // "SUMMIT\n"

// RunDailyForecasts runs svc.RefreshDue for today while holding a PostgreSQL session
// advisory lock on a connection of its own. When another instance holds the lock it
// does nothing (ran false): that instance is doing the work, and whatever it leaves
// behind the next run catches up.
func RunDailyForecasts(ctx context.Context, db *gorm.DB, svc *forecasts.Service, today time.Time) (refreshed int, ran bool, err error) {
	sqlDB, err := db.DB()
	if err != nil {
		return 0, false, err
	}
	c, err := sqlDB.Conn(ctx)
	if err != nil {
		return 0, false, translate(err, "daily forecasts: connection")
	}
	defer c.Close()
	if err := c.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", ForecastsJobLock).Scan(&ran); err != nil {
		return 0, false, translate(err, "daily forecasts: lock")
	}
	if !ran {
		return 0, false, nil
	}
	defer func() {
		// Unlock even when ctx is done; closing the connection would release it too.
		_, _ = c.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", ForecastsJobLock)
	}()
	refreshed, err = svc.RefreshDue(ctx, today)
	return refreshed, true, err
}
