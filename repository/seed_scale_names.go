package repository

import (
	"fmt"
	"math/rand/v2"

	"summit/domain/deals"
)

// The generated organisation of SeedScale: its customers, their people and the texts its
// deals, reviews and history are written in. Everything is bilingual, as the demo is.

// scaleCity is a city or province with its Chinese name.
type scaleCity struct{ en, zh, province string }

var scaleCities = []scaleCity{
	{"Beijing", "北京市", "Beijing"}, {"Shanghai", "上海市", "Shanghai"}, {"Tianjin", "天津市", "Tianjin"},
	{"Chongqing", "重庆市", "Chongqing"}, {"Hangzhou", "杭州市", "Zhejiang"}, {"Ningbo", "宁波市", "Zhejiang"},
	{"Wenzhou", "温州市", "Zhejiang"}, {"Nanjing", "南京市", "Jiangsu"}, {"Suzhou", "苏州市", "Jiangsu"},
	{"Wuxi", "无锡市", "Jiangsu"}, {"Hefei", "合肥市", "Anhui"}, {"Jinan", "济南市", "Shandong"},
	{"Qingdao", "青岛市", "Shandong"}, {"Shijiazhuang", "石家庄市", "Hebei"}, {"Baoding", "保定市", "Hebei"},
	{"Taiyuan", "太原市", "Shanxi"}, {"Zhengzhou", "郑州市", "Henan"}, {"Wuhan", "武汉市", "Hubei"},
	{"Changsha", "长沙市", "Hunan"}, {"Nanchang", "南昌市", "Jiangxi"}, {"Fuzhou", "福州市", "Fujian"},
	{"Xiamen", "厦门市", "Fujian"}, {"Guangzhou", "广州市", "Guangdong"}, {"Shenzhen", "深圳市", "Guangdong"},
	{"Dongguan", "东莞市", "Guangdong"}, {"Chengdu", "成都市", "Sichuan"}, {"Xi'an", "西安市", "Shaanxi"},
	{"Shenyang", "沈阳市", "Liaoning"}, {"Dalian", "大连市", "Liaoning"}, {"Harbin", "哈尔滨市", "Heilongjiang"},
}

// scaleAgency is a government body, the industry it is filed under and what it buys.
type scaleAgency struct {
	en, zh, industry string
	projects         []string
}

var scaleAgencies = []scaleAgency{
	{"Big Data Bureau", "大数据局", "Government", []string{"City data platform", "Data sharing exchange", "One-stop services portal"}},
	{"Health Commission", "卫生健康委员会", "Healthcare", []string{"Regional health information platform", "Hospital interconnection", "Public health surveillance"}},
	{"Education Bureau", "教育局", "Education", []string{"Education cloud", "Smart campus network", "Exam management system"}},
	{"Water Resources Bureau", "水务局", "Utilities", []string{"Flood monitoring network", "Smart water metering", "Reservoir dispatch system"}},
	{"Emergency Management Bureau", "应急管理局", "Public safety", []string{"Emergency command system", "Hazard monitoring platform", "Disaster early warning"}},
	{"Public Security Bureau", "公安局", "Public safety", []string{"Video analytics platform", "Case management system", "Traffic control centre"}},
	{"Transport Bureau", "交通运输局", "Transport", []string{"Traffic operations centre", "Bus network optimisation", "Road maintenance system"}},
	{"Human Resources and Social Security Bureau", "人力资源和社会保障局", "Government", []string{"Social insurance system", "Employment services portal"}},
	{"Market Regulation Administration", "市场监督管理局", "Government", []string{"Food safety traceability", "Enterprise credit platform"}},
	{"Ecology and Environment Bureau", "生态环境局", "Environment", []string{"Air quality monitoring", "Pollution source platform"}},
	{"Natural Resources Bureau", "自然资源局", "Government", []string{"Land registry digitisation", "Spatial planning platform"}},
	{"Housing and Urban-Rural Development Bureau", "住房和城乡建设局", "Construction", []string{"Construction permit system", "City information model"}},
	{"Finance Bureau", "财政局", "Government", []string{"Budget management system", "E-invoice platform"}},
	{"Taxation Bureau", "税务局", "Government", []string{"Tax risk analytics", "E-tax service hall"}},
	{"Civil Affairs Bureau", "民政局", "Government", []string{"Elderly care platform", "Social assistance system"}},
	{"Agriculture and Rural Affairs Bureau", "农业农村局", "Agriculture", []string{"Smart agriculture platform", "Farmland monitoring"}},
	{"Culture and Tourism Bureau", "文化和旅游局", "Tourism", []string{"Smart tourism platform", "Museum digitisation"}},
	{"Government Services Administration", "政务服务管理局", "Government", []string{"Government services portal", "Approval workflow platform"}},
	{"Medical Security Bureau", "医疗保障局", "Healthcare", []string{"Medical insurance settlement", "Fraud detection platform"}},
	{"Statistics Bureau", "统计局", "Government", []string{"Statistics data warehouse", "Census processing system"}},
}

