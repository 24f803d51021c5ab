package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/history"
)

type trendPointResponse struct {
	Day                 date     `json:"day"`
	ProbabilityOfTarget *float64 `json:"probability_of_target"`
	ExpectedMinor       int64    `json:"expected_minor"`
	WonMinor            int64    `json:"won_minor"`
	TargetMinor         *int64   `json:"target_minor"`
	P10Minor            int64    `json:"p10_minor"`
	P90Minor            int64    `json:"p90_minor"`
	OpenDeals           int      `json:"open_deals"`
	Currency            string   `json:"currency"`
}

type trendResponse struct {
	Period     string               `json:"period"`
	PeriodFrom date                 `json:"period_from"`
	PeriodTo   date                 `json:"period_to"`
	TeamID     *string              `json:"team_id"`
	Basis      string               `json:"basis"`
	Available  bool                 `json:"available"`
	Points     []trendPointResponse `json:"points"`
}

// getConfidenceTrend answers GET /boards/confidence/trend (docs/forecast-history.md): the
// scope's stored roll-ups over the weeks of the period, for a caller who may read every
// deal of the scope (available false, no points, for the others).
func (s *server) getConfidenceTrend(c echo.Context) error {
	bq, err := s.boardQuery(c)
	if err != nil {
		return err
	}
	t, err := s.deps.History.Trend(c.Request().Context(), history.TrendQuery{Visible: bq.Visible, TeamID: bq.TeamID, Period: bq.Period, Basis: bq.Basis})
	if err != nil {
		return err
	}
	resp := trendResponse{Period: t.Period.Name, PeriodFrom: toDate(t.Period.From), PeriodTo: toDate(t.Period.To.AddDate(0, 0, -1)),
		TeamID: t.TeamID, Basis: t.Basis, Available: t.Available, Points: make([]trendPointResponse, 0, len(t.Points))}
	for _, p := range t.Points {
		resp.Points = append(resp.Points, trendPointResponse{Day: toDate(p.Day), ProbabilityOfTarget: p.ProbabilityOfTarget,
			ExpectedMinor: p.ExpectedMinor, WonMinor: p.WonMinor, TargetMinor: p.TargetMinor, P10Minor: p.P10Minor,
			P90Minor: p.P90Minor, OpenDeals: p.OpenDeals, Currency: p.Currency})
	}
	return c.JSON(http.StatusOK, resp)
}
