package handlers

import (
	"context"
	"net/http"
	"testing"

	"summit/domain/stakeholders"
)

// GET /teams, /templates and /customers/{id}/contacts follow the list conventions:
// limit, keyset cursor bound to its sort, whitelisted sorts; bad parameters are 400
// naming the parameter.
func TestTeamsTemplatesAndContactsFollowTheListConventions(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t) // three teams, two built-in templates
	for _, name := range []string{"Director Zhao", "Engineer Qian", "Officer Sun"} {
		if _, err := w.ts.st.CreateContact(context.Background(), stakeholders.Contact{CustomerID: w.customer.ID, Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	pmo := w.ts.signIn(w.pmo.Email)
	lists := map[string]struct {
		path  string
		first string // by name
		total int
	}{
		"teams":     {"/api/v1/teams", "East China", 3},
		"templates": {"/api/v1/templates", "G2B public procurement", 2},
		"contacts":  {"/api/v1/customers/" + w.customer.ID + "/contacts", "Director Zhao", 3},
	}
	type named struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	for list, l := range lists {
		// Two items a page, following the cursor: every item once, in name order.
		var seen []string
		target := l.path + "?limit=2&sort=name"
		for range l.total {
			var page listResponse[named]
			rec := pmo.do("GET", target, "")
			decode(t, rec, &page)
			if rec.Code != http.StatusOK || len(page.Items) > 2 {
				t.Fatalf("%s %s: %d %s", list, target, rec.Code, rec.Body)
			}
			for _, item := range page.Items {
				seen = append(seen, item.Name)
			}
			if page.NextCursor == nil {
				break
			}
			target = l.path + "?limit=2&sort=name&cursor=" + *page.NextCursor
		}
		if len(seen) != l.total || seen[0] != l.first {
			t.Errorf("%s paged: %v, want %d items from %s", list, seen, l.total, l.first)
		}
		var desc listResponse[named]
		decode(t, pmo.do("GET", l.path+"?limit=1&sort=-name", ""), &desc)
		if len(desc.Items) != 1 || desc.Items[0].Name != seen[len(seen)-1] || desc.NextCursor == nil {
			t.Errorf("%s descending: %+v", list, desc)
		}
		// A cursor of another sort, an unknown sort, a limit out of range: 400 naming it.
		for param, query := range map[string]string{
			"cursor": "?sort=created_at&cursor=" + *desc.NextCursor,
			"sort":   "?sort=phone",
			"limit":  "?limit=501",
		} {
			rec := pmo.do("GET", l.path+query, "")
			var body errorBody
			decode(t, rec, &body)
			if rec.Code != http.StatusBadRequest || body.Error.Fields[param] == "" {
				t.Errorf("%s%s: %d %s, want 400 naming %s", list, query, rec.Code, rec.Body, param)
			}
		}
	}
}
