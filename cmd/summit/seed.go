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

func runSeed(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	demo := fs.Bool("demo", false, "load the demo organisation (idempotent)")
	scale := fs.Int("scale", 0, "after the demo, add `N` generated deals (implies --demo; each run adds a new batch)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	scaleSet := false
	fs.Visit(func(f *flag.Flag) { scaleSet = scaleSet || f.Name == "scale" })
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("seed: unexpected argument %q", fs.Arg(0))
	case scaleSet && (*scale < 1 || *scale > repository.MaxScaleDeals):
		return fmt.Errorf("seed: --scale takes a number of deals from 1 to %d, not %d", repository.MaxScaleDeals, *scale)
	case !*demo && !scaleSet:
		return fmt.Errorf("seed: say what to load: --demo, or --scale N for the demo plus N generated deals")
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
	defaults := targets.Settings{FiscalYearStartMonth: cfg.FiscalYearStartMonth}
	board, err := repository.SeedDemoBoard(ctx, gdb, defaults)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo board: %d USD deals, %d FX rates and %d targets added\n", board.DealsCreated, board.RatesCreated, board.TargetsCreated)
	// The simulated days' scope roll-ups are the daily snapshot's own (history.Service.RollUp).
	past, err := repository.SeedDemoHistory(ctx, gdb, defaults, repository.NewServices(gdb, defaults).History.RollUp)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo history: %d past deals (%d won, %d lost), %d this week and %d moves; %d simulated snapshot days "+
		"(%d deal rows), %d rolled up; took %s\n", past.PastDeals, past.Won, past.Lost, past.ThisWeek, past.Moves, past.Days,
		past.DealSnapshots, past.RolledUp, past.Took.Round(time.Millisecond))
	if !scaleSet {
		return nil
	}
	r, err := repository.SeedScale(ctx, gdb, *scale, defaults)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "scale batch S%d: %d deals (%d open, %d won, %d lost, %d abandoned) named \"… (S%d-00001)\" on, "+
		"for %d customers (%d new, %d new contacts)\n",
		r.Batch, r.Deals, r.Open, r.Won, r.Lost, r.Abandoned, r.Batch, r.CustomersUsed, r.CustomersCreated, r.Contacts)
	fmt.Fprintf(stdout, "  %d milestones, %d dependencies, %d baselines (%d dates), %d stakeholders (%d history entries), "+
		"%d retrospectives (%d actions), %d gate decisions, %d activity lines, %d FX rates\n",
		r.Milestones, r.Dependencies, r.Baselines, r.BaselineMilestones, r.Stakeholders, r.StakeholderHistory,
		r.Retrospectives, r.RetrospectiveActions, r.GateDecisions, r.Activity, r.RatesCreated)
	fmt.Fprintf(stdout, "  confidence figures stored for %d deals\n", r.ForecastsRefreshed)
	if r.ForecastsDeferred {
		fmt.Fprintln(stdout, "  another instance runs the daily confidence job: it computes the other deals' figures")
	}
	fmt.Fprintf(stdout, "  took %s (rows %s, confidence figures %s)\n", r.Took.Round(time.Millisecond),
		r.Writing.Round(time.Millisecond), r.Figures.Round(time.Millisecond))
	return nil
}
