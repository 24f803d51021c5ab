package repository_test

import (
	"errors"
	"reflect"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/repository"
)

func TestEnsureBuiltinTemplatesIsIdempotentAndKeepsEdits(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	custom, err := f.store.CreateTemplate(f.ctx, deals.Template{Name: "Aardvark programme", NameZh: "土豚", Segment: deals.SegmentKeyAccount,
		Milestones: []deals.TemplateMilestone{{Name: "Only step", NameZh: "唯一", OwnerRole: deals.RolePMO, Weight: 1, DurationDays: 2}}})
	if err != nil || custom.Key != "" || custom.Version != 1 {
		t.Fatalf("CreateTemplate = %+v, %v", custom, err)
	}
	for range 2 {
		if err := repository.EnsureBuiltinTemplates(f.ctx, f.db); err != nil {
			t.Fatal(err)
		}
	}
	list, err := f.store.ListTemplates(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(deals.BuiltinTemplates)+1 || list[len(list)-1].ID != custom.ID {
		t.Fatalf("templates: %d, last %q; want built-in ones first", len(list), list[len(list)-1].Name)
	}
	for _, builtin := range deals.BuiltinTemplates {
		got := f.template(builtin.Key)
		if len(got.ConfidenceParams) != 0 {
			t.Fatalf("built-in %s stored with overrides %v", builtin.Key, got.ConfidenceParams)
		}
		got.ID, got.Version, got.ConfidenceParams = "", 0, nil
		if !reflect.DeepEqual(got, builtin) {
			t.Fatalf("stored %s differs from the built-in one:\n%+v\n%+v", builtin.Key, got, builtin)
		}
	}

	// An admin edits a built-in template; ensuring again leaves the edit alone.
	g2b := f.template("g2b")
	g2b.Name = "G2B (our variant)"
	g2b.Milestones = g2b.Milestones[:3]
	edited, err := f.store.UpdateTemplate(f.ctx, g2b, g2b.Version)
	if err != nil || edited.Version != 2 || edited.Key != "g2b" || len(edited.Milestones) != 3 {
		t.Fatalf("UpdateTemplate = %+v, %v", edited, err)
	}
	if _, err := f.store.UpdateTemplate(f.ctx, g2b, g2b.Version); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale UpdateTemplate: %v", err)
	}
	if err := repository.EnsureBuiltinTemplates(f.ctx, f.db); err != nil {
		t.Fatal(err)
	}
	again := f.template("g2b")
	if again.Name != "G2B (our variant)" || len(again.Milestones) != 3 || again.Version != 2 {
		t.Fatalf("EnsureBuiltinTemplates overwrote an edit: %+v", again)
	}
	list, _ = f.store.ListTemplates(f.ctx)
	if len(list) != len(deals.BuiltinTemplates)+1 {
		t.Fatalf("%d templates after ensuring again", len(list))
	}
}

func TestDeleteTemplateKeepsDealsMadeFromIt(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	u, team, c := f.user("pmo@example.com"), f.team("North"), f.customer("Acme", "enterprise")
	tmpl, err := f.store.CreateTemplate(f.ctx, deals.Template{Name: "Short", NameZh: "短", Segment: deals.SegmentG2B,
		Milestones: []deals.TemplateMilestone{
			{Name: "One", NameZh: "一", OwnerRole: deals.RolePMO, Weight: 1, DurationDays: 2},
			{Name: "Two", NameZh: "二", OwnerRole: deals.RoleBusiness, Weight: 1, DurationDays: 3, DependsOn: []int{0}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	d := f.deal(u, deals.Deal{Name: "Small deal", CustomerID: c.ID, Segment: deals.SegmentG2B, TeamID: team.ID}, &tmpl.ID)
	if err := f.store.DeleteTemplate(f.ctx, tmpl.ID, tmpl.Version+1); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale delete: %v", err)
	}
	if err := f.store.DeleteTemplate(f.ctx, tmpl.ID, tmpl.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Template(f.ctx, tmpl.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted template: %v", err)
	}
	got, err := f.store.Deal(f.ctx, d.ID)
	if err != nil || got.TemplateID != nil {
		t.Fatalf("deal after its template went: %+v, %v", got, err)
	}
	if plan := f.plan(d.ID); len(plan) != 2 || plan[1].DependsOn[0] != plan[0].ID {
		t.Fatalf("plan after its template went: %+v", plan)
	}
}

// TestEnsureBuiltinTemplatesAddsTheirChineseExitCriteria: a built-in template stored
// before steps had Chinese exit criteria gains them where its English is still the
// shipped one; a step an admin reworded keeps its text and gains nothing.
func TestEnsureBuiltinTemplatesAddsTheirChineseExitCriteria(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	if err := repository.EnsureBuiltinTemplates(f.ctx, f.db); err != nil {
		t.Fatal(err)
	}
	// As stored before: no Chinese exit criteria; the first step reworded by an admin.
	err := f.db.Exec(`UPDATE templates SET milestones = (
		SELECT jsonb_agg(CASE WHEN s.i = 1 THEN (s.step - 'exit_criteria_zh') || '{"exit_criteria": "Our own words"}' ELSE s.step - 'exit_criteria_zh' END ORDER BY s.i)
		FROM jsonb_array_elements(milestones) WITH ORDINALITY AS s (step, i)) WHERE key = 'g2b'`).Error
	if err != nil {
		t.Fatal(err)
	}
	var before int
	if err := f.db.Raw(`SELECT version FROM templates WHERE key = 'g2b'`).Scan(&before).Error; err != nil {
		t.Fatal(err)
	}
	after := f.template("g2b") // runs EnsureBuiltinTemplates
	if after.Version != before+1 {
		t.Errorf("version %d → %d, want one more (an open editor must not overwrite it)", before, after.Version)
	}
	for i, m := range after.Milestones {
		shipped := deals.BuiltinTemplates[0].Milestones[i]
		want := shipped.ExitCriteriaZh
		if i == 0 {
			want = ""
		}
		if m.ExitCriteriaZh != want {
			t.Errorf("step %s: Chinese exit criteria %q, want %q", m.Key, m.ExitCriteriaZh, want)
		}
	}
}
