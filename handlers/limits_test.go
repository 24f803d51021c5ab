package handlers

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/identity"
)

// text is a JSON string of n characters; 字 takes three bytes, so limits are shown to
// count characters, not bytes.
func text(n int) string { return `"` + strings.Repeat("字", n) + `"` }

// ascii is a JSON string of n ASCII letters.
func ascii(n int) string { return `"` + strings.Repeat("a", n) + `"` }

// emailOf is a JSON string holding a valid address of exactly n characters.
func emailOf(prefix string, n int) string {
	domainPart := "@example.com"
	return `"` + prefix + strings.Repeat("x", n-len(prefix)-len(domainPart)) + domainPart + `"`
}

func num(n int64) string { return strconv.FormatInt(n, 10) }

// limitCase is one bounded field of one writing route: sent one over its limit it is a
// 422 naming the field and changing nothing; sent at its limit it is accepted.
type limitCase struct {
	route string // "METHOD path"; {deal}, {milestone}, … are filled from the fixture
	field string // the field the 422 names
	body  string // the request body with %s where the value goes (a JSON literal)
	over  string
	at    string
	table string // the table that must not change on the refused request
	// atCode is the status expected at the limit when it is not a 2xx (sign-in: 401).
	atCode int
	// self: sent by a user of its own (routes on the caller's own account).
	self bool
}

// limitFixture holds one of each resource to write to.
type limitFixture struct {
	w   *dealWorld
	ids map[string]string
}

func newLimitFixture(t *testing.T) *limitFixture {
	t.Helper()
	w := newDealWorld(t)
	admin := w.ts.signIn(w.admin.Email)
	f := &limitFixture{w: w, ids: map[string]string{
		"{deal}": w.deal.ID, "{milestone}": w.milestone(t, w.plan, "bid_decision").ID, "{customer}": w.customer.ID,
		"{team}": w.north.ID, "{user}": w.teamMember.ID,
	}}
	create := func(key, path, body string) {
		t.Helper()
		rec := admin.do("POST", path, body)
		if rec.Code != http.StatusCreated {
			t.Fatalf("create %s: %d %s", key, rec.Code, rec.Body)
		}
		var v struct {
			ID string `json:"id"`
		}
		decode(t, rec, &v)
		f.ids[key] = v.ID
	}
	create("{contact}", "/api/v1/customers/"+w.customer.ID+"/contacts", `{"name":"Zhao Lei","title":"Director"}`)
	create("{stakeholder}", "/api/v1/deals/"+w.deal.ID+"/stakeholders",
		`{"contact_id":"`+f.ids["{contact}"]+`","decision_role":"decision_maker","influence":4,"stance":"neutral"}`)
	create("{retrospective}", "/api/v1/deals/"+w.deal.ID+"/retrospectives",
		`{"held_on":"2026-11-20","happened":"Kick-off held","outcome":"on_track"}`)
	create("{template}", "/api/v1/templates", templateBody(`"Short"`, "1", "5"))
	return f
}

func (f *limitFixture) fill(s string) string {
	for k, v := range f.ids {
		s = strings.ReplaceAll(s, k, v)
	}
	return s
}

// fingerprint is the whole content of a table, to show a refused request changed nothing.
func (f *limitFixture) fingerprint(t *testing.T, table string) string {
	t.Helper()
	var out string
	q := fmt.Sprintf(`SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM %s x`, table)
	if err := f.w.ts.sql.QueryRow(q).Scan(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// send makes the request as b; updates carry the resource's current version.
func (f *limitFixture) send(t *testing.T, b *browser, c limitCase, value string) (*httptest.ResponseRecorder, map[string]string) {
	t.Helper()
	method, path, _ := strings.Cut(f.fill(c.route), " ")
	var headers []string
	if method == "PATCH" || method == "PUT" {
		get := b.do("GET", path, "")
		if get.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, get.Code, get.Body)
		}
		headers = []string{"If-Match", get.Header().Get("ETag")}
	}
	rec := b.do(method, path, f.fill(fmt.Sprintf(c.body, value)), headers...)
	var body errorBody
	if rec.Code >= 400 {
		decode(t, rec, &body)
	}
	return rec, body.Error.Fields
}

func templateBody(name, weight, days string) string {
	return `{"name":` + name + `,"name_zh":"模板","segment":"g2b","milestones":[{"name":"Qualify","owner_role":"pmo","weight":` + weight +
		`,"gate":true,"duration_days":` + days + `}]}`
}

