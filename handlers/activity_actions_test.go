package handlers

import (
	"slices"
	"testing"

	"summit/domain/deals"
)

// TestOpenAPIListsEveryActivityAction keeps the enum of ActivityAction in openapi.yaml
// (from which the SPA's schema, and its test that words every action, are generated)
// equal to deals.ActivityActions, the list the store accepts.
func TestOpenAPIListsEveryActivityAction(t *testing.T) {
	t.Parallel()
	doc, _, err := loadOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	schema, ok := doc.Components.Schemas["ActivityAction"]
	if !ok || schema.Value == nil {
		t.Fatal("openapi.yaml has no ActivityAction schema")
	}
	var documented []string
	for _, v := range schema.Value.Enum {
		s, _ := v.(string)
		documented = append(documented, s)
	}
	want := slices.Sorted(slices.Values(deals.ActivityActions))
	slices.Sort(documented)
	if !slices.Equal(documented, want) {
		t.Errorf("ActivityAction enum = %v, deals.ActivityActions = %v", documented, want)
	}
}
