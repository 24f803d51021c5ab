package targets

import (
	"math/big"
	"strings"

	"golang.org/x/text/currency"

	"summit/domain"
	"summit/domain/deals"
)

// Audited actions.
const (
	AuditSettingsUpdated = "settings.updated"
	AuditTargetCreated   = "target.created"
	AuditTargetUpdated   = "target.updated"
	AuditTargetDeleted   = "target.deleted"
	AuditRateCreated     = "fx_rate.created"
	AuditRateUpdated     = "fx_rate.updated"
	AuditRateDeleted     = "fx_rate.deleted"
)

// DefaultReportingCurrency is the reporting currency of a new installation.
const DefaultReportingCurrency = "CNY"

// MaxRate bounds an FX rate (units of the reporting currency per unit); MaxRateDecimals
// is the most decimal places a rate may have (the column is numeric(20,10)).
const (
	MaxRate         = 1_000_000
	MaxRateDecimals = 10
)

// Settings are the installation-wide settings of reporting.
type Settings struct {
	ReportingCurrency    string
	FiscalYearStartMonth int
	Version              int
}

// SettingsPatch changes some settings; nil fields stay.
type SettingsPatch struct {
	ReportingCurrency    *string
	FiscalYearStartMonth *int
}

// Target is the revenue target of one period for one scope: a team (TeamID) or the
// company (TeamID nil). Currency is always the reporting currency.
type Target struct {
	ID          string
	Period      string
	TeamID      *string
	AmountMinor int64
	Currency    string
	Version     int
}

// TargetPatch changes some of a target's fields. A patch may move a target to another
// period or scope (ClearTeam: to the company).
type TargetPatch struct {
	Period      *string
	TeamID      *string
	ClearTeam   bool
	AmountMinor *int64
	Currency    *string
}

// TargetFilter narrows a target list.
type TargetFilter struct {
	Period *string
	TeamID *string
}

// FXRate is how many units of the reporting currency one unit of Currency is worth in
// Period. Rate is a canonical decimal string ("7.1234"), kept exact.
type FXRate struct {
	ID       string
	Period   string
	Currency string
	Rate     string
	Version  int
}

// RatePatch changes some of an FX rate's fields.
type RatePatch struct {
	Period   *string
	Currency *string
	Rate     *string
}

// RateFilter narrows an FX rate list.
type RateFilter struct {
	Period   *string
	Currency *string
}

// Sorts of the lists.
var (
	TargetSorts = domain.Sorts{Fields: []string{"amount_minor", "period"}, Default: "period"}
	RateSorts   = domain.Sorts{Fields: []string{"currency", "period"}, Default: "period"}
)

// ValidCurrency reports whether code is an ISO 4217 code in upper case.
func ValidCurrency(code string) bool {
	_, err := currency.ParseISO(code)
	return err == nil && len(code) == 3 && strings.ToUpper(code) == code
}

// MinorUnits is the number of decimal places of code's minor unit (JPY 0, CNY 2,
// KWD 3), from CLDR's standard digits as golang.org/x/text/currency carries them.
func MinorUnits(code string) int {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

// checkPeriod records a violation when s is not a period (2026-Q4 or 2026-11).
func checkPeriod(verr *domain.ValidationError, field, s string) {
	if _, err := deals.ParsePeriod(s, 1); err != nil {
		verr.Add(field, "period", "")
	}
}

// CheckSettings validates settings.
func CheckSettings(s Settings) error {
	verr := &domain.ValidationError{}
	if !ValidCurrency(s.ReportingCurrency) {
		verr.Add("reporting_currency", "iso4217", "")
	}
	verr.CheckRange("fiscal_year_start_month", int64(s.FiscalYearStartMonth), 1, 12)
	return verr.OrNil()
}

// CheckTarget validates a target against the reporting currency.
func CheckTarget(t Target, reporting string) error {
	verr := &domain.ValidationError{}
	checkPeriod(verr, "period", t.Period)
	verr.CheckRange("amount_minor", t.AmountMinor, 0, domain.MaxAmountMinor)
	switch {
	case !ValidCurrency(t.Currency):
		verr.Add("currency", "iso4217", "")
	case t.Currency != reporting:
		verr.Add("currency", "reporting_currency", reporting)
	}
	return verr.OrNil()
}

// CheckRate validates an FX rate against the reporting currency.
func CheckRate(r FXRate, reporting string) error {
	verr := &domain.ValidationError{}
	checkPeriod(verr, "period", r.Period)
	switch {
	case !ValidCurrency(r.Currency):
		verr.Add("currency", "iso4217", "")
	case r.Currency == reporting:
		verr.Add("currency", "not_reporting_currency", reporting)
	}
	if _, err := ParseRate(r.Rate); err != nil {
		verr.Add("rate", "fx_rate", "")
	}
	return verr.OrNil()
}

// ParseRate reads a rate: a decimal number > 0 and ≤ MaxRate with at most
// MaxRateDecimals decimal places.
func ParseRate(s string) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") {
		return nil, domain.Invalid("rate", "fx_rate", "")
	}
	if r.Sign() <= 0 || r.Cmp(big.NewRat(MaxRate, 1)) > 0 {
		return nil, domain.Invalid("rate", "fx_rate", "")
	}
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(pow10(MaxRateDecimals)))
	if !scaled.IsInt() {
		return nil, domain.Invalid("rate", "fx_rate", "")
	}
	return r, nil
}

// CanonicalRate writes a rate without trailing zeros ("7.10" → "7.1", "2.000" → "2").
func CanonicalRate(r *big.Rat) string {
	s := r.FloatString(MaxRateDecimals)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
