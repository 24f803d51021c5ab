package deals

// The actions a deal's activity trail records, `subject.verb`. ActivityActions is the one
// list of them: the store refuses an entry whose action is not on it, the API documents
// it as the enum of Activity.action (a handlers test keeps the two equal) and the SPA
// words every one of them (its test iterates over the enum).
const (
	ActDealCreated          = "deal.created"
	ActDealUpdated          = "deal.updated"
	ActDealTeamSet          = "deal.team_set"
	ActDealJudgementUpdated = "deal.judgement_updated"
	ActMilestoneCreated     = "milestone.created"
	ActMilestoneUpdated     = "milestone.updated"
	ActMilestoneDeleted     = "milestone.deleted"
	ActPlanReordered        = "plan.reordered"
	ActPlanRescheduled      = "plan.rescheduled"
	ActPlanImported         = "plan.imported"
	ActPlanImportUndone     = "plan.import_undone"
	ActBaselineTaken        = "baseline.taken"
	ActBaselineCommitted    = "baseline.committed"
	ActStakeholderCreated   = "stakeholder.created"
	ActStakeholderUpdated   = "stakeholder.updated"
	ActStakeholderDeleted   = "stakeholder.deleted"
	ActRetrospectiveCreated = "retrospective.created"
	ActRetrospectiveUpdated = "retrospective.updated"
	ActRetrospectiveDeleted = "retrospective.deleted"
	ActActionUpdated        = "action.updated"
	ActGateDecided          = "gate.decided"
)

// ActivityActions lists every action of the activity trail.
var ActivityActions = []string{
	ActDealCreated, ActDealUpdated, ActDealTeamSet, ActDealJudgementUpdated,
	ActMilestoneCreated, ActMilestoneUpdated, ActMilestoneDeleted,
	ActPlanReordered, ActPlanRescheduled, ActPlanImported, ActPlanImportUndone, ActBaselineTaken, ActBaselineCommitted,
	ActStakeholderCreated, ActStakeholderUpdated, ActStakeholderDeleted,
	ActRetrospectiveCreated, ActRetrospectiveUpdated, ActRetrospectiveDeleted,
	ActActionUpdated, ActGateDecided,
}

// IsActivityAction reports whether action is one of ActivityActions.
func IsActivityAction(action string) bool {
	for _, a := range ActivityActions {
		if a == action {
			return true
		}
	}
	return false
}
