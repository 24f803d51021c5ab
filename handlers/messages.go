package handlers

import "strings"

// message is one user-facing text in both languages.
type message struct{ en, zh string }

func (m message) in(l Locale) string {
	if l == LocaleZH {
		return m.zh
	}
	return m.en
}

// errorMessages are the top-level messages of error responses, keyed by error code.
var errorMessages = map[string]message{
	"validation_failed":      {"Some values are not valid; please correct them.", "部分填写的内容无效，请修改后重试。"},
	"malformed_request":      {"Some of what was sent could not be understood.", "提交的部分内容无法识别。"},
	"malformed_body":         {"What was sent could not be read.", "无法读取提交的内容。"},
	"body_too_large":         {"What was sent is too large.", "提交的内容过大。"},
	"unauthenticated":        {"Please sign in.", "请先登录。"},
	"invalid_credentials":    {"Email or password is wrong.", "邮箱或密码错误。"},
	"csrf_failed":            {"Your session could not be confirmed; reload the page and try again.", "无法确认您的会话，请刷新页面后重试。"},
	"forbidden":              {"You are not allowed to do this.", "您无权执行此操作。"},
	"not_found":              {"Not found.", "未找到。"},
	"method_not_allowed":     {"This action is not possible here.", "此处不能执行该操作。"},
	"conflict":               {"This conflicts with the current state.", "与当前状态冲突。"},
	"stale_version":          {"Someone else changed this; reload and try again.", "其他人已修改此内容，请刷新后重试。"},
	"precondition_required":  {"It is not clear which version you are changing; reload and try again.", "无法确定您要修改的版本，请刷新后重试。"},
	"throttled":              {"Too many requests; try again later.", "请求过于频繁，请稍后再试。"},
	"busy":                   {"The server is busy checking other sign-ins; try again in a moment.", "服务器正忙于处理其他登录，请稍后重试。"},
	"overloaded":             {"The server has more requests than it can work on right now; try again in a moment.", "服务器当前请求过多，请稍后重试。"},
	"database_unavailable":   {"The database is unavailable; try again shortly.", "数据库暂不可用，请稍后再试。"},
	"timeout":                {"This took too long; try again.", "处理超时，请重试。"},
	"internal_error":         {"Something went wrong on our side.", "服务器内部错误。"},
	"unsupported_media_type": {"This kind of content is not accepted here.", "此处不接受这种格式的内容。"},
	"fx_rate_missing":        {"No FX rate for {currency} in {period}; an admin can add it under FX rates.", "缺少 {currency} 在 {period} 的汇率，请管理员在汇率表中添加。"},
}

