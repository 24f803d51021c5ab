package handlers

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

// The response contract: every /api/v1 response a handler test provokes through
// testServer.serve is checked against handlers/openapi.yaml. A status the operation does
// not document, a missing or malformed documented header (ETag, Retry-After), a content
// type the document does not name, or a JSON body outside its schema fails the test that
// sent the request.

var contract struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// openAPIRouter loads the embedded document and a router over it, once per test binary.
func openAPIRouter() (*openapi3.T, routers.Router, error) {
	contract.once.Do(func() {
		contract.doc, _, contract.err = loadOpenAPI()
		if contract.err != nil {
			return
		}
		// Binary bodies are checked by status and content type only: the decoder reads
		// them as an opaque string for the `format: binary` schema.
		openapi3filter.RegisterBodyDecoder(xlsxMIME, openapi3filter.FileBodyDecoder)
		// kin-openapi checks date and date-time itself; the server always writes ids in
		// the canonical lower-case form and emails as bare addresses.
		openapi3.DefineStringFormatValidator("uuid", openapi3.NewCallbackValidator(func(s string) error {
			if id, err := uuid.Parse(s); err != nil || id.String() != s {
				return fmt.Errorf("not a canonical UUID")
			}
			return nil
		}))
		openapi3.DefineStringFormatValidator("email", openapi3.NewCallbackValidator(func(s string) error {
			if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
				return fmt.Errorf("not an email address")
			}
			return nil
		}))
		contract.router, contract.err = legacy.NewRouter(contract.doc)
	})
	return contract.doc, contract.router, contract.err
}

// serve sends req through the whole middleware chain and checks the response against the
// OpenAPI document.
func (ts *testServer) serve(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	ts.e.ServeHTTP(rec, req)
	if err := checkResponse(req, rec); err != nil {
		ts.t.Errorf("response contract: %v", err)
	}
	return rec
}

// checkResponse validates rec, the answer to req, against handlers/openapi.yaml. Requests
// outside /api/v1 or to paths and methods the document does not describe (tests of
// unknown routes) are not checked.
func checkResponse(req *http.Request, rec *httptest.ResponseRecorder) error {
	if !strings.HasPrefix(req.URL.Path, apiBase+"/") {
		return nil
	}
	_, router, err := openAPIRouter()
	if err != nil {
		return err
	}
	route, pathParams, err := router.FindRoute(req)
	var routeErr *routers.RouteError
	if errors.As(err, &routeErr) && (routeErr.Reason == routers.ErrPathNotFound.Error() ||
		routeErr.Reason == routers.ErrMethodNotAllowed.Error()) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	op := route.Method + " " + route.Path
	if route.Operation.OperationID != "" {
		op = route.Operation.OperationID + " (" + op + ")"
	}
	status := rec.Code
	body := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" { // the contract is about what it decodes to
		r, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("%s: Content-Encoding gzip but not gzip: %v", op, err)
		}
		if body, err = io.ReadAll(r); err != nil {
			return fmt.Errorf("%s: gzip: %v", op, err)
		}
		decoded := httptest.NewRecorder()
		maps.Copy(decoded.Header(), rec.Header())
		decoded.WriteHeader(rec.Code)
		decoded.Body.Write(body)
		rec = decoded
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: pathParams, Route: route,
		},
		Status: status,
		Header: rec.Header(),
		Body:   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{
			IncludeResponseStatus: true,
			MultiError:            true,
		},
	}
	if req.Method == http.MethodHead {
		// kin-openapi skips HEAD entirely; its status must still be documented on GET.
		if route.Operation.Responses.Status(status) == nil {
			return fmt.Errorf("%s: status %d is not documented (documented: %s)", op, status, documentedStatuses(route.Operation))
		}
		return nil
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		return fmt.Errorf("%s answered %d, which does not match handlers/openapi.yaml (documented: %s): %v\nbody: %.500s",
			op, status, documentedStatuses(route.Operation), err, rec.Body)
	}
	if extra := undocumentedFields(route.Operation, status, rec); len(extra) > 0 {
		return fmt.Errorf("%s answered %d with fields handlers/openapi.yaml does not describe: %s\nbody: %.500s",
			op, status, strings.Join(extra, ", "), rec.Body)
	}
	return nil
}

