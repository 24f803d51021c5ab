package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
)

// The kinds of caller every route is tried with. Deal-team kinds become distinct from
// plain members once deal routes exist; until then they must behave like members.
var callerKinds = []string{
	"anonymous", "member_elsewhere", "member_of_team", "pmo", "business", "solution", "pmo_other_deal", "executive", "admin",
}

// expectation says, per caller kind, whether a route lets the caller through
// (any status but 401/403) or which refusal it gives.
type expectation map[string]int

const allowed = 0

var (
	anyone       = expectation{}
	signedInOnly = expectation{"anonymous": 401}
	adminsOnly   = expectation{"anonymous": 401, "member_elsewhere": 403, "member_of_team": 403, "pmo": 403,
		"business": 403, "solution": 403, "pmo_other_deal": 403, "executive": 403}
	// On one deal: those who may not read it get 404, so deal ids cannot be probed.
	dealReaders = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404}
	dealPMOs    = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404,
		"member_of_team": 403, "business": 403, "solution": 403, "executive": 403}
	dealAdmins = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404,
		"member_of_team": 403, "pmo": 403, "business": 403, "solution": 403, "executive": 403}
	dealBusiness = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404,
		"member_of_team": 403, "pmo": 403, "solution": 403, "executive": 403}
	dealPMOOrBusiness = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404,
		"member_of_team": 403, "solution": 403, "executive": 403}
	// A customer's contacts: read like its deals, changed by any deal role on one of them.
	dealRoleHolders = expectation{"anonymous": 401, "member_elsewhere": 404, "pmo_other_deal": 404,
		"member_of_team": 403, "executive": 403}
)

// permissionMatrix is every API route with who may call it. A route missing here fails
// TestPermissionMatrix, so no endpoint ships without a decision about who may use it.
var permissionMatrix = map[string]expectation{
	"GET /api/v1/openapi.json":                  anyone,
	"GET /api/v1/meta":                          anyone,
	"POST /api/v1/auth/login":                   anyone,
	"POST /api/v1/auth/logout":                  signedInOnly,
	"GET /api/v1/me":                            signedInOnly,
	"PATCH /api/v1/me":                          signedInOnly,
	"POST /api/v1/me/password":                  signedInOnly,
	"GET /api/v1/me/tokens":                     signedInOnly,
	"POST /api/v1/me/tokens":                    signedInOnly,
	"DELETE /api/v1/me/tokens/:id":              signedInOnly,
	"GET /api/v1/users":                         signedInOnly,
	"GET /api/v1/users/:id":                     signedInOnly,
	"POST /api/v1/users":                        adminsOnly,
	"PATCH /api/v1/users/:id":                   adminsOnly,
	"POST /api/v1/users/:id/password":           adminsOnly,
	"GET /api/v1/users/:id/tokens":              adminsOnly,
	"DELETE /api/v1/users/:id/tokens/:token_id": adminsOnly,
	"GET /api/v1/teams":                         signedInOnly,
	"GET /api/v1/teams/:id":                     signedInOnly,
	"POST /api/v1/teams":                        adminsOnly,
	"PATCH /api/v1/teams/:id":                   adminsOnly,
	"DELETE /api/v1/teams/:id":                  adminsOnly,
	"PUT /api/v1/teams/:id/members":             adminsOnly,
	"GET /api/v1/audit":                         adminsOnly,

	"GET /api/v1/customers":        signedInOnly,
	"POST /api/v1/customers":       signedInOnly,
	"GET /api/v1/customers/:id":    signedInOnly,
	"PATCH /api/v1/customers/:id":  signedInOnly,
	"DELETE /api/v1/customers/:id": adminsOnly,
	"GET /api/v1/templates":        signedInOnly,
	"GET /api/v1/templates/:id":    signedInOnly,
	"POST /api/v1/templates":       adminsOnly,
	"PUT /api/v1/templates/:id":    adminsOnly,
	"DELETE /api/v1/templates/:id": adminsOnly,

	"GET /api/v1/deals":                              signedInOnly,
	"POST /api/v1/deals":                             signedInOnly,
	"GET /api/v1/deals/:id":                          dealReaders,
	"PATCH /api/v1/deals/:id":                        dealPMOs,
	"DELETE /api/v1/deals/:id":                       dealAdmins,
	"PUT /api/v1/deals/:id/team":                     dealPMOs,
	"GET /api/v1/deals/:id/activity":                 dealReaders,
	"GET /api/v1/deals/:id/milestones":               dealReaders,
	"POST /api/v1/deals/:id/milestones":              dealPMOs,
	"PUT /api/v1/deals/:id/milestones/order":         dealPMOs,
	"POST /api/v1/deals/:id/milestones/import":       dealPMOs,
	"GET /api/v1/deals/:id/plan.xlsx":                dealReaders,
	"GET /api/v1/milestones/:id":                     dealReaders,
	"PATCH /api/v1/milestones/:id":                   dealPMOs, // a business-owned milestone
	"DELETE /api/v1/milestones/:id":                  dealPMOs,
	"POST /api/v1/milestones/:id/reschedule/preview": dealReaders,
	"POST /api/v1/milestones/:id/reschedule":         dealPMOs,
	"GET /api/v1/deals/:id/baselines":                dealReaders,
	"POST /api/v1/deals/:id/baselines":               dealPMOs,

	"GET /api/v1/customers/:id/contacts":  dealReaders,
	"POST /api/v1/customers/:id/contacts": dealRoleHolders,
	"GET /api/v1/contacts/:id":            dealReaders,
	"PATCH /api/v1/contacts/:id":          dealRoleHolders,
	"DELETE /api/v1/contacts/:id":         adminsOnly,

	"GET /api/v1/deals/:id/stakeholders":    dealReaders,
	"POST /api/v1/deals/:id/stakeholders":   dealBusiness,
	"GET /api/v1/stakeholders/:id":          dealReaders,
	"PATCH /api/v1/stakeholders/:id":        dealBusiness,
	"DELETE /api/v1/stakeholders/:id":       dealBusiness,
	"GET /api/v1/stakeholders/:id/history":  dealReaders,
	"GET /api/v1/deals/:id/retrospectives":  dealReaders,
	"POST /api/v1/deals/:id/retrospectives": dealPMOOrBusiness,
	"GET /api/v1/retrospectives/:id":        dealReaders,
	"PUT /api/v1/retrospectives/:id":        dealPMOs,
	"DELETE /api/v1/retrospectives/:id":     dealPMOs,
	"PATCH /api/v1/actions/:id":             dealPMOOrBusiness, // the business user owns the action
	"GET /api/v1/me/actions":                signedInOnly,
	"GET /api/v1/deals/:id/actions/overdue": dealReaders,
	"GET /api/v1/deals/:id/gate-decisions":  dealReaders,
	"POST /api/v1/deals/:id/gate-decisions": dealPMOs,
	"GET /api/v1/risks/gates":               signedInOnly,
	"GET /api/v1/risks/next-steps":          signedInOnly,
	"GET /api/v1/risks/coverage":            signedInOnly,
}

