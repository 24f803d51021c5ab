package repository

import (
	"context"

	"gorm.io/gorm"

	"summit/domain/calibration"
)

// Calibration reads the closed deals and their snapshots (calibration.Store).
type Calibration struct{ db *gorm.DB }

var _ calibration.Store = (*Calibration)(nil)

// NewCalibration returns the calibration repository over db.
func NewCalibration(db *gorm.DB) *Calibration { return &Calibration{db: db} }

// closedDealsAtLead is every won or lost deal (narrowed by segment and template) with
// its close date as the board takes it (closeDate), and the p_win of its latest
// snapshot on or before close − lead days, taken at most SnapshotWindowDays earlier:
// one row per closed deal, one index probe (deal_snapshots_deal_idx) per deal.
const closedDealsAtLead = `WITH closed AS (
	SELECT deals.id, deals.status = 'won' AS won, COALESCE(cm.completed_on, deals.target_close_date) AS closed_on
	FROM deals ` + closeDate + `
	WHERE deals.status IN ('won', 'lost')
		AND (?::text = '' OR deals.segment = ?::text)
		AND (?::text = '' OR deals.template_id = NULLIF(?::text, '')::uuid))
SELECT closed.won, s.p_win FROM closed
LEFT JOIN LATERAL (SELECT ds.p_win FROM deal_snapshots ds
	WHERE ds.deal_id = closed.id AND ds.day <= closed.closed_on - ?::int AND ds.day >= closed.closed_on - ?::int
	ORDER BY ds.day DESC LIMIT 1) s ON true`

// ClosedDeals streams the closed deals of q with their p_win at q's lead time.
func (r *Calibration) ClosedDeals(ctx context.Context, q calibration.Query, fn func(calibration.ClosedDeal) error) error {
	rows, err := conn(ctx, r.db).Raw(closedDealsAtLead, q.Segment, q.Segment, q.TemplateID, q.TemplateID,
		q.LeadDays, q.LeadDays+calibration.SnapshotWindowDays).Rows()
	if err != nil {
		return translate(err, "calibration: closed deals")
	}
	defer rows.Close()
	for rows.Next() {
		var d calibration.ClosedDeal
		if err := rows.Scan(&d.Won, &d.PWin); err != nil {
			return translate(err, "calibration: closed deals")
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return translate(rows.Err(), "calibration: closed deals")
}