// undocumentedFields lists the JSON object keys of the response body that its schema
// does not name, so that a field added to a response cannot go undocumented. A schema
// that allows additional properties (a map) or names none (a free-form object) accepts
// any key. A key sent as null is always sent (Go omits only omitempty fields, never as
// null), so the schema must list it as required, for clients generated from it.
func undocumentedFields(op *openapi3.Operation, status int, rec *httptest.ResponseRecorder) []string {
	resp := op.Responses.Status(status)
	if resp == nil || resp.Value == nil {
		return nil
	}
	mt := resp.Value.Content.Get(rec.Header().Get("Content-Type"))
	if mt == nil || mt.Schema == nil || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		return nil
	}
	var body any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		return nil // ValidateResponse already reported an unreadable body
	}
	var extra []string
	walkUndocumented(mt.Schema.Value, body, "", &extra)
	sort.Strings(extra)
	return extra
}

func walkUndocumented(schema *openapi3.Schema, v any, at string, extra *[]string) {
	if schema == nil || len(schema.OneOf) > 0 || len(schema.AnyOf) > 0 {
		return
	}
	switch v := v.(type) {
	case []any:
		if schema.Items != nil {
			for i, item := range v {
				walkUndocumented(schema.Items.Value, item, fmt.Sprintf("%s[%d]", at, i), extra)
			}
		}
	case map[string]any:
		props := map[string]*openapi3.Schema{}
		for name, p := range schema.Properties {
			props[name] = p.Value
		}
		for _, sub := range schema.AllOf {
			for name, p := range sub.Value.Properties {
				props[name] = p.Value
			}
		}
		ap := schema.AdditionalProperties
		for key, value := range v {
			name := strings.TrimPrefix(at+"."+key, ".")
			if value == nil && props[key] != nil && !isRequired(schema, key) {
				*extra = append(*extra, name+" (sent as null, so always sent: list it in required)")
			}
			switch p, ok := props[key]; {
			case ok:
				walkUndocumented(p, value, name, extra)
			case ap.Schema != nil:
				walkUndocumented(ap.Schema.Value, value, name, extra)
			case (ap.Has != nil && *ap.Has) || len(props) == 0:
			default:
				*extra = append(*extra, name)
			}
		}
	}
}

// TestResponseContractCatchesMismatches shows the check fails on an undocumented status, a
// body outside the schema and a missing documented header, and passes a correct answer.
func TestResponseContractCatchesMismatches(t *testing.T) {
	t.Parallel()
	errBody := `{"error":{"code":"not_found","message":"Not found."}}`
	user := `{"id":"00000000-0000-0000-0000-000000000001","email":"ada@example.com","name":"Ada","role":"member",` +
		`"locale":"en","active":true,"team_ids":[],"version":3,"created_at":"2026-01-02T03:04:05Z"}`
	userPath := "/api/v1/users/00000000-0000-0000-0000-000000000001"
	jsonCT := "application/json"
	tests := []struct {
		name    string
		method  string
		target  string
		status  int
		header  map[string]string
		body    string
		wantErr string // "" when the response matches the document
	}{
		{"documented error", "GET", "/api/v1/users/00000000-0000-0000-0000-000000000001", 404,
			map[string]string{"Content-Type": "application/json"}, errBody, ""},
		{"undocumented status", "GET", "/api/v1/meta", 418,
			map[string]string{"Content-Type": "application/json"}, errBody, "status is not supported"},
		{"500 is never documented", "GET", "/api/v1/deals", 500,
			map[string]string{"Content-Type": "application/json"}, `{"error":{"code":"internal_error","message":"x"}}`, "status is not supported"},
		{"error without message", "GET", "/api/v1/users/00000000-0000-0000-0000-000000000001", 404,
			map[string]string{"Content-Type": "application/json"}, `{"error":{"code":"not_found"}}`, `"message"`},
		{"body outside the schema", "GET", "/api/v1/meta", 200,
			map[string]string{"Content-Type": "application/json"}, `{"name":"Summit","version":"x","fiscal_year_start_month":13}`, "fiscal_year_start_month"},
		{"wrong content type", "GET", "/api/v1/meta", 200,
			map[string]string{"Content-Type": "text/html"}, `<p>`, "Content-Type"},
		{"undocumented field", "GET", "/api/v1/meta", 200,
			map[string]string{"Content-Type": "application/json"}, `{"name":"Summit","version":"x","fiscal_year_start_month":4,"secret":1}`, "secret"},
		{"undocumented error field", "GET", "/api/v1/users/00000000-0000-0000-0000-000000000001", 404,
			map[string]string{"Content-Type": "application/json"}, `{"error":{"code":"not_found","message":"x","detail":"y"}}`, "error.detail"},
		{"null but not required", "GET", "/api/v1/deals", 200,
			map[string]string{"Content-Type": "application/json"}, `{"items":[],"next_cursor":null}`, ""},
		{"resource with its ETag", "GET", userPath, 200,
			map[string]string{"Content-Type": jsonCT, "ETag": `"3"`}, user, ""},
		{"resource without its ETag", "GET", userPath, 200,
			map[string]string{"Content-Type": jsonCT}, user, `"ETag" missing`},
		{"malformed ETag", "GET", userPath, 200,
			map[string]string{"Content-Type": jsonCT, "ETag": "3"}, user, `"ETag"`},
		{"429 without Retry-After", "POST", "/api/v1/auth/login", 429,
			map[string]string{"Content-Type": jsonCT}, `{"error":{"code":"throttled","message":"x"}}`, `"Retry-After" missing`},
		{"id not a UUID", "GET", userPath, 200,
			map[string]string{"Content-Type": jsonCT, "ETag": `"3"`}, strings.Replace(user, "00000000-0000-0000-0000-000000000001", "42", 1), "UUID"},
		{"email not an address", "GET", userPath, 200,
			map[string]string{"Content-Type": jsonCT, "ETag": `"3"`}, strings.Replace(user, "ada@example.com", "Ada <ada@example.com>", 1), "email"},
		{"matching body", "GET", "/api/v1/meta", 200,
			map[string]string{"Content-Type": "application/json"}, `{"name":"Summit","version":"x","fiscal_year_start_month":4}`, ""},
		{"spreadsheet", "GET", "/api/v1/deals/00000000-0000-0000-0000-000000000001/plan.xlsx", 200,
			map[string]string{"Content-Type": xlsxMIME}, "PK\x03\x04", ""},
		{"unknown route is not checked", "GET", "/api/v1/nope", 404,
			map[string]string{"Content-Type": "application/json"}, errBody, ""},
		{"outside the API is not checked", "GET", "/index.html", 200,
			map[string]string{"Content-Type": "text/html"}, "<p>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			rec := httptest.NewRecorder()
			for k, v := range tt.header {
				rec.Header().Set(k, v)
			}
			rec.WriteHeader(tt.status)
			rec.WriteString(tt.body)
			err := checkResponse(req, rec)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("want no error, got %v", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("want an error naming %q, got none", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("want an error naming %q, got %v", tt.wantErr, err)
			}
		})
	}
}

