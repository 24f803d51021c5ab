package handlers

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"summit/repository/dbtest"
)

// bodiless lists the writing routes that take no JSON body, and why. TestBadInputWalker
// fails when a writing route neither binds a JSON body (bindJSON) nor is listed here,
// and when a route listed here does bind one: the list is exact.
var bodiless = map[string]string{
	"POST /api/v1/auth/logout":                                 "ends the caller's session; no body",
	"POST /api/v1/deals/:id/milestones/import":                 "a multipart spreadsheet upload, not JSON (plan_files_test.go)",
	"POST /api/v1/deals/:id/milestones/import/:import_id/undo": "undoes an import named in the path, at the If-Match version; no body",
	"DELETE /api/v1/me/tokens/:id":                             "a delete takes no body",
	"DELETE /api/v1/users/:id/tokens/:token_id":                "a delete takes no body",
	"DELETE /api/v1/teams/:id":                                 "a delete takes no body",
	"DELETE /api/v1/customers/:id":                             "a delete takes no body",
	"DELETE /api/v1/templates/:id":                             "a delete takes no body",
	"DELETE /api/v1/deals/:id":                                 "a delete takes no body",
	"DELETE /api/v1/milestones/:id":                            "a delete takes no body",
	"DELETE /api/v1/contacts/:id":                              "a delete takes no body",
	"DELETE /api/v1/stakeholders/:id":                          "a delete takes no body",
	"DELETE /api/v1/retrospectives/:id":                        "a delete takes no body",
	"DELETE /api/v1/targets/:id":                               "a delete takes no body",
	"DELETE /api/v1/fx-rates/:id":                              "a delete takes no body",
	"POST /api/v1/confidence/models/:version/adopt":            "adopts the version named in the path, at the If-Match state; no body",
}

// volatileColumns change on a refused request too, so the digest leaves them out:
// authenticating with an API token stamps its last use.
var volatileColumns = map[string][]string{"api_tokens": {"last_used_at"}}

// TestBadInputWalker walks every writing route of the route table as an admin, with
// real fixture ids in the path and the resource's current version in If-Match, and
// sends each field of the route's body (found by reflection over the DTO the route
// binds) NUL, a wrong JSON type, 1 MB of text, out-of-range numbers and dates and
// non-UUID ids; and each body empty, null, not UTF-8, with trailing data and with
// unknown fields. Every answer must be a 4xx naming the field, and no table may change.
func TestBadInputWalker(t *testing.T) {
	t.Parallel()
	gdb, sqlDB := dbtest.New(t)
	ts := newTestServerOn(t, gdb, sqlDB, Options{BodyLimit: "10M"}) // the production default
	fx := ts.permissionFixture()
	auth := []string{"Authorization", "Bearer " + fx.tokens["admin"]}

	var bound reflect.Type // the DTO the last request's handler bound, if any
	ts.e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			bound, _ = c.Get(bodyTypeKey).(reflect.Type)
			return err
		}
	})

	var routes []string
	for route := range ts.srv.rules {
		if method, _, _ := strings.Cut(route, " "); method != "GET" {
			routes = append(routes, route)
		}
	}
	slices.Sort(routes)
	for route := range bodiless {
		if !slices.Contains(routes, route) {
			t.Errorf("bodiless lists %s, which is not a registered writing route", route)
		}
	}
	for _, route := range routes {
		method, path, _ := strings.Cut(route, " ")
		target := strings.NewReplacer(":id", fx.ids[path], ":token_id", "00000000-0000-4000-8000-000000000002").Replace(path)
		before := dbDigest(t, ts.sql)
		// The probe: an unknown field, and a stale version in case the route binds nothing.
		bound = nil
		probe := ts.do(method, target, `{"zz_probe":0}`, slices.Concat(auth, []string{"If-Match", `"999"`})...)
		_, skip := bodiless[route]
		switch {
		case bound == nil && !skip:
			t.Errorf("%s writes without binding a JSON body (bindJSON) and is not in bodiless: %d %s", route, probe.Code, probe.Body)
			continue
		case bound != nil && skip:
			t.Errorf("%s binds %s but is listed in bodiless", route, bound)
			continue
		case skip:
			assertUnchanged(t, ts.sql, route+" probe", before)
			continue
		}
		dto := bound
		headers := slices.Concat(auth, []string{"If-Match", currentVersion(ts, target, auth)})
		t.Run(route, func(t *testing.T) {
			bodies := badBodies(dto)
			t.Logf("%d bad bodies for %s", len(bodies), dto)
			for _, bc := range bodies {
				rec := ts.do(method, target, bc.body, headers...)
				fields := errorFields(rec)
				if rec.Code < 400 || rec.Code >= 500 {
					t.Errorf("%s: %d %.300s, want a 4xx", bc.name, rec.Code, rec.Body)
				} else if _, ok := fields[bc.field]; !ok {
					t.Errorf("%s: %d fields %v, want %q named", bc.name, rec.Code, fields, bc.field)
				}
			}
			assertUnchanged(t, ts.sql, route, before)
		})
	}
}

