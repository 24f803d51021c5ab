package main

import (
	"fmt"
	"math"
	"strings"
)

// memoryBudgetMB is the ceiling on the server's resident memory through the run.
const memoryBudgetMB = 300

// growthBudget is the ceiling on largest ÷ smallest size latency.
const growthBudget = 1.5

func fmtStatements(v float64) string {
	if v < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f", v)
}

func fmtCPU(v float64) string {
	if v < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", v)
}

func fmtMB(v float64) string {
	if v < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f", v)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

// markdown renders a run: the machine, each size's table, the growth and budgets, memory,
// the errors met and the index timings.
func markdown(r *report) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("Run %s UTC on %d cores; 1-minute load average %.2f–%.2f during the run; the machine-speed probe (SHA-256 of %d MiB on every core at once, "+
		"at the start and after each phase) took %.0f–%.0f ms: a slower probe is a slower machine (a busy virtual-machine host), "+
		"and every latency and CPU figure of the run moves with it. Each phase: closed-loop users, no think time, "+
		"at most %s or %d requests; p50/p99 from the driver's clock (HdrHistogram), statements per request = the change of "+
		"`summit_db_statements_total` over the phase ÷ requests (background work included), RSS = the largest VmRSS of the "+
		"server sampled every 50 ms during the phase, CPU = user + system time of the `summit serve` process and of PostgreSQL's "+
		"server processes over the phase ÷ requests (10 ms ticks; other processes' work does not count in it, a slower machine does).\n\n",
		r.Started.Format("2006-01-02 15:04"), r.Cores, r.LoadMin, r.LoadMax, speedProbeBytes>>20, r.SpeedMinMs, r.SpeedMaxMs, r.Duration, r.Requests)
	if len(r.Env) > 0 {
		p("Server settings beyond the defaults: `%s`.\n\n", strings.Join(r.Env, "`, `"))
	}
	for _, s := range r.Sizes {
		p("**%s deals** (`%s`: %d milestones, %d stakeholders; seeded in %s; the server's daily confidence job "+
			"took %s after start and was awaited; the rare term `%s` finds %s; the later page is page %d; server peak RSS over the whole size, VmHWM: **%.0f MB**)\n\n",
			s.Label, seedCommand(s.Scale), s.Milestones, s.People, s.SeedTime, s.JobTime.Round(100_000_000), s.SearchTerm, hits(s.SearchHits), s.Page, s.PeakRSSMB)
		p("| endpoint | users | requests | errors | p50 ms | p99 ms | rps | statements / request | CPU ms / request: summit + PostgreSQL | peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, x := range r.Results {
			if x.Size != s.Label {
				continue
			}
			errs := fmt.Sprintf("%d", x.Errors)
			if x.Errors > 0 {
				errs = "**" + errs + "**"
			}
			p("| %s | %d | %d | %s | %.1f | %.1f | %.0f | %s | %s + %s | %s |\n", md(x.Endpoint), x.Users, x.Requests, errs, x.P50ms, x.P99ms,
				x.RPS, fmtStatements(x.Statements), fmtCPU(x.ServerCPU), fmtCPU(x.DBCPU), fmtMB(x.PeakRSSMB))
		}
		p("\n")
	}
	if len(r.Sizes) >= 2 {
		small, large := r.Sizes[0], r.Sizes[len(r.Sizes)-1]
		p("**Growth and budgets** (%s ÷ %s deals; budgets are the issue's p99 at %s deals with the most users; growth ≤ %.1f×)\n\n",
			large.Label, small.Label, large.Label, growthBudget)
		p("| endpoint | users | p50 growth | p99 growth | growth ≤ %.1f× | budget | p99 at %s | budget |\n|---|---:|---:|---:|---|---|---:|---|\n",
			growthBudget, large.Label)
		maxUsers := 0
		for _, x := range r.Results {
			maxUsers = max(maxUsers, x.Users)
		}
		for _, x := range r.Results {
			if x.Size != large.Label {
				continue
			}
			s := find(r.Results, small.Label, x.Endpoint, x.Users)
			g50, g99 := math.NaN(), math.NaN()
			if s != nil && s.Requests > 0 && x.Requests > 0 && s.P50ms > 0 && s.P99ms > 0 {
				g50, g99 = x.P50ms/s.P50ms, x.P99ms/s.P99ms
			}
			growthOK := "—"
			if !math.IsNaN(g50) {
				growthOK = verdict(g50 <= growthBudget && g99 <= growthBudget)
			}
			budgetCol, met := "—", "—"
			if x.BudgetMs > 0 && x.Users == maxUsers {
				budgetCol = x.Budget
				met = verdict(x.Requests > 0 && x.P99ms < x.BudgetMs && x.Errors == 0)
			}
			p("| %s | %d | %s | %s | %s | %s | %.1f | %s |\n", md(x.Endpoint), x.Users, ratio(g50), ratio(g99), growthOK, budgetCol, x.P99ms, met)
		}
		p("\n")
	}
	p("**Memory**: ")
	for i, s := range r.Sizes {
		if i > 0 {
			p("; ")
		}
		p("%s deals: %.0f MB peak (%s the %d MB budget)", s.Label, s.PeakRSSMB, verdictWord(s.PeakRSSMB < memoryBudgetMB), memoryBudgetMB)
	}
	p(".\n\n")
	var errs []string
	for _, x := range r.Results {
		if x.Errors > 0 {
			errs = append(errs, fmt.Sprintf("- %s deals, %s, %d users: %d errors; first: %s", x.Size, md(x.Endpoint), x.Users, x.Errors, md(x.FirstError)))
		}
	}
	if len(errs) > 0 {
		p("**Errors** (non-2xx answers, transport errors and bodies of the wrong shape):\n\n%s\n\n", strings.Join(errs, "\n"))
	} else {
		p("No errors: every answer was 2xx, and the sampled bodies had the expected shape.\n\n")
	}
	if len(r.Indexes) > 0 {
		large := r.Sizes[len(r.Sizes)-1]
		p("**Indexes of migration 00008** at %s deals: the deals list's query under `EXPLAIN ANALYZE` (median of 9 runs, execution time), "+
			"with the indexes and in a transaction that drops them (rolled back)\n\n", large.Label)
		p("%s\n", indexTable(r.Indexes))
	}
	return b.String()
}

