package handlers

import (
	"database/sql"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"summit/repository/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// testSPA stands in for the built web app.
var testSPA = fstest.MapFS{
	"index.html":         {Data: []byte("<!doctype html><title>Summit</title>")},
	"assets/app-1234.js": {Data: []byte("console.log('summit')")},
	"favicon.svg":        {Data: []byte("<svg/>")},
}

// newTestServer builds the real Echo instance over a fresh database.
func newTestServer(t *testing.T) (*echo.Echo, *sql.DB) {
	t.Helper()
	gdb, sqlDB := dbtest.New(t)
	e, err := New(Deps{
		SQL: sqlDB, DB: gdb, Log: dbtest.Logger(t), Metrics: prometheus.NewRegistry(), SPA: testSPA,
		Version: "test", FiscalYearStartMonth: 4,
	}, Options{RequestTimeout: 5 * time.Second, BodyLimit: "1K"})
	if err != nil {
		t.Fatal(err)
	}
	return e, sqlDB
}

// do sends one request through the whole middleware chain.
func do(e *echo.Echo, method, target, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}
