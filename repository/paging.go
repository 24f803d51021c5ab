package repository

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
)

// identified is a row with a uuid primary key, the tie-breaker of every sort.
type identified interface{ rowID() string }

// sortKey is one whitelisted sort: its SQL column and how to read its value from a row
// for the next cursor.
type sortKey[R identified] struct {
	column string
	value  func(R) string
}

// sortKeys maps the sort fields a domain list declares (domain.Sorts) to columns.
type sortKeys[R identified] map[string]sortKey[R]

// fields lists the mapped sort fields, sorted (a test compares them with the domain's).
func (s sortKeys[R]) fields() []string {
	out := make([]string, 0, len(s))
	for f := range s {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fits says whether a cursor could have come from this key: its id a UUID and its value
// of the column's kind, which the key's own rendering of an empty row reveals (a time,
// a date, a whole number, a number or text). Anything else would reach SQL and fail there.
func (k sortKey[R]) fits(c domain.Cursor) bool {
	if _, err := uuid.Parse(c.ID); err != nil {
		return false
	}
	sample := k.sample()
	for _, layout := range []string{time.RFC3339Nano, deals.DateLayout} {
		if _, err := time.Parse(layout, sample); err == nil {
			t, err := time.Parse(layout, c.Value)
			return err == nil && t.Year() >= 1
		}
	}
	if _, err := strconv.ParseInt(sample, 10, 64); err == nil {
		_, err := strconv.ParseInt(c.Value, 10, 64)
		return err == nil
	}
	if _, err := strconv.ParseFloat(sample, 64); err == nil {
		v, err := strconv.ParseFloat(c.Value, 64)
		return err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	return utf8.ValidString(c.Value) && !strings.ContainsRune(c.Value, 0)
}

// sample is the key's rendering of an empty row; "" (text) if the key cannot render one.
func (k sortKey[R]) sample() (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	var zero R
	return k.value(zero)
}

// listPage reads one page of q with keyset pagination: rows after p.After in the order
// of p.Sort, ties broken by id, so pages never repeat or skip a row while others write.
// idColumn qualifies the id column when q joins other tables ("" means "id").
func listPage[R identified](q *gorm.DB, keys sortKeys[R], p domain.ListParams, idColumn ...string) ([]R, *domain.Cursor, error) {
	id := "id"
	if len(idColumn) > 0 {
		id = idColumn[0]
	}
	key, ok := keys[p.Sort.Field]
	if !ok {
		return nil, nil, fmt.Errorf("sort field %q is not whitelisted", p.Sort.Field)
	}
	dir, cmp := "ASC", ">"
	if p.Sort.Desc {
		dir, cmp = "DESC", "<"
	}
	if p.After != nil {
		if !key.fits(*p.After) {
			return nil, nil, fmt.Errorf("cursor %q for %s: %w", p.After.Value, p.Sort.Field, domain.ErrInvalidCursor)
		}
		q = q.Where(fmt.Sprintf("(%s, %s) %s (?, ?)", key.column, id, cmp), p.After.Value, p.After.ID)
	}
	var rows []R
	err := q.Order(key.column + " " + dir).Order(id + " " + dir).Limit(p.Limit + 1).Find(&rows).Error
	if err != nil {
		return nil, nil, err
	}
	if len(rows) <= p.Limit {
		return rows, nil, nil
	}
	rows = rows[:p.Limit]
	last := rows[len(rows)-1]
	return rows, &domain.Cursor{Value: key.value(last), ID: last.rowID()}, nil
}

// timeKey formats a timestamp for a cursor without losing precision.
func timeKey(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// escapeLike makes s match literally inside an ILIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
