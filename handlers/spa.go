package handlers

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

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
				return serveFile(c, files, name)
			}
			if strings.HasPrefix(name, "assets/") {
				return echo.ErrNotFound // a missing asset is a 404, not the app
			}
		}
		c.Response().Header().Set("Cache-Control", "no-cache")
		return serveFile(c, files, "index.html")
	}
}

// precompressed are the encodings the build stores next to each text asset (name.br,
// name.gz; vite.config.ts), best first.
var precompressed = []struct{ coding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// serveFile sends the built file name, as its precompressed copy when the browser accepts
// one: the same bytes a compressing server would send, without compressing per request.
func serveFile(c echo.Context, files fs.FS, name string) error {
	c.Response().Header().Add("Vary", "Accept-Encoding")
	accept := c.Request().Header.Get("Accept-Encoding")
	for _, p := range precompressed {
		if !acceptsEncoding(accept, p.coding) {
			continue
		}
		f, err := files.Open(name + p.suffix)
		if err != nil {
			continue
		}
		defer f.Close()
		content, ok := f.(io.ReadSeeker)
		if !ok {
			break
		}
		c.Response().Header().Set(echo.HeaderContentEncoding, p.coding)
		// ServeContent types the answer by the name it is given: the original file's.
		http.ServeContent(c.Response(), c.Request(), name, time.Time{}, content)
		return nil
	}
	return echo.StaticFileHandler(name, files)(c)
}

// acceptsEncoding reports whether an Accept-Encoding header allows coding (RFC 9110
// §12.5.3: listed, or covered by "*", with a q-value above 0).
func acceptsEncoding(header, coding string) bool {
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		token = strings.TrimSpace(token)
		if !strings.EqualFold(token, coding) && token != "*" {
			continue
		}
		q := 1.0
		if name, value, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(name), "q") {
			if v, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil {
				q = v
			}
		}
		return q > 0
	}
	return false
}
