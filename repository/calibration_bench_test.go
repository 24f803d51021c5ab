package repository_test

import (
	"context"
	"testing"

	"summit/domain/calibration"
	"summit/repository"
	"summit/repository/dbtest"
)

// BenchmarkCalibration10k is GET /calibration's work over 10,000 closed deals (half won,
// each with a 5-step plan whose contract step is done for the won ones) and 26 weekly
// snapshots each (260,000 deal_snapshots rows): every closed deal's snapshot 90 days
// before its close chosen and scored, streamed. One op is one report.
func BenchmarkCalibration10k(b *testing.B) {
	db, _ := dbtest.New(b)
	for _, q := range []string{
		`INSERT INTO teams (name) VALUES ('Bench')`,
		`INSERT INTO customers (name, kind) VALUES ('Bench', 'government')`,
		`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			SELECT 'Deal ' || g, (SELECT id FROM customers), CASE WHEN g % 3 = 0 THEN 'key_account' ELSE 'g2b' END,
				(SELECT id FROM teams), 1000 * g, 'CNY', DATE '2025-01-01' + (g % 600), CASE WHEN g % 2 = 0 THEN 'won' ELSE 'lost' END
			FROM generate_series(1, 10000) g`,
		`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, gate, planned_start, planned_due, status, completed_on)
			SELECT d.id, s, CASE WHEN s = 5 THEN 'contract_signed' ELSE 'step_' || s END, 'Step ' || s, 'pmo', s % 2 = 0,
				d.target_close_date - (6 - s) * 20, d.target_close_date - (5 - s) * 20,
				CASE WHEN s < 5 OR d.status = 'won' THEN 'done' ELSE 'planned' END,
				CASE WHEN s < 5 OR d.status = 'won' THEN d.target_close_date - (5 - s) * 20 - 3 END
			FROM deals d, generate_series(1, 5) s`,
		`INSERT INTO forecast_snapshots (day, simulated) SELECT DISTINCT d.target_close_date - 3 - 7 * w, true
			FROM deals d, generate_series(0, 25) w ON CONFLICT DO NOTHING`,
		`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category, base, p_win)
			SELECT d.target_close_date - 3 - 7 * w, d.id, d.team_id, d.amount_minor, d.currency, d.target_close_date, 'pipeline', 0.3,
				(abs(hashtext(d.id::text || w)) % 100) / 100.0
			FROM deals d, generate_series(0, 25) w`,
		`ANALYZE`,
	} {
		if err := db.Exec(q).Error; err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	svc := &calibration.Service{Store: repository.NewCalibration(db)}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		r, err := svc.Report(ctx, calibration.Query{LeadDays: 90})
		if err != nil {
			b.Fatal(err)
		}
		if r.Closed != 10_000 || r.Count < 9_000 {
			b.Fatalf("closed %d scored %d, want 10,000 and nearly all", r.Closed, r.Count)
		}
	}
}