// ruleMessages are per-field messages for rules broken in the domain or in handlers;
// "{param}" is replaced by the rule's parameter.
var ruleMessages = map[string]message{
	"required":           {"is required", "为必填项"},
	"email":              {"must be a valid email address", "必须是有效的电子邮件地址"},
	"oneof":              {"must be one of: {param}", "必须是以下之一：{param}"},
	"min":                {"must be at least {param} characters", "至少需要 {param} 个字符"},
	"max":                {"must be at most {param} characters", "最多 {param} 个字符"},
	"max_items":          {"may hold at most {param} entries", "最多 {param} 项"},
	"limit":              {"is too long or out of range", "过长或超出允许范围"},
	"gte":                {"must be ≥ {param}", "必须 ≥ {param}"},
	"lte":                {"must be ≤ {param}", "必须 ≤ {param}"},
	"integer":            {"must be a whole number", "必须是整数"},
	"range":              {"must be between {param}", "必须介于 {param} 之间"},
	"sort":               {"must be one of: {param} (prefix - for descending)", "必须是以下之一：{param}（前缀 - 表示降序）"},
	"cursor":             {"is not a cursor from this list; start again without it", "不是此列表返回的游标，请去掉后重新开始"},
	"if_match":           {`must be the version in quotes, e.g. "3"`, `必须是带引号的版本号，例如 "3"`},
	"unique":             {"is already taken", "已被占用"},
	"cycle":              {"would create a cycle: {param}", "将形成循环：{param}"},
	"already_committed":  {"is the committed baseline already", "已是承诺基线"},
	"not_in_future":      {"must not be in the future", "不能是未来的日期"},
	"date":               {"must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期"},
	"reports_cycle":      {"cannot be the person or someone who reports to them", "不能是此人本人或其下属"},
	"not_before_from":    {"must not be before the start date", "不能早于开始日期"},
	"new_contact_only":   {"can be given only with a new contact; change an existing contact's manager on the contact", "只能为新联系人填写；已有联系人的上级请在联系人信息中修改"},
	"not_a_gate":         {"must be a gate milestone of this deal", "必须是此商机的关口里程碑"},
	"only_no_go":         {"only a no-go decision can end the deal", "只有否决（no-go）决定才能终止商机"},
	"boolean":            {"must be true or false", "必须是 true 或 false"},
	"exists":             {"does not exist", "不存在"},
	"team_cycle":         {"cannot be the team itself or one of its sub-teams", "不能是该团队自身或其下级团队"},
	"not_self":           {"you cannot deactivate yourself", "不能停用自己的账号"},
	"wrong_password":     {"is not your current password", "与当前密码不符"},
	"your_team":          {"must be one of your teams", "必须是您所在的团队"},
	"needs_pmo":          {"must keep at least one member with the role pmo", "必须至少保留一名角色为 pmo 的成员"},
	"role_field":         {"only the deal's PMO may change this field (owner role, weight, gate, dependencies)", "只有商机的 PMO 可以修改此字段（负责角色、权重、关口、前置依赖）"},
	"judgement_only":     {"your role on this deal may set only its forecast category, manual probability and judgement note", "您在该商机中的角色只能设置预测类别、人工概率和判断说明"},
	"unknown":            {"is not a parameter of the confidence model (see GET /confidence/parameters)", "不是置信度模型的参数（见 GET /confidence/parameters）"},
	"order":              {"must keep the order {param}", "必须保持顺序：{param}"},
	"not_movable":        {"you may not move these milestones; ask their owner or the PMO: {param}", "您无权移动以下里程碑，请联系其负责人或 PMO：{param}"},
	"iso4217":            {"must be an ISO 4217 currency code such as CNY", "必须是 ISO 4217 货币代码，例如 CNY"},
	"contract_gate_open": {"can be won only when the contract-signing gate is done (or an admin overrides with a note)", "合同签订关口完成后才能标记为赢单（或由管理员附说明强制设置）"},
	"dependencies_open":  {"cannot be done while these are not done or skipped: {param}", "以下前置里程碑未完成或跳过，不能标记为完成：{param}"},
	"after_start":        {"must not be before the planned start", "不能早于计划开始日期"},
	"earlier_step":       {"may only name earlier steps", "只能引用前面的步骤"},
	"self":               {"a milestone cannot depend on itself", "里程碑不能依赖自身"},
	"permutation":        {"must list every milestone of the plan exactly once", "必须恰好列出计划中的每个里程碑一次"},
	"missing_column":     {"the sheet needs a column {param}", "表格缺少列 {param}"},
	"empty":              {"has no milestones", "没有任何里程碑"},
	"spreadsheet":        {"must be a CSV or XLSX file", "必须是 CSV 或 XLSX 文件"},
	"max_rows":           {"has too many rows: a plan has at most {param} milestones", "行数过多：一个计划最多 {param} 个里程碑"},
	"max_row_number":     {"has rows beyond row {param}; delete the rows below the plan", "第 {param} 行之后仍有行，请删除计划下方的行"},
	"max_columns":        {"has a row with more than {param} cells", "有一行超过 {param} 个单元格"},
	"max_cell_length":    {"has a cell longer than {param} bytes", "有单元格超过 {param} 字节"},
	"max_row_bytes":      {"has a row longer than {param} bytes", "有一行超过 {param} 字节"},
	"max_file_size":      {"must be at most {param}", "不能超过 {param}"},
	"max_unzipped_size":  {"unpacks to more than {param}; save a smaller sheet", "解压后超过 {param}，请保存较小的表格"},
	"max_parts":          {"has more than {param} parts; save only the plan sheet", "包含的部件超过 {param} 个，请只保存计划表"},
	"uuid":               {"must be a UUID", "必须是 UUID"},
	"period":             {"must be a period such as 2026-Q4 or 2026-11", "必须是期间，例如 2026-Q4 或 2026-11"},
	"confidence_window": {"has no stored confidence to sort or filter by: choose from the previous fiscal quarter to four quarters ahead, or from two months back to twelve months ahead",
		"没有可排序或筛选的已存信心度：请选择上一财季至未来四个财季，或前两个月至未来十二个月内的期间"},
	// Targets, FX rates and settings (targets.go).
	"reporting_currency":     {"must be the reporting currency {param}", "必须是报告货币 {param}"},
	"not_reporting_currency": {"must not be the reporting currency {param}: it converts at 1", "不能是报告货币 {param}（其汇率恒为 1）"},
	"fx_rate":                {"must be a decimal number above 0 and at most 1000000, with at most 10 decimal places", "必须是大于 0 且不超过 1000000 的小数，最多 10 位小数"},
	"unique_with":            {"already has an entry with the same {param}", "已存在相同 {param} 的记录"},
	"periods_in_use":         {"cannot change while targets or FX rates of fiscal quarters exist (their quarters would mean other months); delete them first", "存在按财季设定的目标或汇率时不能修改（修改会使其季度对应到其他月份），请先删除它们"},
	"currency_in_use":        {"cannot change while targets or FX rates exist (they are in or against it); delete them first", "存在目标或汇率时不能修改（它们以该货币计价或折算），请先删除它们"},
	"fx_rate_missing_for":    {"has no FX rate for {param}", "没有 {param} 的汇率"},
	"fx_rate_missing_in":     {"has no FX rate in {param}", "在 {param} 没有汇率"},
	// Confidence models (confidence_models.go): a fit needs 40 won and 40 lost deals.
	"too_few_closed": {"only {param} closed deals with a snapshot at this lead time; fitting needs at least 40 won and 40 lost", "在此提前期有快照的已结束商机仅 {param} 个；拟合至少需要 40 个赢单和 40 个丢单"},
	// The strict JSON binder (binding.go) and query text check (query_text.go).
	"json_syntax":   {"could not be read: it is broken at position {param}", "无法读取：第 {param} 个位置有格式错误"},
	"trailing_data": {"has something extra after its end, at position {param}", "结尾之后有多余内容（第 {param} 个位置）"},
	"utf8":          {"must be UTF-8 text", "必须是 UTF-8 编码的文本"},
	"json_object":   {"must be a set of named values", "必须是一组带名称的值"},
	"json_array":    {"must be a list", "必须是列表"},
	"json_value":    {"has a value of the wrong type", "值的类型不正确"},
	"unknown_field": {"is not a field of this request", "不是此请求的字段"},
	"string":        {"must be a string", "必须是字符串"},
	"number":        {"must be a number", "必须是数字"},
	"text":          {"must not contain invisible control characters", "不能包含不可见的控制字符"},
	"date_range":    {"must be a date between {param}", "必须是 {param} 之间的日期"},
	// What changed since a snapshot (board_changes.go).
	"before_today": {"must be a day before today", "必须是今天之前的日期"},
	"before_to":    {"must be before the end date", "必须早于结束日期"},
}

// ruleMessage renders a rule's message; an unknown rule falls back to its name so a
// missing catalogue entry is visible instead of silent.
func ruleMessage(l Locale, rule, param string) string {
	m, ok := ruleMessages[rule]
	if !ok {
		return rule
	}
	return strings.ReplaceAll(m.in(l), "{param}", param)
}
