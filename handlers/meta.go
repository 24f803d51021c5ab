package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// metaResponse describes this Summit installation to the SPA and to integrators.
type metaResponse struct {
	Name                 string `json:"name"`
	Version              string `json:"version"`
	FiscalYearStartMonth int    `json:"fiscal_year_start_month"`
}

// meta answers GET /api/v1/meta.
func (s *server) meta(c echo.Context) error {
	fyStart, err := s.fiscalYearStart(c.Request().Context()) // the settings, as GET /settings shows them
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, metaResponse{Name: "Summit", Version: s.deps.Version, FiscalYearStartMonth: fyStart})
}
