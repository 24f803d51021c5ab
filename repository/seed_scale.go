package repository

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
)

// MaxScaleDeals is the most deals one SeedScale run adds.
const MaxScaleDeals = 1_000_000

// scaleChunk deals are generated and copied at a time, which bounds the memory a run takes.
const scaleChunk = 1000

// scaleLock is the advisory lock two SeedScale runs on one database take in turn, so that
// they number their batches one after the other.
const scaleLock int64 = 0x53554d4d49545343 // "SUMMITSC"

// ScaleReport says what a SeedScale run added.
type ScaleReport struct {
	// Batch numbers the run: its deals are named "… (S<batch>-<number>)".
	Batch                      int
	Deals                      int
	Open, Won, Lost, Abandoned int
	CustomersCreated           int
	CustomersUsed              int
	Contacts                   int
	Milestones                 int
	Dependencies               int
	Baselines                  int
	BaselineMilestones         int
	Stakeholders               int
	StakeholderHistory         int
	Retrospectives             int
	RetrospectiveActions       int
	GateDecisions              int
	Activity                   int
	RatesCreated               int
	// ForecastsRefreshed counts the deals whose stored confidence was computed afterwards:
	// the batch's, then by the daily job any other without today's figures (the demo's);
	// ForecastsDeferred says another instance held the daily job, which then computes those.
	ForecastsRefreshed int
	ForecastsDeferred  bool
	// Took is the whole run: Writing the rows (and ANALYZE), then Figures the daily job.
	Took, Writing, Figures time.Duration
}

// scaleCNYPer is how many yuan a unit of each currency the scale's deals are sold in is
// worth: amounts are drawn in yuan, and the FX table gets a rate for every currency
// that is not the reporting one.
var scaleCNYPer = map[string]float64{"CNY": 1, "USD": 7.15, "EUR": 7.75, "HKD": 0.915}

// scaleTeam is one of the demo's selling teams as SeedScale uses it.
type scaleTeam struct {
	path     string
	pool     string // the customer pool it sells to
	weight   int    // share of the deals, in percent
	id       string
	segment  deals.Segment
	template deals.Template
	// members are the deal team of its deals: PMO, business, solution.
	members [3]pgtype.UUID
}

var scaleTeams = []scaleTeam{
	{path: "Government Business/North China", pool: "government", weight: 30},
	{path: "Government Business/East China", pool: "government", weight: 25},
	{path: "Key Accounts/Energy", pool: "energy", weight: 25},
	{path: "Key Accounts/Finance", pool: "finance", weight: 20},
}

type scaleContact struct {
	id        pgtype.UUID
	role      string
	influence int
	name      string
}

type scaleCustomer struct {
	spec     scaleCustomerSpec
	id       pgtype.UUID
	contacts []scaleContact
}

// scaleWorld is what every generated deal draws on.
type scaleWorld struct {
	rng        *rand.Rand
	now, today time.Time
	batch      int
	teams      []scaleTeam
	customers  map[string][]*scaleCustomer
	// windowFrom–windowTo (exclusive) is the confidence window's quarters: target close
	// dates are spread over it.
	windowFrom, windowTo time.Time
	// chunk deals are generated and copied at a time (scaleChunk).
	chunk int
	// dealIDs are the batch's deals, in the order they were generated.
	dealIDs []string
	// contractOffset is, per template key, the calendar days from a plan's start to its
	// contract milestone's due date.
	contractOffset map[string]int
}

// SeedScale adds n generated deals on top of the demo organisation (SeedDemo first, and
// SeedDemoBoard for its targets; it refuses without the demo's teams and users): spread
// over the demo's four selling
// teams and their deal teams, sold to up to 1,000 generated customers (about one per
// eight deals; later runs sell again to the customers earlier ones created) and their
// people, priced mostly in yuan and partly in US dollars, euros and Hong Kong dollars
// (every currency gets an FX rate for each quarter of the confidence window where the
// table has none), with target close dates spread over the window (the previous fiscal
// quarter to four ahead). Each deal has its template's plan with dependencies, a
// kick-off baseline, slips and progress to today; about three in four are open, the
// rest won, lost or abandoned; 4–10 stakeholders with stance changes in their history
// and next steps (some overdue); retrospectives with actions on about a third; go
// decisions at passed bid gates. Rows are written with COPY, a transaction per thousand
// deals on a few connections at once (a failed run removes its deals again); then the
// confidence service stores the new deals' figures (forecasts.Service.Refresh, a batch per
// transaction on a few connections at once) and the daily job (RunDailyForecasts) those of
// any other deal without today's.
//
// The content is deterministic given n and the batch number. Every run adds a new batch:
// its deals are named "… (S<batch>-<00001>)", batch one more than the highest present.
func SeedScale(ctx context.Context, db *gorm.DB, n int, defaults targets.Settings) (ScaleReport, error) {
	return seedScale(ctx, db, n, defaults, scaleChunk)
}

