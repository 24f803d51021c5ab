package repository_test

import (
	"context"
	"math"
	"sync"
	"testing"
	"time"

	"summit/domain/calibration"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestDemoHistoryCalibratesAndMoves loads the demo with its history and checks what the
// trend, "what changed" and calibration will show: about 150 past deals, at least 40 won
// and 40 lost, each with snapshots 90, 60 and 30 days before its close date whose
// confidence its outcome follows (per band, the win rate near the band's mean
// confidence); the current quarter snapshotted every day up to yesterday; this week's
// moves each backed by an activity entry since last Monday; the roll-up hook called for
// the simulated days; and a second run that adds nothing.
func TestDemoHistoryCalibratesAndMoves(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	defaults := targets.Settings{FiscalYearStartMonth: 1}
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemoBoard(ctx, db, defaults); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var rolled []time.Time
	rollUp := func(_ context.Context, day time.Time) error {
		mu.Lock()
		defer mu.Unlock()
		rolled = append(rolled, day)
		// what history.Service.RollUp leaves behind: a row of the day (the company's)
		return db.Exec(`INSERT INTO scope_snapshots (day, team_id, period, basis, currency, won_minor, expected_minor,
			p10_minor, p50_minor, p90_minor, open_deals) VALUES (?, NULL, 'x', 'model', 'CNY', 0, 0, 0, 0, 0, 0)`, day).Error
	}
	report, err := repository.SeedDemoHistory(ctx, db, defaults, rollUp)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", report)
	now := time.Now().UTC()
	today := deals.Day(now)
	quarter := forecasts.CurrentQuarter(today, 1)

	// Closed deals, their outcomes and their snapshots at each lead time.
	var closed []struct {
		ID     string
		Status string
		Close  time.Time
	}
	if err := db.Raw(`SELECT d.id, d.status, COALESCE(cm.completed_on, d.target_close_date) AS close FROM deals d
		LEFT JOIN LATERAL (SELECT m.completed_on FROM milestones m WHERE m.deal_id = d.id AND m.key = 'contract_signed') cm ON true
		WHERE d.status IN ('won', 'lost') AND EXISTS (SELECT 1 FROM deal_snapshots s WHERE s.deal_id = d.id)`).Scan(&closed).Error; err != nil {
		t.Fatal(err)
	}
	won, lost := 0, 0
	for _, d := range closed {
		if d.Status == "won" {
			won++
		} else {
			lost++
		}
	}
	if len(closed) < 150 || won < 40 || lost < 40 {
		t.Errorf("%d closed deals with snapshots (%d won, %d lost); want at least 150, 40 won and 40 lost", len(closed), won, lost)
	}
	type band struct {
		n, won int
		sumP   float64
	}
	for _, lead := range []int{90, 60, 30} {
		bands := map[int]*band{}
		var predictions []calibration.Prediction
		missing := 0
		for _, d := range closed {
			var p []float64
			// the latest snapshot on or before lead days before the close, within a week of it
			if err := db.Raw(`SELECT p_win FROM deal_snapshots WHERE deal_id = ? AND day <= ? AND day > ? ORDER BY day DESC LIMIT 1`,
				d.ID, d.Close.AddDate(0, 0, -lead), d.Close.AddDate(0, 0, -lead-7)).Scan(&p).Error; err != nil {
				t.Fatal(err)
			}
			if len(p) == 0 {
				missing++
				continue
			}
			predictions = append(predictions, calibration.Prediction{P: p[0], Won: d.Status == "won"})
			k := min(2, int(p[0]*3)) // thirds: below 1/3, 1/3–2/3, above
			if bands[k] == nil {
				bands[k] = &band{}
			}
			bands[k].n++
			bands[k].sumP += p[0]
			if d.Status == "won" {
				bands[k].won++
			}
		}
		// Better than always saying the base rate (0.25 for a coin-flip outcome set), not perfect.
		brier := calibration.Brier(predictions)
		t.Logf("%d days' lead: %d deals, Brier %.3f, log loss %.3f", lead, len(predictions), brier, calibration.LogLoss(predictions))
		if brier >= 0.25 || brier < 0.05 {
			t.Errorf("%d days' lead: Brier score %.3f; want a model that knows something but is not perfect (0.05–0.25)", lead, brier)
		}
		if missing > len(closed)/20 {
			t.Errorf("%d days' lead: %d of %d closed deals have no snapshot in the week before", lead, missing, len(closed))
		}
		for k := range 3 {
			b := bands[k]
			if b == nil {
				t.Logf("%d days' lead, band %d: empty", lead, k)
				continue
			}
			rate, mean := float64(b.won)/float64(b.n), b.sumP/float64(b.n)
			t.Logf("%d days' lead, band %d: %d deals, mean confidence %.2f, won %.2f", lead, k, b.n, mean, rate)
			if b.n >= 15 && math.Abs(rate-mean) > 0.2 {
				t.Errorf("%d days' lead, band %d: %d deals won %.2f of the time at a mean confidence of %.2f; want within 0.2", lead, k, b.n, rate, mean)
			}
		}
	}

	// The current quarter (at least its last four weeks) has a snapshot every day up to
	// yesterday: a trend's worth of days.
	from := quarter.From
	if four := today.AddDate(0, 0, -28); four.Before(from) {
		from = four
	}
	var daily int
	if err := db.Raw(`SELECT count(*) FROM forecast_snapshots WHERE simulated AND day >= ? AND day < ?`, from, today).Scan(&daily).Error; err != nil {
		t.Fatal(err)
	}
	if want := deals.CalendarDaysBetween(from, today); daily != want || daily < 28 {
		t.Errorf("%d simulated days from %s to yesterday; want every one of %d", daily, from.Format(deals.DateLayout), want)
	}
	// Every deal snapshot has the window's periods; nearly all have factors (a deal in its
	// first weeks may have none: nothing yet moves it from the base rate).
	var noPeriods, noFactors int
	if err := db.Raw(`SELECT count(*) FILTER (WHERE periods = '{}'::jsonb), count(*) FILTER (WHERE jsonb_array_length(factors) = 0)
		FROM deal_snapshots`).Row().Scan(&noPeriods, &noFactors); err != nil {
		t.Fatal(err)
	}
	if noPeriods > 0 || noFactors > report.DealSnapshots/50 {
		t.Errorf("of %d deal snapshots, %d without periods and %d without factors", report.DealSnapshots, noPeriods, noFactors)
	}

	// This week's moves, as "what changed since last Monday" reads them: the deal as it
	// was in Monday's snapshot against the deal now (its stored figures, computed as the
	// server does at start), and an activity entry since Monday. Yesterday's snapshot is
	// no stand-in for now: on a Tuesday it is Monday's, and the week's moves are dated
	// after it.
	if err := repository.NewServices(db, defaults).Forecasts.RefreshAll(ctx); err != nil {
		t.Fatal(err)
	}
	monday := repository.DemoLastMonday(today)
	type atMonday struct {
		InSnapshot  bool
		Target      time.Time
		PWin        float64
		Confidence  float64 // for the current quarter
		Status      string
		NowTarget   time.Time
		NowPWin     float64 // the stored figure now
		NowConf     float64 // the stored figure now, for the current quarter
		Activity    int     // entries since Monday
		CreatedAt   time.Time
		StanceMoves int
	}
	read := func(name string) atMonday {
		var r atMonday
		if err := db.Raw(`SELECT s.deal_id IS NOT NULL AS in_snapshot, COALESCE(s.target_close_date, d.target_close_date) AS target,
				COALESCE(s.p_win, 0) AS p_win, COALESCE((s.periods -> ? ->> 1)::float8, 0) AS confidence, d.status,
				d.target_close_date AS now_target, COALESCE(y.p_win, 0) AS now_p_win, d.created_at,
				COALESCE(yf.confidence, 0) AS now_conf,
				(SELECT count(*) FROM deal_activity a WHERE a.deal_id = d.id AND a.at >= ?) AS activity,
				(SELECT count(*) FROM deal_activity a WHERE a.deal_id = d.id AND a.at >= ? AND a.action = 'stakeholder.updated') AS stance_moves
			FROM deals d LEFT JOIN deal_snapshots s ON s.deal_id = d.id AND s.day = ?
			LEFT JOIN deal_confidence y ON y.deal_id = d.id LEFT JOIN deal_forecasts yf ON yf.deal_id = d.id AND yf.period = ?
			WHERE d.name = ?`, quarter.Name, monday, monday, monday, quarter.Name, name).Scan(&r).Error; err != nil {
			t.Fatal(err)
		}
		return r
	}
	inQuarter := func(d time.Time) bool { return !d.Before(quarter.From) && d.Before(quarter.To) }
	tests := []struct {
		name, deal string
		check      func(r atMonday) bool
	}{
		{"pushed out of the quarter", repository.DemoPushedOut, func(r atMonday) bool {
			return r.InSnapshot && inQuarter(r.Target) && !inQuarter(r.NowTarget) && r.Activity > 0 && r.Confidence > r.NowConf
		}},
		{"pulled into the quarter", report.PulledIn, func(r atMonday) bool {
			return r.InSnapshot && !inQuarter(r.Target) && inQuarter(r.NowTarget) && r.Activity > 0 && r.Confidence < r.NowConf
		}},
		{"won since Monday", repository.DemoWonThisWeek, func(r atMonday) bool { return r.InSnapshot && r.Status == "won" && r.Activity > 0 }},
		{"lost since Monday", repository.DemoLostThisWeek, func(r atMonday) bool { return r.InSnapshot && r.Status == "lost" && r.Activity > 0 }},
		{"new since Monday", repository.DemoNewThisWeek, func(r atMonday) bool {
			return !r.InSnapshot && r.Status == "open" && !r.CreatedAt.Before(monday)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := read(tc.deal)
			t.Logf("%s: %+v", tc.deal, r)
			if !tc.check(r) {
				t.Errorf("%s: %+v", tc.deal, r)
			}
		})
	}
	// A stakeholder's change of heart moved one deal's confidence up and another's down
	// (the demo's own entries are all of today, when it was seeded).
	var stance []struct {
		Name        string
		Before, Now float64
		From, To    string
	}
	if err := db.Raw(`SELECT d.name, s.p_win AS before, y.p_win AS now, a.before -> 'stance' ->> 'from' AS "from", a.before -> 'stance' ->> 'to' AS "to"
		FROM deal_activity a JOIN deals d ON d.id = a.deal_id
		JOIN deal_snapshots s ON s.deal_id = d.id AND s.day = ? JOIN deal_confidence y ON y.deal_id = d.id
		WHERE a.action = 'stakeholder.updated' AND a.at >= ? AND a.at < ?`, monday, monday, today).Scan(&stance).Error; err != nil {
		t.Fatal(err)
	}
	up, down := 0, 0
	for _, m := range stance {
		t.Logf("%s: %s → %s, p_win %.2f → %.2f", m.Name, m.From, m.To, m.Before, m.Now)
		if m.Now > m.Before+0.02 {
			up++
		} else if m.Now < m.Before-0.02 {
			down++
		}
	}
	if up != 1 || down != 1 {
		t.Errorf("%d deals' confidence up and %d down since Monday with a stakeholder's change; want one each", up, down)
	}

	// The roll-up hook ran for every simulated day of the board's window, once.
	var windowDays int
	if err := db.Raw(`SELECT count(*) FROM forecast_snapshots WHERE simulated AND day >= ?`,
		forecasts.Window(today, 1)[0].From).Scan(&windowDays).Error; err != nil {
		t.Fatal(err)
	}
	if len(rolled) != windowDays || report.RolledUp != windowDays || windowDays < 28 {
		t.Errorf("rolled up %d days (report %d); want the %d simulated days of the window", len(rolled), report.RolledUp, windowDays)
	}

	again, err := repository.SeedDemoHistory(ctx, db, defaults, rollUp)
	if err != nil {
		t.Fatal(err)
	}
	again.Took = 0
	if again != (repository.DemoHistoryReport{}) || len(rolled) != windowDays {
		t.Errorf("second run: %+v, %d days rolled up in all; want nothing added", again, len(rolled))
	}
}
