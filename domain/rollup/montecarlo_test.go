package rollup

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

const (
	mcDeals = 60
	mcDraws = 10_000_000
)

// mcCounts is what a run of draws counted: target met overall, and for each deal the
// draws where it was won (and met the target), likewise lost.
type mcCounts struct {
	hit                     int
	won, wonHit, lostHit    [mcDeals]int
	lostDraws               [mcDeals]int
	revenueBelowP50Estimate int
}

// draw runs draws of the deals with a splitmix64 stream seeded by seed. Arrays are local
// values so the loop stays fast under the race detector.
func draw(amounts [mcDeals]float64, thresholds [mcDeals]uint64, target, p50 float64, draws int, seed uint64) mcCounts {
	var c mcCounts
	state := seed
	for range draws {
		var won [mcDeals]bool
		revenue := 0.0
		for i := range mcDeals {
			state += 0x9e3779b97f4a7c15
			z := state
			z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
			z = (z ^ (z >> 27)) * 0x94d049bb133111eb
			z ^= z >> 31
			if z < thresholds[i] {
				won[i] = true
				revenue += amounts[i]
			}
		}
		hit := revenue >= target
		if hit {
			c.hit++
		}
		if revenue <= p50 {
			c.revenueBelowP50Estimate++
		}
		for i := range mcDeals {
			switch {
			case won[i]:
				c.won[i]++
				if hit {
					c.wonHit[i]++
				}
			default:
				c.lostDraws[i]++
				if hit {
					c.lostHit[i]++
				}
			}
		}
	}
	return c
}

// On one large case of odd amounts (the grid), the probability of target and every
// deal's if-won / if-lost agree with ten million draws to 0.001, and half the draws fall
// at or below P50.
func TestTheGridAgreesWithTenMillionDraws(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	var amounts [mcDeals]float64
	var thresholds [mcDeals]uint64
	in := Input{}
	mean := 0.0
	for i := range mcDeals {
		amounts[i] = float64(1 + r.IntN(5_000_000))
		p := 0.05 + 0.9*r.Float64()
		thresholds[i] = uint64(p * (1 << 63) * 2)
		p = float64(thresholds[i]) / (1 << 63) / 2 // the probability the draws use
		in.Deals = append(in.Deals, Deal{Amount: amounts[i], P: p})
		mean += amounts[i] * p
	}
	in.Target = math.Round(mean * 1.05)
	got := Compute(in)
	if got.Method != "grid" {
		t.Fatalf("method %s, want the grid", got.Method)
	}

	var total mcCounts
	var mu sync.Mutex
	var wg sync.WaitGroup
	const workers = 4
	for w := range workers {
		wg.Go(func() {
			c := draw(amounts, thresholds, in.Target, got.P50, mcDraws/workers, uint64(w+1)*0x1234567)
			mu.Lock()
			defer mu.Unlock()
			total.hit += c.hit
			total.revenueBelowP50Estimate += c.revenueBelowP50Estimate
			for i := range mcDeals {
				total.won[i] += c.won[i]
				total.wonHit[i] += c.wonHit[i]
				total.lostDraws[i] += c.lostDraws[i]
				total.lostHit[i] += c.lostHit[i]
			}
		})
	}
	wg.Wait()

	if p := float64(total.hit) / mcDraws; math.Abs(got.ProbabilityOfTarget-p) > 0.001 {
		t.Errorf("P(target) = %.5f, draws %.5f", got.ProbabilityOfTarget, p)
	}
	if share := float64(total.revenueBelowP50Estimate) / mcDraws; share < 0.5-0.002 || share > 0.5+0.01 {
		t.Errorf("%.4f of the draws at or below P50 %.0f", share, got.P50)
	}
	for i := range mcDeals {
		w := float64(total.wonHit[i]) / float64(total.won[i])
		l := float64(total.lostHit[i]) / float64(total.lostDraws[i])
		// the draws' own error: 4 standard errors of each conditional estimate
		tolW := 0.001 + 4*math.Sqrt(w*(1-w)/float64(total.won[i]))
		tolL := 0.001 + 4*math.Sqrt(l*(1-l)/float64(total.lostDraws[i]))
		if math.Abs(got.IfWon[i]-w) > tolW || math.Abs(got.IfLost[i]-l) > tolL {
			t.Errorf("deal %d (p %.3f): if won %.5f / lost %.5f, draws %.5f / %.5f", i, in.Deals[i].P, got.IfWon[i], got.IfLost[i], w, l)
		}
	}
}
