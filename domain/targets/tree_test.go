package targets

import (
	"testing"
)

func ptr[T any](v T) *T { return &v }

func TestTreeTopDownBottomUpAndGap(t *testing.T) {
	gov, north, east, ka, energy := "gov", "north", "east", "ka", "energy"
	teams := []TeamNode{
		{ID: north, Name: "North China", ParentID: &gov},
		{ID: gov, Name: "Government Business"},
		{ID: east, Name: "East China", ParentID: &gov},
		{ID: ka, Name: "Key Accounts"},
		{ID: energy, Name: "Energy", ParentID: &ka},
	}
	type want struct {
		target, gap *int64
		bottomUp    int64
	}
	tests := []struct {
		name    string
		targets []Target
		want    map[string]want // "" = the company
	}{
		{
			name: "no targets: nothing to compare anywhere",
			want: map[string]want{"": {}, gov: {}, north: {}, east: {}, ka: {}, energy: {}},
		},
		{
			name: "company above its root teams, a team above its sub-teams, leaves without a gap",
			targets: []Target{
				{Period: "2026-Q4", AmountMinor: 1000},
				{Period: "2026-Q4", TeamID: &gov, AmountMinor: 600},
				{Period: "2026-Q4", TeamID: &ka, AmountMinor: 350},
				{Period: "2026-Q4", TeamID: &north, AmountMinor: 400},
				{Period: "2026-Q4", TeamID: &east, AmountMinor: 250},
				{Period: "2026-Q4", TeamID: &energy, AmountMinor: 350},
			},
			want: map[string]want{
				"":     {target: ptr[int64](1000), bottomUp: 950, gap: ptr[int64](50)},
				gov:    {target: ptr[int64](600), bottomUp: 650, gap: ptr[int64](-50)},
				ka:     {target: ptr[int64](350), bottomUp: 350, gap: ptr[int64](0)},
				north:  {target: ptr[int64](400)},
				east:   {target: ptr[int64](250)},
				energy: {target: ptr[int64](350)},
			},
		},
		{
			name: "bottom-up without a top-down target has no gap; a child without a target counts nothing",
			targets: []Target{
				{Period: "2026-Q4", TeamID: &north, AmountMinor: 400},
				{Period: "2026-Q4", TeamID: &ka, AmountMinor: 100},
			},
			want: map[string]want{
				"":     {bottomUp: 100},
				gov:    {bottomUp: 400},
				ka:     {target: ptr[int64](100)},
				north:  {target: ptr[int64](400)},
				east:   {},
				energy: {},
			},
		},
		{
			name:    "a target of an unknown team is ignored",
			targets: []Target{{Period: "2026-Q4", TeamID: ptr("gone"), AmountMinor: 5}, {Period: "2026-Q4", AmountMinor: 7}},
			want:    map[string]want{"": {target: ptr[int64](7)}, gov: {}, north: {}, east: {}, ka: {}, energy: {}},
		},
	}
	eq := func(a, b *int64) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }
	show := func(p *int64) any {
		if p == nil {
			return "null"
		}
		return *p
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodes := Tree(teams, tc.targets)
			if len(nodes) != len(tc.want) {
				t.Fatalf("%d nodes, want %d", len(nodes), len(tc.want))
			}
			for _, n := range nodes {
				key := ""
				if n.TeamID != nil {
					key = *n.TeamID
				}
				w := tc.want[key]
				if !eq(n.TargetMinor, w.target) || n.BottomUpMinor != w.bottomUp || !eq(n.GapMinor, w.gap) {
					t.Errorf("%q: target %v bottom-up %d gap %v, want %v %d %v", key, show(n.TargetMinor), n.BottomUpMinor,
						show(n.GapMinor), show(w.target), w.bottomUp, show(w.gap))
				}
			}
		})
	}
}

func TestTreeOrderCompanyFirstThenDepthFirstByName(t *testing.T) {
	gov, ka := "gov", "ka"
	nodes := Tree([]TeamNode{
		{ID: "e", Name: "Energy", ParentID: &ka},
		{ID: ka, Name: "Key Accounts"},
		{ID: "n", Name: "North", ParentID: &gov},
		{ID: gov, Name: "Government"},
		{ID: "east", Name: "East", ParentID: &gov},
	}, nil)
	var got []string
	for _, n := range nodes {
		got = append(got, n.Name)
	}
	want := []string{"", "Government", "East", "North", "Key Accounts", "Energy"}
	if len(got) != len(want) {
		t.Fatalf("order %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %q, want %q", got, want)
		}
	}
	if nodes[0].TeamID != nil || nodes[1].ParentID != nil || *nodes[2].ParentID != gov {
		t.Errorf("company node or parents wrong: %+v", nodes[:3])
	}
}
