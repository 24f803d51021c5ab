package handlers

import (
	"github.com/labstack/echo/v4"

	"summit/policies"
)

// registerAPI declares every /api/v1 route with its access rule: the one list to read
// to know who may call what.
func (s *server) registerAPI(api *echo.Group, openAPI []byte) {
	s.handle(api, "GET", "/openapi.json", openAPIHandler(openAPI), public)
	s.handle(api, "GET", "/meta", s.meta, public)

	s.handle(api, "POST", "/auth/login", s.login, public)
	s.handle(api, "POST", "/auth/logout", s.logout, signedIn)
	s.handle(api, "GET", "/me", s.me, signedIn)
	s.handle(api, "PATCH", "/me", s.updateMe, allow("profile", policies.Write))
	s.handle(api, "POST", "/me/password", s.changeMyPassword, allow("profile", policies.Write))
	s.handle(api, "GET", "/me/tokens", s.listTokens, allow("tokens", policies.Read))
	s.handle(api, "POST", "/me/tokens", s.createToken, allow("tokens", policies.Write))
	s.handle(api, "DELETE", "/me/tokens/:id", s.revokeToken, allow("tokens", policies.Write))

	s.handle(api, "GET", "/users", s.listUsers, allow("users", policies.Read))
	s.handle(api, "POST", "/users", s.createUser, allow("users", policies.Write))
	s.handle(api, "GET", "/users/:id", s.getUser, allow("users", policies.Read))
	s.handle(api, "PATCH", "/users/:id", s.updateUser, allow("users", policies.Write))
	s.handle(api, "POST", "/users/:id/password", s.resetPassword, allow("users", policies.Write))
	s.handle(api, "GET", "/users/:id/tokens", s.listUserTokens, allow("users", policies.Write))
	s.handle(api, "DELETE", "/users/:id/tokens/:token_id", s.revokeUserToken, allow("users", policies.Write))

	s.handle(api, "GET", "/teams", s.listTeams, allow("teams", policies.Read))
	s.handle(api, "POST", "/teams", s.createTeam, allow("teams", policies.Write))
	s.handle(api, "GET", "/teams/:id", s.getTeam, allow("teams", policies.Read))
	s.handle(api, "PATCH", "/teams/:id", s.updateTeam, allow("teams", policies.Write))
	s.handle(api, "DELETE", "/teams/:id", s.deleteTeam, allow("teams", policies.Write))
	s.handle(api, "PUT", "/teams/:id/members", s.setTeamMembers, allow("teams", policies.Write))

	s.handle(api, "GET", "/audit", s.listAudit, allow("audit", policies.Read))

	s.handle(api, "GET", "/customers", s.listCustomers, allow("customers", policies.Read))
	s.handle(api, "POST", "/customers", s.createCustomer, allow("customers", policies.Create))
	s.handle(api, "GET", "/customers/:id", s.getCustomer, allow("customers", policies.Read))
	s.handle(api, "PATCH", "/customers/:id", s.updateCustomer, allow("customers", policies.Write))
	s.handle(api, "DELETE", "/customers/:id", s.deleteCustomer, allow("customers", policies.Delete))

	s.handle(api, "GET", "/templates", s.listTemplates, allow("templates", policies.Read))
	s.handle(api, "POST", "/templates", s.createTemplate, allow("templates", policies.Write))
	s.handle(api, "GET", "/templates/:id", s.getTemplate, allow("templates", policies.Read))
	s.handle(api, "POST", "/templates/:id/target-check", s.checkTemplateTarget, allow("templates", policies.Read))
	s.handle(api, "PUT", "/templates/:id", s.updateTemplate, allow("templates", policies.Write))
	s.handle(api, "DELETE", "/templates/:id", s.deleteTemplate, allow("templates", policies.Write))

	s.handle(api, "GET", "/deals", s.listDeals, signedIn) // filtered to the deals the caller may read
	s.handle(api, "GET", "/deals/summary", s.dealsSummary, signedIn)
	s.handle(api, "POST", "/deals", s.createDeal, allow("deals", policies.Create))
	s.handle(api, "GET", "/deals/:id", s.getDeal, onDeal("deal", policies.Read))
	// The deal's business role may set only the judgement fields (updateDeal refuses the rest).
	s.handle(api, "PATCH", "/deals/:id", s.updateDeal, onDealEither("deal", "deal.judgement", policies.Write))
	s.handle(api, "DELETE", "/deals/:id", s.deleteDeal, onDeal("deal", policies.Delete))
	s.handle(api, "PUT", "/deals/:id/team", s.setDealTeam, onDeal("deal.team", policies.Write))
	s.handle(api, "GET", "/deals/:id/activity", s.listActivity, onDeal("deal", policies.Read))
	s.handle(api, "GET", "/deals/:id/confidence", s.getConfidence, onDeal("deal", policies.Read))
	s.handle(api, "GET", "/deals/:id/confidence/history", s.getConfidenceHistory, onDeal("deal", policies.Read))
	s.handle(api, "GET", "/deals/:id/plan/checks", s.listPlanChecks, onDeal("deal", policies.Read))

	s.handle(api, "GET", "/deals/:id/milestones", s.listMilestones, onDeal("deal.plan", policies.Read))
	s.handle(api, "POST", "/deals/:id/milestones", s.createMilestone, onDeal("deal.plan", policies.Write))
	s.handle(api, "PUT", "/deals/:id/milestones/order", s.reorderMilestones, onDeal("deal.plan", policies.Write))
	s.handle(api, "GET", "/milestones/:id", s.getMilestone, onMilestone("deal.plan", policies.Read))
	s.handle(api, "PATCH", "/milestones/:id", s.updateMilestone, onMilestone("deal.plan", policies.Write))
	s.handle(api, "DELETE", "/milestones/:id", s.deleteMilestone, onMilestone("deal.plan", policies.Write))
	s.handle(api, "POST", "/milestones/:id/reschedule/preview", s.previewReschedule, onMilestone("deal.plan", policies.Read))
	s.handle(api, "POST", "/milestones/:id/reschedule", s.applyReschedule, onMilestone("deal.plan", policies.Write))

	s.handle(api, "POST", "/deals/:id/milestones/import", s.importPlan, onDeal("deal.plan", policies.Write))
	s.handle(api, "POST", "/deals/:id/milestones/import/:import_id/undo", s.undoPlanImport, onDeal("deal.plan", policies.Write))
	s.handle(api, "GET", "/deals/:id/plan.xlsx", s.exportPlan, onDeal("deal.plan", policies.Read))
	s.handle(api, "GET", "/deals/:id/baselines", s.listBaselines, onDeal("deal.baselines", policies.Read))
	s.handle(api, "POST", "/deals/:id/baselines", s.takeBaseline, onDeal("deal.baselines", policies.Write))
	s.handle(api, "POST", "/deals/:id/baselines/:baseline_id/commit", s.commitBaseline, onDeal("deal.baselines", policies.Write))

	// Contacts: read with a deal of the customer the caller may read, changed with a deal
	// role on one (admins all).
	s.handle(api, "GET", "/customers/:id/contacts", s.listContacts, onContacts(customerInPath, "customers", policies.Read))
	s.handle(api, "POST", "/customers/:id/contacts", s.createContact, onContacts(customerInPath, "customers", policies.Create))
	s.handle(api, "GET", "/contacts/:id", s.getContact, onContacts(contactInPath, "customers", policies.Read))
	s.handle(api, "PATCH", "/contacts/:id", s.updateContact, onContacts(contactInPath, "customers", policies.Write))
	s.handle(api, "DELETE", "/contacts/:id", s.deleteContact, onContacts(contactInPath, "customers", policies.Delete))

	s.handle(api, "GET", "/deals/:id/stakeholders", s.listStakeholders, onDeal("deal.stakeholders", policies.Read))
	s.handle(api, "POST", "/deals/:id/stakeholders", s.createStakeholder, onDeal("deal.stakeholders", policies.Write))
	s.handle(api, "GET", "/stakeholders/:id", s.getStakeholder, on(stakeholderInPath, "deal.stakeholders", policies.Read))
	s.handle(api, "PATCH", "/stakeholders/:id", s.updateStakeholder, on(stakeholderInPath, "deal.stakeholders", policies.Write))
	s.handle(api, "DELETE", "/stakeholders/:id", s.deleteStakeholder, on(stakeholderInPath, "deal.stakeholders", policies.Write))
	s.handle(api, "GET", "/stakeholders/:id/history", s.stakeholderHistory, on(stakeholderInPath, "deal.stakeholders", policies.Read))

	s.handle(api, "GET", "/deals/:id/retrospectives", s.listRetrospectives, onDeal("deal.retrospectives", policies.Read))
	s.handle(api, "POST", "/deals/:id/retrospectives", s.createRetrospective, onDeal("deal.retrospectives", policies.Create))
	s.handle(api, "GET", "/retrospectives/:id", s.getRetrospective, on(retrospectiveInPath, "deal.retrospectives", policies.Read))
	s.handle(api, "PUT", "/retrospectives/:id", s.updateRetrospective, on(retrospectiveInPath, "deal.retrospectives", policies.Write))
	s.handle(api, "DELETE", "/retrospectives/:id", s.deleteRetrospective, on(retrospectiveInPath, "deal.retrospectives", policies.Write))
	s.handle(api, "PATCH", "/actions/:id", s.updateAction, on(actionInPath, "deal.retrospectives", policies.Write)) // or the action's owner
	s.handle(api, "GET", "/me/actions", s.myActions, signedIn)
	s.handle(api, "GET", "/deals/:id/actions/overdue", s.overdueActions, onDeal("deal.retrospectives", policies.Read))

	s.handle(api, "GET", "/deals/:id/gate-decisions", s.listDecisions, onDeal("deal", policies.Read))
	s.handle(api, "POST", "/deals/:id/gate-decisions", s.createDecision, onDeal("deal.gates", policies.Write))

	s.handle(api, "GET", "/confidence/parameters", s.listConfidenceParameters, signedIn)

	// The organisation's fitted confidence models (admins only; never adopted automatically).
	s.handle(api, "GET", "/confidence/models", s.listConfidenceModels, allow("confidence_models", policies.Read))
	s.handle(api, "POST", "/confidence/models", s.fitConfidenceModel, allow("confidence_models", policies.Write))
	s.handle(api, "POST", "/confidence/models/revert", s.revertConfidenceModel, allow("confidence_models", policies.Write))
	s.handle(api, "POST", "/confidence/models/:version/adopt", s.adoptConfidenceModel, allow("confidence_models", policies.Write))

	// Targets (admins and executives write), FX rates and settings (admins write).
	s.handle(api, "GET", "/settings", s.getSettings, allow("settings", policies.Read))
	s.handle(api, "PATCH", "/settings", s.updateSettings, allow("settings", policies.Write))
	s.handle(api, "GET", "/targets", s.listTargets, allow("targets", policies.Read))
	s.handle(api, "POST", "/targets", s.createTarget, allow("targets", policies.Write))
	s.handle(api, "GET", "/targets/tree", s.targetTree, allow("targets", policies.Read))
	s.handle(api, "GET", "/targets/:id", s.getTarget, allow("targets", policies.Read))
	s.handle(api, "PATCH", "/targets/:id", s.updateTarget, allow("targets", policies.Write))
	s.handle(api, "DELETE", "/targets/:id", s.deleteTarget, allow("targets", policies.Write))
	s.handle(api, "GET", "/fx-rates", s.listFXRates, allow("fx_rates", policies.Read))
	s.handle(api, "POST", "/fx-rates", s.createFXRate, allow("fx_rates", policies.Write))
	s.handle(api, "GET", "/fx-rates/:id", s.getFXRate, allow("fx_rates", policies.Read))
	s.handle(api, "PATCH", "/fx-rates/:id", s.updateFXRate, allow("fx_rates", policies.Write))
	s.handle(api, "DELETE", "/fx-rates/:id", s.deleteFXRate, allow("fx_rates", policies.Write))

	// The executives' board, over the deals the caller may read.
	s.handle(api, "GET", "/boards/confidence", s.getConfidenceBoard, signedIn)
	s.handle(api, "GET", "/boards/confidence.csv", s.exportConfidenceBoardCSV, signedIn)
	s.handle(api, "GET", "/boards/confidence.xlsx", s.exportConfidenceBoardXLSX, signedIn)
	s.handle(api, "GET", "/boards/confidence/trend", s.getConfidenceTrend, signedIn) // issue 14: the stored roll-ups' trend
	// What changed since a snapshot (docs/what-changed.md), over the deals the caller may read.
	s.handle(api, "GET", "/boards/confidence/changes", s.getBoardChanges, signedIn)
	s.handle(api, "GET", "/risks/gates", s.gateRisks, signedIn) // over the deals the caller may read
	s.handle(api, "GET", "/risks/next-steps", s.overdueNextSteps, signedIn)
	s.handle(api, "GET", "/risks/coverage", s.coverageGaps, signedIn)

	// Calibration: how well confidence foretold the closed deals' outcomes (admins and executives).
	s.handle(api, "GET", "/calibration", s.getCalibration, allow("calibration", policies.Read))
}

// handle registers one route with the middleware its rule needs and records the rule.
func (s *server) handle(g *echo.Group, method, path string, h echo.HandlerFunc, a access) {
	mw := []echo.MiddlewareFunc{checkQueryText}
	if a.scope == dealInPath || a.scope == milestoneInPath {
		mw = append(mw, readAccessAhead(a.scope))
	}
	if !a.public {
		mw = append(mw, s.authenticate)
	}
	switch {
	case a.scope != noDeal:
		mw = append(mw, s.authorizeDeal(a))
	case a.obj != "":
		mw = append(mw, s.authorize(a.obj, a.act))
	}
	if a.contacts != noContacts {
		mw = append(mw, s.authorizeContacts(a))
	}
	g.Add(method, path, h, mw...)
	s.rules[method+" "+apiBase+path] = a
}
