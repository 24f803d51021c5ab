package handlers

import (
	"time"

	"summit/domain/deals"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

// auditResponse is one audit event.
type auditResponse struct {
	ID          string         `json:"id"`
	At          time.Time      `json:"at"`
	ActorID     *string        `json:"actor_id"`
	ActorEmail  *string        `json:"actor_email"`
	ActorName   *string        `json:"actor_name"`
	Action      string         `json:"action"`
	SubjectType string         `json:"subject_type"`
	SubjectID   *string        `json:"subject_id"`
	SubjectName *string        `json:"subject_name"`
	IP          string         `json:"ip"`
	Details     map[string]any `json:"details"`
}

func toResponseAudit(e identity.AuditEvent) auditResponse {
	return auditResponse{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorEmail: e.ActorEmail, ActorName: e.ActorName,
		Action: e.Action, SubjectType: e.SubjectType, SubjectID: e.SubjectID, SubjectName: e.SubjectName, IP: e.IP, Details: e.Details}
}

var auditList = listOf(identity.AuditSorts)

// listAudit answers GET /audit (?action=, ?actor_id=, ?subject_type=, ?from=, ?to=,
// paging), newest first.
func (s *server) listAudit(c echo.Context) error {
	p, err := auditList.parse(c)
	if err != nil {
		return err
	}
	f, err := auditFilterOf(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Identity.ListAudit(c.Request().Context(), f, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseAudit)
}

// auditFilterOf reads the audit log's filters; a malformed one is a 400 naming it.
func auditFilterOf(c echo.Context) (identity.AuditFilter, error) {
	f := identity.AuditFilter{Action: c.QueryParam("action"), SubjectType: c.QueryParam("subject_type")}
	if raw := c.QueryParam("actor_id"); raw != "" {
		id, err := parseUUID(raw)
		if err != nil {
			return f, badQuery("actor_id", "uuid", "")
		}
		f.ActorID = id
	}
	for name, dst := range map[string]**time.Time{"from": &f.From, "to": &f.To} {
		raw := c.QueryParam(name)
		if raw == "" {
			continue
		}
		day, err := time.Parse(deals.DateLayout, raw)
		if err != nil {
			return f, badQuery(name, "date", "")
		}
		*dst = &day
	}
	return f, nil
}
