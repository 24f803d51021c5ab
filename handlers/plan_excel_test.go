package handlers

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exportPlanFile downloads the deal's plan as XLSX with the given extra headers.
func (w *dealWorld) exportPlanFile(t *testing.T, b *browser, query string, headers ...string) []byte {
	t.Helper()
	rec := b.do("GET", "/api/v1/deals/"+w.deal.ID+"/plan.xlsx"+query, "", headers...)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != xlsxMIME || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %s", rec.Code, rec.Header())
	}
	return rec.Body.Bytes()
}

// importPlanFile uploads a plan file in mode and decodes the answer.
func (w *dealWorld) importPlanFile(t *testing.T, b *browser, mode, name string, content []byte) (planImportResponse, string) {
	t.Helper()
	rec := b.ts.serve(b.uploadRequest("/api/v1/deals/"+w.deal.ID+"/milestones/import?mode="+mode, name, content))
	if rec.Code != http.StatusOK {
		t.Fatalf("import (%s): %d %s", mode, rec.Code, rec.Body)
	}
	var out planImportResponse
	decode(t, rec, &out)
	return out, rec.Header().Get("ETag")
}

func TestPlanExportHasTypedCellsInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	first := w.plan[0]
	cases := []struct {
		name                  string
		query                 string
		headers               []string
		sheet                 string
		seq, nameHeader, role string
		status                string
	}{
		{"English", "", []string{"Accept-Language", "en"}, "Plan", "#", "Name", "Business", "Planned"},
		{"Chinese", "", []string{"Accept-Language", "zh-CN,zh;q=0.9"}, "计划", "序号", "名称", "商务", "计划中"},
		{"Chinese by lang, whatever the browser says", "?lang=zh-CN", []string{"Accept-Language", "en-US"}, "计划", "序号", "名称", "商务", "计划中"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			book, err := excelize.OpenReader(bytes.NewReader(w.exportPlanFile(t, pmo, tc.query, tc.headers...)))
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			sheet := book.GetSheetName(0)
			if sheet != tc.sheet {
				t.Errorf("sheet %q, want %q", sheet, tc.sheet)
			}
			rows, err := book.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 15 || rows[0][0] != tc.seq || rows[0][1] != tc.nameHeader || rows[1][1] != first.Name {
				t.Fatalf("%d rows, header %v, first %v", len(rows), rows[0], rows[1])
			}
			if first.OwnerRole != "business" || first.Status != "planned" {
				t.Fatalf("fixture: first milestone is %s/%s, want business/planned", first.OwnerRole, first.Status)
			}
			if rows[1][3] != tc.role || rows[1][9] != tc.status {
				t.Errorf("owner role %q, status %q; want %q, %q", rows[1][3], rows[1][9], tc.role, tc.status)
			}
			for cell, want := range map[string]excelize.CellType{"A2": excelize.CellTypeNumber, "E2": excelize.CellTypeNumber,
				"F2": excelize.CellTypeBool, "G2": excelize.CellTypeNumber, "H2": excelize.CellTypeNumber, "B2": excelize.CellTypeSharedString} {
				got, err := book.GetCellType(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				if got == excelize.CellTypeUnset {
					got = excelize.CellTypeNumber // a number cell carries no type attribute
				}
				if got != want {
					t.Errorf("%s is of type %v, want %v", cell, got, want)
				}
			}
			for _, cell := range []string{"G2", "H2"} {
				idx, _ := book.GetCellStyle(sheet, cell)
				style, err := book.GetStyle(idx)
				if err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "yyyy-mm-dd" {
					t.Errorf("%s is not formatted as a date: %+v %v", cell, style, err)
				}
				if v, _ := book.GetCellValue(sheet, cell); v != first.PlannedStart.Format("2006-01-02") && v != first.PlannedDue.Format("2006-01-02") {
					t.Errorf("%s reads %q", cell, v)
				}
			}
			raw, _ := book.GetCellValue(sheet, "G2", excelize.Options{RawCellValue: true})
			if strings.Contains(raw, "-") {
				t.Errorf("G2 is stored as %q, want a date serial number", raw)
			}
			panes, err := book.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes = %+v %v, want the header row frozen", panes, err)
			}
			filtered := false
			for _, dn := range book.GetDefinedName() {
				if dn.Name == "_xlnm._FilterDatabase" && strings.Contains(dn.RefersTo, "$A$1:$L$15") {
					filtered = true
				}
			}
			if !filtered {
				t.Errorf("no filter on A1:L15: %+v", book.GetDefinedName())
			}
			if visible, _ := book.GetColVisible(sheet, "L"); visible {
				t.Error("the key column L is visible")
			}
			if key, _ := book.GetCellValue(sheet, "L2"); key != first.ID {
				t.Errorf("key of row 2 = %q, want %q", key, first.ID)
			}
		})
	}
}

