package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// setETag tells the caller the version it now holds: ETag: "<version>".
func setETag(c echo.Context, version int) {
	c.Response().Header().Set("ETag", `"`+strconv.Itoa(version)+`"`)
}

// ifMatchVersion reads the version an update or delete is based on from If-Match. No
// header is 428, so a client can never overwrite blindly; a malformed one is 400.
func ifMatchVersion(c echo.Context) (int, error) { return ifMatchNumber(c, 1) }

// ifMatchNumber reads a number of at least least from If-Match ("<n>", W/ allowed): no
// header is 428, a malformed one 400.
func ifMatchNumber(c echo.Context, least int) (int, error) {
	raw := strings.TrimSpace(c.Request().Header.Get("If-Match"))
	if raw == "" {
		return 0, &requestError{status: http.StatusPreconditionRequired, code: "precondition_required",
			fields: map[string]string{"If-Match": "required"}}
	}
	raw = strings.TrimPrefix(raw, "W/")
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		raw = raw[1 : len(raw)-1]
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < least {
		return 0, badQuery("If-Match", "if_match", "")
	}
	return v, nil
}
