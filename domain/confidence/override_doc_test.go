package confidence

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// overrideExample are the overrides docs/confidence.md ("Tuning per template") applies
// to the worked example: a template for ministries, where a skeptical economic buyer
// weighs more and a quiet month is normal.
var overrideExample = map[string]float64{"stance_score.skeptic": -2.5, "stale_contact_days": 60}

// overrideExampleText renders the worked example's factors with the defaults and with
// overrideExample, as docs/confidence.md shows them.
func overrideExampleText() string {
	in := workedExample()
	tuned, err := DefaultParams().WithOverrides(overrideExample)
	if err != nil {
		panic(err)
	}
	def, over := Compute(in, DefaultParams()), Compute(in, tuned)
	contribution := func(r Result, key string) string {
		for _, f := range r.Factors {
			if f.Key == key {
				return fmt.Sprintf("%+.2f pts", 100*f.Contribution)
			}
		}
		return "—"
	}
	var b strings.Builder
	b.WriteString("| factor | defaults | with the overrides |\n|---|---|---|\n")
	seen := map[string]bool{}
	for _, r := range []Result{def, over} {
		for _, f := range r.Factors {
			if seen[f.Key] {
				continue
			}
			seen[f.Key] = true
			fmt.Fprintf(&b, "| %s (`%s`) | %s | %s |\n", f.Label("en"), f.Key, contribution(def, f.Key), contribution(over, f.Key))
		}
	}
	fmt.Fprintf(&b, "| **p_win** | **%.2f %%** | **%.2f %%** |\n", 100*def.PWin, 100*over.PWin)
	return b.String()
}

// TestTuningDocShowsTheEnginesNumbers: the override example of docs/confidence.md is
// what the engine computes (the message prints what to paste).
func TestTuningDocShowsTheEnginesNumbers(t *testing.T) {
	doc, err := os.ReadFile("../../docs/confidence.md")
	if err != nil {
		t.Fatal(err)
	}
	if text := overrideExampleText(); !strings.Contains(string(doc), text) {
		t.Errorf("docs/confidence.md does not show the override example as computed; it is:\n\n%s", text)
	}
}
