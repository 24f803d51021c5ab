// Command summit is the one Summit binary: the web server with its embedded SPA and the
// operator's commands. Run `summit help` for the list.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"summit/handlers"
)

// stdout is where commands print their results (tests capture it).
var stdout io.Writer = os.Stdout

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand: what it does and how to run it.
type command struct {
	summary string
	run     func(ctx context.Context, cfg config, log *slog.Logger, args []string) error
}

var commands = map[string]command{
	"serve":    {"migrate the database, then serve the API and web app", runServe},
	"dev":      {"like serve, starting a project-local PostgreSQL when DATABASE_URL is unset and loading demo data", runDev},
	"migrate":  {"apply migrations (migrate [up|down|status])", runMigrate},
	"seed":     {"load data (seed --demo: the demo organisation, safe to repeat; seed --scale N: the demo plus N generated deals, a new batch each run)", runSeed},
	"user":     {"manage users (user create --email E --name N --password P --role admin|executive|member)", runUser},
	"snapshot": {"take the forecast snapshot of today now (snapshot [--date YYYY-MM-DD]: of a past day, the engine run as of that day over today's data); a day already taken is left as it is", runSnapshot},
	"token":    {"issue an API token (token create --email E --name N; prints the token once)", runToken},
}

func main() {
	if len(os.Args) < 2 || os.Args[1] == "help" || os.Args[1] == "-h" || os.Args[1] == "--help" {
		usage()
		return
	}
	cmd, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "summit: unknown command %q\n\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	cfg, err := loadConfig()
	if err != nil {
		fmt.Fprintln(os.Stderr, "summit:", err)
		os.Exit(2)
	}
	log := newLogger(os.Stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := cmd.run(ctx, cfg, log, os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "summit:", err)
		os.Exit(1)
	}
}

// newLogger is the binary's log: JSON lines on w from level up, each with its request id.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(handlers.LogHandler(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level})))
}

func usage() {
	fmt.Fprintf(os.Stderr, "summit %s — run enterprise and government deals as projects\n\nusage: summit <command> [flags]\n\n", version)
	for _, name := range []string{"serve", "dev", "migrate", "seed", "snapshot", "user", "token"} {
		fmt.Fprintf(os.Stderr, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(os.Stderr, "\nSettings come from the environment; see README.md.")
}
