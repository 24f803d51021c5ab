package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"

	"summit/domain"
	"summit/domain/identity"
	"summit/repository"
)

func runUser(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("user: usage: summit user create --email E --name N --password P --role admin|executive|member [--locale en|zh-CN]")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	email := fs.String("email", "", "sign-in email (unique)")
	name := fs.String("name", "", "display name")
	password := fs.String("password", "", "password, at least 12 characters")
	role := fs.String("role", "member", "admin, executive or member")
	locale := fs.String("locale", "en", "en or zh-CN")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	u, err := identity.NewUser(*email, *name, identity.Role(*role), identity.Locale(*locale))
	if err != nil {
		return describeInvalid(err)
	}
	if u.PasswordHash, err = identity.HashPassword(*password); err != nil {
		return describeInvalid(err)
	}
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	created, err := repository.NewUsers(gdb).Create(ctx, u)
	if errors.Is(err, domain.ErrConflict) {
		return fmt.Errorf("user: %s already exists", u.Email)
	}
	if err != nil {
		return err
	}
	fmt.Printf("created %s %s (%s)\n", created.Role, created.Email, created.ID)
	return nil
}

// describeInvalid spells out a validation error for a terminal user.
func describeInvalid(err error) error {
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		return err
	}
	msg := "invalid:"
	for _, v := range verr.Violations {
		msg += fmt.Sprintf(" --%s (%s %s)", v.Field, v.Rule, v.Param)
	}
	return errors.New(msg)
}
