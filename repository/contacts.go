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

func (r contactRow) rowID() string { return r.ID }

// contactSorts map the sort fields of stakeholders.ContactSorts to columns.
var contactSorts = sortKeys[contactRow]{
	"name":       {"name", func(r contactRow) string { return r.Name }},
	"created_at": {"created_at", func(r contactRow) string { return timeKey(r.CreatedAt) }},
}

// ListContacts pages through a customer's people (p.Search in name, title or
// department).
func (r *Stakeholders) ListContacts(ctx context.Context, customerID string, p domain.ListParams) (domain.Page[stakeholders.Contact], error) {
	q := conn(ctx, r.db).Model(&contactRow{}).Where("customer_id = ?", customerID)
	if p.Search != "" {
		like := "%" + escapeLike(p.Search) + "%"
		q = q.Where("(name ILIKE ? OR title ILIKE ? OR department ILIKE ?)", like, like, like)
	}
	rows, next, err := listPage(q, contactSorts, p)
	if err != nil {
		return domain.Page[stakeholders.Contact]{}, translate(err, "contacts of customer "+customerID)
	}
	page := domain.Page[stakeholders.Contact]{Items: make([]stakeholders.Contact, 0, len(rows)), Next: next}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainContact(row))
	}
	return page, nil
}

// CustomerReach says whether a deal of the customer is readable by the caller (in one of
// teamIDs, or with the caller on its deal team) and whether the caller holds a role on
// one; an unknown customer is domain.ErrNotFound. One query.
func (r *Stakeholders) CustomerReach(ctx context.Context, customerID string, teamIDs []string, userID string) (stakeholders.CustomerReach, error) {
	var out struct {
		Known      bool
		ReadsADeal bool
		HoldsARole bool
	}
	// deals.team_id IN (NULL) when the caller is in no team: no deal matches.
	err := conn(ctx, r.db).Raw(`SELECT
		EXISTS (SELECT 1 FROM customers WHERE id = ?) AS known,
		EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = ? AND d.team_id IN ?) AS reads_a_deal,
		EXISTS (SELECT 1 FROM deal_members dm JOIN deals d ON d.id = dm.deal_id
		        WHERE d.customer_id = ? AND dm.user_id::text = ?) AS holds_a_role`,
		customerID, customerID, teamIDs, customerID, userID).Scan(&out).Error
	if err != nil {
		return stakeholders.CustomerReach{}, translate(err, "reach of customer "+customerID)
	}
	if !out.Known {
		return stakeholders.CustomerReach{}, fmt.Errorf("customer %s: %w", customerID, domain.ErrNotFound)
	}
	// A deal-team member reads the deal whatever its team.
	return stakeholders.CustomerReach{ReadsADeal: out.ReadsADeal || out.HoldsARole, HoldsARole: out.HoldsARole}, nil
}

// Contact returns one contact.
func (r *Stakeholders) Contact(ctx context.Context, id string) (stakeholders.Contact, error) {
	var row contactRow
	if err := conn(ctx, r.db).Take(&row, "id = ?", id).Error; err != nil {
		return stakeholders.Contact{}, translate(err, "contact "+id)
	}
	return toDomainContact(row), nil
}

// CreateContact stores a new contact; an unknown customer or manager is
// domain.ErrConflict.
func (r *Stakeholders) CreateContact(ctx context.Context, c stakeholders.Contact) (stakeholders.Contact, error) {
	row := toContactRow(c)
	row.ID, row.Version = "", 1
	if err := conn(ctx, r.db).Create(&row).Error; err != nil {
		return stakeholders.Contact{}, translate(err, "create contact")
	}
	return toDomainContact(row), nil
}

// UpdateContact stores c's fields (not its customer) if its version is still expected.
func (r *Stakeholders) UpdateContact(ctx context.Context, c stakeholders.Contact, expected int) (stakeholders.Contact, error) {
	var out contactRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
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
	return deleteVersioned(conn(ctx, r.db), &contactRow{}, id, expected)
}

// ReportingLines maps every contact of the customer to its manager (nil: none).
func (r *Stakeholders) ReportingLines(ctx context.Context, customerID string) (map[string]*string, error) {
	var rows []contactRow
	err := conn(ctx, r.db).Select("id", "reports_to_id").Where("customer_id = ?", customerID).Find(&rows).Error
	if err != nil {
		return nil, translate(err, "reporting lines of customer "+customerID)
	}
	out := make(map[string]*string, len(rows))
	for _, row := range rows {
		out[row.ID] = row.ReportsToID
	}
	return out, nil
}
