package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"gorm.io/gorm"

	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
)

// DemoHistoryDeals is how many past deals the demo's history closes over two years.
const DemoHistoryDeals = 152

// demoHistoryLock is the advisory lock two demo seeds take in turn, so the history is
// added once.
const demoHistoryLock int64 = 0x53554d4d49544448 // "SUMMITDH"

// DemoHistoryReport says what SeedDemoHistory added; a second run adds nothing (but
// roll-ups still missing for simulated days).
type DemoHistoryReport struct {
	PastDeals, Won, Lost int
	// ThisWeek are the deals this week's moves added: one new, one won, one lost.
	ThisWeek int
	// Moves are this week's moves of today's open demo deals (pushed out, pulled in,
	// confidence up and down), each with its activity entry.
	Moves int
	// PulledIn names the open demo deal pulled into the quarter this week.
	PulledIn string
	// Days are the simulated snapshot days (weekly over two years, daily over the current
	// quarter), DealSnapshots their deal rows.
	Days, DealSnapshots int
	// RolledUp counts the simulated days whose scope roll-ups the rollUp hook computed.
	RolledUp int
	Took     time.Duration
}

// histWorld is what the history's deals draw on.
type histWorld struct {
	rng            *rand.Rand
	now, today     time.Time
	fyStart        int
	teamIDs        map[string]string
	templates      map[string]deals.Template
	contractOffset map[string]int
	users          map[string]pgtype.UUID
	customerIDs    []pgtype.UUID
	// contacts are each demo customer's people, in demoPeople's order.
	contacts [][]histContact
}

type histContact struct {
	id   pgtype.UUID
	name string
}

// snapDeal is one deal as the simulated snapshots see it: its stored fields and its
// engine input on any day it was open.
type snapDeal struct {
	id, teamID   pgtype.UUID
	amount       int64
	currency     string
	target       time.Time
	category     string
	manual       *float64
	overrides    map[string]float64
	since        time.Time // the first day it may be open on
	openOn       func(day time.Time) bool
	inputAt      func(day time.Time) confidence.Input
	moved        time.Time // a move this week: the snapshots up to this day show before
	targetBefore time.Time
	inputBefore  func(in *confidence.Input, day time.Time)
}

// SeedDemoHistory simulates the demo's past, after SeedDemo and SeedDemoBoard: about 150
// deals closed over the two years before the current quarter (won or lost, drawn from
// their own confidence so that calibration has honest outcomes), with plans, baselines,
// people, reviews and trails like the demo's other deals; the snapshots the daily job
// would have taken (forecast_snapshots simulated = true, weekly on Mondays and daily over
// the current quarter) of every deal open each day, computed by the confidence engine as
// of that day; and this week's moves since last Monday — a deal pushed out of the
// quarter, one pulled in, a confidence up and one down, each backed by an activity
// entry, and a deal new, one won and one lost. Deterministic but for ids (a fixed seed).
// Today's open demo deals keep their current state: only their past snapshots and
// activity entries are added. rollUp, when set, computes the scope roll-ups of a day
// from its deal snapshots (history.Service.RollUp); it is called after the rows commit
// for every simulated day from the board window's first quarter on that has none yet.
// Idempotent: once simulated snapshots exist, only missing roll-ups are added.
func SeedDemoHistory(ctx context.Context, db *gorm.DB, defaults targets.Settings,
	rollUp func(ctx context.Context, day time.Time) error) (DemoHistoryReport, error) {
	start := time.Now()
	report, err := seedDemoHistory(ctx, db, defaults, start.UTC())
	if err != nil {
		return DemoHistoryReport{}, fmt.Errorf("seed demo history: %w", err)
	}
	if rollUp != nil {
		if report.RolledUp, err = rollUpSimulatedDays(ctx, db, defaults, start.UTC(), rollUp); err != nil {
			return report, fmt.Errorf("seed demo history: roll-ups: %w", err)
		}
	}
	report.Took = time.Since(start)
	return report, nil
}

