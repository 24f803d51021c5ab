package main

import (
	"strings"
	"testing"
	"time"
)

// TestSnapshotFromTheCommandLine follows docs/forecast-history.md: `summit snapshot`
// takes today's snapshot once (a second run says it is taken), `--date D` computes a past
// day over today's data and says so; bad dates are refused before the database is touched.
func TestSnapshotFromTheCommandLine(t *testing.T) {
	cfg, ctx, log, out := commandLine(t)
	if err := runSeed(ctx, cfg, log, []string{"--demo"}); err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC()
	// The demo simulates every day of the quarter and Mondays for the two years before it
	// (docs/demo-history.md): a day three years back has no snapshot yet, one 14 days back has.
	past := today.AddDate(-3, 0, 0).Format(time.DateOnly)
	simulated := today.AddDate(0, 0, -14).Format(time.DateOnly)
	tests := []struct {
		name    string
		args    string
		wantErr string
		wantOut []string
	}{
		{"not a date", "--date 30/11/2026", "YYYY-MM-DD", nil},
		{"the future", "--date " + today.AddDate(0, 0, 2).Format(time.DateOnly), "in the future", nil},
		{"stray argument", "today", `unexpected argument "today"`, nil},
		{"today", "", "", []string{"snapshot of " + today.Format(time.DateOnly) + ": every open deal's stored figures", " deals, "}},
		{"today again", "", "", []string{"already taken, left as it is"}},
		{"a day the demo simulated", "--date " + simulated, "", []string{"snapshot of " + simulated + ": already taken, left as it is"}},
		{"a past day", "--date " + past, "", []string{"snapshot of " + past + ": the confidence engine run as of that day over today's data"}},
	}
	for _, tc := range tests {
		out.Reset()
		err := runSnapshot(ctx, cfg, log, strings.Fields(tc.args))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		for _, want := range tc.wantOut {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: out = %q, want %q", tc.name, out.String(), want)
			}
		}
	}
}
