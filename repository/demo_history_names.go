package repository

import (
	"strings"
	"unicode"
)

// demoHistoryProjects are the projects the demo's past deals sold, by the kind of
// customer (government bodies, energy groups, financial firms), in English and Chinese.
var demoHistoryProjects = map[string][][2]string{
	"government": {
		{"Smart city operations centre", "智慧城市运营中心"}, {"E-government cloud", "电子政务云"},
		{"Data governance platform", "数据治理平台"}, {"Video surveillance upgrade", "视频监控升级"},
		{"Unified identity platform", "统一身份认证平台"}, {"Office automation upgrade", "协同办公升级"},
		{"Disaster recovery centre", "灾备中心"}, {"Network security upgrade", "网络安全升级"},
		{"Open data portal", "数据开放门户"}, {"12345 hotline platform", "12345热线平台"},
		{"Archives digitisation", "档案数字化"}, {"Emergency supplies system", "应急物资管理系统"},
		{"GIS platform", "地理信息平台"}, {"Public credit system", "公共信用信息系统"},
	},
	"energy": {
		{"Plant DCS upgrade", "电厂DCS升级"}, {"Asset performance management", "资产绩效管理"},
		{"Drone line inspection", "无人机巡检"}, {"Energy trading platform", "能源交易平台"},
		{"VR safety training", "VR安全培训"}, {"Smart meter rollout", "智能电表推广"},
		{"Distribution automation", "配电自动化"}, {"Plant cybersecurity", "电厂网络安全"},
		{"Equipment IoT platform", "设备物联网平台"}, {"Carbon asset management", "碳资产管理"},
		{"Field workforce app", "移动作业应用"}, {"Energy storage dispatch", "储能调度系统"},
	},
	"finance": {
		{"Credit card risk engine", "信用卡风控引擎"}, {"Data lake migration", "数据湖迁移"},
		{"Regulatory reporting", "监管报送系统"}, {"Customer 360 platform", "客户360平台"},
		{"Core system cloud migration", "核心系统上云"}, {"Anti-money-laundering monitoring", "反洗钱监测"},
		{"Wealth management app", "财富管理App"}, {"Contact centre AI", "智能客服"},
		{"Payment gateway upgrade", "支付网关升级"}, {"Branch queue system", "网点排队系统"},
		{"Actuarial platform", "精算平台"}, {"Bond trading system", "债券交易系统"},
	},
}

// demoProjectPool is the pool of projects a demo customer buys from.
func demoProjectPool(c demoCustomer) string {
	switch c.Industry {
	case "Energy":
		return "energy"
	case "Finance":
		return "finance"
	}
	return "government"
}

// splitDemoName splits a demo name "English 中文" into its English and Chinese parts.
func splitDemoName(name string) (en, zh string) {
	for i, r := range name {
		if unicode.Is(unicode.Han, r) {
			return strings.TrimSpace(name[:i]), name[i:]
		}
	}
	return name, ""
}

// demoHistoryDealName names a past deal: the customer and the project, in both
// languages, e.g. "Bank of Ningbo: Data lake migration 宁波银行 数据湖迁移"; the second
// deal of the same customer and project is its phase II (二期).
func demoHistoryDealName(customer demoCustomer, project [2]string, phaseTwo bool) string {
	en, zh := splitDemoName(customer.Name)
	if phaseTwo {
		return en + ": " + project[0] + " phase II " + zh + " " + project[1] + "二期"
	}
	return en + ": " + project[0] + " " + zh + " " + project[1]
}
