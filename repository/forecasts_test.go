package repository_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// forecastService is the forecasts service over the fixture's database and clock
// (fiscal year from January).
func (f *dealsFixture) forecastService() *forecasts.Service {
	fs := repository.NewServices(f.db, targets.Settings{FiscalYearStartMonth: 1}).Forecasts
	fs.Now = func() time.Time { return f.clock }
	return fs
}

// stored is what deal_confidence and deal_forecasts hold for a deal and a period.
type stored struct {
	AsOf       time.Time
	PWin       float64
	Confidence float64
	Factors    string
	Periods    int
}

func (f *dealsFixture) stored(dealID, period string) stored {
	f.t.Helper()
	var s stored
	err := f.db.Raw(`SELECT dc.as_of, dc.p_win, df.confidence, dc.factors::text AS factors,
			(SELECT count(*) FROM deal_forecasts x WHERE x.deal_id = dc.deal_id) AS periods
		FROM deal_confidence dc JOIN deal_forecasts df ON df.deal_id = dc.deal_id AND df.period = ?
		WHERE dc.deal_id = ?`, period, dealID).Scan(&s).Error
	if err != nil {
		f.t.Fatal(err)
	}
	return s
}

// TestRefreshDueCatchesUpWithTime: the daily job gives a deal whose figures are from
// yesterday today's (a contact crossing the stale threshold lowers p_win), equal to a
// fresh engine run, and running it again the same day changes nothing.
func TestRefreshDueCatchesUpWithTime(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	fc := f.forecastService()
	day := deals.Day(f.clock)
	lastContact := day.AddDate(0, 0, -confidence.DefaultParams().StaleContactDays)
	f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Director Zhao",
		Stakeholder: stakeholders.Stakeholder{Stance: "supporter", Influence: 5, LastContactOn: &lastContact}})
	period := forecasts.CurrentQuarter(day, 1).Name

	steps := []struct {
		name      string
		days      int // the clock moves on by
		refreshed int
		stale     bool
	}{
		{"first run: the deal has no figures", 0, 1, false},
		{"again the same day: nothing to do", 0, 0, false},
		{"the next day: the contact is stale", 1, 1, true},
		{"again that day: nothing to do", 0, 0, true},
	}
	var prev stored
	for i, st := range steps {
		f.clock = f.clock.AddDate(0, 0, st.days)
		n, err := fc.RefreshDue(f.ctx, f.clock)
		if err != nil || n != st.refreshed {
			t.Fatalf("%s: refreshed %d (%v), want %d", st.name, n, err, st.refreshed)
		}
		got := f.stored(f.deal.ID, period)
		fresh, err := fc.Confidence(f.ctx, f.deal.ID, forecasts.CurrentQuarter(f.clock, 1), f.clock)
		if err != nil {
			t.Fatal(err)
		}
		if !got.AsOf.Equal(deals.Day(f.clock)) || math.Abs(got.PWin-fresh.Result.PWin) > 1e-9 || math.Abs(got.Confidence-fresh.Result.Confidence) > 1e-9 {
			t.Errorf("%s: stored %+v, fresh p_win %.6f confidence %.6f as of %s", st.name, got, fresh.Result.PWin, fresh.Result.Confidence, f.clock)
		}
		if stale := containsKey(got.Factors, confidence.FactorStaleContact); stale != st.stale {
			t.Errorf("%s: stale contact factor %v, want %v (%s)", st.name, stale, st.stale, got.Factors)
		}
		if got.Periods != len(forecasts.Window(f.clock, 1)) {
			t.Errorf("%s: %d periods stored, want the window's %d", st.name, got.Periods, len(forecasts.Window(f.clock, 1)))
		}
		if i > 0 && st.days == 0 && got != prev {
			t.Errorf("%s: a second run changed the figures: %+v → %+v", st.name, prev, got)
		}
		if st.stale && i > 0 && steps[i-1].stale == false && got.PWin >= prev.PWin {
			t.Errorf("%s: p_win %.4f → %.4f, want lower", st.name, prev.PWin, got.PWin)
		}
		prev = got
	}
}

func containsKey(factorsJSON, key string) bool {
	return strings.Contains(factorsJSON, `"key": "`+key+`"`)
}

