package identity

import (
	"errors"
	"slices"
	"testing"

	"summit/domain"
)

func ptr(s string) *string { return &s }

// gov ─ north ─ beijing
//
//	└ east
//
// ka
var tree = TeamTree{"gov": nil, "north": ptr("gov"), "beijing": ptr("north"), "east": ptr("gov"), "ka": nil}

func TestCheckParent(t *testing.T) {
	tests := []struct {
		team, parent string // "" parent = make it a root
		wantRule     string
	}{
		{"east", "north", ""},
		{"beijing", "", ""},
		{"ka", "gov", ""},
		{"gov", "gov", "team_cycle"},
		{"gov", "beijing", "team_cycle"},
		{"north", "beijing", "team_cycle"},
		{"east", "nowhere", "exists"},
	}
	for _, tc := range tests {
		var parent *string
		if tc.parent != "" {
			parent = ptr(tc.parent)
		}
		err := tree.CheckParent(tc.team, parent)
		if tc.wantRule == "" {
			if err != nil {
				t.Errorf("%s under %s: %v", tc.team, tc.parent, err)
			}
			continue
		}
		var verr *domain.ValidationError
		if !errors.As(err, &verr) || verr.Violations[0].Field != "parent_id" || verr.Violations[0].Rule != tc.wantRule {
			t.Errorf("%s under %s: got %v, want parent_id %s", tc.team, tc.parent, err, tc.wantRule)
		}
	}
}

func TestWithDescendants(t *testing.T) {
	tests := []struct {
		from []string
		want []string
	}{
		{[]string{"gov"}, []string{"beijing", "east", "gov", "north"}},
		{[]string{"north", "ka"}, []string{"beijing", "ka", "north"}},
		{[]string{"beijing", "north"}, []string{"beijing", "north"}},
		{nil, nil},
	}
	for _, tc := range tests {
		got := tree.WithDescendants(tc.from)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("WithDescendants(%v) = %v, want %v", tc.from, got, tc.want)
		}
	}
}
