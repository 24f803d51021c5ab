package handlers

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// historyBody is GET /deals/{id}/confidence/history.
type historyBody struct {
	Period string `json:"period"`
	Points []struct {
		Day        string   `json:"day"`
		PWin       float64  `json:"p_win"`
		Confidence *float64 `json:"confidence"`
	} `json:"points"`
	Moves []struct {
		From, To         string
		PWinBefore       float64  `json:"p_win_before"`
		PWinAfter        float64  `json:"p_win_after"`
		ConfidenceBefore *float64 `json:"confidence_before"`
		ConfidenceAfter  *float64 `json:"confidence_after"`
		Factors          []struct {
			Key, Label    string
			Before, After float64
		} `json:"factors"`
		Activity []struct {
			Action string    `json:"action"`
			At     time.Time `json:"at"`
		} `json:"activity"`
		ActivityTotal int `json:"activity_total"`
	} `json:"moves"`
}

// snapshotDay inserts a day's snapshot of one deal as helper A's job writes it (00017).
func snapshotDay(t *testing.T, ts *testServer, dealID string, day, takenAt time.Time, pWin float64, factors, periods string) {
	t.Helper()
	ctx := context.Background()
	if _, err := ts.sql.ExecContext(ctx, `INSERT INTO forecast_snapshots (day, taken_at, open_deals) VALUES ($1, $2, 1)
		ON CONFLICT (day) DO NOTHING`, day.Format(time.DateOnly), takenAt); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.sql.ExecContext(ctx, `INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency,
			target_close_date, forecast_category, base, p_win, factors, periods)
		SELECT $1, id, team_id, amount_minor, currency, target_close_date, forecast_category, 0.3, $3, $4, $5 FROM deals WHERE id = $2`,
		day.Format(time.DateOnly), dealID, pWin, factors, periods); err != nil {
		t.Fatal(err)
	}
}

// TestConfidenceHistoryShowsMovesWithTheirFactorsAndActivity: the deal's snapshots come
// back as points for the period; each move names the factor that changed with its label
// in the caller's language and lists the activity between its two snapshots (the newest
// three, with the count of all); days without the period have no confidence; a day
// without a real change is no move.
func TestConfidenceHistoryShowsMovesWithTheirFactorsAndActivity(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	ts, pmo := w.ts, w.ts.signIn(w.pmo.Email)
	period := pmo.freshFigures(t, w.deal.ID).Period
	today := time.Now().UTC().Truncate(24 * time.Hour)
	at := func(days int) time.Time { return today.AddDate(0, 0, days).Add(5 * time.Minute) }
	in := func(pIn, c float64) string { return fmt.Sprintf(`{%q: [%g, %g]}`, period, pIn, c) }
	snapshotDay(t, ts, w.deal.ID, today.AddDate(0, 0, -4), at(-4), 0.40, `[{"key":"progress","contribution":0.10,"log_odds":0.4,"detail":{}}]`, `{"1999-Q1": [0.5, 0.2]}`)
	snapshotDay(t, ts, w.deal.ID, today.AddDate(0, 0, -3), at(-3), 0.40, `[{"key":"progress","contribution":0.10,"log_odds":0.4,"detail":{}}]`, in(0.5, 0.20))
	snapshotDay(t, ts, w.deal.ID, today.AddDate(0, 0, -2), at(-2), 0.401, `[{"key":"progress","contribution":0.101,"log_odds":0.4,"detail":{}}]`, in(0.5, 0.2005))
	snapshotDay(t, ts, w.deal.ID, today.AddDate(0, 0, -1), at(-1), 0.30, `[{"key":"progress","contribution":0.10,"log_odds":0.4,"detail":{}},{"key":"stale_contact","contribution":-0.10,"log_odds":-0.5,"detail":{}}]`, in(0.5, 0.15))

	// Changes made now lie between yesterday's snapshot and today's (taken after them).
	version := w.deal.Version + 1 // the deal team was set
	for i, name := range []string{"Smart city platform II", "Smart city platform III"} {
		rec := pmo.do("PATCH", "/api/v1/deals/"+w.deal.ID, `{"name":"`+name+`"}`, "If-Match", etag(version+i))
		if rec.Code != http.StatusOK {
			t.Fatalf("rename: %d %s", rec.Code, rec.Body)
		}
	}
	var total int
	if err := ts.sql.QueryRow(`SELECT count(*) FROM deal_activity WHERE deal_id = $1`, w.deal.ID).Scan(&total); err != nil {
		t.Fatal(err)
	}
	snapshotDay(t, ts, w.deal.ID, today, time.Now().UTC().Add(time.Second), 0.55, `[{"key":"progress","contribution":0.25,"log_odds":1.1,"detail":{}}]`, in(0.8, 0.44))

	tests := []struct {
		lang, staleLabel, progressLabel string
	}{
		{"en", "Stale contact", "Progress through the plan"},
		{"zh-CN", "联系久未更新", "计划推进"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			rec := pmo.do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence/history", "", "Accept-Language", tc.lang)
			if rec.Code != http.StatusOK {
				t.Fatalf("history: %d %s", rec.Code, rec.Body)
			}
			var h historyBody
			decode(t, rec, &h)
			if h.Period != period || len(h.Points) != 5 {
				t.Fatalf("period %s, %d points; want %s, 5", h.Period, len(h.Points), period)
			}
			if h.Points[0].Confidence != nil || h.Points[4].Confidence == nil || *h.Points[4].Confidence != 0.44 {
				t.Errorf("points: the first day had not the period, the last 0.44: %+v", h.Points)
			}
			// Newest first: today (progress up, all the activity), then yesterday (stale contact).
			if len(h.Moves) != 2 {
				t.Fatalf("moves: got %d, want 2 (the 0.1-point day is no move): %+v", len(h.Moves), h.Moves)
			}
			latest, earlier := h.Moves[0], h.Moves[1]
			if latest.To != today.Format(time.DateOnly) || latest.PWinBefore != 0.30 || latest.PWinAfter != 0.55 {
				t.Errorf("latest move: %+v", latest)
			}
			// Progress +15 points and the stale contact gone (+10, at least half as large).
			if len(latest.Factors) != 2 || latest.Factors[0].Label != tc.progressLabel || latest.Factors[0].After != 0.25 ||
				latest.Factors[1].Key != "stale_contact" || latest.Factors[1].After != 0 {
				t.Errorf("latest move's factors: %+v", latest.Factors)
			}
			if latest.ActivityTotal != total || len(latest.Activity) != 3 || latest.Activity[0].Action != "deal.updated" ||
				latest.Activity[0].At.Before(latest.Activity[2].At) {
				t.Errorf("latest move's activity: %d of %d, %+v; want the newest 3 of %d, a rename first", len(latest.Activity), latest.ActivityTotal, latest.Activity, total)
			}
			if len(earlier.Factors) != 1 || earlier.Factors[0].Label != tc.staleLabel || earlier.Factors[0].Before != 0 || earlier.Factors[0].After != -0.10 {
				t.Errorf("earlier move's factors: %+v", earlier.Factors)
			}
			if earlier.ActivityTotal != 0 || len(earlier.Activity) != 0 {
				t.Errorf("nothing happened between the earlier days: %+v", earlier.Activity)
			}
		})
	}
}

