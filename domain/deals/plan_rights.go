package deals

import (
	"slices"
	"strings"

	"summit/domain"
)

// PlanRights is what an actor may change in a deal's plan. The zero value is the whole
// plan (the deal's PMO, admins, the system). Limited rights reach only the milestones
// owned by the roles in OwnedBy, and not the fields that shape the plan itself (who owns
// a step, what it weighs in progress, whether it is a gate, what it waits for): those
// stay with the PMO. A milestone's owner keeps the rest up to date: its name, exit
// criteria, assignee, dates and status.
type PlanRights struct {
	Limited bool
	OwnedBy []OwnerRole
}

// MayChange reports whether the rights reach milestone m (editing it or moving it in a
// cascade).
func (r PlanRights) MayChange(m Milestone) bool {
	return !r.Limited || slices.Contains(r.OwnedBy, m.OwnerRole)
}

// CheckEdit refuses an edit from before to after that the rights do not cover: a
// milestone they do not reach (domain.ErrForbidden), or owner_role, weight, gate or
// depends_on changed (a domain.ForbiddenError naming each). Fields sent with their current value are no
// change and pass.
func (r PlanRights) CheckEdit(before, after Milestone) error {
	if !r.Limited {
		return nil
	}
	if !r.MayChange(before) {
		return domain.ErrForbidden
	}
	refused := &domain.ForbiddenError{}
	for _, f := range []struct {
		name    string
		changed bool
	}{
		{"owner_role", before.OwnerRole != after.OwnerRole},
		{"weight", before.Weight != after.Weight},
		{"gate", before.Gate != after.Gate},
		{"depends_on", !sameIDs(before.DependsOn, after.DependsOn)},
	} {
		if f.changed {
			refused.Add(f.name, "role_field", "")
		}
	}
	return refused.OrNil()
}

// CheckMoves refuses a reschedule that would move milestones the rights do not reach,
// naming them all (field "milestones") so the caller can ask whoever owns them.
func (r PlanRights) CheckMoves(moves []VersionedMove) error {
	var blocked []string
	for _, mv := range moves {
		if !mv.Allowed {
			blocked = append(blocked, mv.Name)
		}
	}
	if len(blocked) == 0 {
		return nil
	}
	return domain.Refuse("milestones", "not_movable", strings.Join(blocked, ", "))
}

func sameIDs(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
