package handlers

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/deals"
)

// confidenceFilter reads the deals list's confidence_min and confidence_max and sets
// the period the items' confidence is for: the list's period, else the current fiscal
// quarter. Sorting or filtering by confidence needs a period whose figures are kept
// (422 on period otherwise).
func (s *server) confidenceFilter(c echo.Context, f *deals.DealFilter, p domain.ListParams) error {
	q := c.QueryParams()
	for name, dst := range map[string]**float64{"confidence_min": &f.ConfidenceMin, "confidence_max": &f.ConfidenceMax} {
		if !q.Has(name) {
			continue
		}
		v, err := strconv.ParseFloat(q.Get(name), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return badQuery(name, "number", "")
		}
		if v < 0 || v > 1 {
			return badQuery(name, "range", "0–1")
		}
		*dst = &v
	}
	ctx := c.Request().Context()
	if f.ConfidencePeriod == "" {
		current, err := s.deps.Forecasts.CurrentQuarter(ctx)
		if err != nil {
			return err
		}
		f.ConfidencePeriod = current.Name
	}
	if f.ConfidenceMin == nil && f.ConfidenceMax == nil && p.Sort.Field != "confidence" {
		return nil
	}
	kept, err := s.deps.Forecasts.InWindow(ctx, f.ConfidencePeriod)
	if err != nil {
		return err
	}
	if !kept {
		return domain.Invalid("period", "confidence_window", "")
	}
	return nil
}

// dealListItem is a deal in GET /deals: the deal with its stored confidence.
type dealListItem struct {
	dealResponse
	Confidence       *float64 `json:"confidence"`
	PWin             *float64 `json:"p_win"`
	PInPeriod        *float64 `json:"p_in_period"`
	ConfidencePeriod string   `json:"confidence_period"`
	ConfidenceAsOf   *date    `json:"confidence_as_of"`
}

func toListItem(d deals.Deal) dealListItem {
	item := dealListItem{dealResponse: toResponseDeal(d)}
	item.PlanAfterTarget = listPlanAfterTarget(d)
	if fc := d.Forecast; fc != nil {
		item.Confidence, item.PWin, item.PInPeriod, item.ConfidencePeriod = fc.Confidence, fc.PWin, fc.PInPeriod, fc.Period
		item.ConfidenceAsOf = toDatePtr(fc.AsOf)
	}
	return item
}

type confidenceFactorResponse struct {
	Key          string         `json:"key"`
	Label        string         `json:"label"`
	Contribution float64        `json:"contribution"`
	LogOdds      float64        `json:"log_odds"`
	Detail       map[string]any `json:"detail"`
}

type timingNoteResponse struct {
	Key    string         `json:"key"`
	Label  string         `json:"label"`
	Detail map[string]any `json:"detail"`
}

type confidenceResponse struct {
	DealID            string                     `json:"deal_id"`
	Period            string                     `json:"period"`
	PeriodFrom        date                       `json:"period_from"`
	PeriodTo          date                       `json:"period_to"` // the last day
	AsOf              date                       `json:"as_of"`
	Base              float64                    `json:"base"`
	PWin              float64                    `json:"p_win"`
	PInPeriod         float64                    `json:"p_in_period"`
	Confidence        float64                    `json:"confidence"`
	ExpectedClose     *date                      `json:"expected_close"`
	CloseP80          *date                      `json:"close_p80"`
	Factors           []confidenceFactorResponse `json:"factors"`
	Timing            []timingNoteResponse       `json:"timing"`
	ForecastCategory  string                     `json:"forecast_category"`
	ManualProbability *float64                   `json:"manual_probability"`
	GapPoints         *float64                   `json:"gap_points"`
	GapFlagged        bool                       `json:"gap_flagged"`
}

// dateOrNull is t on the wire, null when zero.
func dateOrNull(t time.Time) *date {
	if t.IsZero() {
		return nil
	}
	d := toDate(t)
	return &d
}

// getConfidence answers GET /deals/{id}/confidence: a fresh engine run for period
// (default the current fiscal quarter) as of as_of (default today, UTC), labelled in the
// caller's language.
func (s *server) getConfidence(c echo.Context) error {
	q := c.QueryParams()
	ctx := c.Request().Context()
	period, err := s.deps.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		return err
	}
	if q.Has("period") {
		p, err := s.deps.Forecasts.ParsePeriod(ctx, q.Get("period"))
		if errors.Is(err, deals.ErrBadPeriod) {
			return badQuery("period", "period", "")
		}
		if err != nil {
			return err
		}
		period = p
	}
	asOf := s.deps.Forecasts.Today()
	if q.Has("as_of") {
		d, err := deals.ParseDate(q.Get("as_of"))
		if errors.Is(err, deals.ErrDateOutOfRange) {
			return badQuery("as_of", "date_range", deals.DateRangeText)
		}
		if err != nil {
			return badQuery("as_of", "date", "")
		}
		asOf = d
	}
	fc, err := s.deps.Forecasts.Confidence(c.Request().Context(), dealIDOf(c), period, asOf)
	if err != nil {
		return err
	}
	lang := string(requestLocale(c))
	r := fc.Result
	resp := confidenceResponse{DealID: fc.DealID, Period: period.Name, PeriodFrom: toDate(period.From),
		PeriodTo: toDate(period.To.AddDate(0, 0, -1)), AsOf: toDate(fc.AsOf), Base: r.Base, PWin: r.PWin,
		PInPeriod: r.PInPeriod, Confidence: r.Confidence,
		ExpectedClose: dateOrNull(r.ExpectedClose), CloseP80: dateOrNull(r.CloseP80),
		Factors: make([]confidenceFactorResponse, 0, len(r.Factors)), Timing: make([]timingNoteResponse, 0, len(r.Timing)),
		ForecastCategory: fc.ForecastCategory, ManualProbability: fc.ManualProbability, GapPoints: fc.GapPoints, GapFlagged: fc.GapFlagged}
	for _, f := range r.Factors {
		resp.Factors = append(resp.Factors, confidenceFactorResponse{Key: f.Key, Label: f.Label(lang), Contribution: f.Contribution,
			LogOdds: f.LogOdds, Detail: confidence.DetailMap(f.Detail)})
	}
	for _, n := range r.Timing {
		resp.Timing = append(resp.Timing, timingNoteResponse{Key: n.Key, Label: n.Label(lang), Detail: confidence.DetailMap(n.Detail)})
	}
	return c.JSON(http.StatusOK, resp)
}

type planCheckResponse struct {
	Rule         string   `json:"rule"`
	Label        string   `json:"label"`
	MilestoneIDs []string `json:"milestone_ids"`
	MinimumDays  int      `json:"minimum_days"`
	PlannedDays  int      `json:"planned_days"`
	WorkingDays  bool     `json:"working_days"`
}

// listPlanChecks answers GET /deals/{id}/plan/checks: the legal minimum intervals the
// plan breaks, labelled in the caller's language.
func (s *server) listPlanChecks(c echo.Context) error {
	checks, err := s.deps.Forecasts.PlanChecks(c.Request().Context(), dealIDOf(c))
	if err != nil {
		return err
	}
	lang := string(requestLocale(c))
	items := make([]planCheckResponse, 0, len(checks))
	for _, ch := range checks {
		items = append(items, planCheckResponse{Rule: ch.Rule, Label: ch.Label(lang), MilestoneIDs: ch.MilestoneIDs,
			MinimumDays: ch.MinimumDays, PlannedDays: ch.PlannedDays, WorkingDays: ch.WorkingDays})
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}
