package deals

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// docs/templates.md shows each built-in template step by step. The table there must be
// the one the code ships, so a change to BuiltinTemplates that leaves the page behind
// fails here (the message prints the table to paste).
func TestTemplatesDocShowsTheBuiltinTemplates(t *testing.T) {
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range BuiltinTemplates {
		table := templateTable(tpl)
		if !strings.Contains(string(doc), table) {
			t.Errorf("docs/templates.md does not show the built-in template %q as shipped; its table is:\n\n%s", tpl.Key, table)
		}
	}
}

// templateTable renders a template as the Markdown table of docs/templates.md.
func templateTable(tpl Template) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Template `%s`, segment `%s`:\n\n", tpl.Key, tpl.Segment)
	b.WriteString("| # | key | milestone | 中文 | owner | gate | weight | days | after | exit criteria |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for i, m := range tpl.Milestones {
		gate := "—"
		if m.Gate {
			gate = "gate"
		}
		after := []string{}
		for _, d := range m.DependsOn {
			after = append(after, strconv.Itoa(d+1))
		}
		fmt.Fprintf(&b, "| %d | `%s` | %s | %s | %s | %s | %d | %d | %s | %s |\n", i+1, m.Key, m.Name, m.NameZh,
			m.OwnerRole, gate, m.Weight, m.DurationDays, orDash(strings.Join(after, ", ")), orDash(m.ExitCriteria))
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
