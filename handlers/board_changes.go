package handlers

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"summit/domain/changes"
	"summit/domain/deals"
)

type changeSideResponse struct {
	AmountMinor     int64   `json:"amount_minor"`
	Probability     float64 `json:"probability"`
	TargetCloseDate date    `json:"target_close_date"`
	Won             bool    `json:"won"`
}

type dealChangeResponse struct {
	DealID              string              `json:"deal_id"`
	Name                string              `json:"name"`
	CustomerName        string              `json:"customer_name"`
	Category            string              `json:"category"`
	Then                *changeSideResponse `json:"then"`
	Now                 *changeSideResponse `json:"now"`
	Effect              *float64            `json:"effect"`
	ExpectedEffectMinor int64               `json:"expected_effect_minor"`
}

type changeTotalResponse struct {
	Category            string   `json:"category"`
	Deals               int      `json:"deals"`
	Effect              *float64 `json:"effect"`
	ExpectedEffectMinor int64    `json:"expected_effect_minor"`
}

type boardChangesResponse struct {
	Period             string                `json:"period"`
	PeriodFrom         date                  `json:"period_from"`
	PeriodTo           date                  `json:"period_to"`
	TeamID             *string               `json:"team_id"`
	TeamName           string                `json:"team_name"`
	Currency           string                `json:"currency"`
	Basis              string                `json:"basis"`
	AsOf               date                  `json:"as_of"`
	From               date                  `json:"from"`
	FromDay            *date                 `json:"from_day"`
	To                 *date                 `json:"to"`
	ToDay              *date                 `json:"to_day"`
	TargetMinor        *int64                `json:"target_minor"`
	ProbabilityStart   *float64              `json:"probability_start"`
	ProbabilityNow     *float64              `json:"probability_now"`
	ExpectedStartMinor int64                 `json:"expected_start_minor"`
	ExpectedNowMinor   int64                 `json:"expected_now_minor"`
	Interaction        *float64              `json:"interaction"`
	Totals             []changeTotalResponse `json:"totals"`
	TotalChanges       int                   `json:"total_changes"`
	Changes            []dealChangeResponse  `json:"items"`
	NextCursor         *string               `json:"next_cursor"`
}

// queryDate reads an optional ?name=YYYY-MM-DD (400 naming a malformed one).
func queryDate(c echo.Context, name string) (*time.Time, error) {
	if !c.QueryParams().Has(name) {
		return nil, nil
	}
	d, err := deals.ParseDate(c.QueryParam(name))
	if errors.Is(err, deals.ErrDateOutOfRange) {
		return nil, badQuery(name, "date_range", deals.DateRangeText)
	}
	if err != nil {
		return nil, badQuery(name, "date", "")
	}
	return &d, nil
}

func toChangeSide(s *changes.Side) *changeSideResponse {
	if s == nil {
		return nil
	}
	return &changeSideResponse{AmountMinor: s.Amount, Probability: s.P, TargetCloseDate: toDate(s.Close), Won: s.Won}
}

// getBoardChanges answers GET /boards/confidence/changes (docs/what-changed.md): what
// changed in the board's scope and period since a day's snapshot, over the deals the
// caller may read, the deals paged largest effect first.
func (s *server) getBoardChanges(c echo.Context) error {
	limit, err := pageLimit(c)
	if err != nil {
		return err
	}
	bq, err := s.boardQuery(c)
	if err != nil {
		return err
	}
	from, err := queryDate(c, "from")
	if err != nil {
		return err
	}
	to, err := queryDate(c, "to")
	if err != nil {
		return err
	}
	digest := digestOf(bq) + c.QueryParam("from") + "/" + c.QueryParam("to")
	offset := 0
	if raw := c.QueryParam("cursor"); raw != "" {
		var cur boardCursor
		b, err := base64.RawURLEncoding.DecodeString(raw)
		if err != nil || json.Unmarshal(b, &cur) != nil || cur.Offset < 1 || cur.Query != digest {
			return badQuery("cursor", "cursor", "")
		}
		offset = cur.Offset
	}
	rep, err := s.deps.Changes.Report(c.Request().Context(), changes.Query{Visible: bq.Visible, TeamID: bq.TeamID,
		Period: bq.Period, Basis: bq.Basis, From: from, To: to})
	if err != nil {
		return err
	}
	if rep.TeamID == nil {
		rep.TeamName = companyName.in(requestLocale(c))
	}
	resp := boardChangesResponse{Period: rep.Period.Name, PeriodFrom: toDate(rep.Period.From),
		PeriodTo: toDate(rep.Period.To.AddDate(0, 0, -1)), TeamID: rep.TeamID, TeamName: rep.TeamName, Currency: rep.Currency,
		Basis: rep.Basis, AsOf: toDate(rep.AsOf), From: toDate(rep.From), FromDay: toDatePtr(rep.FromDay), To: toDatePtr(rep.To),
		ToDay: toDatePtr(rep.ToDay), TargetMinor: rep.TargetMinor, ProbabilityStart: rep.ProbabilityStart,
		ProbabilityNow: rep.ProbabilityNow, ExpectedStartMinor: rep.ExpectedStart, ExpectedNowMinor: rep.ExpectedNow,
		Interaction: rep.Interaction, Totals: make([]changeTotalResponse, 0, len(rep.Totals)), TotalChanges: len(rep.Changes),
		Changes: []dealChangeResponse{}}
	for _, t := range rep.Totals {
		resp.Totals = append(resp.Totals, changeTotalResponse{Category: t.Category, Deals: t.Deals, Effect: t.Effect,
			ExpectedEffectMinor: t.ExpectedEffect})
	}
	end := min(offset+limit, len(rep.Changes))
	for i := offset; i < end; i++ {
		d := rep.Changes[i]
		resp.Changes = append(resp.Changes, dealChangeResponse{DealID: d.ID, Name: d.Name, CustomerName: d.CustomerName,
			Category: d.Category, Then: toChangeSide(d.Then), Now: toChangeSide(d.Now), Effect: d.Effect,
			ExpectedEffectMinor: d.ExpectedEffect})
	}
	if end < len(rep.Changes) {
		raw, _ := json.Marshal(boardCursor{Offset: end, Query: digest})
		next := base64.RawURLEncoding.EncodeToString(raw)
		resp.NextCursor = &next
	}
	return c.JSON(http.StatusOK, resp)
}
