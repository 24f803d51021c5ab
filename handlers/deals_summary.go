package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type currencyTotalResponse struct {
	Currency    string `json:"currency"`
	Count       int    `json:"count"`
	AmountMinor int64  `json:"amount_minor"`
}

type dealsSummaryResponse struct {
	Count  int                     `json:"count"`
	Totals []currencyTotalResponse `json:"totals"`
}

// dealsSummary answers GET /deals/summary with the filters of GET /deals (and its q): how
// many deals the caller may read match, and their amounts summed per currency. The SPA asks
// once per change of filters, so the list's pages keep their statement count.
func (s *server) dealsSummary(c echo.Context) error {
	p, f, err := s.dealListQuery(c)
	if err != nil {
		return err
	}
	sum, err := s.deps.Deals.SummarizeDeals(c.Request().Context(), f, p.Search)
	if err != nil {
		return err
	}
	out := dealsSummaryResponse{Count: sum.Count, Totals: make([]currencyTotalResponse, 0, len(sum.Totals))}
	for _, t := range sum.Totals {
		out.Totals = append(out.Totals, currencyTotalResponse{Currency: t.Currency, Count: t.Count, AmountMinor: t.AmountMinor})
	}
	return c.JSON(http.StatusOK, out)
}
