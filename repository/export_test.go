package repository

// Translate is translate, for the tests of package repository_test.
var Translate = translate

// SeedScaleInChunks is SeedScale generating and copying chunk deals at a time.
var SeedScaleInChunks = seedScale

// SortedLists are the whitelisted sorts of each table's list: the columns the keyset
// pager orders by (with id), for the index test.
var SortedLists = map[string][]string{
	"deals":         columns(dealSorts),
	"customers":     columns(customerSorts),
	"contacts":      columns(contactSorts),
	"users":         columns(userSorts),
	"teams":         columns(teamSorts),
	"templates":     columns(templateSorts),
	"deal_activity": columns(activitySorts),
	"audit_events":  columns(auditSorts),
	"targets":       columns(targetSorts),
	"fx_rates":      columns(rateSorts),
}

func columns[R identified](keys sortKeys[R]) []string {
	var out []string
	for _, k := range keys {
		out = append(out, k.column)
	}
	return out
}
