package deals

import (
	"reflect"
	"testing"
)

func TestSummarize(t *testing.T) {
	cases := []struct {
		name string
		rows []CurrencyTotal
		want ListSummary
	}{
		{"no deals", nil, ListSummary{Count: 0, Totals: []CurrencyTotal{}}},
		{"one currency", []CurrencyTotal{{"CNY", 3, 450_000_00}}, ListSummary{Count: 3, Totals: []CurrencyTotal{{"CNY", 3, 450_000_00}}}},
		{"currencies are never added together; most deals first", []CurrencyTotal{{"USD", 1, 20_000_00}, {"CNY", 4, 900_000_00}},
			ListSummary{Count: 5, Totals: []CurrencyTotal{{"CNY", 4, 900_000_00}, {"USD", 1, 20_000_00}}}},
		{"ties by currency code", []CurrencyTotal{{"USD", 2, 1}, {"EUR", 2, 2}},
			ListSummary{Count: 4, Totals: []CurrencyTotal{{"EUR", 2, 2}, {"USD", 2, 1}}}},
		{"the same code twice is one currency", []CurrencyTotal{{"cny", 1, 100}, {"CNY ", 2, 200}},
			ListSummary{Count: 3, Totals: []CurrencyTotal{{"CNY", 3, 300}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Summarize(c.rows); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("Summarize = %+v, want %+v", got, c.want)
			}
		})
	}
}