// TestOpenAPIDocumentsErrors: each operation says which 4xx it answers. Unless public it
// documents 401, and 403 if it changes something; one taking a body documents 400, 413,
// 422 (and 415 for JSON); one taking query parameters 400; one with a path id 404; one
// taking If-Match 400, 412 and 428; sign-in 429 and 503. A list taking a cursor answers
// {items, next_cursor}. Every error response has the one error schema.
func TestOpenAPIDocumentsErrors(t *testing.T) {
	t.Parallel()
	doc, _, err := openAPIRouter()
	if err != nil {
		t.Fatal(err)
	}
	errorSchema := doc.Components.Schemas["Error"]
	ops, responses := 0, 0
	for _, path := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(path).Operations() {
			ops++
			responses += op.Responses.Len()
			name := method + " " + path
			want := map[int]string{}
			public := (op.Security == nil && len(doc.Security) == 0) || (op.Security != nil && len(*op.Security) == 0)
			if !public {
				want[401] = "it needs a signed-in caller"
			}
			if op.RequestBody != nil {
				want[400] = "it takes a body"
				want[413] = "it takes a body (the body limit)"
				want[422] = "it takes a body"
				if op.RequestBody.Value.Content.Get("application/json") != nil {
					want[415] = "it takes a JSON body"
				}
			}
			if !public && method != http.MethodGet {
				want[403] = "it changes something (a missing CSRF token, a missing right)"
			}
			if path == "/auth/login" {
				want[429] = "sign-ins are throttled"
				want[503] = "sign-ins are bounded"
			}
			if strings.Contains(path, "{id}") {
				want[404] = "it names a resource by id"
			}
			for _, p := range op.Parameters {
				if p.Value.In == "query" {
					want[400] = "it takes query parameters"
				}
				if p.Value.In == "query" && p.Value.Name == "cursor" && !isPage(op) {
					t.Errorf("%s (%s) takes a cursor but its 200 is not {items, next_cursor}", name, op.OperationID)
				}
				if p.Value.In == "header" && p.Value.Name == "If-Match" {
					want[400] = "it takes If-Match"
					want[412] = "it takes If-Match"
					want[428] = "it takes If-Match"
				}
			}
			for status, why := range want {
				if op.Responses.Status(status) == nil {
					t.Errorf("%s (%s) does not document %d, which it can answer: %s", name, op.OperationID, status, why)
				}
			}
			for code, r := range op.Responses.Map() {
				if code[0] != '4' && code[0] != '5' {
					continue
				}
				mt := r.Value.Content.Get("application/json")
				if mt == nil || mt.Schema == nil || mt.Schema.Value != errorSchema.Value {
					t.Errorf("%s (%s) %s: an error response must have the Error schema", name, op.OperationID, code)
				}
			}
		}
	}
	if ops == 0 {
		t.Fatal("no operations; the test would pass vacuously")
	}
	t.Logf("%d operations, %d documented responses", ops, responses)
}

