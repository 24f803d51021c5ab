package repository

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
)

// customerRow is the customers table.
type customerRow struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	Name      string
	Kind      string
	Region    string
	Industry  string
	Version   int `gorm:"default:1"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (customerRow) TableName() string { return "customers" }
func (r customerRow) rowID() string   { return r.ID }

func toCustomerRow(c deals.Customer) customerRow {
	return customerRow{ID: c.ID, Name: c.Name, Kind: string(c.Kind), Region: c.Region, Industry: c.Industry, Version: c.Version}
}

func toDomainCustomer(r customerRow) deals.Customer {
	return deals.Customer{ID: r.ID, Name: r.Name, Kind: deals.CustomerKind(r.Kind), Region: r.Region, Industry: r.Industry, Version: r.Version}
}

// customerSorts map the sort fields of deals.CustomerSorts to columns.
var customerSorts = sortKeys[customerRow]{
	"name":       {"name", func(r customerRow) string { return r.Name }},
	"created_at": {"created_at", func(r customerRow) string { return timeKey(r.CreatedAt) }},
}

// ListCustomers pages through customers, optionally of one kind and matching p.Search
// in their name.
func (r *Deals) ListCustomers(ctx context.Context, kind *deals.CustomerKind, p domain.ListParams) (domain.Page[deals.Customer], error) {
	q := conn(ctx, r.db).Model(&customerRow{})
	if kind != nil {
		q = q.Where("kind = ?", string(*kind))
	}
	if p.Search != "" {
		q = q.Where("name ILIKE ?", "%"+escapeLike(p.Search)+"%")
	}
	rows, next, err := listPage(q, customerSorts, p)
	if err != nil {
		return domain.Page[deals.Customer]{}, translate(err, "list customers")
	}
	page := domain.Page[deals.Customer]{Items: make([]deals.Customer, 0, len(rows)), Next: next}
	for _, row := range rows {
		page.Items = append(page.Items, toDomainCustomer(row))
	}
	return page, nil
}

// Customer returns one customer.
func (r *Deals) Customer(ctx context.Context, id string) (deals.Customer, error) {
	var row customerRow
	if err := conn(ctx, r.db).Take(&row, "id = ?", id).Error; err != nil {
		return deals.Customer{}, translate(err, "customer "+id)
	}
	return toDomainCustomer(row), nil
}

// CreateCustomer stores a new customer; the same name (any case) twice for one kind is
// domain.ErrConflict.
func (r *Deals) CreateCustomer(ctx context.Context, c deals.Customer) (deals.Customer, error) {
	row := toCustomerRow(c)
	row.ID, row.Version = "", 1
	if err := conn(ctx, r.db).Create(&row).Error; err != nil {
		return deals.Customer{}, translate(err, "create customer")
	}
	return toDomainCustomer(row), nil
}

// UpdateCustomer stores c if its version is still expected.
func (r *Deals) UpdateCustomer(ctx context.Context, c deals.Customer, expected int) (deals.Customer, error) {
	var out customerRow
	err := conn(ctx, r.db).Transaction(func(tx *gorm.DB) error {
		err := updateVersioned(tx, &customerRow{}, c.ID, expected, map[string]any{
			"name": c.Name, "kind": string(c.Kind), "region": c.Region, "industry": c.Industry,
		})
		if err != nil {
			return err
		}
		return translate(tx.Take(&out, "id = ?", c.ID).Error, "reload customer")
	})
	if err != nil {
		return deals.Customer{}, err
	}
	return toDomainCustomer(out), nil
}

// DeleteCustomer removes a customer at version; one that still has deals is
// domain.ErrConflict (the foreign key restricts it).
func (r *Deals) DeleteCustomer(ctx context.Context, id string, expected int) error {
	return deleteVersioned(conn(ctx, r.db), &customerRow{}, id, expected)
}

// deleteVersioned deletes the row id of model's table only if its version is still
// expected: a row that moved on is domain.ErrStaleVersion, a missing one ErrNotFound, and
// one still referenced (foreign key) ErrConflict.
func deleteVersioned(tx *gorm.DB, model any, id string, expected int) error {
	res := tx.Where("id = ? AND version = ?", id, expected).Delete(model)
	if res.Error != nil {
		return translate(res.Error, "delete "+id)
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := tx.Model(model).Where("id = ?", id).Count(&n).Error; err != nil {
		return translate(err, "delete "+id)
	}
	if n == 0 {
		return fmt.Errorf("delete %s: %w", id, domain.ErrNotFound)
	}
	return fmt.Errorf("delete %s at version %d: %w", id, expected, domain.ErrStaleVersion)
}
