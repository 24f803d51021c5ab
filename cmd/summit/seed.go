package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"

	"summit/domain/targets"
	"summit/repository"
)

func runSeed(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	demo := fs.Bool("demo", false, "load the demo organisation (idempotent)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !*demo {
		return fmt.Errorf("seed: say what to load: --demo")
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
	fmt.Fprintf(stdout, "demo data: %d users, %d teams and %d deals added\n", report.UsersCreated, report.TeamsCreated, report.DealsCreated)
	board, err := repository.SeedDemoBoard(ctx, gdb, targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo board: %d USD deals, %d FX rates and %d targets added\n", board.DealsCreated, board.RatesCreated, board.TargetsCreated)
	return nil
}
