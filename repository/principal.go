package repository

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"

	"summit/domain/deals"
	"summit/domain/identity"
)

// principalColumns select, for the user aliased u, what authenticating a request needs:
// the user (columns prefixed u_), their teams (team_ids) and their reach (reach: those
// teams and every team below them, walked in SQL). Together with the session or token
// this is one statement per request, and the team tree needs no cache: a change to the
// tree or to memberships is seen by the very next request, on every app instance.
const principalColumns = `u.id AS u_id, u.email AS u_email, u.name AS u_name, u.role AS u_role,
	u.locale AS u_locale, u.active AS u_active, u.password_hash AS u_password_hash, u.version AS u_version,
	u.created_at AS u_created_at, u.updated_at AS u_updated_at,
	COALESCE((SELECT json_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm WHERE tm.user_id = u.id), '[]') AS team_ids,
	COALESCE((WITH RECURSIVE reach(id) AS (
			SELECT tm.team_id FROM team_members tm WHERE tm.user_id = u.id
			UNION
			SELECT t.id FROM teams t JOIN reach ON t.parent_id = reach.id)
		SELECT json_agg(reach.id ORDER BY reach.id) FROM reach), '[]') AS reach`

// accessAheadColumn is the column that reads, in the statement authenticating a request,
// the access of the deal the request acts on (deals.ReadAccessAhead), with its argument;
// "" when ctx asks for none. It is NULL when no such deal or milestone exists.
func accessAheadColumn(ctx context.Context) (string, []any) {
	dealID, milestoneID, ok := deals.AccessAheadWanted(ctx)
	if !ok {
		return "", nil
	}
	from, id := "FROM deals d WHERE d.id = ?::uuid", dealID
	if dealID == "" {
		from, id = "FROM milestones m JOIN deals d ON d.id = m.deal_id WHERE m.id = ?::uuid", milestoneID
	}
	return `, (SELECT json_build_object('deal_id', d.id, 'team_id', d.team_id, 'members', ` + dealTeamOf("d") + `) ` + from + `) AS access_ahead`, []any{id}
}

// accessAheadRow is what accessAheadColumn reads.
type accessAheadRow struct {
	DealID  string  `json:"deal_id"`
	TeamID  string  `json:"team_id"`
	Members *string `json:"members"`
}

// recordAccessAhead hands the access read ahead (nil: no such deal) to the request.
func recordAccessAhead(ctx context.Context, row *accessAheadRow) error {
	if _, _, ok := deals.AccessAheadWanted(ctx); !ok {
		return nil
	}
	if row == nil {
		deals.RecordAccessAhead(ctx, deals.Access{}, false)
		return nil
	}
	var team dealTeam
	var members any
	if row.Members != nil {
		members = *row.Members
	}
	if err := team.Scan(members); err != nil {
		return err
	}
	deals.RecordAccessAhead(ctx, deals.Access{DealID: row.DealID, TeamID: row.TeamID, Members: []deals.Member(team)}, true)
	return nil
}

// principalOf is the principal that principalColumns read.
func principalOf(user userRow, teamIDs, reach idList) identity.Principal {
	u := toDomainUser(user)
	u.TeamIDs = []string(teamIDs)
	if u.TeamIDs == nil {
		u.TeamIDs = []string{}
	}
	if reach == nil {
		reach = idList{}
	}
	return identity.Principal{User: u, Reach: reach}
}

// idList scans a JSON array of ids (json_agg) into a list.
type idList []string

// Scan reads the JSON array; NULL is an empty list.
func (l *idList) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
		*l = idList{}
		return nil
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("id list: cannot scan %T", src)
	}
	out := []string{}
	if err := json.Unmarshal(b, &out); err != nil {
		return fmt.Errorf("id list: %w", err)
	}
	*l = out
	return nil
}

// Value writes the list as a JSON array (GORM wants column types it can write too).
func (l idList) Value() (driver.Value, error) {
	b, err := json.Marshal([]string(l))
	return string(b), err
}

// jsonValue scans a JSON column (json_agg, json_build_object) into V.
type jsonValue[T any] struct{ V T }

// Scan decodes the JSON; NULL leaves V zero.
func (j *jsonValue[T]) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		return json.Unmarshal([]byte(v), &j.V)
	case []byte:
		return json.Unmarshal(v, &j.V)
	}
	return fmt.Errorf("json column: cannot scan %T", src)
}

// Value encodes V as JSON.
func (j jsonValue[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.V)
	return string(b), err
}
