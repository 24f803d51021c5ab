package handlers

import (
	"encoding/base64"
	"net/http"
	"testing"
	"time"
)

// My actions lists the caller's open retrospective actions and the stakeholder next steps
// they own, on the deals they may read; done can be undone; bad paging is a 400 naming it.
func TestMyActionsHasNextStepsAndUndo(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	am, pmo := w.ts.signIn(w.business.Email), w.ts.signIn(w.pmo.Email)
	day := func(offset int) string { return time.Now().AddDate(0, 0, offset).Format("2006-01-02") }

	rec := am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"Director Zhao","decision_role":"decision_maker",
		"influence":5,"stance":"neutral","owner_id":"`+w.business.ID+`","next_step":"Visit with our CTO","next_step_due":"`+day(-2)+`"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("add stakeholder: %d %s", rec.Code, rec.Body)
	}
	rec = am.do("POST", "/api/v1/deals/"+w.deal.ID+"/stakeholders", `{"name":"Ms Qian","decision_role":"user",
		"influence":2,"stance":"neutral","owner_id":"`+w.outsider.ID+`","next_step":"Not for the outsider to see","next_step_due":"`+day(1)+`"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("add stakeholder: %d %s", rec.Code, rec.Body)
	}
	body := `{"held_on":"` + day(-3) + `","happened":"Budget slipped","outcome":"at_risk",
		"actions":[{"title":"ROI deck for the finance bureau","owner_id":"` + w.business.ID + `","due_on":"` + day(5) + `"}]}`
	if rec := pmo.do("POST", "/api/v1/deals/"+w.deal.ID+"/retrospectives", body); rec.Code != http.StatusCreated {
		t.Fatalf("hold retrospective: %d %s", rec.Code, rec.Body)
	}

	var mine listResponse[myItemResponse]
	decode(t, am.do("GET", "/api/v1/me/actions", ""), &mine)
	type item struct {
		kind, title, who string
		overdue          bool
	}
	var got []item
	for _, i := range mine.Items {
		got = append(got, item{i.Kind, i.Title, i.StakeholderName, i.Overdue})
	}
	want := []item{{"next_step", "Visit with our CTO", "Director Zhao", true}, {"action", "ROI deck for the finance bureau", "", false}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || mine.Items[1].DealName != w.deal.Name {
		t.Fatalf("my actions = %+v, want %+v", got, want)
	}

	// Done, then undone: the action leaves the list and comes back.
	action := mine.Items[1]
	rec = am.do("PATCH", "/api/v1/actions/"+action.ID, `{"status":"done"}`, "If-Match", etag(action.Version))
	if rec.Code != http.StatusOK {
		t.Fatalf("done: %d %s", rec.Code, rec.Body)
	}
	decode(t, am.do("GET", "/api/v1/me/actions", ""), &mine)
	if len(mine.Items) != 1 {
		t.Fatalf("after done: %+v", mine.Items)
	}
	if rec := am.do("PATCH", "/api/v1/actions/"+action.ID, `{"status":"open"}`, "If-Match", etag(action.Version+1)); rec.Code != http.StatusOK {
		t.Fatalf("undo: %d %s", rec.Code, rec.Body)
	}
	decode(t, am.do("GET", "/api/v1/me/actions", ""), &mine)
	if len(mine.Items) != 2 {
		t.Fatalf("after undo: %+v", mine.Items)
	}

	// Paged: one at a time, the cursor leads to the second.
	var first, second listResponse[myItemResponse]
	decode(t, am.do("GET", "/api/v1/me/actions?limit=1", ""), &first)
	if len(first.Items) != 1 || first.NextCursor == nil {
		t.Fatalf("first page = %+v", first)
	}
	decode(t, am.do("GET", "/api/v1/me/actions?limit=1&cursor="+*first.NextCursor, ""), &second)
	if len(second.Items) != 1 || second.Items[0].Title != "ROI deck for the finance bureau" {
		t.Fatalf("second page = %+v", second)
	}

	// The outsider owns a next step on a deal they cannot read: it is not theirs to see.
	decode(t, w.ts.signIn(w.outsider.Email).do("GET", "/api/v1/me/actions", ""), &mine)
	if len(mine.Items) != 0 {
		t.Fatalf("outsider sees %+v", mine.Items)
	}

	for _, tc := range []struct{ query, field string }{
		{"sort=-due", "sort"},
		{"sort=title", "sort"},
		{"limit=0", "limit"},
		{"cursor=garbage", "cursor"},
		{"cursor=" + base64.RawURLEncoding.EncodeToString([]byte(`{"s":"due","v":"not a key","id":"`+action.ID+`"}`)), "cursor"},
	} {
		rec := am.do("GET", "/api/v1/me/actions?"+tc.query, "")
		var body errorBody
		decode(t, rec, &body)
		if rec.Code != http.StatusBadRequest || body.Error.Fields[tc.field] == "" {
			t.Errorf("GET /me/actions?%s: %d %s, want 400 naming %s", tc.query, rec.Code, rec.Body, tc.field)
		}
	}
}
