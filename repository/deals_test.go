package repository_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/repository"
	"summit/repository/dbtest"
)

// planStart is the Monday the test plans start on.
var planStart = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// dealsFixture is a fresh database with the deals store and service over it.
type dealsFixture struct {
	t     testing.TB
	ctx   context.Context
	db    *gorm.DB
	store *repository.Deals
	svc   *deals.Service
	ids   *identity.Service
	clock time.Time
}

func newDealsFixture(t testing.TB) *dealsFixture {
	t.Helper()
	db, _ := dbtest.New(t)
	f := &dealsFixture{t: t, ctx: context.Background(), db: db, store: repository.NewDeals(db),
		ids: repository.NewIdentityService(db, identity.DefaultSessionPolicy, identity.DefaultLoginThrottle),
		// mid-morning of planStart
		clock: planStart.Add(9 * time.Hour)}
	f.svc = &deals.Service{Store: f.store, Now: func() time.Time { return f.clock }}
	return f
}

func (f *dealsFixture) user(email string) identity.User {
	f.t.Helper()
	u, err := f.ids.CreateUser(f.ctx, identity.Actor{}, identity.NewUserInput{
		Email: email, Name: "Name of " + email, Password: "correct horse battery", Role: identity.RoleMember})
	if err != nil {
		f.t.Fatal(err)
	}
	return u
}

func (f *dealsFixture) team(name string) identity.Team {
	f.t.Helper()
	team, err := f.ids.CreateTeam(f.ctx, identity.Actor{}, name, nil)
	if err != nil {
		f.t.Fatal(err)
	}
	return team
}

