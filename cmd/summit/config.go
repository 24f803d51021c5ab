package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/labstack/gommon/bytes"
	"gorm.io/gorm"

	"summit/domain/identity"
	"summit/handlers"
	"summit/repository"
)

// config is every setting of the summit binary, read once from the environment
// (README lists them). A bad value stops the program with a message naming the variable.
type config struct {
	Addr                 string        `env:"SUMMIT_ADDR" envDefault:":8080"`
	DatabaseURL          string        `env:"DATABASE_URL"`
	LogLevel             slog.Level    `env:"SUMMIT_LOG_LEVEL" envDefault:"info"`
	RequestTimeout       time.Duration `env:"SUMMIT_REQUEST_TIMEOUT" envDefault:"30s"`
	ReadTimeout          time.Duration `env:"SUMMIT_READ_TIMEOUT" envDefault:"15s"`
	WriteTimeout         time.Duration `env:"SUMMIT_WRITE_TIMEOUT" envDefault:"60s"`
	IdleTimeout          time.Duration `env:"SUMMIT_IDLE_TIMEOUT" envDefault:"120s"`
	ShutdownTimeout      time.Duration `env:"SUMMIT_SHUTDOWN_TIMEOUT" envDefault:"20s"`
	BodyLimit            string        `env:"SUMMIT_BODY_LIMIT" envDefault:"10M"`
	DBMaxConns           int           `env:"SUMMIT_DB_MAX_CONNS" envDefault:"20"`
	DBStatementTimeout   time.Duration `env:"SUMMIT_DB_STATEMENT_TIMEOUT" envDefault:"30s"`
	BoardCacheTTL        time.Duration `env:"SUMMIT_BOARD_CACHE_TTL" envDefault:"10s"`
	PasswordHashes       int           `env:"SUMMIT_PASSWORD_HASHES" envDefault:"0"`
	ActiveRequests       int           `env:"SUMMIT_ACTIVE_REQUESTS" envDefault:"0"`
	TurnWait             time.Duration `env:"SUMMIT_TURN_WAIT" envDefault:"10s"` // handlers.DefaultTurnWait
	FiscalYearStartMonth int           `env:"SUMMIT_FISCAL_YEAR_START_MONTH" envDefault:"1"`
	TrustedProxies       string        `env:"SUMMIT_TRUSTED_PROXIES"`
	MetricsToken         string        `env:"SUMMIT_METRICS_TOKEN"`
	MetricsAddr          string        `env:"SUMMIT_METRICS_ADDR"`
	SessionIdle          time.Duration `env:"SUMMIT_SESSION_IDLE" envDefault:"12h"`
	SessionMax           time.Duration `env:"SUMMIT_SESSION_MAX" envDefault:"336h"`
	LocalPGDir           string        `env:"SUMMIT_LOCAL_PG_DIR" envDefault:".data/postgres"`
	LocalPGPort          int           `env:"SUMMIT_LOCAL_PG_PORT" envDefault:"54329"`
	// requestLogLevel is the access log's level (not a setting: `summit dev` lowers it).
	requestLogLevel slog.Level
}

// loadConfig reads and checks the environment.
func loadConfig() (config, error) {
	if _, set := os.LookupEnv("SUMMIT_BEHIND_PROXY"); set {
		return config{}, errors.New("configuration: SUMMIT_BEHIND_PROXY is no longer supported: it trusted X-Forwarded-For from every address; " +
			"list your reverse proxies' addresses in SUMMIT_TRUSTED_PROXIES (comma-separated CIDRs, e.g. 10.0.0.0/8) and unset SUMMIT_BEHIND_PROXY")
	}
	cfg, err := env.ParseAs[config]()
	if err != nil {
		return cfg, namedParseError(err)
	}
	return cfg, cfg.check()
}

// namedParseError rewrites env's errors, which name Go struct fields, to name the
// environment variables a user actually set.
func namedParseError(err error) error {
	var agg env.AggregateError
	if !errors.As(err, &agg) {
		return fmt.Errorf("configuration: %w", err)
	}
	msgs := make([]string, 0, len(agg.Errors))
	for _, e := range agg.Errors {
		var pe env.ParseError
		if errors.As(e, &pe) {
			if f, ok := reflect.TypeFor[config]().FieldByName(pe.Name); ok {
				name := f.Tag.Get("env")
				msgs = append(msgs, fmt.Sprintf("%s=%q is not %s", name, os.Getenv(name), expected(pe.Type)))
				continue
			}
		}
		msgs = append(msgs, e.Error())
	}
	return fmt.Errorf("configuration: %s", strings.Join(msgs, "; "))
}

// expected describes the values a setting of type t accepts.
func expected(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[slog.Level]():
		return "a log level (debug, info, warn, error)"
	case reflect.TypeFor[time.Duration]():
		return "a duration such as 30s"
	case reflect.TypeFor[int]():
		return "a whole number"
	case reflect.TypeFor[bool]():
		return "true or false"
	}
	return "a valid " + t.String()
}

