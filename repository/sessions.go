package repository

import (
	"context"
	"time"

	"gorm.io/gorm"

	"summit/domain/identity"
)

// sessionRow is the sessions table.
type sessionRow struct {
	IDHash     []byte `gorm:"primaryKey"`
	UserID     string
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

func (sessionRow) TableName() string { return "sessions" }

// loginFailureRow is one failed sign-in.
type loginFailureRow struct {
	ID    int64 `gorm:"primaryKey"`
	Email string
	IP    string
	At    time.Time
}

func (loginFailureRow) TableName() string { return "login_failures" }

// Sessions stores sessions and failed sign-ins in PostgreSQL, so every app instance
// sees the same ones.
type Sessions struct{ db *gorm.DB }

// NewSessions returns the sessions repository over db.
func NewSessions(db *gorm.DB) *Sessions { return &Sessions{db: db} }

// CreateSession stores s and the sign-in's audit event.
func (r *Sessions) CreateSession(ctx context.Context, s identity.Session, ev identity.AuditEvent) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := sessionRow(s)
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create session")
		}
		return writeAudit(tx, ev, nil)
	})
}

// SessionByHash finds a session by the hash of its cookie.
func (r *Sessions) SessionByHash(ctx context.Context, hash []byte) (identity.Session, error) {
	var row sessionRow
	if err := r.db.WithContext(ctx).Take(&row, "id_hash = ?", hash).Error; err != nil {
		return identity.Session{}, translate(err, "session")
	}
	return identity.Session(row), nil
}

// TouchSession records that the session was used at `at`.
func (r *Sessions) TouchSession(ctx context.Context, hash []byte, at time.Time) error {
	err := r.db.WithContext(ctx).Model(&sessionRow{}).Where("id_hash = ?", hash).Update("last_seen_at", at).Error
	return translate(err, "touch session")
}

// DeleteSession ends a session (sign-out) and records it.
func (r *Sessions) DeleteSession(ctx context.Context, hash []byte, ev identity.AuditEvent) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("id_hash = ?", hash).Delete(&sessionRow{}).Error; err != nil {
			return translate(err, "delete session")
		}
		return writeAudit(tx, ev, nil)
	})
}

// LoginFailures returns the failure times since `since` for email and for ip, oldest first.
func (r *Sessions) LoginFailures(ctx context.Context, email, ip string, since time.Time) (byEmail, byIP []time.Time, err error) {
	q := r.db.WithContext(ctx).Model(&loginFailureRow{}).Where("at > ?", since).Order("at")
	if err := q.Session(&gorm.Session{}).Where("email = ?", email).Pluck("at", &byEmail).Error; err != nil {
		return nil, nil, translate(err, "login failures")
	}
	if err := q.Session(&gorm.Session{}).Where("ip = ?", ip).Pluck("at", &byIP).Error; err != nil {
		return nil, nil, translate(err, "login failures")
	}
	return byEmail, byIP, nil
}

// RecordLoginFailure counts a failed sign-in and records it in the audit trail.
func (r *Sessions) RecordLoginFailure(ctx context.Context, email, ip string, at time.Time, ev identity.AuditEvent) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&loginFailureRow{Email: email, IP: ip, At: at}).Error; err != nil {
			return translate(err, "record login failure")
		}
		return writeAudit(tx, ev, nil)
	})
}

// ClearLoginFailures forgets an account's failures after a successful sign-in.
func (r *Sessions) ClearLoginFailures(ctx context.Context, email string) error {
	return translate(r.db.WithContext(ctx).Where("email = ?", email).Delete(&loginFailureRow{}).Error, "clear login failures")
}
