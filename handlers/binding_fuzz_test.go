package handlers

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// fuzzDTOs are request bodies of every shape the binder meets: flat, PATCH with
// optional wire types, nested lists of objects, a list body.
var fuzzDTOs = []func() any{
	func() any { return new(createDealRequest) },
	func() any { return new(updateMilestoneRequest) },
	func() any { return new(updateStakeholderRequest) },
	func() any { return new(retrospectiveRequest) },
	func() any { return new(templateRequest) },
	func() any { return new(teamRequest) },
	func() any { return new(loginRequest) },
}

// FuzzBindJSON: the binder never panics, answers every refusal with a 4xx, and never
// accepts a body whose text holds a control character or that has an unknown field.
//
//	go test ./handlers -run '^$' -fuzz '^FuzzBindJSON$' -fuzztime 30s
func FuzzBindJSON(f *testing.F) {
	for _, seed := range []string{
		`{"name":"Smart city","customer_id":"7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59","segment":"g2b","team_id":"7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59","amount_minor":100,"currency":"CNY","target_close_date":"2027-06-30"}`,
		`{"assignee_id":null,"planned_due":"2026-12-01","depends_on":["7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59"]}`,
		`{"owner_id":"7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59","next_step_due":null,"influence":3}`,
		`{"held_on":"2026-11-23","happened":"x","outcome":"at_risk","actions":[{"title":"a","due_on":"2026-12-01"}]}`,
		`{"name":"T","name_zh":"模板","segment":"g2b","milestones":[{"name":"a","owner_role":"pmo","weight":5,"duration_days":3,"depends_on":[0]}]}`,
		`[{"user_id":"7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59","role":"pmo"}]`,
		`{"email":"li@example.com","password":"correct horse battery"}`,
		`{"name":"a\u0000b"}`, `{"Name":"x"}`, `{"wieght":1}`, `{} {}`, `null`, ``, "{\"name\":\"\xff\"}",
		`{"weight":1e300}`, `{"planned_due":"9999-12-31"}`, `{"actions":[{"title":"\u0007"}]}`, `{"a":{"b":[1,{"c":null}]}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, newDTO := range fuzzDTOs {
			dto := newDTO()
			err := decodeBody(body, dto)
			if err == nil && reflect.TypeOf(dto).Elem().Kind() == reflect.Struct {
				_ = requestValidatorInstance().Validate(dto) // must not panic; any verdict
			}
			if err != nil {
				if status, _ := describe(err, LocaleEN); status < 400 || status >= 500 {
					t.Fatalf("%T: %q refused with %d (%v)", dto, body, status, err)
				}
				continue
			}
			if path := controlText(reflect.ValueOf(dto), ""); path != "" {
				t.Fatalf("%T: %q accepted with a control character at %s", dto, body, path)
			}
			strict := json.NewDecoder(bytes.NewReader(body))
			strict.DisallowUnknownFields()
			if err := strict.Decode(newDTO()); err != nil && strings.Contains(err.Error(), "unknown field") {
				t.Fatalf("%T: %q accepted with an unknown field: %v", dto, body, err)
			}
		}
	})
}

// controlText is the path of the first string in v holding a control character other
// than tab or a line break, "" when there is none.
func controlText(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return controlText(v.Elem(), path)
		}
	case reflect.String:
		if strings.IndexFunc(v.String(), func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }) >= 0 {
			return path
		}
	case reflect.Slice:
		for i := range v.Len() {
			if p := controlText(v.Index(i), path+"[]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				if p := controlText(v.Field(i), path+"."+v.Type().Field(i).Name); p != "" {
					return p
				}
			}
		}
	}
	return ""
}
