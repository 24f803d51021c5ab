package targets

import (
	"fmt"
	"math"
	"math/big"

	"summit/domain"
)

// MissingRateError says an amount in Currency cannot be converted for Period: the FX table
// has no rate for them. Handlers answer 422 fx_rate_missing naming both; a board never
// counts such an amount as zero.
type MissingRateError struct {
	Currency string
	Period   string
}

func (e *MissingRateError) Error() string {
	return fmt.Sprintf("no FX rate for %s in %s", e.Currency, e.Period)
}

// Converter turns amounts into the reporting currency at the rates of their period.
type Converter struct {
	reporting string
	rates     map[rateKey]*big.Rat
}

type rateKey struct{ period, currency string }

// NewConverter builds a converter to reporting over rates (rates that do not parse are
// left out, so converting with them is a MissingRateError rather than a wrong figure).
func NewConverter(reporting string, rates []FXRate) *Converter {
	c := &Converter{reporting: reporting, rates: map[rateKey]*big.Rat{}}
	for _, r := range rates {
		if rat, err := ParseRate(r.Rate); err == nil {
			c.rates[rateKey{r.Period, r.Currency}] = rat
		}
	}
	return c
}

// Reporting is the currency the converter converts to.
func (c *Converter) Reporting() string { return c.reporting }

// Convert returns amountMinor (minor units of cur) in minor units of the reporting
// currency at the rate of period. The reporting currency converts at 1, unchanged. The
// exact product amount / 10^d(cur) × rate × 10^d(reporting) is rounded to the nearest
// whole minor unit, halves away from zero (d = the currency's minor-unit digits:
// 1,000 JPY (1000 minor units) at 0.05 CNY/JPY is 50.00 CNY = 5000 minor units).
// A missing rate is a *MissingRateError; a result beyond int64 is a range violation.
func (c *Converter) Convert(amountMinor int64, cur, period string) (int64, error) {
	if cur == c.reporting {
		return amountMinor, nil
	}
	rate, ok := c.rates[rateKey{period, cur}]
	if !ok {
		return 0, &MissingRateError{Currency: cur, Period: period}
	}
	x := new(big.Rat).SetInt64(amountMinor)
	x.Mul(x, rate)
	x.Mul(x, new(big.Rat).SetFrac(pow10(MinorUnits(c.reporting)), pow10(MinorUnits(cur))))
	n := roundHalfAway(x)
	if !n.IsInt64() {
		return 0, domain.Invalid("amount_minor", "range", fmt.Sprintf("0–%d", int64(math.MaxInt64)))
	}
	return n.Int64(), nil
}

// roundHalfAway rounds x to the nearest integer, halves away from zero.
func roundHalfAway(x *big.Rat) *big.Int {
	num, den := new(big.Int).Abs(x.Num()), x.Denom()
	// (2|num| + den) / (2 den), truncated.
	q := new(big.Int).Mul(num, big.NewInt(2))
	q.Add(q, den)
	q.Quo(q, new(big.Int).Mul(den, big.NewInt(2)))
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return q
}
