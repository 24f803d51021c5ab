package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"testing"

	"summit/repository/dbtest"
)

// commandLine sets up a command run as an operator would: the configuration from the
// environment on a fresh database, a quiet log, and what the command prints captured.
func commandLine(t *testing.T) (config, context.Context, *slog.Logger, *bytes.Buffer) {
	t.Helper()
	cfg, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	cfg.DatabaseURL = dbtest.URL(t)
	out := &bytes.Buffer{}
	stdout = out
	t.Cleanup(func() { stdout = os.Stdout })
	return cfg, context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil)), out
}
