package repository_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// seedScaleWorld loads the demo, its board and n scale deals into a fresh database.
func seedScaleWorld(t *testing.T, n int) (*gorm.DB, repository.ScaleReport) {
	t.Helper()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemoBoard(ctx, db, scaleDefaults); err != nil {
		t.Fatal(err)
	}
	r, err := repository.SeedScale(ctx, db, n, scaleDefaults)
	if err != nil {
		t.Fatal(err)
	}
	return db, r
}

var scaleDefaults = targets.Settings{FiscalYearStartMonth: 4}

// TestSeedScaleDealsAreWhatAUserSees seeds 200 deals on top of the demo and checks each
// the way a user would meet it: a plan from its template with dependencies and a
// kick-off baseline, some of it done and some late against the baseline, 4–10
// stakeholders, stance changes in the history, retrospectives with actions; deals
// spread over the four selling teams, several currencies, the confidence window's
// quarters and every status; listed by team, on every board of the window (no
// fx_rate_missing) and with stored confidence when open. A second run adds a second,
// differently named batch to the same customers, and the demo's board seed still runs.
func TestSeedScaleDealsAreWhatAUserSees(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const n = 200
	db, r := seedScaleWorld(t, n)
	if r.Batch != 1 || r.Deals != n || r.Open+r.Won+r.Lost+r.Abandoned != n || r.ForecastsDeferred {
		t.Fatalf("report: %+v", r)
	}

	// Every deal of the batch, as its rows say.
	var perDeal []struct {
		Name                                        string
		Milestones, Dependencies, Baselines, Copied int
		Stakeholders                                int
	}
	err := db.Raw(`SELECT d.name,
			(SELECT count(*) FROM milestones m WHERE m.deal_id = d.id) AS milestones,
			(SELECT count(*) FROM milestone_dependencies md JOIN milestones m ON m.id = md.milestone_id WHERE m.deal_id = d.id) AS dependencies,
			(SELECT count(*) FROM baselines b WHERE b.deal_id = d.id) AS baselines,
			(SELECT count(*) FROM baseline_milestones bm JOIN baselines b ON b.id = bm.baseline_id WHERE b.deal_id = d.id) AS copied,
			(SELECT count(*) FROM stakeholders s WHERE s.deal_id = d.id) AS stakeholders
		FROM deals d WHERE d.name LIKE '% (S1-%' ORDER BY d.name`).Scan(&perDeal).Error
	if err != nil {
		t.Fatal(err)
	}
	if len(perDeal) != n {
		t.Fatalf("%d deals named (S1-…), want %d", len(perDeal), n)
	}
	for _, d := range perDeal {
		if d.Milestones < 12 || d.Dependencies < d.Milestones-1 || d.Baselines != 1 || d.Copied != d.Milestones ||
			d.Stakeholders < 4 || d.Stakeholders > 10 {
			t.Errorf("%s: %+v; want a template's plan with dependencies, one baseline of it, 4–10 stakeholders", d.Name, d)
		}
	}

	// Across the batch: the spread a load test and a demo need.
	var spread struct {
		Teams, Currencies, Customers, Quarters                int
		Open, Won, Lost, Abandoned                            int
		Done, InProgress, Late, LateDone                      int
		HistoryStance, Retros, Actions, OverdueActions, Gates int
		OverdueNextSteps, Linked                              int
		MinClose, MaxClose                                    time.Time
	}
	period, err := repository.NewServices(db, scaleDefaults).Forecasts.CurrentQuarter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Raw(`WITH s AS (SELECT * FROM deals WHERE name LIKE '% (S1-%')
		SELECT (SELECT count(DISTINCT team_id) FROM s) AS teams, (SELECT count(DISTINCT currency) FROM s) AS currencies,
			(SELECT count(DISTINCT customer_id) FROM s) AS customers,
			(SELECT count(DISTINCT date_trunc('quarter', target_close_date)) FROM s) AS quarters,
			(SELECT count(*) FROM s WHERE status = 'open') AS open, (SELECT count(*) FROM s WHERE status = 'won') AS won,
			(SELECT count(*) FROM s WHERE status = 'lost') AS lost, (SELECT count(*) FROM s WHERE status = 'abandoned') AS abandoned,
			(SELECT count(*) FROM milestones m JOIN s ON s.id = m.deal_id WHERE m.status = 'done') AS done,
			(SELECT count(*) FROM milestones m JOIN s ON s.id = m.deal_id WHERE m.status IN ('in_progress', 'blocked')) AS in_progress,
			(SELECT count(*) FROM milestones m JOIN s ON s.id = m.deal_id JOIN baseline_milestones bm ON bm.milestone_id = m.id
				WHERE m.planned_due > bm.planned_due) AS late,
			(SELECT count(*) FROM milestones m JOIN s ON s.id = m.deal_id JOIN baseline_milestones bm ON bm.milestone_id = m.id
				WHERE m.status = 'done' AND m.completed_on > bm.planned_due) AS late_done,
			(SELECT count(*) FROM stakeholder_history h JOIN stakeholders st ON st.id = h.stakeholder_id JOIN s ON s.id = st.deal_id
				WHERE h.changes -> 'stance' IS NOT NULL) AS history_stance,
			(SELECT count(*) FROM retrospectives r JOIN s ON s.id = r.deal_id) AS retros,
			(SELECT count(*) FROM retrospective_actions a JOIN retrospectives r ON r.id = a.retrospective_id JOIN s ON s.id = r.deal_id) AS actions,
			(SELECT count(*) FROM retrospective_actions a JOIN retrospectives r ON r.id = a.retrospective_id JOIN s ON s.id = r.deal_id
				WHERE a.status = 'open' AND a.due_on < current_date) AS overdue_actions,
			(SELECT count(*) FROM gate_decisions g JOIN s ON s.id = g.deal_id) AS gates,
			(SELECT count(*) FROM stakeholders st JOIN s ON s.id = st.deal_id WHERE st.next_step_due < current_date) AS overdue_next_steps,
			(SELECT count(*) FROM stakeholder_milestones sm JOIN stakeholders st ON st.id = sm.stakeholder_id JOIN s ON s.id = st.deal_id) AS linked,
			(SELECT min(target_close_date) FROM s) AS min_close, (SELECT max(target_close_date) FROM s) AS max_close`).Scan(&spread).Error
	if err != nil {
		t.Fatal(err)
	}
	if spread.Teams != 4 || spread.Currencies < 3 || spread.Customers < n/10 || spread.Quarters < 6 {
		t.Errorf("spread: %d teams, %d currencies, %d customers, %d quarters; want 4 teams, ≥ 3 currencies, ≥ %d customers, 6 quarters",
			spread.Teams, spread.Currencies, spread.Customers, spread.Quarters, n/10)
	}
	if spread.Open < n/2 || spread.Won == 0 || spread.Lost == 0 || spread.Abandoned == 0 {
		t.Errorf("statuses: %d open, %d won, %d lost, %d abandoned; want mostly open, some of each other", spread.Open, spread.Won, spread.Lost, spread.Abandoned)
	}
	if spread.Done == 0 || spread.InProgress == 0 || spread.Late == 0 || spread.LateDone == 0 {
		t.Errorf("progress: %d done, %d in progress, %d later than the baseline, %d finished after it", spread.Done, spread.InProgress, spread.Late, spread.LateDone)
	}
	if spread.HistoryStance == 0 || spread.Retros == 0 || spread.Actions < spread.Retros || spread.OverdueActions == 0 ||
		spread.Gates == 0 || spread.OverdueNextSteps == 0 || spread.Linked == 0 {
		t.Errorf("people and reviews: %+v", spread)
	}
	windowFrom, windowTo := period.From.AddDate(0, -3, 0), period.From.AddDate(0, 15, 0)
	if spread.MinClose.Before(windowFrom) || !spread.MaxClose.Before(windowTo) {
		t.Errorf("target closes %s … %s, want within %s … %s", spread.MinClose, spread.MaxClose, windowFrom, windowTo)
	}

	// Through the services, as the API reads them.
	services := repository.NewServices(db, scaleDefaults)
	var teams []struct {
		TeamID string
		Deals  int
	}
	if err := db.Raw(`SELECT team_id, count(*) AS deals FROM deals GROUP BY team_id ORDER BY team_id`).Scan(&teams).Error; err != nil {
		t.Fatal(err)
	}
	for _, team := range teams {
		listed := 0
		p := domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "name"}}
		for {
			page, err := services.Deals.ListDeals(ctx, deals.DealFilter{TeamIDs: []string{team.TeamID}}, p)
			if err != nil {
				t.Fatal(err)
			}
			listed += len(page.Items)
			if page.Next == nil {
				break
			}
			p.After = page.Next
		}
		if listed != team.Deals {
			t.Errorf("team %s lists %d deals, has %d", team.TeamID, listed, team.Deals)
		}
	}
	for _, p := range forecasts.Window(time.Now().UTC(), scaleDefaults.FiscalYearStartMonth) {
		if !strings.Contains(p.Name, "Q") {
			continue
		}
		b, err := services.Boards.Board(ctx, boards.Query{Period: p, Basis: boards.BasisModel})
		if err != nil {
			t.Errorf("board of %s: %v", p.Name, err)
			continue
		}
		if len(b.Deals) < spread.Open {
			t.Errorf("board of %s: %d open deals, want at least the batch's %d", p.Name, len(b.Deals), spread.Open)
		}
	}
	var unscored int
	if err := db.Raw(`SELECT count(*) FROM deals d WHERE d.status = 'open' AND NOT EXISTS
		(SELECT 1 FROM deal_confidence dc JOIN deal_forecasts df ON df.deal_id = dc.deal_id AND df.period = ?
		 WHERE dc.deal_id = d.id AND dc.as_of = current_date)`, period.Name).Scan(&unscored).Error; err != nil {
		t.Fatal(err)
	}
	if unscored != 0 {
		t.Errorf("%d open deals without today's stored confidence", unscored)
	}
	var slipped string
	if err := db.Raw(`SELECT m.deal_id FROM milestones m JOIN baseline_milestones bm ON bm.milestone_id = m.id
		JOIN deals d ON d.id = m.deal_id WHERE d.name LIKE '% (S1-%' AND m.planned_due > bm.planned_due ORDER BY d.name LIMIT 1`).Scan(&slipped).Error; err != nil {
		t.Fatal(err)
	}
	plan, err := services.Deals.Plan(ctx, slipped)
	if err != nil {
		t.Fatal(err)
	}
	late, deps := 0, 0
	for _, m := range plan {
		if s := m.SlipDays(); s != nil && *s > 0 {
			late++
		}
		deps += len(m.DependsOn)
	}
	if late == 0 || deps == 0 {
		t.Errorf("a slipped deal's plan: %d late against the baseline, %d dependencies", late, deps)
	}

	// A second run: a new batch, the same customers; the demo's board seed still runs
	// over deals in currencies it does not price.
	if again, err := repository.SeedDemoBoard(ctx, db, scaleDefaults); err != nil || again != (repository.DemoBoardReport{}) {
		t.Errorf("demo board after the scale: %+v, %v; want nothing added", again, err)
	}
	r2, err := repository.SeedScale(ctx, db, n, scaleDefaults)
	if err != nil {
		t.Fatal(err)
	}
	var second, total int
	db.Raw(`SELECT count(*) FROM deals WHERE name LIKE '% (S2-%'`).Scan(&second)
	db.Raw(`SELECT count(*) FROM deals WHERE name ~ ' \(S[0-9]+-[0-9]+\)$'`).Scan(&total)
	if r2.Batch != 2 || r2.Deals != n || second != n || total != 2*n || r2.CustomersCreated != 0 || r2.Contacts != 0 || r2.RatesCreated != 0 {
		t.Errorf("second run: %+v; %d deals named (S2-…), %d scale deals; want batch 2 of %d deals to the same customers", r2, second, total, n)
	}
}

