package handlers

import (
	"fmt"

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

// parseUUID reads a UUID from a query or body value, in its canonical form.
func parseUUID(s string) (string, error) {
	id, err := uuid.Parse(s)
	return id.String(), err
}

// target reads what every change of one resource needs: its id from the path and the
// version it is based on from If-Match (deletes and bodiless changes).
func target(c echo.Context) (id string, version int, err error) {
	if id, err = pathID(c, "id"); err != nil {
		return "", 0, err
	}
	version, err = ifMatchVersion(c)
	return id, version, err
}

// targetWithBody is target plus the decoded and validated JSON body (updates).
func targetWithBody[T any](c echo.Context) (id string, version int, req T, err error) {
	if id, version, err = target(c); err != nil {
		return "", 0, req, err
	}
	err = bindJSON(c, &req)
	return id, version, req, err
}