// errorFields is the `fields` of an error response (nil for any other answer).
func errorFields(rec *httptest.ResponseRecorder) map[string]string {
	var body errorBody
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	return body.Error.Fields
}

// badBody is one malformed request body and the field its error must name.
type badBody struct {
	name, body, field string
}

// badBodies derives the malformed bodies for a route from the DTO type it binds.
func badBodies(dto reflect.Type) []badBody {
	shape, wrongShape := "{}", "[]"
	if dto.Kind() == reflect.Slice {
		shape, wrongShape = "[]", "{}"
	}
	name, prefix := bodyName(reflect.New(dto).Interface()) // "body", or a list body's name
	out := []badBody{
		{"empty body", "", name},
		{"null body", "null", name},
		{"wrong body shape", wrongShape, name},
		{"trailing data", shape + " " + shape, name},
		{"trailing garbage", shape + "x", name},
		{"syntax error", `{"a":`, name},
		{"not UTF-8", "{\"a\":\"\xff\xfe\"}", name},
	}
	mb := strings.Repeat("x", 1<<20)
	for _, f := range wireFieldsOf(dto, "") {
		add := func(what string, v any) {
			out = append(out, badBody{prefix + f.path + " " + what, bodyWith(f.path, v), prefix + f.path})
		}
		switch f.kind {
		case "object":
			typo := joinPath(f.path, "wieght")
			out = append(out, badBody{prefix + typo + " unknown", bodyWith(typo, 1), prefix + typo})
		case "list":
			add("as an object", map[string]any{})
		case "text":
			add("with NUL", "a\x00b")
			add("with a control character", "a\x07b")
			add("as a number", 12345)
			add("of 1 MB", mb)
		case "id":
			add("not a UUID", "not-a-uuid")
			add("with NUL", "a\x00b")
			add("as a number", 12345)
		case "int":
			add("as a string", "12")
			add("too large", f.tooLarge)
			add("-1", json.Number("-1"))
			add("1e300", json.Number("1e300"))
			add("fractional", json.Number("1.5"))
		case "bool":
			add("as a string", "yes")
		case "number": // a probability or a model parameter: small, finite
			add("as a string", "0.5")
			add("-1", json.Number("-1"))
			add("1e300", json.Number("1e300"))
			add("1e400", json.Number("1e400"))
		case "map": // confidence_params: names the model knows, numbers in range
			add("as a list", []any{})
			typo := joinPath(f.path, "wieght")
			out = append(out, badBody{prefix + typo + " unknown", bodyWith(typo, 1), prefix + typo})
			base := joinPath(f.path, "base")
			out = append(out, badBody{prefix + base + " as a string", bodyWith(base, "0.5"), prefix + base})
			out = append(out, badBody{prefix + base + " 1e300", bodyWith(base, json.Number("1e300")), prefix + base})
		case "date":
			add("year 0", "0000-01-01")
			add("9999-12-31", "9999-12-31")
			add("not a date", "2026-02-30")
			add("as a number", 20260101)
		}
	}
	return out
}

// wireField is one field of a request body: its path as the API names it and its kind.
type wireField struct {
	path, kind string
	tooLarge   json.Number // for "int": past any limit of the field
}

