package handlers

import "github.com/labstack/echo/v4"

// checkQueryText refuses a query string whose names or values are not clean text
// (cleanText): invalid UTF-8 or NUL in ?q= would reach PostgreSQL, which refuses them.
// It is 400 naming the parameter, on every API route, before any other work.
func checkQueryText(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		for name, values := range c.QueryParams() {
			if !cleanText(name) {
				return badQuery("query", "text", "")
			}
			for _, v := range values {
				if !cleanText(v) {
					return badQuery(name, "text", "")
				}
			}
		}
		return next(c)
	}
}
