package repository

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"summit/domain"
)

// translate turns a driver or GORM error into the domain error it means, keeping the
// original for logs. what names the thing being read or written.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	var netErr net.Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%s: %w: %v", what, domain.ErrConflict, err)
	case errors.As(err, &pgErr) && pgErr.Code == "23514" && strings.HasPrefix(pgErr.ConstraintName, "limit_"): // check_violation of an input limit
		return fmt.Errorf("%s: %w", what, domain.Invalid(strings.TrimPrefix(pgErr.ConstraintName, "limit_"), "limit", ""))
	case errors.As(err, &pgErr) && pgErr.Code == "23503": // foreign_key_violation
		return fmt.Errorf("%s: %w: %v", what, domain.ErrConflict, err)
	case errors.As(err, &pgErr) && pgErr.Code == "57014": // query_canceled: the statement timeout
		return fmt.Errorf("%s: %w: %v", what, context.DeadlineExceeded, err)
	case errors.As(err, &pgErr) && (pgErr.Code[:2] == "08" || pgErr.Code == "57P01" || pgErr.Code == "57P03"):
		return fmt.Errorf("%s: %w: %v", what, domain.ErrUnavailable, err)
	case errors.As(err, &netErr):
		return fmt.Errorf("%s: %w: %v", what, domain.ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}
