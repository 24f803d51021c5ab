package handlers

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"summit/domain/identity"
	"summit/handlers/sheet/sheettest"
)

// upload posts a file as multipart form field "file".
func (b *browser) upload(target, filename string, content []byte) *httptest.ResponseRecorder {
	return b.ts.serve(b.uploadRequest(target, filename, content))
}

func TestImportPlanAllOrNothing(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	target := "/api/v1/deals/" + w.deal.ID + "/milestones/import?mode=replace"

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

// uploadRequest is a multipart upload of content as form field "file".
func (b *browser) uploadRequest(target, filename string, content []byte, headers ...string) *http.Request {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(content)
	mw.Close()
	req := httptest.NewRequest("POST", target, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Cookie", sessionCookie+"="+b.cookie)
	req.Header.Set(csrfHeader, b.csrf)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return req
}

// An upload of up to 10 MB that unpacks to a gigabyte is refused from the zip's
// directory: a 422 naming the limit, with a few megabytes allocated in all.
func TestImportPlanRefusesAZipBombCheaply(t *testing.T) {
	// Not parallel: the allocation count must be this request's alone.
	w := newDealWorld(t)
	big := newTestServerOn(t, w.ts.db, w.ts.sql, Options{BodyLimit: "10M"})
	pmo := big.signIn(w.pmo.Email)
	target := "/api/v1/deals/" + w.deal.ID + "/milestones/import"
	bomb := sheettest.Bomb(t, 1<<30)
	if len(bomb) > 10<<20-1024 {
		t.Fatalf("the bomb is %d bytes, more than an upload may be", len(bomb))
	}
	req := pmo.uploadRequest(target, "plan.xlsx", bomb)
	rec := httptest.NewRecorder()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	big.e.ServeHTTP(rec, req)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("a %.1f MB file inflating to 1 GB: %d, %.1f MB allocated", float64(len(bomb))/(1<<20), rec.Code, float64(allocated)/(1<<20))
	var body errorBody
	decode(t, rec, &body)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(body.Error.Fields["file"], "24 MB") {
		t.Fatalf("zip bomb: %d %s; want 422 naming the unpacked size limit", rec.Code, rec.Body)
	}
	if allocated > 64<<20 {
		t.Fatalf("the request allocated %.1f MB; want under 64 MB", float64(allocated)/(1<<20))
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 14 {
		t.Fatalf("a refused import changed the plan: %d milestones", len(plan))
	}
}

// A plan has at most 2,000 milestones: exactly that many import with every
// dependency; one more is a 422 naming the limit, in English and Chinese.
func TestImportPlanOfTheMostMilestones(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	// The production timeout: storing the largest plan takes a while under -race.
	big := newTestServerOn(t, w.ts.db, w.ts.sql, Options{BodyLimit: "10M", RequestTimeout: 30 * time.Second})
	pmo := big.signIn(w.pmo.Email)
	target := "/api/v1/deals/" + w.deal.ID + "/milestones/import?mode=replace"
	sheet := func(n int) []byte {
		var b strings.Builder
		b.WriteString("seq,name,owner_role,planned_start,planned_due,depends_on\n")
		for i := 1; i <= n; i++ {
			dep := ""
			if i > 1 {
				dep = strconv.Itoa(i - 1)
			}
			fmt.Fprintf(&b, "%d,Step %d,pmo,2026-12-01,2026-12-02,%s\n", i, i, dep)
		}
		return []byte(b.String())
	}

	for _, tc := range []struct {
		locale identity.Locale
		want   string
	}{
		{identity.LocaleEnglish, "at most 2000 milestones"},
		{identity.LocaleChinese, "最多 2000 个里程碑"},
	} {
		u, err := w.ts.id.User(t.Context(), w.pmo.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.ts.id.UpdateProfile(t.Context(), identity.Actor{UserID: u.ID}, u.Version, nil, &tc.locale); err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		big.e.ServeHTTP(rec, pmo.uploadRequest(target, "plan.csv", sheet(2001)))
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(body.Error.Fields["file"], tc.want) {
			t.Fatalf("2,001 rows (%s): %d %.300s; want 422 with fields.file naming %q", tc.locale, rec.Code, rec.Body, tc.want)
		}
	}
	if plan := w.loadPlan(t, pmo); len(plan) != 14 {
		t.Fatalf("a refused import changed the plan: %d milestones", len(plan))
	}

	// As XLSX, with exit criteria that do not compress, so that the upload is larger
	// than what is kept in memory and is read from Go's temporary file.
	rows := [][]string{{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on", "exit_criteria"}}
	for i := 1; i <= 2000; i++ {
		criteria := make([]byte, 150)
		rand.Read(criteria)
		rows = append(rows, []string{strconv.Itoa(i), fmt.Sprintf("Step %d", i), "pmo", "2026-12-01", "2026-12-02", strconv.Itoa(i - 1), hex.EncodeToString(criteria)})
	}
	rows[1][5] = ""
	book := sheettest.XLSX(t, rows)
	if len(book) <= importMemory {
		t.Fatalf("the workbook is %d bytes, not more than the %d kept in memory", len(book), importMemory)
	}
	rec := httptest.NewRecorder()
	big.e.ServeHTTP(rec, pmo.uploadRequest(target, "plan.xlsx", book))
	if rec.Code != http.StatusOK {
		t.Fatalf("2,000 rows: %d %.300s", rec.Code, rec.Body)
	}
	plan, err := w.ts.dl.Plan(t.Context(), w.deal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 2000 {
		t.Fatalf("stored %d milestones, want 2000", len(plan))
	}
	for i, m := range plan {
		if m.Name != fmt.Sprintf("Step %d", i+1) || m.ExitCriteria != rows[i+1][6] || (i > 0 && (len(m.DependsOn) != 1 || m.DependsOn[0] != plan[i-1].ID)) {
			t.Fatalf("milestone %d = %q depending on %v", i+1, m.Name, m.DependsOn)
		}
	}
}
