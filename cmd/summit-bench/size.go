package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
)

// runSize seeds a fresh database with scale deals on top of the demo, serves it and
// drives every endpoint; it answers the database's URL for the index timings.
func runSize(ctx context.Context, o options, rep *report, adminURL string, scale int) (sizeRun, []result, string, error) {
	sr := sizeRun{Scale: scale}
	dbName := fmt.Sprintf("summit_bench_%d", scale)
	dbURL, err := freshDatabase(ctx, adminURL, dbName)
	if err != nil {
		return sr, nil, "", err
	}
	if _, err := summit(ctx, o.summit, dbURL, "migrate"); err != nil {
		return sr, nil, "", err
	}
	seed := []string{"seed", "--demo"}
	if scale > 0 {
		seed = append(seed, "--scale", strconv.Itoa(scale))
	}
	logf("%s %s", o.summit, strings.Join(seed, " "))
	t0 := time.Now()
	if _, err := summit(ctx, o.summit, dbURL, seed...); err != nil {
		return sr, nil, "", err
	}
	sr.SeedTime = time.Since(t0).Round(100 * time.Millisecond)
	if err := countRows(ctx, dbURL, &sr); err != nil {
		return sr, nil, "", err
	}
	sr.Label = fmt.Sprintf("%d", sr.Deals)
	logf("seeded in %s: %d deals, %d milestones, %d stakeholders", sr.SeedTime, sr.Deals, sr.Milestones, sr.People)
	out, err := summit(ctx, o.summit, dbURL, "token", "create", "--email", "admin@summit.example", "--name", "summit-bench")
	if err != nil {
		return sr, nil, "", err
	}
	token := strings.TrimSpace(out)

	srv, err := startServer(ctx, o.summit, dbURL, filepath.Join(o.logs, fmt.Sprintf("bench-server-%d.log", scale)), o.env)
	if err != nil {
		return sr, nil, "", err
	}
	defer srv.stop()
	logf("serving on %s (pid %d); waiting for the daily confidence job to finish", srv.base, srv.cmd.Process.Pid)
	if sr.JobTime, err = srv.waitJob(ctx, 15*time.Minute); err != nil {
		return sr, nil, "", err
	}
	logf("confidence job done after %s", sr.JobTime.Round(100*time.Millisecond))

	maxUsers := slices.Max(o.users)
	client := newClient(maxUsers)
	term := o.term
	if len(rep.Sizes) > 0 {
		term = rep.Sizes[0].SearchTerm
	}
	fx, err := discover(ctx, client, srv.base, token, maxUsers, term)
	if err != nil {
		return sr, nil, "", fmt.Errorf("finding deals to read: %w", err)
	}
	sr.SearchTerm, sr.SearchHits, sr.Page = fx.term, fx.termHits, fx.pageNo+1
	t := target{client: client, metricsURL: srv.base + "/metrics", metricsToken: srv.metricsToken, pid: srv.cmd.Process.Pid}
	if u, err := url.Parse(dbURL); err == nil {
		t.postmaster = postmasterOn(u.Port())
	}
	var results []result
	for _, ep := range endpoints(srv.base, token, fx) {
		if o.only != nil && !o.only.MatchString(ep.name) {
			continue
		}
		warm := t.run(ctx, ep, phase{users: 1, duration: 5 * time.Second, maxRequests: 3, checkEvery: 1})
		if warm.Errors > 0 {
			logf("warm-up of %s: %d errors, first: %s", ep.name, warm.Errors, warm.FirstError)
		}
		for _, u := range o.users {
			if err := ctx.Err(); err != nil {
				return sr, nil, "", err
			}
			r := t.run(ctx, ep, phase{users: u, duration: o.duration, maxRequests: o.requests, checkEvery: o.checkEvery})
			r.Size = sr.Label
			rep.sampleLoad()
			rep.sampleSpeed()
			logf("%6s deals  %-34s %2d users: %5d req %3d err  p50 %7.1f ms  p99 %7.1f ms  %6.1f rps  %s stmts/req  CPU %s + %s ms/req  %s MB",
				r.Size, r.Endpoint, r.Users, r.Requests, r.Errors, r.P50ms, r.P99ms, r.RPS, fmtStatements(r.Statements),
				fmtCPU(r.ServerCPU), fmtCPU(r.DBCPU), fmtMB(r.PeakRSSMB))
			if r.Errors > 0 {
				logf("  first error: %s", r.FirstError)
			}
			results = append(results, r)
		}
	}
	if kb, err := procStatusKB(srv.cmd.Process.Pid, "VmHWM"); err == nil {
		sr.PeakRSSMB = float64(kb) / 1024
	}
	return sr, results, dbURL, nil
}

