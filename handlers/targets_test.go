package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"summit/domain/identity"
	"summit/domain/targets"
)

// targetsWorld is a server with an admin, an executive and a member, and a team tree:
// Government (North, East) and Key Accounts.
type targetsWorld struct {
	ts                       *testServer
	admin, exec, member      *browser
	gov, north, east, keyAcc identity.Team
}

func newTargetsWorld(t *testing.T) *targetsWorld {
	t.Helper()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	ts.user("exec@example.com", identity.RoleExecutive)
	ts.user("member@example.com", identity.RoleMember)
	ctx := context.Background()
	team := func(name string, parent *identity.Team) identity.Team {
		var pid *string
		if parent != nil {
			pid = &parent.ID
		}
		tm, err := ts.id.CreateTeam(ctx, identity.Actor{}, name, pid)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	w := &targetsWorld{ts: ts, admin: ts.signIn("admin@example.com"), exec: ts.signIn("exec@example.com"), member: ts.signIn("member@example.com")}
	w.gov = team("Government", nil)
	w.north = team("North", &w.gov)
	w.east = team("East", &w.gov)
	w.keyAcc = team("Key Accounts", nil)
	return w
}

// fieldsOf is the error fields of a response.
func fieldsOf(t *testing.T, rec *httptest.ResponseRecorder) map[string]string {
	t.Helper()
	var body errorBody
	decode(t, rec, &body)
	return body.Error.Fields
}

// audits lists the audit events of one action, newest first.
func (w *targetsWorld) audits(t *testing.T, action string) []auditResponse {
	t.Helper()
	var page listResponse[auditResponse]
	decode(t, w.admin.do("GET", "/api/v1/audit?action="+action, ""), &page)
	return page.Items
}

func TestTargetsCreateListUpdateDelete(t *testing.T) {
	t.Parallel()
	w := newTargetsWorld(t)
	var company targetResponse
	rec := w.admin.do("POST", "/api/v1/targets", `{"period":"2026-Q4","amount_minor":100000000}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create company target: %d %s", rec.Code, rec.Body)
	}
	decode(t, rec, &company)
	if company.TeamID != nil || company.Currency != "CNY" || company.Version != 1 || rec.Header().Get("ETag") != `"1"` {
		t.Errorf("company target %+v ETag %s", company, rec.Header().Get("ETag"))
	}

	tests := []struct {
		name   string
		who    *browser
		body   string
		code   int
		fields []string // the fields a 422 names
	}{
		{"an executive sets a team's target", w.exec, `{"period":"2026-Q4","team_id":"` + w.gov.ID + `","amount_minor":60000000,"currency":"CNY"}`, 201, nil},
		{"a month is a period", w.admin, `{"period":"2026-11","team_id":"` + w.gov.ID + `","amount_minor":20000000}`, 201, nil},
		{"a member may not", w.member, `{"period":"2026-Q4","team_id":"` + w.north.ID + `","amount_minor":1}`, 403, nil},
		{"the same period and team twice", w.admin, `{"period":"2026-Q4","team_id":"` + w.gov.ID + `","amount_minor":1}`, 422, []string{"period", "team_id"}},
		{"the company twice", w.exec, `{"period":"2026-Q4","amount_minor":1}`, 422, []string{"period", "team_id"}},
		{"not the reporting currency", w.admin, `{"period":"2026-Q4","team_id":"` + w.north.ID + `","amount_minor":1,"currency":"USD"}`, 422, []string{"currency"}},
		{"not a period", w.admin, `{"period":"2026-Q5","amount_minor":1}`, 422, []string{"period"}},
		{"an unknown team", w.admin, `{"period":"2026-Q4","team_id":"00000000-0000-4000-8000-000000000009","amount_minor":1}`, 422, []string{"team_id"}},
		{"above the deal amount bound", w.admin, `{"period":"2027-Q1","amount_minor":1000000000000000}`, 422, []string{"amount_minor"}},
		{"negative", w.admin, `{"period":"2027-Q1","amount_minor":-1}`, 422, []string{"amount_minor"}},
		{"no amount", w.admin, `{"period":"2027-Q1"}`, 422, []string{"amount_minor"}},
	}
	for _, tc := range tests {
		rec := tc.who.do("POST", "/api/v1/targets", tc.body)
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.code)
			continue
		}
		fields := map[string]string{}
		if rec.Code >= 400 {
			fields = fieldsOf(t, rec)
		}
		for _, f := range tc.fields {
			if _, ok := fields[f]; !ok {
				t.Errorf("%s: fields %v, want %s named", tc.name, fields, f)
			}
		}
	}

	// Lists: everyone signed in reads; filters by period and team.
	list := func(who *browser, query string) []targetResponse {
		t.Helper()
		rec := who.do("GET", "/api/v1/targets"+query, "")
		if rec.Code != http.StatusOK {
			t.Fatalf("list %s: %d %s", query, rec.Code, rec.Body)
		}
		var page listResponse[targetResponse]
		decode(t, rec, &page)
		return page.Items
	}
	for query, want := range map[string]int{"": 3, "?period=2026-Q4": 2, "?period=2026-11": 1, "?team_id=" + w.gov.ID: 2,
		"?period=2026-Q4&team_id=" + w.gov.ID: 1, "?period=2027-Q1": 0, "?sort=-amount_minor&limit=1": 1} {
		if got := list(w.member, query); len(got) != want {
			t.Errorf("list%s: %d targets, want %d", query, len(got), want)
		}
	}
	if got := list(w.member, "?sort=-amount_minor"); got[0].ID != company.ID {
		t.Errorf("largest first: %+v", got[0])
	}
	for _, query := range []string{"?period=Q4", "?team_id=north", "?sort=team"} {
		if rec := w.member.do("GET", "/api/v1/targets"+query, ""); rec.Code != http.StatusBadRequest {
			t.Errorf("list%s: %d, want 400", query, rec.Code)
		}
	}

	// Update at a version: stale is 412, a clash is 422, the company target moves to a team.
	url := "/api/v1/targets/" + company.ID
	if rec := w.exec.do("PATCH", url, `{"amount_minor":5}`, "If-Match", `"7"`); rec.Code != http.StatusPreconditionFailed {
		t.Errorf("stale update: %d %s", rec.Code, rec.Body)
	}
	if rec := w.exec.do("PATCH", url, `{"amount_minor":5}`); rec.Code != http.StatusPreconditionRequired {
		t.Errorf("update without If-Match: %d %s", rec.Code, rec.Body)
	}
	if rec := w.member.do("PATCH", url, `{"amount_minor":5}`, "If-Match", `"1"`); rec.Code != http.StatusForbidden {
		t.Errorf("member update: %d %s", rec.Code, rec.Body)
	}
	rec = w.exec.do("PATCH", url, `{"team_id":"`+w.gov.ID+`"}`, "If-Match", `"1"`)
	if f := fieldsOf(t, rec); rec.Code != http.StatusUnprocessableEntity || f["period"] == "" || f["team_id"] == "" {
		t.Errorf("move onto the team's target: %d %s", rec.Code, rec.Body)
	}
	if rec := w.exec.do("PATCH", url, `{"amount_minor":100000000}`, "If-Match", `"1"`); rec.Code != http.StatusOK || rec.Header().Get("ETag") != `"1"` {
		t.Errorf("an update that changes nothing: %d %s ETag %s, want version 1 kept", rec.Code, rec.Body, rec.Header().Get("ETag"))
	}
	rec = w.exec.do("PATCH", url, `{"amount_minor":120000000}`, "If-Match", `"1"`)
	var updated targetResponse
	decode(t, rec, &updated)
	if rec.Code != http.StatusOK || updated.AmountMinor != 120000000 || updated.Version != 2 || updated.TeamID != nil {
		t.Errorf("update: %d %s", rec.Code, rec.Body)
	}
	var got targetResponse
	decode(t, w.member.do("GET", url, ""), &got)
	if got != updated {
		t.Errorf("read back %+v, want %+v", got, updated)
	}
	ev := w.audits(t, targets.AuditTargetUpdated)
	if len(ev) != 1 || ev[0].SubjectID == nil || *ev[0].SubjectID != company.ID || ev[0].ActorEmail == nil || *ev[0].ActorEmail != "exec@example.com" {
		t.Fatalf("update audit: %+v", ev)
	}
	before, _ := ev[0].Details["before"].(map[string]any)
	after, _ := ev[0].Details["after"].(map[string]any)
	if before["amount_minor"] != float64(100000000) || after["amount_minor"] != float64(120000000) {
		t.Errorf("audit before/after: %v", ev[0].Details)
	}
	if n := len(w.audits(t, targets.AuditTargetCreated)); n != 3 {
		t.Errorf("%d create audits, want 3", n)
	}

	// Delete at a version, audited with what it was.
	if rec := w.exec.do("DELETE", url, "", "If-Match", `"1"`); rec.Code != http.StatusPreconditionFailed {
		t.Errorf("stale delete: %d", rec.Code)
	}
	if rec := w.exec.do("DELETE", url, "", "If-Match", `"2"`); rec.Code != http.StatusNoContent {
		t.Errorf("delete: %d %s", rec.Code, rec.Body)
	}
	if rec := w.member.do("GET", url, ""); rec.Code != http.StatusNotFound {
		t.Errorf("deleted target: %d", rec.Code)
	}
	if ev := w.audits(t, targets.AuditTargetDeleted); len(ev) != 1 || ev[0].Details["before"] == nil {
		t.Errorf("delete audit: %+v", ev)
	}
}

func TestTargetTreeTopDownAgainstBottomUp(t *testing.T) {
	t.Parallel()
	w := newTargetsWorld(t)
	set := func(period string, team *identity.Team, amount string) {
		t.Helper()
		body := `{"period":"` + period + `","amount_minor":` + amount
		if team != nil {
			body += `,"team_id":"` + team.ID + `"`
		}
		if rec := w.exec.do("POST", "/api/v1/targets", body+"}"); rec.Code != http.StatusCreated {
			t.Fatalf("set %s: %d %s", body, rec.Code, rec.Body)
		}
	}
	set("2026-Q4", nil, "1000")
	set("2026-Q4", &w.gov, "700")
	set("2026-Q4", &w.keyAcc, "250")
	set("2026-Q4", &w.north, "450")
	set("2026-Q4", &w.east, "300")
	set("2027-Q1", &w.gov, "9")

	type node struct {
		Name        string
		Target, Gap *int64
		BottomUp    int64
	}
	tree := func(who *browser, query string, headers ...string) (targetTreeResponse, map[string]node) {
		t.Helper()
		rec := who.do("GET", "/api/v1/targets/tree"+query, "", headers...)
		if rec.Code != http.StatusOK {
			t.Fatalf("tree%s: %d %s", query, rec.Code, rec.Body)
		}
		var resp targetTreeResponse
		decode(t, rec, &resp)
		out := map[string]node{}
		for _, n := range resp.Nodes {
			key := "company"
			if n.TeamID != nil {
				key = *n.TeamID
			}
			out[key] = node{n.Name, n.TargetMinor, n.GapMinor, n.BottomUpMinor}
		}
		return resp, out
	}
	i := func(v int64) *int64 { return &v }
	resp, nodes := tree(w.member, "?period=2026-Q4")
	want := map[string]node{
		"company":   {"Company", i(1000), i(50), 950},    // 700 + 250 taken on by the root teams
		w.gov.ID:    {"Government", i(700), i(-50), 750}, // its sub-teams took on more than asked
		w.north.ID:  {"North", i(450), nil, 0},           // a leaf: nothing to compare
		w.east.ID:   {"East", i(300), nil, 0},
		w.keyAcc.ID: {"Key Accounts", i(250), nil, 0},
	}
	if resp.Period != "2026-Q4" || resp.Currency != "CNY" || len(resp.Nodes) != len(want) || resp.Nodes[0].TeamID != nil {
		t.Fatalf("tree: %+v", resp)
	}
	show := func(p *int64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	for id, wn := range want {
		g := nodes[id]
		if g.Name != wn.Name || show(g.Target) != show(wn.Target) || show(g.Gap) != show(wn.Gap) || g.BottomUp != wn.BottomUp {
			t.Errorf("%s: target %v bottom-up %d gap %v, want %v %d %v", wn.Name, show(g.Target), g.BottomUp, show(g.Gap),
				show(wn.Target), wn.BottomUp, show(wn.Gap))
		}
	}
	if _, nodes := tree(w.member, "?period=2027-Q1"); show(nodes["company"].Target) != nil || nodes["company"].BottomUp != 9 || nodes["company"].Gap != nil {
		t.Errorf("2027-Q1 company: %+v", nodes["company"])
	}
	if _, nodes := tree(w.member, "?period=2026-Q4", "Accept-Language", "zh-CN"); nodes["company"].Name != "公司" {
		t.Errorf("company in Chinese: %q", nodes["company"].Name)
	}
	// Without a period: the current fiscal quarter (the test server's year starts in April).
	if resp, _ := tree(w.member, ""); !strings.Contains(resp.Period, "-Q") {
		t.Errorf("default period %q", resp.Period)
	}
	if rec := w.member.do("GET", "/api/v1/targets/tree?period=2026-Q9", ""); rec.Code != http.StatusBadRequest || fieldsOf(t, rec)["period"] == "" {
		t.Errorf("bad period: %d %s", rec.Code, rec.Body)
	}
}

func TestFXRates(t *testing.T) {
	t.Parallel()
	w := newTargetsWorld(t)
	rec := w.admin.do("POST", "/api/v1/fx-rates", `{"period":"2026-Q4","currency":"USD","rate":7.10}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var usd struct {
		ID       string          `json:"id"`
		Currency string          `json:"currency"`
		Rate     json.RawMessage `json:"rate"`
		Version  int             `json:"version"`
	}
	decode(t, rec, &usd)
	if string(usd.Rate) != "7.1" || usd.Version != 1 {
		t.Errorf("created %s", rec.Body)
	}
	tests := []struct {
		name   string
		who    *browser
		body   string
		code   int
		fields []string
	}{
		{"another period", w.admin, `{"period":"2027-Q1","currency":"USD","rate":7.25}`, 201, nil},
		{"ten decimal places", w.admin, `{"period":"2026-Q4","currency":"JPY","rate":0.0475123456}`, 201, nil},
		{"an executive may not", w.exec, `{"period":"2026-Q4","currency":"EUR","rate":7.8}`, 403, nil},
		{"a member may not", w.member, `{"period":"2026-Q4","currency":"EUR","rate":7.8}`, 403, nil},
		{"the same period and currency twice", w.admin, `{"period":"2026-Q4","currency":"USD","rate":7.2}`, 422, []string{"period", "currency"}},
		{"the reporting currency", w.admin, `{"period":"2026-Q4","currency":"CNY","rate":1}`, 422, []string{"currency"}},
		{"not a currency", w.admin, `{"period":"2026-Q4","currency":"XYZ","rate":1}`, 422, []string{"currency"}},
		{"zero", w.admin, `{"period":"2026-Q4","currency":"EUR","rate":0}`, 422, []string{"rate"}},
		{"too large", w.admin, `{"period":"2026-Q4","currency":"EUR","rate":1000001}`, 422, []string{"rate"}},
		{"eleven decimal places", w.admin, `{"period":"2026-Q4","currency":"EUR","rate":0.00000000001}`, 422, []string{"rate"}},
		{"as a string", w.admin, `{"period":"2026-Q4","currency":"EUR","rate":"7.8"}`, 400, []string{"rate"}},
		{"not a period", w.admin, `{"period":"26Q4","currency":"EUR","rate":7.8}`, 422, []string{"period"}},
	}
	for _, tc := range tests {
		rec := tc.who.do("POST", "/api/v1/fx-rates", tc.body)
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.code)
			continue
		}
		fields := map[string]string{}
		if rec.Code >= 400 {
			fields = fieldsOf(t, rec)
		}
		for _, f := range tc.fields {
			if _, ok := fields[f]; !ok {
				t.Errorf("%s: fields %v, want %s named", tc.name, fields, f)
			}
		}
	}
	var page struct {
		Items []struct {
			Currency string          `json:"currency"`
			Period   string          `json:"period"`
			Rate     json.RawMessage `json:"rate"`
		} `json:"items"`
	}
	decode(t, w.member.do("GET", "/api/v1/fx-rates?currency=USD&sort=-period", ""), &page)
	if len(page.Items) != 2 || page.Items[0].Period != "2027-Q1" || string(page.Items[0].Rate) != "7.25" {
		t.Errorf("USD rates: %+v", page.Items)
	}
	decode(t, w.member.do("GET", "/api/v1/fx-rates?period=2026-Q4&sort=currency", ""), &page)
	if len(page.Items) != 2 || page.Items[0].Currency != "JPY" || string(page.Items[0].Rate) != "0.0475123456" {
		t.Errorf("2026-Q4 rates: %+v", page.Items)
	}
	if rec := w.member.do("GET", "/api/v1/fx-rates?currency=usd", ""); rec.Code != http.StatusBadRequest {
		t.Errorf("lower-case currency filter: %d", rec.Code)
	}

	url := "/api/v1/fx-rates/" + usd.ID
	if rec := w.admin.do("PATCH", url, `{"rate":7.3}`, "If-Match", `"2"`); rec.Code != http.StatusPreconditionFailed {
		t.Errorf("stale: %d", rec.Code)
	}
	if rec := w.exec.do("PATCH", url, `{"rate":7.3}`, "If-Match", `"1"`); rec.Code != http.StatusForbidden {
		t.Errorf("executive: %d", rec.Code)
	}
	if rec := w.admin.do("PATCH", url, `{"period":"2027-Q1"}`, "If-Match", `"1"`); rec.Code != http.StatusUnprocessableEntity || fieldsOf(t, rec)["currency"] == "" {
		t.Errorf("clash: %d %s", rec.Code, rec.Body)
	}
	rec = w.admin.do("PATCH", url, `{"rate":7.3}`, "If-Match", `"1"`)
	decode(t, rec, &usd)
	if rec.Code != http.StatusOK || string(usd.Rate) != "7.3" || usd.Version != 2 || rec.Header().Get("ETag") != `"2"` {
		t.Errorf("update: %d %s", rec.Code, rec.Body)
	}
	ev := w.audits(t, targets.AuditRateUpdated)
	if len(ev) != 1 {
		t.Fatalf("update audits: %+v", ev)
	}
	if b, a := ev[0].Details["before"].(map[string]any), ev[0].Details["after"].(map[string]any); b["rate"] != "7.1" || a["rate"] != "7.3" {
		t.Errorf("audit before/after: %v", ev[0].Details)
	}
	if rec := w.admin.do("DELETE", url, "", "If-Match", `"2"`); rec.Code != http.StatusNoContent {
		t.Errorf("delete: %d %s", rec.Code, rec.Body)
	}
	if len(w.audits(t, targets.AuditRateDeleted)) != 1 || len(w.audits(t, targets.AuditRateCreated)) != 3 {
		t.Error("create/delete audits missing")
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	w := newTargetsWorld(t)
	var st settingsResponse
	rec := w.member.do("GET", "/api/v1/settings", "")
	decode(t, rec, &st)
	// The first start stores CNY and the configured fiscal year start (the test server: 4).
	if rec.Code != http.StatusOK || st.ReportingCurrency != "CNY" || st.FiscalYearStartMonth != 4 || st.Version != 1 {
		t.Fatalf("settings: %d %s", rec.Code, rec.Body)
	}
	meta := func() int {
		var m metaResponse
		decode(t, w.ts.do("GET", "/api/v1/meta", ""), &m)
		return m.FiscalYearStartMonth
	}
	tests := []struct {
		name    string
		who     *browser
		body    string
		ifMatch string
		code    int
		field   string
	}{
		{"an executive may not", w.exec, `{"fiscal_year_start_month":1}`, `"1"`, 403, ""},
		{"without If-Match", w.admin, `{"fiscal_year_start_month":1}`, "", 428, ""},
		{"stale", w.admin, `{"fiscal_year_start_month":1}`, `"5"`, 412, ""},
		{"month 13", w.admin, `{"fiscal_year_start_month":13}`, `"1"`, 422, "fiscal_year_start_month"},
		{"not a currency", w.admin, `{"reporting_currency":"ABC"}`, `"1"`, 422, "reporting_currency"},
		{"no change is no new version", w.admin, `{"fiscal_year_start_month":4,"reporting_currency":"CNY"}`, `"1"`, 200, ""},
		{"the admin moves the fiscal year to January", w.admin, `{"fiscal_year_start_month":1}`, `"1"`, 200, ""},
		{"and to USD", w.admin, `{"reporting_currency":"USD"}`, `"2"`, 200, ""},
	}
	for _, tc := range tests {
		headers := []string{}
		if tc.ifMatch != "" {
			headers = append(headers, "If-Match", tc.ifMatch)
		}
		rec := tc.who.do("PATCH", "/api/v1/settings", tc.body, headers...)
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.code)
			continue
		}
		if tc.field != "" && fieldsOf(t, rec)[tc.field] == "" {
			t.Errorf("%s: %s, want %s named", tc.name, rec.Body, tc.field)
		}
	}
	decode(t, w.member.do("GET", "/api/v1/settings", ""), &st)
	if st.FiscalYearStartMonth != 1 || st.ReportingCurrency != "USD" || st.Version != 3 || meta() != 1 {
		t.Errorf("after the changes: %+v, meta %d", st, meta())
	}
	ev := w.audits(t, targets.AuditSettingsUpdated)
	if len(ev) != 2 {
		t.Fatalf("settings audits: %+v", ev)
	}
	if ch, _ := ev[1].Details["fiscal_year_start_month"].(map[string]any); ch["from"] != float64(4) || ch["to"] != float64(1) {
		t.Errorf("audit of the fiscal year change: %v", ev[1].Details)
	}

	// With a target of a month, the fiscal year may still move (months do not depend on it);
	// with one of a quarter it may not, and the reporting currency is locked by any target.
	if rec := w.exec.do("POST", "/api/v1/targets", `{"period":"2026-11","amount_minor":5}`); rec.Code != http.StatusCreated {
		t.Fatalf("month target: %d %s", rec.Code, rec.Body)
	}
	if rec := w.admin.do("PATCH", "/api/v1/settings", `{"fiscal_year_start_month":4}`, "If-Match", `"3"`); rec.Code != http.StatusOK {
		t.Errorf("fiscal year with a month target: %d %s", rec.Code, rec.Body)
	}
	if rec := w.admin.do("PATCH", "/api/v1/settings", `{"reporting_currency":"CNY"}`, "If-Match", `"4"`); rec.Code != http.StatusUnprocessableEntity ||
		fieldsOf(t, rec)["reporting_currency"] == "" {
		t.Errorf("currency with a target: %d %s", rec.Code, rec.Body)
	}
	if rec := w.exec.do("POST", "/api/v1/targets", `{"period":"2026-Q4","amount_minor":5}`); rec.Code != http.StatusCreated {
		t.Fatalf("quarter target: %d %s", rec.Code, rec.Body)
	}
	rec = w.admin.do("PATCH", "/api/v1/settings", `{"fiscal_year_start_month":7}`, "If-Match", `"4"`, "Accept-Language", "zh-CN")
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(fieldsOf(t, rec)["fiscal_year_start_month"], "财季") {
		t.Errorf("fiscal year with a quarter target: %d %s", rec.Code, rec.Body)
	}
	if meta() != 4 {
		t.Errorf("meta after the refused change: %d", meta())
	}
}

