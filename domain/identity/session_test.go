package identity

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"summit/domain"
)

func TestNewSessionKeepsAStorableUserAgent(t *testing.T) {
	tests := []struct {
		name, userAgent, want string
	}{
		{"an ordinary browser", "Mozilla/5.0 (X11; Linux x86_64)", "Mozilla/5.0 (X11; Linux x86_64)"},
		{"empty", "", ""},
		{"bytes that are not UTF-8", "curl/8 \xff\xfe", "curl/8 \uFFFD"},
		{"at the limit", strings.Repeat("浏", domain.MaxUserAgentLen), strings.Repeat("浏", domain.MaxUserAgentLen)},
		{"a megabyte", strings.Repeat("a", 1<<20), strings.Repeat("a", domain.MaxUserAgentLen)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := DefaultSessionPolicy.NewSession("u1", "192.0.2.1", tc.userAgent, time.Now())
			if s.UserAgent != tc.want || !utf8.ValidString(s.UserAgent) {
				t.Errorf("user agent %.40q…, want %.40q…", s.UserAgent, tc.want)
			}
		})
	}
}