func (f *dealsFixture) customer(name string, kind deals.CustomerKind) deals.Customer {
	f.t.Helper()
	c, err := f.svc.CreateCustomer(f.ctx, deals.Customer{Name: name, Kind: kind})
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// template returns the built-in template with key, stored by EnsureBuiltinTemplates.
func (f *dealsFixture) template(key string) deals.Template {
	f.t.Helper()
	if err := repository.EnsureBuiltinTemplates(f.ctx, f.db); err != nil {
		f.t.Fatal(err)
	}
	all, err := f.store.ListTemplates(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, tmpl := range all {
		if tmpl.Key == key {
			got, err := f.store.Template(f.ctx, tmpl.ID)
			if err != nil {
				f.t.Fatal(err)
			}
			return got
		}
	}
	f.t.Fatalf("no built-in template %q", key)
	return deals.Template{}
}

// deal creates a deal through the service; with a template its plan starts on planStart.
func (f *dealsFixture) deal(actor identity.User, d deals.Deal, templateID *string) deals.Deal {
	f.t.Helper()
	if d.Currency == "" {
		d.Currency = "CNY"
	}
	if d.TargetCloseDate.IsZero() {
		d.TargetCloseDate = planStart.AddDate(0, 6, 0)
	}
	start := planStart
	created, err := f.svc.CreateDeal(f.ctx, deals.Actor{UserID: actor.ID}, deals.NewDealInput{Deal: d, TemplateID: templateID, StartDate: &start})
	if err != nil {
		f.t.Fatalf("create deal %s: %v", d.Name, err)
	}
	return created
}

// templateDeal sets up a user, team, customer and a deal laid out from a built-in template.
func (f *dealsFixture) templateDeal(key string) (deals.Deal, deals.Template, identity.User) {
	f.t.Helper()
	u := f.user("pmo@example.com")
	team := f.team("North")
	c := f.customer("Beijing Water Bureau", "government")
	tmpl := f.template(key)
	segment := deals.SegmentG2B
	if key == "key_account" {
		segment = deals.SegmentKeyAccount
	}
	d := f.deal(u, deals.Deal{Name: "Smart water", CustomerID: c.ID, Segment: segment, TeamID: team.ID, AmountMinor: 1_000_000_00}, &tmpl.ID)
	return d, tmpl, u
}

func (f *dealsFixture) plan(dealID string) []deals.Milestone {
	f.t.Helper()
	plan, err := f.store.Plan(f.ctx, dealID)
	if err != nil {
		f.t.Fatal(err)
	}
	return plan
}

// activity returns a deal's whole trail, newest first.
func (f *dealsFixture) activity(dealID string) []deals.Activity {
	f.t.Helper()
	page, err := f.store.ListActivity(f.ctx, dealID, domain.ListParams{Limit: 100, Sort: domain.SortOrder{Field: "at", Desc: true}}, deals.ActivityRange{})
	if err != nil {
		f.t.Fatal(err)
	}
	return page.Items
}

func TestCreateDealFromBuiltinTemplateMapsDependencies(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"g2b", "key_account"} {
		t.Run(key, func(t *testing.T) {
			t.Parallel()
			f := newDealsFixture(t)
			d, tmpl, u := f.templateDeal(key)

			if d.ID == "" || d.Version != 1 || d.CustomerName != "Beijing Water Bureau" || d.Status != deals.DealOpen {
				t.Fatalf("created deal = %+v", d)
			}
			if want := []deals.Member{{UserID: u.ID, Role: deals.RolePMO}}; !slices.Equal(d.Team, want) {
				t.Fatalf("team = %+v, want %+v", d.Team, want)
			}
			if d.TemplateID == nil || *d.TemplateID != tmpl.ID || !d.TargetCloseDate.Equal(planStart.AddDate(0, 6, 0)) {
				t.Fatalf("template %v, close %v", d.TemplateID, d.TargetCloseDate)
			}
			got, err := f.store.Deal(f.ctx, d.ID)
			if err != nil || got.Name != d.Name || got.CustomerName != d.CustomerName || !slices.Equal(got.Team, d.Team) {
				t.Fatalf("Deal = %+v, %v", got, err)
			}

			plan := f.plan(d.ID)
			want := tmpl.LayOut(planStart)
			if len(plan) != len(want) {
				t.Fatalf("plan has %d milestones, want %d", len(plan), len(want))
			}
			for i, m := range plan {
				w := want[i]
				if m.Sequence != i+1 || m.Key != w.Key || m.Name != w.Name || m.NameZh != w.NameZh || m.OwnerRole != w.OwnerRole ||
					m.Weight != w.Weight || m.Gate != w.Gate || m.ExitCriteria != w.ExitCriteria || m.Status != deals.StatusPlanned ||
					m.Version != 1 || m.DealID != d.ID || m.BaselineDue != nil {
					t.Fatalf("milestone %d = %+v, want %+v", i, m, w)
				}
				if !m.PlannedStart.Equal(w.PlannedStart) || !m.PlannedDue.Equal(w.PlannedDue) || m.PlannedDue.Location() != time.UTC {
					t.Fatalf("milestone %d dates %v–%v, want %v–%v", i, m.PlannedStart, m.PlannedDue, w.PlannedStart, w.PlannedDue)
				}
				var wantDeps []string
				for _, dep := range tmpl.Milestones[i].DependsOn {
					wantDeps = append(wantDeps, plan[dep].ID)
				}
				if !slices.Equal(slices.Sorted(slices.Values(m.DependsOn)), slices.Sorted(slices.Values(wantDeps))) {
					t.Fatalf("milestone %d depends on %v, want %v", i, m.DependsOn, wantDeps)
				}
				one, err := f.store.Milestone(f.ctx, m.ID)
				if err != nil || one.Name != m.Name || !slices.Equal(one.DependsOn, m.DependsOn) {
					t.Fatalf("Milestone(%s) = %+v, %v", m.ID, one, err)
				}
				if dealID, err := f.store.MilestoneDeal(f.ctx, m.ID); err != nil || dealID != d.ID {
					t.Fatalf("MilestoneDeal = %q, %v", dealID, err)
				}
			}
			if err := deals.CheckDependencies(plan); err != nil {
				t.Fatalf("stored plan: %v", err)
			}

			access, err := f.store.DealAccess(f.ctx, d.ID)
			if err != nil || access.TeamID != d.TeamID || !slices.Equal(access.Members, d.Team) {
				t.Fatalf("DealAccess = %+v, %v", access, err)
			}

			trail := f.activity(d.ID)
			if len(trail) != 1 {
				t.Fatalf("activity has %d rows, want 1", len(trail))
			}
			a := trail[0]
			after, _ := a.After.(map[string]any)
			if a.Action != "deal.created" || a.EntityType != "deal" || a.EntityID == nil || *a.EntityID != d.ID ||
				a.ActorID == nil || *a.ActorID != u.ID || a.ActorName == nil || *a.ActorName != u.Name || a.Before != nil || after["name"] != d.Name {
				t.Fatalf("activity = %+v", a)
			}
		})
	}
}

func TestMissingDealsAreNotFound(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	missing := "00000000-0000-4000-8000-000000000000"
	checks := map[string]func() error{
		"Deal":          func() error { _, err := f.store.Deal(f.ctx, missing); return err },
		"DealAccess":    func() error { _, err := f.store.DealAccess(f.ctx, missing); return err },
		"Plan":          func() error { _, err := f.store.Plan(f.ctx, missing); return err },
		"ListBaselines": func() error { _, err := f.store.ListBaselines(f.ctx, missing); return err },
		"Milestone":     func() error { _, err := f.store.Milestone(f.ctx, missing); return err },
		"MilestoneDeal": func() error { _, err := f.store.MilestoneDeal(f.ctx, missing); return err },
		"UpdateDeal": func() error {
			_, err := f.store.UpdateDeal(f.ctx, deals.Deal{ID: missing, CustomerID: missing, TeamID: missing, TargetCloseDate: planStart}, 1, deals.Activity{})
			return err
		},
		"Reorder": func() error { return f.store.Reorder(f.ctx, missing, nil, deals.Activity{}) },
	}
	for name, check := range checks {
		if err := check(); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: got %v, want ErrNotFound", name, err)
		}
	}
}

