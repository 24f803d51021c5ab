package reviews

import (
	"context"
	"fmt"
	"strings"
	"time"

	"summit/domain"
	"summit/domain/deals"
)

// The kinds of item My actions lists.
const (
	KindAction   = "action"    // a retrospective action item the user owns
	KindNextStep = "next_step" // the next step with a stakeholder the user owns
)

// MyActionSorts: My actions has one order (MyItemKey), asked for as "due".
var MyActionSorts = domain.Sorts{Fields: []string{"due"}, Default: "due"}

// RiskWindow is the default of the power map's gate-risk flags: gates due within GateDays,
// decisive people not contacted for StaleDays (GET /risks/gates uses the same).
const (
	RiskGateDays  = 30
	RiskStaleDays = 30
)

// MyItem is one thing on a user's My actions: an open retrospective action, or the next step
// with a stakeholder they own, on an open deal they may read.
type MyItem struct {
	Kind            string // KindAction or KindNextStep
	ID              string // the action's or the stakeholder's id
	DealID          string
	DealName        string
	Title           string     // the action's title or the next step
	StakeholderName string     // next steps: who it is with
	Due             *time.Time // nil: no date (next steps may have none)
	Version         int        // what PATCH /actions/{id} or /stakeholders/{id} is based on
	// Flagged: the power map flags the person (a decision maker or economic buyer linked to a
	// gate due soon who is a skeptic or blocker, or was not contacted lately).
	Flagged bool
	// DealFirstDue is the earliest due date among the user's items of the deal: deals are
	// listed in its order, so a deal with anything overdue comes first.
	DealFirstDue time.Time
}

// Overdue says whether the item was due before today.
func (i MyItem) Overdue(today time.Time) bool {
	return i.Due != nil && i.Due.Before(deals.Day(today))
}

// NoDue stands for "no due date" in the order: after every real date.
var NoDue = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// DueOrLast is the item's due date, or NoDue.
func (i MyItem) DueOrLast() time.Time {
	if i.Due == nil {
		return NoDue
	}
	return deals.Day(*i.Due)
}

// MyItemKey is an item's place in My actions: grouped by deal, deals by their earliest due
// date (overdue first), then soonest due first within the deal, no date last; ties by kind
// and id. The repository sorts by these columns and pages on them.
type MyItemKey struct {
	DealFirstDue time.Time
	DealID       string
	Due          time.Time
	Kind         string
}

// Key is the item's MyItemKey.
func (i MyItem) Key() MyItemKey {
	return MyItemKey{DealFirstDue: deals.Day(i.DealFirstDue), DealID: i.DealID, Due: i.DueOrLast(), Kind: i.Kind}
}

// Before says whether a (with id aID) comes before b (with id bID) in My actions.
func (k MyItemKey) Before(aID string, b MyItemKey, bID string) bool {
	switch {
	case !k.DealFirstDue.Equal(b.DealFirstDue):
		return k.DealFirstDue.Before(b.DealFirstDue)
	case k.DealID != b.DealID:
		return k.DealID < b.DealID
	case !k.Due.Equal(b.Due):
		return k.Due.Before(b.Due)
	case k.Kind != b.Kind:
		return k.Kind < b.Kind
	}
	return aID < bID
}

// String is the key as a cursor value: "2026-03-30 <deal id> 2026-04-02 action".
func (k MyItemKey) String() string {
	return strings.Join([]string{k.DealFirstDue.Format(deals.DateLayout), k.DealID, k.Due.Format(deals.DateLayout), k.Kind}, " ")
}

// ParseMyItemKey reads a key written by String; anything else is domain.ErrInvalidCursor.
func ParseMyItemKey(s string) (MyItemKey, error) {
	parts := strings.Split(s, " ")
	bad := fmt.Errorf("my actions cursor %q: %w", s, domain.ErrInvalidCursor)
	if len(parts) != 4 || (parts[3] != KindAction && parts[3] != KindNextStep) || len(parts[1]) != 36 {
		return MyItemKey{}, bad
	}
	first, err1 := time.Parse(deals.DateLayout, parts[0])
	due, err2 := time.Parse(deals.DateLayout, parts[2])
	if err1 != nil || err2 != nil || first.Year() < 1 || due.Year() < 1 {
		return MyItemKey{}, bad
	}
	return MyItemKey{DealFirstDue: first, DealID: parts[1], Due: due, Kind: parts[3]}, nil
}

// MyActionsQuery asks for one page of a user's My actions.
type MyActionsQuery struct {
	UserID    string
	Visible   *deals.Visibility // the deals the user may read (nil: all)
	Today     time.Time         // set by the service
	GateDays  int               // the power map's flags: gates due within this many days
	StaleDays int               // and decisive people not contacted for this many days
	List      domain.ListParams
}

// MyActions lists one page of what the user owns on open deals they may read: open
// retrospective actions and stakeholder next steps, in MyItemKey order.
func (s *Service) MyActions(ctx context.Context, q MyActionsQuery) (domain.Page[MyItem], error) {
	q.Today = s.today()
	if q.GateDays == 0 {
		q.GateDays = RiskGateDays
	}
	if q.StaleDays == 0 {
		q.StaleDays = RiskStaleDays
	}
	return s.Store.MyActions(ctx, q)
}
