package domain

import "errors"

// ErrInvalidCursor: a list cursor that the list could not have produced (tampered, or
// of another sort). Handlers answer 400 naming the cursor.
var ErrInvalidCursor = errors.New("invalid cursor")

// Default and maximum page sizes of every list endpoint (docs/api.md).
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Sorts is what one list accepts: the fields it may be sorted by (the whitelist) and the
// sort it uses when none is asked for ("-" first for descending). The domain declares
// them; the repository maps each field to its column (and a repository test checks it
// maps exactly these).
type Sorts struct {
	Fields  []string // sorted, for error messages and the OpenAPI document
	Default string
}

// SortOrder is one whitelisted sort key and its direction.
type SortOrder struct {
	Field string
	Desc  bool
}

// Cursor marks where the previous page ended: the sort value and the id of its last row.
type Cursor struct {
	Value string `json:"v"`
	ID    string `json:"id"`
}

// ListParams is what a list request asks for once its query string has been checked.
type ListParams struct {
	Limit  int
	Sort   SortOrder
	After  *Cursor
	Search string
}

// Page is one page of a list and the cursor of the next page, nil on the last one.
type Page[T any] struct {
	Items []T
	Next  *Cursor
}
