package identity

import "context"

// TeamsWithDescendants are the given teams and every team below them (none for none):
// what a member of those teams reaches.
func (s *Service) TeamsWithDescendants(ctx context.Context, teamIDs []string) ([]string, error) {
	if len(teamIDs) == 0 {
		return nil, nil
	}
	tree, err := s.Teams.Tree(ctx)
	if err != nil {
		return nil, err
	}
	return tree.WithDescendants(teamIDs), nil
}