// freshDatabase (re)creates database name on adminURL's server and answers its URL.
func freshDatabase(ctx context.Context, adminURL, name string) (string, error) {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return "", err
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func countRows(ctx context.Context, dbURL string, sr *sizeRun) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM deals), (SELECT count(*) FROM milestones), (SELECT count(*) FROM stakeholders)`).
		Scan(&sr.Deals, &sr.Milestones, &sr.People)
}

// summit runs one command of the binary against dbURL and answers its standard output.
func summit(ctx context.Context, bin, dbURL string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "SUMMIT_LOG_LEVEL=warn")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("summit %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// server is a running `summit serve`.
type server struct {
	cmd          *exec.Cmd
	base         string
	metricsToken string
	jobDone      chan struct{}
	exited       chan error
	log          *os.File
}

func startServer(ctx context.Context, bin, dbURL, logPath string, env []string) (*server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	secret := make([]byte, 16)
	_, _ = rand.Read(secret)
	s := &server{base: "http://" + addr, metricsToken: hex.EncodeToString(secret), jobDone: make(chan struct{}), exited: make(chan error, 1)}
	if s.log, err = os.Create(logPath); err != nil {
		return nil, err
	}
	s.cmd = exec.Command(bin, "serve")
	s.cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "SUMMIT_ADDR="+addr, "SUMMIT_METRICS_TOKEN="+s.metricsToken,
		"SUMMIT_METRICS_ADDR=", "SUMMIT_LOG_LEVEL=info")
	s.cmd.Env = append(s.cmd.Env, env...)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	s.cmd.Stdout = s.log
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		// The log goes to the file; the daily confidence job's end (it runs at start) is
		// awaited so that it does not share the cores with the measurements.
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
		seen := false
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(s.log, line)
			if !seen && strings.Contains(line, `"msg":"daily confidence job`) {
				seen = true
				close(s.jobDone)
			}
		}
		_, _ = io.Copy(s.log, stderr)
		s.exited <- s.cmd.Wait()
	}()
	if err := s.waitReady(ctx, 2*time.Minute); err != nil {
		s.stop()
		return nil, fmt.Errorf("%w (log: %s)", err, logPath)
	}
	return s, nil
}

func (s *server) waitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.exited:
			return fmt.Errorf("summit serve ended: %v", err)
		default:
		}
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return errors.New("summit serve not ready in time")
}

func (s *server) waitJob(ctx context.Context, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	select {
	case <-s.jobDone:
		return time.Since(start), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(limit):
		return 0, errors.New("the daily confidence job did not finish in time")
	}
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(30 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.exited
		}
	}
	s.log.Close()
}

func newClient(users int) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 4 * users
	tr.MaxIdleConnsPerHost = 4 * users
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

// fixtures are what the endpoints read and change, found through the API.
type fixtures struct {
	deals      []string // open deals, for a deal, its plan and its stakeholders
	milestones []string // planned milestones, one per user (a user updates its own)
	laterPage  string   // a next_cursor some pages into the default sort
	pageNo     int
	term       string // a rare word of deal and customer names
	termHits   int
}

