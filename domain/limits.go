package domain

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Input limits: the longest text (counted in characters, not bytes) and the range of
// every number a user may enter. They are the one source of these values: the request
// DTOs' validate tags (handlers, checked against these by tests), the SPA's forms
// (frontend/src/lib/limits.ts), and the database's CHECK constraints
// (repository/migrations/00005_input_limits.sql) carry the same numbers.
const (
	// MaxNameLen: names of people, teams, customers, contacts, templates and baselines;
	// contacts' job titles and departments.
	MaxNameLen = 200
	// MaxTitleLen: names of deals, milestones and template steps.
	MaxTitleLen = 300
	// MaxActionTitleLen: a retrospective action's title.
	MaxActionTitleLen = 500
	// MaxTokenNameLen: an API token's name.
	MaxTokenNameLen = 100
	// MaxLabelLen: a customer's region and industry.
	MaxLabelLen = 100
	// MaxKeyLen: a template step's key (e.g. contract_signed).
	MaxKeyLen = 64
	// MaxEmailLen: an email address (RFC 5321's path limit).
	MaxEmailLen = 254
	// MinPasswordLen and MaxPasswordLen bound a password; the maximum keeps hashing cheap.
	MinPasswordLen = 12
	MaxPasswordLen = 128
	// MaxPhoneLen: a phone number as typed.
	MaxPhoneLen = 50
	// CurrencyLen: an ISO 4217 code.
	CurrencyLen = 3
	// MaxNextStepLen: a stakeholder's next step.
	MaxNextStepLen = 1000
	// MaxReasonLen: status reasons, a baseline's reason, the note kept with a change.
	MaxReasonLen = 2000
	// MaxJudgementNoteLen: the note beside a deal's forecast category and manual probability.
	MaxJudgementNoteLen = 2000
	// MaxTextLen: free text — notes, exit criteria, rationale, conditions, retrospectives.
	MaxTextLen = 4000

	// MinWeight and MaxWeight bound a milestone's (or template step's) weight.
	MinWeight = 0
	MaxWeight = 1000
	// MinDurationDays and MaxDurationDays bound a template step's duration (ten years).
	MinDurationDays = 1
	MaxDurationDays = 3650
	// MaxAmountMinor: a deal's amount in minor units is below 10^15.
	MaxAmountMinor = 999_999_999_999_999
	// MinScore and MaxScore bound a stakeholder's influence and relationship strength.
	MinScore = 1
	MaxScore = 5
	// MaxTemplateSteps: the most steps a template may have.
	MaxTemplateSteps = 200
	// MaxUserAgentLen: the most of a browser's User-Agent header a session keeps.
	MaxUserAgentLen = 500
)

// CheckLen records a "max" violation on field when s has more than max characters.
func (e *ValidationError) CheckLen(field, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		e.Add(field, "max", strconv.Itoa(max))
	}
}

// CheckRange records a "range" violation on field when v lies outside [min, max].
func (e *ValidationError) CheckRange(field string, v, min, max int64) {
	if v < min || v > max {
		e.Add(field, "range", fmt.Sprintf("%d–%d", min, max))
	}
}

// TooLong returns a ValidationError for field when s has more than max characters, else nil.
func TooLong(field, s string, max int) error {
	e := &ValidationError{}
	e.CheckLen(field, s, max)
	return e.OrNil()
}
