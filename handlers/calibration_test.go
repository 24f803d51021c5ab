package handlers

import (
	"math"
	"net/http"
	"testing"
	"time"

	"summit/domain/identity"
)

// calibrationWorld is a team's closed deals with snapshots along their lives:
//
//	deal  segment      outcome    closes                snapshots (days before close: p_win)
//	W1    g2b          won        contract signed 06-10  95: 0.6, 91: 0.1, 90: 0.9, 60: 0.7
//	L1    g2b          lost       target 06-30           92: 0.8, 58: 0.4 (none at 60: 32 days early is too stale)
//	W2    g2b          won        target 07-15          100: 0.35
//	L2    g2b          lost       target 08-01           90: 0.3
//	L3    g2b          lost       target 08-20           90: 0.05
//	W3    g2b          won        target 09-01           30: 0.5 (closed, but no snapshot at 90 days)
//	K1    key_account  lost       target 07-01           90: 0.6
//	O     g2b          open       target 09-01           90: 0.99 (not closed: left out)
//	A     g2b          abandoned  target 09-01           90: 0.99 (neither won nor lost: left out)
//
// At 90 days the g2b deals are the hand-computed example of domain/calibration.
type calibrationWorld struct {
	ts                   *testServer
	admin, exec, pmo     *browser
	g2bTemplate, kaTempl string
}

func newCalibrationWorld(t *testing.T) *calibrationWorld {
	t.Helper()
	ts := newTestServer(t)
	ts.user("admin@example.com", identity.RoleAdmin)
	ts.user("exec@example.com", identity.RoleExecutive)
	pmo := ts.user("pmo@example.com", identity.RoleMember)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := ts.db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	scan := func(sql string, args ...any) string {
		t.Helper()
		var id string
		if err := ts.db.Raw(sql, args...).Scan(&id).Error; err != nil || id == "" {
			t.Fatalf("%s: %q %v", sql, id, err)
		}
		return id
	}
	w := &calibrationWorld{ts: ts, g2bTemplate: scan("SELECT id FROM templates WHERE key = 'g2b'"),
		kaTempl: scan("SELECT id FROM templates WHERE key = 'key_account'")}
	team, err := ts.id.CreateTeam(t.Context(), identity.Actor{}, "North", nil)
	if err != nil {
		t.Fatal(err)
	}
	customer := scan("INSERT INTO customers (name, kind) VALUES ('City', 'government') RETURNING id")
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", "2026-"+s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	type snap struct {
		before int
		p      float64
	}
	for _, d := range []struct {
		name, segment, status, closes string
		signed                        bool
		snaps                         []snap
	}{
		{"W1", "g2b", "won", "06-10", true, []snap{{95, 0.6}, {91, 0.1}, {90, 0.9}, {60, 0.7}}},
		{"L1", "g2b", "lost", "06-30", false, []snap{{92, 0.8}, {58, 0.4}}},
		{"W2", "g2b", "won", "07-15", false, []snap{{100, 0.35}}},
		{"L2", "g2b", "lost", "08-01", false, []snap{{90, 0.3}}},
		{"L3", "g2b", "lost", "08-20", false, []snap{{90, 0.05}}},
		{"W3", "g2b", "won", "09-01", false, []snap{{30, 0.5}}},
		{"K1", "key_account", "lost", "07-01", false, []snap{{90, 0.6}}},
		{"O", "g2b", "open", "09-01", false, []snap{{90, 0.99}}},
		{"A", "g2b", "abandoned", "09-01", false, []snap{{90, 0.99}}},
	} {
		closes := day(d.closes)
		target, template := closes, w.g2bTemplate
		if d.signed { // the board's close date is the contract's signing, not the target
			target = closes.AddDate(0, 3, 0)
		}
		if d.segment == "key_account" {
			template = w.kaTempl
		}
		id := scan(`INSERT INTO deals (name, customer_id, segment, team_id, template_id, amount_minor, currency, target_close_date, status)
			VALUES (?, ?, ?, ?, ?, 1000000, 'CNY', ?, ?) RETURNING id`, d.name, customer, d.segment, team.ID, template, target, d.status)
		if d.signed {
			exec(`INSERT INTO milestones (deal_id, sequence, key, name, name_zh, owner_role, gate, planned_start, planned_due, status, completed_on)
				VALUES (?, 1, 'contract_signed', 'Contract', '合同', 'pmo', true, ?, ?, 'done', ?)`, id, closes, closes, closes)
		}
		if d.name == "O" {
			exec("INSERT INTO deal_members (deal_id, user_id, role) VALUES (?, ?, 'pmo')", id, pmo.ID)
		}
		for _, s := range d.snaps {
			on := closes.AddDate(0, 0, -s.before)
			exec("INSERT INTO forecast_snapshots (day) VALUES (?) ON CONFLICT DO NOTHING", on)
			exec(`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category, base, p_win)
				VALUES (?, ?, ?, 1000000, 'CNY', ?, 'pipeline', 0.3, ?)`, on, id, team.ID, target, s.p)
		}
	}
	w.admin, w.exec, w.pmo = ts.signIn("admin@example.com"), ts.signIn("exec@example.com"), ts.signIn("pmo@example.com")
	return w
}

