package domain

import (
	"errors"
	"sort"
	"strings"
)

// Sentinel errors that repositories and services wrap with %w; handlers map them to
// HTTP statuses in one place.
var (
	// ErrNotFound: the thing does not exist or the caller may not see it.
	ErrNotFound = errors.New("not found")
	// ErrStaleVersion: the caller's version is older than the stored one.
	ErrStaleVersion = errors.New("stale version")
	// ErrConflict: the request clashes with the current state (a duplicate, a forbidden transition).
	ErrConflict = errors.New("conflict")
	// ErrUnauthenticated: no valid session or token.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrForbidden: signed in, but not allowed.
	ErrForbidden = errors.New("forbidden")
	// ErrUnavailable: a dependency such as the database cannot be reached.
	ErrUnavailable = errors.New("unavailable")
)

// Violation is one broken rule on one field. Rule names a message in the catalogue
// ("required", "gte", "cycle", …) and Param fills it, so the message can be shown in
// English or Chinese by the layer that knows the caller's language.
type Violation struct {
	Field string
	Rule  string
	Param string
}

// ValidationError collects the violations found in one request; it maps to 422.
type ValidationError struct {
	Violations []Violation
}

// Invalid builds a ValidationError for a single field.
func Invalid(field, rule, param string) *ValidationError {
	return &ValidationError{Violations: []Violation{{Field: field, Rule: rule, Param: param}}}
}

// Add records one more violation.
func (e *ValidationError) Add(field, rule, param string) {
	e.Violations = append(e.Violations, Violation{Field: field, Rule: rule, Param: param})
}

// OrNil returns nil when nothing was recorded, so callers can collect then return.
func (e *ValidationError) OrNil() error {
	if e == nil || len(e.Violations) == 0 {
		return nil
	}
	return e
}

func (e *ValidationError) Error() string { return describe("invalid values", e.Violations) }

// ForbiddenError is ErrForbidden naming what the caller may not do, per field (the
// fields of a patch its role may not change, the milestones a cascade may not move);
// it maps to 403 with those fields. errors.Is(err, ErrForbidden) holds.
type ForbiddenError struct {
	Violations []Violation
}

// Refuse builds a ForbiddenError for a single field.
func Refuse(field, rule, param string) *ForbiddenError {
	return &ForbiddenError{Violations: []Violation{{Field: field, Rule: rule, Param: param}}}
}

// Add records one more refused field.
func (e *ForbiddenError) Add(field, rule, param string) {
	e.Violations = append(e.Violations, Violation{Field: field, Rule: rule, Param: param})
}

// OrNil returns nil when nothing was refused.
func (e *ForbiddenError) OrNil() error {
	if e == nil || len(e.Violations) == 0 {
		return nil
	}
	return e
}

func (e *ForbiddenError) Error() string { return describe("forbidden", e.Violations) }

// describe lists violations as "what: field: rule, …", sorted, for logs and tests.
func describe(what string, violations []Violation) string {
	parts := make([]string, 0, len(violations))
	for _, v := range violations {
		parts = append(parts, v.Field+": "+v.Rule)
	}
	sort.Strings(parts)
	return what + ": " + strings.Join(parts, ", ")
}

// Unwrap makes a ForbiddenError an ErrForbidden.
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }
