package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
	"summit/domain/deals"
)

// planImportRow is the plan_imports table.
type planImportRow struct {
	ID              string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID          string
	ActorID         *string
	At              time.Time
	Mode            string
	Summary         jsonValue[deals.ImportSummary]
	BeforePlan      jsonValue[[]deals.Milestone]
	BeforeBaselines jsonValue[[]deals.BaselineDate]
	AfterStamp      string
	DealVersion     int
	UndoneAt        *time.Time
}

func (planImportRow) TableName() string { return "plan_imports" }

// SavePlanImport stores imp as the deal's one recorded import.
func (r *Deals) SavePlanImport(ctx context.Context, imp deals.PlanImport) (deals.PlanImport, error) {
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("deal_id = ?", imp.DealID).Delete(&planImportRow{}).Error; err != nil {
			return translate(err, "forget earlier imports")
		}
		before := imp.BeforeBaselines
		if before == nil {
			before = []deals.BaselineDate{}
		}
		row := planImportRow{DealID: imp.DealID, ActorID: imp.ActorID, At: imp.At, Mode: string(imp.Mode),
			Summary: jsonValue[deals.ImportSummary]{imp.Summary}, BeforePlan: jsonValue[[]deals.Milestone]{imp.Before},
			BeforeBaselines: jsonValue[[]deals.BaselineDate]{before}, AfterStamp: imp.AfterStamp, DealVersion: imp.DealVersion}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "record plan import")
		}
		imp.ID = row.ID
		return nil
	})
	return imp, err
}

// PlanImport reads the deal's recorded import id.
func (r *Deals) PlanImport(ctx context.Context, dealID, id string) (deals.PlanImport, error) {
	if _, err := uuid.Parse(id); err != nil {
		return deals.PlanImport{}, fmt.Errorf("plan import %q: %w", id, domain.ErrNotFound)
	}
	var row planImportRow
	if err := conn(ctx, r.db).Where("id = ? AND deal_id = ?", id, dealID).Take(&row).Error; err != nil {
		return deals.PlanImport{}, translate(err, "plan import "+id)
	}
	return deals.PlanImport{ID: row.ID, DealID: row.DealID, ActorID: row.ActorID, At: row.At, Mode: deals.ImportMode(row.Mode),
		Summary: row.Summary.V, Before: row.BeforePlan.V, BeforeBaselines: row.BeforeBaselines.V, AfterStamp: row.AfterStamp,
		DealVersion: row.DealVersion, UndoneAt: row.UndoneAt}, nil
}

// MarkPlanImportUndone records that import id was undone.
func (r *Deals) MarkPlanImportUndone(ctx context.Context, id string) error {
	res := conn(ctx, r.db).Model(&planImportRow{}).Where("id = ? AND undone_at IS NULL", id).Update("undone_at", time.Now().UTC())
	if res.Error != nil {
		return translate(res.Error, "mark import undone")
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("plan import %s: %w", id, domain.ErrConflict)
	}
	return nil
}

// BaselineDates are the dates of the deal's milestones in each of its baselines.
func (r *Deals) BaselineDates(ctx context.Context, dealID string) ([]deals.BaselineDate, error) {
	var rows []baselineMilestoneRow
	err := conn(ctx, r.db).Table("baseline_milestones bm").Select("bm.*").
		Joins("JOIN baselines b ON b.id = bm.baseline_id").Where("b.deal_id = ?", dealID).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "baseline dates of deal "+dealID)
	}
	out := make([]deals.BaselineDate, len(rows))
	for i, row := range rows {
		out[i] = deals.BaselineDate{BaselineID: row.BaselineID, MilestoneID: row.MilestoneID,
			PlannedStart: deals.Day(row.PlannedStart), PlannedDue: deals.Day(row.PlannedDue)}
	}
	return out, nil
}