var (
	dateType         = reflect.TypeFor[date]()
	optionalDateType = reflect.TypeFor[optionalDate]()
	optionalIDType   = reflect.TypeFor[optionalID]()
	optionalNumType  = reflect.TypeFor[optionalNumber]()
)

// wireFieldsOf lists the fields of t (lists sampled at index 0) with their kinds.
func wireFieldsOf(t reflect.Type, path string) []wireField {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dateType || t == optionalDateType:
		return []wireField{{path: path, kind: "date"}}
	case t == optionalIDType:
		return []wireField{{path: path, kind: "id"}}
	case t == optionalNumType:
		return []wireField{{path: path, kind: "number"}}
	}
	switch t.Kind() {
	case reflect.Struct:
		out := []wireField{{path: path, kind: "object"}}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			for _, wf := range wireFieldsOf(f.Type, joinPath(path, name)) {
				if wf.kind == "text" && isIDField(name, f.Tag.Get("validate")) {
					wf.kind = "id"
				}
				out = append(out, wf)
			}
		}
		return out
	case reflect.Slice:
		out := []wireField{}
		if path != "" {
			out = append(out, wireField{path: path, kind: "list"})
		}
		return append(out, wireFieldsOf(t.Elem(), path+"[0]")...)
	case reflect.String:
		return []wireField{{path: path, kind: "text"}}
	case reflect.Bool:
		return []wireField{{path: path, kind: "bool"}}
	case reflect.Float64:
		return []wireField{{path: path, kind: "number"}}
	case reflect.Map:
		return []wireField{{path: path, kind: "map"}}
	case reflect.Int64: // amounts in minor units: below 10^15
		return []wireField{{path, "int", "1000000000000000"}}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32: // counts, weights, days
		return []wireField{{path, "int", "2147483648"}}
	}
	panic(fmt.Sprintf("%s: no bad values known for %s", path, t))
}

// isIDField: a field holding ids, by its name or its rule.
func isIDField(name, rules string) bool {
	return name == "id" || strings.HasSuffix(name, "_id") || strings.HasSuffix(name, "_ids") || strings.Contains(rules, "uuid")
}

// bodyWith is the JSON body that holds v at path ("actions[0].title", "[0].user_id").
func bodyWith(path string, v any) string {
	var build func(p string) any
	build = func(p string) any {
		if p == "" {
			return v
		}
		if strings.HasPrefix(p, "[0]") {
			return []any{build(strings.TrimPrefix(strings.TrimPrefix(p, "[0]"), "."))}
		}
		i := strings.IndexAny(p, ".[")
		if i < 0 {
			return map[string]any{p: v}
		}
		return map[string]any{p[:i]: build(strings.TrimPrefix(p[i:], "."))}
	}
	b, err := json.Marshal(build(path))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// currentVersion is the ETag of the resource target acts on (the target itself or the
// nearest resource above it), so a change the binder let through would really apply.
func currentVersion(ts *testServer, target string, auth []string) string {
	for p := target; strings.Count(p, "/") > 3; p = p[:strings.LastIndexByte(p, '/')] {
		if rec := ts.do("GET", p, "", auth...); rec.Code == http.StatusOK && rec.Header().Get("ETag") != "" {
			return rec.Header().Get("ETag")
		}
	}
	return `"1"`
}

// dbDigest is a digest of every table's rows (volatileColumns left out).
func dbDigest(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, table := range tables {
		drop := "{" + strings.Join(volatileColumns[table], ",") + "}"
		var sum string
		q := `SELECT coalesce(md5(string_agg(r::text, ',' ORDER BY r::text)), '') FROM (SELECT to_jsonb(x) - $1::text[] AS r FROM ` +
			strconv.Quote(table) + ` x) s`
		if err := db.QueryRowContext(ctx, q, drop).Scan(&sum); err != nil {
			t.Fatalf("digest %s: %v", table, err)
		}
		out[table] = sum
	}
	return out
}

func assertUnchanged(t *testing.T, db *sql.DB, what string, before map[string]string) {
	t.Helper()
	for table, sum := range dbDigest(t, db) {
		if before[table] != sum {
			t.Errorf("%s changed table %s", what, table)
		}
	}
}
