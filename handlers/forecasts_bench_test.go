package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/identity"
)

// BenchmarkDealListByConfidence10k is GET /deals over 10,000 deals whose stored figures
// (the whole window: 21 periods each) are seeded straight in SQL: sorted by -confidence
// with a confidence_min filter, sorted alone, and by the default sort for comparison. One
// op is one full page of 50 for an administrator (every deal visible), through the whole
// middleware chain.
func BenchmarkDealListByConfidence10k(b *testing.B) {
	ts := newTestServer(b)
	ctx, sys := context.Background(), identity.Actor{IP: "bench"}
	ts.user("admin@example.com", identity.RoleAdmin)
	team, err := ts.id.CreateTeam(ctx, sys, "North", nil)
	if err != nil {
		b.Fatal(err)
	}
	c, err := ts.dl.CreateCustomer(ctx, deals.Customer{Name: "Water Bureau", Kind: "government"})
	if err != nil {
		b.Fatal(err)
	}
	var values []string
	for _, p := range forecasts.Window(time.Now().UTC(), 4) {
		values = append(values, fmt.Sprintf("('%s', DATE '%s', DATE '%s')", p.Name, p.From.Format(deals.DateLayout), p.To.Format(deals.DateLayout)))
	}
	for _, q := range []string{
		`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date)
			SELECT 'Deal ' || g, '` + c.ID + `', 'g2b', '` + team.ID + `', 1000 * g, 'CNY', current_date + (g % 365) FROM generate_series(1, 10000) g`,
		`INSERT INTO deal_confidence (deal_id, as_of, base, p_win) SELECT id, current_date, 0.2, (hashtext(id::text) & 1023) / 1023.0 FROM deals`,
		`INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence)
			SELECT d.id, w.name, w.period_from, w.period_to, x.p, x.p * dc.p_win
			FROM deals d JOIN deal_confidence dc ON dc.deal_id = d.id
			CROSS JOIN (VALUES ` + strings.Join(values, ", ") + `) AS w (name, period_from, period_to)
			CROSS JOIN LATERAL (SELECT (hashtext(d.id::text || w.name) & 1023) / 1023.0 AS p) x`,
		`ANALYZE`,
	} {
		if err := ts.db.Exec(q).Error; err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	var matching int64
	if err := ts.db.Raw(`SELECT count(*) FROM deal_forecasts WHERE period = ? AND confidence >= 0.2`,
		forecasts.CurrentQuarter(time.Now().UTC(), 4).Name).Scan(&matching).Error; err != nil || matching < 1000 {
		b.Fatalf("%d deals match the filter (%v)", matching, err)
	}
	admin := ts.signIn("admin@example.com")
	for _, bm := range []struct{ name, target string }{
		{"sorted_and_filtered", "/api/v1/deals?sort=-confidence&confidence_min=0.2&limit=50"},
		{"sorted", "/api/v1/deals?sort=-confidence&limit=50"},
		{"default_sort", "/api/v1/deals?limit=50"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", bm.target, nil)
				req.Header.Set("Cookie", sessionCookie+"="+admin.cookie)
				ts.e.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"next_cursor":"`) {
					b.Fatalf("status %d %.300s", rec.Code, rec.Body)
				}
			}
		})
	}
}
