package repository

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
	"summit/domain/identity"
)

// teamRow is the teams table.
type teamRow struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	Name      string
	NameZh    string
	ParentID  *string
	Version   int `gorm:"default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (teamRow) TableName() string { return "teams" }
func (r teamRow) rowID() string   { return r.ID }

// teamSorts map the sort fields of identity.TeamSorts to columns.
var teamSorts = sortKeys[teamRow]{
	"name":       {"name", func(r teamRow) string { return r.Name }},
	"created_at": {"created_at", func(r teamRow) string { return timeKey(r.CreatedAt) }},
}

// teamMemberRow links a user to a team.
type teamMemberRow struct {
	TeamID string `gorm:"primaryKey"`
	UserID string `gorm:"primaryKey"`
}

func (teamMemberRow) TableName() string { return "team_members" }

func toDomainTeam(r teamRow, members []string) identity.Team {
	if members == nil {
		members = []string{}
	}
	return identity.Team{ID: r.ID, Name: r.Name, NameZh: r.NameZh, ParentID: r.ParentID, MemberIDs: members, Version: r.Version}
}

// Teams reads and writes the team tree and its members.
type Teams struct{ db *gorm.DB }

// NewTeams returns the teams repository over db.
func NewTeams(db *gorm.DB) *Teams { return &Teams{db: db} }

// ListTeams returns every team with its members, ordered by name (two queries in all).
func (r *Teams) ListTeams(ctx context.Context) ([]identity.Team, error) {
	var rows []teamRow
	if err := conn(ctx, r.db).Order("lower(name), id").Find(&rows).Error; err != nil {
		return nil, translate(err, "list teams")
	}
	var links []teamMemberRow
	if err := conn(ctx, r.db).Order("user_id").Find(&links).Error; err != nil {
		return nil, translate(err, "list team members")
	}
	members := map[string][]string{}
	for _, l := range links {
		members[l.TeamID] = append(members[l.TeamID], l.UserID)
	}
	out := make([]identity.Team, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainTeam(row, members[row.ID]))
	}
	return out, nil
}

// TeamPage pages through the teams (p.Search in their names), each with its members
// (two queries in all).
func (r *Teams) TeamPage(ctx context.Context, p domain.ListParams) (domain.Page[identity.Team], error) {
	db := conn(ctx, r.db)
	q := db.Model(&teamRow{})
	if p.Search != "" {
		like := "%" + escapeLike(p.Search) + "%"
		q = q.Where("(name ILIKE ? OR name_zh ILIKE ?)", like, like)
	}
	rows, next, err := listPage(q, teamSorts, p)
	if err != nil {
		return domain.Page[identity.Team]{}, translate(err, "list teams")
	}
	ids := make([]string, 0, len(rows))
	for _, row := range rows {
		ids = append(ids, row.ID)
	}
	members := map[string][]string{}
	if len(ids) > 0 {
		var links []teamMemberRow
		if err := db.Where("team_id IN ?", ids).Order("user_id").Find(&links).Error; err != nil {
			return domain.Page[identity.Team]{}, translate(err, "list team members")
		}
		for _, l := range links {
			members[l.TeamID] = append(members[l.TeamID], l.UserID)
		}
	}
	page := domain.Page[identity.Team]{Items: make([]identity.Team, 0, len(rows)), Next: next}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainTeam(row, members[row.ID]))
	}
	return page, nil
}

// TeamByID returns one team with its members.
func (r *Teams) TeamByID(ctx context.Context, id string) (identity.Team, error) {
	return teamByID(conn(ctx, r.db), id)
}

func teamByID(tx *gorm.DB, id string) (identity.Team, error) {
	var row teamRow
	if err := tx.Take(&row, "id = ?", id).Error; err != nil {
		return identity.Team{}, translate(err, "team "+id)
	}
	var members []string
	if err := tx.Model(&teamMemberRow{}).Where("team_id = ?", id).Order("user_id").Pluck("user_id", &members).Error; err != nil {
		return identity.Team{}, translate(err, "team members")
	}
	return toDomainTeam(row, members), nil
}

// Tree returns every team's parent link.
func (r *Teams) Tree(ctx context.Context) (identity.TeamTree, error) {
	var rows []teamRow
	if err := conn(ctx, r.db).Select("id", "parent_id").Find(&rows).Error; err != nil {
		return nil, translate(err, "team tree")
	}
	tree := make(identity.TeamTree, len(rows))
	for _, row := range rows {
		tree[row.ID] = row.ParentID
	}
	return tree, nil
}

// CreateTeam stores a new team; a sibling with the same name is domain.ErrConflict.
func (r *Teams) CreateTeam(ctx context.Context, t identity.Team, ev identity.AuditEvent) (identity.Team, error) {
	row := teamRow{Name: t.Name, NameZh: t.NameZh, ParentID: t.ParentID, Version: 1}
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create team")
		}
		return writeAudit(tx, ev, &row.ID)
	})
	return toDomainTeam(row, nil), err
}

// UpdateTeam stores a renamed or moved team if its version is still expected.
func (r *Teams) UpdateTeam(ctx context.Context, t identity.Team, expected int, ev identity.AuditEvent) (identity.Team, error) {
	var out identity.Team
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := updateVersioned(tx, &teamRow{}, t.ID, expected, map[string]any{"name": t.Name, "name_zh": t.NameZh, "parent_id": t.ParentID}); err != nil {
			return err
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		var err error
		out, err = teamByID(tx, t.ID)
		return err
	})
	return out, err
}

// DeleteTeam removes a team that has no sub-teams (and, through foreign keys, no deals).
func (r *Teams) DeleteTeam(ctx context.Context, id string, expected int, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		var children int64
		if err := tx.Model(&teamRow{}).Where("parent_id = ?", id).Count(&children).Error; err != nil {
			return translate(err, "count sub-teams")
		}
		if children > 0 {
			return fmt.Errorf("team %s has %d sub-teams: %w", id, children, domain.ErrConflict)
		}
		res := tx.Where("id = ? AND version = ?", id, expected).Delete(&teamRow{})
		if res.Error != nil {
			return translate(res.Error, "delete team")
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete team %s: %w", id, domain.ErrStaleVersion)
		}
		return writeAudit(tx, ev, nil)
	})
}

// SetMembers replaces a team's members if its version is still expected; an unknown
// user id is domain.ErrConflict.
func (r *Teams) SetMembers(ctx context.Context, teamID string, userIDs []string, expected int, ev identity.AuditEvent) (identity.Team, error) {
	var out identity.Team
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := updateVersioned(tx, &teamRow{}, teamID, expected, map[string]any{}); err != nil {
			return err
		}
		if err := tx.Where("team_id = ?", teamID).Delete(&teamMemberRow{}).Error; err != nil {
			return translate(err, "clear team members")
		}
		if err := addMembers(tx, teamID, userIDs); err != nil {
			return err
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		var err error
		out, err = teamByID(tx, teamID)
		return err
	})
	return out, err
}

// TeamIDsOf lists the teams userID is a direct member of.
func (r *Teams) TeamIDsOf(ctx context.Context, userID string) ([]string, error) {
	var ids []string
	err := conn(ctx, r.db).Model(&teamMemberRow{}).Where("user_id = ?", userID).Order("team_id").Pluck("team_id", &ids).Error
	return ids, translate(err, "teams of user")
}

// ByName finds the child of parentID (nil: a root team) with this name, any case.
func (r *Teams) ByName(ctx context.Context, parentID *string, name string) (identity.Team, error) {
	q := conn(ctx, r.db).Where("lower(name) = lower(?)", name)
	if parentID == nil {
		q = q.Where("parent_id IS NULL")
	} else {
		q = q.Where("parent_id = ?", *parentID)
	}
	var row teamRow
	if err := q.Take(&row).Error; err != nil {
		return identity.Team{}, translate(err, "team by name")
	}
	return toDomainTeam(row, nil), nil
}

// AddMembers puts users in a team; those already in it stay as they are.
func (r *Teams) AddMembers(ctx context.Context, teamID string, userIDs ...string) error {
	return addMembers(conn(ctx, r.db), teamID, userIDs)
}

func addMembers(tx *gorm.DB, teamID string, userIDs []string) error {
	userIDs = slices.Compact(slices.Sorted(slices.Values(userIDs)))
	if len(userIDs) == 0 {
		return nil
	}
	rows := make([]teamMemberRow, 0, len(userIDs))
	for _, id := range userIDs {
		rows = append(rows, teamMemberRow{TeamID: teamID, UserID: id})
	}
	err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rows).Error
	return translate(err, "add team members")
}
