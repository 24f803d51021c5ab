package repository

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"summit/domain/deals"
)

// dealTeamColumn selects the deal team of the deal aliased d as dealTeam reads it:
// "role:user_id" pairs joined by commas, ordered by role and user (neither a role nor a
// uuid holds either separator). A list page scans fifty of them, and splitting text costs
// a tenth of decoding the same as JSON. In a list PostgreSQL evaluates it for the rows of
// the page only: a LIMIT puts expensive output columns after the sort.
func dealTeamColumn(d string) string { return dealTeamOf(d) + ` AS members` }

// dealTeamOf is dealTeamColumn's value without its name.
func dealTeamOf(d string) string {
	return `(SELECT string_agg(dm.role || ':' || dm.user_id, ',' ORDER BY dm.role, dm.user_id)
	FROM deal_members dm WHERE dm.deal_id = ` + d + `.id)`
}

// dealTeam scans dealTeamColumn; NULL (a deal without a team) is an empty team.
type dealTeam []deals.Member

// Scan splits the pairs.
func (t *dealTeam) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*t = dealTeam{}
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("deal team: cannot scan %T", src)
	}
	pairs := strings.Split(s, ",")
	out := make(dealTeam, 0, len(pairs))
	for _, p := range pairs {
		role, user, ok := strings.Cut(p, ":")
		if !ok {
			return fmt.Errorf("deal team: %q is not role:user_id", p)
		}
		out = append(out, deals.Member{UserID: user, Role: deals.OwnerRole(role)})
	}
	*t = out
	return nil
}

// Value writes the pairs as dealTeamColumn selects them (GORM wants a column type it
// can write too, though the column is read-only).
func (t dealTeam) Value() (driver.Value, error) {
	pairs := make([]string, 0, len(t))
	for _, m := range t {
		pairs = append(pairs, string(m.Role)+":"+m.UserID)
	}
	return strings.Join(pairs, ","), nil
}
