package repository

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain/identity"
)

// teamRow is the teams table.
type teamRow struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	Name      string
	ParentID  *string
	Version   int `gorm:"default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (teamRow) TableName() string { return "teams" }

// teamMemberRow links a user to a team.
type teamMemberRow struct {
	TeamID string `gorm:"primaryKey"`
	UserID string `gorm:"primaryKey"`
}

func (teamMemberRow) TableName() string { return "team_members" }

func toDomainTeam(r teamRow, members []string) identity.Team {
	return identity.Team{ID: r.ID, Name: r.Name, ParentID: r.ParentID, MemberIDs: members, Version: r.Version}
}

// Teams reads and writes the team tree and its members.
type Teams struct{ db *gorm.DB }

// NewTeams returns the teams repository over db.
func NewTeams(db *gorm.DB) *Teams { return &Teams{db: db} }

// Create stores a new team; a sibling with the same name is domain.ErrConflict.
func (r *Teams) Create(ctx context.Context, t identity.Team) (identity.Team, error) {
	row := teamRow{Name: t.Name, ParentID: t.ParentID}
	if err := r.db.WithContext(ctx).Create(&row).Error; err != nil {
		return identity.Team{}, translate(err, "create team")
	}
	return toDomainTeam(row, nil), nil
}

// ByName finds the child of parentID (nil: a root team) with this name, any case.
func (r *Teams) ByName(ctx context.Context, parentID *string, name string) (identity.Team, error) {
	q := r.db.WithContext(ctx).Where("lower(name) = lower(?)", name)
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
	if len(userIDs) == 0 {
		return nil
	}
	rows := make([]teamMemberRow, 0, len(userIDs))
	for _, id := range userIDs {
		rows = append(rows, teamMemberRow{TeamID: teamID, UserID: id})
	}
	err := r.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rows).Error
	return translate(err, "add team members")
}
