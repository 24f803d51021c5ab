package stakeholders

import (
	"context"

	"summit/domain"
)

// ContactViewer is who asks about a customer's contacts, as authorization knows them.
type ContactViewer struct {
	ReadAll   bool     // roles that read every deal (admin, executive)
	ChangeAll bool     // roles that change every deal (admin)
	TeamIDs   []string // the caller's teams and every team below them
	UserID    string
}

// CustomerReach is how a caller reaches a customer through its deals.
type CustomerReach struct {
	ReadsADeal bool // a deal of the customer is in one of the caller's teams, or has the caller on its deal team
	HoldsARole bool // the caller holds a deal role (pmo, business, solution) on a deal of the customer
}

// ContactRights is the rule for a customer's contacts (people, with their phone and
// email): they are read by whoever may read one of the customer's deals, and changed by
// whoever holds a deal role on one of them; admins do both everywhere, executives read
// everywhere.
func ContactRights(v ContactViewer, r CustomerReach) (read, change bool) {
	change = v.ChangeAll || r.HoldsARole
	read = change || v.ReadAll || r.ReadsADeal
	return read, change
}

// CheckContactAccess applies ContactRights to one customer: one the viewer may not read
// (or that does not exist) is domain.ErrNotFound, so customers' people cannot be
// probed; one it reads but may not change is domain.ErrForbidden when change is asked.
func (s *Service) CheckContactAccess(ctx context.Context, v ContactViewer, customerID string, change bool) error {
	reach, err := s.Store.CustomerReach(ctx, customerID, v.TeamIDs, v.UserID)
	if err != nil {
		return err
	}
	read, mayChange := ContactRights(v, reach)
	switch {
	case !read:
		return domain.ErrNotFound
	case change && !mayChange:
		return domain.ErrForbidden
	}
	return nil
}

// ContactCustomer is the customer a contact belongs to.
func (s *Service) ContactCustomer(ctx context.Context, contactID string) (string, error) {
	c, err := s.Store.Contact(ctx, contactID)
	return c.CustomerID, err
}

// StakeholderDeal is the id of the deal a stakeholder is mapped on.
func (s *Service) StakeholderDeal(ctx context.Context, id string) (string, error) {
	return s.Store.StakeholderDeal(ctx, id)
}
