package repository

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/targets"
)

// DemoBoardReport says what SeedDemoBoard added; a second run adds nothing.
type DemoBoardReport struct {
	DealsCreated   int
	RatesCreated   int
	TargetsCreated int
}

// demoBoardDeals are deals added for the board: key accounts sold in US dollars (the
// demo's second currency) and CNY deals of each region, closing in the current
// (quarter 0) or next (quarter 1) fiscal quarter, so that the current quarter has deals
// to win or lose (the demo's other deals close later).
var demoBoardDeals = []struct {
	name     string
	customer string // the start of its name in demoCustomers, which says the team
	amount   int64
	currency string
	quarter  int
	months   int // kicked off this many months ago
}{
	{"Overseas LNG terminal monitoring 海外LNG接收站监测", "China Huaneng", 1_800_000_00, "USD", 0, 5},
	{"Hong Kong treasury analytics 香港资金业务分析", "China Merchants Securities", 950_000_00, "USD", 0, 6},
	{"Singapore branch data platform 新加坡分行数据平台", "Bank of Ningbo", 2_400_000_00, "USD", 1, 4},
	{"Municipal e-invoice platform 市级电子发票平台", "Beijing Municipal", 8_600_000_00, "CNY", 0, 6},
	{"Port customs data exchange 港口海关数据交换", "Tianjin Port", 5_200_000_00, "CNY", 0, 6},
	{"Campus safety video network 校园安全视频网络", "Zhejiang Education", 12_400_000_00, "CNY", 0, 7},
	{"Park enterprise service hub 园区企业服务中心", "Suzhou Industrial Park", 3_900_000_00, "CNY", 0, 5},
	{"Refinery energy optimisation 炼化能效优化", "Sinopec", 7_500_000_00, "CNY", 0, 6},
	{"Branch digital onboarding 网点数字化开户", "Huzhou Rural", 4_300_000_00, "CNY", 0, 5},
}

// demoUSDRates are USD rates (CNY per USD) of the current and next fiscal quarter.
var demoUSDRates = [2]string{"7.12", "7.18"}

// SeedDemoBoard gives the demo what its board needs, after SeedDemo: the settings (CNY,
// stored with defaults if there are none), USD rates and three USD deals for the current
// and next fiscal quarter, and targets for both quarters for the company and every team,
// set so that top-down and bottom-up do not quite agree: Government Business asks less
// than its regions took on, Key Accounts more, and the company more than both. The
// current quarter's targets sit above what the deals closing in it can bring without
// nearly all of them (a quarter at risk); the next quarter's are within reach. Targets
// are only added when the reporting currency is CNY (the demo's deals are priced in it).
// Idempotent: what exists is left as it is.
func SeedDemoBoard(ctx context.Context, db *gorm.DB, defaults targets.Settings) (DemoBoardReport, error) {
	var report DemoBoardReport
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		report, err = seedDemoBoard(ctx, tx, defaults, time.Now().UTC())
		return err
	})
	if err != nil {
		return DemoBoardReport{}, fmt.Errorf("seed demo board: %w", err)
	}
	return report, nil
}

