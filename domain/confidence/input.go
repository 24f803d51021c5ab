package confidence

import "time"

// Input is everything the engine reads about one deal, as of one date, for one period.
type Input struct {
	Deal           Deal
	Milestones     []Milestone
	Stakeholders   []Stakeholder
	Retrospectives []Retrospective
	Actions        []Action
	GateDecisions  []GateDecision
	Period         Period
	AsOf           time.Time
}

// Deal is the deal's own fields the engine reads.
type Deal struct {
	Status      string // open | won | lost | abandoned
	AmountMinor int64
	TargetClose time.Time
	Segment     string // g2b | key_account
	TemplateKey string // "g2b", "key_account" or "" (picks the legal rules)
	// ClosedOn is when a won deal closed; when zero, the contract-signing milestone's
	// completed date, then TargetClose, stand in.
	ClosedOn time.Time
}

// The deal statuses the engine distinguishes.
const (
	DealOpen      = "open"
	DealWon       = "won"
	DealLost      = "lost"
	DealAbandoned = "abandoned"
)

// Milestone is one step of the deal's plan.
type Milestone struct {
	ID           string
	Key          string // template step key; KeyContractSigned marks the close
	Weight       int
	Gate         bool
	Status       string // planned | in_progress | done | blocked | skipped
	PlannedStart time.Time
	PlannedDue   time.Time
	// BaselineStart and BaselineDue are the committed baseline's dates (zero: no baseline;
	// a zero BaselineStart falls back to PlannedStart).
	BaselineStart time.Time
	BaselineDue   time.Time
	CompletedOn   time.Time // zero unless done
	DependsOn     []string  // ids of milestones finishing before this one starts
}

// The milestone statuses the engine distinguishes.
const (
	StatusPlanned    = "planned"
	StatusInProgress = "in_progress"
	StatusDone       = "done"
	StatusBlocked    = "blocked"
	StatusSkipped    = "skipped"
)

// KeyContractSigned is the template key of the contract-signing milestone: the deal
// closes when it is done.
const KeyContractSigned = "contract_signed"

func (m Milestone) finished() bool { return m.Status == StatusDone || m.Status == StatusSkipped }

// Stakeholder is one person on the customer's side.
type Stakeholder struct {
	DecisionRole         string // decision_maker | economic_buyer | technical_evaluator | user | influencer | gatekeeper | coach
	Influence            int    // 1–5
	Stance               string // champion | supporter | neutral | skeptic | blocker
	RelationshipStrength int    // 1–5
	LastContactOn        time.Time
	NextStep             string
	NextStepDue          time.Time
	MilestoneIDs         []string // milestones this person can move
}

// The decision roles and stances the engine weighs.
const (
	RoleDecisionMaker = "decision_maker"
	RoleEconomicBuyer = "economic_buyer"
	StanceChampion    = "champion"
	StanceSupporter   = "supporter"
	StanceNeutral     = "neutral"
	StanceSkeptic     = "skeptic"
	StanceBlocker     = "blocker"
)

// Retrospective is a review (复盘) held on HeldOn with its verdict.
type Retrospective struct {
	HeldOn  time.Time
	Outcome string // on_track | at_risk | off_track
}

// Action is a retrospective's action item.
type Action struct {
	DueOn  time.Time
	Status string // open | done
}

// GateDecision is a go / no-go recorded at a gate.
type GateDecision struct {
	MilestoneID string
	Decision    string // go | no_go
	DecidedOn   time.Time
}

// Period is the half-open date range [From, To) a deal may close in (a fiscal quarter
// or a month).
type Period struct {
	From, To time.Time
}
