package handlers

import (
	"context"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
	"summit/domain/stakeholders"
	"summit/policies"
)

// contactScope says whether a route acts on one customer's contacts, and how its path
// names the customer.
type contactScope int

const (
	noContacts     contactScope = iota
	customerInPath              // :id is a customer
	contactInPath               // :id is a contact of a customer
)

const contactCustomerKey = "summit.contact_customer_id"

// authorizeContacts applies the contacts rule (stakeholders.ContactRights) to the
// customer of the route: a customer whose deals the caller may not read is a 404 (as is
// an unknown contact or customer), one it reads but may not change is a 403 for writes.
func (s *server) authorizeContacts(a access) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx := c.Request().Context()
			id, err := pathID(c, "id")
			if err != nil {
				return err
			}
			customerID := id
			if a.contacts == contactInPath {
				if customerID, err = s.deps.Stakeholders.ContactCustomer(ctx, id); err != nil {
					return err
				}
			}
			v, err := s.contactViewer(ctx, callerOf(c))
			if err != nil {
				return err
			}
			if err := s.deps.Stakeholders.CheckContactAccess(ctx, v, customerID, a.act != policies.Read); err != nil {
				return err
			}
			c.Set(contactCustomerKey, customerID)
			return next(c)
		}
	}
}

// contactViewer is the caller as the contacts rule sees it.
func (s *server) contactViewer(ctx context.Context, caller identity.Caller) (stakeholders.ContactViewer, error) {
	roles := globalRoles(caller)
	teams, err := s.visibleTeams(ctx, caller)
	if err != nil {
		return stakeholders.ContactViewer{}, err
	}
	return stakeholders.ContactViewer{
		ReadAll:   s.deps.Policy.Allowed(roles, "deal", policies.Read),
		ChangeAll: s.deps.Policy.Allowed(roles, "deal", policies.Write),
		TeamIDs:   teams, UserID: caller.User.ID,
	}, nil
}
