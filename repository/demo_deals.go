package repository

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"
)

// demoCustomer is one of the demo organisation's accounts and the team that sells to it:
// government bodies buy through public procurement (the Government Business regions by
// where they sit), energy groups, banks, insurers and securities firms are key accounts.
type demoCustomer struct {
	deals.Customer
	team string
}

// demoCustomers are the demo organisation's accounts.
var demoCustomers = []demoCustomer{
	{deals.Customer{Name: "Beijing Municipal Bureau of Big Data 北京市大数据中心", Kind: "government", Region: "Beijing", Industry: "Government"}, "Government Business/North China"},
	{deals.Customer{Name: "Hebei Provincial Health Commission 河北省卫健委", Kind: "government", Region: "Hebei", Industry: "Healthcare"}, "Government Business/North China"},
	{deals.Customer{Name: "Tianjin Port Authority 天津港管理局", Kind: "government", Region: "Tianjin", Industry: "Transport"}, "Government Business/North China"},
	{deals.Customer{Name: "Hebei Provincial Department of Education 河北省教育厅", Kind: "government", Region: "Hebei", Industry: "Education"}, "Government Business/North China"},
	{deals.Customer{Name: "Shanghai Pudong Emergency Bureau 浦东新区应急管理局", Kind: "government", Region: "Shanghai", Industry: "Public safety"}, "Government Business/East China"},
	{deals.Customer{Name: "Zhejiang Education Department 浙江省教育厅", Kind: "government", Region: "Zhejiang", Industry: "Education"}, "Government Business/East China"},
	{deals.Customer{Name: "Jiangsu Water Resources Department 江苏省水利厅", Kind: "government", Region: "Jiangsu", Industry: "Utilities"}, "Government Business/East China"},
	{deals.Customer{Name: "Suzhou Industrial Park Administration 苏州工业园区管委会", Kind: "government", Region: "Jiangsu", Industry: "Government"}, "Government Business/East China"},
	{deals.Customer{Name: "Zhejiang Provincial Health Commission 浙江省卫健委", Kind: "government", Region: "Zhejiang", Industry: "Healthcare"}, "Government Business/East China"},
	{deals.Customer{Name: "State Grid Shandong 国网山东电力", Kind: "state_owned", Region: "Shandong", Industry: "Energy"}, "Key Accounts/Energy"},
	{deals.Customer{Name: "China Huaneng Clean Energy 华能清洁能源", Kind: "state_owned", Region: "Beijing", Industry: "Energy"}, "Key Accounts/Energy"},
	{deals.Customer{Name: "Sinopec Zhenhai Refining 镇海炼化", Kind: "state_owned", Region: "Zhejiang", Industry: "Energy"}, "Key Accounts/Energy"},
	{deals.Customer{Name: "Bank of Ningbo 宁波银行", Kind: "enterprise", Region: "Zhejiang", Industry: "Finance"}, "Key Accounts/Finance"},
	{deals.Customer{Name: "Ping An Property & Casualty 平安产险", Kind: "enterprise", Region: "Guangdong", Industry: "Finance"}, "Key Accounts/Finance"},
	{deals.Customer{Name: "China Merchants Securities 招商证券", Kind: "state_owned", Region: "Guangdong", Industry: "Finance"}, "Key Accounts/Finance"},
	{deals.Customer{Name: "Huzhou Rural Commercial Bank 湖州农商银行", Kind: "enterprise", Region: "Zhejiang", Industry: "Finance"}, "Key Accounts/Finance"},
}

// demoCustomerAt is the index in demoCustomers of the customer whose name starts with
// prefix (the demo's tables name customers by it; a test checks every one is found).
func demoCustomerAt(prefix string) int {
	for i, c := range demoCustomers {
		if strings.HasPrefix(c.Name, prefix) {
			return i
		}
	}
	panic("no demo customer " + prefix)
}

// demoDeal is one of the demo's deals: its name (English and Chinese, as the demo's
// customers and people are named), its customer (by name) and, for the five that tell
// one, its story (demo_stories.go). Its team, segment and template are its customer's.
type demoDeal struct {
	name     string
	customer string
	story    DemoStory
}

