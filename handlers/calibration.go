package handlers

import (
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/calibration"
)

type calibrationBinResponse struct {
	From          float64  `json:"from"`
	To            float64  `json:"to"`
	Count         int      `json:"count"`
	Won           int      `json:"won"`
	MeanPredicted *float64 `json:"mean_predicted"`
	ObservedRate  *float64 `json:"observed_rate"`
}

type calibrationResponse struct {
	LeadDays     int                      `json:"lead_days"`
	Segment      *string                  `json:"segment"`
	TemplateID   *string                  `json:"template_id"`
	WindowDays   int                      `json:"window_days"`
	ClosedDeals  int                      `json:"closed_deals"`
	Count        int                      `json:"count"`
	Won          int                      `json:"won"`
	Lost         int                      `json:"lost"`
	Brier        *float64                 `json:"brier"`
	LogLoss      *float64                 `json:"log_loss"`
	Reliability  []calibrationBinResponse `json:"reliability"`
	LeadTimeDays []int                    `json:"lead_times"`
}

// finite is v, or nil for NaN (a score or bin of no predictions).
func finite(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func optionalText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// calibrationQuery reads ?lead_days=, ?segment= and ?template_id= (400 naming a malformed one).
func calibrationQuery(c echo.Context) (calibration.Query, error) {
	params := c.QueryParams()
	q := calibration.Query{LeadDays: calibration.DefaultLeadDays, Segment: params.Get("segment")}
	if params.Has("lead_days") {
		n, err := strconv.Atoi(params.Get("lead_days"))
		if err != nil {
			return q, badQuery("lead_days", "oneof", "90 60 30")
		}
		q.LeadDays = n
	}
	if params.Has("template_id") && params.Get("template_id") != "" {
		id, err := parseUUID(params.Get("template_id"))
		if err != nil {
			return q, badQuery("template_id", "uuid", "")
		}
		q.TemplateID = id
	}
	var verr *domain.ValidationError
	if err := q.Validate(); errors.As(err, &verr) {
		v := verr.Violations[0]
		return q, badQuery(v.Field, v.Rule, v.Param)
	}
	return q, nil
}

// getCalibration answers GET /calibration (docs/calibration.md): how well the deals'
// confidence at a lead time foretold the outcomes of the closed deals.
func (s *server) getCalibration(c echo.Context) error {
	q, err := calibrationQuery(c)
	if err != nil {
		return err
	}
	r, err := s.deps.Calibration.Report(c.Request().Context(), q)
	if err != nil {
		return err
	}
	resp := calibrationResponse{LeadDays: r.LeadDays, Segment: optionalText(r.Segment), TemplateID: optionalText(r.TemplateID),
		WindowDays: calibration.SnapshotWindowDays, ClosedDeals: r.Closed, Count: r.Count, Won: r.Won, Lost: r.Lost,
		Brier: finite(r.Brier), LogLoss: finite(r.LogLoss), Reliability: make([]calibrationBinResponse, 0, len(r.Bins)),
		LeadTimeDays: calibration.LeadTimes}
	for _, b := range r.Bins {
		resp.Reliability = append(resp.Reliability, calibrationBinResponse{From: b.From, To: b.To, Count: b.Count, Won: b.Won,
			MeanPredicted: finite(b.MeanPredicted), ObservedRate: finite(b.ObservedRate)})
	}
	return c.JSON(http.StatusOK, resp)
}
