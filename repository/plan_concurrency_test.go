package repository_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/stakeholders"
)

// TestConcurrentDependencyEditsNeverStoreACycle runs edits that together close a
// dependency loop (A→B with B→A; A→B, B→C and C→A) at the same moment, a hundred times
// each. Every edit alone is fine; together they are a cycle. At least one edit of each
// round must be refused, as a cycle (422) or a stale version (412), and the stored plan
// must never hold a cycle; the first edit to commit stands.
func TestConcurrentDependencyEditsNeverStoreACycle(t *testing.T) {
	t.Parallel()
	const rounds = 100
	cases := []struct {
		name  string
		edits [][2]int // milestone index depends on milestone index
	}{
		{"A→B with B→A", [][2]int{{0, 1}, {1, 0}}},
		{"A→B, B→C with C→A", [][2]int{{0, 1}, {1, 2}, {2, 0}}},
	}
	f := newDealsFixture(t)
	pmo := f.user("pmo@example.com")
	team := f.team("North")
	customer := f.customer("Beijing Water Bureau", "government")
	actor := deals.Actor{UserID: pmo.ID}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cycles := 0
			for round := range rounds {
				d := f.deal(pmo, deals.Deal{Name: fmt.Sprintf("%s %d", tc.name, round), CustomerID: customer.ID,
					Segment: deals.SegmentG2B, TeamID: team.ID, AmountMinor: 1}, nil)
				var ms []deals.Milestone
				for i := range tc.edits {
					m, err := f.svc.CreateMilestone(f.ctx, actor, d.ID, deals.MilestoneInput{Name: fmt.Sprintf("M%d", i),
						OwnerRole: deals.RolePMO, Weight: 1, PlannedStart: planStart, PlannedDue: planStart.AddDate(0, 0, 7)})
					if err != nil {
						t.Fatal(err)
					}
					ms = append(ms, m)
				}

				start := make(chan struct{})
				errs := make([]error, len(tc.edits))
				var wg sync.WaitGroup
				for i, e := range tc.edits {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						deps := []string{ms[e[1]].ID}
						_, errs[i] = f.svc.UpdateMilestone(f.ctx, actor, ms[e[0]].ID, ms[e[0]].Version, deals.MilestonePatch{DependsOn: &deps})
					}()
				}
				close(start)
				wg.Wait()

				refused := countRefused(t, round, errs, "cycle")
				if refused == len(tc.edits) {
					t.Errorf("round %d: every edit was refused; the first to commit should stand", round)
				}
				if err := deals.CheckDependencies(f.plan(d.ID)); err != nil || refused == 0 {
					cycles++
				}
			}
			if cycles > 0 {
				t.Errorf("%d of %d rounds stored a dependency cycle", cycles, rounds)
			}
		})
	}
}

// TestConcurrentTreeEditsNeverStoreALoop does the same for the two trees: teams (X under
// Y with Y under X) and a customer's reporting lines (X reports to Y with Y to X).
func TestConcurrentTreeEditsNeverStoreALoop(t *testing.T) {
	t.Parallel()
	const rounds = 100
	f := newPeopleFixture(t)
	// Each kind makes two fresh nodes and returns the two edits and the stored tree.
	cases := []struct {
		name string
		rule string
		pair func(round int) (edits [2]func(target int) error, tree func() map[string]*string, ids [2]string)
	}{
		{"team parents", "team_cycle", func(round int) ([2]func(int) error, func() map[string]*string, [2]string) {
			var teams [2]identity.Team
			for i := range teams {
				teams[i] = f.team(fmt.Sprintf("Team %d-%d", round, i))
			}
			var edits [2]func(int) error
			for i := range edits {
				edits[i] = func(target int) error {
					_, err := f.ids.UpdateTeam(f.ctx, identity.Actor{}, teams[i].ID, teams[i].Version, identity.TeamPatch{ParentID: &teams[target].ID})
					return err
				}
			}
			tree := func() map[string]*string {
				tr, err := f.ids.Teams.Tree(f.ctx)
				if err != nil {
					t.Fatal(err)
				}
				return tr
			}
			return edits, tree, [2]string{teams[0].ID, teams[1].ID}
		}},
		{"reporting lines", "reports_cycle", func(round int) ([2]func(int) error, func() map[string]*string, [2]string) {
			var contacts [2]stakeholders.Contact
			for i := range contacts {
				c, err := f.people.CreateContact(f.ctx, stakeholders.Contact{CustomerID: f.deal.CustomerID, Name: fmt.Sprintf("Person %d-%d", round, i)})
				if err != nil {
					t.Fatal(err)
				}
				contacts[i] = c
			}
			var edits [2]func(int) error
			for i := range edits {
				edits[i] = func(target int) error {
					_, err := f.people.UpdateContact(f.ctx, contacts[i].ID, contacts[i].Version, stakeholders.ContactPatch{ReportsToID: &contacts[target].ID})
					return err
				}
			}
			tree := func() map[string]*string {
				lines, err := f.peopleStore.ReportingLines(f.ctx, f.deal.CustomerID)
				if err != nil {
					t.Fatal(err)
				}
				return lines
			}
			return edits, tree, [2]string{contacts[0].ID, contacts[1].ID}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			loops := 0
			for round := range rounds {
				edits, tree, ids := tc.pair(round)
				start := make(chan struct{})
				var errs [2]error
				var wg sync.WaitGroup
				for i := range edits {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						errs[i] = edits[i](1 - i)
					}()
				}
				close(start)
				wg.Wait()
				refused := countRefused(t, round, errs[:], tc.rule)
				if refused == len(edits) {
					t.Errorf("round %d: both edits were refused; the first to commit should stand", round)
				}
				if up := tree(); loopsUp(up, ids[0]) || loopsUp(up, ids[1]) {
					loops++
				}
			}
			if loops > 0 {
				t.Errorf("%d of %d rounds stored a loop", loops, rounds)
			}
		})
	}
}

// loopsUp reports whether following the parent links up from id comes back round.
func loopsUp(parent map[string]*string, id string) bool {
	seen := map[string]bool{}
	for {
		if seen[id] {
			return true
		}
		seen[id] = true
		p := parent[id]
		if p == nil {
			return false
		}
		id = *p
	}
}

// countRefused counts the edits of one round refused as they may be: stale (412) or
// breaking rule (422); any other error fails the test.
func countRefused(t *testing.T, round int, errs []error, rule string) int {
	t.Helper()
	refused := 0
	for _, err := range errs {
		var verr *domain.ValidationError
		switch {
		case err == nil:
		case errors.Is(err, domain.ErrStaleVersion),
			errors.As(err, &verr) && len(verr.Violations) == 1 && verr.Violations[0].Rule == rule:
			refused++
		default:
			t.Fatalf("round %d: unexpected error %v", round, err)
		}
	}
	return refused
}