func TestPermissionMatrix(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	fx := ts.permissionFixture()

	// Every registered API route has an access rule and an expectation here.
	for _, r := range ts.e.Routes() {
		if !strings.HasPrefix(r.Path, apiBase+"/") || strings.HasSuffix(r.Path, "*") {
			continue
		}
		key := r.Method + " " + r.Path
		if _, ok := ts.srv.rules[key]; !ok {
			t.Errorf("%s is registered without an access rule (use server.handle)", key)
		}
		if _, ok := permissionMatrix[key]; !ok {
			t.Errorf("%s has no row in permissionMatrix", key)
		}
	}

	for route, want := range permissionMatrix {
		method, path, _ := strings.Cut(route, " ")
		if _, ok := ts.srv.rules[route]; !ok {
			t.Errorf("permissionMatrix lists %s, which is not registered", route)
			continue
		}
		target := strings.NewReplacer(":id", fx.ids[path], ":token_id", "00000000-0000-4000-8000-000000000002").Replace(path)
		for _, kind := range callerKinds {
			headers := []string{"If-Match", `"999"`} // allowed writers stop at 412: nothing changes
			if kind != "anonymous" {
				headers = append(headers, "Authorization", "Bearer "+fx.tokens[kind])
			}
			body := ""
			if method != "GET" && method != "DELETE" {
				body = "{}"
			}
			rec := ts.do(method, target, body, headers...)
			got := rec.Code
			switch w := want[kind]; {
			case w == allowed && (got == http.StatusUnauthorized || got == http.StatusForbidden):
				t.Errorf("%s as %s: %d %s, want it allowed", route, kind, got, rec.Body)
			case w != allowed && got != w:
				t.Errorf("%s as %s: %d, want %d", route, kind, got, w)
			}
		}
	}
}

// permissionFixture holds a token per caller kind and ids to put in paths.
type permissionFixture struct {
	tokens map[string]string
	ids    map[string]string // route path → id for its :id
}

