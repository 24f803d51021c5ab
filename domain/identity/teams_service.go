package identity

import (
	"context"
	"strings"

	"summit/domain"
)

// TeamPatch renames or moves a team; nil fields stay. MoveToRoot makes it a root team.
type TeamPatch struct {
	Name       *string
	NameZh     *string
	ParentID   *string
	MoveToRoot bool
}

// CreateTeam adds a team under parentID (nil: a new root).
func (s *Service) CreateTeam(ctx context.Context, a Actor, name string, parentID *string) (out Team, err error) {
	return s.CreateNamedTeam(ctx, a, name, "", parentID)
}

// CreateNamedTeam adds a team named name, and nameZh in Chinese ("" for none), under
// parentID (nil: a new root).
func (s *Service) CreateNamedTeam(ctx context.Context, a Actor, name, nameZh string, parentID *string) (out Team, err error) {
	t, err := NewTeam(name, parentID)
	if err != nil {
		return Team{}, err
	}
	t.NameZh = strings.TrimSpace(nameZh)
	if err := domain.TooLong("name_zh", t.NameZh, domain.MaxNameLen); err != nil {
		return Team{}, err
	}
	err = s.inTree(ctx, func(ctx context.Context) error {
		if parentID != nil {
			tree, err := s.Teams.Tree(ctx)
			if err != nil {
				return err
			}
			if err := tree.CheckParent("", parentID); err != nil {
				return err
			}
		}
		details := map[string]any{"name": t.Name, "parent_id": parentID}
		if t.NameZh != "" {
			details["name_zh"] = t.NameZh
		}
		ev := a.event(AuditTeamCreated, "team", nil, details)
		out, err = s.Teams.CreateTeam(ctx, t, ev)
		return err
	})
	return out, err
}

// UpdateTeam renames or moves a team; a move under its own descendant is refused. The
// check reads the tree inside the transaction that moves the team.
func (s *Service) UpdateTeam(ctx context.Context, a Actor, id string, version int, p TeamPatch) (out Team, err error) {
	err = s.inTree(ctx, func(ctx context.Context) error {
		out, err = s.updateTeam(ctx, a, id, version, p)
		return err
	})
	return out, err
}

// inTree runs fn in one transaction that holds the team tree (TeamStore.LockTree).
func (s *Service) inTree(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.Teams.Tx(ctx, func(ctx context.Context) error {
		if err := s.Teams.LockTree(ctx); err != nil {
			return err
		}
		return fn(ctx)
	})
}

func (s *Service) updateTeam(ctx context.Context, a Actor, id string, version int, p TeamPatch) (Team, error) {
	t, err := s.Teams.TeamByID(ctx, id)
	if err != nil {
		return Team{}, err
	}
	changes := map[string]any{}
	if p.Name != nil {
		name := strings.TrimSpace(*p.Name)
		if name == "" {
			return Team{}, domain.Invalid("name", "required", "")
		}
		if err := domain.TooLong("name", name, domain.MaxNameLen); err != nil {
			return Team{}, err
		}
		record(changes, "name", t.Name, name)
		t.Name = name
	}
	if p.NameZh != nil {
		nameZh := strings.TrimSpace(*p.NameZh)
		if err := domain.TooLong("name_zh", nameZh, domain.MaxNameLen); err != nil {
			return Team{}, err
		}
		record(changes, "name_zh", t.NameZh, nameZh)
		t.NameZh = nameZh
	}
	if p.ParentID != nil || p.MoveToRoot {
		tree, err := s.Teams.Tree(ctx)
		if err != nil {
			return Team{}, err
		}
		if err := tree.CheckParent(id, p.ParentID); err != nil {
			return Team{}, err
		}
		record(changes, "parent_id", deref(t.ParentID), deref(p.ParentID))
		t.ParentID = p.ParentID
	}
	ev := a.event(AuditTeamUpdated, "team", &t.ID, changes)
	return s.Teams.UpdateTeam(ctx, t, version, ev)
}

// DeleteTeam removes a team with no sub-teams and no deals.
func (s *Service) DeleteTeam(ctx context.Context, a Actor, id string, version int) error {
	return s.inTree(ctx, func(ctx context.Context) error {
		t, err := s.Teams.TeamByID(ctx, id)
		if err != nil {
			return err
		}
		ev := a.event(AuditTeamDeleted, "team", &t.ID, map[string]any{"name": t.Name})
		return s.Teams.DeleteTeam(ctx, id, version, ev)
	})
}

// SetTeamMembers replaces a team's members.
func (s *Service) SetTeamMembers(ctx context.Context, a Actor, id string, version int, userIDs []string) (Team, error) {
	t, err := s.Teams.TeamByID(ctx, id)
	if err != nil {
		return Team{}, err
	}
	ev := a.event(AuditTeamMembers, "team", &t.ID, map[string]any{"member_ids": Change{From: t.MemberIDs, To: userIDs}})
	return s.Teams.SetMembers(ctx, id, userIDs, version, ev)
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
