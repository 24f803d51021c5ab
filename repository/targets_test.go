package repository_test

import (
	"context"
	"errors"
	"testing"

	"summit/domain"
	"summit/domain/identity"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestConverterAtAPeriodsRates: the service's converter uses the period's own rates; a
// month without one falls back to its fiscal quarter's; anything else is the missing-rate
// error naming currency and period, never a zero.
func TestConverterAtAPeriodsRates(t *testing.T) {
	t.Parallel()
	gdb, _ := dbtest.New(t)
	ctx := context.Background()
	svc := repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: 4}).Targets // 2026-Q3 is Oct–Dec 2026
	for _, r := range []targets.FXRate{
		{Period: "2026-Q3", Currency: "USD", Rate: "7.1"},
		{Period: "2026-11", Currency: "USD", Rate: "7.2"},
		{Period: "2026-Q3", Currency: "EUR", Rate: "7.8"},
	} {
		if _, err := svc.CreateRate(ctx, identity.Actor{}, r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		period, currency string
		want             int64 // of 100.00
		missing          bool
	}{
		{"2026-Q3", "USD", 710_00, false},
		{"2026-11", "USD", 720_00, false}, // the month's own rate
		{"2026-12", "USD", 710_00, false}, // its quarter's
		{"2026-12", "EUR", 780_00, false},
		{"2026-12", "CNY", 100_00, false},
		{"2027-01", "USD", 0, true}, // 2026-Q4 has no rate
		{"2026-Q4", "EUR", 0, true},
	}
	for _, tc := range tests {
		c, err := svc.Converter(ctx, tc.period)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Convert(100_00, tc.currency, tc.period)
		var missing *targets.MissingRateError
		switch {
		case tc.missing && (!errors.As(err, &missing) || missing.Currency != tc.currency || missing.Period != tc.period):
			t.Errorf("%s %s: %d, %v; want a missing rate naming both", tc.period, tc.currency, got, err)
		case !tc.missing && (err != nil || got != tc.want):
			t.Errorf("%s %s: %d, %v; want %d", tc.period, tc.currency, got, err, tc.want)
		}
	}
}

// TestFiscalYearChangeWaitsForATargetBeingCreated: a target of a quarter is being created
// (its transaction holds the settings); a change of the fiscal year start month waits for
// it, then sees the target and is refused — the quarter is never re-labelled under it.
func TestFiscalYearChangeWaitsForATargetBeingCreated(t *testing.T) {
	t.Parallel()
	gdb, sqlDB := dbtest.New(t)
	ctx := context.Background()
	svc := repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: 4}).Targets
	st, err := svc.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	created, release := make(chan struct{}), make(chan struct{})
	createErr := make(chan error, 1)
	go func() {
		createErr <- svc.Store.Tx(ctx, func(ctx context.Context) error {
			if _, err := svc.CreateTarget(ctx, identity.Actor{}, targets.Target{Period: "2026-Q4", AmountMinor: 1}); err != nil {
				return err
			}
			close(created)
			<-release // commit only when told
			return nil
		})
	}()
	<-created
	month := 1
	updateErr := make(chan error, 1)
	go func() {
		_, err := svc.UpdateSettings(ctx, identity.Actor{}, st.Version, targets.SettingsPatch{FiscalYearStartMonth: &month})
		updateErr <- err
	}()
	// Wait until the change waits on a lock, or has finished (it must not have).
	var finished error
	waiting := false
	for !waiting {
		select {
		case finished = <-updateErr:
			t.Fatalf("the change did not wait for the target's transaction: %v", finished)
		default:
		}
		var n int
		if err := sqlDB.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		waiting = n > 0
	}
	close(release)
	if err := <-createErr; err != nil {
		t.Fatal(err)
	}
	var verr *domain.ValidationError
	if err := <-updateErr; !errors.As(err, &verr) || verr.Violations[0].Field != "fiscal_year_start_month" {
		t.Errorf("change after the target: %v, want refused on fiscal_year_start_month", err)
	}
	if now, err := svc.Settings(ctx); err != nil || now.FiscalYearStartMonth != 4 {
		t.Errorf("settings %+v, %v; want the fiscal year unchanged", now, err)
	}
}
