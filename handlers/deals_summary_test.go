package handlers

import (
	"net/http"
	"reflect"
	"testing"
)

// GET /deals/summary counts the deals of the list's filters that the caller may read and
// sums their amounts per currency; a bad filter is a 400 naming it.
func TestDealsSummaryCountsTheFilteredSetPerCurrency(t *testing.T) {
	t.Parallel()
	w := newDealWorld(t)
	pmo := w.ts.signIn(w.pmo.Email)
	w.createG2BDeal(t, pmo, "Port logistics") // 30,000,000.00 CNY like the first
	body := `{"name":"Harbour cloud","customer_id":"` + w.customer.ID + `","segment":"g2b","team_id":"` + w.north.ID +
		`","amount_minor":125000,"currency":"USD","target_close_date":"2027-12-15"}`
	if rec := pmo.do("POST", "/api/v1/deals", body); rec.Code != http.StatusCreated {
		t.Fatalf("create USD deal: %d %s", rec.Code, rec.Body)
	}

	cases := []struct {
		name  string
		b     *browser
		query string
		want  dealsSummaryResponse
	}{
		{"every deal, currencies apart", pmo, "", dealsSummaryResponse{Count: 3, Totals: []currencyTotalResponse{
			{Currency: "CNY", Count: 2, AmountMinor: 6000000000}, {Currency: "USD", Count: 1, AmountMinor: 125000}}}},
		{"searched", pmo, "?q=harbour", dealsSummaryResponse{Count: 1, Totals: []currencyTotalResponse{{Currency: "USD", Count: 1, AmountMinor: 125000}}}},
		{"filtered by status", pmo, "?status=won", dealsSummaryResponse{Count: 0, Totals: []currencyTotalResponse{}}},
		{"an outsider reads none of them", w.ts.signIn(w.outsider.Email), "", dealsSummaryResponse{Count: 0, Totals: []currencyTotalResponse{}}},
	}
	for _, c := range cases {
		rec := c.b.do("GET", "/api/v1/deals/summary"+c.query, "")
		var got dealsSummaryResponse
		decode(t, rec, &got)
		if rec.Code != http.StatusOK || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %d %+v, want %+v", c.name, rec.Code, got, c.want)
		}
	}

	for _, bad := range []struct{ query, field string }{
		{"status=maybe", "status"},
		{"segment=retail", "segment"},
		{"period=someday", "period"},
		{"team_id=north", "team_id"},
		{"customer_id=1", "customer_id"},
		{"confidence_min=2", "confidence_min"},
	} {
		rec := pmo.do("GET", "/api/v1/deals/summary?"+bad.query, "")
		var e errorBody
		decode(t, rec, &e)
		if rec.Code != http.StatusBadRequest || e.Error.Fields[bad.field] == "" {
			t.Errorf("GET /deals/summary?%s: %d %s, want 400 naming %s", bad.query, rec.Code, rec.Body, bad.field)
		}
	}
}
