package main

import (
	"crypto/sha256"
	"runtime"
	"sync"
	"time"
)

// speedProbeBytes is the fixed work of the machine-speed probe: SHA-256 over this many
// bytes on every core at once, about 20 ms on the development machine.
const speedProbeBytes = 32 << 20

// speedProbe times the fixed work done on every core at once (the slowest core's time).
// The same code and data on the same virtual machine took 1.5× the CPU time and more per
// request when its host was busy, so the probe tells which runs can be compared.
func speedProbe() time.Duration {
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			h := sha256.New()
			for range speedProbeBytes / len(chunk) {
				h.Write(chunk)
			}
			h.Sum(nil)
		})
	}
	wg.Wait()
	return time.Since(start)
}

// sampleSpeed runs the probe and keeps the slowest and fastest times seen.
func (r *report) sampleSpeed() {
	ms := float64(speedProbe().Microseconds()) / 1000
	if r.SpeedMinMs == 0 || ms < r.SpeedMinMs {
		r.SpeedMinMs = ms
	}
	if ms > r.SpeedMaxMs {
		r.SpeedMaxMs = ms
	}
}
