// Package identity holds Summit's people: users, their global roles and locales, teams,
// and the password rules. It knows nothing of HTTP or SQL.
package identity

import (
	"net/mail"
	"strings"
	"time"

	"summit/domain"
)

// Role is a user's global role; deal roles (pmo, business, solution) are held per deal.
type Role string

// The global roles.
const (
	RoleAdmin     Role = "admin"
	RoleExecutive Role = "executive"
	RoleMember    Role = "member"
)

// Roles lists every global role, in order of power.
var Roles = []Role{RoleAdmin, RoleExecutive, RoleMember}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

// Locale is a user's language for the UI and for error messages.
type Locale string

// The supported locales.
const (
	LocaleEnglish Locale = "en"
	LocaleChinese Locale = "zh-CN"
)

// Valid reports whether l is a supported locale.
func (l Locale) Valid() bool { return l == LocaleEnglish || l == LocaleChinese }

// User is a person who signs in to Summit.
type User struct {
	ID           string
	Email        string
	Name         string
	Role         Role
	Locale       Locale
	Active       bool
	PasswordHash string
	TeamIDs      []string // teams the user is a direct member of
	Version      int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// NewUser checks the fields of a user to be created and returns it with its email
// normalised; the password is checked and hashed separately (see HashPassword).
func NewUser(email, name string, role Role, locale Locale) (User, error) {
	verr := &domain.ValidationError{}
	email = NormalizeEmail(email)
	if _, err := mail.ParseAddress(email); err != nil || !strings.Contains(email, "@") {
		verr.Add("email", "email", "")
	}
	verr.CheckLen("email", email, domain.MaxEmailLen)
	name = strings.TrimSpace(name)
	if name == "" {
		verr.Add("name", "required", "")
	}
	verr.CheckLen("name", name, domain.MaxNameLen)
	if !role.Valid() {
		verr.Add("role", "oneof", "admin executive member")
	}
	if locale == "" {
		locale = LocaleEnglish
	}
	if !locale.Valid() {
		verr.Add("locale", "oneof", "en zh-CN")
	}
	if err := verr.OrNil(); err != nil {
		return User{}, err
	}
	return User{Email: email, Name: name, Role: role, Locale: locale, Active: true}, nil
}

// NormalizeEmail trims and lower-cases an address: emails are unique case-insensitively.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}
