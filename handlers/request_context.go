package handlers

import (
	"context"
	"log/slog"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"
)

type contextKey int

const (
	requestIDKey contextKey = iota
	profileLocaleKey
	statementsKey
)

// countStatements gives each request a counter of the SQL statements it sends (count,
// from Deps.CountStatements), readable through statementsOf; without count it does
// nothing.
func countStatements(count func(context.Context) (context.Context, func() int64)) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		if count == nil {
			return next
		}
		return func(c echo.Context) error {
			ctx, read := count(c.Request().Context())
			c.SetRequest(c.Request().WithContext(context.WithValue(ctx, statementsKey, read)))
			return next(c)
		}
	}
}

// statementsOf is the number of SQL statements the request ctx belongs to has sent so
// far; ok is false when they are not counted.
func statementsOf(ctx context.Context) (n int64, ok bool) {
	read, ok := ctx.Value(statementsKey).(func() int64)
	if !ok {
		return 0, false
	}
	return read(), true
}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// withValue stores v in the request's context so code below the handler (services,
// repositories, logs) sees it too.
func withValue(c echo.Context, key contextKey, v any) {
	req := c.Request()
	c.SetRequest(req.WithContext(context.WithValue(req.Context(), key, v)))
}

// LogHandler wraps a slog handler so every record logged with a request's context carries
// that request's id: one grep finds all a request did.
func LogHandler(inner slog.Handler) slog.Handler { return requestIDHandler{inner} }

type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// The languages Summit answers in; the first is the fallback.
var (
	localeTags    = []language.Tag{language.English, language.SimplifiedChinese}
	localeMatcher = language.NewMatcher(localeTags)
)

// Locale is "en" or "zh-CN": the language of error messages for this request.
type Locale string

// The locales of messages.
const (
	LocaleEN Locale = "en"
	LocaleZH Locale = "zh-CN"
)

// localeFromHeader picks the supported language an Accept-Language header prefers,
// honouring q-values; ok is false when the header names none of them (absent, "*",
// malformed, or only other languages).
func localeFromHeader(acceptLanguage string) (l Locale, ok bool) {
	tags, _, _ := language.ParseAcceptLanguage(acceptLanguage)
	if len(tags) == 0 {
		return "", false
	}
	_, index, confidence := localeMatcher.Match(tags...)
	if confidence == language.No {
		return "", false
	}
	if index == 1 {
		return LocaleZH, true
	}
	return LocaleEN, true
}

// chooseLocale is Summit's one language rule: the language the request asks for
// (Accept-Language, which the SPA sets to its UI language), else the signed-in user's
// profile language (API tokens and scripts that send no header), else English.
func chooseLocale(acceptLanguage string, profile Locale) Locale {
	if l, ok := localeFromHeader(acceptLanguage); ok {
		return l
	}
	if profile == LocaleZH || profile == LocaleEN {
		return profile
	}
	return LocaleEN
}

// requestLocale is the language of this request's messages (see chooseLocale); the
// profile language is in the context once authenticate has resolved the caller.
func requestLocale(c echo.Context) Locale {
	profile, _ := c.Request().Context().Value(profileLocaleKey).(Locale)
	return chooseLocale(c.Request().Header.Get("Accept-Language"), profile)
}
