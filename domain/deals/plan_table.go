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
// accepts them in any order, by these names or their headers in either language
// (PlanHeader); "key" is the milestone's id, hidden in the export, so a file imports
// back onto the milestones it came from.
var PlanColumns = []string{"seq", "name", "name_zh", "owner_role", "weight", "gate", "planned_start", "planned_due", "depends_on", "status", "exit_criteria", "key"}

// planHeaders are each column's header in English and Chinese.
var planHeaders = map[string][2]string{
	"seq": {"#", "序号"}, "name": {"Name", "名称"}, "name_zh": {"Chinese name", "中文名称"}, "owner_role": {"Owner role", "负责角色"},
	"weight": {"Weight", "权重"}, "gate": {"Gate", "关口"}, "planned_start": {"Planned start", "计划开始"}, "planned_due": {"Planned due", "计划完成"},
	"depends_on": {"Depends on (#)", "前置（序号）"}, "status": {"Status", "状态"}, "exit_criteria": {"Exit criteria", "完成标准"},
	"key": {"Key (do not edit)", "键（请勿修改）"},
}

// planHeadersZh are other Chinese headers a PMO's own sheet may use.
var planHeadersZh = map[string]string{
	"里程碑": "name", "前置": "depends_on", "键": "key",
}

// roleLabels and statusLabels are the values as the SPA shows them, English and Chinese.
var (
	roleLabels   = map[OwnerRole][2]string{RolePMO: {"PMO", "项目管理"}, RoleBusiness: {"Business", "商务"}, RoleSolution: {"Solution", "解决方案"}}
	statusLabels = map[MilestoneStatus][2]string{StatusPlanned: {"Planned", "计划中"}, StatusInProgress: {"In progress", "进行中"},
		StatusDone: {"Done", "已完成"}, StatusBlocked: {"Blocked", "受阻"}, StatusSkipped: {"Skipped", "已跳过"}}
)

func lang(zh bool) int {
	if zh {
		return 1
	}
	return 0
}

// PlanHeader is column's header in English or Chinese.
func PlanHeader(column string, zh bool) string { return planHeaders[column][lang(zh)] }

// columnOf names the column a header means: a code, or a header in either language.
func columnOf(header string) string {
	h := strings.TrimSpace(strings.TrimPrefix(header, "\ufeff"))
	if c, ok := planHeadersZh[h]; ok {
		return c
	}
	for code, labels := range planHeaders {
		if strings.EqualFold(h, code) || strings.EqualFold(h, labels[0]) || h == labels[1] {
			return code
		}
	}
	return strings.ToLower(h)
}

// roleOf and statusOf read a value as a code or a label in either language.
func roleOf(v string) OwnerRole {
	for code, labels := range roleLabels {
		if strings.EqualFold(v, string(code)) || strings.EqualFold(v, labels[0]) || v == labels[1] {
			return code
		}
	}
	return OwnerRole(strings.ToLower(v))
}

func statusOf(v string) MilestoneStatus {
	for code, labels := range statusLabels {
		if strings.EqualFold(v, string(code)) || strings.EqualFold(v, labels[0]) || v == labels[1] {
			return code
		}
	}
	return MilestoneStatus(strings.ToLower(v))
}

// MaxPlanMilestones is the most milestones a plan may have: an import of more is
// refused (rule "max_rows") before anything is stored.
const MaxPlanMilestones = 2000

var requiredColumns = []string{"name", "owner_role", "planned_start", "planned_due"}

// PlanToRows renders a plan as a header row and one row per milestone, as codes;
// depends_on lists the seq numbers of the dependencies, so the sheet imports back
// unchanged.
func PlanToRows(plan []Milestone) [][]string {
	rows := [][]string{PlanColumns}
	for k, cells := range PlanSheetRows(plan, false) {
		row := make([]string, len(cells))
		for i, v := range cells {
			switch v := v.(type) {
			case int:
				row[i] = strconv.Itoa(v)
			case bool:
				row[i] = strconv.FormatBool(v)
			case time.Time:
				row[i] = v.Format(DateLayout)
			case string:
				row[i] = v
			}
		}
		row[3], row[9] = string(plan[k].OwnerRole), string(plan[k].Status) // codes, not labels
		rows = append(rows, row)
	}
	return rows
}

// PlanSheetHeader is the header row of an export, in English or Chinese.
func PlanSheetHeader(zh bool) []string {
	header := make([]string, len(PlanColumns))
	for i, c := range PlanColumns {
		header[i] = PlanHeader(c, zh)
	}
	return header
}

// PlanSheetRows are the data rows of an export, one per milestone in PlanColumns order,
// typed: seq and weight int, gate bool, the dates time.Time, the rest strings (owner
// role and status as labels in the reader's language, depends_on the seq numbers).
func PlanSheetRows(plan []Milestone, zh bool) [][]any {
	seq := map[string]int{}
	for _, m := range plan {
		seq[m.ID] = m.Sequence
	}
	rows := make([][]any, 0, len(plan))
	for _, m := range plan {
		deps := make([]string, 0, len(m.DependsOn))
		for _, d := range m.DependsOn {
			deps = append(deps, strconv.Itoa(seq[d]))
		}
		role, status := string(m.OwnerRole), string(m.Status)
		if l, ok := roleLabels[m.OwnerRole]; ok {
			role = l[lang(zh)]
		}
		if l, ok := statusLabels[m.Status]; ok {
			status = l[lang(zh)]
		}
		rows = append(rows, []any{m.Sequence, m.Name, m.NameZh, role, m.Weight, m.Gate, m.PlannedStart, m.PlannedDue,
			strings.Join(deps, ";"), status, m.ExitCriteria, m.ID})
	}
	return rows
}

