package identity

import (
	"context"
	"strings"

	"summit/domain"
)

// NewUserInput is what an admin (or the CLI) gives to create a user.
type NewUserInput struct {
	Email, Name, Password string
	Role                  Role
	Locale                Locale
}

// UserPatch changes some fields of a user; nil fields stay as they are.
type UserPatch struct {
	Name   *string
	Role   *Role
	Locale *Locale
	Active *bool
}

// CreateUser checks and stores a new user; a taken email is domain.ErrConflict.
func (s *Service) CreateUser(ctx context.Context, a Actor, in NewUserInput) (User, error) {
	u, err := NewUser(in.Email, in.Name, in.Role, in.Locale)
	if err != nil {
		return User{}, err
	}
	if u.PasswordHash, err = s.hashPassword(ctx, in.Password); err != nil {
		return User{}, err
	}
	ev := a.event(AuditUserCreated, "user", nil, map[string]any{"email": u.Email, "role": u.Role})
	return s.Users.CreateUser(ctx, u, ev)
}

// UpdateUser applies an admin's patch. Deactivating a user ends their sessions and tokens
// in the same transaction, so they are locked out at once.
func (s *Service) UpdateUser(ctx context.Context, a Actor, id string, version int, p UserPatch) (User, error) {
	u, err := s.Users.UserByID(ctx, id)
	if err != nil {
		return User{}, err
	}
	changes := map[string]any{}
	if p.Name != nil {
		name := strings.TrimSpace(*p.Name)
		if name == "" {
			return User{}, domain.Invalid("name", "required", "")
		}
		if err := domain.TooLong("name", name, domain.MaxNameLen); err != nil {
			return User{}, err
		}
		record(changes, "name", u.Name, name)
		u.Name = name
	}
	if p.Role != nil {
		if !p.Role.Valid() {
			return User{}, domain.Invalid("role", "oneof", "admin executive member")
		}
		record(changes, "role", u.Role, *p.Role)
		u.Role = *p.Role
	}
	if p.Locale != nil {
		if !p.Locale.Valid() {
			return User{}, domain.Invalid("locale", "oneof", "en zh-CN")
		}
		record(changes, "locale", u.Locale, *p.Locale)
		u.Locale = *p.Locale
	}
	revoke := false
	if p.Active != nil {
		if !*p.Active && id == a.UserID {
			return User{}, domain.Invalid("active", "not_self", "")
		}
		revoke = u.Active && !*p.Active
		record(changes, "active", u.Active, *p.Active)
		u.Active = *p.Active
	}
	ev := a.event(AuditUserUpdated, "user", &u.ID, changes)
	return s.Users.UpdateUser(ctx, u, version, ev, revoke)
}

// ResetPassword sets a user's password for them (admin) and signs them out everywhere.
func (s *Service) ResetPassword(ctx context.Context, a Actor, id, password string) error {
	u, err := s.Users.UserByID(ctx, id)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = s.hashPassword(ctx, password); err != nil {
		return err
	}
	ev := a.event(AuditPasswordReset, "user", &u.ID, nil)
	_, err = s.Users.UpdateUser(ctx, u, u.Version, ev, true)
	return err
}

// ChangeOwnPassword checks the current password before setting a new one; the user's
// sessions and tokens end, so they sign in again with it.
func (s *Service) ChangeOwnPassword(ctx context.Context, a Actor, current, next string) error {
	u, err := s.Users.UserByID(ctx, a.UserID)
	if err != nil {
		return err
	}
	var matches bool
	if err := s.Hashes.Do(ctx, func() { matches = s.passwordMatches(current, u.PasswordHash) }); err != nil {
		return err
	}
	if !matches {
		return domain.Invalid("current_password", "wrong_password", "")
	}
	if u.PasswordHash, err = s.hashPassword(ctx, next); err != nil {
		return renameField(err, "new_password")
	}
	ev := a.event(AuditPasswordSet, "user", &u.ID, nil)
	_, err = s.Users.UpdateUser(ctx, u, u.Version, ev, true)
	return err
}

// UpdateProfile lets a user change their own name and language.
func (s *Service) UpdateProfile(ctx context.Context, a Actor, version int, name *string, locale *Locale) (User, error) {
	return s.UpdateUser(ctx, a, a.UserID, version, UserPatch{Name: name, Locale: locale})
}

// record notes a field's change for the audit trail, skipping no-ops.
func record(changes map[string]any, field string, from, to any) {
	if from != to {
		changes[field] = Change{From: from, To: to}
	}
}

// hashPassword is HashPassword taking a turn at the hash gate.
func (s *Service) hashPassword(ctx context.Context, password string) (hash string, err error) {
	if gateErr := s.Hashes.Do(ctx, func() { hash, err = HashPassword(password) }); gateErr != nil {
		return "", gateErr
	}
	return hash, err
}
