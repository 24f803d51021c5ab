package identity

import (
	"unicode/utf8"

	"github.com/alexedwards/argon2id"

	"summit/domain"
)

// MinPasswordLength is the password policy: at least this many characters.
const MinPasswordLength = 12

// hashParams are argon2id's parameters (RFC 9106's second recommended option, with
// less memory so a login stays well under 100 ms on two cores).
var hashParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword checks the password policy and returns an argon2id hash of the password.
func HashPassword(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return "", domain.Invalid("password", "min", "12")
	}
	return argon2id.CreateHash(password, hashParams)
}

// PasswordMatches reports whether password is the one hashed in hash; a malformed hash
// never matches.
func PasswordMatches(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}
