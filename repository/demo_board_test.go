package repository_test

import (
	"context"
	"testing"
	"time"

	"summit/domain"
	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestDemoBoardHasTargetsRatesAndASecondCurrency loads the demo and its board data and
// checks what the board will show: for the current and next fiscal quarter a target for
// the company and every team, top-down and bottom-up not quite agreeing, deals in two
// currencies that all convert at the quarter's rates; a second run adds nothing.
func TestDemoBoardHasTargetsRatesAndASecondCurrency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	defaults := targets.Settings{FiscalYearStartMonth: 4}
	report, err := repository.SeedDemoBoard(ctx, db, defaults)
	if err != nil {
		t.Fatal(err)
	}
	if report.DealsCreated != 9 || report.RatesCreated != 2 || report.TargetsCreated != 14 {
		t.Errorf("first run: %+v, want 9 deals, 2 rates, 14 targets", report)
	}
	if again, err := repository.SeedDemoBoard(ctx, db, defaults); err != nil || again != (repository.DemoBoardReport{}) {
		t.Errorf("second run: %+v, %v; want nothing added", again, err)
	}
	svc := repository.NewServices(db, defaults).Targets
	now := time.Now().UTC()
	for _, q := range []string{targets.QuarterOf(now, 4), targets.NextQuarter(now, 4)} {
		tree, err := svc.TargetTree(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		disagree := 0
		for _, n := range tree {
			if n.TargetMinor == nil || *n.TargetMinor <= 0 {
				t.Errorf("%s: %q has no target", q, n.Name)
			}
			if n.GapMinor != nil && *n.GapMinor != 0 {
				disagree++
			}
		}
		if len(tree) != 7 || disagree != 3 {
			t.Errorf("%s: %d nodes, %d with a gap; want 7 nodes, the company and both parents with a gap", q, len(tree), disagree)
		}
		// Every deal closing in the quarter converts at its rates.
		conv, err := svc.Converter(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		period, err := deals.ParsePeriod(q, 4)
		if err != nil {
			t.Fatal(err)
		}
		page, err := repository.NewDeals(db).ListDeals(ctx, deals.DealFilter{CloseFrom: &period.From, CloseTo: &period.To},
			domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "name"}})
		if err != nil {
			t.Fatal(err)
		}
		currencies := map[string]bool{}
		for _, d := range page.Items {
			currencies[d.Currency] = true
			if _, err := conv.Convert(d.AmountMinor, d.Currency, q); err != nil {
				t.Errorf("%s: %s: %v", q, d.Name, err)
			}
		}
		if !currencies["USD"] || !currencies["CNY"] {
			t.Errorf("%s: deals in %v, want CNY and USD", q, currencies)
		}
	}
}

// TestDemoBoardTellsAStory builds the company's board of the current quarter on the
// demo (with its stored confidence computed): the target is at risk on the model basis,
// the open deals are in two currencies, and the focus list's first deals have a next
// gate within the heatmap's weeks and people linked to it — the deals that would save it.
func TestDemoBoardTellsAStory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	defaults := targets.Settings{FiscalYearStartMonth: 4}
	if _, err := repository.SeedDemoBoard(ctx, db, defaults); err != nil {
		t.Fatal(err)
	}
	services := repository.NewServices(db, defaults)
	if err := services.Forecasts.RefreshAll(ctx); err != nil {
		t.Fatal(err)
	}
	period, err := services.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := services.Boards.Board(ctx, boards.Query{Period: period, Basis: boards.BasisModel})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: target %d won %d expected %d p %.3f p10/50/90 %d/%d/%d, %d open deals", period.Name, *b.TargetMinor, b.WonMinor,
		b.ExpectedMinor, *b.ProbabilityOfTarget, b.P10Minor, b.P50Minor, b.P90Minor, len(b.Deals))
	for _, f := range b.Focus {
		gate := "-"
		if g := f.Deal.NextGate; g != nil {
			gate = g.Name + " " + g.Due.Format("2006-01-02")
		}
		t.Logf("focus %s (%s %d, p %.2f): swing %.3f, next gate %s, %d people", f.Deal.Name, f.Deal.Currency, f.Deal.Amount,
			f.Deal.Probability, *f.Deal.Swing, gate, len(f.Stakeholders))
	}
	if *b.ProbabilityOfTarget > 0.3 {
		t.Errorf("probability of target %.3f, want the quarter at risk (≤ 0.3)", *b.ProbabilityOfTarget)
	}
	currencies := map[string]bool{}
	for _, d := range b.Deals {
		currencies[d.Currency] = true
	}
	if !currencies["USD"] || !currencies["CNY"] {
		t.Errorf("open deals in %v, want CNY and USD", currencies)
	}
	soon := deals.Day(time.Now().UTC()).AddDate(0, 0, 7*boards.HeatmapWeeks)
	for _, f := range b.Focus[:3] {
		if g := f.Deal.NextGate; g == nil || g.Due.After(soon) || len(f.Stakeholders) == 0 || *f.Deal.Swing < 0.05 {
			t.Errorf("focus deal %s: next gate %+v, %d people, swing %v", f.Deal.Name, f.Deal.NextGate, len(f.Stakeholders), *f.Deal.Swing)
		}
	}
}
