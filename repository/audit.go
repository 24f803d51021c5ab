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
	ActorName   *string `gorm:"->;-:migration"` // read-only, joined from users
	SubjectName *string `gorm:"->;-:migration"` // read-only, joined from users, teams or templates
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
	return translate(tx.Omit("ActorEmail", "ActorName", "SubjectName").Create(&row).Error, "write audit event")
}

// Audit reads the audit trail.
type Audit struct{ db *gorm.DB }

// NewAudit returns the audit repository over db.
func NewAudit(db *gorm.DB) *Audit { return &Audit{db: db} }

// ListAudit pages through the events f lets through, newest first, with the actor's and
// the subject's names. Every filter is a condition of the one statement (indexed by
// migration 00012), so a page costs the same whatever the log holds.
func (r *Audit) ListAudit(ctx context.Context, f identity.AuditFilter, p domain.ListParams) (domain.Page[identity.AuditEvent], error) {
	q := conn(ctx, r.db).Table("audit_events").
		Select(`audit_events.*, users.email AS actor_email, users.name AS actor_name,
			COALESCE(su.name, st.name, stp.name) AS subject_name`).
		Joins("LEFT JOIN users ON users.id = audit_events.actor_id").
		Joins("LEFT JOIN users su ON audit_events.subject_type = 'user' AND su.id = audit_events.subject_id").
		Joins("LEFT JOIN teams st ON audit_events.subject_type = 'team' AND st.id = audit_events.subject_id").
		Joins("LEFT JOIN templates stp ON audit_events.subject_type = 'template' AND stp.id = audit_events.subject_id")
	if f.Action != "" {
		q = q.Where("audit_events.action = ?", f.Action)
	}
	if f.ActorID != "" {
		q = q.Where("audit_events.actor_id = ?", f.ActorID)
	}
	if f.SubjectType != "" {
		q = q.Where("audit_events.subject_type = ?", f.SubjectType)
	}
	if f.From != nil {
		q = q.Where("audit_events.at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("audit_events.at < ?", f.To.UTC().AddDate(0, 0, 1))
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
			ActorName: r.ActorName, Action: r.Action, SubjectType: r.SubjectType, SubjectID: r.SubjectID,
			SubjectName: r.SubjectName, IP: r.IP, Details: details})
	}
	return page, nil
}
