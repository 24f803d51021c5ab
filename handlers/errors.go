package handlers

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/identity"
	"summit/domain/targets"
)

// errorBody is the JSON shape of every error response (docs/api.md).
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// requestError is a problem found in the request itself before any service ran: a bad
// query parameter, a malformed body, a missing header.
type requestError struct {
	status int
	code   string
	fields map[string]string // field → rule
	params map[string]string // field → rule parameter
}

func (e *requestError) Error() string { return e.code }

// badQuery reports an unusable query parameter or header (400).
func badQuery(field, rule, param string) error {
	return &requestError{status: http.StatusBadRequest, code: "malformed_request",
		fields: map[string]string{field: rule}, params: map[string]string{field: param}}
}

// statusOf is the one table from domain error to HTTP status and error code.
var statusOf = []struct {
	err    error
	status int
	code   string
}{
	{identity.ErrInvalidCredentials, http.StatusUnauthorized, "invalid_credentials"},
	{domain.ErrNotFound, http.StatusNotFound, "not_found"},
	{domain.ErrStaleVersion, http.StatusPreconditionFailed, "stale_version"},
	{domain.ErrConflict, http.StatusConflict, "conflict"},
	{domain.ErrUnauthenticated, http.StatusUnauthorized, "unauthenticated"},
	{domain.ErrForbidden, http.StatusForbidden, "forbidden"},
	{domain.ErrUnavailable, http.StatusServiceUnavailable, "database_unavailable"},
	{context.DeadlineExceeded, http.StatusServiceUnavailable, "timeout"},
}

// echoCodes names the errors Echo itself raises (routing, binding, body limit).
var echoCodes = map[int]string{
	http.StatusBadRequest:            "malformed_body",
	http.StatusUnauthorized:          "unauthenticated",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusRequestEntityTooLarge: "body_too_large",
	http.StatusUnsupportedMediaType:  "unsupported_media_type",
	http.StatusTooManyRequests:       "throttled",
	http.StatusServiceUnavailable:    "timeout",
}

// errorHandler writes every error a handler or middleware returns, in the one JSON shape.
// A 500 is logged with its cause and never shows it to the caller.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		status, body := describe(err, requestLocale(c))
		var throttled *identity.ThrottledError
		if errors.As(err, &throttled) {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(throttled.RetryAfter.Seconds()))))
		}
		var busy *identity.BusyError
		if errors.As(err, &busy) {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(busy.RetryAfter.Seconds()))))
		}
		var overloaded *overloadedError
		if errors.As(err, &overloaded) {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(overloaded.RetryAfter.Seconds()))))
		}
		if status >= 500 && body.Error.Code != "database_unavailable" && body.Error.Code != "timeout" && body.Error.Code != "busy" &&
			body.Error.Code != "overloaded" {
			log.ErrorContext(c.Request().Context(), "request failed", "err", err, "path", c.Path())
		}
		if c.Request().Method == http.MethodHead {
			err = c.NoContent(status)
		} else {
			err = c.JSON(status, body)
		}
		if err != nil {
			log.ErrorContext(c.Request().Context(), "write error response", "err", err)
		}
	}
}

// describe turns err into a status and a body in locale l.
func describe(err error, l Locale) (int, errorBody) {
	var (
		verr      validator.ValidationErrors
		domainErr *domain.ValidationError
		refused   *domain.ForbiddenError
		reqErr    *requestError
		echoErr   *echo.HTTPError
		throttled *identity.ThrottledError
		busy      *identity.BusyError
		overload  *overloadedError
		noRate    *targets.MissingRateError
	)
	if errors.Is(err, domain.ErrInvalidCursor) {
		err = badQuery("cursor", "cursor", "")
	}
	switch {
	case errors.As(err, &throttled):
		return body(http.StatusTooManyRequests, "throttled", l, nil)
	case errors.As(err, &busy):
		return body(http.StatusServiceUnavailable, "busy", l, nil)
	case errors.As(err, &overload):
		return body(http.StatusServiceUnavailable, "overloaded", l, nil)
	case errors.As(err, &verr):
		return body(http.StatusUnprocessableEntity, "validation_failed", l, validatorFields(verr, l))
	case errors.As(err, &domainErr):
		fields := map[string]string{}
		for _, v := range domainErr.Violations {
			fields[v.Field] = ruleMessage(l, v.Rule, v.Param)
		}
		return body(http.StatusUnprocessableEntity, "validation_failed", l, fields)
	case errors.As(err, &noRate):
		status, b := body(http.StatusUnprocessableEntity, "fx_rate_missing", l, map[string]string{
			"currency": ruleMessage(l, "fx_rate_missing_in", noRate.Period),
			"period":   ruleMessage(l, "fx_rate_missing_for", noRate.Currency),
		})
		b.Error.Message = strings.NewReplacer("{currency}", noRate.Currency, "{period}", noRate.Period).Replace(b.Error.Message)
		return status, b
	case errors.As(err, &refused):
		fields := map[string]string{}
		for _, v := range refused.Violations {
			fields[v.Field] = ruleMessage(l, v.Rule, v.Param)
		}
		return body(http.StatusForbidden, "forbidden", l, fields)
	case errors.As(err, &reqErr):
		fields := map[string]string{}
		for field, rule := range reqErr.fields {
			fields[field] = ruleMessage(l, rule, reqErr.params[field])
		}
		return body(reqErr.status, reqErr.code, l, fields)
	case errors.As(err, &echoErr):
		code, ok := echoCodes[echoErr.Code]
		if !ok {
			return body(http.StatusInternalServerError, "internal_error", l, nil)
		}
		return body(echoErr.Code, code, l, nil)
	}
	for _, row := range statusOf {
		if errors.Is(err, row.err) {
			return body(row.status, row.code, l, nil)
		}
	}
	return body(http.StatusInternalServerError, "internal_error", l, nil)
}

func body(status int, code string, l Locale, fields map[string]string) (int, errorBody) {
	return status, errorBody{Error: errorDetail{Code: code, Message: errorMessages[code].in(l), Fields: fields}}
}
