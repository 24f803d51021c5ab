package deals

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"summit/domain"
)

// storedPlan is a plan of four stored milestones a → b → c, d on its own.
func storedPlan() []Milestone {
	ms := []Milestone{
		{ID: "a", Name: "Kick-off", OwnerRole: RolePMO, Weight: 1, PlannedStart: d("2026-01-05"), PlannedDue: d("2026-01-09"), Status: StatusDone, Version: 3},
		{ID: "b", Name: "Proposal", NameZh: "方案", OwnerRole: RoleSolution, Weight: 2, PlannedStart: d("2026-01-12"), PlannedDue: d("2026-01-30"), Status: StatusInProgress, DependsOn: []string{"a"}, Version: 1},
		{ID: "c", Name: "Contract", OwnerRole: RoleBusiness, Weight: 3, Gate: true, PlannedStart: d("2026-02-02"), PlannedDue: d("2026-02-27"), Status: StatusPlanned, DependsOn: []string{"b"}, Version: 1},
		{ID: "d", Name: "Reference visit", OwnerRole: RoleBusiness, Weight: 1, PlannedStart: d("2026-01-19"), PlannedDue: d("2026-01-23"), Status: StatusPlanned, Version: 2},
	}
	done := d("2026-01-09")
	ms[0].CompletedOn = &done
	for i := range ms {
		ms[i].Sequence = i + 1
		if ms[i].DependsOn == nil {
			ms[i].DependsOn = []string{}
		}
	}
	return ms
}

