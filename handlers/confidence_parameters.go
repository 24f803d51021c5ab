package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/confidence"
)

// confidenceParameterResponse is one parameter of the confidence model a template may
// override.
type confidenceParameterResponse struct {
	Name    string  `json:"name"`
	Label   string  `json:"label"`
	Default float64 `json:"default"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
}

// listConfidenceParameters answers GET /confidence/parameters: every parameter with its
// label in the caller's language, default and range (not paged: a fixed set).
func (s *server) listConfidenceParameters(c echo.Context) error {
	lang := string(requestLocale(c))
	params := confidence.Parameters()
	items := make([]confidenceParameterResponse, 0, len(params))
	for _, pr := range params {
		items = append(items, confidenceParameterResponse{Name: pr.Name, Label: pr.Label(lang), Default: pr.Default(), Min: pr.Min, Max: pr.Max})
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}
