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
	"validation_failed":      {"Some values are invalid; see fields.", "部分字段的值无效，请查看 fields。"},
	"malformed_request":      {"The request could not be read; see fields.", "无法解析请求，请查看 fields。"},
	"malformed_body":         {"The request body is not valid JSON for this endpoint.", "请求体不是此接口可接受的 JSON。"},
	"body_too_large":         {"The request body is too large.", "请求体过大。"},
	"unauthenticated":        {"Please sign in.", "请先登录。"},
	"invalid_credentials":    {"Email or password is wrong.", "邮箱或密码错误。"},
	"csrf_failed":            {"Missing or wrong X-CSRF-Token; reload the page and try again.", "缺少或错误的 X-CSRF-Token，请刷新页面后重试。"},
	"forbidden":              {"You are not allowed to do this.", "您无权执行此操作。"},
	"not_found":              {"Not found.", "未找到。"},
	"method_not_allowed":     {"This method is not allowed here.", "此处不允许该请求方法。"},
	"conflict":               {"This conflicts with the current state.", "与当前状态冲突。"},
	"stale_version":          {"Someone else changed this; reload and try again.", "其他人已修改此内容，请刷新后重试。"},
	"precondition_required":  {"Send If-Match with the version you are changing.", "请在 If-Match 中提供您要修改的版本号。"},
	"throttled":              {"Too many requests; try again later.", "请求过于频繁，请稍后再试。"},
	"database_unavailable":   {"The database is unavailable; try again shortly.", "数据库暂不可用，请稍后再试。"},
	"timeout":                {"The request took too long.", "请求超时。"},
	"internal_error":         {"Something went wrong on our side.", "服务器内部错误。"},
	"unsupported_media_type": {"Send JSON (Content-Type: application/json).", "请发送 JSON（Content-Type: application/json）。"},
}

// ruleMessages are per-field messages for rules broken in the domain or in handlers;
// "{param}" is replaced by the rule's parameter.
var ruleMessages = map[string]message{
	"required":      {"is required", "为必填项"},
	"email":         {"must be a valid email address", "必须是有效的电子邮件地址"},
	"oneof":         {"must be one of: {param}", "必须是以下之一：{param}"},
	"min":           {"must be at least {param} characters", "至少需要 {param} 个字符"},
	"gte":           {"must be ≥ {param}", "必须 ≥ {param}"},
	"lte":           {"must be ≤ {param}", "必须 ≤ {param}"},
	"integer":       {"must be a whole number", "必须是整数"},
	"range":         {"must be between {param}", "必须介于 {param} 之间"},
	"sort":          {"must be one of: {param} (prefix - for descending)", "必须是以下之一：{param}（前缀 - 表示降序）"},
	"cursor":        {"is not a cursor from this list; start again without it", "不是此列表返回的游标，请去掉后重新开始"},
	"if_match":      {`must be the version in quotes, e.g. "3"`, `必须是带引号的版本号，例如 "3"`},
	"unique":        {"is already taken", "已被占用"},
	"cycle":         {"would create a cycle: {param}", "将形成循环：{param}"},
	"not_in_future": {"must not be in the future", "不能是未来的日期"},
	"date":          {"must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期"},
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
