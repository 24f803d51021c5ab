package deals

import (
	"errors"
	"reflect"
	"testing"

	"summit/domain"
)

// TestJudgementOnlyActorsSendOnlyTheJudgement: an actor limited to the judgement (the
// deal's business role) is refused every other field it sends, each named; the
// judgement itself, and anything from a full editor, passes.
func TestJudgementOnlyActorsSendOnlyTheJudgement(t *testing.T) {
	name, amount := "Renamed", int64(5)
	commit := ForecastCommit
	status := &StatusRequest{To: DealLost, Reason: "lost"}
	tests := []struct {
		name    string
		limited bool
		patch   DealPatch
		refused []string
	}{
		{"judgement alone", true, DealPatch{ForecastCategory: &commit, ManualProbability: OptionalFloat{Set: true}}, nil},
		{"name beside the judgement", true, DealPatch{Name: &name, ForecastCategory: &commit}, []string{"name"}},
		{"amount and status", true, DealPatch{AmountMinor: &amount, Status: status}, []string{"amount_minor", "status"}},
		{"a full editor sends anything", false, DealPatch{Name: &name, AmountMinor: &amount, ForecastCategory: &commit}, nil},
	}
	for _, tc := range tests {
		err := Actor{JudgementOnly: tc.limited}.CheckJudgementOnly(tc.patch)
		var refused *domain.ForbiddenError
		switch {
		case tc.refused == nil && err != nil:
			t.Errorf("%s: %v, want allowed", tc.name, err)
		case tc.refused != nil && !errors.As(err, &refused):
			t.Errorf("%s: %v, want a ForbiddenError", tc.name, err)
		case tc.refused != nil:
			var fields []string
			for _, v := range refused.Violations {
				fields = append(fields, v.Field)
			}
			if !reflect.DeepEqual(fields, tc.refused) || !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s: refused %v, want %v", tc.name, fields, tc.refused)
			}
		}
	}
}

// TestJudgementSnapshotComparesValues: the activity entry is written only when a
// judgement field really changes — the same probability behind another pointer is no
// change, clearing it is one.
func TestJudgementSnapshotComparesValues(t *testing.T) {
	a, b := 0.6, 0.6
	before := Deal{ForecastCategory: ForecastBestCase, ManualProbability: &a}
	same := Deal{ForecastCategory: ForecastBestCase, ManualProbability: &b}
	cleared := Deal{ForecastCategory: ForecastBestCase}
	if !reflect.DeepEqual(judgementSnapshot(before), judgementSnapshot(same)) {
		t.Error("the same probability reads as a change")
	}
	if reflect.DeepEqual(judgementSnapshot(before), judgementSnapshot(cleared)) {
		t.Error("clearing the probability reads as no change")
	}
	if got := judgementSnapshot(cleared)["manual_probability"]; got != nil {
		t.Errorf("a cleared probability is kept as %v, want null", got)
	}
}