// scaleGroup is a state-owned or private group whose provincial companies are key accounts.
type scaleGroup struct {
	en, zh, kind, industry string
	projects               []string
}

var scaleEnergyGroups = []scaleGroup{
	{"State Grid", "国网", "state_owned", "Energy", []string{"Substation digital twin", "Grid fault prediction", "Meter data platform"}},
	{"China Southern Power Grid", "南方电网", "state_owned", "Energy", []string{"Distribution automation", "Power trading platform"}},
	{"China Huaneng", "华能", "state_owned", "Energy", []string{"Wind farm predictive maintenance", "Plant safety monitoring"}},
	{"China Datang", "大唐", "state_owned", "Energy", []string{"Thermal plant optimisation", "Carbon accounting platform"}},
	{"China Huadian", "华电", "state_owned", "Energy", []string{"Unit performance analytics", "Fuel management system"}},
	{"State Power Investment", "国家电投", "state_owned", "Energy", []string{"Solar fleet monitoring", "Energy storage dispatch"}},
	{"Sinopec", "中石化", "state_owned", "Energy", []string{"Refinery safety monitoring", "Pipeline integrity platform"}},
	{"PetroChina", "中石油", "state_owned", "Energy", []string{"Oilfield production analytics", "Retail station platform"}},
	{"CHN Energy", "国家能源", "state_owned", "Energy", []string{"Coal mine safety system", "Rail logistics platform"}},
	{"Envision Energy", "远景能源", "enterprise", "Energy", []string{"Turbine telemetry platform", "Smart energy management"}},
}

var scaleFinanceGroups = []scaleGroup{
	{"Industrial and Commercial Bank of China", "工商银行", "state_owned", "Finance", []string{"Core banking data warehouse", "Branch digital onboarding"}},
	{"China Construction Bank", "建设银行", "state_owned", "Finance", []string{"Credit risk engine", "Mortgage workflow platform"}},
	{"Bank of China", "中国银行", "state_owned", "Finance", []string{"Treasury analytics", "Cross-border payments hub"}},
	{"Agricultural Bank of China", "农业银行", "state_owned", "Finance", []string{"Rural credit scoring platform", "County branch modernisation"}},
	{"China Merchants Bank", "招商银行", "enterprise", "Finance", []string{"Wealth management platform", "Anti-fraud analytics"}},
	{"Ping An Insurance", "平安保险", "enterprise", "Finance", []string{"Claims automation programme", "Agent sales platform"}},
	{"China Life Insurance", "中国人寿", "state_owned", "Finance", []string{"Policy administration system", "Actuarial data platform"}},
	{"CITIC Securities", "中信证券", "state_owned", "Finance", []string{"Trading risk engine", "Market data platform"}},
	{"Rural Commercial Bank", "农商银行", "enterprise", "Finance", []string{"Core system replacement", "Mobile banking upgrade"}},
	{"Postal Savings Bank", "邮储银行", "state_owned", "Finance", []string{"Inclusive finance platform", "Regulatory reporting system"}},
}

