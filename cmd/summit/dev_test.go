package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"summit/repository"
	"summit/repository/dbtest"
)

// lockedBuffer is a log destination the server's goroutines may write to at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestDevKeepsTheBannerInView: `summit dev` (make run) logs requests at debug, so with
// the default level the terminal shows the banner and no line per request; serve keeps
// its JSON line per request, and dev shows them too at SUMMIT_LOG_LEVEL=debug.
func TestDevKeepsTheBannerInView(t *testing.T) {
	addr := freeAddr(t)
	t.Setenv("SUMMIT_ADDR", addr)
	base, err := loadConfig()
	if err != nil {
		t.Fatal(err)
	}
	gdb, sqlDB := dbtest.New(t)
	tests := []struct {
		name         string
		cfg          config
		level        slog.Level
		wantRequests bool
	}{
		{"dev at the default level", forDev(base), slog.LevelInfo, false},
		{"dev at debug", forDev(base), slog.LevelDebug, true},
		{"serve at the default level", base, slog.LevelInfo, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs := &lockedBuffer{}
			ctx, cancel := context.WithCancel(context.Background())
			ready, done := make(chan struct{}), make(chan error, 1)
			go func() { done <- serve(ctx, tc.cfg, newLogger(logs, tc.level), gdb, sqlDB, func() { close(ready) }) }()
			select {
			case <-ready:
			case err := <-done:
				t.Fatalf("serve: %v", err)
			}
			for _, path := range []string{"/api/v1/meta", "/api/v1/auth/me", "/"} {
				resp, err := http.Get("http://" + addr + path)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatalf("shutdown: %v", err)
			}
			out := logs.String()
			if !strings.Contains(out, `"msg":"listening"`) {
				t.Fatalf("the log has no listening line:\n%s", out)
			}
			if got := strings.Count(out, `"msg":"request"`); (got == 3) != tc.wantRequests || (got != 0 && !tc.wantRequests) {
				t.Errorf("%d request lines, want them: %v\n%s", got, tc.wantRequests, out)
			}
		})
	}
}

// TestDevBannerNamesTheAddressAndSignIns: the banner says where to go and how to sign in.
func TestDevBannerNamesTheAddressAndSignIns(t *testing.T) {
	var out bytes.Buffer
	was := stdout
	stdout = &out
	defer func() { stdout = was }()
	printBanner(config{Addr: ":8080"})
	want := []string{"http://localhost:8080", repository.DemoPassword, "SUMMIT_LOG_LEVEL=debug"}
	for _, u := range repository.DemoUsers {
		want = append(want, u.Email)
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w) {
			t.Errorf("banner lacks %q:\n%s", w, out.String())
		}
	}
}
