package targets

import (
	"errors"
	"math"
	"testing"

	"summit/domain"
)

func TestConvertToTheReportingCurrency(t *testing.T) {
	c := NewConverter("CNY", []FXRate{
		{Period: "2026-Q4", Currency: "USD", Rate: "7.1"},
		{Period: "2026-Q4", Currency: "JPY", Rate: "0.0475"},
		{Period: "2026-Q4", Currency: "KWD", Rate: "23.333"},
		{Period: "2026-Q4", Currency: "EUR", Rate: "7.777777"},
		{Period: "2027-Q1", Currency: "USD", Rate: "7.3"},
		{Period: "2026-11", Currency: "USD", Rate: "7.2"},
	})
	tests := []struct {
		name     string
		amount   int64
		currency string
		period   string
		want     int64
	}{
		{"the reporting currency converts at 1", 12345, "CNY", "2026-Q4", 12345},
		{"the reporting currency needs no rate", 12345, "CNY", "1999-Q1", 12345},
		{"USD cents to CNY fen", 100_00, "USD", "2026-Q4", 710_00},
		{"each period its own rate", 100_00, "USD", "2027-Q1", 730_00},
		{"a month is a period of its own", 100_00, "USD", "2026-11", 720_00},
		{"JPY has no minor unit: 1000 yen at 0.0475 is 47.50 CNY", 1000, "JPY", "2026-Q4", 47_50},
		{"KWD has three decimals: 1.000 KWD is 23.33 CNY (23.333 rounds down)", 1000, "KWD", "2026-Q4", 23_33},
		{"halves round away from zero: 0.01 EUR is 0.0777777 CNY → 0.08", 1, "EUR", "2026-Q4", 8},
		{"3 EUR cents is 0.2333 CNY → 0.23", 3, "EUR", "2026-Q4", 23},
		{"a half fen rounds up: 5 JPY at 0.0475 is 0.2375 → 0.24", 5, "JPY", "2026-Q4", 24},
		{"the largest deal amount converts exactly", 999_999_999_999_999, "USD", "2026-Q4", 7_099_999_999_999_993},
		{"zero is zero", 0, "USD", "2026-Q4", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Convert(tc.amount, tc.currency, tc.period)
			if err != nil || got != tc.want {
				t.Errorf("Convert(%d %s, %s) = %d, %v; want %d", tc.amount, tc.currency, tc.period, got, err, tc.want)
			}
		})
	}
}

func TestConvertWithoutARateIsAnErrorNeverZero(t *testing.T) {
	c := NewConverter("CNY", []FXRate{{Period: "2026-Q4", Currency: "USD", Rate: "7.1"}, {Period: "2026-Q4", Currency: "EUR", Rate: "bad"}})
	tests := []struct{ currency, period string }{
		{"USD", "2027-Q1"}, // another period
		{"EUR", "2026-Q4"}, // a rate that does not parse is no rate
		{"JPY", "2026-Q4"},
	}
	for _, tc := range tests {
		got, err := c.Convert(100, tc.currency, tc.period)
		var missing *MissingRateError
		if !errors.As(err, &missing) || missing.Currency != tc.currency || missing.Period != tc.period {
			t.Errorf("Convert(100 %s, %s) = %d, %v; want a MissingRateError naming both", tc.currency, tc.period, got, err)
		}
		if want := "no FX rate for " + tc.currency + " in " + tc.period; err != nil && err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
	}
}

func TestConvertBeyondInt64IsARangeError(t *testing.T) {
	c := NewConverter("CNY", []FXRate{{Period: "2026-Q4", Currency: "JPY", Rate: "1000000"}})
	_, err := c.Convert(math.MaxInt64/10, "JPY", "2026-Q4")
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		t.Errorf("err = %v, want a range violation", err)
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in, canonical string
		ok            bool
	}{
		{"7.1", "7.1", true},
		{"7.10", "7.1", true},
		{"2", "2", true},
		{"0.0000000001", "0.0000000001", true},
		{"1000000", "1000000", true},
		{"0.00000000001", "", false}, // 11 decimal places
		{"0", "", false},
		{"-1", "", false},
		{"1000000.0000000001", "", false},
		{"1e3", "", false},
		{"1/3", "", false},
		{"seven", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		r, err := ParseRate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseRate(%q) err = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && CanonicalRate(r) != tc.canonical {
			t.Errorf("CanonicalRate(%q) = %q, want %q", tc.in, CanonicalRate(r), tc.canonical)
		}
	}
}

func TestMinorUnitsFromISO4217(t *testing.T) {
	for code, want := range map[string]int{"CNY": 2, "USD": 2, "EUR": 2, "JPY": 0, "KRW": 0, "KWD": 3} {
		if got := MinorUnits(code); got != want {
			t.Errorf("MinorUnits(%s) = %d, want %d", code, got, want)
		}
	}
}
