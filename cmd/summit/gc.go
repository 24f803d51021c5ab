package main

import (
	"runtime/debug"
)

// Garbage-collector defaults of the server, used unless the environment sets Go's own
// GOGC or GOMEMLIMIT. The server's live heap is small (a few tens of MB: requests take
// turns, and the board cache is bounded), so Go's default of collecting whenever the heap
// doubles spent about 15 % of the server's CPU on collection (a profile of a deals page).
// At 10,000 deals and 16 users on 2 cores, GOGC 400 with a 200 MiB soft limit raised the
// requests served a second by 43 % and lowered p99s by a third (medians over 32 rows), with
// the server's peak at 156–165 MB against the 300 MB budget (docs/benchmarks.md). The soft
// limit makes the collector work harder as the heap nears it, so a burst cannot take the
// memory GOGC 400 alone would allow.
const (
	serverGCPercent   = 400
	serverMemoryLimit = 200 << 20
)

// applyGCDefaults sets the server's collector defaults for the variables getenv leaves
// unset, and says which it set.
func applyGCDefaults(getenv func(string) string) (gcPercent, memoryLimit bool) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
		gcPercent = true
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serverMemoryLimit)
		memoryLimit = true
	}
	return gcPercent, memoryLimit
}

// gcSetting is what the log says of one collector setting.
func gcSetting(setHere bool, value string) string {
	if setHere {
		return value + " (Summit's default)"
	}
	return "from the environment"
}