// isPage reports whether op's 200 is a list page: required items (an array) and next_cursor.
func isPage(op *openapi3.Operation) bool {
	ok := op.Responses.Status(http.StatusOK)
	if ok == nil || ok.Value.Content.Get("application/json") == nil {
		return false
	}
	s := ok.Value.Content.Get("application/json").Schema.Value
	items := s.Properties["items"]
	if s.Properties["deals"] != nil && s.Properties["focus"] != nil { // the board pages its deals
		items = s.Properties["deals"]
		return isRequired(s, "deals") && isRequired(s, "next_cursor") && items.Value.Type.Is(openapi3.TypeArray)
	}
	return isRequired(s, "items") && isRequired(s, "next_cursor") && items != nil &&
		items.Value.Type.Is(openapi3.TypeArray) && s.Properties["next_cursor"] != nil
}

// isRequired reports whether schema, or one of its allOf parts, requires key.
func isRequired(schema *openapi3.Schema, key string) bool {
	if slices.Contains(schema.Required, key) {
		return true
	}
	for _, sub := range schema.AllOf {
		if slices.Contains(sub.Value.Required, key) {
			return true
		}
	}
	return false
}

// documentedStatuses lists an operation's statuses, for messages.
func documentedStatuses(op *openapi3.Operation) string {
	var s []string
	for code := range op.Responses.Map() {
		s = append(s, code)
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}

// TestUndocumentedFieldsNamesNullsOutsideRequired: a field the server sends as null is
// always sent, so a schema that leaves it out of required fails.
func TestUndocumentedFieldsNamesNullsOutsideRequired(t *testing.T) {
	t.Parallel()
	schema := openapi3.NewObjectSchema().
		WithProperty("a", openapi3.NewStringSchema().WithNullable()).
		WithProperty("b", openapi3.NewStringSchema().WithNullable())
	schema.Required = []string{"a"}
	tests := []struct {
		body string
		want []string
	}{
		{`{"a":null,"b":"x"}`, nil},
		{`{"a":null}`, nil},
		{`{"a":"x","b":null}`, []string{"b (sent as null, so always sent: list it in required)"}},
		{`{"a":"x","c":1}`, []string{"c"}},
	}
	for _, tt := range tests {
		var body any
		if err := json.Unmarshal([]byte(tt.body), &body); err != nil {
			t.Fatal(err)
		}
		var got []string
		walkUndocumented(schema, body, "", &got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestBodyErrorsMatchTheDocument sends every body-taking route, as an admin on real
// resources, a body in the wrong media type and one over the body limit: each answers the
// documented 415 or 413 (the response contract checks the shape), and never a 500.
func TestBodyErrorsMatchTheDocument(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	fx := ts.permissionFixture()
	doc, _, err := openAPIRouter()
	if err != nil {
		t.Fatal(err)
	}
	huge := `{"name":"` + strings.Repeat("x", 70*1024) + `"}` // over the tests' 64K limit
	tried := 0
	for _, r := range ts.e.Routes() {
		path := echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, apiBase), "{$1}")
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(r.Method) == nil || item.GetOperation(r.Method).RequestBody == nil {
			continue
		}
		op := item.GetOperation(r.Method)
		target := strings.NewReplacer(":id", fx.ids[r.Path]).Replace(r.Path)
		tests := []struct {
			name, contentType, body string
			want                    int
		}{
			{"over the body limit", echo.MIMEApplicationJSON, huge, http.StatusRequestEntityTooLarge},
		}
		if op.RequestBody.Value.Content.Get(echo.MIMEApplicationJSON) != nil {
			tests = append(tests, struct {
				name, contentType, body string
				want                    int
			}{"not JSON", echo.MIMETextPlain, `{"name":"x"}`, http.StatusUnsupportedMediaType})
		}
		for _, tt := range tests {
			tried++
			rec := ts.do(r.Method, target, tt.body, "Authorization", "Bearer "+fx.tokens["admin"],
				"If-Match", `"1"`, echo.HeaderContentType, tt.contentType)
			if rec.Code != tt.want {
				t.Errorf("%s %s, %s: %d %.200s, want %d", r.Method, r.Path, tt.name, rec.Code, rec.Body, tt.want)
			}
		}
	}
	if tried == 0 {
		t.Fatal("no body-taking routes; the test would pass vacuously")
	}
}

// TestWriteAnswersMatchTheDocument walks, as an admin, the successful writes no other
// handler test sends through HTTP (customers, contacts, templates, replacing and deleting
// retrospectives and stakeholders, revoking another user's token), so the response
// contract checks their answers too.
func TestWriteAnswersMatchTheDocument(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	fx := ts.permissionFixture()
	admin := ts.signIn("admin@example.com")
	victim := fx.ids["/api/v1/users/:id/tokens/:token_id"]
	_, token, err := ts.id.CreateToken(context.Background(), identity.Actor{UserID: victim}, "laptop")
	if err != nil {
		t.Fatal(err)
	}
	template := `{"name":"Quick","name_zh":"快速","segment":"key_account","milestones":[
		{"name":"Kick-off","owner_role":"pmo","duration_days":2},
		{"name":"Contract","owner_role":"business","duration_days":10,"weight":100,"gate":true,"depends_on":[0]}]}`
	retro := `{"held_on":"2026-11-02","happened":"Budget slipped","outcome":"at_risk",
		"actions":[{"title":"Meet finance","due_on":"2026-12-01"}]}`

	saved := map[string]string{} // name → id of a resource created by an earlier step
	etags := map[string]string{} // resource (as in the steps) → ETag of its last answer
	steps := []struct {
		method, target, body string
		want                 int
		save                 string // remember the answer's id under this name, its ETag under "/"+save+"s/{"+save+"}"
	}{
		{"POST", "/customers", `{"name":"Acme","kind":"enterprise","region":"East"}`, 201, "customer"},
		{"PATCH", "/customers/{customer}", `{"industry":"Energy"}`, 200, ""},
		{"POST", "/customers/{customer}/contacts", `{"name":"Li Wei","email":"li.wei@example.com"}`, 201, "contact"},
		{"PATCH", "/contacts/{contact}", `{"title":"CIO","reports_to_id":null}`, 200, ""},
		{"DELETE", "/contacts/{contact}", "", 204, ""},
		{"DELETE", "/customers/{customer}", "", 204, ""},
		{"POST", "/templates", template, 201, "template"},
		{"PUT", "/templates/{template}", template, 200, ""},
		{"DELETE", "/templates/{template}", "", 204, ""},
		{"GET", "/retrospectives/" + fx.ids["/api/v1/retrospectives/:id"], "", 200, ""},
		{"PUT", "/retrospectives/" + fx.ids["/api/v1/retrospectives/:id"], retro, 200, ""},
		{"DELETE", "/retrospectives/" + fx.ids["/api/v1/retrospectives/:id"], "", 204, ""},
		{"GET", "/stakeholders/" + fx.ids["/api/v1/stakeholders/:id"], "", 200, ""},
		{"DELETE", "/stakeholders/" + fx.ids["/api/v1/stakeholders/:id"], "", 204, ""},
		{"DELETE", "/users/" + victim + "/tokens/" + token.ID, "", 204, ""},
	}
	for _, s := range steps {
		target := s.target
		for name, id := range saved {
			target = strings.ReplaceAll(target, "{"+name+"}", id)
		}
		var headers []string
		if etag, ok := etags[s.target]; ok {
			headers = []string{"If-Match", etag}
		}
		rec := admin.do(s.method, apiBase+target, s.body, headers...)
		if rec.Code != s.want {
			t.Fatalf("%s %s: %d %.300s, want %d", s.method, s.target, rec.Code, rec.Body, s.want)
		}
		if s.save != "" {
			var created struct {
				ID string `json:"id"`
			}
			decode(t, rec, &created)
			saved[s.save] = created.ID
			etags["/"+s.save+"s/{"+s.save+"}"] = rec.Header().Get("ETag")
		} else if etag := rec.Header().Get("ETag"); etag != "" {
			etags[s.target] = etag
		}
	}
}