func (c config) check() error {
	bad := func(name, why string) error { return fmt.Errorf("configuration: %s %s", name, why) }
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return bad("SUMMIT_ADDR", fmt.Sprintf("must be host:port or :port, got %q", c.Addr))
	}
	if _, err := bytes.Parse(c.BodyLimit); err != nil {
		return bad("SUMMIT_BODY_LIMIT", fmt.Sprintf("must be a size such as 10M, got %q", c.BodyLimit))
	}
	for name, d := range map[string]time.Duration{
		"SUMMIT_REQUEST_TIMEOUT": c.RequestTimeout, "SUMMIT_READ_TIMEOUT": c.ReadTimeout,
		"SUMMIT_WRITE_TIMEOUT": c.WriteTimeout, "SUMMIT_IDLE_TIMEOUT": c.IdleTimeout,
		"SUMMIT_SHUTDOWN_TIMEOUT": c.ShutdownTimeout, "SUMMIT_SESSION_IDLE": c.SessionIdle,
		"SUMMIT_SESSION_MAX": c.SessionMax,
	} {
		if d <= 0 {
			return bad(name, "must be a positive duration such as 30s")
		}
	}
	if c.DBMaxConns < 1 {
		return bad("SUMMIT_DB_MAX_CONNS", "must be at least 1")
	}
	if c.DBStatementTimeout < 0 {
		return bad("SUMMIT_DB_STATEMENT_TIMEOUT", "must be 0 (the server's setting) or a positive duration such as 30s")
	}
	if c.BoardCacheTTL < 0 {
		return bad("SUMMIT_BOARD_CACHE_TTL", "must be 0 (no cache) or a positive duration such as 10s")
	}
	if c.PasswordHashes < 0 {
		return bad("SUMMIT_PASSWORD_HASHES", "must be 0 (two per core) or more")
	}
	if c.ActiveRequests < 0 {
		return bad("SUMMIT_ACTIVE_REQUESTS", "must be 0 (one per core) or more")
	}
	if c.TurnWait <= 0 {
		return bad("SUMMIT_TURN_WAIT", "must be a positive duration such as 10s")
	}
	if c.FiscalYearStartMonth < 1 || c.FiscalYearStartMonth > 12 {
		return bad("SUMMIT_FISCAL_YEAR_START_MONTH", "must be a month number 1–12")
	}
	if c.LocalPGPort < 1 || c.LocalPGPort > 65535 {
		return bad("SUMMIT_LOCAL_PG_PORT", "must be a TCP port")
	}
	if _, err := c.trustedProxies(); err != nil {
		return err
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return bad("SUMMIT_METRICS_ADDR", fmt.Sprintf("must be host:port or :port, got %q", c.MetricsAddr))
		}
		if c.MetricsAddr == c.Addr {
			return bad("SUMMIT_METRICS_ADDR", "must differ from SUMMIT_ADDR")
		}
	}
	return nil
}

// trustedProxies parses SUMMIT_TRUSTED_PROXIES: comma-separated CIDRs (a bare address
// means just that address).
func (c config) trustedProxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, entry := range strings.Split(c.TrustedProxies, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		p, err := netip.ParsePrefix(entry)
		if err != nil {
			addr, addrErr := netip.ParseAddr(entry)
			if addrErr != nil {
				return nil, fmt.Errorf("configuration: SUMMIT_TRUSTED_PROXIES entry %q is not a CIDR such as 10.0.0.0/8 or an IP address", entry)
			}
			p = netip.PrefixFrom(addr, addr.BitLen())
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 { // ::ffff:10.0.0.0/104 is 10.0.0.0/8
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// identityService wires sign-in, users and teams to the database with these settings.
func (c config) identityService(db *gorm.DB) *identity.Service {
	svc := repository.NewIdentityService(db, identity.SessionPolicy{Idle: c.SessionIdle, Absolute: c.SessionMax}, identity.DefaultLoginThrottle)
	svc.Hashes = identity.NewHashGate(c.PasswordHashes, identity.DefaultHashWait)
	return svc
}

// requireDatabaseURL is for commands that cannot start a local cluster themselves.
func (c config) requireDatabaseURL() error {
	if c.DatabaseURL == "" {
		return fmt.Errorf("configuration: DATABASE_URL is not set (e.g. postgres://user:pass@localhost:5432/summit); `summit dev` starts a local database instead")
	}
	return nil
}

// activeRequests is SUMMIT_ACTIVE_REQUESTS, its 0 being one per usable core.
func (c config) activeRequests() int {
	if c.ActiveRequests == 0 {
		return handlers.DefaultActiveRequests()
	}
	return c.ActiveRequests
}
