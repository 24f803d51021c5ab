package deals

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"summit/domain"
)

// PlanColumns are the columns of a plan as a spreadsheet, in export order. Import
// accepts them in any order, by these names or their Chinese headers.
var PlanColumns = []string{"seq", "name", "name_zh", "owner_role", "weight", "gate", "planned_start", "planned_due", "depends_on", "status", "exit_criteria"}

// planHeadersZh are the Chinese headers a PMO's own sheet may use.
var planHeadersZh = map[string]string{
	"序号": "seq", "里程碑": "name", "名称": "name", "中文名称": "name_zh", "负责角色": "owner_role", "权重": "weight",
	"关口": "gate", "计划开始": "planned_start", "计划完成": "planned_due", "前置": "depends_on", "状态": "status", "完成标准": "exit_criteria",
}

// MaxPlanMilestones is the most milestones a plan may have: an import of more is
// refused (rule "max_rows") before anything is stored.
const MaxPlanMilestones = 2000

var requiredColumns = []string{"name", "owner_role", "planned_start", "planned_due"}

// PlanToRows renders a plan as a header row and one row per milestone; depends_on lists
// the seq numbers of the dependencies, so the sheet imports back unchanged.
func PlanToRows(plan []Milestone) [][]string {
	seq := map[string]int{}
	for _, m := range plan {
		seq[m.ID] = m.Sequence
	}
	rows := [][]string{PlanColumns}
	for _, m := range plan {
		deps := make([]string, 0, len(m.DependsOn))
		for _, d := range m.DependsOn {
			deps = append(deps, strconv.Itoa(seq[d]))
		}
		rows = append(rows, []string{strconv.Itoa(m.Sequence), m.Name, m.NameZh, string(m.OwnerRole), strconv.Itoa(m.Weight),
			strconv.FormatBool(m.Gate), m.PlannedStart.Format(DateLayout), m.PlannedDue.Format(DateLayout),
			strings.Join(deps, ";"), string(m.Status), m.ExitCriteria})
	}
	return rows
}

// RowsToPlan reads a plan from spreadsheet rows (the first non-empty row is the header).
// Every problem is reported as field "rows[N].column" with N the sheet's 1-based row, so
// a PMO can fix the file; nothing is returned unless the whole file is valid. Milestone
// ids are "0", "1", … like a template layout; depends_on names seq numbers, or row
// positions (1 = first milestone) when the sheet has no seq column.
func RowsToPlan(rows [][]string, today time.Time) ([]Milestone, error) {
	verr := &domain.ValidationError{}
	headerAt := 0
	for headerAt < len(rows) && blank(rows[headerAt]) {
		headerAt++
	}
	if headerAt == len(rows) {
		return nil, domain.Invalid("file", "empty", "")
	}
	col := map[string]int{}
	for i, h := range rows[headerAt] {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if zh, ok := planHeadersZh[strings.TrimSpace(h)]; ok {
			name = zh
		}
		col[name] = i
	}
	for _, req := range requiredColumns {
		if _, ok := col[req]; !ok {
			verr.Add("columns", "missing_column", req)
		}
	}
	if err := verr.OrNil(); err != nil {
		return nil, err
	}
	var plan []Milestone
	var deps [][]string
	var sheetRow []int
	bySeq := map[string]string{}
	for r := headerAt + 1; r < len(rows); r++ {
		row := rows[r]
		if blank(row) {
			continue
		}
		if len(plan) == MaxPlanMilestones {
			return nil, domain.Invalid("file", "max_rows", strconv.Itoa(MaxPlanMilestones))
		}
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		bad := func(column, rule, param string) { verr.Add(fmt.Sprintf("rows[%d].%s", r+1, column), rule, param) }
		id := strconv.Itoa(len(plan))
		m := Milestone{ID: id, Sequence: len(plan) + 1, Name: cell("name"), NameZh: cell("name_zh"), OwnerRole: OwnerRole(strings.ToLower(cell("owner_role"))),
			ExitCriteria: cell("exit_criteria"), Status: StatusPlanned, Weight: 1}
		if m.Name == "" {
			bad("name", "required", "")
		}
		for _, c := range []struct {
			column string
			limit  int
		}{{"name", domain.MaxTitleLen}, {"name_zh", domain.MaxTitleLen}, {"exit_criteria", domain.MaxTextLen}} {
			if utf8.RuneCountInString(cell(c.column)) > c.limit {
				bad(c.column, "max", strconv.Itoa(c.limit))
			}
		}
		if !m.OwnerRole.Valid() {
			bad("owner_role", "oneof", "pmo business solution")
		}
		if v := cell("weight"); v != "" {
			w, err := strconv.Atoi(v)
			if err != nil || w < domain.MinWeight || w > domain.MaxWeight {
				bad("weight", "range", fmt.Sprintf("%d–%d", domain.MinWeight, domain.MaxWeight))
			}
			m.Weight = w
		}
		if v := strings.ToLower(cell("gate")); v != "" {
			switch v {
			case "true", "yes", "y", "1", "是", "x":
				m.Gate = true
			case "false", "no", "n", "0", "否":
			default:
				bad("gate", "boolean", "")
			}
		}
		for name, dst := range map[string]*time.Time{"planned_start": &m.PlannedStart, "planned_due": &m.PlannedDue} {
			t, err := parseSheetDate(cell(name))
			switch {
			case errors.Is(err, ErrDateOutOfRange):
				bad(name, "date_range", DateRangeText)
			case err != nil:
				bad(name, "date", "")
			}
			*dst = t
		}
		if !m.PlannedStart.IsZero() && !m.PlannedDue.IsZero() && m.PlannedDue.Before(m.PlannedStart) {
			bad("planned_due", "after_start", "")
		}
		if v := cell("status"); v != "" {
			m.Status = MilestoneStatus(strings.ToLower(v))
			if !m.Status.Valid() {
				bad("status", "oneof", "planned in_progress done blocked skipped")
			} else if m.Status == StatusDone {
				done := m.PlannedDue
				if done.After(Day(today)) {
					done = Day(today)
				}
				m.CompletedOn = &done
			}
		}
		seq := cell("seq")
		if _, hasSeq := col["seq"]; !hasSeq {
			seq = strconv.Itoa(len(plan) + 1)
		}
		if seq != "" {
			if _, dup := bySeq[seq]; dup {
				bad("seq", "unique", "")
			}
			bySeq[seq] = id
		}
		deps = append(deps, splitList(cell("depends_on")))
		sheetRow = append(sheetRow, r+1)
		plan = append(plan, m)
	}
	if len(plan) == 0 && verr.OrNil() == nil {
		return nil, domain.Invalid("file", "empty", "")
	}
	for i := range plan {
		for _, ref := range deps[i] {
			id, ok := bySeq[ref]
			if !ok || id == plan[i].ID {
				verr.Add(fmt.Sprintf("rows[%d].depends_on", sheetRow[i]), "exists", ref)
				continue
			}
			plan[i].DependsOn = append(plan[i].DependsOn, id)
		}
	}
	if err := verr.OrNil(); err != nil {
		return nil, err
	}
	if err := CheckDependencies(plan); err != nil {
		return nil, err
	}
	return plan, nil
}

// parseSheetDate accepts YYYY-MM-DD and the forms Excel and WPS commonly produce.
func parseSheetDate(s string) (time.Time, error) {
	for _, layout := range []string{DateLayout, "2006/1/2", "2006/01/02", "2006.1.2", "1/2/06", "01-02-06", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, CheckDateRange(t)
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '，' || r == '；' || r == ' ' }) {
		out = append(out, strings.TrimSpace(part))
	}
	return out
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
