package rollup

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCompute is the roll-up with every deal's if-won and if-lost, on open deals of
// odd amounts (the grid) and of round amounts (the exact lattice where it fits).
func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{2_000, 10_000} {
		for _, round := range []bool{false, true} {
			r := rand.New(rand.NewPCG(9, uint64(n)))
			in := Input{Won: 1e9}
			mean := 0.0
			for range n {
				a := float64(100_000 + r.IntN(50_000_000))
				if round {
					a = float64(1+r.IntN(500)) * 100_000
				}
				p := 0.05 + 0.9*r.Float64()
				in.Deals = append(in.Deals, Deal{Amount: a, P: p})
				mean += a * p
			}
			in.Target = in.Won + mean
			name := fmt.Sprintf("deals=%d/odd", n)
			if round {
				name = fmt.Sprintf("deals=%d/round", n)
			}
			b.Run(name, func(b *testing.B) {
				var res Result
				cpu := processCPU()
				for b.Loop() {
					res = Compute(in)
				}
				b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(len(res.IfWon)), "deals")
				b.Logf("%s: method %s, P(target) %.4f", name, res.Method, res.ProbabilityOfTarget)
			})
		}
	}
}

// processCPU is the CPU time (user and system) this process has used: on a machine
// shared with other work it says more than the wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
