package stakeholders

import "summit/domain"

// ContactSorts are the sorts a customer's contact list accepts (?sort=, docs/api.md).
// The repository maps each field to its column.
var ContactSorts = domain.Sorts{Fields: []string{"created_at", "name"}, Default: "name"}

// The risk views are lists too (paged by ?limit= and ?cursor=), each in one order:
// gate risks soonest gate first, overdue next steps most overdue first, coverage gaps
// by deal id.
var (
	GateRiskSorts = domain.Sorts{Fields: []string{"due"}, Default: "due"}
	NextStepSorts = domain.Sorts{Fields: []string{"next_step_due"}, Default: "next_step_due"}
	CoverageSorts = domain.Sorts{Fields: []string{"deal_id"}, Default: "deal_id"}
)
