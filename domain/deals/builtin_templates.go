package deals

// BuiltinTemplates are the two templates Summit ships, shown step by step with their
// sources in docs/templates.md (a test keeps the page equal to this code): the G2B
// public-procurement path (政府采购) and the key-account programme (大客户).
// Durations are typical working days; legal intervals in calendar days are converted
// (20 calendar days ≈ 15 working days). Weights follow the stage-to-probability ladder
// (initiation 10 %, needs 25 %, solution 45 %, procurement 80–90 %, signed 100 %) so
// the weight done so far tracks that ladder. Where an owner is "B + S", the first
// named role owns the milestone.
var BuiltinTemplates = []Template{
	{
		Key: "g2b", Name: "G2B public procurement", NameZh: "政府采购", Segment: SegmentG2B,
		Milestones: []TemplateMilestone{
			{Key: "need_shaping", Name: "Need shaping and solution exchange", NameZh: "需求引导与方案交流", OwnerRole: RoleBusiness, Weight: 10, Gate: true, DurationDays: 40,
				ExitCriteria: "Customer's need and our solution direction agreed; pursue or not decided"},
			{Key: "budget_support", Name: "Budget application support", NameZh: "预算申报支持", OwnerRole: RoleBusiness, Weight: 8, Gate: true, DurationDays: 30, DependsOn: []int{0},
				ExitCriteria: "Project is in the customer's approved budget"},
			{Key: "project_approval", Name: "Project approval / procurement plan", NameZh: "立项与采购实施计划", OwnerRole: RolePMO, Weight: 5, Gate: true, DurationDays: 15, DependsOn: []int{1},
				ExitCriteria: "Procurement plan approved"},
			{Key: "requirement_survey", Name: "Requirement survey response", NameZh: "需求调查响应", OwnerRole: RoleSolution, Weight: 5, DurationDays: 15, DependsOn: []int{2}},
			{Key: "intention_published", Name: "Procurement intention published", NameZh: "采购意向公开", OwnerRole: RoleBusiness, Weight: 2, DurationDays: 22, DependsOn: []int{2},
				ExitCriteria: "Published at least 30 calendar days before procurement starts"},
			{Key: "bid_decision", Name: "Bid / no-bid decision", NameZh: "投标决策", OwnerRole: RolePMO, Weight: 5, Gate: true, DurationDays: 3, DependsOn: []int{3, 4},
				ExitCriteria: "Go / no-go recorded with rationale"},
			{Key: "tender_published", Name: "Tender documents published", NameZh: "招标公告与文件发布", OwnerRole: RoleBusiness, Weight: 10, Gate: true, DurationDays: 15, DependsOn: []int{5},
				ExitCriteria: "Open tender: at least 20 calendar days to the bid deadline"},
			{Key: "bid_submitted", Name: "Bid submitted", NameZh: "投标", OwnerRole: RoleSolution, Weight: 10, Gate: true, DurationDays: 5, DependsOn: []int{6},
				ExitCriteria: "Bid approved internally and submitted before the deadline; bid bond ≤ 2 % of budget"},
			{Key: "evaluation", Name: "Opening and evaluation", NameZh: "开标评标", OwnerRole: RolePMO, Weight: 5, DurationDays: 5, DependsOn: []int{7},
				ExitCriteria: "Evaluation report within 2 working days; buyer decides within 5"},
			{Key: "award", Name: "Award announced", NameZh: "中标公告", OwnerRole: RoleBusiness, Weight: 15, Gate: true, DurationDays: 9, DependsOn: []int{8},
				ExitCriteria: "Announced within 2 working days of the decision; 7-working-day challenge window passed"},
			{Key: KeyContractSigned, Name: "Contract signed", NameZh: "合同签订", OwnerRole: RoleBusiness, Weight: 25, Gate: true, DurationDays: 20, DependsOn: []int{9},
				ExitCriteria: "Signed within 30 calendar days of the award notice"},
			{Key: "delivery", Name: "Delivery", NameZh: "履约交付", OwnerRole: RolePMO, Weight: 0, DurationDays: 40, DependsOn: []int{10}},
			{Key: "acceptance", Name: "Acceptance", NameZh: "履约验收", OwnerRole: RolePMO, Weight: 0, Gate: true, DurationDays: 10, DependsOn: []int{11}},
			{Key: "payment", Name: "Payment received", NameZh: "资金支付", OwnerRole: RoleBusiness, Weight: 0, DurationDays: 22, DependsOn: []int{12},
				ExitCriteria: "SME supplier: paid within 30 days of acceptance (60 if agreed)"},
		},
	},
	{
		Key: "key_account", Name: "Key-account programme", NameZh: "大客户项目", Segment: SegmentKeyAccount,
		Milestones: []TemplateMilestone{
			{Key: "opportunity_identified", Name: "Opportunity identified", NameZh: "商机识别", OwnerRole: RoleBusiness, Weight: 5, Gate: true, DurationDays: 10,
				ExitCriteria: "Qualified: need, budget holder and timing known"},
			{Key: "initiation", Name: "Internal initiation, team formed", NameZh: "商机立项", OwnerRole: RolePMO, Weight: 5, Gate: true, DurationDays: 3, DependsOn: []int{0},
				ExitCriteria: "Pursue decided; PMO, business and solution named"},
			{Key: "needs_research", Name: "Needs research, decision chain mapped", NameZh: "需求调研", OwnerRole: RoleSolution, Weight: 15, DurationDays: 15, DependsOn: []int{1},
				ExitCriteria: "Requirements and the customer's decision chain documented"},
			{Key: "solution_design", Name: "Solution design and exchange", NameZh: "方案设计与交流", OwnerRole: RoleSolution, Weight: 20, Gate: true, DurationDays: 20, DependsOn: []int{2},
				ExitCriteria: "Customer agrees the solution"},
			{Key: "poc", Name: "POC / technical validation", NameZh: "POC 技术验证", OwnerRole: RoleSolution, Weight: 10, Gate: true, DurationDays: 20, DependsOn: []int{3}},
			{Key: "customer_approval", Name: "Customer approval and budget", NameZh: "客户立项与预算", OwnerRole: RoleBusiness, Weight: 10, Gate: true, DurationDays: 30, DependsOn: []int{3}},
			{Key: "procurement", Name: "Procurement / tender", NameZh: "采购招标", OwnerRole: RoleBusiness, Weight: 15, Gate: true, DurationDays: 15, DependsOn: []int{4, 5},
				ExitCriteria: "At least 20 calendar days where tendering is required"},
			{Key: "negotiation", Name: "Commercial negotiation", NameZh: "商务谈判", OwnerRole: RoleBusiness, Weight: 5, Gate: true, DurationDays: 10, DependsOn: []int{6},
				ExitCriteria: "Price and terms approved internally"},
			{Key: KeyContractSigned, Name: "Contract signed", NameZh: "合同签订", OwnerRole: RoleBusiness, Weight: 15, Gate: true, DurationDays: 20, DependsOn: []int{7},
				ExitCriteria: "Signed within 30 calendar days of the award"},
			{Key: "delivery", Name: "Delivery", NameZh: "交付", OwnerRole: RolePMO, Weight: 0, DurationDays: 40, DependsOn: []int{8}},
			{Key: "acceptance", Name: "Acceptance", NameZh: "验收", OwnerRole: RolePMO, Weight: 0, Gate: true, DurationDays: 10, DependsOn: []int{9}},
			{Key: "payment", Name: "Payment collected", NameZh: "回款", OwnerRole: RoleBusiness, Weight: 0, DurationDays: 40, DependsOn: []int{10},
				ExitCriteria: "SME supplier: within 60 days"},
		},
	},
}
