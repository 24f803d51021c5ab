package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

var userList = listOf(identity.UserSorts)

// listUsers answers GET /users (?q=, ?active=, paging, sorting).
func (s *server) listUsers(c echo.Context) error {
	p, err := userList.parse(c)
	if err != nil {
		return err
	}
	var f identity.UserFilter
	if raw := c.QueryParam("active"); raw != "" {
		active, err := strconv.ParseBool(raw)
		if err != nil {
			return badQuery("active", "boolean", "")
		}
		f.Active = &active
	}
	page, err := s.deps.Identity.ListUsers(c.Request().Context(), f, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseUser)
}

// getUser answers GET /users/{id}.
func (s *server) getUser(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	u, err := s.deps.Identity.User(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeUser(c, http.StatusOK, u)
}

// createUser answers POST /users.
func (s *server) createUser(c echo.Context) error {
	var req createUserRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.deps.Identity.CreateUser(c.Request().Context(), actorOf(c), req.toDomain())
	if err != nil {
		return err
	}
	return writeUser(c, http.StatusCreated, u)
}

// updateUser answers PATCH /users/{id}.
func (s *server) updateUser(c echo.Context) error {
	id, version, req, err := targetWithBody[updateUserRequest](c)
	if err != nil {
		return err
	}
	u, err := s.deps.Identity.UpdateUser(c.Request().Context(), actorOf(c), id, version, req.toDomain())
	if err != nil {
		return err
	}
	return writeUser(c, http.StatusOK, u)
}

// resetPassword answers POST /users/{id}/password: an admin sets a new password.
func (s *server) resetPassword(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req passwordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.deps.Identity.ResetPassword(c.Request().Context(), actorOf(c), id, req.Password); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeUser(c echo.Context, status int, u identity.User) error {
	setETag(c, u.Version)
	return c.JSON(status, toResponseUser(u))
}