// TestSeedScaleIsDeterministic: the same N gives the same deals (names, amounts, dates,
// statuses, plans and people) in another database.
func TestSeedScaleIsDeterministic(t *testing.T) {
	t.Parallel()
	const n = 60
	var prints [2]string
	for i := range prints {
		db, _ := seedScaleWorld(t, n)
		err := db.Raw(`SELECT string_agg(concat_ws('|', d.name, d.amount_minor, d.currency, d.target_close_date, d.status, d.forecast_category,
				(SELECT string_agg(concat_ws(',', m.key, m.planned_due, m.status, m.completed_on), ';' ORDER BY m.sequence) FROM milestones m WHERE m.deal_id = d.id),
				(SELECT string_agg(concat_ws(',', c.name, s.stance, s.next_step_due), ';' ORDER BY c.name) FROM stakeholders s JOIN contacts c ON c.id = s.contact_id WHERE s.deal_id = d.id)),
				E'\n' ORDER BY d.name)
			FROM deals d WHERE d.name LIKE '% (S1-%'`).Scan(&prints[i]).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	if prints[0] == "" || prints[0] != prints[1] {
		t.Errorf("two runs of %d deals differ:\n%.500s\n---\n%.500s", n, prints[0], prints[1])
	}
}

// TestSeedScaleNeedsTheDemo: without the demo organisation it refuses, saying what to
// run, and adds nothing; a number of deals out of range is refused too.
func TestSeedScaleNeedsTheDemo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	for _, tc := range []struct {
		name string
		n    int
		want string
	}{
		{"no demo", 10, "summit seed --demo"},
		{"zero", 0, "1–1000000"},
		{"too many", repository.MaxScaleDeals + 1, "1–1000000"},
	} {
		if _, err := repository.SeedScale(ctx, db, tc.n, scaleDefaults); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
	var deals int
	db.Raw(`SELECT count(*) FROM deals`).Scan(&deals)
	if deals != 0 {
		t.Errorf("%d deals added", deals)
	}
}

// TestSeedScaleThatFailsRemovesItsDeals: when a chunk cannot be stored (here a deal the
// database refuses, in the third of four chunks), the run fails and leaves none of its
// deals behind, even those of chunks already committed; the next run is batch 1 again.
func TestSeedScaleThatFailsRemovesItsDeals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	refuse := `ALTER TABLE deals ADD CONSTRAINT test_refuse_one CHECK (name NOT LIKE '%(S1-00055)')`
	if err := db.Exec(refuse).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedScaleInChunks(ctx, db, 80, scaleDefaults, 20); err == nil || !strings.Contains(err.Error(), "test_refuse_one") {
		t.Fatalf("run over a refused deal: %v, want the constraint's error", err)
	}
	var left int
	db.Raw(`SELECT count(*) FROM deals WHERE name LIKE '% (S1-%'`).Scan(&left)
	if left != 0 {
		t.Errorf("%d deals of the failed batch left", left)
	}
	if err := db.Exec(`ALTER TABLE deals DROP CONSTRAINT test_refuse_one`).Error; err != nil {
		t.Fatal(err)
	}
	r, err := repository.SeedScaleInChunks(ctx, db, 80, scaleDefaults, 20)
	if err != nil || r.Batch != 1 || r.Deals != 80 {
		t.Errorf("next run: %+v, %v; want batch 1 of 80 deals", r, err)
	}
}