// demoDeals are the demo's 32 deals, eight per selling team, each name used once.
var demoDeals = []demoDeal{
	{"City data platform phase II 城市数据平台二期", "Beijing Municipal", StoryHealthy},
	{"Regional health information platform 区域卫生信息平台", "Zhejiang Provincial Health", StoryChampionLost},
	{"Wind farm predictive maintenance 风电场预测性维护", "China Huaneng", StoryOffTrack},
	{"Core banking data warehouse 核心银行数据仓库", "Bank of Ningbo", ""},
	{"Provincial education cloud 省级教育云平台", "Hebei Provincial Department of Education", StoryBlocked},
	{"Emergency command system upgrade 应急指挥系统升级", "Shanghai Pudong", ""},
	{"Substation digital twin 变电站数字孪生", "State Grid Shandong", ""},
	{"Claims automation programme 理赔自动化项目", "Ping An", ""},
	{"Smart port operations centre 智慧港口运营中心", "Tianjin Port", StorySlipped},
	{"Flood monitoring network 洪水监测网络", "Jiangsu Water", ""},
	{"Refinery safety monitoring 炼化安全监测", "Sinopec", ""},
	{"Trading risk engine 交易风险引擎", "China Merchants Securities", ""},
	{"Government data sharing exchange 政务数据共享交换平台", "Beijing Municipal", ""},
	{"One-stop government services portal 一网通办政务服务门户", "Suzhou Industrial Park", ""},
	{"Grid fault prediction 电网故障预测", "State Grid Shandong", ""},
	{"Rural credit scoring platform 农村信用评分平台", "Huzhou Rural", ""},
	{"Hospital interconnection platform 医院互联互通平台", "Hebei Provincial Health", ""},
	{"Hazard monitoring platform 危险源监测平台", "Shanghai Pudong", ""},
	{"Solar fleet monitoring 光伏电站集中监控", "China Huaneng", ""},
	{"Anti-fraud analytics 反欺诈分析", "Bank of Ningbo", ""},
	{"Container yard scheduling system 集装箱堆场调度系统", "Tianjin Port", ""},
	{"Exam management system 考试管理系统", "Zhejiang Education", ""},
	{"Pipeline integrity platform 管道完整性管理平台", "Sinopec", ""},
	{"Agent sales platform 代理人销售平台", "Ping An", ""},
	{"Public health surveillance system 公共卫生监测系统", "Hebei Provincial Health", ""},
	{"Reservoir dispatch system 水库调度系统", "Jiangsu Water", ""},
	{"Meter data platform 用电信息采集平台", "State Grid Shandong", ""},
	{"Market data platform 行情数据平台", "China Merchants Securities", ""},
	{"Smart campus network 智慧校园网络", "Hebei Provincial Department of Education", ""},
	{"Enterprise credit platform 企业信用平台", "Suzhou Industrial Park", ""},
	{"Carbon accounting platform 碳排放核算平台", "China Huaneng", ""},
	{"Mobile banking upgrade 手机银行升级", "Huzhou Rural", ""},
}

// demoDealTeams say where each segment's deals live, with their deal-team users.
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
	for _, spec := range demoDeals {
		ci := demoCustomerAt(spec.customer)
		name := spec.name
		team := demoDealTeams[0]
		for _, t := range demoDealTeams {
			if t.team == demoCustomers[ci].team {
				team = t
			}
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
		story, isStory := spec.story, spec.story != ""
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
			err = playDemoStory(ctx, tx, svc, pmo, d, ci, story, now)
		} else {
			err = progressDemoDeal(ctx, svc, pmo, d, now, rng)
		}
		if err != nil {
			return 0, fmt.Errorf("demo deal %s: %w", name, err)
		}
		created++
	}
	return created, seedDemoPeople(ctx, tx, customerIDs, now, rng)
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
	for _, dc := range demoCustomers {
		c := dc.Customer
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