// TestConfidenceHistoryAccess: the history is read like the deal's confidence; a bad
// period is a 400 naming the field; a deal without snapshots has an empty history.
func TestConfidenceHistoryAccess(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	tests := []struct {
		name  string
		email string
		query string
		code  int
		field string
	}{
		{"the PMO", w.pmo.Email, "", http.StatusOK, ""},
		{"a member of the deal's team", w.teamMember.Email, "", http.StatusOK, ""},
		{"an admin, for a month", w.admin.Email, "?period=2026-11", http.StatusOK, ""},
		{"someone of another team", w.outsider.Email, "", http.StatusNotFound, ""},
		{"a bad period", w.pmo.Email, "?period=2026-Q5", http.StatusBadRequest, "period"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := w.ts.signIn(tc.email).do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence/history"+tc.query, "")
			if rec.Code != tc.code {
				t.Fatalf("got %d, want %d: %s", rec.Code, tc.code, rec.Body)
			}
			if tc.field != "" {
				var body errorBody
				decode(t, rec, &body)
				if _, ok := body.Error.Fields[tc.field]; !ok {
					t.Errorf("error names %v, want %s", body.Error.Fields, tc.field)
				}
			}
			if tc.code == http.StatusOK {
				var h historyBody
				decode(t, rec, &h)
				if len(h.Points) != 0 || len(h.Moves) != 0 {
					t.Errorf("no snapshots yet, got %+v", h)
				}
			}
		})
	}
}

// TestConfidenceHistoryIsBounded: a deal with more snapshots than the bound shows the
// newest 400 days, ending today.
func TestConfidenceHistoryIsBounded(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	ctx := context.Background()
	if _, err := w.ts.sql.ExecContext(ctx, `INSERT INTO forecast_snapshots (day) SELECT current_date - g FROM generate_series(0, 449) g`); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ts.sql.ExecContext(ctx, `INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency,
			target_close_date, forecast_category, base, p_win)
		SELECT f.day, d.id, d.team_id, d.amount_minor, d.currency, d.target_close_date, d.forecast_category, 0.3, 0.3 + (f.day - current_date + 449) / 1000.0
		FROM forecast_snapshots f, deals d WHERE d.id = $1`, w.deal.ID); err != nil {
		t.Fatal(err)
	}
	var h historyBody
	rec := w.ts.signIn(w.pmo.Email).do("GET", "/api/v1/deals/"+w.deal.ID+"/confidence/history", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("history: %d %s", rec.Code, rec.Body)
	}
	decode(t, rec, &h)
	var today, first string
	if err := w.ts.sql.QueryRow(`SELECT current_date::text, (current_date - 399)::text`).Scan(&today, &first); err != nil {
		t.Fatal(err)
	}
	if len(h.Points) != 400 || h.Points[0].Day != first || h.Points[399].Day != today {
		t.Fatalf("%d points from %s to %s; want 400 from %s to %s", len(h.Points), h.Points[0].Day, h.Points[len(h.Points)-1].Day, first, today)
	}
}
