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

func toUserRow(u identity.User) userRow {
	return userRow{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Locale: string(u.Locale),
		Active: u.Active, PasswordHash: u.PasswordHash, Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func toDomainUser(r userRow) identity.User {
	return identity.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: identity.Role(r.Role), Locale: identity.Locale(r.Locale),
		Active: r.Active, PasswordHash: r.PasswordHash, Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// Users reads and writes users.
type Users struct{ db *gorm.DB }

// NewUsers returns the users repository over db.
func NewUsers(db *gorm.DB) *Users { return &Users{db: db} }

func (r userRow) rowID() string { return r.ID }

// userSorts are the fields a user list may be sorted by.
var userSorts = sortKeys[userRow]{
	"name":       {"name", func(r userRow) string { return r.Name }},
	"email":      {"email", func(r userRow) string { return r.Email }},
	"created_at": {"created_at", func(r userRow) string { return timeKey(r.CreatedAt) }},
}

// UserSortFields lists the sort keys List accepts.
func UserSortFields() []string { return userSorts.fields() }

// Create stores a new user; a taken email is domain.ErrConflict.
func (r *Users) Create(ctx context.Context, u identity.User) (identity.User, error) {
	row := toUserRow(u)
	row.ID = ""
	if err := r.db.WithContext(ctx).Create(&row).Error; err != nil {
		return identity.User{}, translate(err, "create user")
	}
	return toDomainUser(row), nil
}

// ByEmail finds a user by email, whatever its case.
func (r *Users) ByEmail(ctx context.Context, email string) (identity.User, error) {
	var row userRow
	err := r.db.WithContext(ctx).Where("lower(email) = ?", identity.NormalizeEmail(email)).Take(&row).Error
	if err != nil {
		return identity.User{}, translate(err, "user by email")
	}
	return toDomainUser(row), nil
}

// List pages through users, optionally filtered by a search over name and email.
func (r *Users) List(ctx context.Context, p domain.ListParams) (domain.Page[identity.User], error) {
	q := r.db.WithContext(ctx).Model(&userRow{})
	if p.Search != "" {
		like := "%" + escapeLike(p.Search) + "%"
		q = q.Where("name ILIKE ? OR email ILIKE ?", like, like)
	}
	rows, next, err := listPage(q, userSorts, p)
	if err != nil {
		return domain.Page[identity.User]{}, translate(err, "list users")
	}
	page := domain.Page[identity.User]{Next: next, Items: make([]identity.User, 0, len(rows))}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainUser(row))
	}
	return page, nil
}
