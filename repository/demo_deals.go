package repository

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
)

// demoCustomers are the demo organisation's accounts.
var demoCustomers = []deals.Customer{
	{Name: "Beijing Municipal Bureau of Big Data 北京市大数据中心", Kind: "government", Region: "Beijing", Industry: "Government"},
	{Name: "Hebei Provincial Health Commission 河北省卫健委", Kind: "government", Region: "Hebei", Industry: "Healthcare"},
	{Name: "Tianjin Port Authority 天津港管理局", Kind: "government", Region: "Tianjin", Industry: "Transport"},
	{Name: "Shanghai Pudong Emergency Bureau 浦东新区应急管理局", Kind: "government", Region: "Shanghai", Industry: "Public safety"},
	{Name: "Zhejiang Education Department 浙江省教育厅", Kind: "government", Region: "Zhejiang", Industry: "Education"},
	{Name: "Jiangsu Water Resources Department 江苏省水利厅", Kind: "government", Region: "Jiangsu", Industry: "Utilities"},
	{Name: "Suzhou Industrial Park Administration 苏州工业园区管委会", Kind: "government", Region: "Jiangsu", Industry: "Government"},
	{Name: "State Grid Shandong 国网山东电力", Kind: "state_owned", Region: "Shandong", Industry: "Energy"},
	{Name: "China Huaneng Clean Energy 华能清洁能源", Kind: "state_owned", Region: "Beijing", Industry: "Energy"},
	{Name: "Sinopec Zhenhai Refining 镇海炼化", Kind: "state_owned", Region: "Zhejiang", Industry: "Energy"},
	{Name: "Bank of Ningbo 宁波银行", Kind: "enterprise", Region: "Zhejiang", Industry: "Finance"},
	{Name: "Ping An Property & Casualty 平安产险", Kind: "enterprise", Region: "Guangdong", Industry: "Finance"},
	{Name: "China Merchants Securities 招商证券", Kind: "state_owned", Region: "Guangdong", Industry: "Finance"},
	{Name: "Huzhou Rural Commercial Bank 湖州农商银行", Kind: "enterprise", Region: "Zhejiang", Industry: "Finance"},
}

// demoDealNames are paired with customers in turn; each name gets a segment from its team.
var demoDealNames = []string{
	"City data platform phase II", "Regional health information platform", "Smart port operations centre",
	"Emergency command system upgrade", "Provincial education cloud", "Flood monitoring network",
	"One-stop government services portal", "Substation digital twin", "Wind farm predictive maintenance",
	"Refinery safety monitoring", "Core banking data warehouse", "Claims automation programme",
	"Trading risk engine", "Rural credit scoring platform",
}

// demoTeamsBySegment say where each segment's deals live, with their deal-team users.
var demoDealTeams = []struct {
	team     string
	segment  deals.Segment
	template string
	pmo, am  string
	solution string
}{
	{"Government Business/North China", deals.SegmentG2B, "g2b", "pmo@summit.example", "am@summit.example", "solution@summit.example"},
	{"Government Business/East China", deals.SegmentG2B, "g2b", "east.pmo@summit.example", "am@summit.example", "solution@summit.example"},
	{"Key Accounts/Energy", deals.SegmentKeyAccount, "key_account", "ka.pmo@summit.example", "ka.am@summit.example", "solution@summit.example"},
	{"Key Accounts/Finance", deals.SegmentKeyAccount, "key_account", "ka.pmo@summit.example", "ka.am@summit.example", "solution@summit.example"},
}

// seedDemoDeals adds 32 deals across segments, teams and stages, each laid out from a
// built-in template, baselined at kick-off, progressed to today and — for most — slipped
// by a few weeks, as real plans are; then their stakeholders and retrospectives. Five of
// them tell a story (demo_stories.go: healthy, slipped, blocked, champion lost, off
// track) with the PMO's judgement beside it. It adds
// only deals whose names are missing, and people only to deals that have none.
func seedDemoDeals(ctx context.Context, tx *gorm.DB, teamIDs map[string]string, now time.Time) (int, error) {
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
	userID := func(email string) (string, error) {
		u, err := users.UserByEmail(ctx, email)
		return u.ID, err
	}
	rng := rand.New(rand.NewPCG(2026, 11)) // the same demo every time
	created := 0
	for i := range 32 {
		team := demoDealTeams[i%len(demoDealTeams)]
		ci := i % len(demoCustomers)
		name := demoDealNames[ci]
		if i >= len(demoCustomers) {
			name = fmt.Sprintf("%s (%d)", name, i/len(demoCustomers)+1)
		}
		var exists int64
		if err := tx.Model(&dealRow{}).Where("name = ?", name).Count(&exists).Error; err != nil {
			return 0, err
		}
		if exists > 0 {
			continue
		}
		members := []deals.Member{}
		for role, email := range map[deals.OwnerRole]string{deals.RolePMO: team.pmo, deals.RoleBusiness: team.am, deals.RoleSolution: team.solution} {
			id, err := userID(email)
			if err != nil {
				return 0, err
			}
			members = append(members, deals.Member{UserID: id, Role: role})
		}
		pmo := deals.Actor{UserID: members[0].UserID}
		for _, m := range members {
			if m.Role == deals.RolePMO {
				pmo.UserID = m.UserID
			}
		}
		tplID := templateID[team.template]
		start := deals.Day(now).AddDate(0, 0, -7*rng.IntN(40)) // kicked off up to 40 weeks ago
		amount := int64(2+rng.IntN(60)) * 500_000 * 100        // ¥1m–¥30m in fen
		story, isStory := demoStoryAt[i]
		if isStory {
			start = storyStart(story, now)
		}
		d, err := svc.CreateDeal(ctx, pmo, deals.NewDealInput{TemplateID: &tplID, StartDate: &start, Deal: deals.Deal{
			Name: name, CustomerID: customerIDs[ci], Segment: team.segment, TeamID: teamIDs[team.team], AmountMinor: amount,
			Currency: "CNY", TargetCloseDate: start.AddDate(0, 7+rng.IntN(5), 0), Team: members}})
		if err != nil {
			return 0, fmt.Errorf("demo deal %s: %w", name, err)
		}
		if isStory {
			err = playDemoStory(ctx, tx, svc, pmo, d, story, now)
		} else {
			err = progressDemoDeal(ctx, svc, pmo, d, now, rng)
		}
		if err != nil {
			return 0, fmt.Errorf("demo deal %s: %w", name, err)
		}
		created++
	}
	return created, seedDemoPeople(ctx, tx, now, rng)
}

