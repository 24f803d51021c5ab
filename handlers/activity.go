package handlers

import (
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/deals"
)

type activityResponse struct {
	ID         string    `json:"id"`
	At         time.Time `json:"at"`
	ActorID    *string   `json:"actor_id"`
	ActorName  *string   `json:"actor_name"`
	Action     string    `json:"action"`
	EntityType string    `json:"entity_type"`
	EntityID   *string   `json:"entity_id"`
	Before     any       `json:"before"`
	After      any       `json:"after"`
}

func toResponseActivity(a deals.Activity) activityResponse {
	return activityResponse{ID: a.ID, At: a.At, ActorID: a.ActorID, ActorName: a.ActorName, Action: a.Action,
		EntityType: a.EntityType, EntityID: a.EntityID, Before: a.Before, After: a.After}
}

var activityList = listOf(deals.ActivitySorts)

// listActivity answers GET /deals/{id}/activity: the deal's audit trail, newest first,
// between ?from= and ?to= (days, both included) when given.
func (s *server) listActivity(c echo.Context) error {
	p, err := activityList.parse(c)
	if err != nil {
		return err
	}
	var between deals.ActivityRange
	if between.From, err = queryDate(c, "from"); err != nil {
		return err
	}
	if between.To, err = queryDate(c, "to"); err != nil {
		return err
	}
	page, err := s.deps.Deals.ListActivity(c.Request().Context(), dealIDOf(c), p, between)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseActivity)
}
