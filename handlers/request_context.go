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
	localeKey
)

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

// localeFromHeader picks the best supported language from an Accept-Language header.
func localeFromHeader(acceptLanguage string) Locale {
	tags, _, _ := language.ParseAcceptLanguage(acceptLanguage)
	_, index, confidence := localeMatcher.Match(tags...)
	if index == 1 && confidence != language.No {
		return LocaleZH
	}
	return LocaleEN
}

// requestLocale is the language chosen for this request (Accept-Language for now; a
// signed-in user's profile setting takes precedence once sessions exist).
func requestLocale(c echo.Context) Locale {
	if l, ok := c.Request().Context().Value(localeKey).(Locale); ok {
		return l
	}
	return localeFromHeader(c.Request().Header.Get("Accept-Language"))
}
