package repository

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
)

// templateRow is the templates table; its milestones are one JSON array.
type templateRow struct {
	ID         string `gorm:"primaryKey;default:gen_random_uuid()"`
	Key        *string
	Name       string
	NameZh     string
	Segment    string
	Milestones []byte `gorm:"type:jsonb"`
	// ConfidenceParams are the overrides of the confidence model, a JSON object.
	ConfidenceParams []byte `gorm:"type:jsonb"`
	Version          int    `gorm:"default:1"`
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (templateRow) TableName() string { return "templates" }
func (r templateRow) rowID() string   { return r.ID }

// templateSorts map the sort fields of deals.TemplateSorts to columns.
var templateSorts = sortKeys[templateRow]{
	"name":       {"name", func(r templateRow) string { return r.Name }},
	"created_at": {"created_at", func(r templateRow) string { return timeKey(r.CreatedAt) }},
}

// TemplatePage pages through the templates (p.Search in either name).
func (r *Deals) TemplatePage(ctx context.Context, p domain.ListParams) (domain.Page[deals.Template], error) {
	q := conn(ctx, r.db).Model(&templateRow{})
	if p.Search != "" {
		like := "%" + escapeLike(p.Search) + "%"
		q = q.Where("(name ILIKE ? OR name_zh ILIKE ?)", like, like)
	}
	rows, next, err := listPage(q, templateSorts, p)
	if err != nil {
		return domain.Page[deals.Template]{}, translate(err, "list templates")
	}
	page := domain.Page[deals.Template]{Items: make([]deals.Template, 0, len(rows)), Next: next}
	for _, row := range rows {
		t, err := toDomainTemplate(row)
		if err != nil {
			return domain.Page[deals.Template]{}, err
		}
		page.Items = append(page.Items, t)
	}
	return page, nil
}

func toTemplateRow(t deals.Template) (templateRow, error) {
	milestones := t.Milestones
	if milestones == nil {
		milestones = []deals.TemplateMilestone{}
	}
	raw, err := json.Marshal(milestones)
	if err != nil {
		return templateRow{}, fmt.Errorf("encode template milestones: %w", err)
	}
	params := t.ConfidenceParams
	if params == nil {
		params = map[string]float64{}
	}
	rawParams, err := json.Marshal(params)
	if err != nil {
		return templateRow{}, fmt.Errorf("encode template confidence params: %w", err)
	}
	var key *string
	if t.Key != "" {
		key = &t.Key
	}
	return templateRow{ID: t.ID, Key: key, Name: t.Name, NameZh: t.NameZh, Segment: string(t.Segment), Milestones: raw,
		ConfidenceParams: rawParams, Version: t.Version}, nil
}

func toDomainTemplate(r templateRow) (deals.Template, error) {
	t := deals.Template{ID: r.ID, Name: r.Name, NameZh: r.NameZh, Segment: deals.Segment(r.Segment), Version: r.Version}
	if r.Key != nil {
		t.Key = *r.Key
	}
	if err := json.Unmarshal(r.Milestones, &t.Milestones); err != nil {
		return deals.Template{}, fmt.Errorf("decode milestones of template %s: %w", r.ID, err)
	}
	if t.Milestones == nil {
		t.Milestones = []deals.TemplateMilestone{}
	}
	t.ConfidenceParams = map[string]float64{}
	if len(r.ConfidenceParams) > 0 {
		if err := json.Unmarshal(r.ConfidenceParams, &t.ConfidenceParams); err != nil {
			return deals.Template{}, fmt.Errorf("decode confidence params of template %s: %w", r.ID, err)
		}
	}
	return t, nil
}

// writeTemplateAudits stores each change of a template's overrides in audit_events.
func writeTemplateAudits(tx *gorm.DB, t deals.Template, audits []deals.TemplateAudit) error {
	for _, a := range audits {
		ev := identity.AuditEvent{Action: deals.AuditTemplateParams, SubjectType: "template", SubjectID: &t.ID,
			Details: map[string]any{"name": t.Name, "confidence_params": identity.Change{From: a.Before, To: a.After}}}
		if a.ActorID != "" {
			ev.ActorID = &a.ActorID
		}
		if err := writeAudit(tx, ev, nil); err != nil {
			return err
		}
	}
	return nil
}

// ListTemplates returns every template: built-in ones first, then by name.
func (r *Deals) ListTemplates(ctx context.Context) ([]deals.Template, error) {
	var rows []templateRow
	if err := conn(ctx, r.db).Order("key IS NULL, lower(name), id").Find(&rows).Error; err != nil {
		return nil, translate(err, "list templates")
	}
	out := make([]deals.Template, 0, len(rows))
	for _, row := range rows {
		t, err := toDomainTemplate(row)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Template returns one template.
func (r *Deals) Template(ctx context.Context, id string) (deals.Template, error) {
	return templateByID(conn(ctx, r.db), id)
}

func templateByID(tx *gorm.DB, id string) (deals.Template, error) {
	var row templateRow
	if err := tx.Take(&row, "id = ?", id).Error; err != nil {
		return deals.Template{}, translate(err, "template "+id)
	}
	return toDomainTemplate(row)
}

// CreateTemplate stores a new template, with its audits.
func (r *Deals) CreateTemplate(ctx context.Context, t deals.Template, audits ...deals.TemplateAudit) (deals.Template, error) {
	row, err := toTemplateRow(t)
	if err != nil {
		return deals.Template{}, err
	}
	row.ID, row.Version = "", 1
	var out deals.Template
	err = conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create template")
		}
		var err error
		if out, err = toDomainTemplate(row); err != nil {
			return err
		}
		return writeTemplateAudits(tx, out, audits)
	})
	return out, err
}

