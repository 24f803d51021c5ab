package identity

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"summit/domain"
)

// MinPasswordLength and MaxPasswordLength are the password policy: at least and at most
// this many characters (the maximum keeps hashing cheap).
const (
	MinPasswordLength = domain.MinPasswordLen
	MaxPasswordLength = domain.MaxPasswordLen
)

// hashParams are argon2id's parameters (RFC 9106's second recommended option, with
// less memory so a login stays well under 100 ms on two cores).
var hashParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword checks the password policy and returns an argon2id hash of the password.
func HashPassword(password string) (string, error) {
	switch n := utf8.RuneCountInString(password); {
	case n < MinPasswordLength:
		return "", domain.Invalid("password", "min", strconv.Itoa(MinPasswordLength))
	case n > MaxPasswordLength:
		return "", domain.Invalid("password", "max", strconv.Itoa(MaxPasswordLength))
	}
	return argon2id.CreateHash(password, hashParams)
}

// PasswordMatches reports whether password is the one hashed in hash; a malformed hash
// never matches.
func PasswordMatches(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// renameField reports a password policy violation under field (e.g. new_password).
func renameField(err error, field string) error {
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		return err
	}
	out := &domain.ValidationError{}
	for _, v := range verr.Violations {
		out.Add(field, v.Rule, v.Param)
	}
	return out
}
