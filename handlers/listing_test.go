package handlers

import (
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"summit/domain"
)

func TestListQueryParse(t *testing.T) {
	t.Parallel()
	q := listQuery{sorts: []string{"created_at", "name"}, defaultSort: "-created_at"}
	const id = "7d0c2a4e-5b1f-4c38-9a6e-0f1d2c3b4a59"
	nameCursor := *encodeCursor("name", &domain.Cursor{Value: "Li Wei", ID: id})
	tampered := func(json string) string { return base64.RawURLEncoding.EncodeToString([]byte(json)) }
	tests := []struct {
		name      string
		query     string
		wantField string // the field a 400 names; "" for success
		want      domain.ListParams
	}{
		{name: "defaults", query: "", want: domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "created_at", Desc: true}}},
		{name: "limit, ascending sort, search", query: "limit=500&sort=name&q=+beijing+", want: domain.ListParams{Limit: 500, Sort: domain.SortOrder{Field: "name"}, Search: "beijing"}},
		{name: "cursor of the same sort", query: "sort=name&cursor=" + nameCursor, want: domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "name"}, After: &domain.Cursor{Value: "Li Wei", ID: id}}},
		{name: "limit not a number", query: "limit=ten", wantField: "limit"},
		{name: "limit zero", query: "limit=0", wantField: "limit"},
		{name: "limit over max", query: "limit=501", wantField: "limit"},
		{name: "sort not whitelisted", query: "sort=password_hash", wantField: "sort"},
		{name: "cursor garbage", query: "cursor=bm90LWpzb24", wantField: "cursor"},
		{name: "cursor of another sort", query: "sort=-name&cursor=" + nameCursor, wantField: "cursor"},
		{name: "cursor not base64", query: "sort=name&cursor=!!!", wantField: "cursor"},
		{name: "cursor base64 of bytes", query: "sort=name&cursor=" + tampered("\xff\x00garbage"), wantField: "cursor"},
		{name: "cursor of the wrong types", query: "sort=name&cursor=" + tampered(`{"s":"name","v":5,"id":7}`), wantField: "cursor"},
		{name: "cursor without id", query: "sort=name&cursor=" + tampered(`{"s":"name","v":"Li"}`), wantField: "cursor"},
		{name: "cursor id not a UUID", query: "sort=name&cursor=" + tampered(`{"s":"name","v":"Li","id":"1 OR 1=1"}`), wantField: "cursor"},
		{name: "cursor value with NUL", query: "sort=name&cursor=" + tampered(`{"s":"name","v":"a\u0000","id":"`+id+`"}`), wantField: "cursor"},
		{name: "cursor a list", query: "sort=name&cursor=" + tampered(`[1,2]`), wantField: "cursor"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := echo.New().NewContext(httptest.NewRequest("GET", "/x?"+tc.query, nil), httptest.NewRecorder())
			got, err := q.parse(c)
			if tc.wantField != "" {
				var reqErr *requestError
				if !errors.As(err, &reqErr) || reqErr.status != 400 || reqErr.fields[tc.wantField] == "" {
					t.Fatalf("err = %v, want a 400 naming %q", err, tc.wantField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Limit != tc.want.Limit || got.Sort != tc.want.Sort || got.Search != tc.want.Search ||
				(got.After == nil) != (tc.want.After == nil) || got.After != nil && *got.After != *tc.want.After {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestIfMatchVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header     string
		want       int
		wantStatus int
	}{
		{`"3"`, 3, 0},
		{`W/"12"`, 12, 0},
		{`7`, 7, 0},
		{``, 0, 428},
		{`"abc"`, 0, 400},
		{`"0"`, 0, 400},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("PATCH", "/x", nil)
		if tc.header != "" {
			req.Header.Set("If-Match", tc.header)
		}
		c := echo.New().NewContext(req, httptest.NewRecorder())
		got, err := ifMatchVersion(c)
		if tc.wantStatus == 0 {
			if err != nil || got != tc.want {
				t.Errorf("If-Match %q = %d, %v; want %d", tc.header, got, err, tc.want)
			}
			continue
		}
		status, body := describe(err, LocaleEN)
		if status != tc.wantStatus || body.Error.Fields["If-Match"] == "" {
			t.Errorf("If-Match %q: status %d fields %v; want %d naming If-Match", tc.header, status, body.Error.Fields, tc.wantStatus)
		}
	}
}