// TestMissingFXRateIs422NamingCurrencyAndPeriod: the one error table answers a missing
// rate with 422 fx_rate_missing, naming currency and period, in English and Chinese.
func TestMissingFXRateIs422NamingCurrencyAndPeriod(t *testing.T) {
	t.Parallel()
	c := targets.NewConverter("CNY", []targets.FXRate{{Period: "2026-Q3", Currency: "USD", Rate: "7.1"}})
	_, err := c.Convert(100, "USD", "2026-Q4")
	tests := []struct {
		locale               Locale
		message              string
		currency, periodText string
	}{
		{LocaleEN, "No FX rate for USD in 2026-Q4", "has no FX rate in 2026-Q4", "has no FX rate for USD"},
		{LocaleZH, "缺少 USD 在 2026-Q4 的汇率", "在 2026-Q4 没有汇率", "没有 USD 的汇率"},
	}
	for _, tc := range tests {
		status, body := describe(err, tc.locale)
		if status != http.StatusUnprocessableEntity || body.Error.Code != "fx_rate_missing" {
			t.Errorf("%s: %d %s", tc.locale, status, body.Error.Code)
		}
		if !strings.HasPrefix(body.Error.Message, tc.message) || body.Error.Fields["currency"] != tc.currency || body.Error.Fields["period"] != tc.periodText {
			t.Errorf("%s: %+v", tc.locale, body.Error)
		}
	}
}