func (ts *testServer) permissionFixture() permissionFixture {
	ts.t.Helper()
	ctx := context.Background()
	fx := permissionFixture{tokens: map[string]string{}, ids: map[string]string{}}
	roles := map[string]identity.Role{"executive": identity.RoleExecutive, "admin": identity.RoleAdmin}
	users := map[string]identity.User{}
	for _, kind := range callerKinds[1:] {
		role, ok := roles[kind]
		if !ok {
			role = identity.RoleMember
		}
		users[kind] = ts.user(kind+"@example.com", role)
		plain, _, err := ts.id.CreateToken(ctx, identity.Actor{UserID: users[kind].ID}, "matrix")
		if err != nil {
			ts.t.Fatal(err)
		}
		fx.tokens[kind] = plain
	}
	team, err := ts.id.CreateTeam(ctx, identity.Actor{}, "Deal team", nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	other, err := ts.id.CreateTeam(ctx, identity.Actor{}, "Elsewhere", nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	if _, err := ts.id.SetTeamMembers(ctx, identity.Actor{}, team.ID, team.Version, []string{users["member_of_team"].ID}); err != nil {
		ts.t.Fatal(err)
	}
	if _, err := ts.id.SetTeamMembers(ctx, identity.Actor{}, other.ID, other.Version, []string{users["member_elsewhere"].ID}); err != nil {
		ts.t.Fatal(err)
	}
	victim := ts.user("victim@example.com", identity.RoleMember)
	for _, path := range []string{"/api/v1/users/:id", "/api/v1/users/:id/password", "/api/v1/users/:id/tokens", "/api/v1/users/:id/tokens/:token_id"} {
		fx.ids[path] = victim.ID
	}
	for _, path := range []string{"/api/v1/teams/:id", "/api/v1/teams/:id/members"} {
		fx.ids[path] = other.ID
	}
	fx.ids["/api/v1/me/tokens/:id"] = "00000000-0000-4000-8000-000000000001"

	// A deal of the "Deal team" team with its deal team, and another deal elsewhere, for
	// another customer (whose contacts the first deal's people may not see).
	customer, err := ts.dl.CreateCustomer(ctx, deals.Customer{Name: "Customer", Kind: "enterprise"})
	if err != nil {
		ts.t.Fatal(err)
	}
	otherCustomer, err := ts.dl.CreateCustomer(ctx, deals.Customer{Name: "Other customer", Kind: "enterprise"})
	if err != nil {
		ts.t.Fatal(err)
	}
	tpl := builtinTemplate(ts, "g2b")
	newDeal := func(customerID, teamID string, members []deals.Member) deals.Deal {
		d, err := ts.dl.CreateDeal(ctx, deals.Actor{}, deals.NewDealInput{TemplateID: &tpl.ID, Deal: deals.Deal{
			Name: "Deal", CustomerID: customerID, Segment: deals.SegmentG2B, TeamID: teamID, AmountMinor: 100,
			Currency: "CNY", TargetCloseDate: time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC), Team: members}})
		if err != nil {
			ts.t.Fatal(err)
		}
		return d
	}
	deal := newDeal(customer.ID, team.ID, []deals.Member{{UserID: users["pmo"].ID, Role: deals.RolePMO},
		{UserID: users["business"].ID, Role: deals.RoleBusiness}, {UserID: users["solution"].ID, Role: deals.RoleSolution}})
	newDeal(otherCustomer.ID, other.ID, []deals.Member{{UserID: users["pmo_other_deal"].ID, Role: deals.RolePMO}})
	plan, err := ts.dl.Plan(ctx, deal.ID)
	if err != nil {
		ts.t.Fatal(err)
	}
	for path := range permissionMatrix {
		p := strings.SplitN(path, " ", 2)[1]
		switch {
		case strings.HasPrefix(p, "/api/v1/deals/:id"):
			fx.ids[p] = deal.ID
		case strings.HasPrefix(p, "/api/v1/milestones/:id"):
			fx.ids[p] = plan[0].ID // owned by the business role
		case strings.HasPrefix(p, "/api/v1/customers/:id"):
			fx.ids[p] = customer.ID
		case strings.HasPrefix(p, "/api/v1/templates/:id"):
			fx.ids[p] = tpl.ID
		case strings.HasPrefix(p, "/api/v1/contacts/:id"), strings.HasPrefix(p, "/api/v1/stakeholders/:id"),
			strings.HasPrefix(p, "/api/v1/retrospectives/:id"), strings.HasPrefix(p, "/api/v1/actions/:id"):
			fx.ids[p] = "pending"
		}
	}
	// A stakeholder and a retrospective whose action item the business user owns.
	st, err := ts.st.AddStakeholder(ctx, "", deal.ID, stakeholders.NewStakeholder{ContactName: "Director Wang",
		Stakeholder: stakeholders.Stakeholder{DecisionRole: "decision_maker", Influence: 5, Stance: "neutral"}})
	if err != nil {
		ts.t.Fatal(err)
	}
	owner := users["business"].ID
	retro, err := ts.rv.HoldRetrospective(ctx, "", reviews.Retrospective{DealID: deal.ID, HeldOn: time.Now(), Outcome: "at_risk",
		Happened: "Budget slipped", Actions: []reviews.Action{{Title: "Meet finance", OwnerID: &owner, DueOn: time.Now()}}})
	if err != nil {
		ts.t.Fatal(err)
	}
	for path := range fx.ids {
		switch {
		case strings.HasPrefix(path, "/api/v1/contacts/:id"):
			fx.ids[path] = st.ContactID
		case strings.HasPrefix(path, "/api/v1/stakeholders/:id"):
			fx.ids[path] = st.ID
		case strings.HasPrefix(path, "/api/v1/retrospectives/:id"):
			fx.ids[path] = retro.ID
		case strings.HasPrefix(path, "/api/v1/actions/:id"):
			fx.ids[path] = retro.Actions[0].ID
		}
	}
	return fx
}

func builtinTemplate(ts *testServer, key string) deals.Template {
	ts.t.Helper()
	all, err := ts.dl.ListTemplates(context.Background())
	if err != nil {
		ts.t.Fatal(err)
	}
	for _, tpl := range all {
		if tpl.Key == key {
			return tpl
		}
	}
	ts.t.Fatalf("no template %s", key)
	return deals.Template{}
}
