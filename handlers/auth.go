package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

// loginRequest is the body of POST /auth/login.
type loginRequest struct {
	Email    string `json:"email" validate:"required,max=254"`
	Password string `json:"password" validate:"required,max=128"`
}

// sessionResponse answers sign-in and GET /me: who is signed in, the CSRF token for
// cookie sessions, and what the user may do (for the SPA to show or hide actions).
type sessionResponse struct {
	User        userResponse `json:"user"`
	CSRFToken   *string      `json:"csrf_token"`
	Permissions []string     `json:"permissions"`
}

func (s *server) sessionResponse(c identity.Caller) sessionResponse {
	var csrf *string
	if c.SessionHash != nil {
		csrf = &c.CSRFToken
	}
	return sessionResponse{User: toResponseUser(c.User), CSRFToken: csrf, Permissions: s.permissions(c)}
}

// login answers POST /auth/login: a new session (new id on every sign-in) in an
// HttpOnly, SameSite=Lax cookie, Secure over TLS.
func (s *server) login(c echo.Context) error {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	cookie, caller, err := s.deps.Identity.Login(c.Request().Context(), req.Email, req.Password, c.RealIP(), c.Request().UserAgent())
	if err != nil {
		return err
	}
	u, err := s.deps.Identity.User(c.Request().Context(), caller.User.ID)
	if err != nil {
		return err
	}
	caller.User = u
	c.SetCookie(s.sessionCookie(c, cookie, s.deps.Identity.Policy.Absolute))
	return c.JSON(http.StatusOK, s.sessionResponse(caller))
}

// logout answers POST /auth/logout: the session is deleted server-side.
func (s *server) logout(c echo.Context) error {
	if err := s.deps.Identity.Logout(c.Request().Context(), callerOf(c), c.RealIP()); err != nil {
		return err
	}
	c.SetCookie(s.sessionCookie(c, "", -1))
	return c.NoContent(http.StatusNoContent)
}

func (s *server) sessionCookie(c echo.Context, value string, maxAge time.Duration) *http.Cookie {
	age := int(maxAge.Seconds())
	if maxAge < 0 {
		age = -1
	}
	return &http.Cookie{Name: sessionCookie, Value: value, Path: "/", MaxAge: age, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: c.Scheme() == "https"}
}

// me answers GET /me.
func (s *server) me(c echo.Context) error {
	caller := callerOf(c)
	u, err := s.deps.Identity.User(c.Request().Context(), caller.User.ID)
	if err != nil {
		return err
	}
	caller.User = u
	setETag(c, u.Version)
	return c.JSON(http.StatusOK, s.sessionResponse(caller))
}

// updateMeRequest is the body of PATCH /me.
type updateMeRequest struct {
	Name   *string `json:"name" validate:"omitempty,min=1,max=200"`
	Locale *string `json:"locale" validate:"omitempty,oneof=en zh-CN"`
}

// updateMe answers PATCH /me: a user's own name and language.
func (s *server) updateMe(c echo.Context) error {
	version, err := ifMatchVersion(c)
	if err != nil {
		return err
	}
	var req updateMeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	var locale *identity.Locale
	if req.Locale != nil {
		l := identity.Locale(*req.Locale)
		locale = &l
	}
	u, err := s.deps.Identity.UpdateProfile(c.Request().Context(), actorOf(c), version, req.Name, locale)
	if err != nil {
		return err
	}
	return writeUser(c, http.StatusOK, u)
}

// changePasswordRequest is the body of POST /me/password.
type changePasswordRequest struct {
	CurrentPassword string `json:"current_password" validate:"required,max=128"`
	NewPassword     string `json:"new_password" validate:"required,min=12,max=128"`
}

// changeMyPassword answers POST /me/password; every session of the user ends, so the
// SPA signs in again.
func (s *server) changeMyPassword(c echo.Context) error {
	var req changePasswordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.deps.Identity.ChangeOwnPassword(c.Request().Context(), actorOf(c), req.CurrentPassword, req.NewPassword); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
