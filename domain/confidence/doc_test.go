package confidence

import (
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// workedExample is the deal docs/confidence.md walks through: a G2B tender laid out
// from the template on 2026-03-02, looked at on 2026-07-15.
func workedExample() Input {
	ms := templatePlan("g2b", date("2026-03-02"))
	done := func(key, on string) {
		i := byKey(ms, key)
		ms[i].Status, ms[i].CompletedOn = StatusDone, date(on)
	}
	done("need_shaping", "2026-04-24")     // on time
	done("budget_support", "2026-06-12")   // a week late
	done("project_approval", "2026-07-03") // a week late
	ms[byKey(ms, "requirement_survey")].Status = StatusInProgress
	ms[byKey(ms, "intention_published")].Status = StatusInProgress
	c := byKey(ms, KeyContractSigned)
	ms[c].PlannedDue = date("2026-10-22") // the PMO expects signing to take a week longer
	return Input{
		Deal:       Deal{Status: DealOpen, AmountMinor: 28_000_000_00, TargetClose: date("2026-09-30"), Segment: "g2b", TemplateKey: "g2b"},
		Milestones: ms,
		Stakeholders: []Stakeholder{
			{DecisionRole: RoleDecisionMaker, Influence: 5, Stance: StanceSupporter, LastContactOn: date("2026-07-10")},
			{DecisionRole: RoleEconomicBuyer, Influence: 4, Stance: StanceSkeptic, LastContactOn: date("2026-05-20"),
				NextStep: "budget review meeting", NextStepDue: date("2026-07-08")},
			{DecisionRole: "technical_evaluator", Influence: 3, Stance: StanceChampion, LastContactOn: date("2026-07-14")},
		},
		Retrospectives: []Retrospective{{HeldOn: date("2026-07-03"), Outcome: "at_risk"}},
		Actions:        []Action{{DueOn: date("2026-07-10"), Status: "open"}, {DueOn: date("2026-07-08"), Status: "done"}},
		Period:         Period{From: date("2026-07-01"), To: date("2026-10-01")},
		AsOf:           date("2026-07-15"),
	}
}

// workedExampleText renders the example's figures as docs/confidence.md shows them.
func workedExampleText() string {
	in := workedExample()
	r := Compute(in, DefaultParams())
	var b strings.Builder
	b.WriteString("| step | log-odds | contribution | p_win so far |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| base | %+.3f | | %.2f %% |\n", logit(r.Base), 100*r.Base)
	acc := r.Base
	for _, f := range r.Factors {
		acc += f.Contribution
		fmt.Fprintf(&b, "| %s (`%s`) | %+.3f | %+.2f pts | %.2f %% |\n", f.Label("en"), f.Key, f.LogOdds, 100*f.Contribution, 100*acc)
	}
	fmt.Fprintf(&b, "\n**p_win = %.2f %%**.\n\n", 100*r.PWin)
	b.WriteString("| period | p_in_period | confidence | expected_close | close_p80 | timing notes |\n|---|---|---|---|---|---|\n")
	for _, q := range []struct {
		name     string
		from, to string
	}{{"2026-Q3", "2026-07-01", "2026-10-01"}, {"2026-Q4", "2026-10-01", "2027-01-01"}, {"2027-Q1", "2027-01-01", "2027-04-01"}} {
		in.Period = Period{From: date(q.from), To: date(q.to)}
		r := Compute(in, DefaultParams())
		var notes []string
		for _, n := range r.Timing {
			notes = append(notes, "`"+n.Key+"`")
		}
		fmt.Fprintf(&b, "| %s | %.2f %% | %.2f %% | %s | %s | %s |\n", q.name, 100*r.PInPeriod, 100*r.Confidence,
			dateText(r.ExpectedClose), dateText(r.CloseP80), strings.Join(notes, ", "))
	}
	return b.String()
}

// paramsTable renders DefaultParams as the defaults table of docs/confidence.md.
func paramsTable() string {
	var b strings.Builder
	b.WriteString("| parameter | default |\n|---|---|\n")
	v := reflect.ValueOf(DefaultParams())
	for i := 0; i < v.NumField(); i++ {
		name := strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0]
		f := v.Field(i)
		var val string
		if f.Kind() == reflect.Map {
			m := f.Interface().(map[string]float64)
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(a, c int) bool { return m[keys[a]] > m[keys[c]] })
			var parts []string
			for _, k := range keys {
				parts = append(parts, fmt.Sprintf("%s %v", k, m[k]))
			}
			val = strings.Join(parts, ", ")
		} else {
			val = fmt.Sprint(f.Interface())
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", name, val)
	}
	return b.String()
}

// docs/confidence.md shows the defaults and a worked example with the engine's own
// numbers; a change to the model that leaves the page behind fails here (the message
// prints what to paste).
func TestConfidenceDocShowsTheEnginesNumbers(t *testing.T) {
	doc, err := os.ReadFile("../../docs/confidence.md")
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"worked example": workedExampleText(), "defaults": paramsTable()} {
		if !strings.Contains(string(doc), text) {
			t.Errorf("docs/confidence.md does not show the %s as computed; it is:\n\n%s", what, text)
		}
	}
}