// exported is storedPlan's export as excelize reads it back, in English or Chinese.
func exported(t *testing.T, zh bool) [][]string {
	t.Helper()
	rows := [][]string{PlanSheetHeader(zh)}
	for _, r := range PlanSheetRows(storedPlan(), zh) {
		row := make([]string, len(r))
		for i, v := range r {
			switch v := v.(type) {
			case time.Time:
				row[i] = v.Format(DateLayout)
			case bool:
				row[i] = strings.ToUpper(strconv.FormatBool(v))
			case int:
				row[i] = strconv.Itoa(v)
			case string:
				row[i] = v
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func ids(ms []Milestone) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestMergePlan(t *testing.T) {
	header := []string{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on", "key"}
	cases := []struct {
		name      string
		rows      [][]string
		mode      ImportMode
		want      ImportSummary
		order     []string // ids of the plan afterwards ("new:N" for added rows)
		updated   []string
		removed   []string
		checkPlan func(t *testing.T, plan []Milestone)
	}{
		{name: "the English export merges back unchanged", rows: exported(t, false), mode: ImportMerge,
			want: ImportSummary{Unchanged: 4}, order: []string{"a", "b", "c", "d"}},
		{name: "the Chinese export merges back unchanged", rows: exported(t, true), mode: ImportMerge,
			want: ImportSummary{Unchanged: 4}, order: []string{"a", "b", "c", "d"}},
		{name: "the export replaces unchanged", rows: exported(t, false), mode: ImportReplace,
			want: ImportSummary{Unchanged: 4}, order: []string{"a", "b", "c", "d"}},
		{name: "merge updates by key, adds new rows after the row above them, keeps the rest",
			rows: [][]string{header,
				{"1", "Proposal v2", "solution", "2026-01-12", "2026-02-06", "", "b"},
				{"2", "Security review", "solution", "2026-02-09", "2026-02-13", "1", ""},
			}, mode: ImportMerge,
			want:  ImportSummary{Added: 1, Updated: 1, Unchanged: 3},
			order: []string{"a", "b", "new:1", "c", "d"}, updated: []string{"b"},
			checkPlan: func(t *testing.T, plan []Milestone) {
				b := plan[1]
				if b.Name != "Proposal v2" || !b.PlannedDue.Equal(d("2026-02-06")) || b.NameZh != "方案" || b.Status != StatusInProgress || b.Weight != 2 {
					t.Errorf("b = %+v: want the file's name and due, and its Chinese name, status and weight kept (no such columns)", b)
				}
				if len(b.DependsOn) != 0 {
					t.Errorf("b depends on %v: the file's depends_on cell is empty", b.DependsOn)
				}
				if added := plan[2]; !slices.Equal(added.DependsOn, []string{"b"}) || added.Sequence != 3 {
					t.Errorf("added = %+v, want after b and depending on it", added)
				}
			}},
		{name: "merge of rows without keys appends them", rows: [][]string{header[:5], {"1", "Go-live", "pmo", "2026-03-02", "2026-03-06"}},
			mode: ImportMerge, want: ImportSummary{Added: 1, Unchanged: 4}, order: []string{"a", "b", "c", "d", "new:0"}},
		{name: "a key of another plan counts as a new row", rows: [][]string{header, {"1", "Kick-off", "pmo", "2026-01-05", "2026-01-09", "", "zz"}},
			mode: ImportMerge, want: ImportSummary{Added: 1, Unchanged: 4}, order: []string{"a", "b", "c", "d", "new:0"}},
		{name: "replace keeps what the file names, in its order, and removes the rest",
			rows: [][]string{header,
				{"1", "Contract", "business", "2026-02-02", "2026-02-27", "", "c"},
				{"2", "Kick-off", "pmo", "2026-01-05", "2026-01-09", "", "a"},
				{"3", "Go-live", "pmo", "2026-03-02", "2026-03-06", "1", ""},
			}, mode: ImportReplace,
			want:  ImportSummary{Added: 1, Updated: 1, Removed: 2, Unchanged: 1},
			order: []string{"c", "a", "new:2"}, updated: []string{"c"}, removed: []string{"b", "d"},
			checkPlan: func(t *testing.T, plan []Milestone) {
				if a := plan[1]; a.Status != StatusDone || a.CompletedOn == nil {
					t.Errorf("a = %+v, want its status kept (the file has no status column)", a)
				}
			}},
		{name: "a status change to done sets the completion date, from done clears it",
			rows: [][]string{{"name", "owner_role", "planned_start", "planned_due", "status", "key"},
				{"Kick-off", "pmo", "2026-01-05", "2026-01-09", "计划中", "a"},
				{"Reference visit", "business", "2026-01-19", "2026-01-23", "Done", "d"},
			}, mode: ImportMerge, want: ImportSummary{Updated: 2, Unchanged: 2},
			order: []string{"a", "b", "c", "d"}, updated: []string{"a", "d"},
			checkPlan: func(t *testing.T, plan []Milestone) {
				if plan[0].Status != StatusPlanned || plan[0].CompletedOn != nil {
					t.Errorf("a = %+v, want planned without a completion date", plan[0])
				}
				if plan[3].Status != StatusDone || plan[3].CompletedOn == nil || !plan[3].CompletedOn.Equal(d("2026-01-23")) {
					t.Errorf("d = %+v, want done on its due date", plan[3])
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ReadPlanFile(tc.rows, d("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			ch, sum, err := MergePlan(storedPlan(), f, tc.mode, d("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			if sum != tc.want {
				t.Errorf("summary = %+v, want %+v", sum, tc.want)
			}
			if got := ids(ch.Plan); !slices.Equal(got, tc.order) {
				t.Errorf("plan = %v, want %v", got, tc.order)
			}
			for i, m := range ch.Plan {
				if m.Sequence != i+1 {
					t.Errorf("%s has sequence %d, want %d", m.ID, m.Sequence, i+1)
				}
			}
			if !slices.Equal(ch.Update, tc.updated) {
				t.Errorf("updated = %v, want %v", ch.Update, tc.updated)
			}
			if got := ids(ch.Remove); !slices.Equal(got, tc.removed) && len(got)+len(tc.removed) > 0 {
				t.Errorf("removed = %v, want %v", got, tc.removed)
			}
			if tc.checkPlan != nil {
				tc.checkPlan(t, ch.Plan)
			}
		})
	}
}

func TestMergePlanReportsADependencyCycleWithItsRows(t *testing.T) {
	header := []string{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on", "key"}
	cases := []struct {
		name   string
		rows   [][]string
		fields []string
		chain  string
	}{
		{name: "3 ↔ 4 in the file", rows: [][]string{header,
			{"1", "Kick-off", "pmo", "2026-01-05", "2026-01-09", "", ""},
			{"2", "Proposal", "solution", "2026-01-12", "2026-01-30", "3", ""},
			{"3", "Contract", "business", "2026-02-02", "2026-02-27", "2", ""},
		}, fields: []string{"rows[3].depends_on", "rows[4].depends_on"}, chain: "3 → 4 → 3"},
		{name: "2 → 3 → 4 in the file", rows: [][]string{header,
			{"1", "Kick-off", "pmo", "2026-01-05", "2026-01-09", "3", "a"},
			{"2", "Proposal", "solution", "2026-01-12", "2026-01-30", "1", "b"},
			{"3", "Contract", "business", "2026-02-02", "2026-02-27", "2", "c"},
		}, fields: []string{"rows[2].depends_on", "rows[3].depends_on", "rows[4].depends_on"}, chain: "2 → 3 → 4 → 2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ReadPlanFile(tc.rows, d("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = MergePlan(storedPlan(), f, ImportMerge, d("2026-11-23"))
			var verr *domain.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			var fields []string
			for _, v := range verr.Violations {
				if v.Rule != "cycle" {
					t.Errorf("rule %q, want cycle", v.Rule)
				}
				if tc.chain != "" && v.Param != tc.chain {
					t.Errorf("chain %q, want %q", v.Param, tc.chain)
				}
				fields = append(fields, v.Field)
			}
			slices.Sort(fields)
			if !slices.Equal(fields, tc.fields) {
				t.Errorf("fields = %v, want %v", fields, tc.fields)
			}
		})
	}
}

func TestUndoPlanChangeRestoresThePlanBefore(t *testing.T) {
	before := storedPlan()
	header := []string{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on", "key"}
	imports := []struct {
		name string
		rows [][]string
		mode ImportMode
	}{
		{"replace with three rows", [][]string{header,
			{"1", "Contract", "business", "2026-02-02", "2026-03-27", "", "c"},
			{"2", "New A", "pmo", "2026-01-05", "2026-01-09", "", ""},
			{"3", "New B", "pmo", "2026-01-05", "2026-01-09", "2", ""},
		}, ImportReplace},
		{"merge", [][]string{header, {"1", "Proposal v2", "solution", "2026-01-12", "2026-02-06", "", "b"}, {"2", "New", "pmo", "2026-03-02", "2026-03-06", "", ""}}, ImportMerge},
	}
	for _, tc := range imports {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ReadPlanFile(tc.rows, d("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			ch, _, err := MergePlan(before, f, tc.mode, d("2026-11-23"))
			if err != nil {
				t.Fatal(err)
			}
			// The plan as stored after the import: new ids, versions moved on.
			after := storeChange(before, ch)
			undo := UndoPlanChange(after, before, []BaselineDate{{BaselineID: "bl", MilestoneID: "b"}})
			restored := storeChange(after, undo)
			if len(restored) != len(before) {
				t.Fatalf("restored %v, want %v", ids(restored), ids(before))
			}
			for i := range before {
				if restored[i].ID != before[i].ID || !sameMilestone(restored[i], before[i]) || restored[i].Sequence != before[i].Sequence {
					t.Errorf("restored[%d] = %+v, want %+v", i, restored[i], before[i])
				}
			}
			if len(undo.Baselines) != 1 {
				t.Errorf("undo puts back %d baseline dates, want 1", len(undo.Baselines))
			}
			for _, id := range undo.Update {
				for _, m := range undo.Plan {
					if m.ID == id && m.Version != versionIn(after, id) {
						t.Errorf("undo writes %s at version %d, want the current %d", id, m.Version, versionIn(after, id))
					}
				}
			}
		})
	}
}

func versionIn(plan []Milestone, id string) int {
	for _, m := range plan {
		if m.ID == id {
			return m.Version
		}
	}
	return 0
}

// storeChange applies ch as the store does: added milestones get ids, updated ones a
// new version.
func storeChange(plan []Milestone, ch PlanChange) []Milestone {
	newID := map[string]string{}
	for _, id := range ch.Add {
		if strings.HasPrefix(id, NewMilestonePrefix) {
			newID[id] = "stored-" + id
		}
	}
	byID := map[string]Milestone{}
	for _, m := range plan {
		byID[m.ID] = m
	}
	var out []Milestone
	for _, m := range ch.Plan {
		m = cloneMilestone(m)
		if id, ok := newID[m.ID]; ok {
			m.ID, m.Version = id, 1
		} else if slices.Contains(ch.Update, m.ID) {
			m.Version++
		} else if slices.Contains(ch.Add, m.ID) {
			m.Version = 1
		} else {
			m.Version = byID[m.ID].Version
		}
		for i, dep := range m.DependsOn {
			if id, ok := newID[dep]; ok {
				m.DependsOn[i] = id
			}
		}
		out = append(out, m)
	}
	return out
}

func cloneMilestone(m Milestone) Milestone {
	m.DependsOn = slices.Clone(m.DependsOn)
	return m
}

func TestCheckUndo(t *testing.T) {
	plan := storedPlan()
	imp := PlanImport{ID: "i", DealVersion: 7, AfterStamp: PlanStamp(plan)}
	edited := storedPlan()
	edited[1].Version++
	undone := imp
	at := d("2026-11-23")
	undone.UndoneAt = &at
	cases := []struct {
		name        string
		imp         PlanImport
		plan        []Milestone
		dealVersion int
		ifMatch     int
		want        error
	}{
		{"as the import left it", imp, plan, 7, 7, nil},
		{"a milestone changed since", imp, edited, 7, 7, domain.ErrStaleVersion},
		{"a milestone added since", imp, append(storedPlan(), Milestone{ID: "e", Version: 1}), 7, 7, domain.ErrStaleVersion},
		{"the deal changed since", imp, plan, 8, 7, domain.ErrStaleVersion},
		{"If-Match names another version", imp, plan, 7, 6, domain.ErrStaleVersion},
		{"already undone", undone, plan, 7, 7, domain.ErrConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckUndo(tc.imp, tc.plan, tc.dealVersion, tc.ifMatch)
			if (tc.want == nil) != (err == nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Errorf("CheckUndo = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestReadPlanFileReadsHeadersAndValuesInEitherLanguage(t *testing.T) {
	for _, zh := range []bool{false, true} {
		f, err := ReadPlanFile(exported(t, zh), d("2026-11-23"))
		if err != nil {
			t.Fatalf("zh=%v: %v", zh, err)
		}
		want := storedPlan()
		for i, m := range f.Milestones {
			if f.Keys[i] != want[i].ID || m.OwnerRole != want[i].OwnerRole || m.Status != want[i].Status || m.Gate != want[i].Gate || m.Weight != want[i].Weight {
				t.Errorf("zh=%v row %d: key %q %+v, want %+v", zh, i, f.Keys[i], m, want[i])
			}
		}
	}
}
