package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/domain/targets"
)

// The kinds of caller every route is tried with: the deal-team roles on the matrix's
// deal, a member of its team, a PMO of another deal, a member of another team, and the
// global roles.
var callerKinds = []string{
	"anonymous", "member_elsewhere", "member_of_team", "pmo", "business", "solution", "pmo_other_deal", "executive", "admin",
}

// expectation says, per caller kind, which refusal a route gives (401, 403 or 404); a
// kind not listed is let through.
type expectation map[string]int

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

// rule is one route's row: who is refused and how, and the exact status every caller let
// through gets for the matrix's request. Reads succeed (200). Writes are sent with the
// body {} and If-Match "999", so an allowed writer stops before changing anything: at the
// version check (412) where the route checks the version before the body, else at the
// body's validation (422) or shape (400), or at a rule of the resource (409: a built-in
// template cannot be deleted; 404: no such token of the caller's). Any other status, a
// 500 above all, fails the row.
type rule struct {
	who expectation
	ok  int
}

// permissionMatrix is every API route with who may call it. A route missing here fails
// TestPermissionMatrix, so no endpoint ships without a decision about who may use it.
var permissionMatrix = map[string]rule{
	"GET /api/v1/openapi.json":                  {anyone, 200},
	"GET /api/v1/meta":                          {anyone, 200},
	"POST /api/v1/auth/login":                   {anyone, 422},
	"POST /api/v1/auth/logout":                  {signedInOnly, 204},
	"GET /api/v1/me":                            {signedInOnly, 200},
	"PATCH /api/v1/me":                          {signedInOnly, 412},
	"POST /api/v1/me/password":                  {signedInOnly, 422},
	"GET /api/v1/me/tokens":                     {signedInOnly, 200},
	"POST /api/v1/me/tokens":                    {signedInOnly, 422},
	"DELETE /api/v1/me/tokens/:id":              {signedInOnly, 404}, // not the caller's token
	"GET /api/v1/users":                         {signedInOnly, 200},
	"GET /api/v1/users/:id":                     {signedInOnly, 200},
	"POST /api/v1/users":                        {adminsOnly, 422},
	"PATCH /api/v1/users/:id":                   {adminsOnly, 412},
	"POST /api/v1/users/:id/password":           {adminsOnly, 422},
	"GET /api/v1/users/:id/tokens":              {adminsOnly, 200},
	"DELETE /api/v1/users/:id/tokens/:token_id": {adminsOnly, 204}, // the one allowed caller revokes it
	"GET /api/v1/teams":                         {signedInOnly, 200},
	"GET /api/v1/teams/:id":                     {signedInOnly, 200},
	"POST /api/v1/teams":                        {adminsOnly, 422},
	"PATCH /api/v1/teams/:id":                   {adminsOnly, 412},
	"DELETE /api/v1/teams/:id":                  {adminsOnly, 412},
	"PUT /api/v1/teams/:id/members":             {adminsOnly, 422},
	"GET /api/v1/audit":                         {adminsOnly, 200},

	"GET /api/v1/customers":                   {signedInOnly, 200},
	"POST /api/v1/customers":                  {signedInOnly, 422},
	"GET /api/v1/customers/:id":               {signedInOnly, 200},
	"PATCH /api/v1/customers/:id":             {signedInOnly, 412},
	"DELETE /api/v1/customers/:id":            {adminsOnly, 412},
	"GET /api/v1/templates":                   {signedInOnly, 200},
	"GET /api/v1/templates/:id":               {signedInOnly, 200},
	"POST /api/v1/templates/:id/target-check": {signedInOnly, 422},
	"POST /api/v1/templates":                  {adminsOnly, 422},
	"PUT /api/v1/templates/:id":               {adminsOnly, 422},
	"DELETE /api/v1/templates/:id":            {adminsOnly, 409},

	"GET /api/v1/deals":                                        {signedInOnly, 200},
	"GET /api/v1/deals/summary":                                {signedInOnly, 200},
	"POST /api/v1/deals":                                       {signedInOnly, 422},
	"GET /api/v1/deals/:id":                                    {dealReaders, 200},
	"PATCH /api/v1/deals/:id":                                  {dealPMOOrBusiness, 412}, // business: the judgement fields only
	"DELETE /api/v1/deals/:id":                                 {dealAdmins, 412},
	"PUT /api/v1/deals/:id/team":                               {dealPMOs, 400},
	"GET /api/v1/deals/:id/activity":                           {dealReaders, 200},
	"GET /api/v1/deals/:id/confidence":                         {dealReaders, 200},
	"GET /api/v1/deals/:id/confidence/history":                 {dealReaders, 200},
	"GET /api/v1/deals/:id/plan/checks":                        {dealReaders, 200},
	"GET /api/v1/deals/:id/milestones":                         {dealReaders, 200},
	"POST /api/v1/deals/:id/milestones":                        {dealPMOs, 422},
	"PUT /api/v1/deals/:id/milestones/order":                   {dealPMOs, 422},
	"POST /api/v1/deals/:id/milestones/import":                 {dealPMOs, 400},
	"POST /api/v1/deals/:id/milestones/import/:import_id/undo": {dealPMOs, 404}, // no such import
	"GET /api/v1/deals/:id/plan.xlsx":                          {dealReaders, 200},
	"GET /api/v1/milestones/:id":                               {dealReaders, 200},
	"PATCH /api/v1/milestones/:id":                             {dealPMOs, 412}, // a business-owned milestone
	"DELETE /api/v1/milestones/:id":                            {dealPMOs, 412},
	"POST /api/v1/milestones/:id/reschedule/preview":           {dealReaders, 422},
	"POST /api/v1/milestones/:id/reschedule":                   {dealPMOs, 422},
	"GET /api/v1/deals/:id/baselines":                          {dealReaders, 200},
	"POST /api/v1/deals/:id/baselines":                         {dealPMOs, 422},
	"POST /api/v1/deals/:id/baselines/:baseline_id/commit":     {dealPMOs, 422},

	"GET /api/v1/customers/:id/contacts":  {dealReaders, 200},
	"POST /api/v1/customers/:id/contacts": {dealRoleHolders, 422},
	"GET /api/v1/contacts/:id":            {dealReaders, 200},
	"PATCH /api/v1/contacts/:id":          {dealRoleHolders, 412},
	"DELETE /api/v1/contacts/:id":         {adminsOnly, 412},

	"GET /api/v1/deals/:id/stakeholders":    {dealReaders, 200},
	"POST /api/v1/deals/:id/stakeholders":   {dealBusiness, 422},
	"GET /api/v1/stakeholders/:id":          {dealReaders, 200},
	"PATCH /api/v1/stakeholders/:id":        {dealBusiness, 412},
	"DELETE /api/v1/stakeholders/:id":       {dealBusiness, 412},
	"GET /api/v1/stakeholders/:id/history":  {dealReaders, 200},
	"GET /api/v1/deals/:id/retrospectives":  {dealReaders, 200},
	"POST /api/v1/deals/:id/retrospectives": {dealPMOOrBusiness, 422},
	"GET /api/v1/retrospectives/:id":        {dealReaders, 200},
	"PUT /api/v1/retrospectives/:id":        {dealPMOs, 422},
	"DELETE /api/v1/retrospectives/:id":     {dealPMOs, 412},
	"PATCH /api/v1/actions/:id":             {dealPMOOrBusiness, 422}, // the business user owns the action
	"GET /api/v1/me/actions":                {signedInOnly, 200},
	"GET /api/v1/deals/:id/actions/overdue": {dealReaders, 200},
	"GET /api/v1/deals/:id/gate-decisions":  {dealReaders, 200},
	"POST /api/v1/deals/:id/gate-decisions": {dealPMOs, 422},
	"GET /api/v1/confidence/parameters":     {signedInOnly, 200},
	"GET /api/v1/risks/gates":               {signedInOnly, 200},
	"GET /api/v1/boards/confidence":         {signedInOnly, 200}, // scoped to the deals the caller may read
	"GET /api/v1/boards/confidence.csv":     {signedInOnly, 200},
	"GET /api/v1/boards/confidence.xlsx":    {signedInOnly, 200},
	"GET /api/v1/boards/confidence/trend":   {signedInOnly, 200}, // points only for a reader of every deal of the scope
	"GET /api/v1/boards/confidence/changes": {signedInOnly, 200}, // scoped to the deals the caller may read
	"GET /api/v1/risks/next-steps":          {signedInOnly, 200},
	"GET /api/v1/risks/coverage":            {signedInOnly, 200},

	// Targets: everyone signed in reads, admins and executives write; FX rates and
	// settings: admins write.
	"GET /api/v1/settings":        {signedInOnly, 200},
	"PATCH /api/v1/settings":      {adminsOnly, 412},
	"GET /api/v1/targets":         {signedInOnly, 200},
	"POST /api/v1/targets":        {targetSetters, 422},
	"GET /api/v1/targets/tree":    {signedInOnly, 200},
	"GET /api/v1/targets/:id":     {signedInOnly, 200},
	"PATCH /api/v1/targets/:id":   {targetSetters, 412},
	"DELETE /api/v1/targets/:id":  {targetSetters, 412},
	"GET /api/v1/fx-rates":        {signedInOnly, 200},
	"POST /api/v1/fx-rates":       {adminsOnly, 422},
	"GET /api/v1/fx-rates/:id":    {signedInOnly, 200},
	"PATCH /api/v1/fx-rates/:id":  {adminsOnly, 412},
	"DELETE /api/v1/fx-rates/:id": {adminsOnly, 412},

	// Calibration (issue 14): admins and executives, like the targets they set.
	"GET /api/v1/calibration": {targetSetters, 200},
	// Confidence models: admins only.
	"GET /api/v1/confidence/models":                 {adminsOnly, 200},
	"POST /api/v1/confidence/models":                {adminsOnly, 422},
	"POST /api/v1/confidence/models/revert":         {adminsOnly, 422},
	"POST /api/v1/confidence/models/:version/adopt": {adminsOnly, 400}, // ":version" is not a number
}

