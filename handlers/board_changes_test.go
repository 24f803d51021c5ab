package handlers

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"testing"
	"time"

	"summit/domain/changes"
	"summit/domain/rollup"
)

// changesWorld is the board world with a snapshot taken last Monday: A's confidence was
// 0.3 (now 0.6), B's amount 2,000,000 (now 3,000,000), C did not exist, D closed after
// the period (now in it), W1 was open at 0.5 (now won in the period), L open at 0.4 (now
// lost), P closed in the period at 0.7 (now pushed past it at 0.05), M sat in North (now
// in Key Accounts, unchanged otherwise); WS was won today without being in the snapshot
// (created and won since), WB was won before the snapshot (in neither the snapshot nor the
// moves: won then and now alike).
type changesWorld struct {
	*boardWorld
	monday time.Time
	// wonBefore is WB's close date: the day before last Monday (or the period's first day).
	wonBefore time.Time
	then      map[string]changeSideResponse // deal name → as it was, in CNY
}

func newChangesWorld(t *testing.T) *changesWorld {
	t.Helper()
	w := &changesWorld{boardWorld: newBoardWorld(t), then: map[string]changeSideResponse{}}
	db := w.ts.db
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	w.monday = changes.LastMonday(w.today)
	mid := w.period.From.AddDate(0, 1, 0)
	after := w.period.To.AddDate(0, 0, 20)
	var customer string
	db.Raw("SELECT id FROM customers LIMIT 1").Scan(&customer)
	for _, d := range []struct {
		name, team string
		close      time.Time
		amount     int64
		conf       float64
	}{{"P", w.north.ID, after, 2_500_000, 0.05}, {"M", w.keyAcc.ID, mid, 1_500_000, 0.4}} {
		var id string
		db.Raw(`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			VALUES (?, ?, 'g2b', ?, ?, 'CNY', ?, 'open') RETURNING id`, d.name, customer, d.team, d.amount, d.close).Scan(&id)
		w.ids[d.name] = id
		exec(`INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence) VALUES (?, ?, ?, ?, ?, ?)`,
			id, w.period.Name, w.period.From, w.period.To, d.conf, d.conf)
	}
	// Won deals closed (their contract signed) today and, when the period began before last
	// Monday, the day before it.
	wonBefore := w.monday.AddDate(0, 0, -1)
	if wonBefore.Before(w.period.From) {
		wonBefore = w.period.From // the period began since: nothing in it was won before the snapshot
	}
	w.wonBefore = wonBefore
	for name, closed := range map[string]time.Time{"WS": w.today, "WB": wonBefore} {
		var id string
		db.Raw(`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			VALUES (?, ?, 'g2b', ?, 700000, 'CNY', ?, 'won') RETURNING id`, name, customer, w.north.ID, closed).Scan(&id)
		w.ids[name] = id
		exec(`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, gate, planned_start, planned_due, status, completed_on)
			VALUES (?, 1, 'contract_signed', 'Contract', 'pmo', true, ?, ?, 'done', ?)`, id, closed, closed, closed)
	}
	exec("INSERT INTO forecast_snapshots (day, open_deals) VALUES (?, 7)", w.monday)
	for _, s := range []struct {
		name, team string
		amount     int64
		close      time.Time
		conf       float64
	}{
		{"A", w.north.ID, 4_000_000, mid, 0.3},
		{"B", w.east.ID, 2_000_000, mid, 0.3},
		{"D", w.north.ID, 1_000_000, after, 0.1},
		{"W1", w.north.ID, 2_000_000, mid, 0.5},
		{"L", w.east.ID, 9_000_000, mid, 0.4},
		{"P", w.north.ID, 2_500_000, mid, 0.7},
		{"M", w.north.ID, 1_500_000, mid, 0.4},
	} {
		exec(`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category,
			base, p_win, periods) VALUES (?, ?, ?, ?, 'CNY', ?, 'pipeline', 0.3, ?, jsonb_build_object(?::text, jsonb_build_array(?::float8, ?::float8)))`,
			w.monday, w.ids[s.name], s.team, s.amount, s.close, s.conf, w.period.Name, s.conf, s.conf)
		w.then[s.name] = changeSideResponse{AmountMinor: s.amount, Probability: s.conf, TargetCloseDate: toDate(s.close)}
	}
	return w
}

