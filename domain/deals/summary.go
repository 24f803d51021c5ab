package deals

import (
	"context"
	"slices"
	"strings"
)

// CurrencyTotal is the count and the sum of amounts of the deals in one currency.
type CurrencyTotal struct {
	Currency    string
	Count       int
	AmountMinor int64
}

// ListSummary is what the deals list shows above its rows for the whole filtered set: how
// many deals, and the sum of their amounts per currency (amounts in different currencies
// are never added up: that would need an exchange rate the list does not choose).
type ListSummary struct {
	Count  int
	Totals []CurrencyTotal // largest count first, then by currency code
}

// Summarize totals the per-currency rows the repository counted: the overall count, and the
// currencies ordered by how many deals they have (then by code), rows of one currency merged.
func Summarize(rows []CurrencyTotal) ListSummary {
	merged := map[string]*CurrencyTotal{}
	out := ListSummary{Totals: []CurrencyTotal{}}
	for _, r := range rows {
		code := strings.ToUpper(strings.TrimSpace(r.Currency))
		out.Count += r.Count
		if t, ok := merged[code]; ok {
			t.Count += r.Count
			t.AmountMinor += r.AmountMinor
			continue
		}
		merged[code] = &CurrencyTotal{Currency: code, Count: r.Count, AmountMinor: r.AmountMinor}
	}
	for _, t := range merged {
		out.Totals = append(out.Totals, *t)
	}
	slices.SortFunc(out.Totals, func(a, b CurrencyTotal) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Currency, b.Currency)
	})
	return out
}

// SummarizeDeals counts the deals f and search select (the deals list's filters, visibility
// included) and sums their amounts per currency, in one statement.
func (s *Service) SummarizeDeals(ctx context.Context, f DealFilter, search string) (ListSummary, error) {
	rows, err := s.Store.DealTotals(ctx, f, search)
	if err != nil {
		return ListSummary{}, err
	}
	return Summarize(rows), nil
}
