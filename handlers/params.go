package handlers

import (
	"fmt"
	"net/url"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"summit/domain"
)

// pathID reads a UUID path parameter; anything else cannot name a resource, so it is a 404.
func pathID(c echo.Context, name string) (string, error) {
	raw := c.Param(name)
	id, err := uuid.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%s %q: %w", name, raw, domain.ErrNotFound)
	}
	return id.String(), nil
}

func parseUUID(s string) (string, error) {
	id, err := uuid.Parse(s)
	return id.String(), err
}

// urlPathEscape percent-encodes s for a Content-Disposition filename* value.
func urlPathEscape(s string) string { return url.PathEscape(s) }
