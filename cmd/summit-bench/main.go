// Command summit-bench is the load test behind `make bench`: for each size it seeds a
// fresh database (the demo plus `summit seed --scale N` deals), starts `summit serve` on a
// loopback port, and drives the main endpoints with 1 and 16 closed-loop users (no think
// time), printing p50 / p99 / rps / errors / statements per request / peak RSS for each,
// the growth from the smallest to the largest size, and the budgets met or
// missed, as markdown for docs/benchmarks.md. At the largest size it also times a sorted
// deals page and a rare-term search with and without the indexes of migration 00008.
//
//	bin/pgrun -- bin/summit-bench -summit bin/summit -sizes 1000,10000
//
// It needs DATABASE_URL (a server where it may create databases; bin/pgrun gives one).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type options struct {
	summit     string
	sizes      []int
	users      []int
	duration   time.Duration
	requests   int64
	checkEvery int64
	out        string
	jsonOut    string
	logs       string
	indexes    bool
	indexesDB  string
	term       string
	env        []string       // extra settings for summit serve
	only       *regexp.Regexp // endpoints to drive (nil: all)
}

// envFlag collects repeated -env KEY=VALUE.
type envFlag []string

func (e *envFlag) String() string { return strings.Join(*e, " ") }
func (e *envFlag) Set(v string) error {
	if k, _, ok := strings.Cut(v, "="); !ok || k == "" {
		return fmt.Errorf("%q is not KEY=VALUE", v)
	}
	*e = append(*e, v)
	return nil
}

func main() {
	var o options
	var sizes, users string
	flag.StringVar(&o.summit, "summit", "bin/summit", "the summit binary to seed and serve with")
	flag.StringVar(&sizes, "sizes", "1000,10000", "comma-separated deal counts to seed on top of the demo (0: the demo alone)")
	flag.StringVar(&users, "users", "1,16", "comma-separated numbers of concurrent users")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "longest time a phase (one endpoint, one number of users) runs")
	flag.Int64Var(&o.requests, "requests", 2000, "most requests a phase sends (0: no limit)")
	flag.Int64Var(&o.checkEvery, "check-every", 20, "verify the body's shape of one answer in this many (non-2xx answers are always errors)")
	flag.StringVar(&o.out, "out", "bin/bench.md", "also write the markdown report here (empty: stdout only)")
	flag.StringVar(&o.jsonOut, "json", "bin/bench.json", "write every phase's figures here as JSON (empty: not)")
	flag.StringVar(&o.logs, "logs", "bin", "directory for the servers' logs")
	flag.BoolVar(&o.indexes, "indexes", true, "at the largest size, time a sorted page and a rare-term search with and without migration 00008's indexes")
	flag.StringVar(&o.indexesDB, "indexes-db", "", "only time the indexes on this database URL (no seeding, no load), searching -term")
	flag.StringVar(&o.term, "term", "overseas", "the rare search term (the default is a word of one demo deal's name that generated deals never use); "+
		"when it finds nothing, the rarest word of the first deals' names")
	var env envFlag
	var only string
	flag.Var(&env, "env", "a setting for summit serve, KEY=VALUE (repeatable), e.g. -env SUMMIT_BOARD_CACHE_TTL=0")
	flag.StringVar(&only, "only", "", "drive only the endpoints whose name matches this regular expression, e.g. 'risks|boards'")
	flag.Parse()
	o.env = env
	if only != "" {
		re, err := regexp.Compile(only)
		if err != nil {
			fatal(fmt.Errorf("-only: %w", err))
		}
		o.only = re
	}
	var err error
	if o.sizes, err = intList(sizes); err != nil {
		fatal(fmt.Errorf("-sizes: %w", err))
	}
	if o.users, err = intList(users); err != nil {
		fatal(fmt.Errorf("-users: %w", err))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.indexesDB != "" {
		idx, err := measureIndexes(ctx, o.indexesDB, o.term)
		if err != nil {
			fatal(err)
		}
		fmt.Print(indexTable(idx))
		return
	}
	if err := run(ctx, o); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "summit-bench:", err)
	os.Exit(1)
}

func intList(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q is not a count", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// sizeRun is what one size's run recorded besides the phases.
type sizeRun struct {
	Label      string        `json:"label"`
	Scale      int           `json:"scale"`
	Deals      int           `json:"deals"`
	Milestones int           `json:"milestones"`
	People     int           `json:"stakeholders"`
	SeedTime   time.Duration `json:"seed_time"`
	JobTime    time.Duration `json:"confidence_job_time"`
	PeakRSSMB  float64       `json:"peak_rss_mb"` // VmHWM of the server over the whole run
	SearchTerm string        `json:"search_term"`
	SearchHits int           `json:"search_hits"` // on the first page; over 1000: more than a page
	Page       int           `json:"later_page"`
}

// report is everything a run measured.
type report struct {
	Started time.Time `json:"started"`
	Cores   int       `json:"cores"`
	LoadMin float64   `json:"load_min"`
	LoadMax float64   `json:"load_max"`
	// SpeedMinMs and SpeedMaxMs are the fastest and slowest machine-speed probes (speed.go)
	// taken at the start and after every phase.
	SpeedMinMs float64      `json:"speed_probe_min_ms"`
	SpeedMaxMs float64      `json:"speed_probe_max_ms"`
	Duration   string       `json:"phase_duration"`
	Requests   int64        `json:"phase_requests"`
	Sizes      []sizeRun    `json:"sizes"`
	Results    []result     `json:"results"`
	Indexes    []indexTimes `json:"indexes,omitempty"`
	Env        []string     `json:"server_env,omitempty"`
	loadSeen   bool
}

func (r *report) sampleLoad() {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return
	}
	l, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return
	}
	if !r.loadSeen || l < r.LoadMin {
		r.LoadMin = l
	}
	if !r.loadSeen || l > r.LoadMax {
		r.LoadMax = l
	}
	r.loadSeen = true
}

func run(ctx context.Context, o options) error {
	adminURL := os.Getenv("DATABASE_URL")
	if adminURL == "" {
		return fmt.Errorf("DATABASE_URL is not set: run it under bin/pgrun (make bench does)")
	}
	rep := &report{Started: time.Now().UTC(), Cores: runtime.NumCPU(), Duration: o.duration.String(), Requests: o.requests, Env: o.env}
	rep.sampleLoad()
	rep.sampleSpeed()
	for i, scale := range o.sizes {
		sr, results, srvDB, err := runSize(ctx, o, rep, adminURL, scale)
		if err != nil {
			return err
		}
		rep.Sizes = append(rep.Sizes, sr)
		rep.Results = append(rep.Results, results...)
		if o.indexes && i == len(o.sizes)-1 {
			logf("timing a sorted page and a rare-term search with and without the indexes (%s deals)", sr.Label)
			idx, err := measureIndexes(ctx, srvDB, sr.SearchTerm)
			if err != nil {
				return fmt.Errorf("indexes: %w", err)
			}
			rep.Indexes = idx
		}
	}
	rep.sampleLoad()
	md := markdown(rep)
	fmt.Print(md)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
			return err
		}
		logf("report written to %s", o.out)
	}
	if o.jsonOut != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(o.jsonOut, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s summit-bench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
