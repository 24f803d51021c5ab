package confidence

import "testing"

// TestEveryParameterHasBothLabels: the parameter list a template editor shows reads in
// English and in Chinese, and no label is left over from a parameter that is gone.
func TestEveryParameterHasBothLabels(t *testing.T) {
	for _, pr := range Parameters() {
		en, zh := pr.Label("en"), pr.Label("zh-CN")
		if en == pr.Name || en == "" {
			t.Errorf("%s has no English label", pr.Name)
		}
		if zh == pr.Name || zh == "" || zh == en {
			t.Errorf("%s has no Chinese label", pr.Name)
		}
	}
	if len(parameterLabels) != len(Parameters()) {
		t.Errorf("%d labels for %d parameters", len(parameterLabels), len(Parameters()))
	}
}
