package repository

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/identity"
)

// auditRow is the audit_events table.
type auditRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	At          time.Time
	ActorID     *string
	ActorEmail  *string `gorm:"->;-:migration"` // read-only, joined from users
	Action      string
	SubjectType string
	SubjectID   *string
	IP          string
	Details     []byte `gorm:"type:jsonb"`
}

func (auditRow) TableName() string { return "audit_events" }
func (r auditRow) rowID() string   { return r.ID }

// auditSorts map the sort fields of identity.AuditSorts to columns.
var auditSorts = sortKeys[auditRow]{
	"at": {"audit_events.at", func(r auditRow) string { return timeKey(r.At) }},
}

// writeAudit stores ev inside tx, so the change and its record commit together.
func writeAudit(tx *gorm.DB, ev identity.AuditEvent, subjectID *string) error {
	details, err := json.Marshal(ev.Details)
	if err != nil {
		return err
	}
	if subjectID == nil {
		subjectID = ev.SubjectID
	}
	row := auditRow{At: time.Now().UTC(), ActorID: ev.ActorID, Action: ev.Action, SubjectType: ev.SubjectType,
		SubjectID: subjectID, IP: ev.IP, Details: details}
	return translate(tx.Omit("ActorEmail").Create(&row).Error, "write audit event")
}

// Audit reads the audit trail.
type Audit struct{ db *gorm.DB }

// NewAudit returns the audit repository over db.
func NewAudit(db *gorm.DB) *Audit { return &Audit{db: db} }

// ListAudit pages through events, newest first, optionally of one action.
func (r *Audit) ListAudit(ctx context.Context, action string, p domain.ListParams) (domain.Page[identity.AuditEvent], error) {
	q := conn(ctx, r.db).Table("audit_events").
		Select("audit_events.*, users.email AS actor_email").
		Joins("LEFT JOIN users ON users.id = audit_events.actor_id")
	if action != "" {
		q = q.Where("audit_events.action = ?", action)
	}
	rows, next, err := listPage(q, auditSorts, p, "audit_events.id")
	if err != nil {
		return domain.Page[identity.AuditEvent]{}, translate(err, "list audit")
	}
	page := domain.Page[identity.AuditEvent]{Next: next, Items: make([]identity.AuditEvent, 0, len(rows))}
	for _, r := range rows {
		var details map[string]any
		_ = json.Unmarshal(r.Details, &details)
		page.Items = append(page.Items, identity.AuditEvent{ID: r.ID, At: r.At, ActorID: r.ActorID, ActorEmail: r.ActorEmail,
			Action: r.Action, SubjectType: r.SubjectType, SubjectID: r.SubjectID, IP: r.IP, Details: details})
	}
	return page, nil
}
