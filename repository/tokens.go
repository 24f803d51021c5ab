package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/identity"
)

// tokenRow is the api_tokens table.
type tokenRow struct {
	ID         string `gorm:"primaryKey;default:gen_random_uuid()"`
	UserID     string
	Name       string
	SecretHash []byte
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

func (tokenRow) TableName() string { return "api_tokens" }

// Tokens stores API tokens.
type Tokens struct{ db *gorm.DB }

// NewTokens returns the tokens repository over db.
func NewTokens(db *gorm.DB) *Tokens { return &Tokens{db: db} }

// CreateToken stores a new token and its audit event.
func (r *Tokens) CreateToken(ctx context.Context, t identity.APIToken, ev identity.AuditEvent) (identity.APIToken, error) {
	row := tokenRow(t)
	row.ID = ""
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create token")
		}
		ev.Details["token_id"] = row.ID
		return writeAudit(tx, ev, nil)
	})
	return identity.APIToken(row), err
}

// TokenByHash finds a token by the hash of its secret, with its user, their teams and
// their reach: one statement (principalColumns).
func (r *Tokens) TokenByHash(ctx context.Context, hash []byte) (identity.APIToken, identity.Principal, error) {
	var rows []struct {
		Token       tokenRow `gorm:"embedded;embeddedPrefix:t_"`
		User        userRow  `gorm:"embedded;embeddedPrefix:u_"`
		TeamIDs     idList
		Reach       idList
		AccessAhead jsonValue[*accessAheadRow]
	}
	ahead, aheadArgs := accessAheadColumn(ctx)
	err := conn(ctx, r.db).Raw(`SELECT t.id AS t_id, t.user_id AS t_user_id, t.name AS t_name, t.secret_hash AS t_secret_hash,
		t.created_at AS t_created_at, t.last_used_at AS t_last_used_at, `+principalColumns+ahead+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.secret_hash = ?`, append(aheadArgs, hash)...).Scan(&rows).Error
	if err != nil {
		return identity.APIToken{}, identity.Principal{}, translate(err, "token")
	}
	if len(rows) == 0 {
		return identity.APIToken{}, identity.Principal{}, fmt.Errorf("token: %w", domain.ErrNotFound)
	}
	if err := recordAccessAhead(ctx, rows[0].AccessAhead.V); err != nil {
		return identity.APIToken{}, identity.Principal{}, err
	}
	return identity.APIToken(rows[0].Token), principalOf(rows[0].User, rows[0].TeamIDs, rows[0].Reach), nil
}

// TouchToken records the token's last use.
func (r *Tokens) TouchToken(ctx context.Context, id string, at time.Time) error {
	return translate(conn(ctx, r.db).Model(&tokenRow{}).Where("id = ?", id).Update("last_used_at", at).Error, "touch token")
}

// ListTokens lists a user's tokens, newest first.
func (r *Tokens) ListTokens(ctx context.Context, userID string) ([]identity.APIToken, error) {
	var rows []tokenRow
	if err := conn(ctx, r.db).Where("user_id = ?", userID).Order("created_at DESC").Find(&rows).Error; err != nil {
		return nil, translate(err, "list tokens")
	}
	out := make([]identity.APIToken, 0, len(rows))
	for _, row := range rows {
		out = append(out, identity.APIToken(row))
	}
	return out, nil
}

// DeleteToken revokes one of userID's tokens.
func (r *Tokens) DeleteToken(ctx context.Context, userID, tokenID string, ev identity.AuditEvent) error {
	return conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("id = ? AND user_id = ?", tokenID, userID).Delete(&tokenRow{})
		if res.Error != nil {
			return translate(res.Error, "delete token")
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("token %s: %w", tokenID, domain.ErrNotFound)
		}
		return writeAudit(tx, ev, nil)
	})
}