func TestExportedPlanImportsBackUnchanged(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	for _, tc := range []struct{ lang, mode string }{{"en", "merge"}, {"zh-CN", "merge"}, {"zh-CN", "replace"}} {
		file := w.exportPlanFile(t, pmo, "?lang="+tc.lang)
		before := w.loadPlan(t, pmo)
		out, _ := w.importPlanFile(t, pmo, tc.mode, "plan.xlsx", file)
		if got := out.Import; got.Added != 0 || got.Updated != 0 || got.Removed != 0 || got.Unchanged != 14 || got.ID == "" {
			t.Errorf("%s export imported in %s: %+v, want 14 unchanged and nothing else", tc.lang, tc.mode, got)
		}
		after := w.loadPlan(t, pmo)
		if len(after) != len(before) {
			t.Fatalf("%d milestones after, want %d", len(after), len(before))
		}
		for i := range after {
			a, b := after[i], before[i]
			if a.ID != b.ID || a.Version != b.Version || a.Name != b.Name || !a.PlannedDue.Equal(b.PlannedDue.Time) ||
				a.Status != b.Status || a.Gate != b.Gate || !slices.Equal(a.DependsOn, b.DependsOn) || (a.BaselineDue == nil) != (b.BaselineDue == nil) {
				t.Errorf("%s/%s: milestone %d changed: %+v, was %+v", tc.lang, tc.mode, i, a, b)
			}
		}
	}
}

func TestPlanImportMergeReplaceAndUndo(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/baselines", `{"name":"Kick-off plan"}`); rec.Code != http.StatusCreated {
		t.Fatalf("baseline: %d %s", rec.Code, rec.Body)
	}
	original := w.loadPlan(t, pmo)
	second := original[1]
	csv := "seq,name,owner_role,planned_start,planned_due,depends_on,key\n" +
		"1,Renamed survey," + second.OwnerRole + "," + second.PlannedStart.Format("2006-01-02") + "," + second.PlannedDue.Format("2006-01-02") + ",," + second.ID + "\n" +
		"2,Security review,solution,2026-12-01,2026-12-04,1,\n"
	undo := func(importID, ifMatch string) int {
		return pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones/import/"+importID+"/undo", "", "If-Match", ifMatch).Code
	}

	// Merge: the named milestone is updated, the new row added after it, the rest kept.
	merged, version := w.importPlanFile(t, pmo, "", "plan.csv", []byte(csv))
	if got := merged.Import; got.Mode != "merge" || got.Added != 1 || got.Updated != 1 || got.Removed != 0 || got.Unchanged != 13 {
		t.Fatalf("merge summary = %+v", got)
	}
	plan := w.loadPlan(t, pmo)
	if len(plan) != 15 || plan[1].ID != second.ID || plan[1].Name != "Renamed survey" || plan[2].Name != "Security review" || !slices.Equal(plan[2].DependsOn, []string{second.ID}) {
		t.Fatalf("merged plan: %d milestones, %+v, %+v", len(plan), plan[1], plan[2])
	}
	if code := undo(merged.Import.ID, etag(1)); code != http.StatusPreconditionFailed {
		t.Fatalf("undo naming another version: %d, want 412", code)
	}
	if code := undo(merged.Import.ID, version); code != http.StatusOK {
		t.Fatalf("undo merge: %d", code)
	}
	w.assertPlan(t, pmo, original)
	if code := undo(merged.Import.ID, version); code != http.StatusConflict && code != http.StatusPreconditionFailed {
		t.Fatalf("second undo: %d, want 409 or 412", code)
	}

	// Replace with the same file: the other 13 go, with their baseline dates; undo brings
	// them back with their ids and baseline dates, as one activity entry.
	replaced, version := w.importPlanFile(t, pmo, "replace", "plan.csv", []byte(csv))
	if got := replaced.Import; got.Mode != "replace" || got.Added != 1 || got.Updated != 1 || got.Removed != 13 || got.Unchanged != 0 {
		t.Fatalf("replace summary = %+v", got)
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 2 {
		t.Fatalf("replaced plan has %d milestones", len(plan))
	}
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones/import/"+replaced.Import.ID+"/undo", "", "If-Match", version); rec.Code != http.StatusOK {
		t.Fatalf("undo replace: %d %s", rec.Code, rec.Body)
	}
	w.assertPlan(t, pmo, original)
	var activity listResponse[activityResponse]
	decode(t, pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/activity?limit=3", ""), &activity)
	if len(activity.Items) < 2 || activity.Items[0].Action != "plan.import_undone" || activity.Items[1].Action != "plan.imported" {
		t.Fatalf("activity after undo: %+v", activity.Items)
	}

	// A change after the import: undo is refused and changes nothing.
	again, version := w.importPlanFile(t, pmo, "merge", "plan.csv", []byte(csv))
	plan = w.loadPlan(t, pmo)
	if rec := pmo.do("PATCH", "/api/v1/milestones/"+plan[0].ID, `{"name":"Edited after the import"}`, "If-Match", etag(plan[0].Version)); rec.Code != http.StatusOK {
		t.Fatalf("edit: %d %s", rec.Code, rec.Body)
	}
	if code := undo(again.Import.ID, version); code != http.StatusPreconditionFailed {
		t.Fatalf("undo after an edit: %d, want 412", code)
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 15 || plan[0].Name != "Edited after the import" {
		t.Fatalf("a refused undo changed the plan: %d milestones, first %q", len(plan), plan[0].Name)
	}
	if code := undo(again.Import.ID, ""); code != http.StatusPreconditionRequired {
		t.Fatalf("undo without If-Match: %d, want 428", code)
	}
	if rec := w.ts.signIn(w.business.Email).do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones/import/"+again.Import.ID+"/undo", "", "If-Match", version); rec.Code != http.StatusForbidden {
		t.Fatalf("business role undoing: %d", rec.Code)
	}
	if rec := pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/plan.xlsx?lang=fr", ""); rec.Code != http.StatusBadRequest {
		t.Fatalf("unknown language: %d", rec.Code)
	}
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/milestones/import?mode=overwrite", ""); rec.Code != http.StatusBadRequest {
		t.Fatalf("unknown mode: %d", rec.Code)
	}
}

