package identity

import "summit/domain"

// The sorts each list of this package accepts (?sort=, docs/api.md). The repository
// maps each field to its column.
var (
	UserSorts  = domain.Sorts{Fields: []string{"created_at", "email", "name"}, Default: "name"}
	TeamSorts  = domain.Sorts{Fields: []string{"created_at", "name"}, Default: "name"}
	AuditSorts = domain.Sorts{Fields: []string{"at"}, Default: "-at"}
)
