package handlers

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// spaHandler serves the embedded single-page app: a built file when the path names one,
// otherwise index.html so client-side routes such as /deals load the app. Hashed assets
// are cached for a year; index.html is revalidated so a new release shows at once.
func spaHandler(files fs.FS) echo.HandlerFunc {
	_, indexErr := fs.Stat(files, "index.html")
	return func(c echo.Context) error {
		if isAPI(c) {
			return echo.ErrNotFound // an unknown API path is a JSON 404, never the app
		}
		if indexErr != nil {
			return c.String(http.StatusServiceUnavailable, "The web app is not built into this binary: run `make build`.\n")
		}
		name := strings.TrimPrefix(path.Clean("/"+c.Param("*")), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(files, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				return echo.StaticFileHandler(name, files)(c)
			}
			if strings.HasPrefix(name, "assets/") {
				return echo.ErrNotFound // a missing asset is a 404, not the app
			}
		}
		c.Response().Header().Set("Cache-Control", "no-cache")
		return echo.StaticFileHandler("index.html", files)(c)
	}
}
