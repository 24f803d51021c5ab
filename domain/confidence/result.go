package confidence

import (
	"strings"
	"time"
)

// Result is the engine's answer for one deal, period and as-of date.
type Result struct {
	Base       float64 // the prior, Params.Base
	PWin       float64 // the deal is won at all; Base + Σ Factors' Contribution
	PInPeriod  float64 // it closes inside the period
	Confidence float64 // PWin × PInPeriod
	// ExpectedClose is the median close date and CloseP80 the date it closes by with 80 %
	// probability; both zero for a lost or abandoned deal.
	ExpectedClose time.Time
	CloseP80      time.Time
	Factors       []Factor // what moved PWin from Base, in attribution order
	Timing        []Note   // why PInPeriod is what it is
}

// Factor is one reason PWin differs from Base. Contribution is in probability points
// (signed); LogOdds is the factor's term in the model.
type Factor struct {
	Key          string
	Contribution float64
	LogOdds      float64
	Detail       []Param
}

// Note is one remark on the timing (a plan closing after the period, a legal floor, …).
type Note struct {
	Key    string
	Detail []Param
}

// Param is one named figure behind a factor or note: a number, a word (Text) or a
// date (Kind DateParam; Date reads it). Callers render it in the user's language.
type Param struct {
	Name  string
	Kind  ParamKind
	Value float64
	Text  string
}

// ParamKind says how to read a Param.
type ParamKind uint8

// The kinds of Param.
const (
	NumberParam ParamKind = iota
	TextParam
	DateParam
)

func number(name string, v float64) Param { return Param{Name: name, Value: v} }
func text(name, s string) Param           { return Param{Name: name, Kind: TextParam, Text: s} }
func dateAt(name string, t time.Time) Param {
	return Param{Name: name, Kind: DateParam, Value: float64(dayNum(t))}
}

// Date is a DateParam's date.
func (p Param) Date() time.Time { return dayTime(int(p.Value)) }

// DetailMap is the detail as JSON-ready values: dates as YYYY-MM-DD, words, numbers.
func DetailMap(ps []Param) map[string]any {
	out := make(map[string]any, len(ps))
	for _, p := range ps {
		switch p.Kind {
		case DateParam:
			out[p.Name] = p.Date().Format("2006-01-02")
		case TextParam:
			out[p.Name] = p.Text
		default:
			out[p.Name] = p.Value
		}
	}
	return out
}

// Label names the factor in lang ("en" or "zh-CN"; anything starting "zh" is Chinese).
func (f Factor) Label(lang string) string { return label(f.Key, lang) }

// Label names the note in lang, as Factor.Label.
func (n Note) Label(lang string) string { return label(n.Key, lang) }

func label(key, lang string) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	if strings.HasPrefix(lang, "zh") {
		return l[1]
	}
	return l[0]
}

// labels holds every factor's and note's name in English and Chinese; a test keeps it
// complete.
var labels = map[string][2]string{
	FactorProgress:        {"Progress through the plan", "计划推进"},
	FactorSlippage:        {"Slippage against the baseline", "相对基线的延误"},
	FactorBlocked:         {"Blocked milestones", "受阻里程碑"},
	FactorDecisionMaker:   {"Decision maker's stance", "决策者态度"},
	FactorEconomicBuyer:   {"Economic buyer's stance", "经济决策者态度"},
	FactorNoDecisionMaker: {"No decision maker known", "未识别决策者"},
	FactorChampion:        {"A champion on the customer's side", "客户方有支持者（教练）"},
	FactorStaleContact:    {"Stale contact", "联系久未更新"},
	FactorOverdueNextStep: {"Overdue next steps", "下一步行动逾期"},
	FactorRetrospective:   {"Last retrospective's outcome", "最近一次复盘结论"},
	FactorOverdueActions:  {"Overdue actions", "逾期行动项"},
	FactorNoGo:            {"No-go decision at a gate", "关口决策：不继续"},
	FactorWon:             {"Deal won", "已赢单"},
	FactorLost:            {"Deal lost or abandoned", "已丢单或放弃"},
	NoteAfterTarget:       {"The plan closes after the target close date", "计划签约日晚于目标签约日"},
	NoteAfterPeriod:       {"The plan closes after the period", "计划签约日在期间之后"},
	NoteBeforePeriod:      {"The plan closes before the period", "计划签约日在期间之前"},
	NoteLegalFloor:        {"Legal minimum intervals hold the close back", "法定最短时限推迟签约"},
	NoteStretched:         {"Stretched by this deal's slip so far", "按本项目已有延误拉长剩余计划"},
	NoteBlocked:           {"Blocked milestones on the path", "关键路径上有受阻里程碑"},
	NoteClosedOutside:     {"Closed outside the period", "签约不在该期间"},
	NoteNotOpen:           {"Lost or abandoned: no close", "已丢单或放弃：不会签约"},
}

// The factor keys, in attribution order.
const (
	FactorProgress        = "progress"
	FactorSlippage        = "slippage"
	FactorBlocked         = "blocked"
	FactorDecisionMaker   = "decision_maker_stance"
	FactorEconomicBuyer   = "economic_buyer_stance"
	FactorNoDecisionMaker = "no_decision_maker"
	FactorChampion        = "champion"
	FactorStaleContact    = "stale_contact"
	FactorOverdueNextStep = "overdue_next_steps"
	FactorRetrospective   = "retrospective"
	FactorOverdueActions  = "overdue_actions"
	FactorNoGo            = "no_go"
	FactorWon             = "won"
	FactorLost            = "lost"
)

// The timing note keys.
const (
	NoteAfterTarget   = "plan_after_target_close"
	NoteAfterPeriod   = "plan_after_period"
	NoteBeforePeriod  = "plan_before_period"
	NoteLegalFloor    = "legal_floor"
	NoteStretched     = "stretched"
	NoteBlocked       = "blocked_on_path"
	NoteClosedOutside = "closed_outside_period"
	NoteNotOpen       = "not_open"
)

// Label names the broken legal rule in lang, as Factor.Label.
func (c Check) Label(lang string) string {
	l, ok := ruleLabels[c.Rule]
	if !ok {
		return c.Rule
	}
	if strings.HasPrefix(lang, "zh") {
		return l[1]
	}
	return l[0]
}

// ruleLabels names every legal rule (LegalRules) in English and Chinese; a test keeps it
// complete.
var ruleLabels = map[string][2]string{
	"intention_notice": {"Procurement intention published at least 30 days before the tender", "采购意向公开至采购开始不少于30日"},
	"bid_window":       {"Tender documents to bid deadline at least 20 days", "招标文件发出至投标截止不少于20日"},
	"challenge_window": {"Award challenge window of 7 working days", "中标公告质疑期7个工作日"},
}