var limitCases = []limitCase{
	// sign-in and the caller's own account
	{route: "POST /api/v1/auth/login", field: "email", body: `{"email":%s,"password":"x"}`, over: emailOf("", domain.MaxEmailLen+1), at: emailOf("", domain.MaxEmailLen), table: "users", atCode: 401},
	{route: "POST /api/v1/auth/login", field: "password", body: `{"email":"nobody@example.com","password":%s}`, over: text(domain.MaxPasswordLen + 1), at: text(domain.MaxPasswordLen), table: "users", atCode: 401},
	{route: "PATCH /api/v1/me", field: "name", body: `{"name":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "users", self: true},
	{route: "POST /api/v1/me/password", field: "new_password", body: `{"current_password":"` + testPassword + `","new_password":%s}`, over: text(domain.MaxPasswordLen + 1), at: text(domain.MaxPasswordLen), table: "users", self: true},
	{route: "POST /api/v1/me/tokens", field: "name", body: `{"name":%s}`, over: text(domain.MaxTokenNameLen + 1), at: text(domain.MaxTokenNameLen), table: "api_tokens"},
	// users and teams
	{route: "POST /api/v1/users", field: "email", body: `{"email":%s,"name":"New","role":"member","password":"` + testPassword + `"}`, over: emailOf("u", domain.MaxEmailLen+1), at: emailOf("u", domain.MaxEmailLen), table: "users"},
	{route: "POST /api/v1/users", field: "name", body: `{"email":"named@example.com","name":%s,"role":"member","password":"` + testPassword + `"}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "users"},
	{route: "POST /api/v1/users", field: "password", body: `{"email":"pw@example.com","name":"Pw","role":"member","password":%s}`, over: text(domain.MaxPasswordLen + 1), at: text(domain.MaxPasswordLen), table: "users"},
	{route: "PATCH /api/v1/users/{user}", field: "name", body: `{"name":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "users"},
	{route: "POST /api/v1/users/{user}/password", field: "password", body: `{"password":%s}`, over: text(domain.MaxPasswordLen + 1), at: text(domain.MaxPasswordLen), table: "users"},
	{route: "POST /api/v1/teams", field: "name", body: `{"name":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "teams"},
	{route: "PATCH /api/v1/teams/{team}", field: "name", body: `{"name":%s}`, over: text(domain.MaxNameLen + 1), at: ascii(domain.MaxNameLen), table: "teams"},
	// customers and contacts
	{route: "POST /api/v1/customers", field: "name", body: `{"name":%s,"kind":"enterprise"}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "customers"},
	{route: "POST /api/v1/customers", field: "region", body: `{"name":"Region Co","kind":"enterprise","region":%s}`, over: text(domain.MaxLabelLen + 1), at: text(domain.MaxLabelLen), table: "customers"},
	{route: "PATCH /api/v1/customers/{customer}", field: "industry", body: `{"industry":%s}`, over: text(domain.MaxLabelLen + 1), at: text(domain.MaxLabelLen), table: "customers"},
	{route: "POST /api/v1/customers/{customer}/contacts", field: "title", body: `{"name":"Qian","title":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "contacts"},
	{route: "POST /api/v1/customers/{customer}/contacts", field: "email", body: `{"name":"Sun","email":%s}`, over: emailOf("c", domain.MaxEmailLen+1), at: emailOf("c", domain.MaxEmailLen), table: "contacts"},
	{route: "PATCH /api/v1/contacts/{contact}", field: "phone", body: `{"phone":%s}`, over: ascii(domain.MaxPhoneLen + 1), at: ascii(domain.MaxPhoneLen), table: "contacts"},
	{route: "PATCH /api/v1/contacts/{contact}", field: "department", body: `{"department":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "contacts"},
	// deals and their plans
	{route: "POST /api/v1/deals", field: "name", body: `{"name":%s,"customer_id":"{customer}","segment":"g2b","team_id":"{team}","amount_minor":1,"currency":"CNY","target_close_date":"2027-06-30"}`, over: text(domain.MaxTitleLen + 1), at: text(domain.MaxTitleLen), table: "deals"},
	{route: "POST /api/v1/deals", field: "amount_minor", body: `{"name":"Big","customer_id":"{customer}","segment":"g2b","team_id":"{team}","amount_minor":%s,"currency":"CNY","target_close_date":"2027-06-30"}`, over: num(domain.MaxAmountMinor + 1), at: num(domain.MaxAmountMinor), table: "deals"},
	{route: "PATCH /api/v1/deals/{deal}", field: "amount_minor", body: `{"amount_minor":%s}`, over: num(domain.MaxAmountMinor + 1), at: num(domain.MaxAmountMinor), table: "deals"},
	{route: "PATCH /api/v1/deals/{deal}", field: "name", body: `{"name":%s}`, over: text(domain.MaxTitleLen + 1), at: text(domain.MaxTitleLen), table: "deals"},
	{route: "PATCH /api/v1/deals/{deal}", field: "status_reason", body: `{"status_reason":%s}`, over: text(domain.MaxReasonLen + 1), at: text(domain.MaxReasonLen), table: "deals"},
	{route: "PATCH /api/v1/deals/{deal}", field: "judgement_note", body: `{"judgement_note":%s}`, over: text(domain.MaxJudgementNoteLen + 1), at: text(domain.MaxJudgementNoteLen), table: "deals"},
	{route: "PATCH /api/v1/deals/{deal}", field: "manual_probability", body: `{"manual_probability":%s}`, over: "1.000001", at: "1", table: "deals"},
	{route: "POST /api/v1/deals/{deal}/milestones", field: "name", body: `{"name":%s,"owner_role":"pmo","planned_start":"2026-12-01","planned_due":"2026-12-04"}`, over: text(domain.MaxTitleLen + 1), at: text(domain.MaxTitleLen), table: "milestones"},
	{route: "POST /api/v1/deals/{deal}/milestones", field: "weight", body: `{"name":"Heavy","owner_role":"pmo","weight":%s,"planned_start":"2026-12-01","planned_due":"2026-12-04"}`, over: num(domain.MaxWeight + 1), at: num(domain.MaxWeight), table: "milestones"},
	{route: "POST /api/v1/deals/{deal}/milestones", field: "exit_criteria", body: `{"name":"Exit","owner_role":"pmo","exit_criteria":%s,"planned_start":"2026-12-01","planned_due":"2026-12-04"}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "milestones"},
	{route: "PATCH /api/v1/milestones/{milestone}", field: "name_zh", body: `{"name_zh":%s}`, over: text(domain.MaxTitleLen + 1), at: text(domain.MaxTitleLen), table: "milestones"},
	{route: "PATCH /api/v1/milestones/{milestone}", field: "weight", body: `{"weight":%s}`, over: "2147483648", at: num(domain.MaxWeight), table: "milestones"},
	{route: "PATCH /api/v1/milestones/{milestone}", field: "status_reason", body: `{"status_reason":%s}`, over: text(domain.MaxReasonLen + 1), at: text(domain.MaxReasonLen), table: "milestones"},
	{route: "POST /api/v1/deals/{deal}/baselines", field: "name", body: `{"name":%s}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "baselines"},
	{route: "POST /api/v1/deals/{deal}/baselines", field: "reason", body: `{"name":"Re-plan","reason":%s}`, over: text(domain.MaxReasonLen + 1), at: text(domain.MaxReasonLen), table: "baselines"},
	// templates
	{route: "POST /api/v1/templates", field: "name", body: templateBody("%s", "1", "5"), over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones[0].weight", body: templateBody(`"Weighty"`, "%s", "5"), over: "2147483648", at: num(domain.MaxWeight), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones[0].duration_days", body: templateBody(`"Long"`, "1", "%s"), over: "2147483648", at: num(domain.MaxDurationDays), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones[0].name", body: `{"name":"Step name","name_zh":"模板","segment":"g2b","milestones":[{"name":%s,"owner_role":"pmo","duration_days":1}]}`, over: text(domain.MaxTitleLen + 1), at: text(domain.MaxTitleLen), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones[0].exit_criteria", body: `{"name":"Step exit","name_zh":"模板","segment":"g2b","milestones":[{"name":"S","owner_role":"pmo","duration_days":1,"exit_criteria":%s}]}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones[0].key", body: `{"name":"Step key","name_zh":"模板","segment":"g2b","milestones":[{"key":%s,"name":"S","owner_role":"pmo","duration_days":1}]}`, over: ascii(domain.MaxKeyLen + 1), at: ascii(domain.MaxKeyLen), table: "templates"},
	{route: "POST /api/v1/templates", field: "milestones", body: `{"name":"Many steps","name_zh":"模板","segment":"g2b","milestones":%s}`, over: steps(domain.MaxTemplateSteps + 1), at: steps(domain.MaxTemplateSteps), table: "templates"},
	{route: "PUT /api/v1/templates/{template}", field: "milestones[0].duration_days", body: templateBody(`"Short"`, "1", "%s"), over: num(domain.MaxDurationDays + 1), at: num(domain.MaxDurationDays), table: "templates"},
	{route: "PUT /api/v1/templates/{template}", field: "name_zh", body: `{"name":"Short","name_zh":%s,"segment":"g2b","milestones":[{"name":"S","owner_role":"pmo","duration_days":1}]}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "templates"},
	// stakeholders
	{route: "POST /api/v1/deals/{deal}/stakeholders", field: "name", body: `{"name":%s,"decision_role":"user","influence":2,"stance":"neutral"}`, over: text(domain.MaxNameLen + 1), at: text(domain.MaxNameLen), table: "stakeholders"},
	{route: "POST /api/v1/deals/{deal}/stakeholders", field: "notes", body: `{"name":"Li","decision_role":"user","influence":2,"stance":"neutral","notes":%s}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "stakeholders"},
	{route: "POST /api/v1/deals/{deal}/stakeholders", field: "influence", body: `{"name":"Wu","decision_role":"user","influence":%s,"stance":"neutral"}`, over: num(domain.MaxScore + 1), at: num(domain.MaxScore), table: "stakeholders"},
	{route: "PATCH /api/v1/stakeholders/{stakeholder}", field: "next_step", body: `{"next_step":%s}`, over: text(domain.MaxNextStepLen + 1), at: text(domain.MaxNextStepLen), table: "stakeholders"},
	{route: "PATCH /api/v1/stakeholders/{stakeholder}", field: "relationship_strength", body: `{"relationship_strength":%s}`, over: num(domain.MaxScore + 1), at: num(domain.MaxScore), table: "stakeholders"},
	{route: "PATCH /api/v1/stakeholders/{stakeholder}", field: "note", body: `{"stance":"supporter","note":%s}`, over: text(domain.MaxReasonLen + 1), at: text(domain.MaxReasonLen), table: "stakeholder_history"},
	// retrospectives and gate decisions
	{route: "POST /api/v1/deals/{deal}/retrospectives", field: "gap_cause", body: `{"held_on":"2026-11-20","happened":"x","outcome":"on_track","gap_cause":%s}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "retrospectives"},
	{route: "POST /api/v1/deals/{deal}/retrospectives", field: "actions[0].title", body: `{"held_on":"2026-11-20","happened":"x","outcome":"on_track","actions":[{"title":%s,"due_on":"2026-12-01"}]}`, over: text(domain.MaxActionTitleLen + 1), at: text(domain.MaxActionTitleLen), table: "retrospective_actions"},
	{route: "PUT /api/v1/retrospectives/{retrospective}", field: "happened", body: `{"held_on":"2026-11-20","happened":%s,"outcome":"on_track"}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "retrospectives"},
	{route: "POST /api/v1/deals/{deal}/gate-decisions", field: "rationale", body: `{"milestone_id":"{milestone}","decision":"go","decided_on":"2026-11-20","rationale":%s}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "gate_decisions"},
	{route: "POST /api/v1/deals/{deal}/gate-decisions", field: "conditions", body: `{"milestone_id":"{milestone}","decision":"go","decided_on":"2026-11-20","rationale":"ok","conditions":%s}`, over: text(domain.MaxTextLen + 1), at: text(domain.MaxTextLen), table: "gate_decisions"},
}

// steps is a JSON array of n template steps.
func steps(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = `{"name":"S` + strconv.Itoa(i) + `","owner_role":"pmo","duration_days":1}`
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func TestEveryTextAndNumberIsBounded(t *testing.T) {
	t.Parallel()
	f := newLimitFixture(t)
	admin := f.w.ts.signIn(f.w.admin.Email)
	for i, c := range limitCases {
		t.Run(c.route+" "+c.field, func(t *testing.T) {
			b := admin
			if c.self {
				u := f.w.ts.user(fmt.Sprintf("self%d@example.com", i), identity.RoleMember)
				b = f.w.ts.signIn(u.Email)
			}
			before := f.fingerprint(t, c.table)
			rec, fields := f.send(t, b, c, c.over)
			if rec.Code != http.StatusUnprocessableEntity || fields[c.field] == "" {
				t.Fatalf("one over the limit: %d %.300s, want 422 naming %s", rec.Code, rec.Body, c.field)
			}
			if after := f.fingerprint(t, c.table); after != before {
				t.Fatalf("a refused request changed %s", c.table)
			}
			rec, _ = f.send(t, b, c, c.at)
			if want := c.atCode; want != 0 && rec.Code != want || want == 0 && rec.Code/100 != 2 {
				t.Fatalf("at the limit: %d %.300s", rec.Code, rec.Body)
			}
		})
	}
}

// TestTemplateAtItsLimitsMakesDeals: a template at the largest weight and duration
// still lays out a plan a deal can be created from (a weight past int32 once made every
// such deal answer 500; a duration of 2^31 days took minutes of CPU).
func TestTemplateAtItsLimitsMakesDeals(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	admin := w.ts.signIn(w.admin.Email)
	rec := admin.do("POST", "/api/v1/templates", templateBody(`"Ten years"`, num(domain.MaxWeight), num(domain.MaxDurationDays)))
	if rec.Code != http.StatusCreated {
		t.Fatalf("create template: %d %s", rec.Code, rec.Body)
	}
	var tpl templateResponse
	decode(t, rec, &tpl)
	body := `{"name":"Decade","customer_id":"` + w.customer.ID + `","segment":"g2b","team_id":"` + w.north.ID +
		`","amount_minor":1,"currency":"CNY","target_close_date":"2036-06-30","template_id":"` + tpl.ID + `","start_date":"2026-11-23"}`
	rec = admin.do("POST", "/api/v1/deals", body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create deal from the template: %d %s", rec.Code, rec.Body)
	}
	var d dealResponse
	decode(t, rec, &d)
	var plan listResponse[milestoneResponse]
	decode(t, admin.do("GET", "/api/v1/deals/"+d.ID+"/milestones", ""), &plan)
	if len(plan.Items) != 1 || plan.Items[0].Weight != domain.MaxWeight || plan.Items[0].PlannedDue.Time.Year() < 2036 {
		t.Fatalf("plan = %+v", plan.Items)
	}
}

// TestEveryRequestFieldHasABound reads the request types of this package (…Request and
// …DTO structs) and requires every text and number field to carry a bound in its
// validate tag, so a new field cannot arrive unbounded.
func TestEveryRequestFieldHasABound(t *testing.T) {
	// Fields only ever written in responses: the API ignores them on input.
	readOnly := map[string]bool{"actionResponse.DealID": true, "actionResponse.DealName": true, "actionResponse.Version": true,
		"baselineMilestoneDTO.MilestoneID": true}
	// Nullable numbers (optionalNumber) carry no validate tag; the domain bounds them.
	domainBounded := map[string]string{"updateDealRequest.ManualProbability": "0–1 in deals.CheckDeal"}
	bounded := regexp.MustCompile(`(^|,)(max=|len=|lte=|oneof=|uuid)`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset, checked := token.NewFileSet(), 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok || !(strings.HasSuffix(spec.Name.Name, "Request") || strings.HasSuffix(spec.Name.Name, "DTO")) {
				return true
			}
			st, ok := spec.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				typ := types.ExprString(field.Type)
				switch base := strings.TrimPrefix(typ, "*"); {
				case base == "string", base == "int", base == "int64", base == "float64", base == "optionalNumber",
					strings.HasPrefix(base, "map["): // a map's size
				default:
					continue
				}
				tag := ""
				if field.Tag != nil {
					tag = reflect.StructTag(strings.Trim(field.Tag.Value, "`")).Get("validate")
				}
				for _, id := range field.Names {
					checked++
					if key := spec.Name.Name + "." + id.Name; !readOnly[key] && domainBounded[key] == "" && !bounded.MatchString(tag) {
						t.Errorf("%s (%s) has no bound in its validate tag %q", key, typ, tag)
					}
				}
			}
			return true
		})
	}
	if checked < 50 {
		t.Fatalf("only %d request fields found; is the test reading the right files?", checked)
	}
}

// TestTemplateOverridesAreBoundedByTheParameterCount: a template holds at most one
// override per parameter of the model, and the request's tag says so.
func TestTemplateOverridesAreBoundedByTheParameterCount(t *testing.T) {
	f, _ := reflect.TypeFor[templateRequest]().FieldByName("ConfidenceParams")
	want := "omitempty,max=" + strconv.Itoa(len(confidence.Parameters()))
	if got := f.Tag.Get("validate"); got != want {
		t.Errorf("templateRequest.ConfidenceParams validate %q, want %q", got, want)
	}
}
