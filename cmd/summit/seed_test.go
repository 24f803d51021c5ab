package main

import (
	"strings"
	"testing"
)

// TestSeedScaleFromTheCommandLine follows README: `summit seed --scale N` loads the demo
// and N deals, a second run adds a second batch; wrong flags are refused before the
// database is touched.
func TestSeedScaleFromTheCommandLine(t *testing.T) {
	cfg, ctx, log, out := commandLine(t)

	tests := []struct {
		name    string
		args    string
		wantErr string
		wantOut []string
	}{
		{"nothing to load", "", "--demo, or --scale N", nil},
		{"zero deals", "--scale 0", "from 1 to 1000000", nil},
		{"negative", "--scale -3", "from 1 to 1000000", nil},
		{"not a number", "--scale many", "invalid value", nil},
		{"stray argument", "--scale 5 more", `unexpected argument "more"`, nil},
		{"first batch", "--scale 30", "", []string{"demo data: 8 users", "scale batch S1: 30 deals", "(S1-00001)", "confidence figures stored"}},
		{"second batch, with --demo", "--demo --scale 30", "", []string{"demo data: 0 users", "scale batch S2: 30 deals", "(0 new, 0 new contacts)"}},
		{"demo only", "--demo", "", []string{"demo data: 0 users, 0 teams and 0 deals added"}},
	}
	for _, tc := range tests {
		out.Reset()
		err := runSeed(ctx, cfg, log, strings.Fields(tc.args))
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
		if tc.args == "--demo" && strings.Contains(out.String(), "scale batch") {
			t.Errorf("%s: out = %q, want no scale batch", tc.name, out.String())
		}
	}
}
