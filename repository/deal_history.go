package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain/dealhistory"
	"summit/domain/deals"
)

// DealHistory reads a deal's snapshots and the activity between them
// (dealhistory.Store): two queries whatever the length of the history.
type DealHistory struct{ db *gorm.DB }

var _ dealhistory.Store = (*DealHistory)(nil)

// NewDealHistory returns the deal history repository over db.
func NewDealHistory(db *gorm.DB) *DealHistory { return &DealHistory{db: db} }

// Snapshots reads the deal's newest limit snapshots (deal_snapshots_deal_idx), oldest
// first. A snapshot's moment is its day's taken_at, or the end of its day when it was
// taken after that (a past day computed by hand, a simulated day).
func (r *DealHistory) Snapshots(ctx context.Context, dealID, period string, limit int) ([]dealhistory.Snapshot, error) {
	rows, err := conn(ctx, r.db).Raw(`SELECT s.day, least(f.taken_at, (s.day + 1)::timestamp AT TIME ZONE 'UTC'), s.p_win,
			s.factors, s.periods -> ?
		FROM deal_snapshots s JOIN forecast_snapshots f ON f.day = s.day
		WHERE s.deal_id = ? ORDER BY s.day DESC LIMIT ?`, period, dealID, limit).Rows()
	if err != nil {
		return nil, translate(err, "deal history: snapshots")
	}
	type row struct {
		day, moment time.Time
		pWin        float64
		factors     []byte
		period      []byte
	}
	got, err := scanAll(rows, func(r *row) []any { return []any{&r.day, &r.moment, &r.pWin, &r.factors, &r.period} })
	if err != nil {
		return nil, translate(err, "deal history: snapshots")
	}
	out := make([]dealhistory.Snapshot, len(got))
	for i, g := range got {
		s := dealhistory.Snapshot{Day: g.day.UTC(), Moment: g.moment, PWin: g.pWin}
		var factors []storedFactor
		if err := json.Unmarshal(g.factors, &factors); err != nil {
			return nil, fmt.Errorf("deal history: factors of %s: %w", g.day.Format(time.DateOnly), err)
		}
		for _, f := range factors {
			s.Factors = append(s.Factors, dealhistory.Factor{Key: f.Key, Contribution: f.Contribution})
		}
		if len(g.period) > 0 {
			var pair []float64 // [p_in_period, confidence]
			if err := json.Unmarshal(g.period, &pair); err != nil || len(pair) != 2 {
				return nil, fmt.Errorf("deal history: period figures of %s: %s", g.day.Format(time.DateOnly), g.period)
			}
			s.Period = &dealhistory.PeriodFigures{PInPeriod: pair[0], Confidence: pair[1]}
		}
		out[len(got)-1-i] = s
	}
	return out, nil
}

// ActivityIn reads, in one statement, each span's newest perSpan entries of the deal's
// activity and the count of all of them (deal_activity_deal_idx: two range scans a span).
func (r *DealHistory) ActivityIn(ctx context.Context, dealID string, spans []dealhistory.Span, perSpan int) ([]dealhistory.SpanActivity, error) {
	out := make([]dealhistory.SpanActivity, len(spans))
	if len(spans) == 0 {
		return out, nil
	}
	after, until := make(pgArray, len(spans)), make(pgArray, len(spans))
	for i, s := range spans {
		after[i], until[i] = s.After.UTC().Format(time.RFC3339Nano), s.Until.UTC().Format(time.RFC3339Nano)
	}
	rows, err := conn(ctx, r.db).Raw(`SELECT sp.i, c.total, a.id, a.at, a.actor_id, u.name, a.action, a.entity_type, a.entity_id, a.before, a.after
		FROM unnest(?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY AS sp(after_at, until_at, i)
		CROSS JOIN LATERAL (SELECT count(*) AS total FROM deal_activity x
			WHERE x.deal_id = ? AND x.at > sp.after_at AND x.at <= sp.until_at) c
		JOIN LATERAL (SELECT * FROM deal_activity x WHERE x.deal_id = ? AND x.at > sp.after_at AND x.at <= sp.until_at
			ORDER BY x.at DESC, x.id DESC LIMIT ?) a ON true
		LEFT JOIN users u ON u.id = a.actor_id
		ORDER BY sp.i, a.at DESC, a.id DESC`, after, until, dealID, dealID, perSpan).Rows()
	if err != nil {
		return nil, translate(err, "deal history: activity")
	}
	defer rows.Close()
	for rows.Next() {
		var (
			i                 int
			total             int
			before, afterJSON []byte
			a                 deals.Activity
		)
		if err := rows.Scan(&i, &total, &a.ID, &a.At, &a.ActorID, &a.ActorName, &a.Action, &a.EntityType, &a.EntityID, &before, &afterJSON); err != nil {
			return nil, translate(err, "deal history: activity")
		}
		if i < 1 || i > len(out) {
			continue
		}
		a.DealID = dealID
		if err := decodeJSON(before, &a.Before); err != nil {
			return nil, err
		}
		if err := decodeJSON(afterJSON, &a.After); err != nil {
			return nil, err
		}
		out[i-1].Total = total
		out[i-1].Entries = append(out[i-1].Entries, a)
	}
	return out, translate(rows.Err(), "deal history: activity")
}
