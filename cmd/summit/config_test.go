package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestConfigNamesTheBadVariable(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string // the variable the message must name; "" = valid
	}{
		{"defaults are valid", nil, ""},
		{"custom valid", map[string]string{"SUMMIT_ADDR": "127.0.0.1:9090", "SUMMIT_FISCAL_YEAR_START_MONTH": "4", "SUMMIT_LOG_LEVEL": "debug"}, ""},
		{"address without port", map[string]string{"SUMMIT_ADDR": "localhost"}, "SUMMIT_ADDR"},
		{"log level unknown", map[string]string{"SUMMIT_LOG_LEVEL": "loud"}, "SUMMIT_LOG_LEVEL"},
		{"timeout not a duration", map[string]string{"SUMMIT_REQUEST_TIMEOUT": "soon"}, "SUMMIT_REQUEST_TIMEOUT"},
		{"timeout negative", map[string]string{"SUMMIT_READ_TIMEOUT": "-1s"}, "SUMMIT_READ_TIMEOUT"},
		{"body limit", map[string]string{"SUMMIT_BODY_LIMIT": "huge"}, "SUMMIT_BODY_LIMIT"},
		{"fiscal month 13", map[string]string{"SUMMIT_FISCAL_YEAR_START_MONTH": "13"}, "SUMMIT_FISCAL_YEAR_START_MONTH"},
		{"pool size zero", map[string]string{"SUMMIT_DB_MAX_CONNS": "0"}, "SUMMIT_DB_MAX_CONNS"},
		{"pool size not a number", map[string]string{"SUMMIT_DB_MAX_CONNS": "many"}, "SUMMIT_DB_MAX_CONNS"},
		{"statement timeout negative", map[string]string{"SUMMIT_DB_STATEMENT_TIMEOUT": "-1s"}, "SUMMIT_DB_STATEMENT_TIMEOUT"},
		{"statement timeout not a duration", map[string]string{"SUMMIT_DB_STATEMENT_TIMEOUT": "soon"}, "SUMMIT_DB_STATEMENT_TIMEOUT"},
		{"board cache off", map[string]string{"SUMMIT_BOARD_CACHE_TTL": "0"}, ""},
		{"board cache negative", map[string]string{"SUMMIT_BOARD_CACHE_TTL": "-5s"}, "SUMMIT_BOARD_CACHE_TTL"},
		{"trusted proxies valid", map[string]string{"SUMMIT_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.5,fd00::/8"}, ""},
		{"trusted proxy not a CIDR", map[string]string{"SUMMIT_TRUSTED_PROXIES": "10.0.0.0/8,10.0.0.0/33"}, `SUMMIT_TRUSTED_PROXIES entry "10.0.0.0/33"`},
		{"trusted proxy a host name", map[string]string{"SUMMIT_TRUSTED_PROXIES": "proxy.local"}, `SUMMIT_TRUSTED_PROXIES entry "proxy.local"`},
		{"old proxy switch refused", map[string]string{"SUMMIT_BEHIND_PROXY": "true"}, "SUMMIT_TRUSTED_PROXIES"},
		{"old proxy switch refused even when false", map[string]string{"SUMMIT_BEHIND_PROXY": "false"}, "SUMMIT_BEHIND_PROXY"},
		{"metrics on their own address", map[string]string{"SUMMIT_METRICS_ADDR": "127.0.0.1:9091", "SUMMIT_METRICS_TOKEN": "s3cret"}, ""},
		{"metrics address without port", map[string]string{"SUMMIT_METRICS_ADDR": "localhost"}, "SUMMIT_METRICS_ADDR"},
		{"metrics address same as main", map[string]string{"SUMMIT_METRICS_ADDR": ":8080"}, "SUMMIT_METRICS_ADDR"},
		{"password hashes set", map[string]string{"SUMMIT_PASSWORD_HASHES": "4"}, ""},
		{"password hashes negative", map[string]string{"SUMMIT_PASSWORD_HASHES": "-1"}, "SUMMIT_PASSWORD_HASHES"},
		{"active requests set", map[string]string{"SUMMIT_ACTIVE_REQUESTS": "8", "SUMMIT_TURN_WAIT": "2s"}, ""},
		{"active requests negative", map[string]string{"SUMMIT_ACTIVE_REQUESTS": "-1"}, "SUMMIT_ACTIVE_REQUESTS"},
		{"turn wait zero", map[string]string{"SUMMIT_TURN_WAIT": "0s"}, "SUMMIT_TURN_WAIT"},
		{"turn wait not a duration", map[string]string{"SUMMIT_TURN_WAIT": "a while"}, "SUMMIT_TURN_WAIT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			cfg, err := loadConfig()
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if cfg.Addr == "" || cfg.BodyLimit == "" {
					t.Fatalf("defaults missing: %+v", cfg)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v does not name %s", err, tc.wantErr)
			}
		})
	}
}

func TestCommandsWithoutDatabaseURLSayHowToSetIt(t *testing.T) {
	err := config{}.requireDatabaseURL()
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Fatalf("got %v", err)
	}
}

func TestTrustedProxiesParse(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "[]"},
		{"10.0.0.0/8", "[10.0.0.0/8]"},
		{" 10.1.2.3/8 , 192.168.1.5 ,, fd00::/8", "[10.0.0.0/8 192.168.1.5/32 fd00::/8]"},
		{"::ffff:10.0.0.0/104", "[10.0.0.0/8]"},
	}
	for _, tc := range tests {
		got, err := config{TrustedProxies: tc.in}.trustedProxies()
		if err != nil || fmt.Sprint(got) != tc.want {
			t.Errorf("%q → %v %v, want %s", tc.in, got, err, tc.want)
		}
	}
}
