package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"

	"summit/domain"
	"summit/domain/identity"
)

// cliActor marks changes made from the command line in the audit trail.
var cliActor = identity.Actor{IP: "cli"}

func runUser(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	const usage = "user: usage: summit user create --email E --name N --password P --role admin|executive|member [--locale en|zh-CN]"
	if len(args) == 0 || args[0] != "create" {
		return errors.New(usage)
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
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	u, err := cfg.identityService(gdb).CreateUser(ctx, cliActor, identity.NewUserInput{
		Email: *email, Name: *name, Password: *password, Role: identity.Role(*role), Locale: identity.Locale(*locale),
	})
	if errors.Is(err, domain.ErrConflict) {
		return fmt.Errorf("user: %s already exists", identity.NormalizeEmail(*email))
	}
	if err != nil {
		return describeInvalid(err)
	}
	fmt.Fprintf(stdout, "created %s %s (%s)\n", u.Role, u.Email, u.ID)
	return nil
}

func runToken(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	const usage = "token: usage: summit token create --email E --name N"
	if len(args) == 0 || args[0] != "create" {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	email := fs.String("email", "", "the user the token acts as")
	name := fs.String("name", "", "what the token is for, e.g. 'weekly export'")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	gdb, sqlDB, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	svc := cfg.identityService(gdb)
	u, err := svc.Users.UserByEmail(ctx, *email)
	if errors.Is(err, domain.ErrNotFound) || err == nil && !u.Active {
		return fmt.Errorf("token: no active user %s", *email)
	}
	if err != nil {
		return err
	}
	plain, _, err := svc.CreateToken(ctx, identity.Actor{UserID: u.ID, IP: "cli"}, *name)
	if err != nil {
		return describeInvalid(err)
	}
	fmt.Fprintln(stdout, plain)
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