func TestUpdateDealAndSetTeamCheckTheVersion(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("g2b")
	other := f.user("am@example.com")
	actor := deals.Actor{UserID: u.ID}

	name := "Smart water phase 2"
	updated, err := f.svc.UpdateDeal(f.ctx, actor, d.ID, d.Version, deals.DealPatch{Name: &name})
	if err != nil || updated.Name != name || updated.Version != 2 || updated.CustomerName != d.CustomerName || len(updated.Team) != 1 {
		t.Fatalf("UpdateDeal = %+v, %v", updated, err)
	}
	if _, err := f.svc.UpdateDeal(f.ctx, actor, d.ID, d.Version, deals.DealPatch{Name: &name}); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale UpdateDeal: %v", err)
	}
	team := []deals.Member{{UserID: u.ID, Role: deals.RolePMO}, {UserID: other.ID, Role: deals.RoleBusiness}, {UserID: other.ID, Role: deals.RoleBusiness}}
	if _, err := f.svc.SetTeam(f.ctx, actor, d.ID, 1, team); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale SetTeam: %v", err)
	}
	withTeam, err := f.svc.SetTeam(f.ctx, actor, d.ID, 2, team)
	if err != nil || withTeam.Version != 3 || len(withTeam.Team) != 2 {
		t.Fatalf("SetTeam = %+v, %v", withTeam, err)
	}
	unknown := []deals.Member{{UserID: "00000000-0000-4000-8000-000000000000", Role: deals.RolePMO}}
	if _, err := f.svc.SetTeam(f.ctx, actor, d.ID, 3, unknown); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("SetTeam with an unknown user: %v", err)
	}
	got, _ := f.store.Deal(f.ctx, d.ID)
	if got.Version != 3 || len(got.Team) != 2 {
		t.Fatalf("after a failed SetTeam: %+v", got)
	}
	if n := len(f.activity(d.ID)); n != 3 {
		t.Fatalf("activity has %d rows, want 3 (created, updated, team set)", n)
	}
}

