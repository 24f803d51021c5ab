package repository_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"summit/domain"
	"summit/domain/deals"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestDatabaseRefusesValuesPastTheInputLimits writes past every input limit straight
// into the database, bypassing the API and the domain: the CHECK constraints refuse it,
// and the value at the limit itself is stored.
func TestDatabaseRefusesValuesPastTheInputLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, db := dbtest.New(t)
	if err := repository.EnsureBuiltinTemplates(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	// Rows the demo does not hold.
	for _, q := range []string{
		`INSERT INTO api_tokens (user_id, name, secret_hash) SELECT id, 'ci', '\x01' FROM users LIMIT 1`,
		`INSERT INTO login_failures (email, ip) VALUES ('someone@example.com', '10.0.0.1')`,
		`INSERT INTO baselines (deal_id, name) SELECT id, 'Signed plan' FROM deals LIMIT 1`,
		`INSERT INTO stakeholder_history (stakeholder_id, changes) SELECT id, '{}' FROM stakeholders LIMIT 1`,
		`INSERT INTO gate_decisions (deal_id, milestone_id, decision, decided_on, rationale)
		     SELECT deal_id, id, 'go', current_date, 'ok' FROM milestones LIMIT 1`,
		`INSERT INTO retrospective_actions (retrospective_id, title, due_on) SELECT id, 'Follow up', current_date FROM retrospectives LIMIT 1`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	text := func(n int) string { return fmt.Sprintf("repeat('字', %d)", n) }
	num := func(n int64) string { return fmt.Sprint(n) }
	cases := []struct {
		table, column string
		over, at      string // SQL expressions
	}{
		{"users", "email", text(domain.MaxEmailLen + 1), text(domain.MaxEmailLen)},
		{"users", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"teams", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"api_tokens", "name", text(domain.MaxTokenNameLen + 1), text(domain.MaxTokenNameLen)},
		{"login_failures", "email", text(domain.MaxEmailLen + 1), text(domain.MaxEmailLen)},
		{"customers", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"customers", "region", text(domain.MaxLabelLen + 1), text(domain.MaxLabelLen)},
		{"customers", "industry", text(domain.MaxLabelLen + 1), text(domain.MaxLabelLen)},
		{"templates", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"templates", "name_zh", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"templates", "milestones", `jsonb_set(milestones, '{0,weight}', '2147483648')`, `jsonb_set(milestones, '{0,weight}', '1000')`},
		{"templates", "milestones", `jsonb_set(milestones, '{0,duration_days}', '3651')`, `jsonb_set(milestones, '{0,duration_days}', '3650')`},
		{"templates", "milestones", `jsonb_set(milestones, '{0,name}', to_jsonb(` + text(domain.MaxTitleLen+1) + `))`, `jsonb_set(milestones, '{0,name}', to_jsonb(` + text(domain.MaxTitleLen) + `))`},
		{"deals", "name", text(domain.MaxTitleLen + 1), text(domain.MaxTitleLen)},
		{"deals", "status_reason", text(domain.MaxReasonLen + 1), text(domain.MaxReasonLen)},
		{"deals", "judgement_note", text(domain.MaxJudgementNoteLen + 1), text(domain.MaxJudgementNoteLen)},
		{"deals", "manual_probability", "1.000001", "1"},
		{"deals", "amount_minor", num(domain.MaxAmountMinor + 1), num(domain.MaxAmountMinor)},
		{"milestones", "key", text(domain.MaxKeyLen + 1), text(domain.MaxKeyLen)},
		{"milestones", "name", text(domain.MaxTitleLen + 1), text(domain.MaxTitleLen)},
		{"milestones", "name_zh", text(domain.MaxTitleLen + 1), text(domain.MaxTitleLen)},
		{"milestones", "status_reason", text(domain.MaxReasonLen + 1), text(domain.MaxReasonLen)},
		{"milestones", "exit_criteria", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"milestones", "weight", num(domain.MaxWeight + 1), num(domain.MaxWeight)},
		{"baselines", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"baselines", "reason", text(domain.MaxReasonLen + 1), text(domain.MaxReasonLen)},
		{"contacts", "name", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"contacts", "title", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"contacts", "department", text(domain.MaxNameLen + 1), text(domain.MaxNameLen)},
		{"contacts", "phone", text(domain.MaxPhoneLen + 1), text(domain.MaxPhoneLen)},
		{"contacts", "email", text(domain.MaxEmailLen + 1), text(domain.MaxEmailLen)},
		{"stakeholders", "next_step", text(domain.MaxNextStepLen + 1), text(domain.MaxNextStepLen)},
		{"stakeholders", "notes", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"stakeholder_history", "note", text(domain.MaxReasonLen + 1), text(domain.MaxReasonLen)},
		{"retrospectives", "planned", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"retrospectives", "happened", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"retrospectives", "gap_cause", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"retrospectives", "next", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"retrospective_actions", "title", text(domain.MaxActionTitleLen + 1), text(domain.MaxActionTitleLen)},
		{"gate_decisions", "rationale", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
		{"gate_decisions", "conditions", text(domain.MaxTextLen + 1), text(domain.MaxTextLen)},
	}
	for _, c := range cases {
		t.Run(c.table+"."+c.column, func(t *testing.T) {
			key := "id"
			if c.table == "templates" {
				key = "key" // a built-in template
			}
			update := func(expr string) error {
				q := fmt.Sprintf(`UPDATE %[1]s SET %[2]s = %[3]s WHERE %[4]s = (SELECT %[4]s FROM %[1]s WHERE %[4]s IS NOT NULL ORDER BY %[4]s LIMIT 1)`,
					c.table, c.column, expr, key)
				res, err := db.ExecContext(ctx, q)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n != 1 {
					t.Fatalf("%s: %d rows updated, want 1", q, n)
				}
				return nil
			}
			var pgErr *pgconn.PgError
			if err := update(c.over); !errors.As(err, &pgErr) || pgErr.Code != "23514" || pgErr.ConstraintName != "limit_"+c.column {
				t.Fatalf("one over the limit: %v, want check_violation of limit_%s", err, c.column)
			}
			if err := update(c.at); err != nil {
				t.Fatalf("at the limit: %v", err)
			}
		})
	}
}

// TestCheckViolationIsAnInvalidField: a value past a limit that reaches the database is
// still reported as the field that broke it, not as an internal error.
func TestCheckViolationIsAnInvalidField(t *testing.T) {
	t.Parallel()
	gdb, _ := dbtest.New(t)
	store := repository.NewDeals(gdb)
	_, err := store.CreateCustomer(context.Background(), deals.Customer{Name: "Region Co", Kind: "enterprise", Region: strings.Repeat("r", domain.MaxLabelLen+1)})
	var verr *domain.ValidationError
	if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Field != "region" {
		t.Fatalf("CreateCustomer past the region limit: %v, want a violation on region", err)
	}
}