// scaleProvinces are where the groups' provincial companies sit.
var scaleProvinces = []struct{ en, zh string }{
	{"Jiangsu", "江苏"}, {"Zhejiang", "浙江"}, {"Shandong", "山东"}, {"Guangdong", "广东"}, {"Hebei", "河北"},
	{"Henan", "河南"}, {"Hubei", "湖北"}, {"Hunan", "湖南"}, {"Sichuan", "四川"}, {"Fujian", "福建"},
	{"Anhui", "安徽"}, {"Shaanxi", "陕西"}, {"Liaoning", "辽宁"}, {"Jiangxi", "江西"}, {"Shanxi", "山西"},
	{"Yunnan", "云南"}, {"Guangxi", "广西"}, {"Inner Mongolia", "内蒙古"}, {"Xinjiang", "新疆"}, {"Gansu", "甘肃"},
}

// scaleCustomerSpec is a customer SeedScale may create, with what its deals are called.
type scaleCustomerSpec struct {
	customer deals.Customer
	short    string // in deal names
	projects []string
}

// scaleCustomerPools are every customer SeedScale can draw on, by the team kind that sells
// to them (government, energy, finance), in a fixed shuffled order: each run uses a
// prefix, so later batches sell again to the customers earlier ones created.
func scaleCustomerPools() map[string][]scaleCustomerSpec {
	pools := map[string][]scaleCustomerSpec{}
	for _, a := range scaleAgencies {
		for _, c := range scaleCities {
			pools["government"] = append(pools["government"], scaleCustomerSpec{
				customer: deals.Customer{Name: fmt.Sprintf("%s %s %s%s", c.en, a.en, c.zh, a.zh), Kind: "government", Region: c.province, Industry: a.industry},
				short:    c.en + " " + a.en, projects: a.projects})
		}
	}
	for _, kg := range []struct {
		key    string
		groups []scaleGroup
	}{{"energy", scaleEnergyGroups}, {"finance", scaleFinanceGroups}} {
		key := kg.key
		for _, g := range kg.groups {
			for _, p := range scaleProvinces {
				pools[key] = append(pools[key], scaleCustomerSpec{
					customer: deals.Customer{Name: fmt.Sprintf("%s %s %s%s", g.en, p.en, g.zh, p.zh), Kind: deals.CustomerKind(g.kind), Region: p.en, Industry: g.industry},
					short:    g.en + " " + p.en, projects: g.projects})
			}
		}
	}
	for i, key := range []string{"government", "energy", "finance"} {
		pool := pools[key]
		shuffle := rand.New(rand.NewPCG(12, uint64(i))) // the same order for every run and every N
		shuffle.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	}
	return pools
}

// scaleSurnames and scaleGivenNames make the customers' people.
var scaleSurnames = []struct{ en, zh string }{
	{"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"}, {"Chen", "陈"}, {"Yang", "杨"}, {"Zhao", "赵"},
	{"Huang", "黄"}, {"Zhou", "周"}, {"Wu", "吴"}, {"Xu", "徐"}, {"Sun", "孙"}, {"Ma", "马"}, {"Hu", "胡"},
	{"Guo", "郭"}, {"He", "何"}, {"Lin", "林"}, {"Gao", "高"}, {"Luo", "罗"}, {"Zheng", "郑"},
}

