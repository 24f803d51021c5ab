package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
)

// Prefixes make a leaked secret recognisable (and greppable by secret scanners).
const (
	SessionPrefix = "sss_"
	TokenPrefix   = "smt_"
)

// NewSecret returns a random secret (32 bytes, base64url) with prefix, and the hash
// under which it is stored: the plain secret is given to the user once and never kept.
func NewSecret(prefix string) (plain string, hash []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	plain = prefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, HashSecret(plain)
}

// HashSecret is the stored form of a session id or API token. The secret has 256 bits
// of entropy, so a fast hash suffices (no salt or stretching needed).
func HashSecret(plain string) []byte {
	sum := sha256.Sum256([]byte(plain))
	return sum[:]
}
