package handlers

import (
	"bytes"
	"encoding/csv"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/rollup"
)

// boardWorld is the targets world with a small board in the current fiscal quarter:
// open deals A, D (North), B (East), C (Key Accounts, in US dollars), a deal won in the
// quarter (North) and one won before it, a lost one; targets for the company, Government,
// North and Key Accounts; the member belongs to North.
type boardWorld struct {
	*targetsWorld
	period     deals.Period
	today      time.Time
	ids        map[string]string // deal name → id
	g2, g3     string            // A's next gate and a later gate
	planned    int               // gates planned in the period
	dueInWeeks map[string]int    // deal → gates due in the heatmap's 13 weeks
}

type boardFixtureDeal struct {
	name, team, currency, category, status string
	amount                                 int64
	conf                                   float64
	manual                                 *float64
}

func newBoardWorld(t *testing.T) *boardWorld {
	t.Helper()
	w := &boardWorld{targetsWorld: newTargetsWorld(t), ids: map[string]string{}, dueInWeeks: map[string]int{}}
	ts := w.ts
	w.today = deals.Day(time.Now().UTC())
	w.period = forecasts.CurrentQuarter(w.today, 4)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := ts.db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	scan := func(sql string, args ...any) string {
		t.Helper()
		var id string
		if err := ts.db.Raw(sql, args...).Scan(&id).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return id
	}
	member := scan("SELECT id FROM users WHERE email = 'member@example.com'")
	admin := scan("SELECT id FROM users WHERE email = 'admin@example.com'")
	exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", w.north.ID, member)

	customer := scan("INSERT INTO customers (name, kind) VALUES ('City', 'government') RETURNING id")
	teamOf := map[string]string{"north": w.north.ID, "east": w.east.ID, "key": w.keyAcc.ID}
	seven := 0.7
	mid := w.period.From.AddDate(0, 1, 0)
	for _, d := range []boardFixtureDeal{
		{"A", "north", "CNY", "commit", "open", 4_000_000, 0.6, nil},
		{"B", "east", "CNY", "best_case", "open", 3_000_000, 0.3, &seven},
		{"C", "key", "USD", "pipeline", "open", 500_000, 0.5, nil},
		{"D", "north", "CNY", "omitted", "open", 1_000_000, 0.9, nil},
		{"W1", "north", "CNY", "pipeline", "won", 2_000_000, 1, nil},
		{"W2", "key", "CNY", "pipeline", "won", 5_000_000, 1, nil},
		{"L", "east", "CNY", "pipeline", "lost", 9_000_000, 0, nil},
	} {
		id := scan(`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status,
			forecast_category, manual_probability) VALUES (?, ?, 'g2b', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			d.name, customer, teamOf[d.team], d.amount, d.currency, mid, d.status, d.category, d.manual)
		w.ids[d.name] = id
		exec(`INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence) VALUES (?, ?, ?, ?, ?, ?)`,
			id, w.period.Name, w.period.From, w.period.To, d.conf, d.conf)
	}
	ms := func(deal string, seq int, key, name string, gate bool, status string, due time.Time, completed *time.Time) string {
		return scan(`INSERT INTO milestones (deal_id, sequence, key, name, name_zh, owner_role, gate, planned_start, planned_due, status, completed_on)
			VALUES (?, ?, ?, ?, ?, 'pmo', ?, ?, ?, ?, ?) RETURNING id`, w.ids[deal], seq, key, name, name+"（中）", gate, due, due, status, completed)
	}
	inPeriod := func(t time.Time) bool { return !t.Before(w.period.From) && t.Before(w.period.To) }
	monday := w.today.AddDate(0, 0, -((int(w.today.Weekday()) + 6) % 7))
	gate := func(deal string, seq int, key, name, status string, due time.Time, completed *time.Time) string {
		if inPeriod(due) {
			w.planned++
		}
		if status != "done" && !due.Before(monday) && due.Before(monday.AddDate(0, 0, 91)) {
			w.dueInWeeks[deal]++
		}
		return ms(deal, seq, key, name, true, status, due, completed)
	}
	// A: the first gate done in the period, the second due in ten days (7 days late against
	// its baseline), the contract after it.
	g1 := gate("A", 1, "g1", "Kick-off", "done", w.period.From, &w.period.From)
	w.g2 = gate("A", 2, "g2", "Tender", "planned", w.today.AddDate(0, 0, 10), nil)
	contract := gate("A", 3, "contract_signed", "Contract", "planned", w.today.AddDate(0, 0, 30), nil)
	ms("A", 4, "", "Task", false, "planned", w.today.AddDate(0, 0, 5), nil)
	baseline := scan("INSERT INTO baselines (deal_id, name, committed) VALUES (?, 'v1', true) RETURNING id", w.ids["A"])
	for m, due := range map[string]time.Time{g1: w.period.From, w.g2: w.today.AddDate(0, 0, 3), contract: w.today.AddDate(0, 0, 25)} {
		exec("INSERT INTO baseline_milestones (baseline_id, milestone_id, planned_start, planned_due) VALUES (?, ?, ?, ?)", baseline, m, due, due)
	}
	w.g3 = gate("B", 1, "contract_signed", "Contract", "planned", w.today.AddDate(0, 0, 200), nil)
	// W1 closed in the period, W2 before it.
	before := w.period.From.AddDate(0, 0, -3)
	gate("W1", 1, "contract_signed", "Contract", "done", mid, &mid)
	gate("W2", 1, "contract_signed", "Contract", "done", before, &before)

	// A's people: two linked to the tender gate, one contacted in the period with a next
	// step replaced in it.
	person := func(name string, influence int, stance string, owner *string, contact *time.Time, step string, stepDue *time.Time) string {
		c := scan("INSERT INTO contacts (customer_id, name, title) VALUES (?, ?, 'Director') RETURNING id", customer, name)
		s := scan(`INSERT INTO stakeholders (deal_id, contact_id, decision_role, influence, stance, owner_id, last_contact_on, next_step, next_step_due)
			VALUES (?, ?, 'decision_maker', ?, ?, ?, ?, ?, ?) RETURNING id`, w.ids["A"], c, influence, stance, owner, contact, step, stepDue)
		exec("INSERT INTO stakeholder_milestones (stakeholder_id, milestone_id) VALUES (?, ?)", s, w.g2)
		return s
	}
	stepDue := w.period.To.AddDate(0, 0, -1)
	s1 := person("Wang", 5, "champion", &admin, &mid, "Call", &stepDue)
	earlier := w.period.From.AddDate(0, 0, -10)
	person("Li", 3, "skeptic", nil, &earlier, "", nil)
	exec(`INSERT INTO stakeholder_history (stakeholder_id, at, changes) VALUES (?, ?, '{"next_step":{"from":"Send deck","to":"Call"}}')`,
		s1, mid.Add(10*time.Hour))

	// Targets and the dollar's rate.
	for _, tg := range []struct {
		team   string
		amount int64
	}{{"", 8_000_000}, {w.gov.ID, 6_000_000}, {w.north.ID, 3_000_000}, {w.keyAcc.ID, 4_000_000}} {
		body := `{"period":"` + w.period.Name + `","amount_minor":` + strconv.FormatInt(tg.amount, 10)
		if tg.team != "" {
			body += `,"team_id":"` + tg.team + `"`
		}
		if rec := w.admin.do("POST", "/api/v1/targets", body+"}"); rec.Code != http.StatusCreated {
			t.Fatalf("target: %d %s", rec.Code, rec.Body)
		}
	}
	if rec := w.admin.do("POST", "/api/v1/fx-rates", `{"period":"`+w.period.Name+`","currency":"USD","rate":7.2}`); rec.Code != http.StatusCreated {
		t.Fatalf("rate: %d %s", rec.Code, rec.Body)
	}
	return w
}

// rolled is rollup run by hand over deals given as name → (amount in CNY, probability).
type handDeal struct {
	name   string
	amount int64
	p      float64
}

func handRoll(won, target int64, ds []handDeal) (rollup.Result, map[string][2]float64) {
	in := rollup.Input{Won: float64(won), Target: float64(target)}
	for _, d := range ds {
		in.Deals = append(in.Deals, rollup.Deal{Amount: float64(d.amount), P: d.p})
	}
	r := rollup.Compute(in)
	by := map[string][2]float64{}
	for i, d := range ds {
		by[d.name] = [2]float64{r.IfWon[i], r.IfLost[i]}
	}
	return r, by
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func (w *boardWorld) board(t *testing.T, b *browser, query string, headers ...string) boardResponse {
	t.Helper()
	rec := b.do("GET", "/api/v1/boards/confidence?"+query, "", headers...)
	if rec.Code != http.StatusOK {
		t.Fatalf("board %s: %d %s", query, rec.Code, rec.Body)
	}
	var out boardResponse
	decode(t, rec, &out)
	return out
}

func TestConfidenceBoardFigures(t *testing.T) {
	t.Parallel()
	w := newBoardWorld(t)
	a, b, c, d := w.ids["A"], w.ids["B"], w.ids["C"], w.ids["D"]
	nameOf := map[string]string{a: "A", b: "B", c: "C", d: "D"}
	tests := []struct {
		name     string
		who      *browser
		query    string
		won      int64
		target   *int64
		deals    []handDeal
		teams    map[string][]handDeal // child team name → its deals (won per team below)
		teamWon  map[string]int64
		teamTgt  map[string]*int64
		levels   [5]int // steps done, steps due, contacts, gates done, gates planned
		bottomUp *int64
		gap      *int64
		compare  []handDeal // the same deals on the other basis (nil: not checked)
	}{
		{name: "company, model", who: w.exec, query: "", won: 2_000_000, target: i64(8_000_000),
			deals:   []handDeal{{"A", 4_000_000, 0.6}, {"B", 3_000_000, 0.3}, {"C", 3_600_000, 0.5}, {"D", 1_000_000, 0.9}},
			teams:   map[string][]handDeal{"Government": {{"A", 4_000_000, 0.6}, {"B", 3_000_000, 0.3}, {"D", 1_000_000, 0.9}}, "Key Accounts": {{"C", 3_600_000, 0.5}}},
			teamWon: map[string]int64{"Government": 2_000_000}, teamTgt: map[string]*int64{"Government": i64(6_000_000), "Key Accounts": i64(4_000_000)},
			levels: [5]int{1, 2, 1, 2, w.planned}, bottomUp: i64(10_000_000), gap: i64(-2_000_000),
			compare: []handDeal{{"A", 4_000_000, 0.9}, {"B", 3_000_000, 0.7}, {"C", 3_600_000, 0.5}, {"D", 1_000_000, 0}}},
		{name: "company, judgement", who: w.admin, query: "basis=judgement", won: 2_000_000, target: i64(8_000_000),
			deals:   []handDeal{{"A", 4_000_000, 0.9}, {"B", 3_000_000, 0.7}, {"C", 3_600_000, 0.5}, {"D", 1_000_000, 0}},
			teams:   map[string][]handDeal{"Government": {{"A", 4_000_000, 0.9}, {"B", 3_000_000, 0.7}, {"D", 1_000_000, 0}}, "Key Accounts": {{"C", 3_600_000, 0.5}}},
			teamWon: map[string]int64{"Government": 2_000_000}, teamTgt: map[string]*int64{"Government": i64(6_000_000), "Key Accounts": i64(4_000_000)},
			levels: [5]int{1, 2, 1, 2, w.planned}, bottomUp: i64(10_000_000), gap: i64(-2_000_000),
			compare: []handDeal{{"A", 4_000_000, 0.6}, {"B", 3_000_000, 0.3}, {"C", 3_600_000, 0.5}, {"D", 1_000_000, 0.9}}},
		{name: "Government with its sub-teams", who: w.exec, query: "team_id=" + w.gov.ID, won: 2_000_000, target: i64(6_000_000),
			deals:   []handDeal{{"A", 4_000_000, 0.6}, {"B", 3_000_000, 0.3}, {"D", 1_000_000, 0.9}},
			teams:   map[string][]handDeal{"North": {{"A", 4_000_000, 0.6}, {"D", 1_000_000, 0.9}}, "East": {{"B", 3_000_000, 0.3}}},
			teamWon: map[string]int64{"North": 2_000_000}, teamTgt: map[string]*int64{"North": i64(3_000_000)},
			levels: [5]int{1, 2, 1, 2, w.planned}, bottomUp: i64(3_000_000), gap: i64(3_000_000)},
		{name: "a member of North sees North's deals only", who: w.member, query: "", won: 2_000_000, target: i64(8_000_000),
			deals:   []handDeal{{"A", 4_000_000, 0.6}, {"D", 1_000_000, 0.9}},
			teams:   map[string][]handDeal{"Government": {{"A", 4_000_000, 0.6}, {"D", 1_000_000, 0.9}}, "Key Accounts": nil},
			teamWon: map[string]int64{"Government": 2_000_000}, teamTgt: map[string]*int64{"Government": i64(6_000_000), "Key Accounts": i64(4_000_000)},
			levels: [5]int{1, 2, 1, 2, w.planned}, bottomUp: i64(10_000_000), gap: i64(-2_000_000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := w.board(t, tt.who, tt.query)
			r, ifs := handRoll(tt.won, *tt.target, tt.deals)
			if got.Period != w.period.Name || got.Currency != "CNY" || got.WonMinor != tt.won || got.OpenDeals != len(tt.deals) ||
				*got.TargetMinor != *tt.target || *got.TopDownMinor != *tt.target {
				t.Fatalf("headline %+v", got)
			}
			if got.ExpectedMinor != int64(math.Round(r.Expected)) || !near(*got.ProbabilityOfTarget, r.ProbabilityOfTarget) ||
				got.P10Minor != int64(math.Round(r.P10)) || got.P50Minor != int64(math.Round(r.P50)) || got.P90Minor != int64(math.Round(r.P90)) ||
				got.Method != r.Method {
				t.Errorf("figures: got expected %d p %v p10/50/90 %d/%d/%d %s; want %v %v %v/%v/%v %s", got.ExpectedMinor, *got.ProbabilityOfTarget,
					got.P10Minor, got.P50Minor, got.P90Minor, got.Method, r.Expected, r.ProbabilityOfTarget, r.P10, r.P50, r.P90, r.Method)
			}
			if tt.compare != nil {
				other, _ := handRoll(tt.won, *tt.target, tt.compare)
				if got.Compare.Basis == got.Basis || got.Compare.ProbabilityOfTarget == nil || !near(*got.Compare.ProbabilityOfTarget, other.ProbabilityOfTarget) ||
					got.Compare.ExpectedMinor != int64(math.Round(other.Expected)) || got.Compare.P50Minor != int64(math.Round(other.P50)) {
					t.Errorf("the other basis: %+v, want p %v expected %v p50 %v", got.Compare, other.ProbabilityOfTarget, other.Expected, other.P50)
				}
			}
			if !eqPtr(got.BottomUpMinor, tt.bottomUp) || !eqPtr(got.GapMinor, tt.gap) {
				t.Errorf("bottom-up %v gap %v", got.BottomUpMinor, got.GapMinor)
			}
			// Deals by swing, largest first, each with the hand-computed if-won / if-lost.
			var swings []float64
			for _, dl := range got.Deals {
				want, ok := ifs[nameOf[dl.DealID]]
				if !ok || !near(*dl.IfWon, want[0]) || !near(*dl.IfLost, want[1]) || !near(*dl.Swing, want[0]-want[1]) {
					t.Errorf("deal %s: if won %v lost %v, want %v", nameOf[dl.DealID], *dl.IfWon, *dl.IfLost, want)
				}
				swings = append(swings, *dl.Swing)
			}
			if len(got.Deals) != len(tt.deals) || !slices.IsSortedFunc(swings, func(x, y float64) int { return -cmpF(x, y) }) {
				t.Errorf("deals %d, swings %v", len(got.Deals), swings)
			}
			// The focus: the deals by swing with a chance in the period (D has none on the
			// judgement basis: omitted).
			var chances []boardDealResponse
			for _, dl := range got.Deals {
				if dl.Probability >= boards.FocusMinProbability {
					chances = append(chances, dl)
				}
			}
			if len(got.Focus) != len(chances) || len(chances) < len(got.Deals)-1 {
				t.Fatalf("focus %d of %d deals", len(got.Focus), len(got.Deals))
			}
			for i, f := range got.Focus {
				if f.DealID != chances[i].DealID {
					t.Errorf("focus order: %d is %s", i, nameOf[f.DealID])
				}
				if f.DealID == a {
					if f.NextGate == nil || f.NextGate.MilestoneID != w.g2 || *f.NextGate.SlipDays != 7 || len(f.Stakeholders) != 2 ||
						f.Stakeholders[0].Name != "Wang" || f.Stakeholders[0].Stance != "champion" || *f.Stakeholders[0].OwnerName != "admin" ||
						f.Stakeholders[0].NextStep != "Call" || f.Stakeholders[1].Name != "Li" || f.Stakeholders[1].OwnerID != nil {
						t.Errorf("A in focus: %+v", f)
					}
				}
			}
			for _, dl := range got.Deals {
				if dl.DealID == a && (dl.SlipDays == nil || *dl.SlipDays != 5 || len(dl.GatesDue) != w.dueInWeeks["A"]) {
					t.Errorf("A: slip %v gates due %d want %d", dl.SlipDays, len(dl.GatesDue), w.dueInWeeks["A"])
				}
				if dl.DealID == c && (dl.AmountMinor != 3_600_000 || dl.DealAmountMinor != 500_000 || dl.DealCurrency != "USD") {
					t.Errorf("C amounts %+v", dl)
				}
			}
			if len(got.Teams) != len(tt.teams) {
				t.Fatalf("teams %+v", got.Teams)
			}
			for _, tr := range got.Teams {
				ds, ok := tt.teams[tr.Name]
				if !ok {
					t.Fatalf("unexpected team row %s", tr.Name)
				}
				if tr.WonMinor != tt.teamWon[tr.Name] || tr.OpenDeals != len(ds) || !eqPtr(tr.TargetMinor, tt.teamTgt[tr.Name]) {
					t.Errorf("team %s: %+v", tr.Name, tr)
				}
				if tgt := tt.teamTgt[tr.Name]; tgt != nil {
					tr2, _ := handRoll(tt.teamWon[tr.Name], *tgt, ds)
					if !near(*tr.ProbabilityOfTarget, tr2.ProbabilityOfTarget) || tr.ExpectedMinor != int64(math.Round(tr2.Expected)) {
						t.Errorf("team %s: p %v expected %d, want %v %v", tr.Name, *tr.ProbabilityOfTarget, tr.ExpectedMinor, tr2.ProbabilityOfTarget, tr2.Expected)
					}
				} else if tr.ProbabilityOfTarget != nil {
					t.Errorf("team %s without target has a probability", tr.Name)
				}
			}
			l := got.Levels
			if gotL := [5]int{l.Input.Done, l.Input.Due, l.Input.Contacts, l.InBetween.Done, l.InBetween.Planned}; gotL != tt.levels {
				t.Errorf("levels %v, want %v", gotL, tt.levels)
			}
			if l.Output.WonMinor != tt.won || *l.Output.TargetMinor != *tt.target {
				t.Errorf("output level %+v", l.Output)
			}
			mass := 0.0
			for _, m := range got.Distribution.Mass {
				mass += m
			}
			if math.Abs(mass-1) > 1e-9 || len(got.Distribution.Mass) > 200 || got.Distribution.UnitMinor < 1 {
				t.Errorf("distribution mass %v in %d cells", mass, len(got.Distribution.Mass))
			}
		})
	}
}

func eqPtr(a, b *int64) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

func cmpF(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func TestConfidenceBoardPagesAndRefusals(t *testing.T) {
	t.Parallel()
	w := newBoardWorld(t)
	first := w.board(t, w.exec, "limit=3")
	if len(first.Deals) != 3 || first.NextCursor == nil {
		t.Fatalf("first page: %d deals, cursor %v", len(first.Deals), first.NextCursor)
	}
	second := w.board(t, w.exec, "limit=3&cursor="+*first.NextCursor)
	if len(second.Deals) != 1 || second.NextCursor != nil || slices.ContainsFunc(first.Deals, func(d boardDealResponse) bool { return d.DealID == second.Deals[0].DealID }) {
		t.Errorf("second page: %+v", second.Deals)
	}
	tests := []struct {
		name   string
		query  string
		status int
		field  string
	}{
		{"malformed period", "period=2026-Q5", 400, "period"},
		{"period outside the stored window", "period=2020-Q1", 422, "period"},
		{"malformed team", "team_id=north", 400, "team_id"},
		{"unknown team", "team_id=00000000-0000-0000-0000-000000000001", 422, "team_id"},
		{"unknown basis", "basis=gut", 400, "basis"},
		{"garbage cursor", "cursor=!!", 400, "cursor"},
		{"cursor of another query", "basis=judgement&cursor=" + *first.NextCursor, 400, "cursor"},
		{"limit out of range", "limit=0", 400, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, path := range []string{"/api/v1/boards/confidence", "/api/v1/boards/confidence.csv", "/api/v1/boards/confidence.xlsx"} {
				if path != "/api/v1/boards/confidence" && (strings.Contains(tt.query, "cursor") || strings.Contains(tt.query, "limit")) {
					continue
				}
				rec := w.exec.do("GET", path+"?"+tt.query, "")
				if rec.Code != tt.status || fieldsOf(t, rec)[tt.field] == "" {
					t.Errorf("%s: %d %s", path, rec.Code, rec.Body)
				}
			}
		})
	}
	// A missing rate is 422 naming currency and period, never a zero.
	if err := w.ts.db.Exec("DELETE FROM fx_rates").Error; err != nil {
		t.Fatal(err)
	}
	rec := w.exec.do("GET", "/api/v1/boards/confidence", "")
	f := fieldsOf(t, rec)
	if rec.Code != 422 || errorCode(t, rec) != "fx_rate_missing" || f["currency"] == "" || f["period"] == "" ||
		!strings.Contains(rec.Body.String(), "USD") || !strings.Contains(rec.Body.String(), w.period.Name) {
		t.Errorf("missing rate: %d %s", rec.Code, rec.Body)
	}
	// A North member's board has no dollar deal: it needs no rate.
	if got := w.board(t, w.member, ""); got.OpenDeals != 2 {
		t.Errorf("member: %d open deals", got.OpenDeals)
	}
	// A role on an East deal adds that deal to the member's board, and to the East row.
	if err := w.ts.db.Exec(`INSERT INTO deal_members (deal_id, user_id, role)
		SELECT ?, id, 'business' FROM users WHERE email = 'member@example.com'`, w.ids["B"]).Error; err != nil {
		t.Fatal(err)
	}
	got := w.board(t, w.member, "team_id="+w.gov.ID)
	r, _ := handRoll(2_000_000, 6_000_000, []handDeal{{"A", 4_000_000, 0.6}, {"B", 3_000_000, 0.3}, {"D", 1_000_000, 0.9}})
	if got.OpenDeals != 3 || !near(*got.ProbabilityOfTarget, r.ProbabilityOfTarget) {
		t.Errorf("member with a role on B: %d open deals, p %v want %v", got.OpenDeals, *got.ProbabilityOfTarget, r.ProbabilityOfTarget)
	}
	for _, tr := range got.Teams {
		if tr.Name == "East" && tr.OpenDeals != 1 {
			t.Errorf("East row %+v", tr)
		}
	}
}

func TestConfidenceBoardExports(t *testing.T) {
	t.Parallel()
	w := newBoardWorld(t)
	want := w.board(t, w.exec, "")
	tests := []struct {
		name, lang, probLabel, dealHeader, summary, dealsSheet string
	}{
		{"English", "en", "Probability of target", "Deal", "Summary", "Deals"},
		{"Chinese", "zh-CN", "达成目标的概率", "商机", "摘要", "商机"},
	}
	check := func(t *testing.T, label string, headline map[string]string, header []string, rows [][]string, probLabel, dealHeader string) {
		t.Helper()
		p, err := strconv.ParseFloat(headline[probLabel], 64)
		if err != nil || !near(p, *want.ProbabilityOfTarget) {
			t.Errorf("%s: probability %q, want %v", label, headline[probLabel], *want.ProbabilityOfTarget)
		}
		if header[0] != dealHeader || len(rows) != want.OpenDeals {
			t.Fatalf("%s: header %v, %d rows", label, header, len(rows))
		}
		for i, r := range rows {
			amount, _ := strconv.ParseInt(r[3], 10, 64)
			swing, _ := strconv.ParseFloat(r[15], 64)
			if r[16] != want.Deals[i].DealID || amount != want.Deals[i].AmountMinor || !near(swing, *want.Deals[i].Swing) {
				t.Errorf("%s: row %d %v, want %+v", label, i, r, want.Deals[i])
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := w.exec.do("GET", "/api/v1/boards/confidence.csv", "", "Accept-Language", tt.lang)
			if rec.Code != 200 || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\ufeff")) {
				t.Fatalf("csv: %d %q", rec.Code, rec.Body.String()[:min(20, rec.Body.Len())])
			}
			cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(rec.Body.Bytes(), []byte("\ufeff"))))
			cr.FieldsPerRecord = -1
			records, err := cr.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			headline := map[string]string{}
			at := 0
			for ; at < len(records) && records[at][0] != tt.dealHeader; at++ {
				headline[records[at][0]] = records[at][1]
			}
			check(t, "csv", headline, records[at], records[at+1:], tt.probLabel, tt.dealHeader)

			rec = w.exec.do("GET", "/api/v1/boards/confidence.xlsx", "", "Accept-Language", tt.lang)
			if rec.Code != 200 || rec.Header().Get("Content-Type") != xlsxMIME {
				t.Fatalf("xlsx: %d %s", rec.Code, rec.Header())
			}
			book, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			sum, err := book.GetRows(tt.summary)
			if err != nil {
				t.Fatal(err)
			}
			headline = map[string]string{}
			for _, r := range sum {
				if len(r) >= 2 {
					headline[r[0]] = r[1]
				}
			}
			dealRows, err := book.GetRows(tt.dealsSheet)
			if err != nil {
				t.Fatal(err)
			}
			check(t, "xlsx", headline, dealRows[0], dealRows[1:], tt.probLabel, tt.dealHeader)
		})
	}
}

func i64(v int64) *int64 { return &v }