// ApplyPlanChange writes ch in one transaction: removes, inserts (new ids for
// deals.NewMilestonePrefix ones, the given id otherwise), versioned updates, the plan's
// order, its dependency links rewritten whole, baseline dates put back, the activity
// entry; the deal's version moves on and is returned.
func (r *Deals) ApplyPlanChange(ctx context.Context, dealID string, ch deals.PlanChange, act deals.Activity) (int, error) {
	var version int
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var deal dealRow
		res := tx.Model(&deal).Clauses(clause.Returning{Columns: []clause.Column{{Name: "version"}}}).Where("id = ?", dealID).
			Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()})
		if res.Error != nil {
			return translate(res.Error, "bump deal version")
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("deal %s: %w", dealID, domain.ErrNotFound)
		}
		version = deal.Version
		if len(ch.Remove) > 0 {
			removed := make([]string, len(ch.Remove))
			for i, m := range ch.Remove {
				removed[i] = m.ID
			}
			if err := tx.Where("deal_id = ? AND id IN ?", dealID, removed).Delete(&milestoneRow{}).Error; err != nil {
				return translate(err, "remove milestones")
			}
		}
		adds, updates := setOf(ch.Add), setOf(ch.Update)
		ids := map[string]string{} // id in ch.Plan -> stored id
		for _, m := range ch.Plan {
			ids[m.ID] = m.ID
		}
		var inserts []milestoneRow
		for _, m := range ch.Plan {
			if !adds[m.ID] {
				continue
			}
			row := toMilestoneRow(m)
			if strings.HasPrefix(m.ID, deals.NewMilestonePrefix) {
				row.ID, row.Version = uuid.NewString(), 1
			} else if row.Version < 1 {
				row.Version = 1
			}
			ids[m.ID] = row.ID
			row.DealID = dealID
			inserts = append(inserts, row)
		}
		if len(inserts) > 0 {
			if err := tx.Omit("BaselineDue").CreateInBatches(&inserts, milestoneBatch).Error; err != nil {
				return translate(err, "add milestones")
			}
		}
		for _, m := range ch.Plan {
			if !updates[m.ID] {
				continue
			}
			err := updateVersioned(tx, &milestoneRow{}, m.ID, m.Version, map[string]any{
				"name": m.Name, "name_zh": m.NameZh, "owner_role": string(m.OwnerRole), "weight": m.Weight, "gate": m.Gate,
				"planned_start": deals.Day(m.PlannedStart), "planned_due": deals.Day(m.PlannedDue), "status": string(m.Status),
				"status_reason": m.StatusReason, "completed_on": dayPtr(m.CompletedOn), "exit_criteria": m.ExitCriteria,
			})
			if err != nil {
				return err
			}
		}
		order := make([]string, len(ch.Plan))
		var deps []dependencyRow
		for i, m := range ch.Plan {
			order[i] = ids[m.ID]
			for _, d := range m.DependsOn {
				target, ok := ids[d]
				if !ok {
					return domain.Invalid("depends_on", "exists", d)
				}
				deps = append(deps, dependencyRow{MilestoneID: ids[m.ID], DependsOnID: target})
			}
		}
		if len(order) > 0 {
			array := "{" + strings.Join(order, ",") + "}"
			if err := tx.Exec(`UPDATE milestones SET sequence = array_position(?::uuid[], id)
				WHERE deal_id = ? AND sequence IS DISTINCT FROM array_position(?::uuid[], id)`, array, dealID, array).Error; err != nil {
				return translate(err, "order plan")
			}
		}
		if err := tx.Exec(`DELETE FROM milestone_dependencies md USING milestones m
			WHERE m.id = md.milestone_id AND m.deal_id = ?`, dealID).Error; err != nil {
			return translate(err, "clear dependencies")
		}
		if err := insertDependencies(tx, deps); err != nil {
			return err
		}
		for _, b := range ch.Baselines {
			if err := tx.Exec(`INSERT INTO baseline_milestones (baseline_id, milestone_id, planned_start, planned_due)
				SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM baselines WHERE id = ? AND deal_id = ?)
				AND EXISTS (SELECT 1 FROM milestones WHERE id = ? AND deal_id = ?) ON CONFLICT DO NOTHING`,
				b.BaselineID, b.MilestoneID, deals.Day(b.PlannedStart), deals.Day(b.PlannedDue), b.BaselineID, dealID, b.MilestoneID, dealID).Error; err != nil {
				return translate(err, "restore baseline dates")
			}
		}
		return writeActivity(tx, act, dealID, &dealID)
	})
	return version, err
}

func setOf(ids []string) map[string]bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}