var scaleGivenNames = []struct{ en, zh string }{
	{"Jian", "建"}, {"Na", "娜"}, {"Wei", "伟"}, {"Yang", "洋"}, {"Jing", "静"}, {"Fan", "帆"}, {"Lei", "磊"},
	{"Min", "敏"}, {"Tao", "涛"}, {"Xia", "霞"}, {"Gang", "刚"}, {"Li", "丽"}, {"Jun", "军"}, {"Bin", "斌"},
	{"Hong", "红"}, {"Ping", "平"}, {"Feng", "峰"}, {"Yan", "燕"}, {"Qiang", "强"}, {"Hui", "慧"},
	{"Ming", "明"}, {"Xin", "欣"}, {"Yong", "勇"}, {"Ying", "颖"}, {"Hao", "浩"},
}

// scaleStages are the reasons and texts deals, stakeholders and reviews are written with.
var (
	scaleLostReasons = []string{
		"Competitor won the tender on price 竞争对手以低价中标",
		"Customer's budget was withdrawn 客户预算被撤销",
		"Specification favoured a rival's product 招标参数倾向竞品",
		"Customer chose to build in-house 客户决定自建",
	}
	scaleAbandonReasons = []string{
		"No-go at the bid decision: specification favours a rival 投标决策否决：参数倾向竞品",
		"No-go: margin below the floor after the customer's budget cut 预算削减后利润低于底线，放弃",
	}
	scaleBlockedReasons = []string{
		"Waiting for the customer's budget approval 等待客户预算审批",
		"Decision maker on leave; sign-off postponed 决策人休假，签批推迟",
		"Procurement plan returned for revision 采购计划被退回修改",
	}
	scaleNextSteps = []string{
		"Follow-up meeting 跟进拜访", "Send the proposal 发送方案", "Arrange a site visit 安排现场考察",
		"Technical workshop 技术交流会", "Confirm the budget figure 确认预算金额", "Introduce our executive 安排高层拜访",
		"Review the draft tender 审阅招标文件草稿", "Reference call with a peer customer 安排同行客户交流",
	}
	scaleHistoryNotes = []string{
		"Reassessed after the last meeting 上次会面后重新评估",
		"Turned after the leadership change 领导调整后态度转变",
		"Impressed by the POC results POC 结果获得认可",
		"Concerned about the delivery timeline 担心交付周期",
		"Competitor visited last week 竞争对手上周拜访",
	}
	scaleJudgementNotes = []string{
		"Budget approved; tender expected on plan. 预算已批，招标按计划。",
		"Champion strong but procurement slow. 支持者有力，但采购流程缓慢。",
		"Competitor active; price pressure likely. 竞争对手活跃，价格压力大。",
		"Customer reprioritising; timing uncertain. 客户调整优先级，时间不确定。",
	}
	scaleRetros = []struct{ planned, happened, gap, next string }{
		{"Budget approved this quarter 本季度预算获批", "Approval moved to next quarter 审批推迟到下季度",
			"Customer reprioritised spending 客户调整了支出优先级", "Re-present the ROI to finance 向财务重新汇报投资回报"},
		{"Technical validation signed off 技术验证签字确认", "Customer disputes the POC results 客户对 POC 结果有异议",
			"Test data did not match production 测试数据与生产不一致", "Re-run the POC on production data 用生产数据重做 POC"},
		{"Tender published on schedule 招标文件按期发布", "Tender published two weeks late 招标文件推迟两周发布",
			"Legal review of the specification took longer 参数法务审核耗时较长", "Prepare the bid team early 提前组建投标团队"},
		{"Decision maker met monthly 每月拜访决策人", "Only one meeting this quarter 本季度仅拜访一次",
			"Account manager covering too many deals 客户经理负责项目过多", "Add the solution lead to the visits 方案负责人一同拜访"},
	}
	scaleActionTitles = []string{
		"ROI deck for the finance bureau 为财政局准备投资回报材料", "Confirm the tender timeline 确认招标时间表",
		"Book the executive visit 预约高层拜访", "Update the reference list 更新案例清单",
		"Re-run the benchmark 重新进行性能测试", "Draft the risk mitigation plan 起草风险应对计划",
	}
)