// listDeal is one deal of the list test, by name.
type listDeal struct {
	name     string
	team     string
	customer string
	segment  deals.Segment
	amount   int64
	close    string
	member   string
	role     deals.OwnerRole
	status   deals.DealStatus
}

func TestListDealsFiltersVisibilityAndPaging(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	users := map[string]identity.User{"u1": f.user("u1@example.com"), "u2": f.user("u2@example.com"), "u3": f.user("u3@example.com")}
	teams := map[string]identity.Team{"A": f.team("A"), "B": f.team("B")}
	customers := map[string]deals.Customer{"acme": f.customer("Acme Power", "enterprise"), "bureau": f.customer("Beijing Bureau", "government")}
	seed := []listDeal{
		{"Alpha grid", "A", "acme", deals.SegmentKeyAccount, 100, "2026-04-10", "u1", deals.RolePMO, deals.DealOpen},
		{"Beta portal", "A", "bureau", deals.SegmentG2B, 300, "2026-05-10", "u2", deals.RoleBusiness, deals.DealOpen},
		{"Gamma", "B", "acme", deals.SegmentKeyAccount, 200, "2026-06-10", "u2", deals.RoleSolution, deals.DealOpen},
		{"Delta", "B", "bureau", deals.SegmentG2B, 50, "2026-04-20", "u3", deals.RolePMO, deals.DealLost},
		{"Epsilon 100%", "A", "acme", deals.SegmentKeyAccount, 100, "2026-04-10", "u1", deals.RoleBusiness, deals.DealOpen},
		{"Alpha grid", "B", "bureau", deals.SegmentG2B, 300, "2026-05-10", "u3", deals.RoleSolution, deals.DealOpen},
	}
	byName := map[string][]string{}
	for _, s := range seed {
		closeDate, _ := deals.ParseDate(s.close)
		d := f.deal(users[s.member], deals.Deal{Name: s.name, CustomerID: customers[s.customer].ID, Segment: s.segment, TeamID: teams[s.team].ID,
			AmountMinor: s.amount, TargetCloseDate: closeDate, Team: []deals.Member{{UserID: users[s.member].ID, Role: s.role}}}, nil)
		if s.status != deals.DealOpen {
			status := deals.StatusRequest{To: s.status, Reason: "lost on price"}
			if _, err := f.svc.UpdateDeal(f.ctx, deals.Actor{}, d.ID, d.Version, deals.DealPatch{Status: &status}); err != nil {
				t.Fatal(err)
			}
		}
		byName[s.name] = append(byName[s.name], d.ID)
	}
	ptr := func(s string) *string { return &s }
	date := func(s string) *time.Time { d, _ := deals.ParseDate(s); return &d }
	g2b, lost := deals.SegmentG2B, deals.DealLost
	tests := []struct {
		name   string
		filter deals.DealFilter
		search string
		want   []string // names, sorted
	}{
		{"everything", deals.DealFilter{}, "", []string{"Alpha grid", "Alpha grid", "Beta portal", "Delta", "Epsilon 100%", "Gamma"}},
		{"segment", deals.DealFilter{Segment: &g2b}, "", []string{"Alpha grid", "Beta portal", "Delta"}},
		{"teams", deals.DealFilter{TeamIDs: []string{teams["A"].ID}}, "", []string{"Alpha grid", "Beta portal", "Epsilon 100%"}},
		{"status", deals.DealFilter{Status: &lost}, "", []string{"Delta"}},
		{"close range", deals.DealFilter{CloseFrom: date("2026-04-10"), CloseTo: date("2026-05-10")}, "", []string{"Alpha grid", "Delta", "Epsilon 100%"}},
		{"customer", deals.DealFilter{CustomerID: ptr(customers["acme"].ID)}, "", []string{"Alpha grid", "Epsilon 100%", "Gamma"}},
		{"member", deals.DealFilter{MemberID: ptr(users["u2"].ID)}, "", []string{"Beta portal", "Gamma"}},
		{"visible by team or role", deals.DealFilter{Visible: &deals.Visibility{TeamIDs: []string{teams["A"].ID}, UserID: users["u3"].ID}}, "",
			[]string{"Alpha grid", "Alpha grid", "Beta portal", "Delta", "Epsilon 100%"}},
		{"visible by role only", deals.DealFilter{Visible: &deals.Visibility{UserID: users["u2"].ID}}, "", []string{"Beta portal", "Gamma"}},
		{"visible and filtered", deals.DealFilter{Segment: &g2b, Visible: &deals.Visibility{UserID: users["u2"].ID}}, "", []string{"Beta portal"}},
		{"search deal name", deals.DealFilter{}, "ALPHA", []string{"Alpha grid", "Alpha grid"}},
		{"search customer name", deals.DealFilter{}, "acme", []string{"Alpha grid", "Epsilon 100%", "Gamma"}},
		{"search is literal", deals.DealFilter{}, "100%", []string{"Epsilon 100%"}},
		{"search matches nothing", deals.DealFilter{}, "_x", nil},
	}
	sorts := []domain.SortOrder{}
	for _, field := range deals.DealSorts.Fields {
		sorts = append(sorts, domain.SortOrder{Field: field}, domain.SortOrder{Field: field, Desc: true})
	}
	for _, tc := range tests {
		for _, order := range sorts {
			t.Run(fmt.Sprintf("%s/%s desc=%v", tc.name, order.Field, order.Desc), func(t *testing.T) {
				got := listAllDeals(t, f, tc.filter, domain.ListParams{Limit: 2, Sort: order, Search: tc.search})
				var names []string
				for _, d := range got {
					names = append(names, d.Name)
					if d.CustomerName == "" || len(d.Team) != 1 {
						t.Fatalf("deal %s without customer name or team: %+v", d.Name, d)
					}
				}
				sort.Strings(names)
				if !slices.Equal(names, tc.want) {
					t.Fatalf("got %v, want %v", names, tc.want)
				}
				for i := 1; i < len(got); i++ {
					if !dealsInOrder(got[i-1], got[i], order) {
						t.Fatalf("out of order at %d: %+v then %+v", i, got[i-1], got[i])
					}
				}
			})
		}
	}
	if _, err := f.store.ListDeals(f.ctx, deals.DealFilter{}, domain.ListParams{Limit: 2, Sort: domain.SortOrder{Field: "status"}}); err == nil {
		t.Fatal("a sort outside the whitelist was accepted")
	}
}

