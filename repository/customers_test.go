package repository_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"summit/domain"
	"summit/domain/deals"
)

func TestCustomerNamesAreUniquePerKind(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	first := f.customer("State Grid Beijing", "state_owned")
	tests := []struct {
		name string
		kind deals.CustomerKind
		want error
	}{
		{"State Grid Beijing", "state_owned", domain.ErrConflict},
		{"STATE GRID beijing", "state_owned", domain.ErrConflict},
		{"State Grid Beijing", "enterprise", nil},
		{"State Grid Shanghai", "state_owned", nil},
	}
	for _, tc := range tests {
		_, err := f.store.CreateCustomer(f.ctx, deals.Customer{Name: tc.name, Kind: tc.kind})
		if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
			t.Errorf("create %q (%s): got %v, want %v", tc.name, tc.kind, err, tc.want)
		}
	}

	shanghai := first
	shanghai.Name = "state grid shanghai"
	if _, err := f.store.UpdateCustomer(f.ctx, shanghai, first.Version); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("rename onto a taken name: %v", err)
	}
	renamed := first
	renamed.Name, renamed.Region = "State Grid Beijing Branch", "North China"
	updated, err := f.store.UpdateCustomer(f.ctx, renamed, first.Version)
	if err != nil || updated.Version != first.Version+1 || updated.Name != renamed.Name || updated.Region != "North China" {
		t.Fatalf("UpdateCustomer = %+v, %v", updated, err)
	}
	if _, err := f.store.UpdateCustomer(f.ctx, renamed, first.Version); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale UpdateCustomer: %v", err)
	}
}

func TestDeleteCustomerWithDealsIsAConflict(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, _ := f.templateDeal("g2b")
	c, err := f.store.Customer(f.ctx, d.CustomerID)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.DeleteCustomer(f.ctx, c.ID, c.Version); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("delete a customer with deals: got %v, want ErrConflict", err)
	}
	spare := f.customer("Nobody's customer", "enterprise")
	if err := f.store.DeleteCustomer(f.ctx, spare.ID, spare.Version+1); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale delete: got %v, want ErrStaleVersion", err)
	}
	if err := f.store.DeleteCustomer(f.ctx, spare.ID, spare.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Customer(f.ctx, spare.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted customer: %v", err)
	}
	if err := f.store.DeleteCustomer(f.ctx, spare.ID, spare.Version); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
}

func TestListCustomersFiltersAndPages(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	kinds := []deals.CustomerKind{"government", "state_owned", "enterprise"}
	for i := range 7 {
		f.customer(fmt.Sprintf("Customer %d", i), kinds[i%3])
	}
	f.customer("50% Holdings", "enterprise")
	gov := deals.CustomerKind("government")
	tests := []struct {
		kind   *deals.CustomerKind
		search string
		sort   domain.SortOrder
		want   int
	}{
		{nil, "", domain.SortOrder{Field: "name"}, 8},
		{nil, "", domain.SortOrder{Field: "name", Desc: true}, 8},
		{nil, "", domain.SortOrder{Field: "created_at", Desc: true}, 8},
		{&gov, "", domain.SortOrder{Field: "name"}, 3},
		{&gov, "customer 3", domain.SortOrder{Field: "name"}, 1},
		{nil, "50%", domain.SortOrder{Field: "name"}, 1},
		{nil, "_", domain.SortOrder{Field: "name"}, 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%v %q %s desc=%v", tc.kind != nil, tc.search, tc.sort.Field, tc.sort.Desc), func(t *testing.T) {
			p := domain.ListParams{Limit: 3, Sort: tc.sort, Search: tc.search}
			var names []string
			seen := map[string]bool{}
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatal("pagination does not end")
				}
				page, err := f.store.ListCustomers(f.ctx, tc.kind, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range page.Items {
					if seen[c.ID] || tc.kind != nil && c.Kind != *tc.kind {
						t.Fatalf("customer %s repeated or of the wrong kind", c.Name)
					}
					seen[c.ID] = true
					names = append(names, c.Name)
				}
				if page.Next == nil {
					break
				}
				p.After = page.Next
			}
			if len(names) != tc.want {
				t.Fatalf("got %d customers %v, want %d", len(names), names, tc.want)
			}
			if tc.sort.Field == "name" {
				want := slices.Sorted(slices.Values(names))
				if tc.sort.Desc {
					slices.Reverse(want)
				}
				if !slices.Equal(names, want) {
					t.Fatalf("order %v, want %v", names, want)
				}
			}
		})
	}
}