// TestDealListPeriodFollowsTheStoredFiscalYear: the deal list's ?period= names quarters by
// the fiscal year start month in the settings, so a change through PATCH /settings applies
// to it (and to GET /meta) at once.
func TestDealListPeriodFollowsTheStoredFiscalYear(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t) // one deal closing 2027-06-30; the test server's fiscal year starts in April
	admin, pmo := w.ts.signIn(w.admin.Email), w.ts.signIn(w.pmo.Email)
	count := func(period string) int {
		t.Helper()
		var page listResponse[dealResponse]
		rec := pmo.do("GET", "/api/v1/deals?period="+period, "")
		if rec.Code != http.StatusOK {
			t.Fatalf("list %s: %d %s", period, rec.Code, rec.Body)
		}
		decode(t, rec, &page)
		return len(page.Items)
	}
	steps := []struct {
		fyStart        int
		in, notIn      string
		metaFiscalYear int
	}{
		{4, "2027-Q1", "2027-Q2", 4}, // April start: 2027-Q1 is April–June 2027
		{1, "2027-Q2", "2027-Q1", 1}, // January start: April–June is 2027-Q2
	}
	for i, s := range steps {
		if i > 0 {
			if rec := admin.do("PATCH", "/api/v1/settings", `{"fiscal_year_start_month":`+strconv.Itoa(s.fyStart)+`}`, "If-Match", `"1"`); rec.Code != http.StatusOK {
				t.Fatalf("change the fiscal year: %d %s", rec.Code, rec.Body)
			}
		}
		if count(s.in) != 1 || count(s.notIn) != 0 {
			t.Errorf("fiscal year from month %d: %s has %d deals, %s has %d; want 1 and 0", s.fyStart, s.in, count(s.in), s.notIn, count(s.notIn))
		}
		var m metaResponse
		decode(t, w.ts.do("GET", "/api/v1/meta", ""), &m)
		if m.FiscalYearStartMonth != s.metaFiscalYear {
			t.Errorf("meta fiscal_year_start_month = %d, want %d", m.FiscalYearStartMonth, s.metaFiscalYear)
		}
	}
}