// listAllDeals walks every page, failing on a deal returned twice.
func listAllDeals(t *testing.T, f *dealsFixture, filter deals.DealFilter, p domain.ListParams) []deals.Deal {
	t.Helper()
	seen := map[string]bool{}
	var out []deals.Deal
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		page, err := f.store.ListDeals(f.ctx, filter, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) > p.Limit {
			t.Fatalf("page of %d items, limit %d", len(page.Items), p.Limit)
		}
		for _, d := range page.Items {
			if seen[d.ID] {
				t.Fatalf("deal %s returned twice", d.Name)
			}
			seen[d.ID] = true
			out = append(out, d)
		}
		if page.Next == nil {
			return out
		}
		p.After = page.Next
	}
}

func dealsInOrder(a, b deals.Deal, order domain.SortOrder) bool {
	var c int
	switch order.Field {
	case "name":
		c = cmp.Compare(a.Name, b.Name)
	case "amount_minor":
		c = cmp.Compare(a.AmountMinor, b.AmountMinor)
	case "target_close_date":
		c = a.TargetCloseDate.Compare(b.TargetCloseDate)
	case "created_at":
		c = a.CreatedAt.Compare(b.CreatedAt)
	}
	if c == 0 {
		c = cmp.Compare(a.ID, b.ID)
	}
	if order.Desc {
		c = -c
	}
	return c < 0
}