func seedDemoBoard(ctx context.Context, tx *gorm.DB, defaults targets.Settings, now time.Time) (DemoBoardReport, error) {
	var report DemoBoardReport
	store := NewTargets(tx)
	if defaults.ReportingCurrency == "" {
		defaults.ReportingCurrency = targets.DefaultReportingCurrency
	}
	settings, err := store.Settings(ctx, defaults)
	if err != nil {
		return report, err
	}
	if settings.ReportingCurrency != "CNY" {
		return report, nil
	}
	svc := &targets.Service{Store: store, Teams: NewTeams(tx), Defaults: defaults}
	seeded := identity.Actor{IP: "demo seed"}
	quarters := [2]string{targets.QuarterOf(now, settings.FiscalYearStartMonth), targets.NextQuarter(now, settings.FiscalYearStartMonth)}
	periods := [2]deals.Period{}
	for i, q := range quarters {
		if periods[i], err = deals.ParsePeriod(q, settings.FiscalYearStartMonth); err != nil {
			return report, err
		}
	}

	// USD rates of both quarters.
	for i, q := range quarters {
		existing, err := store.RatesOf(ctx, q)
		if err != nil {
			return report, err
		}
		if len(existing) > 0 {
			continue
		}
		if _, err := svc.CreateRate(ctx, seeded, targets.FXRate{Period: q, Currency: "USD", Rate: demoUSDRates[i]}); err != nil {
			return report, err
		}
		report.RatesCreated++
	}

	// The deals closing in these quarters.
	teamIDs := map[string]string{}
	for _, path := range demoTeams {
		id, _, err := ensureTeam(ctx, NewTeams(tx), teamIDs, path)
		if err != nil {
			return report, err
		}
		teamIDs[path] = id
	}
	if report.DealsCreated, err = seedDemoBoardDeals(ctx, tx, teamIDs, periods, now); err != nil {
		return report, err
	}

	// Targets from what each region's deals closing in the quarter could bring (CNY).
	for i, q := range quarters {
		n, err := seedDemoTargets(ctx, tx, svc, seeded, teamIDs, q, periods[i], i == 0)
		if err != nil {
			return report, err
		}
		report.TargetsCreated += n
	}
	return report, nil
}

func seedDemoBoardDeals(ctx context.Context, tx *gorm.DB, teamIDs map[string]string, periods [2]deals.Period, now time.Time) (int, error) {
	if err := EnsureBuiltinTemplates(ctx, tx); err != nil {
		return 0, err
	}
	store := NewDeals(tx)
	svc := &deals.Service{Store: store, Now: func() time.Time { return now }}
	templates, err := store.ListTemplates(ctx)
	if err != nil {
		return 0, err
	}
	templateID := map[string]string{}
	for _, t := range templates {
		templateID[t.Key] = t.ID
	}
	customerIDs, err := ensureDemoCustomers(ctx, tx, svc)
	if err != nil {
		return 0, err
	}
	users := NewUsers(tx)
	rng := rand.New(rand.NewPCG(2026, 12))
	created := 0
	for _, spec := range demoBoardDeals {
		var exists int64
		if err := tx.Model(&dealRow{}).Where("name = ?", spec.name).Count(&exists).Error; err != nil {
			return 0, err
		}
		if exists > 0 {
			continue
		}
		ci := demoCustomerAt(spec.customer)
		team := demoDealTeams[0]
		for _, dt := range demoDealTeams {
			if dt.team == demoCustomers[ci].team {
				team = dt
			}
		}
		people := [3]string{team.pmo, team.am, team.solution} // pmo, business, solution
		members := []deals.Member{}
		for i, role := range []deals.OwnerRole{deals.RolePMO, deals.RoleBusiness, deals.RoleSolution} {
			u, err := users.UserByEmail(ctx, people[i])
			if err != nil {
				return 0, err
			}
			members = append(members, deals.Member{UserID: u.ID, Role: role})
		}
		pmo := deals.Actor{UserID: members[0].UserID}
		p := periods[spec.quarter]
		closeOn := p.From.AddDate(0, 2, 10) // in the quarter's last month
		start := deals.Day(now).AddDate(0, -spec.months, 0)
		tplID := templateID[team.template]
		d, err := svc.CreateDeal(ctx, pmo, deals.NewDealInput{TemplateID: &tplID, StartDate: &start, Deal: deals.Deal{
			Name: spec.name, CustomerID: customerIDs[ci], Segment: team.segment, TeamID: teamIDs[team.team],
			AmountMinor: spec.amount, Currency: spec.currency, TargetCloseDate: closeOn, Team: members}})
		if err != nil {
			return 0, fmt.Errorf("demo deal %s: %w", spec.name, err)
		}
		if err := progressDemoDeal(ctx, svc, pmo, d, now, rng); err != nil {
			return 0, fmt.Errorf("demo deal %s: %w", spec.name, err)
		}
		created++
	}
	if created == 0 {
		return 0, nil
	}
	// Their people, and the decision makers and economic buyers linked to each deal's next
	// gate: the board's focus list names who can move it.
	if err := seedDemoPeople(ctx, tx, customerIDs, now, rng); err != nil {
		return 0, err
	}
	names := make([]string, 0, len(demoBoardDeals))
	for _, spec := range demoBoardDeals {
		names = append(names, spec.name)
	}
	err = tx.Exec(`INSERT INTO stakeholder_milestones (stakeholder_id, milestone_id)
		SELECT s.id, ng.id FROM stakeholders s JOIN deals d ON d.id = s.deal_id
		JOIN LATERAL (SELECT m.id FROM milestones m WHERE m.deal_id = d.id AND m.gate AND m.status NOT IN ('done', 'skipped')
			ORDER BY m.sequence, m.id LIMIT 1) ng ON true
		WHERE d.name IN ? AND s.decision_role IN ('decision_maker', 'economic_buyer')
		ON CONFLICT DO NOTHING`, names).Error
	return created, translate(err, "demo board: people at the next gate")
}

