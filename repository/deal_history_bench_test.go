package repository_test

import (
	"testing"

	"summit/domain/dealhistory"
	"summit/repository"
)

// BenchmarkDealConfidenceHistory is the worst case of GET /deals/{id}/confidence/history's
// reads: a deal with 500 daily snapshots whose p_win moves every day (the bound keeps 400
// points, so 399 moves) and 10,000 activity entries spread over them (20 a day). One op is
// the whole use case: the snapshots query and the one activity query over the 399 spans.
func BenchmarkDealConfidenceHistory(b *testing.B) {
	f := newDealsFixture(b)
	team, c := f.team("North"), f.customer("Water Bureau", "government")
	seedConfidenceWorld(b, f.db, c.ID, team.ID, f.template("g2b").ID, 1)
	var dealID string
	if err := f.db.Raw(`SELECT id FROM deals LIMIT 1`).Scan(&dealID).Error; err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO forecast_snapshots (day, taken_at) SELECT DATE '2025-06-01' + g, (DATE '2025-06-01' + g)::timestamp AT TIME ZONE 'UTC'
			FROM generate_series(0, 499) g`,
		`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category, base, p_win, factors, periods)
			SELECT f.day, d.id, d.team_id, d.amount_minor, d.currency, d.target_close_date, d.forecast_category, 0.3,
				0.3 + (f.day - DATE '2025-06-01') % 2 * 0.1,
				jsonb_build_array(jsonb_build_object('key', 'progress', 'contribution', (f.day - DATE '2025-06-01') % 2 * 0.1, 'log_odds', 0.4, 'detail', '{}'::jsonb),
					jsonb_build_object('key', 'champion', 'contribution', 0.05, 'log_odds', 0.2, 'detail', '{}'::jsonb)),
				jsonb_build_object('2026-Q4', jsonb_build_array(0.5, 0.15 + (f.day - DATE '2025-06-01') % 2 * 0.05))
			FROM forecast_snapshots f CROSS JOIN deals d`,
		`INSERT INTO deal_activity (deal_id, at, action, entity_type, after)
			SELECT d.id, TIMESTAMPTZ '2025-06-01 00:30:00+00' + g * interval '72 minutes', 'deal.updated', 'deal', '{"name":"x"}'::jsonb
			FROM deals d, generate_series(0, 9999) g`,
		`ANALYZE`,
	} {
		if err := f.db.Exec(q).Error; err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	svc := &dealhistory.Service{Store: repository.NewDealHistory(f.db)}
	for b.Loop() {
		h, err := svc.History(f.ctx, dealID, "2026-Q4")
		if err != nil || len(h.Points) != dealhistory.MaxPoints || len(h.Moves) != dealhistory.MaxPoints-1 {
			b.Fatalf("%d points, %d moves (%v)", len(h.Points), len(h.Moves), err)
		}
		if m := h.Moves[0]; m.ActivityTotal != 20 || len(m.Activity) != dealhistory.ActivityPerMove {
			b.Fatalf("newest move: %d of %d entries", len(m.Activity), m.ActivityTotal)
		}
	}
}
