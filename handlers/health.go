package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
)

// healthHandlers answer the probes of a process supervisor or load balancer.
type healthHandlers struct {
	db *sql.DB
}

// alive: the process serves requests (GET /healthz).
func (h healthHandlers) alive(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// ready: the database answers within two seconds (GET /readyz), else 503.
func (h healthHandlers) ready(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := h.db.PingContext(ctx); err != nil {
		return domain.ErrUnavailable
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