// seedDemoTargets sets one quarter's targets: each region 110 % (at risk) or 90 % of
// what its open and won deals closing in the quarter are worth, at least ¥3m; Government
// Business 95 % of its regions' sum, Key Accounts 108 %, the company 105 % of both.
func seedDemoTargets(ctx context.Context, tx *gorm.DB, svc *targets.Service, a identity.Actor, teamIDs map[string]string,
	quarter string, p deals.Period, atRisk bool) (int, error) {
	existing, err := svc.Store.TargetsOf(ctx, quarter)
	if err != nil {
		return 0, err
	}
	has := map[string]bool{}
	for _, t := range existing {
		key := ""
		if t.TeamID != nil {
			key = *t.TeamID
		}
		has[key] = true
	}
	missing := !has[""]
	for _, path := range demoTeams {
		missing = missing || !has[teamIDs[path]]
	}
	if !missing {
		return 0, nil // set by an earlier run (or an admin): the deals added since do not move them
	}
	var rows []struct {
		TeamID      string
		Currency    string
		AmountMinor int64
	}
	err = tx.Model(&dealRow{}).Select("team_id, currency, sum(amount_minor) AS amount_minor").
		Where("status IN ('open', 'won') AND target_close_date >= ? AND target_close_date < ?", p.From, p.To).
		Group("team_id, currency").Scan(&rows).Error
	if err != nil {
		return 0, translate(err, "demo deals of the quarter")
	}
	// The quarter's stored rates (the demo's USD rate, and those of any other currency
	// the deals closing in it are priced in, such as SeedScale's).
	conv, err := svc.Converter(ctx, quarter)
	if err != nil {
		return 0, err
	}
	pipeline := map[string]int64{}
	for _, r := range rows {
		cny, err := conv.Convert(r.AmountMinor, r.Currency, quarter)
		if err != nil {
			return 0, err
		}
		pipeline[r.TeamID] += cny
	}
	factor := 0.9
	if atRisk {
		factor = 1.1
	}
	round := func(v float64) int64 { return int64(v/10_000_000+0.5) * 10_000_000 } // to ¥100k
	amounts := map[string]int64{}
	regions := map[string][]string{
		"Government Business": {"Government Business/North China", "Government Business/East China"},
		"Key Accounts":        {"Key Accounts/Energy", "Key Accounts/Finance"},
	}
	parentFactor := map[string]float64{"Government Business": 0.95, "Key Accounts": 1.08}
	var roots int64
	for parent, children := range regions {
		var sum int64
		for _, child := range children {
			amounts[child] = max(round(float64(pipeline[teamIDs[child]])*factor), 3_000_000_00)
			sum += amounts[child]
		}
		amounts[parent] = round(float64(sum) * parentFactor[parent])
		roots += amounts[parent]
	}
	created := 0
	set := func(teamID *string, amount int64) error {
		key := ""
		if teamID != nil {
			key = *teamID
		}
		if has[key] {
			return nil
		}
		_, err := svc.CreateTarget(ctx, a, targets.Target{Period: quarter, TeamID: teamID, AmountMinor: amount, Currency: "CNY"})
		if err == nil {
			created++
		}
		return err
	}
	if err := set(nil, round(float64(roots)*1.05)); err != nil {
		return 0, err
	}
	for _, path := range demoTeams {
		id := teamIDs[path]
		if err := set(&id, amounts[path]); err != nil {
			return 0, err
		}
	}
	return created, nil
}