// seedScale is SeedScale in chunks of chunk deals.
func seedScale(ctx context.Context, db *gorm.DB, n int, defaults targets.Settings, chunk int) (ScaleReport, error) {
	start := time.Now()
	if n < 1 || n > MaxScaleDeals {
		return ScaleReport{}, fmt.Errorf("seed scale: the number of deals must be 1–%d, not %d", MaxScaleDeals, n)
	}
	now := time.Now().UTC()
	w, settings, err := newScaleWorld(ctx, db, defaults, now)
	if err != nil {
		return ScaleReport{}, fmt.Errorf("seed scale: %w", err)
	}
	w.chunk = chunk
	report, err := w.write(ctx, db, n, settings)
	if err != nil {
		return ScaleReport{}, fmt.Errorf("seed scale: %w", err)
	}
	// Fresh statistics for the planner, as autovacuum would give them a while later.
	if err := db.WithContext(ctx).Exec(`ANALYZE customers, contacts, deals, deal_members, milestones, milestone_dependencies,
		baselines, baseline_milestones, stakeholders, stakeholder_milestones, stakeholder_history, retrospectives,
		retrospective_actions, gate_decisions, deal_activity, fx_rates`).Error; err != nil {
		return report, fmt.Errorf("seed scale: analyze: %w", err)
	}
	report.Writing = time.Since(start)
	// The new deals' figures, computed by the confidence service as any change does, a
	// batch per transaction on as many connections as there are cores; then the daily job
	// for any other deal without today's figures (the demo's after a first load).
	fc := NewServices(db, defaults).Forecasts
	batches := make(chan []string)
	g, gctx := errgroup.WithContext(ctx)
	for range scaleWorkers() {
		g.Go(func() error {
			for ids := range batches {
				if err := fc.Refresh(gctx, ids...); err != nil {
					return err
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(batches)
		for from := 0; from < len(w.dealIDs); from += forecasts.BatchSize {
			select {
			case batches <- w.dealIDs[from:min(from+forecasts.BatchSize, len(w.dealIDs))]:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return report, fmt.Errorf("seed scale: confidence figures: %w", err)
	}
	refreshed, ran, err := RunDailyForecasts(ctx, db, fc, now)
	if err != nil {
		return report, fmt.Errorf("seed scale: confidence figures: %w", err)
	}
	report.ForecastsRefreshed, report.ForecastsDeferred = len(w.dealIDs)+refreshed, !ran
	if err := db.WithContext(ctx).Exec(`ANALYZE deal_confidence, deal_forecasts`).Error; err != nil {
		return report, fmt.Errorf("seed scale: analyze: %w", err)
	}
	report.Took = time.Since(start)
	report.Figures = report.Took - report.Writing
	return report, nil
}

// newScaleWorld reads what the deals are built on: the demo's teams and deal-team users,
// the built-in templates, the settings and the confidence window.
func newScaleWorld(ctx context.Context, db *gorm.DB, defaults targets.Settings, now time.Time) (*scaleWorld, targets.Settings, error) {
	db = db.WithContext(ctx)
	if defaults.ReportingCurrency == "" {
		defaults.ReportingCurrency = targets.DefaultReportingCurrency
	}
	settings, err := NewTargets(db).Settings(ctx, defaults)
	if err != nil {
		return nil, settings, err
	}
	if err := EnsureBuiltinTemplates(ctx, db); err != nil {
		return nil, settings, err
	}
	templates, err := NewDeals(db).ListTemplates(ctx)
	if err != nil {
		return nil, settings, err
	}
	byKey := map[string]deals.Template{}
	for _, t := range templates {
		byKey[t.Key] = t
	}
	w := &scaleWorld{now: now, today: deals.Day(now), contractOffset: map[string]int{}}
	users, teams := NewUsers(db), NewTeams(db)
	for _, t := range scaleTeams {
		var spec *struct {
			team     string
			segment  deals.Segment
			template string
			pmo, am  string
			solution string
		}
		for i := range demoDealTeams {
			if demoDealTeams[i].team == t.path {
				spec = &demoDealTeams[i]
			}
		}
		if spec == nil {
			return nil, settings, fmt.Errorf("no demo deal team for %s", t.path)
		}
		var parent *string
		for _, name := range strings.Split(t.path, "/") {
			team, err := teams.ByName(ctx, parent, name)
			if errors.Is(err, domain.ErrNotFound) {
				return nil, settings, fmt.Errorf("the demo team %q is missing: load the demo first (summit seed --demo)", t.path)
			} else if err != nil {
				return nil, settings, err
			}
			parent = &team.ID
		}
		t.id, t.segment = *parent, spec.segment
		tpl, ok := byKey[spec.template]
		if !ok {
			return nil, settings, fmt.Errorf("built-in template %q missing", spec.template)
		}
		t.template = tpl
		for i, email := range []string{spec.pmo, spec.am, spec.solution} {
			u, err := users.UserByEmail(ctx, email)
			if errors.Is(err, domain.ErrNotFound) {
				return nil, settings, fmt.Errorf("the demo user %s is missing: load the demo first (summit seed --demo)", email)
			} else if err != nil {
				return nil, settings, err
			}
			if t.members[i], err = pgUUID(u.ID); err != nil {
				return nil, settings, err
			}
		}
		plan := tpl.LayOut(w.today)
		for _, m := range plan {
			if m.Key == deals.KeyContractSigned {
				w.contractOffset[tpl.Key] = deals.CalendarDaysBetween(w.today, m.PlannedDue)
			}
		}
		w.teams = append(w.teams, t)
	}
	window := forecasts.Window(now, settings.FiscalYearStartMonth)
	for _, p := range window {
		if !strings.Contains(p.Name, "Q") {
			continue
		}
		if w.windowFrom.IsZero() || p.From.Before(w.windowFrom) {
			w.windowFrom = p.From
		}
		if p.To.After(w.windowTo) {
			w.windowTo = p.To
		}
	}
	return w, settings, nil
}

// write stores one batch. A session advisory lock, held throughout, numbers the batch
// after any other run's; one transaction adds the customers, their people and the FX
// rates; then chunks of scaleChunk deals are generated by one goroutine and copied by a
// few connections at once, a transaction each. If a chunk fails, the batch's deals are
// deleted again (the customers stay, for the next run).
func (w *scaleWorld) write(ctx context.Context, db *gorm.DB, n int, settings targets.Settings) (ScaleReport, error) {
	var report ScaleReport
	sqlDB, err := db.DB()
	if err != nil {
		return report, err
	}
	if limit := sqlDB.Stats().MaxOpenConnections; limit == 1 {
		return report, errors.New("seeding at scale needs a pool of at least two connections (SUMMIT_DB_MAX_CONNS)")
	}
	lockConn, err := sqlDB.Conn(ctx)
	if err != nil {
		return report, translate(err, "connection")
	}
	defer lockConn.Close()
	if _, err := lockConn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", scaleLock); err != nil {
		return report, translate(err, "lock")
	}
	defer func() {
		_, _ = lockConn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", scaleLock)
	}()
	err = inPgxTx(ctx, lockConn, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT COALESCE(max(substring(name FROM ' \(S([0-9]+)-[0-9]+\)$')::int), 0) + 1
			FROM deals WHERE name ~ ' \(S[0-9]+-[0-9]+\)$'`).Scan(&w.batch); err != nil {
			return err
		}
		report.Batch = w.batch
		w.rng = rand.New(rand.NewPCG(uint64(n), uint64(w.batch)))
		contacts := &scaleRows{}
		if err := w.loadCustomers(ctx, tx, n, &report, contacts); err != nil {
			return err
		}
		if err := contacts.copy(ctx, tx); err != nil {
			return err
		}
		report.Contacts = contacts.count("contacts")
		return w.rates(ctx, tx, settings, &report)
	})
	if err != nil {
		return report, err
	}

	// One goroutine generates the chunks (in order: the content depends on it); the
	// others copy them.
	chunks := make(chan *scaleRows, 1)
	var statuses ScaleReport // the generator's tally of statuses, read once it is done
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(chunks)
		for from := 0; from < n; from += w.chunk {
			rows := &scaleRows{}
			for i := from; i < min(n, from+w.chunk); i++ {
				w.deal(i, rows, &statuses)
			}
			select {
			case chunks <- rows:
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	workers := scaleWorkers()
	if limit := sqlDB.Stats().MaxOpenConnections; limit > 0 {
		workers = min(workers, limit-1) // one connection holds the lock
	}
	tallies := make([]ScaleReport, max(1, workers))
	for k := range tallies {
		g.Go(func() error {
			// A chunk under way runs to its end (committed or rolled back) even when another
			// has failed: cancelled mid-COMMIT it could commit after the clean-up below had
			// looked, and leave its deals behind. The failure stops the next chunk instead.
			c, err := sqlDB.Conn(ctx)
			if err != nil {
				return translate(err, "connection")
			}
			defer c.Close()
			for rows := range chunks {
				if gctx.Err() != nil {
					return gctx.Err()
				}
				if err := inPgxTx(ctx, c, func(tx pgx.Tx) error { return rows.copy(ctx, tx) }); err != nil {
					return err
				}
				t := &tallies[k]
				t.Deals += rows.count("deals")
				t.Milestones += rows.count("milestones")
				t.Dependencies += rows.count("milestone_dependencies")
				t.Baselines += rows.count("baselines")
				t.BaselineMilestones += rows.count("baseline_milestones")
				t.Stakeholders += rows.count("stakeholders")
				t.StakeholderHistory += rows.count("stakeholder_history")
				t.Retrospectives += rows.count("retrospectives")
				t.RetrospectiveActions += rows.count("retrospective_actions")
				t.GateDecisions += rows.count("gate_decisions")
				t.Activity += rows.count("deal_activity")
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		for range chunks { // the generator has stopped or is stopping
		}
		if undo := db.WithContext(context.WithoutCancel(ctx)).Exec(`DELETE FROM deals WHERE name LIKE ?`,
			fmt.Sprintf("%% (S%d-%%)", w.batch)).Error; undo != nil {
			return report, fmt.Errorf("%w (and removing the batch's deals: %v)", err, undo)
		}
		return report, err
	}
	for _, t := range tallies {
		report.Deals += t.Deals
		report.Milestones += t.Milestones
		report.Dependencies += t.Dependencies
		report.Baselines += t.Baselines
		report.BaselineMilestones += t.BaselineMilestones
		report.Stakeholders += t.Stakeholders
		report.StakeholderHistory += t.StakeholderHistory
		report.Retrospectives += t.Retrospectives
		report.RetrospectiveActions += t.RetrospectiveActions
		report.GateDecisions += t.GateDecisions
		report.Activity += t.Activity
	}
	report.Open, report.Won, report.Lost, report.Abandoned = statuses.Open, statuses.Won, statuses.Lost, statuses.Abandoned
	return report, nil
}

// scaleWorkers is how many connections copy chunks or compute figures at once: one per
// core, two to four.
func scaleWorkers() int { return max(2, min(4, runtime.GOMAXPROCS(0))) }

// inPgxTx runs fn in a transaction on c's pgx connection, without a statement timeout.
func inPgxTx(ctx context.Context, c *sql.Conn, fn func(tx pgx.Tx) error) error {
	return c.Raw(func(driverConn any) error {
		pc := driverConn.(*stdlib.Conn).Conn()
		return pgx.BeginFunc(ctx, pc, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SET LOCAL statement_timeout = 0"); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// loadCustomers creates the customers the batch sells to where missing, reads their
// people, and gives those without any a set of their own.
func (w *scaleWorld) loadCustomers(ctx context.Context, tx pgx.Tx, n int, report *ScaleReport, rows *scaleRows) error {
	pools := scaleCustomerPools()
	w.customers = map[string][]*scaleCustomer{}
	share := map[string]int{}
	for _, t := range w.teams {
		share[t.pool] += t.weight
	}
	var kinds, names, regions, industries []string
	for _, key := range []string{"government", "energy", "finance"} {
		pool := pools[key]
		count := min(len(pool), max(3, (n*share[key]/100+7)/8)) // about one customer per eight deals
		for _, spec := range pool[:count] {
			w.customers[key] = append(w.customers[key], &scaleCustomer{spec: spec})
			kinds = append(kinds, string(spec.customer.Kind))
			names = append(names, spec.customer.Name)
			regions = append(regions, spec.customer.Region)
			industries = append(industries, spec.customer.Industry)
		}
	}
	tag, err := tx.Exec(ctx, `INSERT INTO customers (kind, name, region, industry)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`, kinds, names, regions, industries)
	if err != nil {
		return err
	}
	report.CustomersCreated = int(tag.RowsAffected())
	report.CustomersUsed = len(names)
	ids := map[string]pgtype.UUID{}
	q, err := tx.Query(ctx, `SELECT c.id, c.kind, lower(c.name) FROM customers c
		JOIN unnest($1::text[], $2::text[]) AS u(kind, name) ON c.kind = u.kind AND lower(c.name) = lower(u.name)`, kinds, names)
	if err != nil {
		return err
	}
	for q.Next() {
		var id pgtype.UUID
		var kind, name string
		if err := q.Scan(&id, &kind, &name); err != nil {
			return err
		}
		ids[kind+"/"+name] = id
	}
	if err := q.Err(); err != nil {
		return err
	}
	byID := map[[16]byte]*scaleCustomer{}
	var all []pgtype.UUID
	for _, key := range []string{"government", "energy", "finance"} {
		for _, c := range w.customers[key] {
			c.id = ids[string(c.spec.customer.Kind)+"/"+strings.ToLower(c.spec.customer.Name)]
			byID[c.id.Bytes] = c
			all = append(all, c.id)
		}
	}
	// The people of customers an earlier batch (or a user) created.
	q, err = tx.Query(ctx, `SELECT id, customer_id, title, name FROM contacts WHERE customer_id = ANY($1::uuid[])
		ORDER BY customer_id, created_at, id`, all)
	if err != nil {
		return err
	}
	for q.Next() {
		var id, customerID pgtype.UUID
		var title, name string
		if err := q.Scan(&id, &customerID, &title, &name); err != nil {
			return err
		}
		role, influence := "influencer", 3
		for _, p := range demoPeople {
			if p.title == title {
				role, influence = string(p.role), p.influence
			}
		}
		c := byID[customerID.Bytes]
		c.contacts = append(c.contacts, scaleContact{id: id, role: role, influence: influence, name: name})
	}
	if err := q.Err(); err != nil {
		return err
	}
	// New customers get their people: one of every part (the head first, the others
	// reporting to the head or a deputy) and two to four more.
	for _, key := range []string{"government", "energy", "finance"} {
		for _, c := range w.customers[key] {
			if len(c.contacts) > 0 {
				continue
			}
			parts := make([]int, 0, len(demoPeople)+4)
			for i := range demoPeople {
				parts = append(parts, i)
			}
			for range 2 + w.rng.IntN(3) {
				parts = append(parts, 2+w.rng.IntN(len(demoPeople)-2))
			}
			used := map[string]bool{}
			for j, part := range parts {
				p := demoPeople[part]
				var name string
				for {
					s, g := scaleSurnames[w.rng.IntN(len(scaleSurnames))], scaleGivenNames[w.rng.IntN(len(scaleGivenNames))]
					name = fmt.Sprintf("%s %s %s%s", s.en, g.en, s.zh, g.zh)
					if !used[name] {
						used[name] = true
						break
					}
				}
				ct := scaleContact{id: newUUID(), role: string(p.role), influence: p.influence, name: name}
				var reportsTo any
				switch {
				case j == 0 || p.role == "coach":
				case j <= 3:
					reportsTo = c.contacts[0].id
				default:
					reportsTo = c.contacts[1].id
				}
				phone := fmt.Sprintf("+86 1%d%d %04d %04d", 3+w.rng.IntN(6), w.rng.IntN(10), w.rng.IntN(10000), w.rng.IntN(10000))
				rows.add("contacts", []string{"id", "customer_id", "name", "title", "reports_to_id", "phone"},
					ct.id, c.id, name, p.title, reportsTo, phone)
				c.contacts = append(c.contacts, ct)
			}
		}
	}
	return nil
}

// rates gives every currency of the scale's deals a rate for each quarter of the
// confidence window where the FX table has none, so that every board of the window
// converts every open deal.
func (w *scaleWorld) rates(ctx context.Context, tx pgx.Tx, settings targets.Settings, report *ScaleReport) error {
	per, ok := scaleCNYPer[settings.ReportingCurrency]
	if !ok {
		return nil // a reporting currency the scale does not price in: rates are the admin's
	}
	var periods, currencies, rates []string
	for i, p := range forecasts.Window(w.now, settings.FiscalYearStartMonth) {
		if !strings.Contains(p.Name, "Q") {
			continue
		}
		for _, cur := range []string{"CNY", "USD", "EUR", "HKD"} {
			if cur == settings.ReportingCurrency {
				continue
			}
			drift := 1 + 0.004*float64(i) // a slow drift from quarter to quarter
			periods, currencies = append(periods, p.Name), append(currencies, cur)
			rates = append(rates, fmt.Sprintf("%.6f", scaleCNYPer[cur]/per*drift))
		}
	}
	tag, err := tx.Exec(ctx, `INSERT INTO fx_rates (period, currency, rate)
		SELECT p, c, r::numeric FROM unnest($1::text[], $2::text[], $3::text[]) AS u(p, c, r)
		ON CONFLICT (period, currency) DO NOTHING`, periods, currencies, rates)
	report.RatesCreated = int(tag.RowsAffected())
	return err
}

// deal generates deal i of the batch with everything that hangs off it.
func (w *scaleWorld) deal(i int, rows *scaleRows, report *ScaleReport) {
	rng, today := w.rng, w.today
	t := w.pickTeam()
	cust := w.pickCustomer(t.pool)
	pmo, am, solution := t.members[0], t.members[1], t.members[2]

	currency := "CNY"
	if t.segment == deals.SegmentKeyAccount {
		switch r := rng.IntN(100); {
		case r < 18:
			currency = "USD"
		case r < 24:
			currency = "EUR"
		case r < 30:
			currency = "HKD"
		}
	}
	yuan := math.Exp(math.Log(800_000) + rng.Float64()*(math.Log(40_000_000)-math.Log(800_000)))
	amount := int64(math.Round(yuan/scaleCNYPer[currency]/10_000)) * 10_000 * 100 // round figures, in minor units

	// The target close date, spread over the window, and a plan whose contract lands
	// around it; a plan that would start more than two weeks out starts now instead, with
	// a longer first step.
	span := deals.CalendarDaysBetween(w.windowFrom, w.windowTo)
	target := w.windowFrom.AddDate(0, 0, rng.IntN(span))
	start := target.AddDate(0, 0, -w.contractOffset[t.template.Key]-rng.IntN(21)+7)
	stretch := 0
	if latest := today.AddDate(0, 0, 14); start.After(latest) {
		kickoff := today.AddDate(0, 0, -rng.IntN(21))
		stretch = deals.CalendarDaysBetween(kickoff, start)
		start = kickoff
	}
	plan := t.template.LayOut(start)
	if stretch > 0 {
		plan = applyMoves(plan, deals.Reschedule(plan, plan[0].ID, plan[0].PlannedStart, deals.NextWorkingDay(plan[0].PlannedDue.AddDate(0, 0, stretch))))
	}
	baseline := make([][2]time.Time, len(plan))
	for j, m := range plan {
		baseline[j] = [2]time.Time{m.PlannedStart, m.PlannedDue}
	}
	contract := 0
	for j, m := range plan {
		if m.Key == deals.KeyContractSigned {
			contract = j
		}
	}
	// Slips against the baseline: most plans one, some two.
	if rng.IntN(100) < 70 {
		k := rng.IntN(len(plan)/2 + 1)
		plan = applyMoves(plan, deals.Reschedule(plan, plan[k].ID, plan[k].PlannedStart, deals.NextWorkingDay(plan[k].PlannedDue.AddDate(0, 0, 4+rng.IntN(22)))))
		if rng.IntN(100) < 30 && k < contract {
			k2 := k + 1 + rng.IntN(contract-k)
			plan = applyMoves(plan, deals.Reschedule(plan, plan[k2].ID, plan[k2].PlannedStart, deals.NextWorkingDay(plan[k2].PlannedDue.AddDate(0, 0, 5+rng.IntN(26)))))
		}
	}

	// The outcome: deals whose contract is due before today are mostly won or lost.
	status, reason := deals.DealOpen, ""
	stop := contract // milestones from stop on are not finished (open: the contract)
	if plan[contract].PlannedDue.Before(today) {
		switch r := rng.IntN(100); {
		case r < 60:
			status, stop = deals.DealWon, len(plan)
		case r < 82:
			status, reason, stop = deals.DealLost, scaleLostReasons[rng.IntN(len(scaleLostReasons))], contract-1-rng.IntN(2)
		case r < 87:
			status, reason = deals.DealAbandoned, scaleAbandonReasons[rng.IntN(len(scaleAbandonReasons))]
		}
	} else if r := rng.IntN(100); r < 4 {
		status, reason, stop = deals.DealLost, scaleLostReasons[rng.IntN(len(scaleLostReasons))], 1+rng.IntN(contract)
	} else if r < 7 {
		status, reason = deals.DealAbandoned, scaleAbandonReasons[rng.IntN(len(scaleAbandonReasons))]
	}
	bid := -1 // the gate an abandoned deal says no-go at
	if status == deals.DealAbandoned {
		for j, m := range plan {
			if bid < 0 && m.Gate && (m.Key == "bid_decision" || m.Key == "solution_design") {
				bid = j
			}
		}
		stop = bid
	}
	switch status {
	case deals.DealOpen:
		report.Open++
	case deals.DealWon:
		report.Won++
	case deals.DealLost:
		report.Lost++
	case deals.DealAbandoned:
		report.Abandoned++
	}

	// Progress to today.
	for j := range plan {
		m := &plan[j]
		switch {
		case j < stop && m.PlannedDue.Before(today):
			m.Status = deals.StatusDone
			if m.Key == "intention_published" && rng.IntN(3) == 0 {
				m.Status = deals.StatusSkipped
			}
			done := m.PlannedDue
			if rng.IntN(100) < 12 { // finished a few days late
				if late := m.PlannedDue.AddDate(0, 0, 1+rng.IntN(6)); late.Before(today) {
					done = late
				}
			}
			m.CompletedOn = &done
		case status != deals.DealLost && status != deals.DealAbandoned && !m.PlannedStart.After(today) && (j <= stop || status == deals.DealWon):
			m.Status = deals.StatusInProgress
			if rng.IntN(100) < 7 {
				m.Status, m.StatusReason = deals.StatusBlocked, scaleBlockedReasons[rng.IntN(len(scaleBlockedReasons))]
			}
		}
	}
	created := time.Date(start.Year(), start.Month(), start.Day(), 9, rng.IntN(60), rng.IntN(60), 0, time.UTC)
	if created.After(w.now) {
		created = w.now
	}
	closedOn := today
	if status != deals.DealOpen {
		closedOn = plan[max(0, stop-1)].PlannedDue
		if plan[contract].CompletedOn != nil {
			closedOn = *plan[contract].CompletedOn
		}
		if closedOn.After(today) || closedOn.Before(start) {
			closedOn = today
		}
	}

	// The deal and its team.
	dealID := newUUID()
	w.dealIDs = append(w.dealIDs, uuidString(dealID))
	category, manual, note := "pipeline", any(nil), ""
	if status == deals.DealOpen {
		switch r := rng.IntN(100); {
		case r < 15:
			category = "commit"
		case r < 35:
			category = "best_case"
		case r < 40:
			category = "omitted"
		}
		if rng.IntN(100) < 30 {
			manual = float64(2+rng.IntN(17)) * 0.05
			note = scaleJudgementNotes[rng.IntN(len(scaleJudgementNotes))]
		}
	}
	projects := cust.spec.projects
	name := fmt.Sprintf("%s — %s (S%d-%05d)", projects[rng.IntN(len(projects))], cust.spec.short, w.batch, i+1)
	rows.add("deals", []string{"id", "name", "customer_id", "segment", "team_id", "amount_minor", "currency", "target_close_date",
		"status", "status_reason", "template_id", "forecast_category", "manual_probability", "judgement_note", "created_at", "updated_at"},
		dealID, name, cust.id, string(t.segment), t.id, amount, currency, target,
		string(status), reason, t.template.ID, category, manual, note, created, created)
	for j, role := range []string{"pmo", "business", "solution"} {
		rows.add("deal_members", []string{"deal_id", "user_id", "role"}, dealID, t.members[j], role)
	}
	snapshot := map[string]any{"name": name, "customer_id": uuidString(cust.id), "segment": t.segment, "team_id": t.id,
		"amount_minor": amount, "currency": currency, "target_close_date": target.Format(deals.DateLayout), "status": "open", "status_reason": ""}
	w.activity(rows, dealID, created, pmo, "deal.created", "deal", dealID, nil, snapshot)

	// The plan, its dependencies and the kick-off baseline.
	ids := make([]pgtype.UUID, len(plan))
	for j := range plan {
		ids[j] = newUUID()
	}
	baselineID := newUUID()
	taken := created.Add(time.Hour)
	if taken.After(w.now) {
		taken = w.now
	}
	rows.add("baselines", []string{"id", "deal_id", "name", "reason", "taken_at", "taken_by", "committed"},
		baselineID, dealID, "Kick-off plan", "Agreed at internal initiation", taken, pmo, true)
	w.activity(rows, dealID, taken, pmo, "baseline.taken", "baseline", baselineID, nil,
		map[string]any{"name": "Kick-off plan", "reason": "Agreed at internal initiation"})
	byRole := map[deals.OwnerRole]pgtype.UUID{deals.RolePMO: pmo, deals.RoleBusiness: am, deals.RoleSolution: solution}
	var openGates []int
	var done []int
	for j, m := range plan {
		var completed any
		if m.CompletedOn != nil {
			completed = *m.CompletedOn
			if m.Status == deals.StatusDone {
				done = append(done, j)
			}
		}
		if m.Gate && !m.Finished() {
			openGates = append(openGates, j)
		}
		rows.add("milestones", []string{"id", "deal_id", "sequence", "key", "name", "name_zh", "owner_role", "assignee_id", "weight", "gate",
			"planned_start", "planned_due", "status", "status_reason", "completed_on", "exit_criteria", "exit_criteria_zh", "created_at", "updated_at"},
			ids[j], dealID, m.Sequence, m.Key, m.Name, m.NameZh, string(m.OwnerRole), byRole[m.OwnerRole], m.Weight, m.Gate,
			m.PlannedStart, m.PlannedDue, string(m.Status), m.StatusReason, completed, m.ExitCriteria, m.ExitCriteriaZh, created, created)
		for _, dep := range m.DependsOn {
			k, _ := strconv.Atoi(dep) // the template's index ids
			rows.add("milestone_dependencies", []string{"milestone_id", "depends_on_id"}, ids[j], ids[k])
		}
		rows.add("baseline_milestones", []string{"baseline_id", "milestone_id", "planned_start", "planned_due"},
			baselineID, ids[j], baseline[j][0], baseline[j][1])
		// Go at each passed bid gate; no-go where the deal was abandoned.
		isBid := m.Key == "bid_decision" || m.Key == "initiation"
		if isBid && m.Status == deals.StatusDone {
			rows.add("gate_decisions", []string{"deal_id", "milestone_id", "decision", "decided_by", "decided_on", "rationale", "created_at"},
				dealID, ids[j], "go", pmo, *m.CompletedOn, "Budget confirmed, we can win on the specification 预算确认，参数有利", created)
		}
		if j == bid && status == deals.DealAbandoned {
			rows.add("gate_decisions", []string{"deal_id", "milestone_id", "decision", "decided_by", "decided_on", "rationale", "created_at"},
				dealID, ids[j], "no_go", pmo, closedOn, reason, created)
		}
	}

	// The customer's people in this deal.
	w.stakeholders(rows, dealID, cust, status, created, closedOn, pmo, am, ids, openGates)

	// Retrospectives at finished steps, with actions.
	if len(done) >= 2 && rng.IntN(100) < 35 {
		retros := 1
		if rng.IntN(100) < 25 {
			retros = 2
		}
		for range retros {
			at := done[rng.IntN(len(done))]
			held := plan[at].CompletedOn.AddDate(0, 0, 1+rng.IntN(5))
			if held.After(today) {
				held = today
			}
			text := scaleRetros[rng.IntN(len(scaleRetros))]
			outcome := "on_track"
			switch r := rng.IntN(100); {
			case r < 20:
				outcome = "off_track"
			case r < 55:
				outcome = "at_risk"
			}
			retroID := newUUID()
			heldAt := time.Date(held.Year(), held.Month(), held.Day(), 16, 0, 0, 0, time.UTC)
			if heldAt.After(w.now) {
				heldAt = w.now
			}
			rows.add("retrospectives", []string{"id", "deal_id", "milestone_id", "held_on", "planned", "happened", "gap_cause", "next",
				"outcome", "created_by", "created_at", "updated_at"},
				retroID, dealID, ids[at], held, text.planned, text.happened, text.gap, text.next, outcome, pmo, heldAt, heldAt)
			w.activity(rows, dealID, heldAt, pmo, "retrospective.created", "retrospective", retroID, nil,
				map[string]any{"held_on": held.Format(deals.DateLayout), "outcome": outcome})
			for range 1 + rng.IntN(3) {
				due := held.AddDate(0, 0, 5+rng.IntN(17))
				state := "open"
				if due.Before(today) && rng.IntN(100) < 65 {
					state = "done"
				}
				owner := []pgtype.UUID{pmo, am, solution}[rng.IntN(3)]
				rows.add("retrospective_actions", []string{"retrospective_id", "title", "owner_id", "due_on", "status", "created_at", "updated_at"},
					retroID, scaleActionTitles[rng.IntN(len(scaleActionTitles))], owner, due, state, heldAt, heldAt)
			}
		}
	}
}

// stakeholders gives a deal 4–10 of its customer's people (the decision maker in nine
// deals of ten), some with a change of stance in their history, next steps on open deals
// (some overdue) and the decision makers and economic buyers linked to the next gate.
func (w *scaleWorld) stakeholders(rows *scaleRows, dealID pgtype.UUID, cust *scaleCustomer, status deals.DealStatus,
	created, closedOn time.Time, pmo, am pgtype.UUID, milestones []pgtype.UUID, openGates []int) {
	rng, today := w.rng, w.today
	k := min(4+rng.IntN(7), len(cust.contacts))
	order := rng.Perm(len(cust.contacts))
	withDM := rng.IntN(100) < 90
	picked := make([]scaleContact, 0, k)
	for _, idx := range order { // the decision maker first, or not at all
		if c := cust.contacts[idx]; c.role == "decision_maker" && withDM && len(picked) == 0 {
			picked = append(picked, c)
		}
	}
	for _, idx := range order {
		if len(picked) == k {
			break
		}
		if c := cust.contacts[idx]; c.role != "decision_maker" {
			picked = append(picked, c)
		}
	}
	stances := []string{"champion", "supporter", "neutral", "skeptic", "blocker"}
	stanceWeights := []int{12, 30, 33, 15, 10}
	for _, c := range picked {
		id := newUUID()
		owner := am
		if rng.IntN(5) == 0 {
			owner = pmo
		}
		stance := stances[weighted(rng, stanceWeights)]
		influence := max(1, c.influence-rng.IntN(2))
		var lastContact time.Time
		var nextStep string
		var nextDue any
		if status == deals.DealOpen {
			lastContact = today.AddDate(0, 0, -int(math.Min(120, rng.ExpFloat64()*18)))
			if rng.IntN(100) < 85 {
				nextStep = scaleNextSteps[rng.IntN(len(scaleNextSteps))]
				nextDue = today.AddDate(0, 0, rng.IntN(57)-21)
			}
		} else {
			lastContact = closedOn.AddDate(0, 0, -rng.IntN(30))
		}
		at := created.Add(time.Duration(1+rng.IntN(72)) * time.Hour)
		if at.After(w.now) {
			at = w.now
		}
		rows.add("stakeholders", []string{"id", "deal_id", "contact_id", "decision_role", "influence", "stance", "relationship_strength",
			"owner_id", "last_contact_on", "next_step", "next_step_due", "created_at", "updated_at"},
			id, dealID, c.id, c.role, influence, stance, 1+rng.IntN(5), owner, lastContact, nextStep, nextDue, at, at)
		if len(openGates) > 0 && (c.role == "decision_maker" || c.role == "economic_buyer") {
			rows.add("stakeholder_milestones", []string{"stakeholder_id", "milestone_id"}, id, milestones[openGates[0]])
		} else if len(openGates) > 0 && rng.IntN(3) == 0 {
			rows.add("stakeholder_milestones", []string{"stakeholder_id", "milestone_id"}, id, milestones[openGates[rng.IntN(len(openGates))]])
		}
		// Half of them changed their stance once to three times since the deal began: the
		// history runs from the stance first met to the one held now.
		if rng.IntN(2) == 0 {
			changes := 1 + rng.IntN(3)
			chain := make([]string, changes+1)
			chain[changes] = stance
			for j := changes - 1; j >= 0; j-- {
				for {
					chain[j] = stances[weighted(rng, stanceWeights)]
					if chain[j] != chain[j+1] {
						break
					}
				}
			}
			span := w.now.Sub(at)
			for j := range changes {
				when := at.Add(span * time.Duration(j+1) / time.Duration(changes+1))
				change := map[string]any{"stance": map[string]any{"from": chain[j], "to": chain[j+1]}}
				if j == changes-1 && nextStep != "" && rng.IntN(2) == 0 {
					change["next_step"] = map[string]any{"from": "Follow-up meeting 跟进拜访", "to": nextStep}
				}
				rows.add("stakeholder_history", []string{"stakeholder_id", "at", "actor_id", "changes", "note"},
					id, when, owner, mustJSON(change), scaleHistoryNotes[rng.IntN(len(scaleHistoryNotes))])
				w.activity(rows, dealID, when, owner, "stakeholder.updated", "stakeholder", id, change, c.name)
			}
		}
	}
}

// activity writes one line of the deal's activity trail.
func (w *scaleWorld) activity(rows *scaleRows, dealID pgtype.UUID, at time.Time, actor pgtype.UUID, action, entityType string,
	entityID pgtype.UUID, before, after any) {
	var b, a any
	if before != nil {
		b = mustJSON(before)
	}
	if after != nil {
		a = mustJSON(after)
	}
	rows.add("deal_activity", []string{"deal_id", "at", "actor_id", "action", "entity_type", "entity_id", "before", "after"},
		dealID, at, actor, action, entityType, entityID, b, a)
}

// pickTeam draws a selling team by its share of the deals.
func (w *scaleWorld) pickTeam() scaleTeam {
	weights := make([]int, len(w.teams))
	for i, t := range w.teams {
		weights[i] = t.weight
	}
	return w.teams[weighted(w.rng, weights)]
}

// pickCustomer draws a customer of the pool, the first ones (the larger accounts) more
// often than the last.
func (w *scaleWorld) pickCustomer(pool string) *scaleCustomer {
	cs := w.customers[pool]
	return cs[int(math.Pow(w.rng.Float64(), 1.6)*float64(len(cs)))]
}

func weighted(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	r := rng.IntN(total)
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}

// applyMoves returns plan with the moves' dates.
func applyMoves(plan []deals.Milestone, moves []deals.Move) []deals.Milestone {
	at := map[string]int{}
	for i, m := range plan {
		at[m.ID] = i
	}
	for _, mv := range moves {
		plan[at[mv.MilestoneID]].PlannedStart, plan[at[mv.MilestoneID]].PlannedDue = mv.ToStart, mv.ToDue
	}
	return plan
}

func newUUID() pgtype.UUID { return pgtype.UUID{Bytes: uuid.New(), Valid: true} }

func pgUUID(s string) (pgtype.UUID, error) {
	u, err := uuid.Parse(s)
	return pgtype.UUID{Bytes: u, Valid: err == nil}, err
}

func uuidString(u pgtype.UUID) string { return uuid.UUID(u.Bytes).String() }

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings and numbers always encode
	}
	return b
}

// scaleRows collects the rows of one chunk per table, in the order the tables are first
// written to (parents before children), for COPY.
type scaleRows struct {
	order  []string
	tables map[string]*scaleTable
}

type scaleTable struct {
	columns []string
	rows    [][]any
}

func (s *scaleRows) add(table string, columns []string, values ...any) {
	if s.tables == nil {
		s.tables = map[string]*scaleTable{}
	}
	t, ok := s.tables[table]
	if !ok {
		t = &scaleTable{columns: columns}
		s.tables[table] = t
		s.order = append(s.order, table)
	}
	t.rows = append(t.rows, values)
}

func (s *scaleRows) count(table string) int {
	if t, ok := s.tables[table]; ok {
		return len(t.rows)
	}
	return 0
}

// copy writes the rows, table by table, with COPY.
func (s *scaleRows) copy(ctx context.Context, tx pgx.Tx) error {
	for _, table := range s.scaleOrder() {
		t := s.tables[table]
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, t.columns, pgx.CopyFromRows(t.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	return nil
}

// scaleTableOrder is the order foreign keys need.
var scaleTableOrder = []string{"contacts", "deals", "deal_members", "milestones", "milestone_dependencies", "baselines",
	"baseline_milestones", "gate_decisions", "stakeholders", "stakeholder_milestones", "stakeholder_history",
	"retrospectives", "retrospective_actions", "deal_activity", "forecast_snapshots", "deal_snapshots"}

func (s *scaleRows) scaleOrder() []string {
	out := make([]string, 0, len(s.order))
	for _, t := range scaleTableOrder {
		if _, ok := s.tables[t]; ok {
			out = append(out, t)
		}
	}
	return out
}
