package handlers

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/identity"
	"summit/policies"
)

// access is the rule a route is registered with; every API route has one (routes.go),
// and the permission matrix test fails on a route without.
type access struct {
	public bool   // no sign-in needed
	obj    string // casbin object checked for the caller's roles; "" = any signed-in user
	act    string
	// orObj, when set, lets obj/act through for callers allowed orObj/act instead (the
	// handler then limits what they may do).
	orObj string
	scope dealScope
	// contacts scopes a route to one customer's contacts (contact_access.go), after the
	// global obj/act check.
	contacts contactScope
}

// dealScope says whether a route acts on one deal, and how its path names it.
type dealScope int

const (
	noDeal              dealScope = iota
	dealInPath                    // :id is a deal
	milestoneInPath               // :id is a milestone of a deal
	stakeholderInPath             // :id is a stakeholder of a deal
	retrospectiveInPath           // :id is a retrospective of a deal
	actionInPath                  // :id is an action item of a retrospective
)

var (
	public   = access{public: true}
	signedIn = access{}
)

func allow(obj, act string) access { return access{obj: obj, act: act} }

// onContacts checks obj/act with the caller's global roles, then the contacts rule on the
// customer named by the path (stakeholders.ContactRights).
func onContacts(scope contactScope, obj, act string) access {
	return access{obj: obj, act: act, contacts: scope}
}

// onDeal checks obj/act with the roles the caller holds on the deal in the path.
func onDeal(obj, act string) access { return access{obj: obj, act: act, scope: dealInPath} }

// onDealEither checks obj/act or orObj/act with the roles the caller holds on the deal.
func onDealEither(obj, orObj, act string) access {
	return access{obj: obj, orObj: orObj, act: act, scope: dealInPath}
}

// onMilestone checks obj/act on the deal of the milestone in the path.
func onMilestone(obj, act string) access { return access{obj: obj, act: act, scope: milestoneInPath} }

// on checks obj/act on the deal of the thing named by :id (see dealScope).
func on(scope dealScope, obj, act string) access { return access{obj: obj, act: act, scope: scope} }

const (
	sessionCookie = "summit_session"
	callerKey     = "summit.caller"
	csrfHeader    = "X-CSRF-Token"
)

// errCSRF: a cookie-authenticated unsafe request without the session's CSRF token.
var errCSRF = &requestError{status: http.StatusForbidden, code: "csrf_failed",
	fields: map[string]string{csrfHeader: "required"}}

// authenticate resolves the caller from a bearer token or the session cookie and, for
// cookie sessions, checks the CSRF token on unsafe methods.
func (s *server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		var (
			caller identity.Caller
			err    error
			cookie bool
		)
		if token, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer "); ok {
			caller, err = s.deps.Identity.AuthenticateToken(ctx, strings.TrimSpace(token))
		} else if session, cerr := c.Cookie(sessionCookie); cerr == nil && session.Value != "" {
			caller, err = s.deps.Identity.AuthenticateSession(ctx, session.Value)
			cookie = true
		} else {
			err = domain.ErrUnauthenticated
		}
		if err != nil {
			return err
		}
		// The profile language answers requests that name no language (see chooseLocale).
		withValue(c, profileLocaleKey, Locale(caller.User.Locale))
		if cookie && !safeMethod(c.Request().Method) &&
			subtle.ConstantTimeCompare([]byte(c.Request().Header.Get(csrfHeader)), []byte(caller.CSRFToken)) != 1 {
			return errCSRF
		}
		c.Set(callerKey, caller)
		return next(c)
	}
}

// authorize lets the request through when the caller's global roles allow obj/act.
func (s *server) authorize(obj, act string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !s.deps.Policy.Allowed(globalRoles(callerOf(c)), obj, act) {
				return domain.ErrForbidden
			}
			return next(c)
		}
	}
}

// globalRoles are the roles a caller holds everywhere: its global role and "user".
func globalRoles(c identity.Caller) []string {
	return []string{string(c.User.Role), policies.RoleUser}
}

// permissionObjects are the global objects the SPA asks about (GET /me).
var permissionObjects = []string{"users", "teams", "audit", "templates", "targets", "settings", "customers", "fx_rates", "calibration", "confidence_models"}

func (s *server) permissions(c identity.Caller) []string {
	return s.deps.Policy.Permissions(globalRoles(c), permissionObjects, []string{policies.Read, policies.Write})
}

func callerOf(c echo.Context) identity.Caller {
	caller, _ := c.Get(callerKey).(identity.Caller)
	return caller
}

// actorOf is who is acting in this request, for the audit trail.
func actorOf(c echo.Context) identity.Actor {
	return identity.Actor{UserID: callerOf(c).User.ID, IP: c.RealIP()}
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}
