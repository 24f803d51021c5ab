package repository_test

import (
	"context"
	"errors"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
)

// TestTxIsOneUseCase: what services do inside Store.Tx — through any store — is kept
// together or dropped together.
func TestTxIsOneUseCase(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	actor := deals.Actor{UserID: f.pmo.ID}
	gate := f.gates(f.deal.ID)[0]
	boom := errors.New("boom")
	cases := []struct {
		name     string
		fail     func() error // what goes wrong after both writes: nil, an error or a panic
		wantKept bool
	}{
		{"fn returns an error", func() error { return boom }, false},
		{"fn panics", func() error { panic(boom) }, false},
		{"fn succeeds", func() error { return nil }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, err := f.store.Deal(f.ctx, f.deal.ID)
			if err != nil {
				t.Fatal(err)
			}
			decisions, _ := f.reviews.ListDecisions(f.ctx, f.deal.ID)
			name := "Renamed " + tc.name
			err = func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = r.(error)
					}
				}()
				return f.store.Tx(f.ctx, func(ctx context.Context) error {
					if _, err := f.svc.UpdateDeal(ctx, actor, f.deal.ID, before.Version, deals.DealPatch{Name: &name}); err != nil {
						return err
					}
					d := reviews.GateDecision{DealID: f.deal.ID, MilestoneID: gate, Decision: "go", Rationale: "On track"}
					if _, err := f.reviews.Decide(ctx, f.pmo.ID, d, false, 0); err != nil {
						return err
					}
					return tc.fail()
				})
			}()
			if tc.wantKept != (err == nil) {
				t.Fatalf("Tx = %v", err)
			}
			after, err := f.store.Deal(f.ctx, f.deal.ID)
			if err != nil {
				t.Fatal(err)
			}
			list, _ := f.reviews.ListDecisions(f.ctx, f.deal.ID)
			if kept := after.Name == name; kept != tc.wantKept {
				t.Fatalf("deal name %q after Tx, kept = %v, want %v", after.Name, kept, tc.wantKept)
			}
			if kept := len(list) == len(decisions)+1; kept != tc.wantKept {
				t.Fatalf("%d decisions after Tx (%d before), want kept = %v", len(list), len(decisions), tc.wantKept)
			}
		})
	}
}

func TestLockPlan(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, _ := f.templateDeal("g2b")
	cases := []struct {
		name    string
		inTx    bool
		dealID  string
		wantErr error // nil: locked; errAny: any error
	}{
		{"a deal, in a transaction", true, d.ID, nil},
		{"an unknown deal", true, "00000000-0000-0000-0000-000000000000", domain.ErrNotFound},
		{"outside a transaction it holds nothing", false, d.ID, errAny},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.inTx {
				err = f.store.Tx(f.ctx, func(ctx context.Context) error { return f.store.LockPlan(ctx, tc.dealID) })
			} else {
				err = f.store.LockPlan(f.ctx, tc.dealID)
			}
			switch {
			case tc.wantErr == errAny && err == nil:
				t.Fatal("LockPlan outside a transaction succeeded")
			case tc.wantErr != errAny && !errors.Is(err, tc.wantErr):
				t.Fatalf("LockPlan = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

var errAny = errors.New("any error")
