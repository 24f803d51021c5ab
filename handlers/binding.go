package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"summit/domain"
)

// bodyTypeKey records, per request, the DTO type bindJSON read the body into, so tests
// can learn which body each route takes from the route table alone.
const bodyTypeKey = "summit.body_type"

// bindJSON reads the body strictly into dto and validates it (docs/api.md, "Bad input"):
//   - a body that is not exactly one JSON value of dto's shape (empty, null, not UTF-8,
//     a syntax error, trailing data) is 400 naming `body`;
//   - an unknown field or a value of the wrong JSON type is 400 naming its path
//     (e.g. `actions[1].due_on`) and what was expected;
//   - text with control characters, malformed or out-of-range dates, and values that
//     break a `validate` rule are 422 naming each field.
//
// A list body (e.g. []memberDTO) has each element validated.
func bindJSON(c echo.Context, dto any) error {
	c.Set(bodyTypeKey, reflect.TypeOf(dto).Elem())
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return err // the body limit's 413, or a broken connection
	}
	if len(bytes.TrimSpace(body)) > 0 && !isJSON(c.Request().Header.Get(echo.HeaderContentType)) {
		return echo.ErrUnsupportedMediaType
	}
	if err := decodeBody(body, dto); err != nil {
		return err
	}
	if v := reflect.ValueOf(dto).Elem(); v.Kind() == reflect.Slice {
		_, prefix := bodyName(dto)
		return validateList(c, v, prefix)
	}
	return c.Validate(dto)
}

// validateList validates each element of a list body, naming fields prefix+"[i].field".
func validateList(c echo.Context, list reflect.Value, prefix string) error {
	var verr domain.ValidationError
	for i := range list.Len() {
		err := c.Validate(list.Index(i).Addr().Interface())
		var fes validator.ValidationErrors
		if !errors.As(err, &fes) {
			if err != nil {
				return err
			}
			continue
		}
		for _, fe := range fes {
			path := fe.Namespace()
			if j := strings.IndexByte(path, '.'); j >= 0 {
				path = path[j+1:]
			}
			verr.Add(prefix+"["+strconv.Itoa(i)+"]."+path, fe.Tag(), fe.Param())
		}
	}
	return verr.OrNil()
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == echo.MIMEApplicationJSON
}

// namedBody is a list body the API names as one field (PUT /deals/{id}/team: "team"),
// so its problems read "team" and "team[1].role" rather than "body" and "[1].role".
type namedBody interface{ bodyField() string }

// bodyName is what errors about dto's body as a whole name, and the prefix of its paths.
func bodyName(dto any) (name, prefix string) {
	if nb, ok := dto.(namedBody); ok {
		return nb.bodyField(), nb.bodyField()
	}
	return "body", ""
}

// decodeBody decodes body into dto (a pointer) after checking it against dto's type,
// so that every problem is reported with the path of the field it is in.
func decodeBody(body []byte, dto any) error {
	t := reflect.TypeOf(dto).Elem()
	name, prefix := bodyName(dto)
	raw, err := readJSON(body, name)
	if err != nil {
		return err
	}
	if raw == nil { // empty or null: there is nothing to act on, never "change nothing"
		return malformedBody(name, shapeRule(t), "")
	}
	var p problems
	p.check(prefix, raw, t)
	if err := p.err(); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dto); err != nil {
		// check mirrors the decoder; reaching here means the two disagree.
		return malformedBody(name, "json_value", "")
	}
	return nil
}

// readJSON parses body as exactly one JSON value (numbers kept as json.Number); nil
// for an empty body or null. Problems name the field name.
func readJSON(body []byte, name string) (any, error) {
	if !utf8.Valid(body) {
		return nil, malformedBody(name, "utf8", "")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		var syntax *json.SyntaxError
		switch {
		case errors.Is(err, io.EOF):
			return nil, nil
		case errors.As(err, &syntax):
			return nil, malformedBody(name, "json_syntax", strconv.FormatInt(syntax.Offset, 10))
		default: // io.ErrUnexpectedEOF: the body ends inside a value
			return nil, malformedBody(name, "json_syntax", strconv.Itoa(len(body)))
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, malformedBody(name, "trailing_data", strconv.FormatInt(dec.InputOffset(), 10))
	}
	return raw, nil
}

func malformedBody(field, rule, param string) error {
	return &requestError{status: http.StatusBadRequest, code: "malformed_body",
		fields: map[string]string{field: rule}, params: map[string]string{field: param}}
}
