package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestServerGCDefaultsYieldToTheEnvironment(t *testing.T) {
	tests := []struct {
		name                string
		env                 map[string]string
		wantPercent         int
		wantLimit           int64
		setPercent, setLimt bool
	}{
		{"neither set", nil, serverGCPercent, serverMemoryLimit, true, true},
		{"GOGC set", map[string]string{"GOGC": "100"}, 100, serverMemoryLimit, false, true},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, serverGCPercent, math.MaxInt64, true, false},
		{"both set", map[string]string{"GOGC": "100", "GOMEMLIMIT": "1GiB"}, 100, math.MaxInt64, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The runtime's values before the call stand for what the environment chose.
			before := debug.SetGCPercent(100)
			beforeLimit := debug.SetMemoryLimit(math.MaxInt64)
			t.Cleanup(func() {
				debug.SetGCPercent(before)
				debug.SetMemoryLimit(beforeLimit)
			})
			gotPercent, gotLimit := applyGCDefaults(func(k string) string { return tc.env[k] })
			if gotPercent != tc.setPercent || gotLimit != tc.setLimt {
				t.Errorf("set GOGC %v, GOMEMLIMIT %v; want %v, %v", gotPercent, gotLimit, tc.setPercent, tc.setLimt)
			}
			if p := debug.SetGCPercent(100); p != tc.wantPercent {
				t.Errorf("GC percent %d, want %d", p, tc.wantPercent)
			}
			if l := debug.SetMemoryLimit(-1); l != tc.wantLimit {
				t.Errorf("memory limit %d, want %d", l, tc.wantLimit)
			}
		})
	}
}
