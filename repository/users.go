package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/identity"
)

// userRow is the users table as GORM sees it.
type userRow struct {
	ID           string `gorm:"primaryKey;default:gen_random_uuid()"`
	Email        string
	Name         string
	Role         string
	Locale       string
	Active       bool
	PasswordHash string
	Version      int `gorm:"default:1"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (userRow) TableName() string { return "users" }
func (r userRow) rowID() string   { return r.ID }

func toUserRow(u identity.User) userRow {
	return userRow{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Locale: string(u.Locale),
		Active: u.Active, PasswordHash: u.PasswordHash, Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func toDomainUser(r userRow) identity.User {
	return identity.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: identity.Role(r.Role), Locale: identity.Locale(r.Locale),
		Active: r.Active, PasswordHash: r.PasswordHash, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// userSorts map the sort fields of identity.UserSorts to columns.
var userSorts = sortKeys[userRow]{
	"name":       {"name", func(r userRow) string { return r.Name }},
	"email":      {"email", func(r userRow) string { return r.Email }},
	"created_at": {"created_at", func(r userRow) string { return timeKey(r.CreatedAt) }},
}

// Users reads and writes users.
type Users struct{ db *gorm.DB }

// NewUsers returns the users repository over db.
func NewUsers(db *gorm.DB) *Users { return &Users{db: db} }

// CreateUser stores a new user and its audit event; a taken email is domain.ErrConflict.
func (r *Users) CreateUser(ctx context.Context, u identity.User, ev identity.AuditEvent) (identity.User, error) {
	row := toUserRow(u)
	row.ID, row.Version = "", 1
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create user")
		}
		return writeAudit(tx, ev, &row.ID)
	})
	if err != nil {
		return identity.User{}, err
	}
	return toDomainUser(row), nil
}

// UpdateUser stores u if its stored version is still expected; with revokeAccess the
// user's sessions and API tokens are deleted in the same transaction.
func (r *Users) UpdateUser(ctx context.Context, u identity.User, expected int, ev identity.AuditEvent, revokeAccess bool) (identity.User, error) {
	var out userRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &userRow{}, u.ID, expected, map[string]any{
			"name": u.Name, "role": string(u.Role), "locale": string(u.Locale), "active": u.Active, "password_hash": u.PasswordHash,
		})
		if err != nil {
			return err
		}
		if revokeAccess {
			if err := tx.Where("user_id = ?", u.ID).Delete(&sessionRow{}).Error; err != nil {
				return translate(err, "revoke sessions")
			}
			if err := tx.Where("user_id = ?", u.ID).Delete(&tokenRow{}).Error; err != nil {
				return translate(err, "revoke tokens")
			}
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
		return translate(tx.Take(&out, "id = ?", u.ID).Error, "reload user")
	})
	if err != nil {
		return identity.User{}, err
	}
	users, err := withTeams(conn(ctx, r.db), []userRow{out})
	if err != nil {
		return identity.User{}, err
	}
	return users[0], nil
}

// UserByID finds a user by id, with the teams they belong to.
func (r *Users) UserByID(ctx context.Context, id string) (identity.User, error) {
	var row userRow
	if err := conn(ctx, r.db).Take(&row, "id = ?", id).Error; err != nil {
		return identity.User{}, translate(err, "user "+id)
	}
	users, err := withTeams(conn(ctx, r.db), []userRow{row})
	if err != nil {
		return identity.User{}, err
	}
	return users[0], nil
}

// withTeams converts rows to users and fills their team ids with one query.
func withTeams(tx *gorm.DB, rows []userRow) ([]identity.User, error) {
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	var links []teamMemberRow
	if len(ids) > 0 {
		if err := tx.Where("user_id IN ?", ids).Order("team_id").Find(&links).Error; err != nil {
			return nil, translate(err, "teams of users")
		}
	}
	teams := map[string][]string{}
	for _, l := range links {
		teams[l.UserID] = append(teams[l.UserID], l.TeamID)
	}
	out := make([]identity.User, 0, len(rows))
	for _, r := range rows {
		u := toDomainUser(r)
		u.TeamIDs = teams[r.ID]
		if u.TeamIDs == nil {
			u.TeamIDs = []string{}
		}
		out = append(out, u)
	}
	return out, nil
}

// UserByEmail finds a user by email, whatever its case.
func (r *Users) UserByEmail(ctx context.Context, email string) (identity.User, error) {
	var row userRow
	err := conn(ctx, r.db).Where("lower(email) = ?", identity.NormalizeEmail(email)).Take(&row).Error
	if err != nil {
		return identity.User{}, translate(err, "user by email")
	}
	return toDomainUser(row), nil
}

// ListUsers pages through users, optionally filtered by a search over name and email
// and by active state.
func (r *Users) ListUsers(ctx context.Context, f identity.UserFilter, p domain.ListParams) (domain.Page[identity.User], error) {
	q := conn(ctx, r.db).Model(&userRow{})
	if p.Search != "" {
		like := "%" + escapeLike(p.Search) + "%"
		q = q.Where("name ILIKE ? OR email ILIKE ?", like, like)
	}
	if f.Active != nil {
		q = q.Where("active = ?", *f.Active)
	}
	rows, next, err := listPage(q, userSorts, p)
	if err != nil {
		return domain.Page[identity.User]{}, translate(err, "list users")
	}
	users, err := withTeams(conn(ctx, r.db), rows)
	if err != nil {
		return domain.Page[identity.User]{}, err
	}
	return domain.Page[identity.User]{Items: users, Next: next}, nil
}
