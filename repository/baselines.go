package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
)

// baselineRow is the baselines table.
type baselineRow struct {
	ID      string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID  string
	Name    string
	Reason  string
	TakenAt time.Time
	TakenBy *string
	// Committed: the one baseline of its deal that slippage is measured against.
	Committed       bool
	CommittedReason string
}

func (baselineRow) TableName() string { return "baselines" }

// baselineMilestoneRow is one milestone's dates in a baseline.
type baselineMilestoneRow struct {
	BaselineID   string `gorm:"primaryKey"`
	MilestoneID  string `gorm:"primaryKey"`
	PlannedStart time.Time
	PlannedDue   time.Time
}

func (baselineMilestoneRow) TableName() string { return "baseline_milestones" }

// ListBaselines returns a deal's baselines, newest first, each with its milestones' dates
// in plan order (two queries); an unknown deal is domain.ErrNotFound.
func (r *Deals) ListBaselines(ctx context.Context, dealID string) ([]deals.Baseline, error) {
	db := conn(ctx, r.db)
	var rows []baselineRow
	if err := db.Where("deal_id = ?", dealID).Order("taken_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, translate(err, "baselines of deal "+dealID)
	}
	if len(rows) == 0 {
		if err := dealExists(db, dealID); err != nil {
			return nil, err
		}
		return []deals.Baseline{}, nil
	}
	var dates []baselineMilestoneRow
	err := db.Table("baseline_milestones bm").Select("bm.*").
		Joins("JOIN baselines b ON b.id = bm.baseline_id").
		Joins("JOIN milestones m ON m.id = bm.milestone_id").
		Where("b.deal_id = ?", dealID).Order("m.sequence, m.id").Find(&dates).Error
	if err != nil {
		return nil, translate(err, "baseline dates")
	}
	byBaseline := map[string][]deals.BaselineMilestone{}
	for _, d := range dates {
		byBaseline[d.BaselineID] = append(byBaseline[d.BaselineID], deals.BaselineMilestone{
			MilestoneID: d.MilestoneID, PlannedStart: deals.Day(d.PlannedStart), PlannedDue: deals.Day(d.PlannedDue)})
	}
	out := make([]deals.Baseline, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainBaseline(row, byBaseline[row.ID]))
	}
	return out, nil
}

func toDomainBaseline(r baselineRow, milestones []deals.BaselineMilestone) deals.Baseline {
	if milestones == nil {
		milestones = []deals.BaselineMilestone{}
	}
	return deals.Baseline{ID: r.ID, DealID: r.DealID, Name: r.Name, Reason: r.Reason, TakenAt: r.TakenAt.UTC(),
		TakenBy: r.TakenBy, Committed: r.Committed, CommittedReason: r.CommittedReason, Milestones: milestones}
}

// TakeBaseline stores a baseline and its milestones' dates (committed when b says so:
// the deal's first one).
func (r *Deals) TakeBaseline(ctx context.Context, b deals.Baseline, act deals.Activity) (deals.Baseline, error) {
	row := baselineRow{DealID: b.DealID, Name: b.Name, Reason: b.Reason, TakenAt: b.TakenAt.UTC(), TakenBy: b.TakenBy,
		Committed: b.Committed, CommittedReason: b.CommittedReason}
	if row.TakenAt.IsZero() {
		row.TakenAt = time.Now().UTC()
	}
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "take baseline")
		}
		if len(b.Milestones) > 0 {
			dates := make([]baselineMilestoneRow, 0, len(b.Milestones))
			for _, m := range b.Milestones {
				dates = append(dates, baselineMilestoneRow{BaselineID: row.ID, MilestoneID: m.MilestoneID,
					PlannedStart: deals.Day(m.PlannedStart), PlannedDue: deals.Day(m.PlannedDue)})
			}
			if err := tx.Create(&dates).Error; err != nil {
				return translate(err, "baseline dates")
			}
		}
		return writeActivity(tx, act, row.DealID, &row.ID)
	})
	if err != nil {
		return deals.Baseline{}, err
	}
	out := b
	out.ID, out.TakenAt = row.ID, row.TakenAt
	out.Milestones = make([]deals.BaselineMilestone, 0, len(b.Milestones))
	for _, m := range b.Milestones {
		out.Milestones = append(out.Milestones, deals.BaselineMilestone{MilestoneID: m.MilestoneID,
			PlannedStart: deals.Day(m.PlannedStart), PlannedDue: deals.Day(m.PlannedDue)})
	}
	return out, nil
}

// CommitBaseline makes baselineID the deal's only committed baseline, with reason, and
// stores the activity entry, in one transaction (two UPDATEs: the partial unique index
// of migration 00011 allows one committed baseline per deal at a time). A baseline of
// another deal is domain.ErrNotFound.
func (r *Deals) CommitBaseline(ctx context.Context, dealID, baselineID, reason string, act deals.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&baselineRow{}).Where("deal_id = ? AND committed AND id <> ?", dealID, baselineID).
			Updates(map[string]any{"committed": false, "committed_reason": ""}).Error; err != nil {
			return translate(err, "uncommit baseline")
		}
		res := tx.Model(&baselineRow{}).Where("id = ? AND deal_id = ?", baselineID, dealID).
			Updates(map[string]any{"committed": true, "committed_reason": reason})
		if res.Error != nil {
			return translate(res.Error, "commit baseline")
		}
		if res.RowsAffected == 0 {
			return domain.ErrNotFound
		}
		return writeActivity(tx, act, dealID, &baselineID)
	})
}
