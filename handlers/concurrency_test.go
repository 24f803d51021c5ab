package handlers

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestTwentyConcurrentWritersLoseNothing has 20 writers each add 1 to the weight of the
// same milestone by read-modify-write with If-Match, retrying on 412. If an update were
// lost the weight would fall short; if one were applied twice it would overshoot. The
// version and the activity trail must count exactly 20 changes too.
func TestTwentyConcurrentWritersLoseNothing(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	target := w.plan[3]
	pmo := w.ts.signIn(w.pmo.Email)

	const writers = 20
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		conflict int
		failures []string
	)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for attempt := 0; attempt < 200; attempt++ {
				var m milestoneResponse
				decode(t, pmo.do("GET", "/api/v1/milestones/"+target.ID, ""), &m)
				rec := pmo.do("PATCH", "/api/v1/milestones/"+target.ID, fmt.Sprintf(`{"weight":%d}`, m.Weight+1), "If-Match", etag(m.Version))
				switch rec.Code {
				case http.StatusOK:
					return
				case http.StatusPreconditionFailed:
					mu.Lock()
					conflict++
					mu.Unlock()
				default:
					mu.Lock()
					failures = append(failures, fmt.Sprintf("writer %d: %d %s", i, rec.Code, rec.Body))
					mu.Unlock()
					return
				}
			}
			mu.Lock()
			failures = append(failures, fmt.Sprintf("writer %d never got through", i))
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	var final milestoneResponse
	decode(t, pmo.do("GET", "/api/v1/milestones/"+target.ID, ""), &final)
	if final.Weight != target.Weight+writers || final.Version != target.Version+writers {
		t.Fatalf("weight %d → %d, version %d → %d; want +%d each", target.Weight, final.Weight, target.Version, final.Version, writers)
	}
	var activity listResponse[activityResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/activity?limit=500", ""), &activity)
	updates := 0
	for _, a := range activity.Items {
		if a.Action == "milestone.updated" && a.EntityID != nil && *a.EntityID == target.ID {
			updates++
		}
	}
	if updates != writers {
		t.Fatalf("activity has %d updates of the milestone, want %d", updates, writers)
	}
	t.Logf("%d writers, %d stale-version retries", writers, conflict)
}