// PlanFile is a plan read from a spreadsheet, before it meets the stored plan.
type PlanFile struct {
	// Milestones have ids "0", "1", … (their index) and DependsOn refers to those.
	Milestones []Milestone
	// Keys are the key cells ("" where none): the id of the stored milestone a row updates.
	Keys []string
	// Rows are the sheet's 1-based row numbers of the milestones.
	Rows []int
	// Given says which optional values each row sets: a column the file lacks, and an
	// empty weight, gate or status cell, leave a stored milestone's value as it is.
	Given []map[string]bool
}

// RowsToPlan reads a plan from spreadsheet rows (see ReadPlanFile) and checks its
// dependencies on its own.
func RowsToPlan(rows [][]string, today time.Time) ([]Milestone, error) {
	f, err := ReadPlanFile(rows, today)
	if err != nil {
		return nil, err
	}
	if err := CheckDependencies(f.Milestones); err != nil {
		return nil, err
	}
	return f.Milestones, nil
}

// ReadPlanFile reads spreadsheet rows (the first non-empty row is the header). Every
// problem is reported as field "rows[N].column" with N the sheet's 1-based row, so a
// PMO can fix the file; nothing is returned unless the whole file is valid. depends_on
// names seq numbers, or row positions (1 = first milestone) when the sheet has no seq
// column. Owner role and status may be codes or labels in either language.
func ReadPlanFile(rows [][]string, today time.Time) (PlanFile, error) {
	verr := &domain.ValidationError{}
	headerAt := 0
	for headerAt < len(rows) && blank(rows[headerAt]) {
		headerAt++
	}
	if headerAt == len(rows) {
		return PlanFile{}, domain.Invalid("file", "empty", "")
	}
	col := map[string]int{}
	for i, h := range rows[headerAt] {
		col[columnOf(h)] = i
	}
	for _, req := range requiredColumns {
		if _, ok := col[req]; !ok {
			verr.Add("columns", "missing_column", req)
		}
	}
	if err := verr.OrNil(); err != nil {
		return PlanFile{}, err
	}
	var f PlanFile
	var deps [][]string
	bySeq := map[string]string{}
	keys := map[string]bool{}
	for r := headerAt + 1; r < len(rows); r++ {
		row := rows[r]
		if blank(row) {
			continue
		}
		if len(f.Milestones) == MaxPlanMilestones {
			return PlanFile{}, domain.Invalid("file", "max_rows", strconv.Itoa(MaxPlanMilestones))
		}
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		given := map[string]bool{}
		for _, c := range []string{"name_zh", "exit_criteria", "depends_on"} {
			_, given[c] = col[c]
		}
		bad := func(column, rule, param string) { verr.Add(fmt.Sprintf("rows[%d].%s", r+1, column), rule, param) }
		id := strconv.Itoa(len(f.Milestones))
		m := Milestone{ID: id, Sequence: len(f.Milestones) + 1, Name: cell("name"), NameZh: cell("name_zh"), OwnerRole: roleOf(cell("owner_role")),
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
			given["weight"] = true
			w, err := strconv.Atoi(v)
			if err != nil || w < domain.MinWeight || w > domain.MaxWeight {
				bad("weight", "range", fmt.Sprintf("%d–%d", domain.MinWeight, domain.MaxWeight))
			}
			m.Weight = w
		}
		if v := strings.ToLower(cell("gate")); v != "" {
			given["gate"] = true
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
			given["status"] = true
			m.Status = statusOf(v)
			if !m.Status.Valid() {
				bad("status", "oneof", "planned in_progress done blocked skipped")
			} else if m.Status == StatusDone {
				m.CompletedOn = completedOn(m, today)
			}
		}
		seq := cell("seq")
		if _, hasSeq := col["seq"]; !hasSeq {
			seq = strconv.Itoa(len(f.Milestones) + 1)
		}
		if seq != "" {
			if _, dup := bySeq[seq]; dup {
				bad("seq", "unique", "")
			}
			bySeq[seq] = id
		}
		key := cell("key")
		if key != "" {
			if keys[key] {
				bad("key", "unique", "")
			}
			keys[key] = true
		}
		deps = append(deps, splitList(cell("depends_on")))
		f.Rows = append(f.Rows, r+1)
		f.Keys = append(f.Keys, key)
		f.Given = append(f.Given, given)
		f.Milestones = append(f.Milestones, m)
	}
	if len(f.Milestones) == 0 && verr.OrNil() == nil {
		return PlanFile{}, domain.Invalid("file", "empty", "")
	}
	for i := range f.Milestones {
		for _, ref := range deps[i] {
			id, ok := bySeq[ref]
			if !ok || id == f.Milestones[i].ID {
				verr.Add(fmt.Sprintf("rows[%d].depends_on", f.Rows[i]), "exists", ref)
				continue
			}
			f.Milestones[i].DependsOn = append(f.Milestones[i].DependsOn, id)
		}
	}
	if err := verr.OrNil(); err != nil {
		return PlanFile{}, err
	}
	return f, nil
}

// completedOn is when an imported milestone marked done was completed: its due date,
// or today if that is still ahead.
func completedOn(m Milestone, today time.Time) *time.Time {
	done := m.PlannedDue
	if done.After(Day(today)) {
		done = Day(today)
	}
	return &done
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
