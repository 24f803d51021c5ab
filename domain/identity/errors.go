package identity

import (
	"errors"
	"time"
)

// ErrInvalidCredentials is the one answer to a failed sign-in, whether the email exists,
// the password is wrong or the user is deactivated: nothing to learn from it.
var ErrInvalidCredentials = errors.New("invalid credentials")

// ThrottledError says sign-in is paused for this account or address.
type ThrottledError struct {
	RetryAfter time.Duration
}

func (e *ThrottledError) Error() string { return "too many failed sign-ins" }
