package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestOperatorCreatesFirstAdminAndAToken follows README: `summit user create` then
// `summit token create`, and the token signs in as that user.
func TestOperatorCreatesFirstAdminAndAToken(t *testing.T) {
	cfg, ctx, log, out := commandLine(t)

	tests := []struct {
		name    string
		run     func(context.Context, config, *slog.Logger, []string) error
		args    string
		wantErr string
		wantOut string
	}{
		{"create admin", runUser, "create --email Boss@Example.com --name Boss --password long-enough-pw --role admin", "", "created admin boss@example.com"},
		{"same email again", runUser, "create --email boss@example.com --name Again --password long-enough-pw --role admin", "already exists", ""},
		{"short password", runUser, "create --email x@example.com --name X --password short --role member", "--password", ""},
		{"unknown role", runUser, "create --email x@example.com --name X --password long-enough-pw --role owner", "--role", ""},
		{"token for the admin", runToken, "create --email boss@example.com --name nightly-export", "", identity.TokenPrefix},
		{"token for nobody", runToken, "create --email nobody@example.com --name x", "no active user", ""},
	}
	for _, tc := range tests {
		out.Reset()
		err := tc.run(ctx, cfg, log, strings.Fields(tc.args))
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !strings.Contains(out.String(), tc.wantOut) {
			t.Errorf("%s: err = %v, out = %q, want %q", tc.name, err, out.String(), tc.wantOut)
		}
	}

	// The printed token authenticates as the admin.
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	out.Reset()
	if err := runToken(ctx, cfg, log, strings.Fields("create --email boss@example.com --name check")); err != nil {
		t.Fatal(err)
	}
	caller, err := cfg.identityService(gdb).AuthenticateToken(ctx, strings.TrimSpace(out.String()))
	if err != nil || caller.User.Email != "boss@example.com" || caller.User.Role != identity.RoleAdmin {
		t.Fatalf("token from the CLI: %+v, %v", caller.User, err)
	}
}
