package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

// teamResponse is a team as the API shows it.
type teamResponse struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	NameZh    string   `json:"name_zh"`
	ParentID  *string  `json:"parent_id"`
	MemberIDs []string `json:"member_ids"`
	Version   int      `json:"version"`
}

func toResponseTeam(t identity.Team) teamResponse {
	return teamResponse{ID: t.ID, Name: t.Name, NameZh: t.NameZh, ParentID: t.ParentID, MemberIDs: t.MemberIDs, Version: t.Version}
}

type createTeamRequest struct {
	Name     string  `json:"name" validate:"required,max=200"`
	NameZh   string  `json:"name_zh" validate:"max=200"`
	ParentID *string `json:"parent_id" validate:"omitempty,uuid"`
}

type updateTeamRequest struct {
	Name     *string    `json:"name" validate:"omitempty,min=1,max=200"`
	NameZh   *string    `json:"name_zh" validate:"omitempty,max=200"`
	ParentID optionalID `json:"parent_id"`
}

type teamMembersRequest struct {
	UserIDs []string `json:"user_ids" validate:"required,dive,uuid"`
}

var teamList = listOf(identity.TeamSorts)

// listTeams answers GET /teams: the teams with their members, a page at a time
// (?limit, ?cursor, ?sort, ?q over names).
func (s *server) listTeams(c echo.Context) error {
	p, err := teamList.parse(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Identity.TeamPage(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseTeam)
}

// getTeam answers GET /teams/{id}.
func (s *server) getTeam(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.deps.Identity.Team(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeTeam(c, http.StatusOK, t)
}

// createTeam answers POST /teams.
func (s *server) createTeam(c echo.Context) error {
	var req createTeamRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	t, err := s.deps.Identity.CreateNamedTeam(c.Request().Context(), actorOf(c), req.Name, req.NameZh, req.ParentID)
	if err != nil {
		return err
	}
	return writeTeam(c, http.StatusCreated, t)
}

// updateTeam answers PATCH /teams/{id}: rename, or move (parent_id null: to the root).
func (s *server) updateTeam(c echo.Context) error {
	id, version, req, err := targetWithBody[updateTeamRequest](c)
	if err != nil {
		return err
	}
	patch := identity.TeamPatch{Name: req.Name, NameZh: req.NameZh, ParentID: req.ParentID.Value, MoveToRoot: req.ParentID.Set && req.ParentID.Value == nil}
	t, err := s.deps.Identity.UpdateTeam(c.Request().Context(), actorOf(c), id, version, patch)
	if err != nil {
		return err
	}
	return writeTeam(c, http.StatusOK, t)
}

// deleteTeam answers DELETE /teams/{id}.
func (s *server) deleteTeam(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Identity.DeleteTeam(c.Request().Context(), actorOf(c), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// setTeamMembers answers PUT /teams/{id}/members.
func (s *server) setTeamMembers(c echo.Context) error {
	id, version, req, err := targetWithBody[teamMembersRequest](c)
	if err != nil {
		return err
	}
	t, err := s.deps.Identity.SetTeamMembers(c.Request().Context(), actorOf(c), id, version, req.UserIDs)
	if err != nil {
		return err
	}
	return writeTeam(c, http.StatusOK, t)
}

func writeTeam(c echo.Context, status int, t identity.Team) error {
	setETag(c, t.Version)
	return c.JSON(status, toResponseTeam(t))
}