// UpdateTemplate replaces a template's names, segment, milestones and confidence
// overrides at version, with its audits; its key stays as it is.
func (r *Deals) UpdateTemplate(ctx context.Context, t deals.Template, expected int, audits ...deals.TemplateAudit) (deals.Template, error) {
	row, err := toTemplateRow(t)
	if err != nil {
		return deals.Template{}, err
	}
	var out deals.Template
	err = conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &templateRow{}, t.ID, expected, map[string]any{
			"name": row.Name, "name_zh": row.NameZh, "segment": row.Segment, "milestones": row.Milestones,
			"confidence_params": row.ConfidenceParams,
		})
		if err != nil {
			return err
		}
		if out, err = templateByID(tx, t.ID); err != nil {
			return err
		}
		return writeTemplateAudits(tx, out, audits)
	})
	return out, err
}

// DeleteTemplate removes a template at version; deals made from it keep their plans.
func (r *Deals) DeleteTemplate(ctx context.Context, id string, expected int) error {
	return deleteVersioned(conn(ctx, r.db), &templateRow{}, id, expected)
}

// EnsureBuiltinTemplates stores each of deals.BuiltinTemplates whose key is missing, and
// gives the stored built-in steps that lack it the Chinese of their exit criteria (stored
// before templates had it) where their English is still the shipped one. It is
// idempotent and never overwrites what an admin has edited.
func EnsureBuiltinTemplates(ctx context.Context, db *gorm.DB) error {
	for _, t := range deals.BuiltinTemplates {
		row, err := toTemplateRow(t)
		if err != nil {
			return err
		}
		row.ID, row.Version = "", 1
		err = db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoNothing: true}).Create(&row).Error
		if err != nil {
			return translate(err, "ensure template "+t.Key)
		}
		if err := fillBuiltinChinese(ctx, db, t); err != nil {
			return err
		}
	}
	return nil
}

// fillBuiltinChinese gives the stored template keyed like shipped the Chinese exit
// criteria of shipped where a step of the same key has the same English and none.
func fillBuiltinChinese(ctx context.Context, db *gorm.DB, shipped deals.Template) error {
	var row templateRow
	if err := db.WithContext(ctx).Take(&row, "key = ?", shipped.Key).Error; err != nil {
		return translate(err, "template "+shipped.Key)
	}
	stored, err := toDomainTemplate(row)
	if err != nil {
		return err
	}
	zh := map[string]string{}
	for _, m := range shipped.Milestones {
		zh[m.Key+"\x00"+m.ExitCriteria] = m.ExitCriteriaZh
	}
	changed := false
	for i, m := range stored.Milestones {
		if m.ExitCriteriaZh == "" && m.ExitCriteria != "" && zh[m.Key+"\x00"+m.ExitCriteria] != "" {
			stored.Milestones[i].ExitCriteriaZh = zh[m.Key+"\x00"+m.ExitCriteria]
			changed = true
		}
	}
	if !changed {
		return nil
	}
	raw, err := json.Marshal(stored.Milestones)
	if err != nil {
		return fmt.Errorf("encode template milestones: %w", err)
	}
	err = db.WithContext(ctx).Model(&templateRow{}).Where("id = ? AND version = ?", row.ID, row.Version).
		Updates(map[string]any{"milestones": raw, "version": gorm.Expr("version + 1")}).Error
	return translate(err, "template "+shipped.Key)
}
