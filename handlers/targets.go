package handlers

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/deals"
	"summit/domain/targets"
)

// Settings, targets and FX rates (docs/board.md, "Targets, FX rates and settings").

type settingsResponse struct {
	ReportingCurrency    string `json:"reporting_currency"`
	FiscalYearStartMonth int    `json:"fiscal_year_start_month"`
	Version              int    `json:"version"`
}

type updateSettingsRequest struct {
	ReportingCurrency    *string `json:"reporting_currency" validate:"omitempty,len=3"`
	FiscalYearStartMonth *int    `json:"fiscal_year_start_month" validate:"omitempty,min=1,max=12"`
}

type targetResponse struct {
	ID          string  `json:"id"`
	Period      string  `json:"period"`
	TeamID      *string `json:"team_id"`
	AmountMinor int64   `json:"amount_minor"`
	Currency    string  `json:"currency"`
	Version     int     `json:"version"`
}

type createTargetRequest struct {
	Period      string  `json:"period" validate:"required,max=7"`
	TeamID      *string `json:"team_id" validate:"omitempty,uuid"`
	AmountMinor *int64  `json:"amount_minor" validate:"required,min=0,max=999999999999999"`
	Currency    string  `json:"currency" validate:"omitempty,len=3"`
}

type updateTargetRequest struct {
	Period      *string    `json:"period" validate:"omitempty,max=7"`
	TeamID      optionalID `json:"team_id"`
	AmountMinor *int64     `json:"amount_minor" validate:"omitempty,min=0,max=999999999999999"`
	Currency    *string    `json:"currency" validate:"omitempty,len=3"`
}

type targetTreeNode struct {
	TeamID        *string `json:"team_id"`
	Name          string  `json:"name"`
	ParentID      *string `json:"parent_id"`
	TargetMinor   *int64  `json:"target_minor"`
	BottomUpMinor int64   `json:"bottom_up_minor"`
	GapMinor      *int64  `json:"gap_minor"`
}

type targetTreeResponse struct {
	Period   string           `json:"period"`
	Currency string           `json:"currency"`
	Nodes    []targetTreeNode `json:"nodes"`
}

type fxRateResponse struct {
	ID       string      `json:"id"`
	Period   string      `json:"period"`
	Currency string      `json:"currency"`
	Rate     json.Number `json:"rate"`
	Version  int         `json:"version"`
}

type createFXRateRequest struct {
	Period   string   `json:"period" validate:"required,max=7"`
	Currency string   `json:"currency" validate:"required,len=3"`
	Rate     *float64 `json:"rate" validate:"required,gt=0,lte=1000000"`
}

type updateFXRateRequest struct {
	Period   *string  `json:"period" validate:"omitempty,max=7"`
	Currency *string  `json:"currency" validate:"omitempty,len=3"`
	Rate     *float64 `json:"rate" validate:"omitempty,gt=0,lte=1000000"`
}

// companyName names the company node of the target tree.
var companyName = message{"Company", "公司"}

func toResponseTarget(t targets.Target) targetResponse {
	return targetResponse{ID: t.ID, Period: t.Period, TeamID: t.TeamID, AmountMinor: t.AmountMinor, Currency: t.Currency, Version: t.Version}
}

func toResponseRate(r targets.FXRate) fxRateResponse {
	return fxRateResponse{ID: r.ID, Period: r.Period, Currency: r.Currency, Rate: json.Number(r.Rate), Version: r.Version}
}

// rateText writes a rate as sent: the shortest decimal that reads back as the same
// float64, i.e. the digits the caller typed (up to 15 significant ones).
func rateText(f *float64) *string {
	if f == nil {
		return nil
	}
	var s string
	if math.IsInf(*f, 0) || math.IsNaN(*f) {
		s = "inf"
	} else {
		s = strconv.FormatFloat(*f, 'f', -1, 64)
	}
	return &s
}

// fiscalYearStart is the month the fiscal year starts in, from the settings.
func (s *server) fiscalYearStart(ctx context.Context) (int, error) {
	if s.deps.Targets == nil {
		return s.deps.FiscalYearStartMonth, nil
	}
	return s.deps.Targets.FiscalYearStartMonth(ctx)
}

// periodQuery reads ?period= (a quarter or a month), or "" when absent.
func periodQuery(c echo.Context) (*string, error) {
	raw := c.QueryParam("period")
	if raw == "" {
		return nil, nil
	}
	if _, err := deals.ParsePeriod(raw, 1); err != nil {
		return nil, badQuery("period", "period", "")
	}
	return &raw, nil
}

// getSettings answers GET /settings.
func (s *server) getSettings(c echo.Context) error {
	st, err := s.deps.Targets.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	return writeSettings(c, st)
}

// updateSettings answers PATCH /settings.
func (s *server) updateSettings(c echo.Context) error {
	version, err := ifMatchVersion(c)
	if err != nil {
		return err
	}
	var req updateSettingsRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	st, err := s.deps.Targets.UpdateSettings(c.Request().Context(), actorOf(c), version,
		targets.SettingsPatch{ReportingCurrency: req.ReportingCurrency, FiscalYearStartMonth: req.FiscalYearStartMonth})
	if err != nil {
		return err
	}
	return writeSettings(c, st)
}

func writeSettings(c echo.Context, st targets.Settings) error {
	setETag(c, st.Version)
	return c.JSON(http.StatusOK, settingsResponse{ReportingCurrency: st.ReportingCurrency, FiscalYearStartMonth: st.FiscalYearStartMonth, Version: st.Version})
}

var targetList = listOf(targets.TargetSorts)