// TestDailyJobRunsOnceAcrossInstances: two instances starting the job together both
// succeed and every deal is refreshed exactly once between them (more deals than one
// batch); while another instance holds the job's lock, an instance does nothing.
func TestDailyJobRunsOnceAcrossInstances(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	const extra = forecasts.BatchSize + 50
	err := f.db.Exec(`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date)
		SELECT 'Deal ' || g, ?, 'g2b', ?, 1, 'CNY', DATE '2026-05-29' + g FROM generate_series(1, ?) g`,
		f.deal.CustomerID, f.deal.TeamID, extra).Error
	if err != nil {
		t.Fatal(err)
	}
	total := extra + 1

	// Another instance holds the lock: this one leaves the work to it.
	sqlDB, _ := f.db.DB()
	holder, err := sqlDB.Conn(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := holder.ExecContext(f.ctx, "SELECT pg_advisory_lock($1)", repository.ForecastsJobLock); err != nil {
		t.Fatal(err)
	}
	n, ran, err := repository.RunDailyForecasts(f.ctx, f.db, f.forecastService(), f.clock)
	if err != nil || ran || n != 0 {
		t.Fatalf("with the lock held elsewhere: refreshed %d, ran %v, %v", n, ran, err)
	}
	if _, err := holder.ExecContext(f.ctx, "SELECT pg_advisory_unlock($1)", repository.ForecastsJobLock); err != nil {
		t.Fatal(err)
	}
	holder.Close()

	var wg sync.WaitGroup
	start := make(chan struct{})
	counts, errs := make([]int, 2), make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			counts[i], _, errs[i] = repository.RunDailyForecasts(context.Background(), f.db, f.forecastService(), f.clock)
		}()
	}
	close(start)
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("job errors: %v, %v", errs[0], errs[1])
	}
	if counts[0]+counts[1] != total {
		t.Errorf("instances refreshed %d + %d deals, want %d in all (each once)", counts[0], counts[1], total)
	}
	var rows, periods int64
	f.db.Raw("SELECT count(*) FROM deal_confidence WHERE as_of = ?", deals.Day(f.clock)).Scan(&rows)
	f.db.Raw("SELECT count(*) FROM deal_forecasts").Scan(&periods)
	if rows != int64(total) || periods != int64(total*len(forecasts.Window(f.clock, 1))) {
		t.Errorf("%d deals with today's figures and %d period rows, want %d and %d", rows, periods, total, total*len(forecasts.Window(f.clock, 1)))
	}
}

