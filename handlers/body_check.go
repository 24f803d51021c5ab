package handlers

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"summit/domain"
)

// fieldError is what a wire type (date, optionalID) answers when the JSON it is given
// does not fit: a rule for the `fields` map; invalid marks a value of the right JSON
// type that breaks a rule (422) rather than a value of the wrong type (400).
type fieldError struct {
	rule, param string
	invalid     bool
}

func (e *fieldError) Error() string { return e.rule }

// problems collects what is wrong with a body, by field path.
type problems struct {
	wrong  *requestError           // the wrong JSON shape: 400
	values *domain.ValidationError // the right shape, a bad value: 422
}

func (p *problems) shape(path, rule, param string) {
	if p.wrong == nil {
		p.wrong = &requestError{status: http.StatusBadRequest, code: "malformed_body", fields: map[string]string{}, params: map[string]string{}}
	}
	if path == "" {
		path = "body"
	}
	p.wrong.fields[path], p.wrong.params[path] = rule, param
}

func (p *problems) value(path, rule, param string) {
	if p.values == nil {
		p.values = &domain.ValidationError{}
	}
	p.values.Add(path, rule, param)
}

func (p *problems) err() error {
	if p.wrong != nil {
		return p.wrong
	}
	return p.values.OrNil()
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// check compares the parsed JSON v (from readJSON) with the Go type t it is to be
// decoded into, as encoding/json would decode it, recording every problem at its path.
func (p *problems) check(path string, v any, t reflect.Type) {
	if t.Kind() == reflect.Pointer {
		if v != nil {
			p.check(path, v, t.Elem())
		}
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		p.checkWireType(path, v, t)
		return
	}
	if v == nil {
		return // null leaves a value field as it is (encoding/json); `validate` judges it
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			p.shape(path, "json_object", "")
			return
		}
		fields := jsonFields(t)
		for _, key := range sortedKeys(m) {
			f, ok := fields[key]
			if !ok {
				p.shape(joinPath(path, key), "unknown_field", "")
				continue
			}
			p.check(joinPath(path, key), m[key], f.Type)
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			p.shape(path, "json_object", "")
			return
		}
		for _, key := range sortedKeys(m) {
			p.check(joinPath(path, key), m[key], t.Elem())
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			p.shape(path, "json_array", "")
			return
		}
		for i, e := range list {
			p.check(path+"["+strconv.Itoa(i)+"]", e, t.Elem())
		}
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			p.shape(path, "string", "")
		} else if !cleanText(s) {
			p.value(path, "text", "")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.shape(path, "boolean", "")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.checkNumber(path, v, func(s string) error { _, err := strconv.ParseInt(s, 10, t.Bits()); return err },
			strconv.FormatInt(-1<<(t.Bits()-1), 10)+"–"+strconv.FormatInt(1<<(t.Bits()-1)-1, 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		p.checkNumber(path, v, func(s string) error { _, err := strconv.ParseUint(s, 10, t.Bits()); return err },
			"0–"+strconv.FormatUint(1<<t.Bits()-1, 10))
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			p.shape(path, "number", "")
		} else if _, err := strconv.ParseFloat(n.String(), t.Bits()); err != nil {
			p.value(path, "number", "")
		}
	}
}

// checkNumber: a whole number that fits parse's type; one too large is out of range.
func (p *problems) checkNumber(path string, v any, parse func(string) error, bounds string) {
	n, ok := v.(json.Number)
	if !ok {
		p.shape(path, "integer", "")
		return
	}
	if parse(n.String()) == nil {
		return
	}
	if f, err := strconv.ParseFloat(n.String(), 64); (err == nil && f == math.Trunc(f)) || errors.Is(err, strconv.ErrRange) {
		p.value(path, "range", bounds)
		return
	}
	p.shape(path, "integer", "")
}

// checkWireType lets a type that decodes itself (date, optionalID) judge its JSON.
func (p *problems) checkWireType(path string, v any, t reflect.Type) {
	b, err := json.Marshal(v)
	if err == nil {
		err = reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(b)
	}
	var fe *fieldError
	switch {
	case errors.As(err, &fe) && fe.invalid:
		p.value(path, fe.rule, fe.param)
	case errors.As(err, &fe):
		p.shape(path, fe.rule, fe.param)
	case err != nil:
		p.shape(path, "json_value", "")
	}
}

// jsonFields maps the JSON names of t's fields (embedded structs flattened) to them.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || (f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "") {
			continue
		}
		name := strings.SplitN(f.Tag.Get("json"), ",", 2)[0]
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		if _, dup := out[name]; !dup || len(f.Index) == 1 {
			out[name] = f
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// shapeRule is the rule naming what a body of type t must be.
func shapeRule(t reflect.Type) string {
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		return "json_array"
	}
	return "json_object"
}

// cleanText is valid UTF-8 without control characters other than tab and line breaks:
// NUL and its kind are never meant in a text, and PostgreSQL refuses NUL outright.
func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}