// listTargets answers GET /targets (?period=, ?team_id=).
func (s *server) listTargets(c echo.Context) error {
	p, err := targetList.parse(c)
	if err != nil {
		return err
	}
	var f targets.TargetFilter
	if f.Period, err = periodQuery(c); err != nil {
		return err
	}
	if raw := c.QueryParam("team_id"); raw != "" {
		id, err := parseUUID(raw)
		if err != nil {
			return badQuery("team_id", "uuid", "")
		}
		f.TeamID = &id
	}
	page, err := s.deps.Targets.ListTargets(c.Request().Context(), f, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseTarget)
}

// getTarget answers GET /targets/{id}.
func (s *server) getTarget(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.deps.Targets.Target(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeTarget(c, http.StatusOK, t)
}

// createTarget answers POST /targets.
func (s *server) createTarget(c echo.Context) error {
	var req createTargetRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	t, err := s.deps.Targets.CreateTarget(c.Request().Context(), actorOf(c), targets.Target{
		Period: req.Period, TeamID: req.TeamID, AmountMinor: *req.AmountMinor, Currency: req.Currency})
	if err != nil {
		return err
	}
	return writeTarget(c, http.StatusCreated, t)
}

// updateTarget answers PATCH /targets/{id}; team_id null moves it to the company.
func (s *server) updateTarget(c echo.Context) error {
	id, version, req, err := targetWithBody[updateTargetRequest](c)
	if err != nil {
		return err
	}
	patch := targets.TargetPatch{Period: req.Period, AmountMinor: req.AmountMinor, Currency: req.Currency}
	if req.TeamID.Set {
		patch.TeamID, patch.ClearTeam = req.TeamID.Value, req.TeamID.Value == nil
	}
	t, err := s.deps.Targets.UpdateTarget(c.Request().Context(), actorOf(c), id, version, patch)
	if err != nil {
		return err
	}
	return writeTarget(c, http.StatusOK, t)
}

// deleteTarget answers DELETE /targets/{id}.
func (s *server) deleteTarget(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Targets.DeleteTarget(c.Request().Context(), actorOf(c), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeTarget(c echo.Context, status int, t targets.Target) error {
	setETag(c, t.Version)
	return c.JSON(status, toResponseTarget(t))
}

// targetTree answers GET /targets/tree?period= (default: the current fiscal quarter):
// every node's own target (top-down), the sum of its child teams' (bottom-up) and the gap.
func (s *server) targetTree(c echo.Context) error {
	ctx := c.Request().Context()
	period, err := periodQuery(c)
	if err != nil {
		return err
	}
	st, err := s.deps.Targets.Settings(ctx)
	if err != nil {
		return err
	}
	if period == nil {
		q := targets.QuarterOf(time.Now().UTC(), st.FiscalYearStartMonth)
		period = &q
	}
	nodes, err := s.deps.Targets.TargetTree(ctx, *period)
	if err != nil {
		return err
	}
	resp := targetTreeResponse{Period: *period, Currency: st.ReportingCurrency, Nodes: make([]targetTreeNode, 0, len(nodes))}
	for _, n := range nodes {
		name := n.Name
		if n.TeamID == nil {
			name = companyName.in(requestLocale(c))
		}
		resp.Nodes = append(resp.Nodes, targetTreeNode{TeamID: n.TeamID, Name: name, ParentID: n.ParentID,
			TargetMinor: n.TargetMinor, BottomUpMinor: n.BottomUpMinor, GapMinor: n.GapMinor})
	}
	return c.JSON(http.StatusOK, resp)
}

var rateList = listOf(targets.RateSorts)

// listFXRates answers GET /fx-rates (?period=, ?currency=).
func (s *server) listFXRates(c echo.Context) error {
	p, err := rateList.parse(c)
	if err != nil {
		return err
	}
	var f targets.RateFilter
	if f.Period, err = periodQuery(c); err != nil {
		return err
	}
	if raw := c.QueryParam("currency"); raw != "" {
		if !targets.ValidCurrency(raw) {
			return badQuery("currency", "iso4217", "")
		}
		f.Currency = &raw
	}
	page, err := s.deps.Targets.ListRates(c.Request().Context(), f, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseRate)
}

// getFXRate answers GET /fx-rates/{id}.
func (s *server) getFXRate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.deps.Targets.Rate(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeRate(c, http.StatusOK, r)
}

// createFXRate answers POST /fx-rates.
func (s *server) createFXRate(c echo.Context) error {
	var req createFXRateRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	r, err := s.deps.Targets.CreateRate(c.Request().Context(), actorOf(c), targets.FXRate{
		Period: req.Period, Currency: req.Currency, Rate: *rateText(req.Rate)})
	if err != nil {
		return err
	}
	return writeRate(c, http.StatusCreated, r)
}

// updateFXRate answers PATCH /fx-rates/{id}.
func (s *server) updateFXRate(c echo.Context) error {
	id, version, req, err := targetWithBody[updateFXRateRequest](c)
	if err != nil {
		return err
	}
	r, err := s.deps.Targets.UpdateRate(c.Request().Context(), actorOf(c), id, version,
		targets.RatePatch{Period: req.Period, Currency: req.Currency, Rate: rateText(req.Rate)})
	if err != nil {
		return err
	}
	return writeRate(c, http.StatusOK, r)
}

// deleteFXRate answers DELETE /fx-rates/{id}.
func (s *server) deleteFXRate(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Targets.DeleteRate(c.Request().Context(), actorOf(c), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeRate(c echo.Context, status int, r targets.FXRate) error {
	setETag(c, r.Version)
	return c.JSON(status, toResponseRate(r))
}
