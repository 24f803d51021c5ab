package repository

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
)

// milestoneRow is the milestones table.
type milestoneRow struct {
	ID           string `gorm:"primaryKey;default:gen_random_uuid()"`
	DealID       string
	Sequence     int
	Key          string
	Name         string
	NameZh       string
	OwnerRole    string
	AssigneeID   *string
	Weight       int
	Gate         bool
	PlannedStart time.Time
	PlannedDue   time.Time
	BaselineDue  *time.Time `gorm:"->;-:migration"` // read-only, from the committed baseline
	// DependsOn are the milestones it depends on, by their place in the plan (read-only,
	// milestonesWithBaseline).
	DependsOn      jsonValue[[]string] `gorm:"column:depends_on_ids;->;-:migration"`
	Status         string
	StatusReason   string
	CompletedOn    *time.Time
	ExitCriteria   string
	ExitCriteriaZh string
	Version        int `gorm:"default:1"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (milestoneRow) TableName() string { return "milestones" }

// dependencyRow is one finish-to-start link: MilestoneID starts after DependsOnID.
type dependencyRow struct {
	MilestoneID string `gorm:"primaryKey"`
	DependsOnID string `gorm:"primaryKey"`
}

func (dependencyRow) TableName() string { return "milestone_dependencies" }

func dayPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	d := deals.Day(*t)
	return &d
}

func toMilestoneRow(m deals.Milestone) milestoneRow {
	return milestoneRow{ID: m.ID, DealID: m.DealID, Sequence: m.Sequence, Key: m.Key, Name: m.Name, NameZh: m.NameZh,
		OwnerRole: string(m.OwnerRole), AssigneeID: m.AssigneeID, Weight: m.Weight, Gate: m.Gate,
		PlannedStart: deals.Day(m.PlannedStart), PlannedDue: deals.Day(m.PlannedDue), Status: string(m.Status),
		StatusReason: m.StatusReason, CompletedOn: dayPtr(m.CompletedOn), ExitCriteria: m.ExitCriteria, ExitCriteriaZh: m.ExitCriteriaZh, Version: m.Version}
}

func toDomainMilestone(r milestoneRow, dependsOn []string) deals.Milestone {
	if dependsOn == nil {
		dependsOn = []string{}
	}
	return deals.Milestone{ID: r.ID, DealID: r.DealID, Sequence: r.Sequence, Key: r.Key, Name: r.Name, NameZh: r.NameZh,
		OwnerRole: deals.OwnerRole(r.OwnerRole), AssigneeID: r.AssigneeID, Weight: r.Weight, Gate: r.Gate,
		PlannedStart: deals.Day(r.PlannedStart), PlannedDue: deals.Day(r.PlannedDue), BaselineDue: dayPtr(r.BaselineDue),
		Status: deals.MilestoneStatus(r.Status), StatusReason: r.StatusReason, CompletedOn: dayPtr(r.CompletedOn),
		ExitCriteria: r.ExitCriteria, ExitCriteriaZh: r.ExitCriteriaZh, DependsOn: dependsOn, Version: r.Version}
}

// milestonesWithBaseline selects milestones with their due date in the committed
// baseline of their deal (deals.CommittedBaseline; migration 00011) (NULL when there is none or the milestone is newer than it) and their
// dependencies ordered by the dependency's place (depends_on_ids): a plan in one query.
func milestonesWithBaseline(tx *gorm.DB) *gorm.DB {
	return tx.Table("milestones").Select(`milestones.*, bm.planned_due AS baseline_due,
		COALESCE((SELECT json_agg(md.depends_on_id ORDER BY d.sequence, d.id) FROM milestone_dependencies md
			JOIN milestones d ON d.id = md.depends_on_id WHERE md.milestone_id = milestones.id), '[]') AS depends_on_ids`).
		Joins(`LEFT JOIN baselines cb ON cb.deal_id = milestones.deal_id AND cb.committed`).
		Joins(`LEFT JOIN baseline_milestones bm ON bm.milestone_id = milestones.id AND bm.baseline_id = cb.id`)
}

// Plan returns a deal's milestones in sequence order with their dependencies and
// baseline due dates (one query); an unknown deal is domain.ErrNotFound.
func (r *Deals) Plan(ctx context.Context, dealID string) ([]deals.Milestone, error) {
	return planOf(conn(ctx, r.db), dealID)
}

func planOf(tx *gorm.DB, dealID string) ([]deals.Milestone, error) {
	var rows []milestoneRow
	err := milestonesWithBaseline(tx).Where("milestones.deal_id = ?", dealID).
		Order("milestones.sequence, milestones.id").Find(&rows).Error
	if err != nil {
		return nil, translate(err, "plan of deal "+dealID)
	}
	if len(rows) == 0 {
		if err := dealExists(tx, dealID); err != nil {
			return nil, err
		}
		return []deals.Milestone{}, nil
	}
	out := make([]deals.Milestone, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainMilestone(row, row.DependsOn.V))
	}
	return out, nil
}

// dealExists is domain.ErrNotFound when there is no deal id.
func dealExists(tx *gorm.DB, id string) error {
	var n int64
	if err := tx.Model(&dealRow{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return translate(err, "deal "+id)
	}
	if n == 0 {
		return fmt.Errorf("deal %s: %w", id, domain.ErrNotFound)
	}
	return nil
}

// Milestone returns one milestone with its dependencies and baseline due date.
func (r *Deals) Milestone(ctx context.Context, id string) (deals.Milestone, error) {
	return milestoneByID(conn(ctx, r.db), id)
}

func milestoneByID(tx *gorm.DB, id string) (deals.Milestone, error) {
	var row milestoneRow
	if err := milestonesWithBaseline(tx).Where("milestones.id = ?", id).Take(&row).Error; err != nil {
		return deals.Milestone{}, translate(err, "milestone "+id)
	}
	return toDomainMilestone(row, row.DependsOn.V), nil
}

// insertDependencies stores dependency links; one to a missing milestone is
// domain.ErrConflict.
func insertDependencies(tx *gorm.DB, deps []dependencyRow) error {
	if len(deps) == 0 {
		return nil
	}
	return translate(tx.CreateInBatches(&deps, dependencyBatch).Error, "add milestone dependencies")
}

// An INSERT carries at most 65,535 parameters in PostgreSQL's protocol: a milestone row
// has about 20 columns and a dependency 2, so plans go in batches well under that (in
// the caller's transaction, so a failing batch still changes nothing).
const (
	milestoneBatch  = 1000
	dependencyBatch = 10000
)

func dependencyRows(id string, dependsOn []string) []dependencyRow {
	rows := make([]dependencyRow, 0, len(dependsOn))
	seen := map[string]bool{}
	for _, dep := range dependsOn {
		if !seen[dep] {
			seen[dep] = true
			rows = append(rows, dependencyRow{MilestoneID: id, DependsOnID: dep})
		}
	}
	return rows
}

// CreateMilestone stores a new milestone of m.DealID at m.Sequence with its dependencies.
func (r *Deals) CreateMilestone(ctx context.Context, m deals.Milestone, act deals.Activity) (deals.Milestone, error) {
	row := toMilestoneRow(m)
	row.ID, row.Version = "", 1
	var out deals.Milestone
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("BaselineDue").Create(&row).Error; err != nil {
			return translate(err, "create milestone")
		}
		if err := insertDependencies(tx, dependencyRows(row.ID, m.DependsOn)); err != nil {
			return err
		}
		if err := writeActivity(tx, act, row.DealID, &row.ID); err != nil {
			return err
		}
		var err error
		out, err = milestoneByID(tx, row.ID)
		return err
	})
	return out, err
}

// UpdateMilestone writes m's fields and its activity entry (one statement) and replaces
// its dependencies if its version is still expected. Its deal, key and sequence stay
// (Reorder changes the sequence).
func (r *Deals) UpdateMilestone(ctx context.Context, m deals.Milestone, expected int, relink bool, act deals.Activity) (deals.Milestone, error) {
	row := toMilestoneRow(m)
	logged, err := activityRowOf(act, m.DealID, &m.ID)
	if err != nil {
		return deals.Milestone{}, err
	}
	var stored milestoneRow
	err = writeTx(ctx, r.db, func(tx *gorm.DB) error {
		err := updateVersionedLogged(tx, "milestones", &stored, m.ID, expected, map[string]any{
			"name": row.Name, "name_zh": row.NameZh, "owner_role": row.OwnerRole, "assignee_id": row.AssigneeID,
			"weight": row.Weight, "gate": row.Gate, "planned_start": row.PlannedStart, "planned_due": row.PlannedDue,
			"status": row.Status, "status_reason": row.StatusReason, "completed_on": row.CompletedOn,
			"exit_criteria": row.ExitCriteria, "exit_criteria_zh": row.ExitCriteriaZh,
		}, logged)
		if err != nil {
			return err
		}
		if relink {
			if err := tx.Where("milestone_id = ?", m.ID).Delete(&dependencyRow{}).Error; err != nil {
				return translate(err, "clear milestone dependencies")
			}
			if err := insertDependencies(tx, dependencyRows(m.ID, m.DependsOn)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return deals.Milestone{}, err
	}
	// The row as the UPDATE returned it; the baseline date is not the UPDATE's to change.
	out := toDomainMilestone(stored, m.DependsOn)
	out.BaselineDue = m.BaselineDue
	return out, nil
}

// DeleteMilestone removes a milestone at version (its dependency links and baseline dates
// go with it) and renumbers the rest of the plan 1..n.
func (r *Deals) DeleteMilestone(ctx context.Context, id string, expected int, act deals.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var row milestoneRow
		if err := tx.Select("id", "deal_id").Take(&row, "id = ?", id).Error; err != nil {
			return translate(err, "milestone "+id)
		}
		if err := deleteVersioned(tx, &milestoneRow{}, id, expected); err != nil {
			return err
		}
		err := tx.Exec(`UPDATE milestones m SET sequence = r.n
			FROM (SELECT id, row_number() OVER (ORDER BY sequence, id) AS n FROM milestones WHERE deal_id = ?) r
			WHERE m.id = r.id AND m.sequence <> r.n`, row.DealID).Error
		if err != nil {
			return translate(err, "renumber plan")
		}
		return writeActivity(tx, act, row.DealID, &row.ID)
	})
}

// ApplyMoves gives each milestone its new dates if it is still at its version: all or
// none (domain.ErrStaleVersion), with one activity entry.
func (r *Deals) ApplyMoves(ctx context.Context, dealID string, moves []deals.VersionedMove, act deals.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		for _, mv := range moves {
			err := updateVersioned(tx, &milestoneRow{}, mv.MilestoneID, mv.Version, map[string]any{
				"planned_start": deals.Day(mv.ToStart), "planned_due": deals.Day(mv.ToDue),
			})
			if err != nil {
				return err
			}
		}
		return writeActivity(tx, act, dealID, nil)
	})
}

// Reorder numbers the deal's milestones in the order of ids (1..n) and bumps the deal's
// version. If the plan gained or lost milestones meanwhile, nothing changes
// (domain.ErrStaleVersion).
func (r *Deals) Reorder(ctx context.Context, dealID string, ids []string, act deals.Activity) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := bumpDealVersion(tx, dealID); err != nil {
			return err
		}
		var count int64
		if err := tx.Model(&milestoneRow{}).Where("deal_id = ?", dealID).Count(&count).Error; err != nil {
			return translate(err, "reorder plan")
		}
		if count != int64(len(ids)) {
			return fmt.Errorf("reorder plan of %s: %d ids for %d milestones: %w", dealID, len(ids), count, domain.ErrStaleVersion)
		}
		if len(ids) > 0 {
			// The ids travel as one uuid[] literal; the cast rejects anything but UUIDs.
			array := "{" + strings.Join(ids, ",") + "}"
			res := tx.Exec(`UPDATE milestones SET sequence = array_position(?::uuid[], id), updated_at = now()
				WHERE deal_id = ? AND id = ANY(?::uuid[])`, array, dealID, array)
			if res.Error != nil {
				return translate(res.Error, "reorder plan")
			}
			if res.RowsAffected != int64(len(ids)) {
				return fmt.Errorf("reorder plan of %s: %w", dealID, domain.ErrStaleVersion)
			}
		}
		return writeActivity(tx, act, dealID, &dealID)
	})
}

// bumpDealVersion moves the deal's version on after a change to its whole plan.
func bumpDealVersion(tx *gorm.DB, dealID string) error {
	res := tx.Model(&dealRow{}).Where("id = ?", dealID).
		Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return translate(res.Error, "bump deal version")
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("deal %s: %w", dealID, domain.ErrNotFound)
	}
	return nil
}
