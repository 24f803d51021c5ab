package repository_test

import (
	"testing"

	"gorm.io/gorm"

	"summit/domain/deals"
)

// seedConfidenceWorld stores n G2B deals straight in SQL, each with a 15-step plan
// (dependencies chained, a baseline, part of it done), 6 stakeholders, a retrospective
// with an action and a gate decision: the shape of the engine benchmark's deals.
func seedConfidenceWorld(tb testing.TB, db *gorm.DB, customerID, teamID, templateID string, n int) {
	tb.Helper()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, template_id)
			SELECT 'Deal ' || g, ?, 'g2b', ?, 1000 * g, 'CNY', DATE '2026-06-01' + (g % 365), ? FROM generate_series(1, ?) g`,
			[]any{customerID, teamID, templateID, n}},
		{`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, weight, gate, planned_start, planned_due, status, completed_on)
			SELECT d.id, s, CASE WHEN s = 15 THEN 'contract_signed' ELSE 'step_' || s END, 'Step ' || s, 'pmo', 5, s % 4 = 0,
				DATE '2026-01-05' + s * 12, DATE '2026-01-05' + s * 12 + 10,
				CASE WHEN s <= abs(hashtext(d.id::text)) % 12 THEN 'done' WHEN s = 14 AND abs(hashtext(d.id::text)) % 7 = 0 THEN 'blocked' ELSE 'planned' END,
				CASE WHEN s <= abs(hashtext(d.id::text)) % 12 THEN DATE '2026-01-05' + s * 12 + 12 END
			FROM deals d, generate_series(1, 15) s`, nil},
		{`INSERT INTO milestone_dependencies (milestone_id, depends_on_id)
			SELECT m.id, p.id FROM milestones m JOIN milestones p ON p.deal_id = m.deal_id AND p.sequence = m.sequence - 1`, nil},
		{`INSERT INTO baselines (deal_id, name) SELECT id, 'Kick-off' FROM deals`, nil},
		{`INSERT INTO baseline_milestones (baseline_id, milestone_id, planned_start, planned_due)
			SELECT b.id, m.id, m.planned_start - 5, m.planned_due - 5 FROM milestones m JOIN baselines b ON b.deal_id = m.deal_id`, nil},
		{`INSERT INTO contacts (customer_id, name) SELECT ?, 'Person ' || g FROM generate_series(1, 6) g`, []any{customerID}},
		{`INSERT INTO stakeholders (deal_id, contact_id, decision_role, influence, stance, relationship_strength, last_contact_on, next_step, next_step_due)
			SELECT d.id, c.id,
				(ARRAY['decision_maker','economic_buyer','technical_evaluator','user','influencer','coach'])[1 + (abs(hashtext(d.id::text || c.id::text)) % 6)],
				1 + abs(hashtext(c.id::text || d.id::text)) % 5,
				(ARRAY['champion','supporter','neutral','skeptic','blocker'])[1 + (abs(hashtext(d.id::text || c.name)) % 5)],
				3, DATE '2026-02-01' + abs(hashtext(c.name || d.id::text)) % 60, 'Call', DATE '2026-03-01' + abs(hashtext(d.name || c.name)) % 30
			FROM deals d CROSS JOIN contacts c`, nil},
		{`INSERT INTO retrospectives (deal_id, held_on, outcome)
			SELECT id, DATE '2026-02-20', (ARRAY['on_track','at_risk','off_track'])[1 + abs(hashtext(id::text)) % 3] FROM deals`, nil},
		{`INSERT INTO retrospective_actions (retrospective_id, title, due_on) SELECT id, 'Follow up', DATE '2026-02-25' FROM retrospectives`, nil},
		{`INSERT INTO gate_decisions (deal_id, milestone_id, decision, decided_on, rationale)
			SELECT m.deal_id, m.id, 'go', DATE '2026-02-10', 'ok' FROM milestones m WHERE m.sequence = 4`, nil},
		{`ANALYZE`, nil}, // as autovacuum would after a load this size
	} {
		if err := db.Exec(q.sql, q.args...).Error; err != nil {
			tb.Fatalf("%s: %v", q.sql, err)
		}
	}
}

// BenchmarkRefreshDue10k is the daily job over 10,000 deals (150,000 milestones, 60,000
// stakeholders): every deal's figures recomputed and stored for the whole window
// (21 periods each), 200 deals a transaction. One op is the whole job.
func BenchmarkRefreshDue10k(b *testing.B) {
	const n = 10_000
	f := newDealsFixture(b)
	team, c := f.team("North"), f.customer("Water Bureau", "government")
	seedConfidenceWorld(b, f.db, c.ID, team.ID, f.template("g2b").ID, n)
	fc := f.forecastService()
	day := deals.Day(f.clock)
	for b.Loop() {
		day = day.AddDate(0, 0, 1) // each run is a new day: every deal is due
		got, err := fc.RefreshDue(f.ctx, day)
		if err != nil || got != n {
			b.Fatalf("refreshed %d (%v), want %d", got, err, n)
		}
	}
}
