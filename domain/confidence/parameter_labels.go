package confidence

import "strings"

// Label says what the parameter does, in lang ("en" or "zh-CN"; anything starting "zh"
// is Chinese), for GET /confidence/parameters and the template editor.
func (pr Parameter) Label(lang string) string {
	l, ok := parameterLabels[pr.Name]
	if !ok {
		return pr.Name
	}
	if strings.HasPrefix(lang, "zh") {
		return l[1]
	}
	return l[0]
}

// parameterLabels holds every parameter's label in English and Chinese; a test keeps it
// complete.
var parameterLabels = map[string][2]string{
	"base":                           {"Prior chance of winning a deal with no progress and no signal", "无进展、无信号时的先验赢单概率"},
	"progress_log_odds":              {"Weight of progress through the plan (log-odds for a finished plan)", "计划推进的权重（计划全部完成时的对数几率）"},
	"gate_factor":                    {"How many times a gate counts more than another step", "关口里程碑相对普通步骤的权重倍数"},
	"slip_log_odds_per_10_days":      {"Penalty per 10 working days the close is late against the baseline", "签约相对基线每延误 10 个工作日的扣减"},
	"slip_max_log_odds":              {"Largest penalty for slippage", "延误扣减的上限"},
	"blocked_log_odds":               {"Penalty per blocked milestone", "每个受阻里程碑的扣减"},
	"blocked_max_log_odds":           {"Largest penalty for blocked milestones", "受阻里程碑扣减的上限"},
	"stance_score.champion":          {"Score of a champion's stance", "支持者（教练）态度的分值"},
	"stance_score.supporter":         {"Score of a supporter's stance", "支持态度的分值"},
	"stance_score.neutral":           {"Score of a neutral stance", "中立态度的分值"},
	"stance_score.skeptic":           {"Score of a skeptic's stance", "怀疑态度的分值"},
	"stance_score.blocker":           {"Score of a blocker's stance", "反对者态度的分值"},
	"decision_maker_log_odds":        {"Weight of the decision maker's stance", "决策者态度的权重"},
	"economic_buyer_log_odds":        {"Weight of the economic buyer's stance", "经济决策者态度的权重"},
	"stance_max_log_odds":            {"Largest effect of one role's stances, either way", "单一角色态度影响的上限（正负）"},
	"no_decision_maker_log_odds":     {"Penalty when no decision maker is known", "未识别决策者时的扣减"},
	"champion_log_odds":              {"Bonus for a champion on the customer's side", "客户方有支持者（教练）时的加分"},
	"stale_contact_days":             {"Days without contact after which a key person counts as stale", "关键人物多少天未联系即视为联系久未更新"},
	"stale_contact_log_odds":         {"Penalty per key person not contacted recently", "每位久未联系的关键人物的扣减"},
	"stale_contact_max_log_odds":     {"Largest penalty for stale contact", "联系久未更新扣减的上限"},
	"overdue_next_step_log_odds":     {"Penalty per overdue next step", "每个逾期下一步行动的扣减"},
	"overdue_next_step_max_log_odds": {"Largest penalty for overdue next steps", "下一步行动逾期扣减的上限"},
	"retro_log_odds.on_track":        {"Effect of a last retrospective that found the deal on track", "最近一次复盘结论为“正常推进”的影响"},
	"retro_log_odds.at_risk":         {"Effect of a last retrospective that found the deal at risk", "最近一次复盘结论为“有风险”的影响"},
	"retro_log_odds.off_track":       {"Effect of a last retrospective that found the deal off track", "最近一次复盘结论为“偏离轨道”的影响"},
	"overdue_action_log_odds":        {"Penalty per overdue retrospective action", "每个逾期复盘行动项的扣减"},
	"overdue_action_max_log_odds":    {"Largest penalty for overdue actions", "逾期行动项扣减的上限"},
	"stretch_prior_days":             {"Days of on-time history assumed before the deal's own slip counts", "计算本项目延误倍率时假定的按期先验天数"},
	"stretch_min":                    {"Least the remaining plan may be shortened by the deal's pace", "按项目节奏压缩剩余计划的下限倍率"},
	"stretch_max":                    {"Most the remaining plan may be stretched by the deal's slip", "按项目延误拉长剩余计划的上限倍率"},
	"sigma_per_step":                 {"Uncertainty of the close date per remaining milestone", "每个剩余里程碑带来的签约日期不确定性"},
	"sigma_max":                      {"Largest uncertainty of the close date", "签约日期不确定性的上限"},
	"sigma_early_ratio":              {"Share of the uncertainty on the early side (plans slip more than they gain)", "提前一侧的不确定性占比（计划延误多于提前）"},
	"blocked_extra_days":             {"Working days a blocked milestone adds to the remaining plan", "受阻里程碑为剩余计划增加的工作日"},
}
