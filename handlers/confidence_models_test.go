package handlers

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"summit/domain/identity"
)

// closedDealsWithSnapshots stores n closed deals of the world's team, each with one
// snapshot lead days before its target close date whose factor terms are drawn at random
// and whose outcome is drawn from logit P = -2.5 + 1.5·progress + champion (a history the
// defaults misjudge), and returns how many were won.
func closedDealsWithSnapshots(t *testing.T, w *dealWorld, n, lead int, seed uint64) int {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed+1))
	won := 0
	for i := range n {
		closeOn := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(seed)*1000+i)
		day := closeOn.AddDate(0, 0, -lead)
		progress := 3.5 * rng.Float64()
		champion := 0.0
		if rng.IntN(2) == 0 {
			champion = 0.4
		}
		isWon := rng.Float64() < 1/(1+math.Exp(-(-2.5+1.5*progress+champion)))
		status := "lost"
		if isWon {
			status, won = "won", won+1
		}
		pwin := 1 / (1 + math.Exp(-(math.Log(0.25) + progress + champion)))
		factors := fmt.Sprintf(`[{"key":"progress","log_odds":%g,"contribution":0,"detail":{}},{"key":"champion","log_odds":%g,"contribution":0,"detail":{}}]`, progress, champion)
		var id string
		err := w.ts.db.Raw(`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			VALUES (?, ?, 'g2b', ?, 100000, 'CNY', ?, ?) RETURNING id`,
			fmt.Sprintf("Closed %d-%d", seed, i), w.customer.ID, w.north.ID, closeOn, status).Scan(&id).Error
		if err != nil {
			t.Fatal(err)
		}
		if err := w.ts.db.Exec(`INSERT INTO forecast_snapshots (day) VALUES (?) ON CONFLICT DO NOTHING`, day).Error; err != nil {
			t.Fatal(err)
		}
		err = w.ts.db.Exec(`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date,
				forecast_category, base, p_win, factors) VALUES (?, ?, ?, 100000, 'CNY', ?, 'pipeline', 0.2, ?, ?::jsonb)`,
			day, id, w.north.ID, closeOn, pwin, factors).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	return won
}

type modelsList struct {
	Items []struct {
		Version int                `json:"version"`
		Params  map[string]float64 `json:"params"`
		Report  struct {
			Won, Lost int
			Current   struct{ Brier float64 }
			Fitted    struct{ Brier float64 }
		} `json:"report"`
		Adopted bool `json:"adopted"`
	} `json:"items"`
	NextCursor *string `json:"next_cursor"`
	InForce    int     `json:"in_force"`
}

