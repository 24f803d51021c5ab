package domain_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"summit/domain"
	"summit/domain/deals"
)

// TestTheSPAUsesTheSameLimits keeps the web app's forms (frontend/src/lib/limits.ts) on the
// numbers of domain/limits.go: a limit changed on one side only would let a form send what
// the API refuses, or stop a user short of what the API allows.
func TestTheSPAUsesTheSameLimits(t *testing.T) {
	src, err := os.ReadFile("../frontend/src/lib/limits.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The LIMITS object: one `key: value,` a line (comments between them).
	body, _, _ := strings.Cut(string(src), "} as const")
	_, body, ok := strings.Cut(body, "export const LIMITS = {")
	if !ok {
		t.Fatal("limits.ts has no `export const LIMITS = {`")
	}
	spa := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*(\w+):\s*('[^']*'|[0-9_]+),\s*$`).FindAllStringSubmatch(body, -1) {
		spa[m[1]] = strings.ReplaceAll(strings.Trim(m[2], "'"), "_", "")
	}
	itoa := func(n int64) string { return strconv.FormatInt(n, 10) }
	want := map[string]string{
		"name":            itoa(domain.MaxNameLen),
		"title":           itoa(domain.MaxTitleLen),
		"actionTitle":     itoa(domain.MaxActionTitleLen),
		"tokenName":       itoa(domain.MaxTokenNameLen),
		"label":           itoa(domain.MaxLabelLen),
		"email":           itoa(domain.MaxEmailLen),
		"passwordMin":     itoa(domain.MinPasswordLen),
		"passwordMax":     itoa(domain.MaxPasswordLen),
		"phone":           itoa(domain.MaxPhoneLen),
		"nextStep":        itoa(domain.MaxNextStepLen),
		"reason":          itoa(domain.MaxReasonLen),
		"text":            itoa(domain.MaxTextLen),
		"weightMin":       itoa(domain.MinWeight),
		"weightMax":       itoa(domain.MaxWeight),
		"durationDaysMin": itoa(domain.MinDurationDays),
		"durationDaysMax": itoa(domain.MaxDurationDays),
		"amountMinorMax":  itoa(domain.MaxAmountMinor),
		"scoreMin":        itoa(domain.MinScore),
		"scoreMax":        itoa(domain.MaxScore),
		"templateSteps":   itoa(domain.MaxTemplateSteps),
		"dateMin":         deals.MinDate.Format("2006-01-02"),
		"dateMax":         deals.MaxDate.Format("2006-01-02"),
	}
	for key, w := range want {
		if got, ok := spa[key]; !ok {
			t.Errorf("limits.ts has no LIMITS.%s (the API's is %s)", key, w)
		} else if got != w {
			t.Errorf("limits.ts LIMITS.%s = %s; the API's is %s", key, got, w)
		}
	}
	for key := range spa {
		if _, ok := want[key]; !ok {
			t.Errorf("limits.ts LIMITS.%s is not compared with domain/limits.go: add it to this test", key)
		}
	}
}
