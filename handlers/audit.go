package handlers

import (
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/identity"
)

// auditResponse is one audit event.
type auditResponse struct {
	ID          string         `json:"id"`
	At          time.Time      `json:"at"`
	ActorID     *string        `json:"actor_id"`
	ActorEmail  *string        `json:"actor_email"`
	Action      string         `json:"action"`
	SubjectType string         `json:"subject_type"`
	SubjectID   *string        `json:"subject_id"`
	IP          string         `json:"ip"`
	Details     map[string]any `json:"details"`
}

func toResponseAudit(e identity.AuditEvent) auditResponse {
	return auditResponse{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorEmail: e.ActorEmail, Action: e.Action,
		SubjectType: e.SubjectType, SubjectID: e.SubjectID, IP: e.IP, Details: e.Details}
}

var auditList = listOf(identity.AuditSorts)

// listAudit answers GET /audit (?action=, paging), newest first.
func (s *server) listAudit(c echo.Context) error {
	p, err := auditList.parse(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Identity.ListAudit(c.Request().Context(), c.QueryParam("action"), p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseAudit)
}