func decodeTo[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

func TestConfidenceModelsAreAdminOnly(t *testing.T) {
	w := newDealWorld(t)
	exec := w.ts.user("exec@example.com", identity.RoleExecutive)
	for _, email := range []string{w.pmo.Email, exec.Email} {
		b := w.ts.signIn(email)
		cases := []struct{ method, path, body string }{
			{"GET", "/api/v1/confidence/models", ""},
			{"POST", "/api/v1/confidence/models", `{"lead_days":60}`},
			{"POST", "/api/v1/confidence/models/1/adopt", ""},
			{"POST", "/api/v1/confidence/models/revert", `{"to":"defaults"}`},
		}
		for _, tc := range cases {
			if rec := b.do(tc.method, tc.path, tc.body, "If-Match", `"0"`); rec.Code != http.StatusForbidden {
				t.Errorf("%s %s %s = %d, want 403", email, tc.method, tc.path, rec.Code)
			}
		}
	}
}

func TestFitAdoptAndRevertConfidenceModels(t *testing.T) {
	w := newDealWorld(t)
	admin := w.ts.signIn(w.admin.Email)
	const models = "/api/v1/confidence/models"

	// Too few closed deals: refused, naming the counts.
	won := closedDealsWithSnapshots(t, w, 30, 60, 1)
	rec := admin.do("POST", models, `{"lead_days":60}`)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"won":"only `) ||
		!strings.Contains(rec.Body.String(), "at least 40 won and 40 lost") {
		t.Fatalf("fit on 30 closed deals = %d %s, want 422 naming the counts", rec.Code, rec.Body)
	}
	zh := admin.do("POST", models, `{"lead_days":60}`, "Accept-Language", "zh-CN")
	if !strings.Contains(zh.Body.String(), "至少需要 40 个赢单和 40 个丢单") {
		t.Errorf("Chinese refusal: %s", zh.Body)
	}
	won += closedDealsWithSnapshots(t, w, 170, 60, 2)
	if won < 40 || 200-won < 40 {
		t.Fatalf("fixture: %d won of 200", won)
	}

	bad := []struct{ body, field string }{
		{`{"lead_days":45}`, "lead_days"},
		{`{}`, "lead_days"},
	}
	for _, tc := range bad {
		if rec := admin.do("POST", models, tc.body); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"`+tc.field+`"`) {
			t.Errorf("fit %s = %d %s, want 422 on %s", tc.body, rec.Code, rec.Body, tc.field)
		}
	}

	// Three fits: versions 1, 2, 3, none adopted.
	for v := 1; v <= 3; v++ {
		rec := admin.do("POST", models, `{"lead_days":60}`)
		if rec.Code != http.StatusCreated {
			t.Fatalf("fit %d = %d %s", v, rec.Code, rec.Body)
		}
		m := decodeTo[modelsList](t, []byte(`{"items":[`+rec.Body.String()+`]}`)).Items[0]
		if m.Version != v || m.Adopted || m.Report.Won+m.Report.Lost != 200 || m.Report.Current.Brier <= 0 || m.Report.Fitted.Brier <= 0 {
			t.Fatalf("fit %d: %s", v, rec.Body)
		}
	}
	page := admin.do("GET", models+"?limit=2", "")
	list := decodeTo[modelsList](t, page.Body.Bytes())
	if page.Code != http.StatusOK || len(list.Items) != 2 || list.Items[0].Version != 3 || list.NextCursor == nil || list.InForce != 0 ||
		page.Header().Get("ETag") != `"0"` {
		t.Fatalf("first page: %d %s (ETag %s)", page.Code, page.Body, page.Header().Get("ETag"))
	}
	rest := decodeTo[modelsList](t, admin.do("GET", models+"?limit=2&cursor="+*list.NextCursor, "").Body.Bytes())
	if len(rest.Items) != 1 || rest.Items[0].Version != 1 || rest.NextCursor != nil {
		t.Fatalf("second page: %+v", rest)
	}
	fitted := list.Items[1].Params["base"] // version 2
	if fitted <= 0 || math.Abs(fitted-0.2) < 1e-6 {
		t.Fatalf("fitted base %v: the fixture's history is not the defaults'", fitted)
	}

	base := func() float64 {
		rec := admin.do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence", "")
		if rec.Code != http.StatusOK {
			t.Fatalf("deal confidence: %d %s", rec.Code, rec.Body)
		}
		return decodeTo[struct{ Base float64 }](t, rec.Body.Bytes()).Base
	}
	storedBase := func() float64 {
		var b float64
		if err := w.ts.db.Raw("SELECT base FROM deal_confidence WHERE deal_id = ?", w.deal.ID).Scan(&b).Error; err != nil {
			t.Fatal(err)
		}
		return b
	}

	steps := []struct {
		name, method, path, body, ifMatch string
		status, inForce                   int
		base                              float64 // the open deal's base afterwards; 0: not checked
	}{
		{"adopt without If-Match", "POST", models + "/2/adopt", "", "", http.StatusPreconditionRequired, 0, 0},
		{"adopt on a stale state", "POST", models + "/2/adopt", "", `"1"`, http.StatusPreconditionFailed, 0, 0.2},
		{"adopt an unknown version", "POST", models + "/9/adopt", "", `"0"`, http.StatusNotFound, 0, 0},
		{"adopt version 2", "POST", models + "/2/adopt", "", `"0"`, http.StatusOK, 2, fitted},
		{"adopt version 3 seen as the defaults", "POST", models + "/3/adopt", "", `"0"`, http.StatusPreconditionFailed, 2, fitted},
		{"adopt version 3", "POST", models + "/3/adopt", "", `"2"`, http.StatusOK, 3, 0},
		{"revert to an unknown target", "POST", models + "/revert", `{"to":"v1"}`, `"3"`, http.StatusUnprocessableEntity, 3, 0},
		{"revert to the previous version", "POST", models + "/revert", `{"to":"previous"}`, `"3"`, http.StatusOK, 2, fitted},
		{"revert on a stale state", "POST", models + "/revert", `{"to":"defaults"}`, `"3"`, http.StatusPreconditionFailed, 2, 0},
		{"revert to the defaults", "POST", models + "/revert", `{"to":"defaults"}`, `"2"`, http.StatusOK, 0, 0.2},
	}
	for _, st := range steps {
		var headers []string
		if st.ifMatch != "" {
			headers = []string{"If-Match", st.ifMatch}
		}
		rec := admin.do(st.method, st.path, st.body, headers...)
		if rec.Code != st.status {
			t.Fatalf("%s: %d %s, want %d", st.name, rec.Code, rec.Body, st.status)
		}
		state := admin.do("GET", models, "")
		if got := decodeTo[modelsList](t, state.Body.Bytes()).InForce; got != st.inForce || state.Header().Get("ETag") != fmt.Sprintf(`"%d"`, st.inForce) {
			t.Fatalf("%s: in force %d (ETag %s), want %d", st.name, got, state.Header().Get("ETag"), st.inForce)
		}
		if st.base != 0 {
			if got := base(); math.Abs(got-st.base) > 1e-9 {
				t.Errorf("%s: the deal's base is %v, want %v", st.name, got, st.base)
			}
			if got := storedBase(); math.Abs(got-st.base) > 1e-9 {
				t.Errorf("%s: the deal's stored base is %v, want %v (not recomputed)", st.name, got, st.base)
			}
		}
	}

	// Every fit, adoption and revert is in the audit trail, with the versions.
	rec = admin.do("GET", "/api/v1/audit?subject_type=confidence_model&limit=50", "")
	audit := decodeTo[struct {
		Items []struct {
			Action  string         `json:"action"`
			Details map[string]any `json:"details"`
		} `json:"items"`
	}](t, rec.Body.Bytes())
	var got []string
	for i := len(audit.Items) - 1; i >= 0; i-- {
		it := audit.Items[i]
		v, _ := json.Marshal(it.Details["version"])
		got = append(got, it.Action+" "+string(v))
	}
	want := []string{
		"confidence_model.fitted 1", "confidence_model.fitted 2", "confidence_model.fitted 3",
		`confidence_model.adopted {"from":0,"to":2}`, `confidence_model.adopted {"from":2,"to":3}`,
		`confidence_model.reverted {"from":3,"to":2}`, `confidence_model.reverted {"from":2,"to":0}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit trail:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
