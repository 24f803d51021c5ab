package deals

import (
	"errors"
	"testing"

	"summit/domain"
)

func plan(links map[string][]string, order ...string) []Milestone {
	out := make([]Milestone, 0, len(order))
	for _, id := range order {
		out = append(out, Milestone{ID: id, Name: "M" + id, DependsOn: links[id]})
	}
	return out
}

func TestCheckDependencies(t *testing.T) {
	tests := []struct {
		name      string
		links     map[string][]string
		wantRule  string
		wantParam string
	}{
		{"chain", map[string][]string{"2": {"1"}, "3": {"2"}}, "", ""},
		{"diamond", map[string][]string{"2": {"1"}, "3": {"1"}, "4": {"2", "3"}}, "", ""},
		{"two-cycle", map[string][]string{"1": {"2"}, "2": {"1"}}, "cycle", "M2 → M1 → M2"},
		{"three-cycle", map[string][]string{"2": {"1"}, "3": {"2"}, "1": {"3"}}, "cycle", "M2 → M3 → M1 → M2"},
		{"unknown milestone", map[string][]string{"2": {"9"}}, "exists", ""},
	}
	for _, tc := range tests {
		err := CheckDependencies(plan(tc.links, "1", "2", "3", "4"))
		if tc.wantRule == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var verr *domain.ValidationError
		if !errors.As(err, &verr) || verr.Violations[0].Rule != tc.wantRule || verr.Violations[0].Field != "depends_on" {
			t.Errorf("%s: got %v, want depends_on %s", tc.name, err, tc.wantRule)
			continue
		}
		if tc.wantParam != "" && verr.Violations[0].Param != tc.wantParam {
			t.Errorf("%s: cycle named %q, want %q", tc.name, verr.Violations[0].Param, tc.wantParam)
		}
	}
}
