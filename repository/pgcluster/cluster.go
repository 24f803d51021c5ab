// Package pgcluster runs a private PostgreSQL cluster from the server binaries on this
// machine: the project-local one behind `make run` and the throwaway one of a test run.
// When the process is root it runs initdb, pg_ctl and postgres as the unprivileged
// "postgres" user, because PostgreSQL refuses to run as root.
package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// Options say where the cluster lives and how it runs.
type Options struct {
	// Dir is the data directory; it is created and initialised when empty.
	Dir string
	// Port is the TCP port on 127.0.0.1; 0 picks a free one.
	Port int
	// Ephemeral trades durability for speed (fsync off): for test clusters only.
	Ephemeral bool
	// BinDir holds initdb and pg_ctl; empty means $PG_BINDIR, then the newest
	// /usr/lib/postgresql/*/bin, then $PATH.
	BinDir string
}

// Cluster is a running PostgreSQL cluster.
type Cluster struct {
	opts  Options
	runAs *user.User
}

// Start initialises the data directory if needed and starts the server, waiting until
// it accepts connections.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	if opts.Dir == "" {
		return nil, errors.New("pgcluster: no data directory")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	opts.Dir = dir
	if opts.BinDir == "" {
		if opts.BinDir, err = findBinDir(); err != nil {
			return nil, err
		}
	}
	if opts.Port == 0 {
		if opts.Port, err = freePort(); err != nil {
			return nil, err
		}
	}
	c := &Cluster{opts: opts}
	if os.Geteuid() == 0 {
		if c.runAs, err = user.Lookup("postgres"); err != nil {
			return nil, fmt.Errorf("pgcluster: running as root needs the unprivileged user %q: %w", "postgres", err)
		}
	}
	if err := c.prepareDir(ctx); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		if err := c.run(ctx, "initdb", "-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-instructions"); err != nil {
			return nil, err
		}
	}
	// A server left running by a killed earlier run would hold the port: stop it first.
	if _, err := os.Stat(filepath.Join(dir, "postmaster.pid")); err == nil {
		_ = c.run(ctx, "pg_ctl", "-D", dir, "-m", "fast", "-w", "stop")
	}
	if err := c.run(ctx, "pg_ctl", "-D", dir, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", c.serverOptions(), "start"); err != nil {
		return nil, fmt.Errorf("%w (see %s)", err, filepath.Join(dir, "server.log"))
	}
	return c, nil
}

// URL is a connection string for database db as the cluster's superuser.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.opts.Port, db)
}

// Port is the TCP port the server listens on.
func (c *Cluster) Port() int { return c.opts.Port }

// Stop shuts the server down (fast mode: open sessions are ended, data is kept).
func (c *Cluster) Stop(ctx context.Context) error {
	return c.run(ctx, "pg_ctl", "-D", c.opts.Dir, "-m", "fast", "-w", "stop")
}

func (c *Cluster) serverOptions() string {
	settings := []string{
		"-p " + strconv.Itoa(c.opts.Port),
		"-k " + c.opts.Dir,
		"-c listen_addresses=127.0.0.1",
		"-c max_connections=300",
	}
	if c.opts.Ephemeral {
		settings = append(settings, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off")
	}
	return strings.Join(settings, " ")
}

func (c *Cluster) prepareDir(ctx context.Context) error {
	// Parents stay open (0755) so the postgres user can reach the data directory.
	if err := os.MkdirAll(filepath.Dir(c.opts.Dir), 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(c.opts.Dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	if c.runAs == nil {
		return nil
	}
	uid, _ := strconv.Atoi(c.runAs.Uid)
	gid, _ := strconv.Atoi(c.runAs.Gid)
	err := filepath.WalkDir(c.opts.Dir, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, uid, gid)
	})
	if err != nil {
		return err
	}
	if err := c.run(ctx, "test", "-w", c.opts.Dir); err != nil {
		return fmt.Errorf("pgcluster: user postgres cannot reach %s (a parent folder is closed to it); set DATABASE_URL or move the checkout: %w", c.opts.Dir, err)
	}
	return nil
}

// run starts one PostgreSQL tool, as the postgres user when we are root, in its own
// process group so a Ctrl-C at the terminal does not reach the server: we stop it ourselves.
func (c *Cluster) run(ctx context.Context, tool string, args ...string) error {
	path := tool
	if tool != "test" {
		path = filepath.Join(c.opts.BinDir, tool)
	}
	name, argv := path, args
	if c.runAs != nil {
		name, argv = "runuser", append([]string{"-u", c.runAs.Username, "--", path}, args...)
	}
	cmd := exec.CommandContext(ctx, name, argv...)
	cmd.Dir = c.opts.Dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("pgcluster: %s: %w: %s", tool, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func findBinDir() (string, error) {
	if dir := os.Getenv("PG_BINDIR"); dir != "" {
		return dir, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	sort.Slice(matches, func(i, j int) bool { return versionOf(matches[i]) > versionOf(matches[j]) })
	if len(matches) > 0 {
		return filepath.Dir(matches[0]), nil
	}
	if path, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(path), nil
	}
	return "", errors.New("pgcluster: PostgreSQL server binaries not found; install postgresql or set PG_BINDIR or DATABASE_URL")
}

func versionOf(pgCtlPath string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(pgCtlPath))))
	return v
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
