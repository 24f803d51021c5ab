package handlers

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"summit/domain"
)

type sampleDeal struct {
	Name        string     `json:"name" validate:"required"`
	AmountMinor int64      `json:"amount_minor" validate:"gte=0"`
	Currency    string     `json:"currency" validate:"required,len=3"`
	Close       *date      `json:"close"`
	OwnerID     optionalID `json:"owner_id"`
}

func TestValidationErrorsNameEachFieldInBothLanguages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		body       string
		locale     Locale
		wantStatus int
		wantFields map[string]string // field → substring of its message
	}{
		{"valid", `{"name":"Beijing tender","amount_minor":0,"currency":"CNY"}`, LocaleEN, 0, nil},
		{"values broken, English", `{"name":"","amount_minor":-5,"currency":"CN"}`, LocaleEN, 422,
			map[string]string{"name": "required", "amount_minor": "0", "currency": "3"}},
		{"values broken, Chinese", `{"amount_minor":-5,"currency":"CNY"}`, LocaleZH, 422,
			map[string]string{"name": "必填", "amount_minor": "0"}},
		{"not JSON", `{"name":`, LocaleEN, 400, map[string]string{"body": "broken at position 8"}},
		{"not UTF-8", "{\"name\":\"\xff\"}", LocaleEN, 400, map[string]string{"body": "UTF-8"}},
		{"empty", ``, LocaleEN, 400, map[string]string{"body": "set of named values"}},
		{"null", `null`, LocaleZH, 400, map[string]string{"body": "一组带名称的值"}},
		{"a list", `[]`, LocaleEN, 400, map[string]string{"body": "set of named values"}},
		{"trailing data", `{"name":"x","currency":"CNY"} {}`, LocaleEN, 400, map[string]string{"body": "extra after its end"}},
		{"wrong type", `{"amount_minor":"lots"}`, LocaleEN, 400, map[string]string{"amount_minor": "whole number"}},
		{"wrong type, Chinese", `{"name":5}`, LocaleZH, 400, map[string]string{"name": "字符串"}},
		{"unknown field", `{"name":"x","wieght":1,"currency":"CNY"}`, LocaleEN, 400, map[string]string{"wieght": "not a field"}},
		{"field name in another case", `{"Name":"x","currency":"CNY"}`, LocaleEN, 400, map[string]string{"Name": "not a field"}},
		{"NUL in text", `{"name":"a\u0000b","currency":"CNY"}`, LocaleEN, 422, map[string]string{"name": "control characters"}},
		{"a number past int64", `{"name":"x","amount_minor":1e300,"currency":"CNY"}`, LocaleEN, 422, map[string]string{"amount_minor": "between"}},
		{"a fraction", `{"name":"x","amount_minor":1.5,"currency":"CNY"}`, LocaleEN, 400, map[string]string{"amount_minor": "whole number"}},
		{"date out of range", `{"name":"x","currency":"CNY","close":"9999-12-31"}`, LocaleZH, 422, map[string]string{"close": "1990-01-01 – 2200-12-31"}},
		{"date malformed", `{"name":"x","currency":"CNY","close":"2026-02-30"}`, LocaleEN, 400, map[string]string{"close": "YYYY-MM-DD"}},
		{"date of the wrong type", `{"name":"x","currency":"CNY","close":20260101}`, LocaleEN, 400, map[string]string{"close": "YYYY-MM-DD"}},
		{"id not a UUID", `{"name":"x","currency":"CNY","owner_id":"42"}`, LocaleEN, 422, map[string]string{"owner_id": "UUID"}},
	}
	e := echo.New()
	e.Validator = requestValidatorInstance()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/deals", strings.NewReader(tc.body))
			req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
			var dto sampleDeal
			err := bindJSON(e.NewContext(req, httptest.NewRecorder()), &dto)
			if tc.wantStatus == 0 {
				if err != nil {
					t.Fatalf("valid body refused: %v", err)
				}
				return
			}
			status, body := describe(err, tc.locale)
			if status != tc.wantStatus {
				t.Fatalf("status = %d, want %d (%v)", status, tc.wantStatus, err)
			}
			for field, want := range tc.wantFields {
				if !strings.Contains(body.Error.Fields[field], want) {
					t.Errorf("fields[%s] = %q, want it to mention %q", field, body.Error.Fields[field], want)
				}
			}
			if len(body.Error.Fields) != len(tc.wantFields) {
				t.Errorf("fields = %v, want exactly %v", body.Error.Fields, tc.wantFields)
			}
		})
	}
}

func TestDomainErrorsMapToDocumentedStatuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err        error
		wantStatus int
		wantCode   string
	}{
		{fmt.Errorf("deal 7: %w", domain.ErrNotFound), 404, "not_found"},
		{fmt.Errorf("update: %w", domain.ErrStaleVersion), 412, "stale_version"},
		{domain.ErrConflict, 409, "conflict"},
		{domain.ErrUnauthenticated, 401, "unauthenticated"},
		{domain.ErrForbidden, 403, "forbidden"},
		{domain.ErrUnavailable, 503, "database_unavailable"},
		{domain.Invalid("depends_on", "cycle", "A → B → A"), 422, "validation_failed"},
		{fmt.Errorf("apply: %w", domain.Refuse("milestones", "not_movable", "Bid")), 403, "forbidden"},
		{fmt.Errorf("boom"), 500, "internal_error"},
	}
	for _, tc := range tests {
		status, body := describe(tc.err, LocaleEN)
		if status != tc.wantStatus || body.Error.Code != tc.wantCode || body.Error.Message == "" {
			t.Errorf("%v → %d %+v; want %d %s", tc.err, status, body.Error, tc.wantStatus, tc.wantCode)
		}
		if _, zh := describe(tc.err, LocaleZH); zh.Error.Message == body.Error.Message {
			t.Errorf("%s has no Chinese message", tc.wantCode)
		}
	}
	// A refusal about parts of the request names them, in the caller's language.
	_, refused := describe(domain.Refuse("weight", "role_field", ""), LocaleZH)
	if !strings.Contains(refused.Error.Fields["weight"], "PMO") || refused.Error.Message != errorMessages["forbidden"].zh {
		t.Errorf("refused fields = %+v", refused.Error)
	}
	_, body := describe(domain.Invalid("depends_on", "cycle", "A → B → A"), LocaleZH)
	if body.Error.Fields["depends_on"] != "将形成循环：A → B → A" {
		t.Errorf("domain rule message = %q", body.Error.Fields["depends_on"])
	}
}

// TestEveryMessageExistsInBothLanguages keeps the catalogues complete.
func TestEveryMessageExistsInBothLanguages(t *testing.T) {
	t.Parallel()
	for name, catalogue := range map[string]map[string]message{"errorMessages": errorMessages, "ruleMessages": ruleMessages} {
		for key, m := range catalogue {
			if m.en == "" || m.zh == "" || m.en == m.zh {
				t.Errorf("%s[%s] = %+v: needs distinct English and Chinese", name, key, m)
			}
		}
	}
	for code := range echoCodes {
		if _, ok := errorMessages[echoCodes[code]]; !ok {
			t.Errorf("echo code %s has no message", echoCodes[code])
		}
	}
	for _, row := range statusOf {
		if _, ok := errorMessages[row.code]; !ok {
			t.Errorf("code %s has no message", row.code)
		}
	}
}

// ruleUse finds the rule names passed to domain.Invalid, ValidationError.Add, badQuery and
// the binder's problems (malformedBody, shape, value, fieldError).
var ruleUse = regexp.MustCompile(`(?:(?:Invalid|Refuse|\.Add|badQuery|bad|malformedBody|\.shape|\.value)\([^,()]+, |rule: )"([a-z_0-9]+)"`)

// TestEveryRuleUsedHasAMessage reads the source of domain/ and handlers/ for every rule
// name a check can report, and fails on one the catalogue cannot put into words.
func TestEveryRuleUsedHasAMessage(t *testing.T) {
	t.Parallel()
	found := 0
	for _, dir := range []string{"../domain", "."} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range ruleUse.FindAllStringSubmatch(string(src), -1) {
				found++
				if _, ok := ruleMessages[m[1]]; !ok {
					t.Errorf("%s reports rule %q, which has no message in ruleMessages", path, m[1])
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if found < 20 {
		t.Fatalf("only %d rule uses found; the pattern no longer matches the code", found)
	}
}
