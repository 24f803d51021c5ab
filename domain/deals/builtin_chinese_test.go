package deals

import (
	"testing"
	"unicode"
)

// chinese reports whether s has a Han character: a text a zh-CN reader can read.
func chinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestBuiltinTemplatesReadInChinese walks every built-in template: its name, each step's
// name and each step's exit criteria have a Chinese text beside the English one, and
// it is a translation (Chinese, not the English copied).
func TestBuiltinTemplatesReadInChinese(t *testing.T) {
	for _, tpl := range BuiltinTemplates {
		t.Run(tpl.Key, func(t *testing.T) {
			texts := []struct{ what, en, zh string }{{"name", tpl.Name, tpl.NameZh}}
			for _, m := range tpl.Milestones {
				texts = append(texts, struct{ what, en, zh string }{m.Key + " name", m.Name, m.NameZh})
				if m.ExitCriteria != "" || m.ExitCriteriaZh != "" {
					texts = append(texts, struct{ what, en, zh string }{m.Key + " exit criteria", m.ExitCriteria, m.ExitCriteriaZh})
				}
			}
			for _, tx := range texts {
				if tx.en == "" || !chinese(tx.zh) || tx.zh == tx.en {
					t.Errorf("%s: English %q, Chinese %q: want both, the Chinese translated", tx.what, tx.en, tx.zh)
				}
			}
		})
	}
}

// TestLayOutCarriesTheChineseExitCriteria: a plan laid out from a template keeps each
// step's exit criteria in both languages.
func TestLayOutCarriesTheChineseExitCriteria(t *testing.T) {
	for _, tpl := range BuiltinTemplates {
		plan := tpl.LayOut(d("2026-03-02"))
		for i, m := range plan {
			want := tpl.Milestones[i]
			if m.ExitCriteria != want.ExitCriteria || m.ExitCriteriaZh != want.ExitCriteriaZh {
				t.Errorf("%s step %d: exit criteria %q / %q, want %q / %q", tpl.Key, i, m.ExitCriteria, m.ExitCriteriaZh, want.ExitCriteria, want.ExitCriteriaZh)
			}
		}
	}
}
