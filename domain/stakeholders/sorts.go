package stakeholders

import "summit/domain"

// ContactSorts are the sorts a customer's contact list accepts (?sort=, docs/api.md).
// The repository maps each field to its column.
var ContactSorts = domain.Sorts{Fields: []string{"created_at", "name"}, Default: "name"}