// targetSetters: administrators and executives (issue 11: targets are theirs to set).
var targetSetters = expectation{"anonymous": 401, "member_elsewhere": 403, "member_of_team": 403, "pmo": 403,
	"business": 403, "solution": 403, "pmo_other_deal": 403}

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
		target := strings.NewReplacer(":id", fx.ids[path], ":token_id", fx.victimToken).Replace(path)
		for _, kind := range callerKinds {
			headers := []string{"If-Match", `"999"`} // allowed writers stop before changing anything
			if kind != "anonymous" {
				headers = append(headers, "Authorization", "Bearer "+fx.tokens[kind])
			}
			body := ""
			if method != "GET" && method != "DELETE" {
				body = "{}"
			}
			rec := ts.do(method, target, body, headers...)
			w, refused := want.who[kind]
			if !refused {
				w = want.ok
			}
			if rec.Code != w {
				t.Errorf("%s as %s: %d %.200s, want %d", route, kind, rec.Code, rec.Body, w)
			}
		}
	}
}

// permissionFixture holds a token per caller kind and ids to put in paths.
type permissionFixture struct {
	tokens      map[string]string
	ids         map[string]string // route path → id for its :id
	victimToken string            // an API token of the user of the /users/:id routes
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
	_, victimToken, err := ts.id.CreateToken(ctx, identity.Actor{UserID: victim.ID}, "revoked by an admin")
	if err != nil {
		ts.t.Fatal(err)
	}
	fx.victimToken = victimToken.ID
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
	// A target of the deal's team and an FX rate, for the /targets/:id and /fx-rates/:id routes.
	tgt, err := ts.srv.deps.Targets.CreateTarget(ctx, identity.Actor{}, targets.Target{Period: "2026-Q4", TeamID: &team.ID, AmountMinor: 100})
	if err != nil {
		ts.t.Fatal(err)
	}
	rate, err := ts.srv.deps.Targets.CreateRate(ctx, identity.Actor{}, targets.FXRate{Period: "2026-Q4", Currency: "USD", Rate: "7.1"})
	if err != nil {
		ts.t.Fatal(err)
	}
	for path := range permissionMatrix {
		p := strings.SplitN(path, " ", 2)[1]
		switch {
		case strings.HasPrefix(p, "/api/v1/targets/:id"):
			fx.ids[p] = tgt.ID
		case strings.HasPrefix(p, "/api/v1/fx-rates/:id"):
			fx.ids[p] = rate.ID
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
