package handlers

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"summit/domain/deals"
	"summit/domain/identity"
)

// dealWorld is a small organisation with one G2B deal: a team "North China" under
// "Government", its members, and users in each deal role.
type dealWorld struct {
	ts                          *testServer
	gov, north, east            identity.Team
	customer                    deals.Customer
	pmo, business, solution     identity.User
	teamMember, outsider, admin identity.User
	deal                        dealResponse
	plan                        []milestoneResponse
}

func newDealWorld(t testing.TB) *dealWorld {
	t.Helper()
	return newDealWorldOn(t, newTestServer(t))
}

// newDealWorldOn builds the world through the app instance ts.
func newDealWorldOn(t testing.TB, ts *testServer) *dealWorld {
	t.Helper()
	ctx, sys := context.Background(), identity.Actor{IP: "test"}
	w := &dealWorld{ts: ts}
	var err error
	if w.gov, err = ts.id.CreateTeam(ctx, sys, "Government", nil); err != nil {
		t.Fatal(err)
	}
	if w.north, err = ts.id.CreateTeam(ctx, sys, "North China", &w.gov.ID); err != nil {
		t.Fatal(err)
	}
	if w.east, err = ts.id.CreateTeam(ctx, sys, "East China", &w.gov.ID); err != nil {
		t.Fatal(err)
	}
	w.pmo = ts.user("pmo@example.com", identity.RoleMember)
	w.business = ts.user("am@example.com", identity.RoleMember)
	w.solution = ts.user("solution@example.com", identity.RoleMember)
	w.teamMember = ts.user("colleague@example.com", identity.RoleMember)
	w.outsider = ts.user("east@example.com", identity.RoleMember)
	w.admin = ts.user("admin@example.com", identity.RoleAdmin)
	if _, err := ts.id.SetTeamMembers(ctx, sys, w.north.ID, w.north.Version, []string{w.pmo.ID, w.teamMember.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.id.SetTeamMembers(ctx, sys, w.east.ID, w.east.Version, []string{w.outsider.ID}); err != nil {
		t.Fatal(err)
	}
	if w.customer, err = ts.dl.CreateCustomer(ctx, deals.Customer{Name: "Beijing Municipal Bureau of Big Data", Kind: "government", Region: "Beijing", Industry: "Government"}); err != nil {
		t.Fatal(err)
	}
	w.deal = w.createG2BDeal(t, ts.signIn(w.pmo.Email), "Smart city platform")
	pmo := ts.signIn(w.pmo.Email)
	team := `[{"user_id":"` + w.pmo.ID + `","role":"pmo"},{"user_id":"` + w.business.ID + `","role":"business"},{"user_id":"` + w.solution.ID + `","role":"solution"}]`
	if rec := pmo.do("PUT", "/api/v1/deals/"+w.deal.ID+"/team", team, "If-Match", etag(w.deal.Version)); rec.Code != http.StatusOK {
		t.Fatalf("set deal team: %d %s", rec.Code, rec.Body)
	}
	w.plan = w.loadPlan(t, pmo)
	return w
}

func (w *dealWorld) g2bTemplateID(t testing.TB) string {
	t.Helper()
	ts, err := w.ts.dl.ListTemplates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range ts {
		if tpl.Key == "g2b" {
			return tpl.ID
		}
	}
	t.Fatal("no built-in G2B template")
	return ""
}

func (w *dealWorld) createG2BDeal(t testing.TB, b *browser, name string) dealResponse {
	t.Helper()
	body := `{"name":"` + name + `","customer_id":"` + w.customer.ID + `","segment":"g2b","team_id":"` + w.north.ID +
		`","amount_minor":3000000000,"currency":"CNY","target_close_date":"2027-06-30","template_id":"` + w.g2bTemplateID(t) + `","start_date":"2026-11-23"}`
	rec := b.do("POST", "/api/v1/deals", body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create deal: %d %s", rec.Code, rec.Body)
	}
	var d dealResponse
	decode(t, rec, &d)
	return d
}

func (w *dealWorld) loadPlan(t testing.TB, b *browser) []milestoneResponse {
	t.Helper()
	var list listResponse[milestoneResponse]
	decode(t, b.do("GET", "/api/v1/deals/"+w.deal.ID+"/milestones", ""), &list)
	return list.Items
}

// milestone finds a plan step by its template key.
func (w *dealWorld) milestone(t *testing.T, plan []milestoneResponse, key string) milestoneResponse {
	t.Helper()
	for _, m := range plan {
		if m.Key == key {
			return m
		}
	}
	t.Fatalf("no milestone %s", key)
	return milestoneResponse{}
}

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }
