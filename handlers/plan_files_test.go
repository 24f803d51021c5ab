package handlers

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// upload posts a file as multipart form field "file".
func (b *browser) upload(target, filename string, content []byte) *httptest.ResponseRecorder {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(content)
	mw.Close()
	req := httptest.NewRequest("POST", target, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Cookie", sessionCookie+"="+b.cookie)
	req.Header.Set(csrfHeader, b.csrf)
	return b.ts.serve(req)
}

func TestImportPlanAllOrNothing(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	target := "/api/v1/deals/" + w.deal.ID + "/milestones/import"

	badCSV := "name,owner_role,planned_start,planned_due,depends_on\n" +
		"Kick-off,pmo,2026-12-01,2026-12-02,\n" +
		"Survey,sales,2026-12-03,2026-12-01,7\n"
	rec := pmo.upload(target, "plan.csv", []byte(badCSV))
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("bad CSV: %d %s", rec.Code, rec.Body)
	}
	for _, want := range []string{`"rows[3].owner_role"`, `"rows[3].planned_due"`, `"rows[3].depends_on"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("bad CSV report lacks %s: %s", want, rec.Body)
		}
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 14 {
		t.Fatalf("a refused import changed the plan: %d milestones", len(plan))
	}

	// Excel on Chinese Windows saves CSV as GB18030 with Chinese headers.
	good := "序号,里程碑,负责角色,计划开始,计划完成,前置,关口\n1,需求调研,solution,2026/12/1,2026/12/5,,否\n2,方案交流,business,2026-12-08,2026-12-12,1,是\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	rec = pmo.upload(target, "计划.csv", gbk)
	if rec.Code != http.StatusOK {
		t.Fatalf("good CSV: %d %s", rec.Code, rec.Body)
	}
	plan := w.loadPlan(t, pmo)
	if len(plan) != 2 || plan[0].Name != "需求调研" || !plan[1].Gate || len(plan[1].DependsOn) != 1 || plan[1].DependsOn[0] != plan[0].ID {
		t.Fatalf("imported plan = %+v", plan)
	}
	if rec := pmo.upload(target, "notes.txt", []byte{0xff, 0xfe, 0x00}); rec.Code != http.StatusBadRequest && rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("garbage file: %d", rec.Code)
	}
	if rec := w.ts.signIn(w.business.Email).upload(target, "plan.csv", []byte(good)); rec.Code != http.StatusForbidden {
		t.Fatalf("business role importing: %d", rec.Code)
	}
}

func TestExportedPlanImportsBack(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	rec := pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/plan.xlsx", "")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != xlsxMIME || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %s", rec.Code, rec.Header())
	}
	book, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := book.GetRows(book.GetSheetName(0))
	if len(rows) != 15 || rows[0][1] != "name" || rows[1][1] != w.plan[0].Name {
		t.Fatalf("sheet rows = %d, header %v", len(rows), rows[0])
	}
	if rec := pmo.upload("/api/v1/deals/"+w.deal.ID+"/milestones/import", "plan.xlsx", rec.Body.Bytes()); rec.Code != http.StatusOK {
		t.Fatalf("re-import: %d %s", rec.Code, rec.Body)
	}
	again := w.loadPlan(t, pmo)
	if len(again) != 14 {
		t.Fatalf("re-imported %d milestones", len(again))
	}
	for i := range again {
		if again[i].Name != w.plan[i].Name || !again[i].PlannedDue.Equal(w.plan[i].PlannedDue.Time) || len(again[i].DependsOn) != len(w.plan[i].DependsOn) {
			t.Errorf("milestone %d changed in the round trip: %+v vs %+v", i, again[i], w.plan[i])
		}
	}
}
