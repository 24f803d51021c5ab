package reviews

import "context"

// RetrospectiveDeal is the id of the deal a retrospective belongs to.
func (s *Service) RetrospectiveDeal(ctx context.Context, id string) (string, error) {
	return s.Store.RetrospectiveDeal(ctx, id)
}

// ActionDeal is the id of the deal an action item belongs to.
func (s *Service) ActionDeal(ctx context.Context, id string) (string, error) {
	return s.Store.ActionDeal(ctx, id)
}

// OwnsAction reports whether userID owns the action item: "my actions" are the owner's
// to close, whatever their roles on the deal.
func (s *Service) OwnsAction(ctx context.Context, actionID, userID string) (bool, error) {
	a, err := s.Store.Action(ctx, actionID)
	if err != nil {
		return false, err
	}
	return a.OwnedBy(userID), nil
}
