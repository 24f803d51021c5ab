package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// indexTimes is one query timed with and without some of migration 00008's indexes.
type indexTimes struct {
	Query        string   `json:"query"`
	SQL          string   `json:"sql"`
	Dropped      []string `json:"dropped"`
	WithMs       float64  `json:"with_ms"` // median execution time (EXPLAIN ANALYZE), planning excluded
	WithoutMs    float64  `json:"without_ms"`
	WithIndex    []string `json:"with_indexes_used"`
	WithoutIndex []string `json:"without_indexes_used"`
}

// The deals list's query as repository.ListDeals builds it for a caller who may read every
// deal (an administrator): deals with their customer's name and the stored confidence of
// the list's period, one page of 50 (+1 to know whether another follows).
const dealsPageSQL = `SELECT deals.*, customers.name AS customer_name, df.confidence AS fc_confidence, df.p_in_period AS fc_p_in_period,
  CASE WHEN df.deal_id IS NULL THEN NULL ELSE dc.p_win END AS fc_p_win,
  CASE WHEN df.deal_id IS NULL THEN NULL ELSE dc.as_of END AS fc_as_of
FROM deals JOIN customers ON customers.id = deals.customer_id
LEFT JOIN deal_forecasts df ON df.deal_id = deals.id AND df.period = $1
LEFT JOIN deal_confidence dc ON dc.deal_id = deals.id`

// measureIndexes times, on dbURL, a page sorted by name, a page sorted by amount
// (descending) and a rare-term search, each with the indexes in place and inside a
// transaction that drops the ones serving it (rolled back: nothing changes).
func measureIndexes(ctx context.Context, dbURL, term string) ([]indexTimes, error) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	now := time.Now().UTC()
	period := fmt.Sprintf("%d-Q%d", now.Year(), (int(now.Month())-1)/3+1)
	like := "%" + term + "%"
	cases := []struct {
		name    string
		sql     string
		args    []any
		dropped []string
	}{
		{"`GET /deals?sort=name` (first page)", dealsPageSQL + "\nORDER BY deals.name, deals.id LIMIT 51",
			[]any{period}, []string{"deals_name_idx"}},
		{"`GET /deals?sort=-amount_minor` (first page)", dealsPageSQL + "\nORDER BY deals.amount_minor DESC, deals.id DESC LIMIT 51",
			[]any{period}, []string{"deals_amount_idx"}},
		{fmt.Sprintf("`GET /deals?q=%s` as the app sent it before c4dfccf: one OR over the joined rows", term),
			dealsPageSQL + "\nWHERE (deals.name ILIKE $2 OR customers.name ILIKE $2)\nORDER BY deals.target_close_date, deals.id LIMIT 51",
			[]any{period, like}, []string{"deals_name_trgm_idx", "customers_name_trgm_idx"}},
		{"the same search written `deals.name ILIKE … OR deals.customer_id = ANY(ARRAY(SELECT id FROM customers WHERE name ILIKE …))`",
			dealsPageSQL + "\nWHERE (deals.name ILIKE $2 OR deals.customer_id = ANY(ARRAY(SELECT id FROM customers WHERE name ILIKE $2)))\nORDER BY deals.target_close_date, deals.id LIMIT 51",
			[]any{period, like}, []string{"deals_name_trgm_idx", "customers_name_trgm_idx"}},
		{"the same search as the app sends it (repository.ListDeals): the union of what each trigram index finds, `deals.id IN (SELECT id FROM deals WHERE name ILIKE … UNION ALL SELECT deals of customers WHERE name ILIKE …)`",
			dealsPageSQL + "\nWHERE deals.id IN (SELECT id FROM deals WHERE name ILIKE $2 UNION ALL SELECT d.id FROM deals d JOIN customers c ON c.id = d.customer_id WHERE c.name ILIKE $2)\nORDER BY deals.target_close_date, deals.id LIMIT 51",
			[]any{period, like}, []string{"deals_name_trgm_idx", "customers_name_trgm_idx"}},
		{fmt.Sprintf("deal names only: `name ILIKE '%%%s%%'`", term),
			"SELECT id, name FROM deals WHERE name ILIKE $1 ORDER BY target_close_date, id LIMIT 51",
			[]any{like}, []string{"deals_name_trgm_idx"}},
	}
	var out []indexTimes
	for _, c := range cases {
		it := indexTimes{Query: c.name, SQL: c.sql, Dropped: c.dropped}
		if it.WithMs, it.WithIndex, err = timeQuery(ctx, conn, c.sql, c.args); err != nil {
			return nil, err
		}
		tx, err := conn.Begin(ctx)
		if err != nil {
			return nil, err
		}
		for _, idx := range c.dropped {
			if _, err := tx.Exec(ctx, "DROP INDEX "+pgx.Identifier{idx}.Sanitize()); err != nil {
				_ = tx.Rollback(ctx)
				return nil, err
			}
		}
		it.WithoutMs, it.WithoutIndex, err = timeQuery(ctx, tx, c.sql, c.args)
		_ = tx.Rollback(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// timeQuery runs EXPLAIN ANALYZE nine times (after one untimed run) and answers the
// median execution time and the indexes the plan used.
func timeQuery(ctx context.Context, q querier, sql string, args []any) (float64, []string, error) {
	var times []float64
	var used []string
	for i := range 10 {
		var raw []byte
		if err := q.QueryRow(ctx, "EXPLAIN (ANALYZE, FORMAT JSON) "+sql, args...).Scan(&raw); err != nil {
			return 0, nil, fmt.Errorf("%w\n%s", err, sql)
		}
		var plans []struct {
			Plan          map[string]any `json:"Plan"`
			ExecutionTime float64        `json:"Execution Time"`
		}
		if err := json.Unmarshal(raw, &plans); err != nil || len(plans) == 0 {
			return 0, nil, fmt.Errorf("EXPLAIN output: %v", err)
		}
		if i == 0 {
			used = indexNames(plans[0].Plan, nil)
			continue
		}
		times = append(times, plans[0].ExecutionTime)
	}
	sort.Float64s(times)
	return times[len(times)/2], used, nil
}

// indexNames collects the "Index Name" of every node of a JSON plan.
func indexNames(node map[string]any, acc []string) []string {
	if name, ok := node["Index Name"].(string); ok && !slices.Contains(acc, name) {
		acc = append(acc, name)
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				acc = indexNames(m, acc)
			}
		}
	}
	return acc
}

func joinOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return "`" + strings.Join(s, "`, `") + "`"
}
