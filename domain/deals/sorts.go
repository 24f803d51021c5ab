package deals

import "summit/domain"

// The sorts each list of this package accepts (?sort=, docs/api.md). The repository
// maps each field to its column.
var (
	DealSorts     = domain.Sorts{Fields: []string{"amount_minor", "confidence", "created_at", "name", "target_close_date"}, Default: "target_close_date"}
	CustomerSorts = domain.Sorts{Fields: []string{"created_at", "name"}, Default: "name"}
	TemplateSorts = domain.Sorts{Fields: []string{"created_at", "name"}, Default: "name"}
	ActivitySorts = domain.Sorts{Fields: []string{"at"}, Default: "-at"}
)
