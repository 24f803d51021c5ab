package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"summit/domain/targets"
	"summit/repository"
)

// runSnapshot is `summit snapshot [--date YYYY-MM-DD]`: the day's forecast snapshot taken
// by hand (docs/forecast-history.md). Today's copies every open deal's stored figures
// (brought up to date first); a past day's runs the confidence engine as of that day over
// TODAY's data — plans, people, amounts and statuses as they are now, not as they were —
// and says so. A day that has a snapshot is left as it is.
func runSnapshot(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	date := fs.String("date", "", "take the snapshot of this past `YYYY-MM-DD` (UTC) instead of today: the engine is run "+
		"as of that day over today's data (plans, people, amounts and statuses as they are now)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("snapshot: unexpected argument %q", fs.Arg(0))
	}
	day := time.Now().UTC()
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return fmt.Errorf("snapshot: --date takes a day as YYYY-MM-DD, not %q", *date)
		}
		if d.After(day) {
			return fmt.Errorf("snapshot: --date %s is in the future", *date)
		}
		day = d
	}
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	services := repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth})
	start := time.Now()
	t, err := services.History.Take(ctx, day)
	if err != nil {
		return err
	}
	switch {
	case t.Already:
		fmt.Fprintf(stdout, "snapshot of %s: already taken, left as it is\n", t.Day.Format(time.DateOnly))
		return nil
	case t.Recomputed:
		fmt.Fprintf(stdout, "snapshot of %s: the confidence engine run as of that day over today's data "+
			"(plans, people, amounts and statuses as they are now, not as they were then)\n", t.Day.Format(time.DateOnly))
	default:
		fmt.Fprintf(stdout, "snapshot of %s: every open deal's stored figures\n", t.Day.Format(time.DateOnly))
	}
	fmt.Fprintf(stdout, "  %d deals, %d scope roll-ups, in %s\n", t.Deals, t.Scopes, time.Since(start).Round(time.Millisecond))
	return nil
}