// TestDealListSortsAndFiltersByConfidence: the list sorts by the stored confidence of
// its period both ways with deals without a figure last, pages through it with the
// cursor without repeating or skipping a deal, and bounds it.
func TestDealListSortsAndFiltersByConfidence(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	u, team, c := f.user("pmo@example.com"), f.team("North"), f.customer("Water Bureau", "government")
	figures := map[string]*float64{} // by deal id
	ids := map[string]string{}       // deal id by name
	conf := func(v float64) *float64 { return &v }
	want := []struct {
		name       string
		confidence *float64
	}{{"A", conf(0.5)}, {"B", conf(0.2)}, {"C", nil}, {"D", conf(0.5)}, {"E", conf(0.9)}, {"F", conf(0)}, {"G", nil}}
	const period = "2026-Q1"
	var figs []forecasts.Figures
	for _, w := range want {
		d := f.deal(u, deals.Deal{Name: w.name, CustomerID: c.ID, Segment: deals.SegmentG2B, TeamID: team.ID, AmountMinor: 1}, nil)
		figures[d.ID], ids[w.name] = w.confidence, d.ID
		if w.confidence != nil {
			per, _ := deals.ParsePeriod(period, 1)
			figs = append(figs, forecasts.Figures{DealID: d.ID, AsOf: planStart, Result: confidence.Result{Base: 0.2, PWin: 1},
				Periods: []forecasts.PeriodFigures{{Period: per, PInPeriod: *w.confidence, Confidence: *w.confidence}}})
		}
	}
	store := repository.NewForecasts(f.db)
	if err := store.SaveFigures(f.ctx, figs); err != nil {
		t.Fatal(err)
	}

	lo, hi := 0.2, 0.5
	tests := []struct {
		name   string
		desc   bool
		min    *float64
		max    *float64
		period string
		want   string // the names in list order
	}{
		{"ascending, missing last", false, nil, nil, period, "F B A D E C G"},
		{"descending, missing last", true, nil, nil, period, "E D A B F C G"},
		{"at least 0.2", true, &lo, nil, period, "E D A B"},
		{"0.2 to 0.5", false, &lo, &hi, period, "B A D"},
		{"another period: no figures", false, nil, nil, "2026-Q2", "A B C D E F G"},
	}
	for _, tc := range tests {
		for _, limit := range []int{1, 2, 5, 50} {
			var names []string
			p := domain.ListParams{Limit: limit, Sort: domain.SortOrder{Field: "confidence", Desc: tc.desc}}
			for {
				page, err := f.store.ListDeals(f.ctx, deals.DealFilter{ConfidencePeriod: tc.period, ConfidenceMin: tc.min, ConfidenceMax: tc.max}, p)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				for _, d := range page.Items {
					names = append(names, d.Name)
					wantConf := figures[d.ID]
					if tc.period != period {
						wantConf = nil
					}
					if d.Forecast == nil || d.Forecast.Period != tc.period || !sameFloat(d.Forecast.Confidence, wantConf) ||
						(wantConf == nil) != (d.Forecast.PWin == nil) || (wantConf == nil) != (d.Forecast.AsOf == nil) {
						t.Errorf("%s: %s carries %+v, want confidence %v", tc.name, d.Name, d.Forecast, wantConf)
					}
				}
				if page.Next == nil {
					break
				}
				p.After = page.Next
			}
			got := strings.Join(names, " ")
			figs := figures
			if tc.period != period {
				figs = nil // no deal has a figure: all tie
			}
			if normalizeTies(got, figs, ids) != normalizeTies(tc.want, figs, ids) {
				t.Errorf("%s (pages of %d): %s, want %s", tc.name, limit, got, tc.want)
			}
		}
	}
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-12
}

// normalizeTies sorts the runs of names whose deals tie (the same confidence, or none):
// ties come in id order, which the test does not know.
func normalizeTies(list string, figures map[string]*float64, names map[string]string) string {
	key := func(name string) string {
		if v := figures[names[name]]; v != nil {
			return strconv.FormatFloat(*v, 'g', -1, 64)
		}
		return "none"
	}
	out := strings.Fields(list)
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && key(out[j]) == key(out[i]) {
			j++
		}
		slices.Sort(out[i:j])
		i = j
	}
	return strings.Join(out, " ")
}

// TestDemoDealsGetStoredFigures: after the demo is loaded, one run of the daily job (as
// `summit dev` does before serving) gives every demo deal its figures, and they differ
// between deals.
func TestDemoDealsGetStoredFigures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, _ := dbtest.New(t)
	if err := repository.EnsureBuiltinTemplates(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	n, ran, err := repository.RunDailyForecasts(ctx, gdb, repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: 1}).Forecasts, now)
	if err != nil || !ran {
		t.Fatalf("daily job: %v (ran %v)", err, ran)
	}
	var dealCount, withFigures, distinct int64
	gdb.Raw("SELECT count(*) FROM deals").Scan(&dealCount)
	gdb.Raw("SELECT count(*) FROM deal_confidence WHERE as_of = ?", deals.Day(now)).Scan(&withFigures)
	gdb.Raw("SELECT count(DISTINCT round(p_win::numeric, 6)) FROM deal_confidence").Scan(&distinct)
	if dealCount == 0 || int64(n) != dealCount || withFigures != dealCount {
		t.Errorf("%d demo deals, %d refreshed, %d with today's figures", dealCount, n, withFigures)
	}
	if distinct < 3 {
		t.Errorf("only %d distinct p_win values over %d demo deals", distinct, dealCount)
	}
}

// brokenForecasts fails every recomputation, as a database error in it would.
type brokenForecasts struct{}

var errRefresh = errors.New("refresh failed")

func (brokenForecasts) Lock(context.Context, ...string) error          { return nil }
func (brokenForecasts) Refresh(context.Context, ...string) error       { return errRefresh }
func (brokenForecasts) RefreshLocked(context.Context, ...string) error { return errRefresh }
func (brokenForecasts) RefreshTemplate(context.Context, string) error  { return errRefresh }

