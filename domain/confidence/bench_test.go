package confidence

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
)

// benchDeals are 10,000 generated deals with 150,000 milestones and 60,000 stakeholders
// (15 and 6 a deal), in every status and shape genInput makes.
func benchDeals() []Input {
	r := rand.New(rand.NewPCG(10, 10))
	out := make([]Input, 10_000)
	for i := range out {
		in := genInput(r, 15)
		for len(in.Milestones) < 15 {
			n := len(in.Milestones)
			m := Milestone{ID: fmt.Sprintf("x%d", n), Weight: 5, Status: StatusPlanned, PlannedStart: in.AsOf, PlannedDue: days(in.AsOf, 10)}
			if n > 0 {
				prev := in.Milestones[n-1]
				m.DependsOn = []string{prev.ID}
				m.PlannedStart, m.PlannedDue = days(prev.PlannedDue, 1), days(prev.PlannedDue, 11)
			}
			in.Milestones = append(in.Milestones, m)
		}
		in.Milestones = in.Milestones[:15]
		for len(in.Stakeholders) < 6 {
			in.Stakeholders = append(in.Stakeholders, Stakeholder{DecisionRole: roles[r.IntN(len(roles))], Influence: 1 + r.IntN(5),
				Stance: stances[r.IntN(len(stances))], LastContactOn: days(in.AsOf, -r.IntN(60))})
		}
		in.Stakeholders = in.Stakeholders[:6]
		out[i] = in
	}
	return out
}

// BenchmarkEngine10kDeals runs the engine over the whole book on one goroutine; one op
// is all 10,000 deals.
func BenchmarkEngine10kDeals(b *testing.B) {
	deals := benchDeals()
	var ms, ss int
	for _, d := range deals {
		ms, ss = ms+len(d.Milestones), ss+len(d.Stakeholders)
	}
	if len(deals) != 10_000 || ms != 150_000 || ss != 60_000 {
		b.Fatalf("%d deals, %d milestones, %d stakeholders", len(deals), ms, ss)
	}
	p := DefaultParams()
	var sink float64
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range deals {
			sink += Compute(d, p).Confidence
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(deals)), "ns/deal")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/10k-deals")
	if cpu1, ok1 := threadCPU(); ok && ok1 {
		// CPU time of this goroutine's thread alone (the GC's background work on other
		// threads is not in it; wall time above includes any wait for a busy CPU).
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/10k-deals")
	}
	_ = sink
}

// BenchmarkEngineOneG2BDeal is one 14-step G2B deal with two stakeholders.
func BenchmarkEngineOneG2BDeal(b *testing.B) {
	in, p := g2bInput(), DefaultParams()
	for b.Loop() {
		Compute(in, p)
	}
}
