package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/calibration"
)

// The organisation's confidence models (docs/calibration.md, "Fitting"): admins fit a
// version on the closed deals, adopt it or revert; the adoption state's ETag is the
// version in force ("0": the defaults), and adopt and revert need it in If-Match.

type fitModelRequest struct {
	LeadDays int `json:"lead_days" validate:"required,oneof=90 60 30"`
}

type revertModelRequest struct {
	To string `json:"to" validate:"required,oneof=defaults previous"`
}

type confidenceModelResponse struct {
	Version   int                   `json:"version"`
	Params    map[string]float64    `json:"params"`
	Report    calibration.FitReport `json:"report"`
	FittedAt  time.Time             `json:"fitted_at"`
	FittedBy  *string               `json:"fitted_by"`
	Adopted   bool                  `json:"adopted"`
	AdoptedAt *time.Time            `json:"adopted_at"`
	AdoptedBy *string               `json:"adopted_by"`
}

type confidenceModelsResponse struct {
	Items      []confidenceModelResponse `json:"items"`
	NextCursor *string                   `json:"next_cursor"`
	// InForce is the adopted version, 0 when the defaults are in force (also the ETag).
	InForce int `json:"in_force"`
}

type modelStateResponse struct {
	InForce int `json:"in_force"`
}

func toModelResponse(m calibration.Model) confidenceModelResponse {
	return confidenceModelResponse{Version: m.Version, Params: m.Params, Report: m.Report, FittedAt: m.FittedAt,
		FittedBy: m.FittedBy, Adopted: m.Adopted, AdoptedAt: m.AdoptedAt, AdoptedBy: m.AdoptedBy}
}

// listConfidenceModels answers GET /confidence/models: the versions, newest first, paged.
func (s *server) listConfidenceModels(c echo.Context) error {
	p, err := listOf(calibration.ModelSorts).parse(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	page, err := s.deps.ConfidenceModels.List(ctx, p)
	if err != nil {
		return err
	}
	inForce, err := s.deps.ConfidenceModels.InForce(ctx)
	if err != nil {
		return err
	}
	sortSpec := p.Sort.Field
	if p.Sort.Desc {
		sortSpec = "-" + sortSpec
	}
	out := confidenceModelsResponse{Items: make([]confidenceModelResponse, 0, len(page.Items)),
		NextCursor: encodeCursor(sortSpec, page.Next), InForce: inForce}
	for _, m := range page.Items {
		out.Items = append(out.Items, toModelResponse(m))
	}
	setModelState(c, inForce)
	return c.JSON(http.StatusOK, out)
}

// fitConfidenceModel answers POST /confidence/models: a new version fitted on the closed
// deals' snapshots at the lead time, stored with its report, not adopted.
func (s *server) fitConfidenceModel(c echo.Context) error {
	var req fitModelRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	m, err := s.deps.ConfidenceModels.Fit(c.Request().Context(), actorOf(c), req.LeadDays)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toModelResponse(m))
}

// adoptConfidenceModel answers POST /confidence/models/{version}/adopt.
func (s *server) adoptConfidenceModel(c echo.Context) error {
	version, err := strconv.Atoi(c.Param("version"))
	if err != nil || version < 1 {
		return badQuery("version", "integer", "")
	}
	expected, err := ifMatchState(c)
	if err != nil {
		return err
	}
	if err := s.deps.ConfidenceModels.Adopt(c.Request().Context(), actorOf(c), version, expected); err != nil {
		return err
	}
	setModelState(c, version)
	return c.JSON(http.StatusOK, modelStateResponse{InForce: version})
}

// revertConfidenceModel answers POST /confidence/models/revert: back to the defaults or
// to the version adopted before.
func (s *server) revertConfidenceModel(c echo.Context) error {
	expected, err := ifMatchState(c)
	if err != nil {
		return err
	}
	var req revertModelRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	version, err := s.deps.ConfidenceModels.Revert(c.Request().Context(), actorOf(c), req.To, expected)
	if err != nil {
		return err
	}
	setModelState(c, version)
	return c.JSON(http.StatusOK, modelStateResponse{InForce: version})
}

func setModelState(c echo.Context, inForce int) { setETag(c, inForce) }

// ifMatchState reads the adoption state a change is based on from If-Match: the version
// in force the caller saw, 0 for the defaults. No header is 428; a malformed one 400.
func ifMatchState(c echo.Context) (int, error) { return ifMatchNumber(c, 0) }
