package handlers

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"

	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/domain/targets"
	"summit/policies"
	"summit/repository"
	"summit/repository/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// testSPA stands in for the built web app.
var testSPA = fstest.MapFS{
	"index.html":         {Data: []byte("<!doctype html><title>Summit</title>")},
	"assets/app-1234.js": {Data: []byte("console.log('summit')")},
	"favicon.svg":        {Data: []byte("<svg/>")},
}

// testPassword is every test user's password.
const testPassword = "correct horse battery"

// testServer is the real Echo instance over a fresh database, with its services.
type testServer struct {
	t   testing.TB
	e   *echo.Echo
	srv *server
	sql *sql.DB
	db  *gorm.DB
	id  *identity.Service
	dl  *deals.Service
	st  *stakeholders.Service
	rv  *reviews.Service
	// lastStatements reads the statement count of the request served last.
	lastStatements atomic.Pointer[func() int64]
}

// statements is the number of SQL statements the request served last sent.
func (ts *testServer) statements() int64 {
	read := ts.lastStatements.Load()
	if read == nil {
		ts.t.Fatal("no request counted")
	}
	return (*read)()
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	gdb, sqlDB := dbtest.New(t)
	return newTestServerOn(t, gdb, sqlDB, Options{})
}

// newTestServerOn builds another app instance over an existing database.
func newTestServerOn(t testing.TB, gdb *gorm.DB, sqlDB *sql.DB, opts Options) *testServer {
	t.Helper()
	return newTestServerLogging(t, gdb, sqlDB, opts, dbtest.Logger(t))
}

// newTestServerLogging builds an app instance that writes its log to log.
func newTestServerLogging(t testing.TB, gdb *gorm.DB, sqlDB *sql.DB, opts Options, log *slog.Logger) *testServer {
	t.Helper()
	policy, err := policies.Load()
	if err != nil {
		t.Fatal(err)
	}
	svc := repository.NewIdentityService(gdb, identity.DefaultSessionPolicy, identity.DefaultLoginThrottle)
	services := repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: 4})
	ts := &testServer{t: t}
	srv, e, err := newServer(Deps{
		SQL: sqlDB, Log: log, Metrics: prometheus.NewRegistry(), SPA: testSPA,
		Identity: svc, Deals: services.Deals, Stakeholders: services.Stakeholders,
		Reviews: services.Reviews, Forecasts: services.Forecasts, Policy: policy, Version: "test", FiscalYearStartMonth: 4,
		Targets: services.Targets, Boards: services.Boards, History: services.History, Changes: services.Changes, DealHistory: services.DealHistory, Calibration: services.Calibration, ConfidenceModels: services.ConfidenceModels,
		CountStatements: func(ctx context.Context) (context.Context, func() int64) {
			ctx, read := repository.CountStatements(ctx)
			ts.lastStatements.Store(&read)
			return ctx, read
		},
	}, Options{RequestTimeout: cmp.Or(opts.RequestTimeout, 5*time.Second), BodyLimit: cmp.Or(opts.BodyLimit, "64K"),
		TrustedProxies: opts.TrustedProxies, MetricsToken: opts.MetricsToken, MetricsElsewhere: opts.MetricsElsewhere})
	if err != nil {
		t.Fatal(err)
	}
	if err := repository.EnsureBuiltinTemplates(context.Background(), gdb); err != nil {
		t.Fatal(err)
	}
	ts.e, ts.srv, ts.sql, ts.db, ts.id = e, srv, sqlDB, gdb, svc
	ts.dl, ts.st, ts.rv = srv.deps.Deals, srv.deps.Stakeholders, srv.deps.Reviews
	return ts
}

// user creates a user with testPassword.
func (ts *testServer) user(email string, role identity.Role) identity.User {
	ts.t.Helper()
	u, err := ts.id.CreateUser(context.Background(), identity.Actor{IP: "test"}, identity.NewUserInput{
		Email: email, Name: strings.Split(email, "@")[0], Password: testPassword, Role: role})
	if err != nil {
		ts.t.Fatal(err)
	}
	return u
}

// do sends one request through the whole middleware chain.
func (ts *testServer) do(method, target, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return ts.serve(req)
}

// browser is a signed-in cookie session.
type browser struct {
	ts     *testServer
	cookie string
	csrf   string
}

// signIn logs in through the API like the SPA does.
func (ts *testServer) signIn(email string) *browser {
	ts.t.Helper()
	rec := ts.do("POST", "/api/v1/auth/login", `{"email":"`+email+`","password":"`+testPassword+`"}`)
	if rec.Code != http.StatusOK {
		ts.t.Fatalf("sign in %s: %d %s", email, rec.Code, rec.Body)
	}
	var body sessionResponse
	decode(ts.t, rec, &body)
	cookie := ""
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie {
			cookie = c.Value
		}
	}
	return &browser{ts: ts, cookie: cookie, csrf: *body.CSRFToken}
}

// do sends a request with the session cookie and the CSRF header.
func (b *browser) do(method, target, body string, headers ...string) *httptest.ResponseRecorder {
	headers = append([]string{"Cookie", sessionCookie + "=" + b.cookie, csrfHeader, b.csrf}, headers...)
	return b.ts.do(method, target, body, headers...)
}

func decode(t testing.TB, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
}

// errorCode is the error code of a JSON error response.
func errorCode(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var body errorBody
	decode(t, rec, &body)
	return body.Error.Code
}