// progressDemoDeal baselines the plan, slips it by 0–25 days at a random open step, and
// marks done (or skipped) what lies in the past.
func progressDemoDeal(ctx context.Context, svc *deals.Service, a deals.Actor, d deals.Deal, now time.Time, rng *rand.Rand) error {
	if _, err := svc.TakeBaseline(ctx, a, d.ID, "Kick-off plan", "Agreed at internal initiation"); err != nil {
		return err
	}
	plan, err := svc.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	if slip := rng.IntN(26); slip > 3 {
		m := plan[rng.IntN(len(plan)/2+1)]
		if _, err := svc.ApplyReschedule(ctx, a, m.ID, m.Version, m.PlannedStart, m.PlannedDue.AddDate(0, 0, slip)); err != nil {
			return err
		}
		if plan, err = svc.Plan(ctx, d.ID); err != nil {
			return err
		}
	}
	today := deals.Day(now)
	for _, m := range plan {
		if !m.PlannedDue.Before(today) {
			if !m.PlannedStart.After(today) {
				_, err := svc.UpdateMilestone(ctx, a, m.ID, m.Version, deals.MilestonePatch{Status: &deals.StatusChange{To: deals.StatusInProgress}})
				if err != nil {
					return err
				}
			}
			break
		}
		to := deals.StatusDone
		if m.Key == "intention_published" && rng.IntN(3) == 0 {
			to = deals.StatusSkipped
		}
		done := m.PlannedDue
		if _, err := svc.UpdateMilestone(ctx, a, m.ID, m.Version, deals.MilestonePatch{Status: &deals.StatusChange{To: to, CompletedOn: &done}}); err != nil {
			return err
		}
	}
	return closeDemoDeal(ctx, svc, a, d, rng)
}

// closeDemoDeal wins deals whose contract gate is done and ends a few others.
func closeDemoDeal(ctx context.Context, svc *deals.Service, a deals.Actor, d deals.Deal, rng *rand.Rand) error {
	plan, err := svc.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	var req *deals.StatusRequest
	for _, m := range plan {
		if m.Key == deals.KeyContractSigned && m.Status == deals.StatusDone {
			req = &deals.StatusRequest{To: deals.DealWon}
		}
	}
	if req == nil {
		switch rng.IntN(10) {
		case 0:
			req = &deals.StatusRequest{To: deals.DealLost, Reason: "Competitor won the tender on price"}
		case 1:
			req = &deals.StatusRequest{To: deals.DealAbandoned, Reason: "No-go at the bid decision: specification favours a rival"}
		}
	}
	if req == nil {
		return nil
	}
	current, err := svc.Deal(ctx, d.ID)
	if err != nil {
		return err
	}
	_, err = svc.UpdateDeal(ctx, a, d.ID, current.Version, deals.DealPatch{Status: req})
	return err
}

func ensureDemoCustomers(ctx context.Context, tx *gorm.DB, svc *deals.Service) ([]string, error) {
	ids := make([]string, 0, len(demoCustomers))
	for _, c := range demoCustomers {
		var row customerRow
		err := tx.Where("kind = ? AND lower(name) = lower(?)", c.Kind, c.Name).Take(&row).Error
		if err == nil {
			ids = append(ids, row.ID)
			continue
		}
		if err != gorm.ErrRecordNotFound {
			return nil, err
		}
		created, err := svc.CreateCustomer(ctx, c)
		if err != nil {
			return nil, err
		}
		ids = append(ids, created.ID)
	}
	return ids, nil
}