// assertPlan fails unless the deal's plan is want again: same ids in the same order,
// names, dates, dependencies and baseline dates.
func (w *dealWorld) assertPlan(t *testing.T, b *browser, want []milestoneResponse) {
	t.Helper()
	got := w.loadPlan(t, b)
	if len(got) != len(want) {
		t.Fatalf("plan has %d milestones, want %d", len(got), len(want))
	}
	for i := range got {
		g, o := got[i], want[i]
		if g.ID != o.ID || g.Name != o.Name || !g.PlannedDue.Equal(o.PlannedDue.Time) || g.Status != o.Status ||
			!slices.Equal(g.DependsOn, o.DependsOn) || (g.BaselineDue == nil) != (o.BaselineDue == nil) {
			t.Errorf("milestone %d = %+v, want %+v", i, g, o)
		}
	}
}

func TestPlanImportReportsADependencyCycleWithItsRows(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	csv := "seq,name,owner_role,planned_start,planned_due,depends_on\n" +
		"1,Kick-off,pmo,2026-12-01,2026-12-02,\n" +
		"2,Survey,solution,2026-12-03,2026-12-04,3\n" +
		"3,Offer,business,2026-12-05,2026-12-06,2\n"
	for _, mode := range []string{"merge", "replace"} {
		rec := pmo.ts.serve(pmo.uploadRequest("/api/v1/deals/"+w.deal.ID+"/milestones/import?mode="+mode, "plan.csv", []byte(csv), "Accept-Language", "en"))
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != http.StatusUnprocessableEntity || len(body.Error.Fields) != 2 ||
			!strings.Contains(body.Error.Fields["rows[3].depends_on"], "3 → 4 → 3") || !strings.Contains(body.Error.Fields["rows[4].depends_on"], "3 → 4 → 3") {
			t.Fatalf("%s: %d %s; want 422 naming rows 3 and 4", mode, rec.Code, rec.Body)
		}
	}
	w.assertPlan(t, pmo, w.plan)
}