func hits(n int) string {
	if n > 1000 {
		return "more than a page of deals"
	}
	if n == 1 {
		return "1 deal"
	}
	return fmt.Sprintf("%d deals", n)
}

// indexTable renders the index timings.
func indexTable(idx []indexTimes) string {
	var b strings.Builder
	b.WriteString("| query | with the indexes | plan uses | without (dropped) | plan uses |\n|---|---:|---|---:|---|\n")
	for _, it := range idx {
		fmt.Fprintf(&b, "| %s | %.2f ms | %s | %.2f ms (%s) | %s |\n", it.Query, it.WithMs, joinOrNone(it.WithIndex), it.WithoutMs,
			strings.Join(it.Dropped, ", "), joinOrNone(it.WithoutIndex))
	}
	return b.String()
}

func seedCommand(scale int) string {
	if scale == 0 {
		return "seed --demo"
	}
	return fmt.Sprintf("seed --demo --scale %d", scale)
}

func verdictWord(ok bool) string {
	if ok {
		return "within"
	}
	return "**over**"
}

func ratio(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return fmt.Sprintf("%.2f×", v)
}

// md keeps a cell's text from breaking the table.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func find(rs []result, size, endpoint string, users int) *result {
	for i := range rs {
		if rs[i].Size == size && rs[i].Endpoint == endpoint && rs[i].Users == users {
			return &rs[i]
		}
	}
	return nil
}
