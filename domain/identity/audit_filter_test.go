package identity

import (
	"errors"
	"testing"
	"time"

	"summit/domain"
)

func TestAuditFilterCheck(t *testing.T) {
	day := func(s string) *time.Time {
		d, _ := time.Parse("2006-01-02", s)
		return &d
	}
	tests := []struct {
		name       string
		f          AuditFilter
		field, bad string // "" when accepted
	}{
		{"no filter", AuditFilter{}, "", ""},
		{"every filter", AuditFilter{Action: AuditLogin, ActorID: "u", SubjectType: "team", From: day("2026-11-01"), To: day("2026-11-30")}, "", ""},
		{"one day", AuditFilter{From: day("2026-11-30"), To: day("2026-11-30")}, "", ""},
		{"only a start", AuditFilter{From: day("2026-11-30")}, "", ""},
		{"an unknown subject", AuditFilter{SubjectType: "planet"}, "subject_type", "oneof"},
		{"a range ending before it starts", AuditFilter{From: day("2026-11-30"), To: day("2026-11-29")}, "to", "not_before_from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Check()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var verr *domain.ValidationError
			if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Field != tt.field || verr.Violations[0].Rule != tt.bad {
				t.Fatalf("err = %v, want %s on %s", err, tt.bad, tt.field)
			}
		})
	}
}
