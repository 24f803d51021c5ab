package identity

import (
	"slices"
	"strings"
	"time"

	"summit/domain"
)

// AuditSubjectTypes are the kinds of thing an audit event is about.
var AuditSubjectTypes = []string{"user", "team", "template", "settings", "target", "fx_rate", "deal", "confidence_model"}

// AuditFilter narrows the audit trail; empty fields do not filter. From and To are
// calendar days (UTC), both included.
type AuditFilter struct {
	Action      string
	ActorID     string
	SubjectType string
	From, To    *time.Time
}

// Check refuses a subject type that is not one of AuditSubjectTypes and a range that
// ends before it starts.
func (f AuditFilter) Check() error {
	if f.SubjectType != "" && !slices.Contains(AuditSubjectTypes, f.SubjectType) {
		return domain.Invalid("subject_type", "oneof", strings.Join(AuditSubjectTypes, " "))
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		return domain.Invalid("to", "not_before_from", "")
	}
	return nil
}
