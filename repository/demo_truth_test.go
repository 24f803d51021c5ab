package repository_test

import (
	"context"
	"strings"
	"testing"

	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestDemoDataReadsTrue loads the demo, its board data and its history and reads it as a new user
// would, in English and in Chinese: every team, deal and exit criterion has its Chinese
// text; every name the demo gives (customers, deals, contacts, the people on a deal)
// appears once, with no "(2)"-style suffix, no customer's person shares a demo user's
// name, and each customer is sold to by the team of its kind — banks, insurers and
// securities firms (finance) and energy groups as key accounts, government bodies
// through public procurement (G2B).
func TestDemoDataReadsTrue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemoBoard(ctx, db, targets.Settings{FiscalYearStartMonth: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemoHistory(ctx, db, targets.Settings{FiscalYearStartMonth: 1}, nil); err != nil {
		t.Fatal(err)
	}
	var users []string
	for _, u := range repository.DemoUsers {
		users = append(users, u.Name)
	}

	tests := []struct {
		name string
		// query lists what is wrong, one row each; none is right.
		query string
		args  []any
	}{
		{"deal names are unique", `SELECT name FROM deals GROUP BY name HAVING count(*) > 1`, nil},
		{"no deal name has a counter suffix", `SELECT name FROM deals WHERE name ~ '\(\d+\)\s*$'`, nil},
		{"customer names are unique", `SELECT name FROM customers GROUP BY name HAVING count(*) > 1`, nil},
		{"no customer name has a counter suffix", `SELECT name FROM customers WHERE name ~ '\(\d+\)\s*$'`, nil},
		{"each person is one contact across all customers", `SELECT name FROM contacts GROUP BY name HAVING count(*) > 1`, nil},
		{"no person shares a demo user's name", `SELECT name FROM contacts WHERE name IN ?`, []any{users}},
		{"nobody is on a deal twice", `SELECT d.name || ': ' || c.name FROM stakeholders s JOIN contacts c ON c.id = s.contact_id
			JOIN deals d ON d.id = s.deal_id GROUP BY d.name, c.name HAVING count(*) > 1`, nil},
		{"every customer's org chart is a tree, not a row: most people have a manager", `SELECT c.name || ': ' ||
			count(*) FILTER (WHERE p.reports_to_id IS NULL) || ' of ' || count(*) || ' without a manager'
			FROM contacts p JOIN customers c ON c.id = p.customer_id GROUP BY c.name
			HAVING count(*) FILTER (WHERE p.reports_to_id IS NOT NULL) * 2 < count(*)`, nil},
		{"every deal has people", `SELECT d.name FROM deals d WHERE NOT EXISTS (SELECT 1 FROM stakeholders s WHERE s.deal_id = d.id)`, nil},
		{"banks, insurers and securities firms are key accounts", `SELECT d.name || ' (' || c.name || '): ' || d.segment || ', ' || p.name
			FROM deals d JOIN customers c ON c.id = d.customer_id JOIN teams t ON t.id = d.team_id JOIN teams p ON p.id = t.parent_id
			WHERE (c.industry = 'Finance' OR c.name ~* 'bank|securities|insurance|银行|证券|保险|产险')
			AND (d.segment <> 'key_account' OR p.name <> 'Key Accounts' OR t.name <> 'Finance')`, nil},
		{"energy groups are key accounts", `SELECT d.name || ' (' || c.name || '): ' || d.segment || ', ' || t.name
			FROM deals d JOIN customers c ON c.id = d.customer_id JOIN teams t ON t.id = d.team_id
			WHERE c.industry = 'Energy' AND (d.segment <> 'key_account' OR t.name <> 'Energy')`, nil},
		{"government bodies buy through public procurement", `SELECT d.name || ' (' || c.name || '): ' || d.segment || ', ' || p.name
			FROM deals d JOIN customers c ON c.id = d.customer_id JOIN teams t ON t.id = d.team_id JOIN teams p ON p.id = t.parent_id
			WHERE c.kind = 'government' AND (d.segment <> 'g2b' OR p.name <> 'Government Business')`, nil},
		{"deals follow their template's segment", `SELECT d.name FROM deals d JOIN templates tp ON tp.id = d.template_id
			WHERE tp.segment <> d.segment`, nil},
		{"every team has its name in Chinese", `SELECT name || ' / ' || name_zh FROM teams WHERE name_zh !~ '[一-龥]'`, nil},
		{"every deal's name reads in Chinese too", `SELECT name FROM deals WHERE name !~ '[一-龥]'`, nil},
		{"every step's exit criteria read in Chinese", `SELECT d.name || ': ' || m.name || ': ' || m.exit_criteria_zh FROM milestones m
			JOIN deals d ON d.id = m.deal_id WHERE m.exit_criteria <> '' AND m.exit_criteria_zh !~ '[一-龥]'`, nil},
		{"every built-in template's exit criteria read in Chinese", `SELECT t.key || ': ' || (s->>'key') FROM templates t,
			jsonb_array_elements(t.milestones) s WHERE t.key IS NOT NULL AND coalesce(s->>'exit_criteria', '') <> ''
			AND coalesce(s->>'exit_criteria_zh', '') !~ '[一-龥]'`, nil},
		{"a company's people have no civil-service titles", `SELECT c.name || ': ' || ct.name || ', ' || ct.title FROM contacts ct
			JOIN customers c ON c.id = ct.customer_id WHERE c.kind <> 'government' AND ct.title ~ '局长|处长|科长'`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var wrong []string
			if err := db.Raw(tc.query, tc.args...).Scan(&wrong).Error; err != nil {
				t.Fatal(err)
			}
			if len(wrong) > 0 {
				t.Errorf("%d wrong:\n  %s", len(wrong), strings.Join(wrong, "\n  "))
			}
		})
	}
}