func seedDemoHistory(ctx context.Context, db *gorm.DB, defaults targets.Settings, now time.Time) (DemoHistoryReport, error) {
	var report DemoHistoryReport
	db = db.WithContext(ctx)
	var done bool
	if err := db.Raw(`SELECT EXISTS (SELECT 1 FROM forecast_snapshots WHERE simulated)`).Scan(&done).Error; err != nil {
		return report, translate(err, "simulated snapshots")
	}
	if done {
		return report, nil
	}
	rows := &scaleRows{}
	w, err := newHistWorld(ctx, db, defaults, now, rows)
	if err != nil {
		return report, err
	}
	quarter := forecasts.CurrentQuarter(w.today, w.fyStart)
	var snaps []*snapDeal

	// The past deals.
	for _, s := range w.pastSpecs(DemoHistoryDeals, quarter.From) {
		d := w.simulate(s)
		w.rows(d, rows)
		snaps = append(snaps, d.snap())
		report.PastDeals++
		if d.status == deals.DealWon {
			report.Won++
		} else {
			report.Lost++
		}
	}
	// This week: the open demo deals' past and moves, and a deal new, one won, one lost.
	week, err := w.thisWeek(ctx, db, quarter, rows)
	if err != nil {
		return report, err
	}
	snaps = append(snaps, week.snaps...)
	report.ThisWeek, report.Moves, report.PulledIn = week.added, week.moves, week.pulledIn

	// The snapshot days: Mondays from the first deal's start, then every day of the current quarter
	// (at least its last four weeks) up to yesterday; days a real snapshot holds are left be.
	var taken []time.Time
	if err := db.Raw(`SELECT day FROM forecast_snapshots`).Scan(&taken).Error; err != nil {
		return report, translate(err, "snapshot days")
	}
	real := map[string]bool{}
	for _, d := range taken {
		real[d.Format(deals.DateLayout)] = true
	}
	daily := quarter.From
	if four := w.today.AddDate(0, 0, -28); four.Before(daily) {
		daily = four
	}
	first := w.today
	for _, s := range snaps {
		if s.since.Before(first) {
			first = s.since
		}
	}
	var days []time.Time
	for d := first; d.Before(w.today); d = d.AddDate(0, 0, 1) {
		if (d.Weekday() == time.Monday || !d.Before(daily)) && !real[d.Format(deals.DateLayout)] {
			days = append(days, d)
		}
	}
	if err := w.snapshotRows(days, snaps, rows); err != nil {
		return report, err
	}
	report.Days, report.DealSnapshots = rows.count("forecast_snapshots"), rows.count("deal_snapshots")

	sqlDB, err := db.DB()
	if err != nil {
		return report, err
	}
	c, err := sqlDB.Conn(ctx)
	if err != nil {
		return report, translate(err, "connection")
	}
	defer c.Close()
	skipped := false
	err = inPgxTx(ctx, c, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", demoHistoryLock); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM forecast_snapshots WHERE simulated)`).Scan(&skipped); err != nil || skipped {
			return err // another seed has just added it
		}
		if err := rows.copy(ctx, tx); err != nil {
			return err
		}
		// Fresh statistics for the planner, as autovacuum would give them a while later.
		_, err := tx.Exec(ctx, `ANALYZE deals, milestones, stakeholders, deal_activity, deal_snapshots`)
		return err
	})
	if err != nil {
		return DemoHistoryReport{}, translate(err, "demo history rows")
	}
	if skipped {
		return DemoHistoryReport{}, nil
	}
	return report, nil
}

