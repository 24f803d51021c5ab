package repository

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
)

// demoPeople are the parts a customer's people play, with their titles at a government
// body and at a company, the influence such a person usually has (the demo varies it by
// one) and whom they report to (an earlier index; -1: the head), so the org chart is a tree.
var demoPeople = []struct {
	title, corporateTitle string
	role                  stakeholders.DecisionRole
	influence             int
	reportsTo             int
}{
	{"Director-General 局长", "General Manager 总经理", "decision_maker", 5, -1},
	{"Deputy Director 副局长", "Chief Financial Officer 财务总监", "economic_buyer", 5, 0},
	{"Head of IT 信息中心主任", "Chief Information Officer 首席信息官", "technical_evaluator", 4, 0},
	{"Procurement Officer 采购专员", "Procurement Manager 采购经理", "gatekeeper", 3, 1},
	{"Section Chief 科长", "Head of Department 部门负责人", "influencer", 3, 2},
	{"Project Engineer 项目工程师", "Project Engineer 项目工程师", "user", 2, 4},
	{"Former colleague 老同事", "Former colleague 老同事", "coach", 2, 2},
	{"Finance Director 财务处长", "Deputy General Manager 副总经理", "economic_buyer", 4, 0},
	{"Operations Lead 运维负责人", "Operations Lead 运维负责人", "user", 2, 2},
	{"Chief Architect 总架构师", "Chief Architect 总架构师", "technical_evaluator", 4, 2},
}

// demoSurnames and demoGivenNames make the customers' people: demoPersonName gives every
// customer's people names no other customer's people, nor a demo user, have.
var (
	demoSurnames = []struct{ en, zh string }{
		{"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"}, {"Chen", "陈"}, {"Yang", "杨"}, {"Zhao", "赵"},
		{"Huang", "黄"}, {"Zhou", "周"}, {"Wu", "吴"}, {"Xu", "徐"}, {"Sun", "孙"}, {"Ma", "马"}, {"Hu", "胡"},
		{"Guo", "郭"}, {"He", "何"}, {"Lin", "林"}, {"Gao", "高"}, {"Luo", "罗"}, {"Zheng", "郑"},
	}
	demoGivenNames = []struct{ en, zh string }{
		{"Jian", "建"}, {"Na", "娜"}, {"Yang", "洋"}, {"Jing", "静"}, {"Fan", "帆"}, {"Xia", "霞"},
		{"Gang", "刚"}, {"Li", "丽"}, {"Jun", "军"}, {"Bin", "斌"}, {"Hong", "红"}, {"Ping", "平"},
	}
)

// demoPersonName is the name of the i-th person (i < len(demoPeople)) of the customer at
// index customer of demoCustomers: surname and given name are picked so that no two
// (customer, i) share a name.
func demoPersonName(customer, i int) string {
	k := customer*len(demoPeople) + i
	s, q := k%len(demoSurnames), k/len(demoSurnames)
	g := demoGivenNames[(q+7*s)%len(demoGivenNames)]
	return fmt.Sprintf("%s %s %s%s", demoSurnames[s].en, g.en, demoSurnames[s].zh, g.zh)
}

// demoManager is the contact the i-th person of the customer reports to, once known (the
// people of a customer are added in demoPeople's order, managers first); nil for the head.
func demoManager(known map[string]string, customer, i int) *string {
	if i >= len(demoPeople) || demoPeople[i].reportsTo < 0 {
		return nil
	}
	if id, ok := known[demoPersonName(customer, demoPeople[i].reportsTo)]; ok {
		return &id
	}
	return nil
}