// TestFailedRecomputationFailsTheChange: a change whose recomputation of the stored
// confidence fails is not stored either (one transaction), for a plan change, a
// stakeholder change and a retrospective.
func TestFailedRecomputationFailsTheChange(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	f.svc.Forecasts, f.people.Forecasts = brokenForecasts{}, brokenForecasts{}
	before := len(f.plan(f.deal.ID))
	tests := []struct {
		name   string
		change func() error
		count  string // SQL counting what the change would have added
		want   int64
	}{
		{"milestone added", func() error {
			_, err := f.svc.CreateMilestone(f.ctx, deals.Actor{UserID: f.pmo.ID}, f.deal.ID, deals.MilestoneInput{Name: "Site visit",
				OwnerRole: deals.RolePMO, Weight: 1, PlannedStart: planStart, PlannedDue: planStart.AddDate(0, 0, 2)})
			return err
		}, "SELECT count(*) FROM milestones WHERE deal_id = '" + f.deal.ID + "'", int64(before)},
		{"stakeholder added", func() error {
			_, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, f.deal.ID, stakeholders.NewStakeholder{ContactName: "Director Zhao",
				Stakeholder: stakeholders.Stakeholder{DecisionRole: "decision_maker", Influence: 5, Stance: "blocker"}})
			return err
		}, "SELECT count(*) FROM stakeholders", 0},
		{"retrospective held", func() error {
			_, err := f.reviews.HoldRetrospective(f.ctx, f.pmo.ID, reviews.Retrospective{DealID: f.deal.ID, HeldOn: planStart,
				Outcome: "off_track", Planned: "Budget", Happened: "No budget"})
			return err
		}, "SELECT count(*) FROM retrospectives", 0},
	}
	for _, tc := range tests {
		if err := tc.change(); !errors.Is(err, errRefresh) {
			t.Errorf("%s: %v, want the recomputation's error", tc.name, err)
		}
		var n int64
		if err := f.db.Raw(tc.count).Scan(&n).Error; err != nil || n != tc.want {
			t.Errorf("%s: %d rows after the failed change (%v), want %d", tc.name, n, err, tc.want)
		}
	}
}

// TestStakeholderAndPlanChangesOfOneDealDoNotDeadlock: a stakeholder linked to a
// milestone while the milestone is deleted, round after round. Both recompute the deal's
// confidence; the stakeholder change holds the deal first, as the plan change does, so
// one waits for the other — each ends in success or a clean refusal, never a deadlock.
func TestStakeholderAndPlanChangesOfOneDealDoNotDeadlock(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	fc := f.forecastService()
	f.svc.Forecasts, f.people.Forecasts = fc, fc
	st := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Director Zhao"})
	actor := deals.Actor{UserID: f.pmo.ID}
	for round := range 15 {
		m, err := f.svc.CreateMilestone(f.ctx, actor, f.deal.ID, deals.MilestoneInput{Name: fmt.Sprintf("Visit %d", round),
			OwnerRole: deals.RolePMO, Weight: 1, PlannedStart: planStart, PlannedDue: planStart.AddDate(0, 0, 1)})
		if err != nil {
			t.Fatal(err)
		}
		current, err := f.people.Stakeholder(f.ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		wg.Add(2)
		go func() {
			defer wg.Done()
			links := []string{m.ID}
			_, errs[0] = f.people.UpdateStakeholder(f.ctx, f.pmo.ID, st.ID, current.Version, stakeholders.Patch{MilestoneIDs: &links})
		}()
		go func() {
			defer wg.Done()
			errs[1] = f.svc.DeleteMilestone(f.ctx, actor, m.ID, m.Version)
		}()
		wg.Wait()
		for i, err := range errs {
			var verr *domain.ValidationError
			if err != nil && !errors.Is(err, domain.ErrConflict) && !errors.Is(err, domain.ErrNotFound) &&
				!errors.Is(err, domain.ErrStaleVersion) && !errors.As(err, &verr) {
				t.Errorf("round %d, %s: %v", round, []string{"link", "delete"}[i], err)
			}
		}
	}
}