// newHistWorld reads what the history is built on: the demo's teams, templates, users,
// customers and their people (adding the people the past deals meet who are missing).
func newHistWorld(ctx context.Context, db *gorm.DB, defaults targets.Settings, now time.Time, rows *scaleRows) (*histWorld, error) {
	if defaults.ReportingCurrency == "" {
		defaults.ReportingCurrency = targets.DefaultReportingCurrency
	}
	settings, err := NewTargets(db).Settings(ctx, defaults)
	if err != nil {
		return nil, err
	}
	w := &histWorld{rng: rand.New(rand.NewPCG(2026, 14)), now: now, today: deals.Day(now), fyStart: settings.FiscalYearStartMonth,
		teamIDs: map[string]string{}, templates: map[string]deals.Template{}, contractOffset: map[string]int{}, users: map[string]pgtype.UUID{}}
	for _, path := range demoTeams {
		id, _, err := ensureTeam(ctx, NewTeams(db), w.teamIDs, path)
		if err != nil {
			return nil, err
		}
		w.teamIDs[path] = id
	}
	if err := EnsureBuiltinTemplates(ctx, db); err != nil {
		return nil, err
	}
	store := NewDeals(db)
	templates, err := store.ListTemplates(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range templates {
		if t.Key == "" {
			continue
		}
		w.templates[t.Key] = t
		for _, m := range t.LayOut(w.today) {
			if m.Key == deals.KeyContractSigned {
				w.contractOffset[t.Key] = deals.CalendarDaysBetween(w.today, m.PlannedDue)
			}
		}
	}
	users := NewUsers(db)
	for _, t := range demoDealTeams {
		for _, email := range []string{t.pmo, t.am, t.solution} {
			u, err := users.UserByEmail(ctx, email)
			if err != nil {
				return nil, fmt.Errorf("the demo user %s: %w (load the demo first)", email, err)
			}
			if w.users[email], err = pgUUID(u.ID); err != nil {
				return nil, err
			}
		}
	}
	ids, err := ensureDemoCustomers(ctx, db, &deals.Service{Store: store, Now: func() time.Time { return now }})
	if err != nil {
		return nil, err
	}
	return w, w.loadContacts(ctx, db, ids, rows)
}

// loadContacts reads each demo customer's people by name and adds the rows of those
// missing to rows (named as seedDemoPeople names them, managers first), so every past
// deal meets the same people.
func (w *histWorld) loadContacts(ctx context.Context, db *gorm.DB, customerIDs []string, rows *scaleRows) error {
	var existing []struct{ ID, CustomerID, Name string }
	if err := db.Raw(`SELECT id, customer_id, name FROM contacts WHERE customer_id IN ?`, customerIDs).Scan(&existing).Error; err != nil {
		return translate(err, "demo contacts")
	}
	known := map[string]string{}
	for _, r := range existing {
		known[r.CustomerID+"/"+r.Name] = r.ID
	}
	for ci, id := range customerIDs {
		cid, err := pgUUID(id)
		if err != nil {
			return err
		}
		w.customerIDs = append(w.customerIDs, cid)
		people := map[string]string{}
		list := make([]histContact, len(demoPeople))
		for i, p := range demoPeople {
			name := demoPersonName(ci, i)
			if got, ok := known[id+"/"+name]; ok {
				people[name] = got
				if list[i].id, err = pgUUID(got); err != nil {
					return err
				}
				list[i].name = name
				continue
			}
			title := p.title
			if demoCustomers[ci].Kind != "government" {
				title = p.corporateTitle
			}
			var reportsTo any
			if m := demoManager(people, ci, i); m != nil {
				if reportsTo, err = pgUUID(*m); err != nil {
					return err
				}
			}
			list[i].id, list[i].name = newUUID(), name
			people[name] = uuidString(list[i].id)
			rows.add("contacts", []string{"id", "customer_id", "name", "title", "reports_to_id"}, list[i].id, cid, name, title, reportsTo)
		}
		w.contacts = append(w.contacts, list)
	}
	return nil
}

// snap is the past deal as the snapshots see it.
func (d *histDeal) snap() *snapDeal {
	team, _ := pgUUID(d.teamID)
	s := &snapDeal{id: d.id, teamID: team, amount: d.spec.amount, currency: "CNY", target: d.spec.closeOn,
		category: d.category, overrides: d.template.ConfidenceParams, since: d.createdDay, openOn: d.openOn, inputAt: d.inputAt}
	if d.planBefore != nil { // inputAt reads the plan before the push itself
		s.moved, s.targetBefore = d.spec.pushedOn, d.targetBefore
	}
	return s
}

// snapshotRows computes, for every day, each deal open that day with the engine as of
// that day, and adds the day's forecast_snapshots row (simulated) and its deal_snapshots.
func (w *histWorld) snapshotRows(days []time.Time, snaps []*snapDeal, rows *scaleRows) error {
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	for _, day := range days {
		window := forecasts.Window(day, w.fyStart)
		taken := time.Date(day.Year(), day.Month(), day.Day(), 0, 30, 0, 0, time.UTC)
		var dayRows [][]any
		for _, s := range snaps {
			if !s.openOn(day) {
				continue
			}
			in, target := s.inputAt(day), s.target
			if !s.moved.IsZero() && !day.After(s.moved) {
				target = s.targetBefore
				if s.inputBefore != nil {
					s.inputBefore(&in, day)
				}
			}
			f := forecasts.Compute(forecasts.DealInput{Input: in, Overrides: s.overrides}, window, day)
			factors := make([]storedFactor, 0, len(f.Result.Factors))
			for _, fa := range f.Result.Factors {
				factors = append(factors, storedFactor{Key: fa.Key, Contribution: fa.Contribution, LogOdds: fa.LogOdds, Detail: confidence.DetailMap(fa.Detail)})
			}
			periods := make(map[string][2]float64, len(f.Periods))
			for _, p := range f.Periods {
				periods[p.Period.Name] = [2]float64{p.PInPeriod, p.Confidence}
			}
			fj, err := json.Marshal(factors)
			if err != nil {
				return err
			}
			pj, err := json.Marshal(periods)
			if err != nil {
				return err
			}
			dayRows = append(dayRows, []any{day, s.id, s.teamID, s.amount, s.currency, target, s.category, s.manual,
				f.Result.Base, f.Result.PWin, dateOrNil(f.Result.ExpectedClose), dateOrNil(f.Result.CloseP80), fj, pj})
		}
		rows.add("forecast_snapshots", []string{"day", "taken_at", "model_version", "open_deals", "simulated"},
			day, taken, 0, len(dayRows), true)
		for _, r := range dayRows {
			rows.add("deal_snapshots", []string{"day", "deal_id", "team_id", "amount_minor", "currency", "target_close_date",
				"forecast_category", "manual_probability", "base", "p_win", "expected_close", "close_p80", "factors", "periods"}, r...)
		}
	}
	return nil
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// rollUpSimulatedDays calls rollUp for each simulated day from the board window's first
// quarter on that has no scope roll-up yet, oldest first.
func rollUpSimulatedDays(ctx context.Context, db *gorm.DB, defaults targets.Settings, now time.Time,
	rollUp func(ctx context.Context, day time.Time) error) (int, error) {
	if defaults.ReportingCurrency == "" {
		defaults.ReportingCurrency = targets.DefaultReportingCurrency
	}
	settings, err := NewTargets(db.WithContext(ctx)).Settings(ctx, defaults)
	if err != nil {
		return 0, err
	}
	from := forecasts.Window(now, settings.FiscalYearStartMonth)[0].From
	var days []time.Time
	err = db.WithContext(ctx).Raw(`SELECT f.day FROM forecast_snapshots f WHERE f.simulated AND f.day >= ?
		AND NOT EXISTS (SELECT 1 FROM scope_snapshots s WHERE s.day = f.day) ORDER BY f.day`, from).Scan(&days).Error
	if err != nil {
		return 0, translate(err, "days to roll up")
	}
	for _, d := range days {
		if err := rollUp(ctx, d); err != nil {
			return 0, fmt.Errorf("%s: %w", d.Format(deals.DateLayout), err)
		}
	}
	return len(days), nil
}
