package handlers

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"summit/domain/confidence"
)

// TestAdminTunesATemplatesConfidenceParameters: an admin overrides parameters of a
// template with PUT /templates/{id}; omitting confidence_params keeps them, {} clears
// them, an unknown name or a value out of range is 422 naming confidence_params.<name>
// and changes nothing, and each change is one audit event with before and after.
func TestAdminTunesATemplatesConfidenceParameters(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	admin := w.ts.signIn(w.admin.Email)
	id := w.g2bTemplateID(t)
	current := func() templateResponse {
		t.Helper()
		var tpl templateResponse
		decode(t, admin.do("GET", "/api/v1/templates/"+id, ""), &tpl)
		return tpl
	}
	// body is the template as it is with confidence_params set to params (omitted: "").
	body := func(tpl templateResponse, params string) string {
		t.Helper()
		m := map[string]any{"name": tpl.Name, "name_zh": tpl.NameZh, "segment": tpl.Segment, "milestones": tpl.Milestones}
		if params != "" {
			m["confidence_params"] = json.RawMessage(params)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	audits := func() []auditResponse {
		t.Helper()
		var page listResponse[auditResponse]
		decode(t, admin.do("GET", "/api/v1/audit?action=template.confidence_params_changed", ""), &page)
		return page.Items
	}
	if tpl := current(); tpl.ConfidenceParams == nil || len(tpl.ConfidenceParams) != 0 {
		t.Fatalf("a built-in template's overrides = %v, want {}", tpl.ConfidenceParams)
	}
	tests := []struct {
		name   string
		who    string
		params string // "" omits confidence_params
		code   int
		field  string
		want   map[string]float64
		audit  bool
	}{
		{"admin overrides two parameters", w.admin.Email, `{"stale_contact_days":14,"stance_score.blocker":-4}`, 200, "",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, true},
		{"omitted keeps them", w.admin.Email, "", 200, "",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"an unknown name", w.admin.Email, `{"stale_contact_days":14,"luck":1}`, 422, "confidence_params.luck",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"a value out of range", w.admin.Email, `{"base":1.5}`, 422, "confidence_params.base",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"days that are not whole", w.admin.Email, `{"stale_contact_days":7.5}`, 422, "confidence_params.stale_contact_days",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"a champion scored below a supporter", w.admin.Email, `{"stance_score.champion":0.5}`, 422, "confidence_params.stance_score.supporter",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"a value as text", w.admin.Email, `{"base":"0.3"}`, 400, "confidence_params.base",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"a PMO may not", w.pmo.Email, `{}`, 403, "",
			map[string]float64{"stale_contact_days": 14, "stance_score.blocker": -4}, false},
		{"{} clears them", w.admin.Email, `{}`, 200, "", map[string]float64{}, true},
	}
	for _, tc := range tests {
		before := current()
		n := len(audits())
		rec := w.ts.signIn(tc.who).do("PUT", "/api/v1/templates/"+id, body(before, tc.params), "If-Match", etag(before.Version))
		if rec.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.code)
		}
		if tc.field != "" {
			if _, ok := errorFields(rec)[tc.field]; !ok {
				t.Errorf("%s: fields %v, want %q named", tc.name, errorFields(rec), tc.field)
			}
		}
		after := current()
		if !reflect.DeepEqual(after.ConfidenceParams, tc.want) {
			t.Errorf("%s: overrides %v, want %v", tc.name, after.ConfidenceParams, tc.want)
		}
		if tc.code != 200 && after.Version != before.Version {
			t.Errorf("%s: refused, yet the version went %d → %d", tc.name, before.Version, after.Version)
		}
		got := audits()
		if want := n + map[bool]int{true: 1}[tc.audit]; len(got) != want {
			t.Errorf("%s: %d audit events, want %d", tc.name, len(got), want)
		}
	}

	// The first change, as the audit trail keeps it: who, which template, before → after.
	events := audits()
	if len(events) != 2 {
		t.Fatalf("%d audit events, want 2", len(events))
	}
	first := events[len(events)-1]
	change, _ := first.Details["confidence_params"].(map[string]any)
	if first.ActorID == nil || *first.ActorID != w.admin.ID || first.SubjectID == nil || *first.SubjectID != id ||
		!reflect.DeepEqual(change["from"], map[string]any{}) ||
		!reflect.DeepEqual(change["to"], map[string]any{"stale_contact_days": 14.0, "stance_score.blocker": -4.0}) {
		t.Errorf("audit event %+v details %v, want the admin's change of this template from {} to the two overrides", first, first.Details)
	}

	// A new template may carry overrides from the start; that is audited too.
	tpl := current()
	rec := admin.do("POST", "/api/v1/templates", body(templateResponse{Name: "Fast lane", NameZh: "快速通道", Segment: "g2b",
		Milestones: tpl.Milestones}, `{"base":0.3}`))
	var created templateResponse
	if rec.Code != http.StatusCreated {
		t.Fatalf("create a template with overrides: %d %s", rec.Code, rec.Body)
	}
	decode(t, rec, &created)
	if created.ConfidenceParams["base"] != 0.3 || len(audits()) != 3 {
		t.Errorf("created overrides %v with %d audit events, want base 0.3 and 3", created.ConfidenceParams, len(audits()))
	}
}

// TestConfidenceParametersListEveryParameterInTheCallersLanguage: any signed-in user
// reads every parameter with its default and range, labelled in their language.
func TestConfidenceParametersListEveryParameterInTheCallersLanguage(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	b := w.ts.signIn(w.teamMember.Email)
	type item struct {
		Name     string  `json:"name"`
		Label    string  `json:"label"`
		Default  float64 `json:"default"`
		Min, Max float64
	}
	read := func(lang string) []item {
		rec := b.do("GET", "/api/v1/confidence/parameters", "", "Accept-Language", lang)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /confidence/parameters (%s): %d %s", lang, rec.Code, rec.Body)
		}
		var list struct{ Items []item }
		decode(t, rec, &list)
		return list.Items
	}
	en, zh := read("en"), read("zh-CN")
	params := confidence.Parameters()
	if len(en) != len(params) || len(zh) != len(params) {
		t.Fatalf("%d / %d parameters listed, want %d", len(en), len(zh), len(params))
	}
	for i, pr := range params {
		if en[i].Name != pr.Name || en[i].Default != pr.Default() || en[i].Min != pr.Min || en[i].Max != pr.Max {
			t.Errorf("item %d = %+v, want %s default %g range %g–%g", i, en[i], pr.Name, pr.Default(), pr.Min, pr.Max)
		}
		if en[i].Label != pr.Label("en") || zh[i].Label != pr.Label("zh-CN") || en[i].Label == zh[i].Label {
			t.Errorf("%s labels %q / %q, want English and Chinese", pr.Name, en[i].Label, zh[i].Label)
		}
	}
	if code := w.ts.do("GET", "/api/v1/confidence/parameters", "").Code; code != http.StatusUnauthorized {
		t.Errorf("anonymous: %d, want 401", code)
	}
}