func TestCalibrationScoresTheClosedDealsAtEachLeadTime(t *testing.T) {
	t.Parallel()
	w := newCalibrationWorld(t)
	type bin struct {
		i, count, won int
		mean, obs     float64
	}
	tests := []struct {
		name                     string
		query                    string
		closed, count, won, lost int
		brier, logLoss           float64
		bins                     []bin
	}{
		// The hand-computed example: Brier 1.165 / 5, log loss 3.172589 / 5.
		{"g2b at 90 days (the default)", "?segment=g2b", 6, 5, 2, 3, 0.233, 0.634518,
			[]bin{{0, 1, 0, 0.05, 0}, {3, 2, 1, 0.325, 0.5}, {8, 1, 0, 0.8, 0}, {9, 1, 1, 0.9, 1}}},
		{"g2b at 90 days, the g2b template", "?lead_days=90&segment=g2b&template_id=" + w.g2bTemplate, 6, 5, 2, 3, 0.233, 0.634518, nil},
		// K1 (0.6, lost) joins: (1.165 + 0.36) / 6; log loss (3.172589 − ln 0.4) / 6.
		{"every segment at 90 days", "?lead_days=90", 7, 6, 2, 4, 1.525 / 6, (3.172589 - math.Log(0.4)) / 6,
			[]bin{{6, 1, 0, 0.6, 0}}},
		{"the key-account template", "?template_id=" + w.kaTempl, 1, 1, 0, 1, 0.36, -math.Log(0.4), nil},
		// Only W1 has a snapshot within 14 days before 60 days out (L1's is 32 days early).
		{"g2b at 60 days", "?lead_days=60&segment=g2b", 6, 1, 1, 0, 0.09, -math.Log(0.7), []bin{{7, 1, 1, 0.7, 1}}},
		{"g2b at 30 days", "?lead_days=30&segment=g2b", 6, 1, 1, 0, 0.25, math.Ln2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, caller := range []*browser{w.exec, w.admin} {
				rec := caller.do("GET", "/api/v1/calibration"+tc.query, "")
				if rec.Code != http.StatusOK {
					t.Fatalf("%d %s", rec.Code, rec.Body)
				}
				var r calibrationResponse
				decode(t, rec, &r)
				if r.ClosedDeals != tc.closed || r.Count != tc.count || r.Won != tc.won || r.Lost != tc.lost {
					t.Errorf("closed %d scored %d won %d lost %d, want %d %d %d %d", r.ClosedDeals, r.Count, r.Won, r.Lost, tc.closed, tc.count, tc.won, tc.lost)
				}
				if r.Brier == nil || r.LogLoss == nil || math.Abs(*r.Brier-tc.brier) > 1e-9 || math.Abs(*r.LogLoss-tc.logLoss) > 1e-6 {
					t.Errorf("Brier %v log loss %v, want %v and %v", r.Brier, r.LogLoss, tc.brier, tc.logLoss)
				}
				if len(r.Reliability) != 10 {
					t.Fatalf("%d bins, want 10", len(r.Reliability))
				}
				total := 0
				for _, b := range r.Reliability {
					total += b.Count
					if (b.Count == 0) != (b.MeanPredicted == nil || b.ObservedRate == nil) {
						t.Errorf("bin %+v: an empty bin has no mean or rate, a full one both", b)
					}
				}
				if total != tc.count {
					t.Errorf("the bins hold %d deals, want %d", total, tc.count)
				}
				for _, want := range tc.bins {
					b := r.Reliability[want.i]
					if b.Count != want.count || b.Won != want.won || math.Abs(*b.MeanPredicted-want.mean) > 1e-9 || math.Abs(*b.ObservedRate-want.obs) > 1e-9 {
						t.Errorf("bin %d = %+v, want %+v", want.i, b, want)
					}
				}
			}
		})
	}
}

func TestCalibrationWithoutScoredDealsSaysSo(t *testing.T) {
	t.Parallel()
	w := newCalibrationWorld(t)
	rec := w.exec.do("GET", "/api/v1/calibration?lead_days=60&segment=key_account", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var r calibrationResponse
	decode(t, rec, &r)
	if r.ClosedDeals != 1 || r.Count != 0 || r.Brier != nil || r.LogLoss != nil || len(r.Reliability) != 10 {
		t.Errorf("report %s: want one closed deal, none scored, no scores (null), ten empty bins", rec.Body)
	}
}

func TestCalibrationIsForAdminsAndExecutives(t *testing.T) {
	t.Parallel()
	w := newCalibrationWorld(t)
	tests := []struct {
		name   string
		caller *browser
		want   int
	}{
		{"a deal's PMO", w.pmo, http.StatusForbidden},
		{"an executive", w.exec, http.StatusOK},
		{"an admin", w.admin, http.StatusOK},
	}
	for _, tc := range tests {
		if rec := tc.caller.do("GET", "/api/v1/calibration", ""); rec.Code != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, rec.Code, rec.Body, tc.want)
		}
	}
	if rec := w.ts.do("GET", "/api/v1/calibration", ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("signed out: %d, want 401", rec.Code)
	}
	var me sessionResponse
	decode(t, w.exec.do("GET", "/api/v1/me", ""), &me)
	var pmoMe sessionResponse
	decode(t, w.pmo.do("GET", "/api/v1/me", ""), &pmoMe)
	if !contains(me.Permissions, "calibration:read") || contains(pmoMe.Permissions, "calibration:read") {
		t.Errorf("permissions: executive %v, pmo %v; want calibration:read for the executive only", me.Permissions, pmoMe.Permissions)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestCalibrationRefusesAMalformedQuery(t *testing.T) {
	t.Parallel()
	w := newCalibrationWorld(t)
	tests := []struct{ query, field string }{
		{"?lead_days=45", "lead_days"},
		{"?lead_days=soon", "lead_days"},
		{"?segment=retail", "segment"},
		{"?template_id=g2b", "template_id"},
	}
	for _, tc := range tests {
		rec := w.exec.do("GET", "/api/v1/calibration"+tc.query, "")
		fields := fieldsOf(t, rec)
		if rec.Code != http.StatusBadRequest || fields[tc.field] == "" || len(fields) != 1 {
			t.Errorf("%s: %d %s, want 400 naming %s", tc.query, rec.Code, rec.Body, tc.field)
		}
	}
}
