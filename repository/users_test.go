package repository_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"summit/domain"
	"summit/domain/identity"
	"summit/repository"
	"summit/repository/dbtest"
)

var created = identity.AuditEvent{Action: identity.AuditUserCreated, SubjectType: "user", Details: map[string]any{}}

func newUser(t *testing.T, users *repository.Users, email, name string) identity.User {
	t.Helper()
	u, err := identity.NewUser(email, name, identity.RoleMember, identity.LocaleEnglish)
	if err != nil {
		t.Fatal(err)
	}
	u.PasswordHash = "x"
	created, err := users.CreateUser(context.Background(), u, created)
	if err != nil {
		t.Fatalf("create %s: %v", email, err)
	}
	return created
}

func TestUsersEmailIsUniqueWhateverTheCase(t *testing.T) {
	t.Parallel()
	db, _ := dbtest.New(t)
	users := repository.NewUsers(db)
	first := newUser(t, users, "li.wei@example.com", "Li Wei")

	u, _ := identity.NewUser("li.wei@example.com", "Other", identity.RoleMember, "")
	u.Email = "LI.WEI@example.com" // bypass normalisation: the index must still refuse it
	u.PasswordHash = "x"
	if _, err := users.CreateUser(context.Background(), u, created); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("duplicate email: got %v, want ErrConflict", err)
	}
	found, err := users.UserByEmail(context.Background(), "Li.Wei@Example.com")
	if err != nil || found.ID != first.ID {
		t.Fatalf("ByEmail = %+v, %v; want %s", found, err, first.ID)
	}
	if _, err := users.UserByEmail(context.Background(), "nobody@example.com"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown email: got %v, want ErrNotFound", err)
	}
}

// TestUsersListPagesWithoutGapsOrRepeats walks every page for each sort and checks the
// whole list comes back once, in order.
func TestUsersListPagesWithoutGapsOrRepeats(t *testing.T) {
	t.Parallel()
	db, _ := dbtest.New(t)
	users := repository.NewUsers(db)
	for i := range 7 {
		// Two users share each name, so the id tie-breaker is exercised.
		newUser(t, users, fmt.Sprintf("u%d@example.com", i), fmt.Sprintf("Name %d", i/2))
	}
	tests := []struct {
		sort   domain.SortOrder
		search string
		want   int
	}{
		{domain.SortOrder{Field: "name"}, "", 7},
		{domain.SortOrder{Field: "name", Desc: true}, "", 7},
		{domain.SortOrder{Field: "email", Desc: true}, "", 7},
		{domain.SortOrder{Field: "created_at"}, "", 7},
		{domain.SortOrder{Field: "name"}, "name 1", 2},
		{domain.SortOrder{Field: "name"}, "100%", 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s desc=%v q=%q", tc.sort.Field, tc.sort.Desc, tc.search), func(t *testing.T) {
			seen := map[string]bool{}
			var order []identity.User
			p := domain.ListParams{Limit: 3, Sort: tc.sort, Search: tc.search}
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatal("pagination does not end")
				}
				page, err := users.ListUsers(context.Background(), identity.UserFilter{}, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range page.Items {
					if seen[u.ID] {
						t.Fatalf("user %s returned twice", u.Email)
					}
					seen[u.ID] = true
					order = append(order, u)
				}
				if page.Next == nil {
					break
				}
				p.After = page.Next
			}
			if len(order) != tc.want {
				t.Fatalf("got %d users, want %d", len(order), tc.want)
			}
			for i := 1; i < len(order); i++ {
				a, b := order[i-1], order[i]
				var inOrder bool
				switch tc.sort.Field {
				case "name":
					inOrder = a.Name < b.Name || a.Name == b.Name && a.ID < b.ID
				case "email":
					inOrder = a.Email < b.Email
				case "created_at":
					inOrder = !b.CreatedAt.Before(a.CreatedAt)
				}
				if tc.sort.Desc {
					inOrder = !inOrder
				}
				if !inOrder {
					t.Fatalf("out of order at %d: %s then %s", i, a.Email, b.Email)
				}
			}
		})
	}
}

func TestSeedDemoIsIdempotent(t *testing.T) {
	t.Parallel()
	db, _ := dbtest.New(t)
	ctx := context.Background()
	first, err := repository.SeedDemo(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if first.UsersCreated != len(repository.DemoUsers) || first.TeamsCreated != 6 || first.DealsCreated != 32 {
		t.Fatalf("first seed = %+v", first)
	}
	second, err := repository.SeedDemo(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if second != (repository.DemoReport{}) {
		t.Fatalf("second seed added %+v, want nothing", second)
	}
	admin, err := repository.NewUsers(db).UserByEmail(ctx, "admin@summit.example")
	if err != nil {
		t.Fatal(err)
	}
	if admin.Role != identity.RoleAdmin || !identity.PasswordMatches(repository.DemoPassword, admin.PasswordHash) {
		t.Fatalf("demo admin cannot sign in with the documented password: %+v", admin)
	}
	var members int64
	db.Table("team_members").Count(&members)
	if members != 7 {
		t.Fatalf("team memberships = %d, want 7", members)
	}
	// Real-looking plans: every deal baselined, most slipped, some closed.
	var stats struct {
		Baselined, Slipped, Closed, Segments, Teams int64
	}
	db.Raw(`SELECT
		(SELECT count(DISTINCT deal_id) FROM baselines) AS baselined,
		(SELECT count(DISTINCT m.deal_id) FROM milestones m JOIN baseline_milestones b ON b.milestone_id = m.id WHERE m.planned_due > b.planned_due) AS slipped,
		(SELECT count(*) FROM deals WHERE status <> 'open') AS closed,
		(SELECT count(DISTINCT segment) FROM deals) AS segments,
		(SELECT count(DISTINCT team_id) FROM deals) AS teams`).Scan(&stats)
	if stats.Baselined != 32 || stats.Slipped < 10 || stats.Closed < 2 || stats.Segments != 2 || stats.Teams != 4 {
		t.Fatalf("demo deals = %+v", stats)
	}
	var people struct{ MinPerDeal, MaxPerDeal, Stances, History, Retros, Overdue int64 }
	db.Raw(`SELECT
		(SELECT min(n) FROM (SELECT count(*) n FROM stakeholders GROUP BY deal_id) x) AS min_per_deal,
		(SELECT max(n) FROM (SELECT count(*) n FROM stakeholders GROUP BY deal_id) x) AS max_per_deal,
		(SELECT count(DISTINCT stance) FROM stakeholders) AS stances,
		(SELECT count(*) FROM stakeholder_history) AS history,
		(SELECT count(*) FROM retrospectives) AS retros,
		(SELECT count(*) FROM retrospective_actions WHERE status = 'open' AND due_on < current_date) AS overdue`).Scan(&people)
	var dealsWithPeople int64
	db.Raw(`SELECT count(DISTINCT deal_id) FROM stakeholders`).Scan(&dealsWithPeople)
	var contacts, stakeholderRows int64
	db.Raw(`SELECT count(*) FROM contacts`).Scan(&contacts)
	db.Raw(`SELECT count(*) FROM stakeholders`).Scan(&stakeholderRows)
	if contacts >= stakeholderRows {
		t.Errorf("%d contacts for %d stakeholders: a customer's deals should share its people", contacts, stakeholderRows)
	}
	if dealsWithPeople != 32 || people.MinPerDeal < 4 || people.MaxPerDeal > 10 || people.Stances != 5 || people.History < 10 || people.Retros < 5 || people.Overdue < 5 {
		t.Fatalf("demo people = %+v on %d deals", people, dealsWithPeople)
	}
}
