package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/identity"
)

// tokenResponse lists a token without its secret.
type tokenResponse struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
}

// createdTokenResponse carries the secret, shown this once.
type createdTokenResponse struct {
	tokenResponse
	Token string `json:"token"`
}

func toResponseToken(t identity.APIToken) tokenResponse {
	return tokenResponse{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt}
}

type createTokenRequest struct {
	Name string `json:"name" validate:"required,max=100"`
}

// listTokens answers GET /me/tokens (a user has few tokens: one page).
func (s *server) listTokens(c echo.Context) error {
	tokens, err := s.deps.Identity.ListTokens(c.Request().Context(), actorOf(c))
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[identity.APIToken]{Items: tokens}, toResponseToken)
}

// createToken answers POST /me/tokens.
func (s *server) createToken(c echo.Context) error {
	var req createTokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	plain, tok, err := s.deps.Identity.CreateToken(c.Request().Context(), actorOf(c), req.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, createdTokenResponse{tokenResponse: toResponseToken(tok), Token: plain})
}

// revokeToken answers DELETE /me/tokens/{id}.
func (s *server) revokeToken(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Identity.RevokeToken(c.Request().Context(), actorOf(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// listUserTokens answers GET /users/{id}/tokens (admins): a user's tokens, without secrets.
func (s *server) listUserTokens(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	tokens, err := s.deps.Identity.ListTokensOf(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[identity.APIToken]{Items: tokens}, toResponseToken)
}

// revokeUserToken answers DELETE /users/{id}/tokens/{token_id} (admins).
func (s *server) revokeUserToken(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	tokenID, err := pathID(c, "token_id")
	if err != nil {
		return err
	}
	if err := s.deps.Identity.RevokeTokenOf(c.Request().Context(), actorOf(c), id, tokenID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