// seedDemoPeople gives every deal of a demo customer (customerIDs, in the order of
// demoCustomers) that has no stakeholders 4–10 of them, with titles that fit the
// customer, varied stances, history and next steps, and holds retrospectives with open
// and overdue actions on about a third of the deals.
func seedDemoPeople(ctx context.Context, tx *gorm.DB, customerIDs []string, now time.Time, rng *rand.Rand) error {
	customerAt := map[string]int{}
	for i, id := range customerIDs {
		customerAt[id] = i
	}
	people := &stakeholders.Service{Store: NewStakeholders(tx), Now: func() time.Time { return now }}
	retros := &reviews.Service{Store: NewReviews(tx), Deals: &deals.Service{Store: NewDeals(tx), Now: func() time.Time { return now }}, Now: func() time.Time { return now }}
	var ds []dealRow
	if err := tx.Order("created_at, id").Find(&ds).Error; err != nil {
		return err
	}
	today := deals.Day(now)
	for _, d := range ds {
		customer, ok := customerAt[d.CustomerID]
		if !ok {
			continue // not the demo's: its people are its owners' to add
		}
		var count int64
		if err := tx.Table("stakeholders").Where("deal_id = ?", d.ID).Count(&count).Error; err != nil {
			return err
		}
		if count > 0 {
			continue
		}
		access, err := NewDeals(tx).DealAccess(ctx, d.ID)
		if err != nil {
			return err
		}
		roleUser := map[deals.OwnerRole]string{}
		for _, m := range access.Members {
			roleUser[m.Role] = m.UserID
		}
		plan, err := NewDeals(tx).Plan(ctx, d.ID)
		if err != nil {
			return err
		}
		var gates []string
		for _, m := range plan {
			if m.Gate && !m.Finished() {
				gates = append(gates, m.ID)
			}
		}
		// The same customer's deals share its people: contacts are found by name first.
		known := map[string]string{}
		contacts, err := people.ListContacts(ctx, d.CustomerID, domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "name"}})
		if err != nil {
			return err
		}
		for _, c := range contacts.Items {
			known[c.Name] = c.ID
		}
		n := 4 + rng.IntN(7)
		for i := range n {
			p := demoPeople[i%len(demoPeople)]
			title := p.title
			if demoCustomers[customer].Kind != "government" {
				title = p.corporateTitle
			}
			last := today.AddDate(0, 0, -rng.IntN(60))
			due := today.AddDate(0, 0, rng.IntN(21)-7) // some overdue
			owner := roleUser[deals.RoleBusiness]
			in := stakeholders.NewStakeholder{
				ContactName: demoPersonName(customer, i),
				Title:       title,
				Stakeholder: stakeholders.Stakeholder{DecisionRole: p.role, Influence: max(1, p.influence-rng.IntN(2)),
					Stance: stakeholders.Stances[rng.IntN(len(stakeholders.Stances))], RelationshipStrength: 1 + rng.IntN(5),
					OwnerID: &owner, LastContactOn: &last, NextStep: "Follow-up meeting 跟进拜访", NextStepDue: &due},
			}
			if id, ok := known[in.ContactName]; ok {
				in.Stakeholder.ContactID = id
			} else {
				in.ReportsToID = demoManager(known, customer, i)
			}
			if len(gates) > 0 && (p.role == "decision_maker" || p.role == "economic_buyer" || rng.IntN(3) == 0) {
				in.Stakeholder.MilestoneIDs = []string{gates[rng.IntN(len(gates))]}
			}
			st, err := people.AddStakeholder(ctx, owner, d.ID, in)
			if err != nil {
				return fmt.Errorf("demo stakeholder: %w", err)
			}
			known[in.ContactName] = st.ContactID
			if rng.IntN(2) == 0 { // a change of heart after the meeting, kept in the history: the
				// follow-up is done and the next step is the proposal (the board's input level)
				to := stakeholders.Stances[rng.IntN(len(stakeholders.Stances))]
				next, nextDue := "Send the proposal 发送方案", due.AddDate(0, 0, 14)
				if _, err := people.UpdateStakeholder(ctx, owner, st.ID, st.Version, stakeholders.Patch{Stance: &to,
					NextStep: &next, NextStepDue: &nextDue, Note: "Reassessed after the last meeting 上次会面后重新评估"}); err != nil {
					return err
				}
			}
		}
		if rng.IntN(3) != 0 || len(plan) == 0 {
			continue
		}
		at := plan[rng.IntN(len(plan)/2+1)].ID
		r := reviews.Retrospective{DealID: d.ID, MilestoneID: &at, HeldOn: today.AddDate(0, 0, -rng.IntN(20)),
			Planned: "Budget approved this quarter 本季度预算获批", Happened: "Approval moved to next quarter 审批推迟到下季度",
			GapCause: "Customer reprioritised spending 客户调整了支出优先级", Next: "Re-present the ROI to finance 向财务重新汇报投资回报",
			Outcome: reviews.Outcome([]string{"on_track", "at_risk", "off_track"}[rng.IntN(3)]),
			Actions: []reviews.Action{
				{Title: "ROI deck for the customer's finance department 为客户财务部门准备投资回报材料", OwnerID: ptrTo(roleUser[deals.RoleBusiness]), DueOn: today.AddDate(0, 0, -3)},
				{Title: "Confirm the tender timeline 确认招标时间表", OwnerID: ptrTo(roleUser[deals.RolePMO]), DueOn: today.AddDate(0, 0, 7)},
			}}
		if _, err := retros.HoldRetrospective(ctx, roleUser[deals.RolePMO], r); err != nil {
			return fmt.Errorf("demo retrospective: %w", err)
		}
	}
	return nil
}

func ptrTo(s string) *string { return &s }
