package handlers

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"summit/domain"
)

// listQuery says which sort fields a list accepts and which it uses by default.
type listQuery struct {
	sorts       []string // whitelisted sort fields
	defaultSort string   // e.g. "name" or "-created_at"
}

// listOf is the query of a list whose sorts the domain declares.
func listOf(s domain.Sorts) listQuery { return listQuery{sorts: s.Fields, defaultSort: s.Default} }

// wireCursor is the opaque next_cursor: the sort it belongs to, the last row's sort value
// and id, base64url-encoded JSON. A cursor of another sort is refused rather than misread.
type wireCursor struct {
	Sort  string `json:"s"`
	Value string `json:"v"`
	ID    string `json:"id"`
}

// pageLimit reads ?limit= (1 to domain.MaxPageSize; domain.DefaultPageSize when absent); a
// bad one is 400 naming it.
func pageLimit(c echo.Context) (int, error) {
	raw := c.QueryParam("limit")
	if raw == "" {
		return domain.DefaultPageSize, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		return 0, badQuery("limit", "integer", "")
	}
	if n < 1 || n > domain.MaxPageSize {
		return 0, badQuery("limit", "range", "1–"+strconv.Itoa(domain.MaxPageSize))
	}
	return n, nil
}

// parse reads ?limit=, ?cursor=, ?sort= and ?q= (docs/api.md); a bad one is 400 naming it.
func (q listQuery) parse(c echo.Context) (domain.ListParams, error) {
	p := domain.ListParams{Search: strings.TrimSpace(c.QueryParam("q"))}
	limit, err := pageLimit(c)
	if err != nil {
		return p, err
	}
	p.Limit = limit
	sortSpec := c.QueryParam("sort")
	if sortSpec == "" {
		sortSpec = q.defaultSort
	}
	field := strings.TrimPrefix(sortSpec, "-")
	if !slices.Contains(q.sorts, field) {
		return p, badQuery("sort", "sort", strings.Join(q.sorts, ", "))
	}
	p.Sort = domain.SortOrder{Field: field, Desc: strings.HasPrefix(sortSpec, "-")}
	if raw := c.QueryParam("cursor"); raw != "" {
		cur, err := decodeCursor(raw)
		if err != nil || cur.Sort != sortSpec {
			return p, badQuery("cursor", "cursor", "")
		}
		p.After = &domain.Cursor{Value: cur.Value, ID: cur.ID}
	}
	return p, nil
}

func decodeCursor(raw string) (wireCursor, error) {
	var cur wireCursor
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return cur, err
	}
	if err := json.Unmarshal(b, &cur); err != nil {
		return cur, err
	}
	if _, err := uuid.Parse(cur.ID); err != nil {
		return cur, err
	}
	if !cleanText(cur.Value) {
		return cur, domain.ErrInvalidCursor
	}
	return cur, nil // whether the value fits the sort column, the repository checks
}

func encodeCursor(sortSpec string, cur *domain.Cursor) *string {
	if cur == nil {
		return nil
	}
	b, _ := json.Marshal(wireCursor{Sort: sortSpec, Value: cur.Value, ID: cur.ID})
	s := base64.RawURLEncoding.EncodeToString(b)
	return &s
}

// listResponse is the JSON shape of every list.
type listResponse[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// writeList answers a list request with page converted item by item by toResponse.
func writeList[D, R any](c echo.Context, p domain.ListParams, page domain.Page[D], toResponse func(D) R) error {
	items := make([]R, 0, len(page.Items))
	for _, item := range page.Items {
		items = append(items, toResponse(item))
	}
	sortSpec := p.Sort.Field
	if p.Sort.Desc {
		sortSpec = "-" + sortSpec
	}
	return c.JSON(http.StatusOK, listResponse[R]{Items: items, NextCursor: encodeCursor(sortSpec, page.Next)})
}
