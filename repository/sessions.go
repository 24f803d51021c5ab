package repository

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"summit/domain"
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

// loginFailureRow is one sign-in attempt: a failure, or one being checked.
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
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		row := sessionRow(s)
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create session")
		}
		return writeAudit(tx, ev, nil)
	})
}

// SessionByHash finds a session by the hash of its cookie, with its user, their teams
// and their reach: one statement (principalColumns).
func (r *Sessions) SessionByHash(ctx context.Context, hash []byte) (identity.Session, identity.Principal, error) {
	var rows []struct {
		Session     sessionRow `gorm:"embedded;embeddedPrefix:s_"`
		User        userRow    `gorm:"embedded;embeddedPrefix:u_"`
		TeamIDs     idList
		Reach       idList
		AccessAhead jsonValue[*accessAheadRow]
	}
	ahead, aheadArgs := accessAheadColumn(ctx)
	err := conn(ctx, r.db).Raw(`SELECT s.id_hash AS s_id_hash, s.user_id AS s_user_id, s.csrf_token AS s_csrf_token,
		s.created_at AS s_created_at, s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at, s.ip AS s_ip,
		s.user_agent AS s_user_agent, `+principalColumns+ahead+`
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`, append(aheadArgs, hash)...).Scan(&rows).Error
	if err != nil {
		return identity.Session{}, identity.Principal{}, translate(err, "session")
	}
	if len(rows) == 0 {
		return identity.Session{}, identity.Principal{}, fmt.Errorf("session: %w", domain.ErrNotFound)
	}
	if err := recordAccessAhead(ctx, rows[0].AccessAhead.V); err != nil {
		return identity.Session{}, identity.Principal{}, err
	}
	return identity.Session(rows[0].Session), principalOf(rows[0].User, rows[0].TeamIDs, rows[0].Reach), nil
}

// TouchSession records that the session was used at `at`.
func (r *Sessions) TouchSession(ctx context.Context, hash []byte, at time.Time) error {
	err := conn(ctx, r.db).Model(&sessionRow{}).Where("id_hash = ?", hash).Update("last_seen_at", at).Error
	return translate(err, "touch session")
}

// DeleteSession ends a session (sign-out) and records it.
func (r *Sessions) DeleteSession(ctx context.Context, hash []byte, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("id_hash = ?", hash).Delete(&sessionRow{}).Error; err != nil {
			return translate(err, "delete session")
		}
		return writeAudit(tx, ev, nil)
	})
}

// ReserveLoginAttempt decides and counts one sign-in attempt in one transaction that
// holds transaction-scoped advisory locks on the email and on the IP (taken in a fixed
// order, so two attempts never wait for each other in a cycle): concurrent attempts
// for the same account or address run this step one after another, each seeing the
// attempts recorded before it.
func (r *Sessions) ReserveLoginAttempt(ctx context.Context, email, ip string, at, since time.Time, decide func(byEmail, byIP []time.Time) time.Duration) (int64, time.Duration, error) {
	var (
		id   int64
		wait time.Duration
	)
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		keys := []int64{lockKey("login email " + email), lockKey("login ip " + ip)}
		slices.Sort(keys)
		for _, k := range keys {
			if err := tx.Exec(`SELECT pg_advisory_xact_lock(?)`, k).Error; err != nil {
				return translate(err, "lock login attempts")
			}
		}
		var byEmail, byIP []time.Time
		q := tx.Model(&loginFailureRow{}).Where("at > ?", since).Order("at")
		if err := q.Session(&gorm.Session{}).Where("email = ?", email).Pluck("at", &byEmail).Error; err != nil {
			return translate(err, "login failures")
		}
		if err := q.Session(&gorm.Session{}).Where("ip = ?", ip).Pluck("at", &byIP).Error; err != nil {
			return translate(err, "login failures")
		}
		if wait = decide(byEmail, byIP); wait > 0 {
			return nil
		}
		row := loginFailureRow{Email: email, IP: ip, At: at}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "record login attempt")
		}
		id = row.ID
		return nil
	})
	return id, wait, err
}

// CancelLoginAttempt forgets an attempt whose password was never checked.
func (r *Sessions) CancelLoginAttempt(ctx context.Context, attempt int64) error {
	return translate(conn(ctx, r.db).Delete(&loginFailureRow{}, attempt).Error, "cancel login attempt")
}

// RecordLoginFailure records a failed sign-in in the audit trail; the attempt itself
// was counted by ReserveLoginAttempt.
func (r *Sessions) RecordLoginFailure(ctx context.Context, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error { return writeAudit(tx, ev, nil) })
}

// ClearLoginFailures forgets an account's failures after a successful sign-in.
func (r *Sessions) ClearLoginFailures(ctx context.Context, email string) error {
	return translate(conn(ctx, r.db).Where("email = ?", email).Delete(&loginFailureRow{}).Error, "clear login failures")
}

// lockKey names an advisory lock: the first 8 bytes of the SHA-256 of name.
func lockKey(name string) int64 {
	sum := sha256.Sum256([]byte(name))
	return int64(binary.BigEndian.Uint64(sum[:8]))
}
