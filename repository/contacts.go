package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/stakeholders"
)

// contactRow is the contacts table.
type contactRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	CustomerID  string
	Name        string
	Title       string
	Department  string
	ReportsToID *string
	Phone       string
	Email       string
	Version     int `gorm:"default:1"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (contactRow) TableName() string { return "contacts" }

func toContactRow(c stakeholders.Contact) contactRow {
	return contactRow{ID: c.ID, CustomerID: c.CustomerID, Name: c.Name, Title: c.Title, Department: c.Department,
		ReportsToID: c.ReportsToID, Phone: c.Phone, Email: c.Email, Version: c.Version}
}

func toDomainContact(r contactRow) stakeholders.Contact {
	return stakeholders.Contact{ID: r.ID, CustomerID: r.CustomerID, Name: r.Name, Title: r.Title, Department: r.Department,
		ReportsToID: r.ReportsToID, Phone: r.Phone, Email: r.Email, Version: r.Version}
}

// ListContacts lists a customer's people by name; an unknown customer is
// domain.ErrNotFound.
func (r *Stakeholders) ListContacts(ctx context.Context, customerID string) ([]stakeholders.Contact, error) {
	db := r.db.WithContext(ctx)
	var rows []contactRow
	if err := db.Where("customer_id = ?", customerID).Order("name, id").Find(&rows).Error; err != nil {
		return nil, translate(err, "contacts of customer "+customerID)
	}
	if len(rows) == 0 {
		var n int64
		if err := db.Model(&customerRow{}).Where("id = ?", customerID).Count(&n).Error; err != nil {
			return nil, translate(err, "customer "+customerID)
		}
		if n == 0 {
			return nil, fmt.Errorf("customer %s: %w", customerID, domain.ErrNotFound)
		}
	}
	out := make([]stakeholders.Contact, 0, len(rows))
	for _, row := range rows {
		out = append(out, toDomainContact(row))
	}
	return out, nil
}

// Contact returns one contact.
func (r *Stakeholders) Contact(ctx context.Context, id string) (stakeholders.Contact, error) {
	var row contactRow
	if err := r.db.WithContext(ctx).Take(&row, "id = ?", id).Error; err != nil {
		return stakeholders.Contact{}, translate(err, "contact "+id)
	}
	return toDomainContact(row), nil
}

// CreateContact stores a new contact; an unknown customer or manager is
// domain.ErrConflict.
func (r *Stakeholders) CreateContact(ctx context.Context, c stakeholders.Contact) (stakeholders.Contact, error) {
	row := toContactRow(c)
	row.ID, row.Version = "", 1
	if err := r.db.WithContext(ctx).Create(&row).Error; err != nil {
		return stakeholders.Contact{}, translate(err, "create contact")
	}
	return toDomainContact(row), nil
}

// UpdateContact stores c's fields (not its customer) if its version is still expected.
func (r *Stakeholders) UpdateContact(ctx context.Context, c stakeholders.Contact, expected int) (stakeholders.Contact, error) {
	var out contactRow
	err := r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &contactRow{}, c.ID, expected, map[string]any{
			"name": c.Name, "title": c.Title, "department": c.Department, "reports_to_id": c.ReportsToID,
			"phone": c.Phone, "email": c.Email,
		})
		if err != nil {
			return err
		}
		return translate(tx.Take(&out, "id = ?", c.ID).Error, "reload contact")
	})
	if err != nil {
		return stakeholders.Contact{}, err
	}
	return toDomainContact(out), nil
}

// DeleteContact removes a contact at version; one a stakeholder still refers to is
// domain.ErrConflict (the foreign key restricts it). Contacts reporting to it lose
// their manager.
func (r *Stakeholders) DeleteContact(ctx context.Context, id string, expected int) error {
	return deleteVersioned(r.db.WithContext(ctx), &contactRow{}, id, expected)
}

// ReportingLines maps every contact of the customer to its manager (nil: none).
func (r *Stakeholders) ReportingLines(ctx context.Context, customerID string) (map[string]*string, error) {
	var rows []contactRow
	err := r.db.WithContext(ctx).Select("id", "reports_to_id").Where("customer_id = ?", customerID).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "reporting lines of customer "+customerID)
	}
	out := make(map[string]*string, len(rows))
	for _, row := range rows {
		out[row.ID] = row.ReportsToID
	}
	return out, nil
}
