package repository_test

import (
	"fmt"
	"slices"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/stakeholders"
	"summit/repository"
)

// CustomerReach: who reads a customer's deals (its team, or on its deal team) and who
// holds a role on one.
func TestCustomerReach(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t) // f.pmo created f.deal in team North, for its customer
	outsider := f.user("outsider@example.com")
	east := f.team("East")
	other := f.customer("Shanghai Metro", "state_owned")
	empty := f.customer("No deals yet", "enterprise")
	f.dealsFixture.deal(outsider, deals.Deal{Name: "Metro", CustomerID: other.ID, Segment: deals.SegmentKeyAccount, TeamID: east.ID, AmountMinor: 1}, nil)
	tests := []struct {
		name       string
		customerID string
		teams      []string
		userID     string
		want       stakeholders.CustomerReach
	}{
		{"deal team member", f.deal.CustomerID, nil, f.pmo.ID, stakeholders.CustomerReach{ReadsADeal: true, HoldsARole: true}},
		{"member of the deal's team", f.deal.CustomerID, []string{f.deal.TeamID}, outsider.ID, stakeholders.CustomerReach{ReadsADeal: true}},
		{"another team", f.deal.CustomerID, []string{east.ID}, outsider.ID, stakeholders.CustomerReach{}},
		{"no team, no role", f.deal.CustomerID, nil, outsider.ID, stakeholders.CustomerReach{}},
		{"role on another customer's deal", other.ID, nil, f.pmo.ID, stakeholders.CustomerReach{}},
		{"customer without deals", empty.ID, []string{f.deal.TeamID, east.ID}, f.pmo.ID, stakeholders.CustomerReach{}},
	}
	for _, tc := range tests {
		got, err := f.peopleStore.CustomerReach(f.ctx, tc.customerID, tc.teams, tc.userID)
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
}

// Contacts, teams and templates page like every list: keyset pages that neither repeat
// nor skip, in the order asked.
func TestContactsTeamsAndTemplatesPage(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	ids := repository.NewTeams(f.db)
	var wantContacts, wantTeams, wantTemplates []string
	for i := range 7 {
		name := fmt.Sprintf("Person %02d", 7-i)
		f.contact(name, nil)
		wantContacts = append(wantContacts, name)
		team := f.team(fmt.Sprintf("Team %02d", 7-i))
		wantTeams = append(wantTeams, team.Name)
		tpl, err := f.svc.CreateTemplate(f.ctx, deals.Actor{}, deals.Template{Name: fmt.Sprintf("Template %02d", 7-i), NameZh: "模板", Segment: deals.SegmentG2B,
			Milestones: []deals.TemplateMilestone{{Name: "Step", OwnerRole: deals.RolePMO, DurationDays: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		wantTemplates = append(wantTemplates, tpl.Name)
	}
	wantTeams = append(wantTeams, "North") // the fixture's
	slices.Sort(wantContacts)
	slices.Sort(wantTeams)
	for _, key := range []string{"g2b", "key_account"} {
		wantTemplates = append(wantTemplates, f.template(key).Name)
	}
	slices.Sort(wantTemplates)

	tests := []struct {
		name string
		want []string
		page func(p domain.ListParams) ([]string, *domain.Cursor, error)
	}{
		{"contacts", wantContacts, func(p domain.ListParams) ([]string, *domain.Cursor, error) {
			page, err := f.people.ListContacts(f.ctx, f.deal.CustomerID, p)
			return names(page.Items, func(c stakeholders.Contact) string { return c.Name }), page.Next, err
		}},
		{"teams", wantTeams, func(p domain.ListParams) ([]string, *domain.Cursor, error) {
			page, err := ids.TeamPage(f.ctx, p)
			return names(page.Items, func(t identity.Team) string { return t.Name }), page.Next, err
		}},
		{"templates", wantTemplates, func(p domain.ListParams) ([]string, *domain.Cursor, error) {
			page, err := f.store.TemplatePage(f.ctx, p)
			return names(page.Items, func(t deals.Template) string { return t.Name }), page.Next, err
		}},
	}
	for _, tc := range tests {
		for _, desc := range []bool{false, true} {
			want := slices.Clone(tc.want)
			if desc {
				slices.Reverse(want)
			}
			var got []string
			p := domain.ListParams{Limit: 3, Sort: domain.SortOrder{Field: "name", Desc: desc}}
			for pages := 0; pages < 10; pages++ {
				items, next, err := tc.page(p)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				if len(items) > 3 {
					t.Fatalf("%s: page of %d over a limit of 3", tc.name, len(items))
				}
				got = append(got, items...)
				if next == nil {
					break
				}
				p.After = next
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s (desc %v): %v, want %v", tc.name, desc, got, want)
			}
		}
	}
}

func names[T any](items []T, name func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, item := range items {
		out = append(out, name(item))
	}
	return out
}
