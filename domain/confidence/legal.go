package confidence

import "time"

// Edge names which date of a milestone a legal rule measures from or to.
type Edge int

// A milestone's start (planned start) or finish (completed date when done, else planned due).
const (
	Start Edge = iota
	Finish
)

// Anchor is one end of a legal interval: a template step and its start or finish.
type Anchor struct {
	Key  string
	Edge Edge
}

// Rule is a legal minimum interval between two steps of a template.
type Rule struct {
	Key         string // the rule's name, e.g. "bid_window"
	From, To    Anchor
	MinimumDays int
	WorkingDays bool // false: calendar days
}

// LegalRules lists the minimum intervals the law sets on a template's plan; only the G2B
// public procurement template has any (docs/templates.md, docs/confidence.md).
// Maximum intervals (award → contract ≤ 30 days, payment ≤ 30 days) are deadlines on
// the buyer, not floors on our plan, and are left out.
func LegalRules(templateKey string) []Rule {
	if templateKey != "g2b" {
		return nil
	}
	return g2bRules
}

var g2bRules = []Rule{
	// The procurement intention is published at least 30 calendar days before procurement starts.
	{Key: "intention_notice", From: Anchor{"intention_published", Start}, To: Anchor{"tender_published", Start}, MinimumDays: 30},
	// Open tender: at least 20 calendar days from the tender documents to the bid deadline.
	{Key: "bid_window", From: Anchor{"tender_published", Start}, To: Anchor{"bid_submitted", Finish}, MinimumDays: 20},
	// The award's 7-working-day challenge window passes before the award step is done.
	{Key: "challenge_window", From: Anchor{"award", Start}, To: Anchor{"award", Finish}, MinimumDays: 7, WorkingDays: true},
}

// Check is one legal rule the plan breaks: the milestones it spans, the legal minimum
// and the plan's interval, in the rule's days (calendar unless WorkingDays).
type Check struct {
	Rule         string
	MilestoneIDs []string
	MinimumDays  int
	PlannedDays  int
	WorkingDays  bool
}

// PlanChecks lists each legal rule of the template that the plan breaks. A milestone's
// start is its planned start; its finish is its completed date when done, else its
// planned due. Rules whose steps are missing or skipped are not checked.
func PlanChecks(templateKey string, milestones []Milestone) []Check {
	var out []Check
	for _, r := range LegalRules(templateKey) {
		from, ok1 := findKey(milestones, r.From.Key)
		to, ok2 := findKey(milestones, r.To.Key)
		if !ok1 || !ok2 {
			continue
		}
		a, b := anchorDate(from, r.From.Edge), anchorDate(to, r.To.Edge)
		var days int
		if r.WorkingDays {
			days = wdOf(b) - wdOf(a)
		} else {
			days = dayNum(b) - dayNum(a)
		}
		if days < r.MinimumDays {
			ids := []string{from.ID}
			if to.ID != from.ID {
				ids = append(ids, to.ID)
			}
			out = append(out, Check{Rule: r.Key, MilestoneIDs: ids, MinimumDays: r.MinimumDays, PlannedDays: days, WorkingDays: r.WorkingDays})
		}
	}
	return out
}

func findKey(ms []Milestone, key string) (Milestone, bool) {
	for _, m := range ms {
		if m.Key == key && m.Status != StatusSkipped {
			return m, true
		}
	}
	return Milestone{}, false
}

func anchorDate(m Milestone, e Edge) time.Time {
	if e == Start {
		return m.PlannedStart
	}
	if m.Status == StatusDone && !m.CompletedOn.IsZero() {
		return m.CompletedOn
	}
	return m.PlannedDue
}