type listPage struct {
	Items []struct {
		ID           string `json:"id"`
		Name         string `json:"name"`
		CustomerName string `json:"customer_name"`
		Status       string `json:"status"`
	} `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

func getJSON(ctx context.Context, c *http.Client, base, token, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("GET %s: %d %s", path, resp.StatusCode, clip(b))
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// discover finds the fixtures; the rare term is term when it finds a deal (every size
// searches the same word), else the rarest word of the oldest deals' names.
func discover(ctx context.Context, c *http.Client, base, token string, users int, term string) (fixtures, error) {
	var fx fixtures
	var open listPage
	if err := getJSON(ctx, c, base, token, "/api/v1/deals?status=open&limit=100", &open); err != nil {
		return fx, err
	}
	if len(open.Items) == 0 {
		return fx, errors.New("no open deal")
	}
	for _, d := range open.Items {
		if len(fx.deals) < 50 {
			fx.deals = append(fx.deals, d.ID)
		}
	}
	for _, d := range open.Items {
		if len(fx.milestones) >= users {
			break
		}
		var plan struct {
			Items []struct {
				ID     string `json:"id"`
				Status string `json:"status"`
			} `json:"items"`
		}
		if err := getJSON(ctx, c, base, token, "/api/v1/deals/"+d.ID+"/milestones", &plan); err != nil {
			return fx, err
		}
		for _, m := range plan.Items {
			if m.Status == "planned" && len(fx.milestones) < users {
				fx.milestones = append(fx.milestones, m.ID)
				break // one a deal: users do not queue on one deal's lock
			}
		}
	}
	if len(fx.milestones) == 0 {
		return fx, errors.New("no planned milestone to update")
	}
	// A later page of the default sort (of 50 deals; of 5 when there are too few).
	for _, limit := range []int{50, 5} {
		path := fmt.Sprintf("/api/v1/deals?limit=%d", limit)
		for range 5 {
			var p listPage
			if err := getJSON(ctx, c, base, token, path, &p); err != nil {
				return fx, err
			}
			if p.NextCursor == nil {
				break
			}
			fx.laterPage = fmt.Sprintf("/api/v1/deals?limit=%d&cursor=%s", limit, url.QueryEscape(*p.NextCursor))
			fx.pageNo++
			path = fx.laterPage
		}
		if fx.laterPage != "" {
			break
		}
	}
	if fx.laterPage == "" {
		return fx, errors.New("the deals list has a single page")
	}
	// The rarest word (of five letters or more) of the oldest deals' and their customers'
	// names (the demo's, written by hand) that still finds something.
	var oldest listPage
	if err := getJSON(ctx, c, base, token, "/api/v1/deals?sort=created_at&limit=100", &oldest); err != nil {
		return fx, err
	}
	seen := map[string]bool{}
	var words []string
	for _, d := range oldest.Items {
		for _, w := range strings.FieldsFunc(d.Name+" "+d.CustomerName, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) {
			w = strings.ToLower(w)
			if len(w) >= 5 && !seen[w] && len(words) < 60 {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	best := -1
	if term != "" {
		words = append([]string{term}, words...)
	}
	for i, w := range words {
		if i > 0 && fx.term == term && term != "" {
			break // the word the first size searched still finds something
		}
		var p listPage
		if err := getJSON(ctx, c, base, token, "/api/v1/deals?limit=50&q="+url.QueryEscape(w), &p); err != nil {
			return fx, err
		}
		n := len(p.Items)
		if p.NextCursor != nil {
			n += 1000 // more than a page
		}
		if n > 0 && (best < 0 || n < best) {
			best, fx.term = n, w
		}
	}
	if fx.term == "" {
		return fx, errors.New("no search term finds a deal")
	}
	fx.termHits = best
	return fx, nil
}

// endpoints are the table's rows, with the budgets.
func endpoints(base, token string, fx fixtures) []endpoint {
	var (
		list     = budget{"deal list < 50 ms", 50 * time.Millisecond}
		deal     = budget{"a deal with its plan < 30 ms", 30 * time.Millisecond}
		update   = budget{"a milestone update < 50 ms", 50 * time.Millisecond}
		risk     = budget{"each risk view < 100 ms", 100 * time.Millisecond}
		board    = budget{"company board < 150 ms", 150 * time.Millisecond}
		dealList = listOf(1, "id")
	)
	per := func(format string, sh func(id string) shape) ([]string, []shape) {
		var paths []string
		var shapes []shape
		for _, id := range fx.deals {
			paths = append(paths, fmt.Sprintf(format, id))
			if sh != nil {
				shapes = append(shapes, sh(id))
			}
		}
		return paths, shapes
	}
	dealPaths, dealShapes := per("/api/v1/deals/%s", func(id string) shape { return objectWith(id, "name", "slippage", "permissions") })
	planPaths, _ := per("/api/v1/deals/%s/milestones", nil)
	peoplePaths, _ := per("/api/v1/deals/%s/stakeholders", nil)
	one := func(p string) []string { return []string{p} }
	return []endpoint{
		{"GET /deals (default sort)", list, gets(base, token, one("/api/v1/deals"), dealList)},
		{"GET /deals?sort=name", list, gets(base, token, one("/api/v1/deals?sort=name"), dealList)},
		{"GET /deals?sort=-amount_minor", list, gets(base, token, one("/api/v1/deals?sort=-amount_minor"), dealList)},
		{"GET /deals?sort=-confidence", list, gets(base, token, one("/api/v1/deals?sort=-confidence"), dealList)},
		{"GET /deals?status=open&segment=g2b", list, gets(base, token, one("/api/v1/deals?status=open&segment=g2b"), dealList)},
		{"GET /deals?q= (rare term)", list, gets(base, token, one("/api/v1/deals?q="+url.QueryEscape(fx.term)), dealList)},
		{"GET /deals?cursor= (a later page)", list, gets(base, token, one(fx.laterPage), dealList)},
		{"GET /deals/{id}", deal, gets(base, token, dealPaths, dealShapes...)},
		{"GET /deals/{id}/milestones", deal, gets(base, token, planPaths, listOf(1, "planned_due"))},
		{"PATCH /milestones/{id} (status)", update, patches(base, token, fx.milestones, false)},
		{"PATCH /milestones/{id} (exit criteria)", update, patches(base, token, fx.milestones, true)},
		{"GET /deals/{id}/stakeholders", budget{}, gets(base, token, peoplePaths, listOf(1, "stance"))},
		{"GET /risks/gates", risk, gets(base, token, one("/api/v1/risks/gates"), listOf(0, "deal_id"))},
		{"GET /risks/next-steps", risk, gets(base, token, one("/api/v1/risks/next-steps"), listOf(0, "deal_id"))},
		{"GET /risks/coverage", risk, gets(base, token, one("/api/v1/risks/coverage"), listOf(0, "deal_id"))},
		{"GET /boards/confidence (company)", board, gets(base, token, one("/api/v1/boards/confidence"),
			objectWith("", "period", "probability_of_target", "expected_minor", "deals"))},
	}
}