func (w *changesWorld) changes(t *testing.T, b *browser, query string) boardChangesResponse {
	t.Helper()
	rec := b.do("GET", "/api/v1/boards/confidence/changes?"+query, "")
	if rec.Code != http.StatusOK {
		t.Fatalf("changes %s: %d %s", query, rec.Code, rec.Body)
	}
	var out boardChangesResponse
	decode(t, rec, &out)
	return out
}

// TestBoardChangesEffectsAreTheBoardWithTheDealSwappedBack asks what changed since last
// Monday and checks each deal's category and effect against the board (GET
// /boards/confidence) recomputed with that deal put back as it was.
func TestBoardChangesEffectsAreTheBoardWithTheDealSwappedBack(t *testing.T) {
	t.Parallel()
	w := newChangesWorld(t)
	nameOf := map[string]string{}
	for name, id := range w.ids {
		nameOf[id] = name
	}
	tests := []struct {
		name  string
		who   *browser
		query string
		want  map[string]string // deal → category
	}{
		{"the company, for the executive", w.exec, "", map[string]string{"A": "confidence_up", "B": "confidence_up", "C": "new",
			"D": "pulled_in", "W1": "won", "WS": "won", "L": "lost", "P": "pushed_out"}},
		{"Government: M moved out", w.exec, "team_id=" + w.gov.ID, map[string]string{"A": "confidence_up", "B": "confidence_up",
			"D": "pulled_in", "W1": "won", "WS": "won", "L": "lost", "P": "pushed_out", "M": "moved_out"}},
		{"the company on judgement", w.admin, "basis=judgement", map[string]string{"A": "confidence_up", "B": "confidence_up", "C": "new",
			"D": "pulled_in", "W1": "won", "WS": "won", "L": "lost", "P": "pushed_out"}},
		{"a member of North sees North's deals only", w.member, "", map[string]string{"A": "confidence_up", "D": "pulled_in",
			"W1": "won", "WS": "won", "P": "pushed_out"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := w.changes(t, tt.who, tt.query+"&limit=100")
			board := w.board(t, tt.who, tt.query+"&limit=100")
			if got.FromDay == nil || !got.FromDay.Equal(w.monday) || !got.From.Equal(w.monday) || got.ProbabilityNow == nil ||
				!near(*got.ProbabilityNow, *board.ProbabilityOfTarget) {
				t.Fatalf("from %v (snapshot %v), probability now %v, the board's %v", got.From, got.FromDay, got.ProbabilityNow, *board.ProbabilityOfTarget)
			}
			categories := map[string]string{}
			for _, c := range got.Changes {
				categories[nameOf[c.DealID]] = c.Category
			}
			if fmt.Sprint(categories) != fmt.Sprint(tt.want) || got.TotalChanges != len(tt.want) {
				t.Errorf("categories %v, want %v", categories, tt.want)
			}
			// The board as rolled up now, and with each deal swapped back.
			type state struct {
				won   int64
				deals map[string]rollup.Deal
			}
			now := state{won: board.WonMinor, deals: map[string]rollup.Deal{}}
			for _, d := range board.Deals {
				now.deals[d.DealID] = rollup.Deal{Amount: float64(d.AmountMinor), P: d.Probability}
			}
			roll := func(s state) float64 {
				in := rollup.Input{Won: float64(s.won), Target: float64(*board.TargetMinor), TotalsOnly: true}
				keys := make([]string, 0, len(s.deals))
				for k := range s.deals {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				for _, k := range keys {
					in.Deals = append(in.Deals, s.deals[k])
				}
				return rollup.Compute(in).ProbabilityOfTarget
			}
			sum := 0.0
			for _, c := range got.Changes {
				swapped := state{won: now.won, deals: map[string]rollup.Deal{}}
				for k, v := range now.deals {
					if k != c.DealID {
						swapped.deals[k] = v
					}
				}
				if c.Now != nil && c.Now.Won {
					swapped.won -= c.Now.AmountMinor
				}
				then, was := w.then[nameOf[c.DealID]]
				if was != (c.Then != nil) {
					t.Errorf("%s: then %+v, want %v", nameOf[c.DealID], c.Then, was)
				}
				if was {
					p := then.Probability // on judgement too: the snapshot's category (pipeline) keeps the model's
					if c.Then.AmountMinor != then.AmountMinor || !near(c.Then.Probability, p) {
						t.Errorf("%s: then %+v, want %+v", nameOf[c.DealID], *c.Then, then)
					}
					swapped.deals[c.DealID] = rollup.Deal{Amount: float64(then.AmountMinor), P: p}
				}
				want := *got.ProbabilityNow - roll(swapped)
				if c.Effect == nil || !near(*c.Effect, want) {
					t.Errorf("%s (%s): effect %v, the board recomputed with it swapped back says %v", nameOf[c.DealID], c.Category, c.Effect, want)
				}
				sum += *c.Effect
			}
			total := 0.0
			for _, tot := range got.Totals {
				total += *tot.Effect
			}
			if !near(total, sum) || !near(*got.ProbabilityStart+sum+*got.Interaction, *got.ProbabilityNow) {
				t.Errorf("totals %v, effects %v; start %v + effects + interaction %v ≠ now %v", total, sum, *got.ProbabilityStart,
					*got.Interaction, *got.ProbabilityNow)
			}
			for i := 1; i < len(got.Changes); i++ {
				if math.Abs(*got.Changes[i].Effect) > math.Abs(*got.Changes[i-1].Effect) {
					t.Errorf("not largest effect first at %d", i)
				}
			}
		})
	}
}

func TestBoardChangesPagesAndAnswersBadInput(t *testing.T) {
	t.Parallel()
	w := newChangesWorld(t)
	first := w.changes(t, w.exec, "limit=3")
	if len(first.Changes) != 3 || first.NextCursor == nil || first.TotalChanges != 8 {
		t.Fatalf("first page: %d of %d, next %v", len(first.Changes), first.TotalChanges, first.NextCursor)
	}
	rest := w.changes(t, w.exec, "limit=10&cursor="+*first.NextCursor)
	if len(rest.Changes) != 5 || rest.NextCursor != nil || rest.Changes[0].DealID == first.Changes[2].DealID {
		t.Errorf("second page: %d, next %v", len(rest.Changes), rest.NextCursor)
	}
	// Before any snapshot: nothing to compare with, said plainly.
	none := w.changes(t, w.exec, "from=2020-01-06")
	if none.FromDay != nil || len(none.Changes) != 0 || none.TotalChanges != 0 || len(none.Totals) != len(changes.Categories) {
		t.Errorf("before any snapshot: %+v", none)
	}
	today := w.today.Format(time.DateOnly)
	for _, c := range []struct {
		query  string
		status int
		field  string
	}{
		{"from=monday", http.StatusBadRequest, "from"},
		{"to=2026-02-30", http.StatusBadRequest, "to"},
		{"from=" + today, http.StatusUnprocessableEntity, "from"},
		{"to=" + w.today.AddDate(0, 0, 1).Format(time.DateOnly), http.StatusUnprocessableEntity, "to"},
		{"from=" + w.monday.Format(time.DateOnly) + "&to=" + w.monday.Format(time.DateOnly), http.StatusUnprocessableEntity, "from"},
		{"cursor=" + *first.NextCursor + "&basis=judgement", http.StatusBadRequest, "cursor"},
		{"team_id=x", http.StatusBadRequest, "team_id"},
		{"period=2000-Q1", http.StatusUnprocessableEntity, "period"},
	} {
		rec := w.exec.do("GET", "/api/v1/boards/confidence/changes?"+c.query, "", "Accept-Language", "zh-CN")
		if rec.Code != c.status || fieldsOf(t, rec)[c.field] == "" {
			t.Errorf("%s: %d %s, want %d naming %s", c.query, rec.Code, rec.Body, c.status, c.field)
		}
	}
}

// TestBoardChangesBetweenTwoSnapshots compares the snapshot of a week before last Monday
// with last Monday's (to): A's confidence rose from 0.1 to 0.3; the rest stayed.
func TestBoardChangesBetweenTwoSnapshots(t *testing.T) {
	t.Parallel()
	w := newChangesWorld(t)
	before := w.monday.AddDate(0, 0, -7)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO forecast_snapshots (day, open_deals) VALUES (?, 7)", []any{before}},
		{`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category, base, p_win, periods)
			SELECT ?::date, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category, base, p_win, periods
			FROM deal_snapshots`, []any{before}},
		{`UPDATE deal_snapshots SET periods = jsonb_build_object(?::text, jsonb_build_array(0.1, 0.1)) WHERE day = ? AND deal_id = ?`,
			[]any{w.period.Name, before, w.ids["A"]}},
	} {
		if err := w.ts.db.Exec(q.sql, q.args...).Error; err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	got := w.changes(t, w.exec, "from="+before.Format(time.DateOnly)+"&to="+w.monday.Format(time.DateOnly))
	if got.ToDay == nil || !got.ToDay.Equal(w.monday) || got.FromDay == nil || !got.FromDay.Equal(before) {
		t.Fatalf("snapshots read: %v → %v", got.FromDay, got.ToDay)
	}
	// Every other deal was open in both snapshots as it was (W1 among them: open on the
	// day asked for, whatever it became since); WB, won the day before last Monday, was won
	// between the two (WS, won today, after them).
	want := map[string]string{"A": "confidence_up"}
	if !w.wonBefore.After(w.monday) {
		want["WB"] = "won"
	}
	categories := map[string]string{}
	for _, c := range got.Changes {
		categories[c.Name] = c.Category
		if c.Name == "A" && (!near(c.Then.Probability, 0.1) || !near(c.Now.Probability, 0.3)) {
			t.Errorf("A: %v → %v, want 0.1 → 0.3", c.Then.Probability, c.Now.Probability)
		}
	}
	if fmt.Sprint(categories) != fmt.Sprint(want) {
		t.Errorf("changes %v, want %v", categories, want)
	}
}

// TestDealActivityBetweenTwoDays: "what changed" links each deal to its activity between
// the two days; the trail answers only the entries of those days (both included).
func TestDealActivityBetweenTwoDays(t *testing.T) {
	t.Parallel()
	w := newChangesWorld(t)
	a := w.ids["A"]
	day := func(d time.Time) string { return d.Format(time.DateOnly) }
	for _, at := range []time.Time{w.monday.AddDate(0, 0, -1).Add(23 * time.Hour), w.monday.Add(time.Hour), w.today.Add(-time.Hour), w.today.Add(time.Hour)} {
		if err := w.ts.db.Exec(`INSERT INTO deal_activity (deal_id, at, action, entity_type, before, after)
			VALUES (?, ?, 'deal.updated', 'deal', '{"amount_minor": 1}', '{"amount_minor": 2}')`, a, at).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{"", 4},
		{"from=" + day(w.monday), 3},
		{"from=" + day(w.monday) + "&to=" + day(w.today.AddDate(0, 0, -1)), 2},
		{"to=" + day(w.monday.AddDate(0, 0, -1)), 1},
	} {
		rec := w.exec.do("GET", "/api/v1/deals/"+a+"/activity?"+c.query, "")
		var page struct {
			Items []activityResponse `json:"items"`
		}
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", c.query, rec.Code, rec.Body)
		}
		decode(t, rec, &page)
		if len(page.Items) != c.want {
			t.Errorf("%s: %d entries, want %d", c.query, len(page.Items), c.want)
		}
	}
	rec := w.exec.do("GET", "/api/v1/deals/"+a+"/activity?from="+day(w.today)+"&to="+day(w.monday), "")
	if rec.Code != http.StatusUnprocessableEntity || fieldsOf(t, rec)["to"] == "" {
		t.Errorf("to before from: %d %s", rec.Code, rec.Body)
	}
}
