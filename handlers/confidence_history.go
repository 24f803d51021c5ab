package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/confidence"
	"summit/domain/dealhistory"
	"summit/domain/deals"
)

type historyPointResponse struct {
	Day        date     `json:"day"`
	PWin       float64  `json:"p_win"`
	PInPeriod  *float64 `json:"p_in_period"`
	Confidence *float64 `json:"confidence"`
}

type factorChangeResponse struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

type historyMoveResponse struct {
	From             date                   `json:"from"`
	To               date                   `json:"to"`
	PWinBefore       float64                `json:"p_win_before"`
	PWinAfter        float64                `json:"p_win_after"`
	PInPeriodBefore  *float64               `json:"p_in_period_before"`
	PInPeriodAfter   *float64               `json:"p_in_period_after"`
	ConfidenceBefore *float64               `json:"confidence_before"`
	ConfidenceAfter  *float64               `json:"confidence_after"`
	Factors          []factorChangeResponse `json:"factors"`
	Activity         []activityResponse     `json:"activity"`
	ActivityTotal    int                    `json:"activity_total"`
	ActivityAfter    time.Time              `json:"activity_after"`
	ActivityUntil    time.Time              `json:"activity_until"`
}

type confidenceHistoryResponse struct {
	DealID string                 `json:"deal_id"`
	Period string                 `json:"period"`
	Points []historyPointResponse `json:"points"`
	Moves  []historyMoveResponse  `json:"moves"`
}

// getConfidenceHistory answers GET /deals/{id}/confidence/history: the deal's confidence
// for period (default the current fiscal quarter) from its daily snapshots, the newest
// dealhistory.MaxPoints of them, with each move's factors (labelled in the caller's
// language) and the activity in between.
func (s *server) getConfidenceHistory(c echo.Context) error {
	ctx := c.Request().Context()
	period, err := s.deps.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		return err
	}
	if q := c.QueryParams(); q.Has("period") {
		p, err := s.deps.Forecasts.ParsePeriod(ctx, q.Get("period"))
		if errors.Is(err, deals.ErrBadPeriod) {
			return badQuery("period", "period", "")
		}
		if err != nil {
			return err
		}
		period = p
	}
	h, err := s.deps.DealHistory.History(ctx, dealIDOf(c), period.Name)
	if err != nil {
		return err
	}
	lang := string(requestLocale(c))
	resp := confidenceHistoryResponse{DealID: h.DealID, Period: h.Period,
		Points: make([]historyPointResponse, 0, len(h.Points)), Moves: make([]historyMoveResponse, 0, len(h.Moves))}
	for _, p := range h.Points {
		resp.Points = append(resp.Points, historyPointResponse{Day: toDate(p.Day), PWin: p.PWin, PInPeriod: p.PInPeriod, Confidence: p.Confidence})
	}
	for _, m := range h.Moves {
		resp.Moves = append(resp.Moves, toHistoryMove(m, lang))
	}
	return c.JSON(http.StatusOK, resp)
}

func toHistoryMove(m dealhistory.Move, lang string) historyMoveResponse {
	out := historyMoveResponse{From: toDate(m.From), To: toDate(m.To), PWinBefore: m.PWinBefore, PWinAfter: m.PWinAfter,
		PInPeriodBefore: m.PInPeriodBefore, PInPeriodAfter: m.PInPeriodAfter,
		ConfidenceBefore: m.ConfidenceBefore, ConfidenceAfter: m.ConfidenceAfter,
		Factors: make([]factorChangeResponse, 0, len(m.Factors)), Activity: make([]activityResponse, 0, len(m.Activity)),
		ActivityTotal: m.ActivityTotal, ActivityAfter: m.FromMoment.UTC(), ActivityUntil: m.ToMoment.UTC()}
	for _, f := range m.Factors {
		out.Factors = append(out.Factors, factorChangeResponse{Key: f.Key, Label: confidence.Factor{Key: f.Key}.Label(lang),
			Before: f.Before, After: f.After})
	}
	for _, a := range m.Activity {
		out.Activity = append(out.Activity, toResponseActivity(a))
	}
	return out
}
