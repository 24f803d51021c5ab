package repository_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/stakeholders"
	"summit/repository"
	"summit/repository/dbtest"
)

// riskWorldToday is the as-of day of the bulk risk world.
var riskWorldToday = onDay("2026-11-23")

// seedRiskWorld stores, straight in SQL, n open deals of the team "Mine" numbered 1…n, a
// tenth as many of the team "Theirs" (n+1…) and 100 won deals of "Mine", each with one
// gate due in ten days and four stakeholders linked to it: P1 (the decision maker, a
// plain user on every deal numbered 0 mod 10: no decision maker), P2 (a coach and
// champion), P3 and P4 (users). P1 was last contacted 60 days ago on deals numbered 1
// mod 10, is a blocker on 3 mod 10, and has a next step due yesterday on 2 mod 10. It
// returns the two teams' ids.
func seedRiskWorld(t testing.TB, db *gorm.DB, n int) (mine, theirs string) {
	t.Helper()
	today := riskWorldToday
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO teams (name) VALUES ('Mine'), ('Theirs')`, nil},
		{`INSERT INTO customers (name, kind) VALUES ('Customer', 'government')`, nil},
		{`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			SELECT 'Deal ' || g, (SELECT id FROM customers), 'g2b',
				(SELECT id FROM teams WHERE name = CASE WHEN g > ? AND g <= ? THEN 'Theirs' ELSE 'Mine' END),
				1000, 'CNY', ?::date + 90, CASE WHEN g > ? THEN 'won' ELSE 'open' END
			FROM generate_series(1, ? + ? / 10 + 100) g`, []any{n, n + n/10, today, n + n/10, n, n}},
		{`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, gate, planned_start, planned_due)
			SELECT id, 1, 'bid_decision', 'Bid decision', 'pmo', true, ?::date, ?::date + 10 FROM deals`, []any{today, today}},
		{`INSERT INTO contacts (customer_id, name) SELECT (SELECT id FROM customers), 'P' || g FROM generate_series(1, 4) g`, nil},
		{`INSERT INTO stakeholders (deal_id, contact_id, decision_role, influence, stance, last_contact_on, next_step, next_step_due)
			SELECT d.id, c.id,
				CASE WHEN c.name = 'P1' AND d.g % 10 <> 0 THEN 'decision_maker' WHEN c.name = 'P2' THEN 'coach' ELSE 'user' END,
				3,
				CASE WHEN c.name = 'P2' THEN 'champion' WHEN c.name = 'P1' AND d.g % 10 = 3 THEN 'blocker' ELSE 'neutral' END,
				CASE WHEN c.name = 'P1' AND d.g % 10 = 1 THEN ?::date - 60 ELSE ?::date END,
				'Call',
				CASE WHEN c.name = 'P1' AND d.g % 10 = 2 THEN ?::date - 1 ELSE ?::date + 10 END
			FROM (SELECT id, split_part(name, ' ', 2)::int AS g FROM deals) d CROSS JOIN contacts c`,
			[]any{today, today, today, today}},
		{`INSERT INTO stakeholder_milestones (stakeholder_id, milestone_id)
			SELECT s.id, m.id FROM stakeholders s JOIN milestones m ON m.deal_id = s.deal_id`, nil},
		{`ANALYZE`, nil},
	} {
		if err := db.Exec(s.sql, s.args...).Error; err != nil {
			t.Fatalf("seed: %v\n%s", err, s.sql)
		}
	}
	if err := db.Raw(`SELECT id FROM teams WHERE name = 'Mine'`).Scan(&mine).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Raw(`SELECT id FROM teams WHERE name = 'Theirs'`).Scan(&theirs).Error; err != nil {
		t.Fatal(err)
	}
	return mine, theirs
}

// riskView is one risk view as a function of its query, items reduced to (key, deal, sort value).
type riskItem struct{ key, dealID, order string }

type riskView struct {
	name string
	sort string
	page func(ctx context.Context, st *repository.Stakeholders, q stakeholders.RiskQuery) ([]riskItem, *domain.Cursor, error)
}

var riskViews = []riskView{
	{"gates", "due", func(ctx context.Context, st *repository.Stakeholders, q stakeholders.RiskQuery) ([]riskItem, *domain.Cursor, error) {
		p, err := st.GateRisks(ctx, q)
		var out []riskItem
		for _, r := range p.Items {
			out = append(out, riskItem{r.Gate.MilestoneID + "/" + r.Stakeholder.ID, r.Gate.DealID, r.Gate.Due.Format(deals.DateLayout) + r.Gate.MilestoneID})
		}
		return out, p.Next, err
	}},
	{"next-steps", "next_step_due", func(ctx context.Context, st *repository.Stakeholders, q stakeholders.RiskQuery) ([]riskItem, *domain.Cursor, error) {
		p, err := st.OverdueNextSteps(ctx, q)
		var out []riskItem
		for _, s := range p.Items {
			out = append(out, riskItem{s.ID, s.DealID, s.NextStepDue.Format(deals.DateLayout)})
		}
		return out, p.Next, err
	}},
	{"coverage", "deal_id", func(ctx context.Context, st *repository.Stakeholders, q stakeholders.RiskQuery) ([]riskItem, *domain.Cursor, error) {
		p, err := st.CoverageGaps(ctx, q)
		var out []riskItem
		for _, g := range p.Items {
			out = append(out, riskItem{g.DealID, g.DealID, g.DealID})
		}
		return out, p.Next, err
	}},
}

// TestRiskViewsOver20000VisibleDeals: each risk view answers over 20,000 open deals a
// member may read (84,000 stakeholders), which no list of ids in bind parameters could
// (PostgreSQL takes at most 65,535); the member sees only their team's deals; walking
// the pages yields every item once, in order.
func TestRiskViewsOver20000VisibleDeals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	const n = 20_000
	mine, _ := seedRiskWorld(t, db, n)
	st := repository.NewStakeholders(db)
	member := &deals.Visibility{TeamIDs: []string{mine}, UserID: "00000000-0000-0000-0000-000000000001"}
	outsider := &deals.Visibility{UserID: "00000000-0000-0000-0000-000000000001"}
	teamOf := map[string]string{}
	var rows []struct{ ID, TeamID string }
	if err := db.Raw(`SELECT id, team_id FROM deals WHERE status = 'open'`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		teamOf[r.ID] = r.TeamID
	}
	// Per view: items a member of Mine sees, and an admin (Mine and Theirs).
	want := map[string][2]int{"gates": {n / 5, (n + n/10) / 5}, "next-steps": {n / 10, (n + n/10) / 10}, "coverage": {n / 10, (n + n/10) / 10}}

	for _, v := range riskViews {
		for _, who := range []struct {
			name string
			vis  *deals.Visibility
			want int
		}{{"member", member, want[v.name][0]}, {"admin", nil, want[v.name][1]}, {"outsider", outsider, 0}} {
			t.Run(v.name+"/"+who.name, func(t *testing.T) {
				q := stakeholders.RiskQuery{Visible: who.vis, Today: riskWorldToday, GateDays: 30, StaleDays: 30,
					List: domain.ListParams{Limit: domain.DefaultPageSize, Sort: domain.SortOrder{Field: v.sort}}}
				first, next, err := v.page(ctx, st, q)
				if err != nil {
					t.Fatalf("first page: %v", err)
				}
				if wantFirst := min(who.want, domain.DefaultPageSize); len(first) != wantFirst || (next != nil) != (who.want > wantFirst) {
					t.Fatalf("first page: %d items, next %v; want %d", len(first), next, wantFirst)
				}
				// Walk every page of the largest size.
				q.List.Limit = domain.MaxPageSize
				seen := map[string]bool{}
				last := ""
				for pages := 0; ; pages++ {
					items, next, err := v.page(ctx, st, q)
					if err != nil {
						t.Fatalf("page %d: %v", pages, err)
					}
					for _, it := range items {
						if seen[it.key] {
							t.Fatalf("page %d repeats %s", pages, it.key)
						}
						seen[it.key] = true
						if who.vis != nil && teamOf[it.dealID] != mine {
							t.Fatalf("%s sees deal %s of team %s", who.name, it.dealID, teamOf[it.dealID])
						}
						if it.order < last {
							t.Fatalf("page %d out of order: %s after %s", pages, it.order, last)
						}
						last = it.order
					}
					if next == nil {
						break
					}
					q.List.After = next
				}
				if len(seen) != who.want {
					t.Fatalf("walked %d items, want %d", len(seen), who.want)
				}
			})
		}
	}

	// ?deal_id= narrows to one deal, and only to one the caller may read.
	var mineGap, theirsGap string
	db.Raw(`SELECT id FROM deals WHERE name = 'Deal 10'`).Scan(&mineGap)
	db.Raw(`SELECT id FROM deals WHERE name = ?`, "Deal "+strconv.Itoa(n+10)).Scan(&theirsGap)
	for _, tc := range []struct {
		name   string
		vis    *deals.Visibility
		dealID string
		want   int
	}{{"own deal", member, mineGap, 1}, {"another team's deal", member, theirsGap, 0}, {"admin, another team's deal", nil, theirsGap, 1}} {
		page, err := st.CoverageGaps(ctx, stakeholders.RiskQuery{Visible: tc.vis, DealID: tc.dealID, Today: riskWorldToday,
			List: domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "deal_id"}}})
		if err != nil || len(page.Items) != tc.want {
			t.Errorf("%s: %d gaps, %v; want %d", tc.name, len(page.Items), err, tc.want)
		}
	}

}

// BenchmarkRiskViews is the first page (50) of each risk view for a member of the team
// holding n open deals (plus a tenth as many of another team), as the handlers ask for it.
func BenchmarkRiskViews(b *testing.B) {
	for _, n := range []int{10_000} {
		ctx := context.Background()
		db, _ := dbtest.New(b)
		mine, _ := seedRiskWorld(b, db, n)
		st := repository.NewStakeholders(db)
		member := &deals.Visibility{TeamIDs: []string{mine}, UserID: "00000000-0000-0000-0000-000000000001"}
		for _, v := range riskViews {
			b.Run(fmt.Sprintf("%s/open_deals_%d", strings.ReplaceAll(v.name, "-", "_"), n), func(b *testing.B) {
				q := stakeholders.RiskQuery{Visible: member, Today: riskWorldToday, GateDays: 30, StaleDays: 30,
					List: domain.ListParams{Limit: domain.DefaultPageSize, Sort: domain.SortOrder{Field: v.sort}}}
				for b.Loop() {
					if _, _, err := v.page(ctx, st, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestGatesFollowTheirDealOpenAndClosed: a gate at risk leaves the gates view when its deal
// is lost and comes back when the deal is reopened — whatever writes the deal's status, the
// milestones' deal_open (migration 00018, which the view's index walks) follows it; a
// milestone added to a closed deal starts out closed too.
func TestGatesFollowTheirDealOpenAndClosed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	seedRiskWorld(t, db, 10) // deals 1…10 open (and 11, of Theirs), 101…: won
	st := repository.NewStakeholders(db)
	gatesOf := func(deal string) int {
		t.Helper()
		q := stakeholders.RiskQuery{Today: riskWorldToday, GateDays: 30, StaleDays: 30,
			List: domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "due"}}}
		n := 0
		for {
			p, err := st.GateRisks(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range p.Items {
				if g.Gate.DealName == deal {
					n++
				}
			}
			if p.Next == nil {
				return n
			}
			q.List.After = p.Next
		}
	}
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// Deal 3's decision maker is a blocker; deal 1's was not contacted for 60 days.
	for _, step := range []struct {
		name   string
		sql    string
		deal   string
		wanted int
	}{
		{"open", ``, "Deal 3", 1},
		{"lost", `UPDATE deals SET status = 'lost' WHERE name = 'Deal 3'`, "Deal 3", 0},
		{"reopened", `UPDATE deals SET status = 'open' WHERE name = 'Deal 3'`, "Deal 3", 1},
		{"won, then a gate added", `UPDATE deals SET status = 'won' WHERE name = 'Deal 1'`, "Deal 1", 0},
	} {
		if step.sql != "" {
			exec(step.sql)
		}
		if got := gatesOf(step.deal); got != step.wanted {
			t.Fatalf("%s: %s has %d gates at risk, want %d", step.name, step.deal, got, step.wanted)
		}
	}
	exec(`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, gate, planned_start, planned_due)
		SELECT id, 2, 'tender', 'Tender', 'pmo', true, ?::date, ?::date + 5 FROM deals WHERE name = 'Deal 1'`,
		riskWorldToday, riskWorldToday)
	exec(`INSERT INTO stakeholder_milestones (stakeholder_id, milestone_id)
		SELECT s.id, m.id FROM stakeholders s JOIN milestones m ON m.deal_id = s.deal_id AND m.key = 'tender'`)
	var open []bool
	if err := db.Raw(`SELECT m.deal_open FROM milestones m JOIN deals d ON d.id = m.deal_id WHERE d.name = 'Deal 1' ORDER BY m.sequence`).
		Scan(&open).Error; err != nil {
		t.Fatal(err)
	}
	if len(open) != 2 || open[0] || open[1] {
		t.Fatalf("Deal 1 (won): milestones' deal_open %v, want [false false]", open)
	}
	exec(`UPDATE deals SET status = 'open' WHERE name = 'Deal 1'`)
	if got := gatesOf("Deal 1"); got != 2 {
		t.Fatalf("Deal 1 reopened: %d gates at risk, want 2 (its two gates, its decision maker not contacted)", got)
	}
}
