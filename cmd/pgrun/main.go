// Command pgrun runs another command with DATABASE_URL pointing at a throwaway
// PostgreSQL cluster that lives only as long as that command: `make test` uses it so a
// whole test run shares one server. Data sits on /dev/shm with fsync off.
//
//	pgrun -- go test ./...
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"summit/repository/pgcluster"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: pgrun -- command [args…]")
		os.Exit(2)
	}
	os.Exit(run(args))
}

func run(args []string) int {
	ctx := context.Background()
	base := os.TempDir()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		base = "/dev/shm"
	}
	dir, err := os.MkdirTemp(base, "summit-pgrun-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	cluster, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir, Ephemeral: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	defer cluster.Stop(ctx)
	fmt.Fprintf(os.Stderr, "pgrun: PostgreSQL on 127.0.0.1:%d for this run\n", cluster.Port())

	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "DATABASE_URL="+cluster.URL("postgres"))
	// A signal to pgrun goes on to the child (Ctrl-C reaches it through the terminal
	// anyway); pgrun itself waits for the child to end, then removes the cluster.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	go func() {
		for sig := range signals {
			_ = cmd.Process.Signal(sig)
		}
	}()
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "pgrun:", err)
		return 1
	}
	return 0
}
