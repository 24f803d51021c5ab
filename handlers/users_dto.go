package handlers

import (
	"time"

	"summit/domain/identity"
)

// userResponse is a user as the API shows it (never the password hash).
type userResponse struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Locale    string    `json:"locale"`
	Active    bool      `json:"active"`
	TeamIDs   []string  `json:"team_ids"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

func toResponseUser(u identity.User) userResponse {
	teams := u.TeamIDs
	if teams == nil {
		teams = []string{}
	}
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Locale: string(u.Locale),
		Active: u.Active, TeamIDs: teams, Version: u.Version, CreatedAt: u.CreatedAt}
}

// createUserRequest is the body of POST /users.
type createUserRequest struct {
	Email    string `json:"email" validate:"required,max=254,email"`
	Name     string `json:"name" validate:"required,max=200"`
	Role     string `json:"role" validate:"required,oneof=admin executive member"`
	Locale   string `json:"locale" validate:"omitempty,oneof=en zh-CN"`
	Password string `json:"password" validate:"required,min=12,max=128"`
}

func (r createUserRequest) toDomain() identity.NewUserInput {
	return identity.NewUserInput{Email: r.Email, Name: r.Name, Password: r.Password,
		Role: identity.Role(r.Role), Locale: identity.Locale(r.Locale)}
}

// updateUserRequest is the body of PATCH /users/{id}: only the fields sent change.
type updateUserRequest struct {
	Name   *string `json:"name" validate:"omitempty,min=1,max=200"`
	Role   *string `json:"role" validate:"omitempty,oneof=admin executive member"`
	Locale *string `json:"locale" validate:"omitempty,oneof=en zh-CN"`
	Active *bool   `json:"active"`
}

func (r updateUserRequest) toDomain() identity.UserPatch {
	p := identity.UserPatch{Name: r.Name, Active: r.Active}
	if r.Role != nil {
		role := identity.Role(*r.Role)
		p.Role = &role
	}
	if r.Locale != nil {
		l := identity.Locale(*r.Locale)
		p.Locale = &l
	}
	return p
}

// passwordRequest is the body of POST /users/{id}/password.
type passwordRequest struct {
	Password string `json:"password" validate:"required,min=12,max=128"`
}
