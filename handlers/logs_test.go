package handlers

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"summit/domain/identity"
	"summit/repository"
	"summit/repository/dbtest"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLogsCarryNoSecrets: a failing INSERT (duplicate email) is logged as the statement
// with placeholders, never the new user's password hash, email or password; the access
// log shows no query-string secrets because no route takes one.
func TestLogsCarryNoSecrets(t *testing.T) {
	t.Parallel()
	var logged syncBuffer
	log := slog.New(slog.NewJSONHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))
	_, sqlDB := dbtest.New(t)
	gdb, err := repository.OpenGorm(sqlDB, log)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServerLogging(t, gdb, sqlDB, Options{}, log)
	ts.user("admin@example.com", identity.RoleAdmin)
	ts.user("taken@example.com", identity.RoleMember)
	admin := ts.signIn("admin@example.com")

	const password = "sekrit pass phrase 42"
	rec := admin.do("POST", "/api/v1/users", `{"email":"TAKEN@example.com","name":"Dup","role":"member","password":"`+password+`"}`)
	if rec.Code != 409 {
		t.Fatalf("duplicate email = %d %s", rec.Code, rec.Body)
	}
	// A client that puts a credential in the query string does not get it logged.
	admin.do("GET", "/api/v1/meta?access_token=tok-in-query-123&api_key=key-in-query-456&q=ok", "")
	out := logged.String()
	if !strings.Contains(out, `"uri":"/api/v1/meta?access_token=redacted`) {
		t.Errorf("the access log does not show the redacted query:\n%s", out)
	}
	if !strings.Contains(out, "INSERT INTO") {
		t.Fatalf("the failing statement was not logged at all:\n%s", out)
	}
	for _, secret := range []string{"$argon2id$", password, "taken@example.com", "TAKEN@example.com", admin.csrf, admin.cookie, "tok-in-query-123", "key-in-query-456"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains %q:\n%s", secret, out)
		}
	}
}

// TestAccessLogCountsEachRequestsStatements: each request's access log line says how many
// SQL statements it sent (db_statements), the same count tests read; a request that
// needs no database (a health check) sent none.
func TestAccessLogCountsEachRequestsStatements(t *testing.T) {
	t.Parallel()
	var logged syncBuffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	gdb, sqlDB := dbtest.New(t)
	ts := newTestServerLogging(t, gdb, sqlDB, Options{}, log)
	ts.user("li@example.com", identity.RoleMember)
	li := ts.signIn("li@example.com")
	tests := []struct {
		name, target string
		send         func(target string) *httptest.ResponseRecorder
		none         bool
	}{
		{"signed-in read", "/api/v1/me", func(target string) *httptest.ResponseRecorder { return li.do("GET", target, "") }, false},
		{"health check", "/healthz", func(target string) *httptest.ResponseRecorder { return ts.do("GET", target, "") }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if rec := tc.send(tc.target); rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d %s", tc.target, rec.Code, rec.Body)
			}
			n := ts.statements()
			if tc.none != (n == 0) {
				t.Fatalf("GET %s sent %d statements", tc.target, n)
			}
			var line struct {
				URI          string `json:"uri"`
				DBStatements *int64 `json:"db_statements"`
			}
			found := false
			for _, l := range strings.Split(logged.String(), "\n") {
				if json.Unmarshal([]byte(l), &line) == nil && line.URI == tc.target {
					found = true
					break
				}
			}
			if !found || line.DBStatements == nil || *line.DBStatements != n {
				t.Fatalf("access log line of %s: found %v, db_statements %v, want %d:\n%s", tc.target, found, line.DBStatements, n, logged.String())
			}
		})
	}
}
