package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"summit/domain/stakeholders"
)

// TestNewStakeholderReportsTo: a new contact added to a deal can be given a manager, a
// contact of the deal's customer; anything else is a 4xx naming reports_to_id that adds
// nobody, and the person drawer's PATCH /contacts/{id} moves the line later.
func TestNewStakeholderReportsTo(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	am := w.ts.signIn(w.business.Email)
	ctx := context.Background()
	boss, err := w.ts.st.CreateContact(ctx, stakeholders.Contact{CustomerID: w.customer.ID, Name: "Director Zhao"})
	if err != nil {
		t.Fatal(err)
	}
	rec := am.do("POST", "/api/v1/customers", `{"name":"Other Bureau","kind":"government"}`)
	var other struct{ ID string }
	decode(t, rec, &other)
	stranger, err := w.ts.st.CreateContact(ctx, stakeholders.Contact{CustomerID: other.ID, Name: "Someone else"})
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/deals/" + w.deal.ID + "/stakeholders"
	person := `"decision_role":"technical_evaluator","influence":3,"stance":"neutral"`

	bad := []struct {
		name, body string
		status     int
	}{
		{"not a uuid", `{"name":"Engineer Qian","reports_to_id":"boss",` + person + `}`, http.StatusUnprocessableEntity},
		{"a contact of another customer", `{"name":"Engineer Qian","reports_to_id":"` + stranger.ID + `",` + person + `}`, http.StatusUnprocessableEntity},
		{"nobody", `{"name":"Engineer Qian","reports_to_id":"00000000-0000-4000-8000-000000000000",` + person + `}`, http.StatusUnprocessableEntity},
		{"with an existing contact", `{"contact_id":"` + boss.ID + `","reports_to_id":"` + boss.ID + `",` + person + `}`, http.StatusUnprocessableEntity},
	}
	for _, tt := range bad {
		rec := am.do("POST", path, tt.body)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), `"reports_to_id"`) {
			t.Errorf("%s: %d %s, want %d naming reports_to_id", tt.name, rec.Code, rec.Body, tt.status)
		}
	}
	var list listResponse[stakeholderResponse]
	decode(t, am.do("GET", path, ""), &list)
	if len(list.Items) != 0 {
		t.Fatalf("refused requests added %d stakeholders", len(list.Items))
	}

	rec = am.do("POST", path, `{"name":"Engineer Qian","reports_to_id":"`+boss.ID+`",`+person+`}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("add with a manager: %d %s", rec.Code, rec.Body)
	}
	var qian stakeholderResponse
	decode(t, rec, &qian)
	if qian.ReportsToID == nil || *qian.ReportsToID != boss.ID {
		t.Fatalf("reports_to_id = %v, want %s", qian.ReportsToID, boss.ID)
	}
	// The drawer sets it on the contact: the boss cannot report to their own report.
	rec = am.do("PATCH", "/api/v1/contacts/"+boss.ID, `{"reports_to_id":"`+qian.ContactID+`"}`, "If-Match", etag(boss.Version))
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"reports_to_id"`) {
		t.Fatalf("a reporting cycle: %d %s", rec.Code, rec.Body)
	}
}
