package repository

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"gorm.io/gorm"

	"summit/domain/confidence"
	"summit/domain/deals"
	"summit/domain/forecasts"
)

// The demo deals this week's moves are about: a deal pushed out of the current quarter
// into the next (added with the history, its plan nearly done before the push), the open
// demo deal most likely to close in the quarter pulled in from the next, and the
// candidates whose confidence moved up or down with a stakeholder's change of heart (the
// first that has such a person).
const DemoPushedOut = "Hydropower dispatch optimisation 水电调度优化"

var demoStanceCandidates = []string{
	"Port customs data exchange 港口海关数据交换", "Refinery energy optimisation 炼化能效优化",
	"Municipal e-invoice platform 市级电子发票平台", "Branch digital onboarding 网点数字化开户",
	"Campus safety video network 校园安全视频网络", "Overseas LNG terminal monitoring 海外LNG接收站监测",
	"Hong Kong treasury analytics 香港资金业务分析",
}

// The deals this week added: one new, one won and one lost since last Monday (and the
// one pushed out, DemoPushedOut, open for months).
const (
	DemoNewThisWeek  = "Offshore wind farm monitoring 海上风电场监测"
	DemoWonThisWeek  = "Motor claims image recognition 车险定损图像识别"
	DemoLostThisWeek = "Transmission line drone inspection 输电线路无人机巡检"
)

// DemoLastMonday is the Monday "what changed" looks back to by default as the demo sees
// it: this week's Monday, or the one before when today is a Monday (the week's moves
// happen from that day to yesterday).
func DemoLastMonday(today time.Time) time.Time {
	today = deals.Day(today)
	back := (int(today.Weekday()) + 6) % 7
	if back == 0 {
		back = 7
	}
	return today.AddDate(0, 0, -back)
}

type histWeek struct {
	snaps        []*snapDeal
	added, moves int
	pulledIn     string
}

// openDemoDeal is one of today's open demo deals as the week's moves read it.
type openDemoDeal struct {
	ID, Name, CustomerID, Segment, TeamID, Currency, ForecastCategory string
	AmountMinor                                                       int64
	TargetCloseDate                                                   time.Time
	ManualProbability                                                 *float64
	Start                                                             time.Time
}

// thisWeek adds the open demo deals' past (their snapshots, computed from today's data
// as of each day) with this week's moves, and the week's new, won and lost deals.
func (w *histWorld) thisWeek(ctx context.Context, db *gorm.DB, quarter deals.Period, rows *scaleRows) (histWeek, error) {
	var week histWeek
	monday, yesterday := DemoLastMonday(w.today), w.today.AddDate(0, 0, -1)
	moveDay := func(i int) time.Time {
		d := monday.AddDate(0, 0, i)
		if d.After(yesterday) {
			return yesterday
		}
		return d
	}
	names := make([]string, 0, len(demoDeals)+len(demoBoardDeals))
	for _, d := range demoDeals {
		names = append(names, d.name)
	}
	for _, d := range demoBoardDeals {
		names = append(names, d.name)
	}
	var open []openDemoDeal
	err := db.Raw(`SELECT d.id, d.name, d.customer_id, d.segment, d.team_id, d.currency, d.forecast_category, d.amount_minor,
			d.target_close_date, d.manual_probability, COALESCE(m.start, d.created_at::date) AS start
		FROM deals d LEFT JOIN LATERAL (SELECT min(planned_start) AS start FROM milestones WHERE deal_id = d.id) m ON true
		WHERE d.status = 'open' AND d.name IN ? ORDER BY d.name`, names).Scan(&open).Error
	if err != nil {
		return week, translate(err, "open demo deals")
	}
	ids := make([]string, 0, len(open))
	for _, d := range open {
		ids = append(ids, d.ID)
	}
	inputs, err := NewForecasts(db).Inputs(ctx, ids)
	if err != nil {
		return week, err
	}
	byName := map[string]*snapDeal{}
	for _, d := range open {
		for _, in := range inputs.Deals {
			if in.DealID != d.ID {
				continue
			}
			id, _ := pgUUID(d.ID)
			team, _ := pgUUID(d.TeamID)
			start, input := d.Start, in.Input
			s := &snapDeal{id: id, teamID: team, amount: d.AmountMinor, currency: d.Currency, target: d.TargetCloseDate,
				category: d.ForecastCategory, manual: d.ManualProbability, overrides: in.Overrides, since: start,
				openOn:  func(day time.Time) bool { return start.Before(day) },
				inputAt: func(day time.Time) confidence.Input { return rewind(input, day) }}
			week.snaps = append(week.snaps, s)
			byName[d.Name] = s
		}
	}
	dealOf := map[string]openDemoDeal{}
	for _, d := range open {
		dealOf[d.Name] = d
	}

	// Pulled into the quarter: the open deal (not one of the stories) most likely to close
	// in it now, whose target close date (and unfinished steps with it) lay a quarter later
	// before the move.
	stories := map[string]bool{}
	for _, name := range DemoStoryDeals() {
		stories[name] = true
	}
	yesterdayWindow := []deals.Period{quarter}
	best, bestConf := "", 0.0
	for _, d := range open {
		s := byName[d.Name]
		if s == nil || stories[d.Name] || d.TargetCloseDate.Before(quarter.From) || !d.TargetCloseDate.Before(quarter.To) {
			continue
		}
		f := forecasts.Compute(forecasts.DealInput{Input: s.inputAt(yesterday), Overrides: s.overrides}, yesterdayWindow, yesterday)
		if c := f.Periods[0].Confidence; c > bestConf {
			best, bestConf = d.Name, c
		}
	}
	if s, ok := byName[best]; ok {
		d := dealOf[best]
		s.moved, s.targetBefore = moveDay(1), d.TargetCloseDate.AddDate(0, 3, 0)
		shift := deals.CalendarDaysBetween(d.TargetCloseDate, s.targetBefore)
		before := s.targetBefore
		s.inputBefore = func(in *confidence.Input, day time.Time) { shiftOpenSteps(in, before, shift, day) }
		snapshot := func(target time.Time) map[string]any {
			return map[string]any{"name": d.Name, "customer_id": d.CustomerID, "segment": d.Segment, "team_id": d.TeamID,
				"amount_minor": d.AmountMinor, "currency": d.Currency, "target_close_date": target.Format(deals.DateLayout),
				"status": "open", "status_reason": ""}
		}
		pmo, err := w.dealPMO(db, d.ID)
		if err != nil {
			return week, err
		}
		w.trail(rows, s.id, moveAt(s.moved, 10), pmo, "deal.updated", "deal", s.id, snapshot(s.targetBefore), snapshot(d.TargetCloseDate))
		week.moves++
		week.pulledIn = best
	}

	// Confidence up and down: a decision maker's or economic buyer's change of heart.
	used := map[string]bool{}
	for i, dir := range []struct {
		now    []string // the stance held now
		before string
	}{{[]string{"champion", "supporter"}, "blocker"}, {[]string{"blocker", "skeptic", "neutral"}, "champion"}} {
		for _, name := range demoStanceCandidates {
			s, ok := byName[name]
			if !ok || used[name] || !s.moved.IsZero() {
				continue
			}
			person, at, err := w.stancePerson(db, dealOf[name].ID, dir.now)
			if err != nil {
				return week, err
			}
			if at < 0 {
				continue
			}
			used[name] = true
			s.moved, s.targetBefore = moveDay(2+i), s.target
			before := dir.before
			s.inputBefore = func(in *confidence.Input, _ time.Time) {
				if at < len(in.Stakeholders) {
					in.Stakeholders[at].Stance = before
				}
			}
			change := map[string]any{"stance": map[string]any{"from": before, "to": person.Stance}}
			sid, _ := pgUUID(person.ID)
			owner, _ := pgUUID(person.OwnerID)
			w.trail(rows, s.id, moveAt(s.moved, 11), owner, "stakeholder.updated", "stakeholder", sid, change, person.Name)
			week.moves++
			break
		}
	}

	// A deal new this week, one won and one lost.
	won, lost, added := moveDay(4), moveDay(5), moveDay(1)
	for _, s := range []histSpec{
		{name: DemoPushedOut, team: 2, customer: demoCustomerAt("China Huaneng"), closeOn: quarter.To.AddDate(0, 0, -15),
			outcome: deals.DealOpen, pushedOn: moveDay(0), pushDays: 75, quality: 0.8, amount: 4_600_000_00},
		{name: DemoNewThisWeek, team: 2, customer: demoCustomerAt("China Huaneng"), closeOn: quarter.To.AddDate(0, 0, -12),
			outcome: deals.DealOpen, created: moveAt(added, 11), quality: 0.6, amount: 6_800_000_00},
		{name: DemoWonThisWeek, team: 3, customer: demoCustomerAt("Ping An"), closeOn: won,
			outcome: deals.DealWon, closedOn: won, quality: 0.85, amount: 3_200_000_00},
		{name: DemoLostThisWeek, team: 2, customer: demoCustomerAt("State Grid Shandong"), closeOn: quarter.To.AddDate(0, 0, -20),
			outcome: deals.DealLost, closedOn: lost, quality: 0.3, amount: 5_400_000_00},
	} {
		var exists bool
		if err := db.Raw(`SELECT EXISTS (SELECT 1 FROM deals WHERE name = ?)`, s.name).Scan(&exists).Error; err != nil {
			return week, translate(err, "demo deal")
		}
		if exists {
			continue
		}
		d := w.simulate(s)
		w.rows(d, rows)
		week.snaps = append(week.snaps, d.snap())
		if s.pushedOn.IsZero() {
			week.added++
		} else {
			week.moves++
		}
	}
	return week, nil
}

// moveAt is hour o'clock UTC on day, or just before now if that is later.
func moveAt(day time.Time, hour int) time.Time {
	at := time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, time.UTC)
	if now := time.Now().UTC().Add(-time.Minute); at.After(now) {
		return now
	}
	return at
}

// dealPMO is the deal's PMO.
func (w *histWorld) dealPMO(db *gorm.DB, dealID string) (pgtype.UUID, error) {
	var id string
	if err := db.Raw(`SELECT user_id FROM deal_members WHERE deal_id = ? AND role = 'pmo' LIMIT 1`, dealID).Scan(&id).Error; err != nil {
		return pgtype.UUID{}, translate(err, "deal pmo")
	}
	return pgUUID(id)
}

type stanceRow struct{ ID, OwnerID, Name, Stance, DecisionRole string }

// stancePerson is the deal's most influential decision maker or economic buyer holding
// one of stances, and their index among the deal's stakeholders in the engine's input
// (ordered by id, as Forecasts.Inputs reads them); -1 when there is none.
func (w *histWorld) stancePerson(db *gorm.DB, dealID string, stances []string) (stanceRow, int, error) {
	var rows []stanceRow
	err := db.Raw(`SELECT s.id, COALESCE(s.owner_id::text, '') AS owner_id, c.name, s.stance, s.decision_role, s.influence
		FROM stakeholders s JOIN contacts c ON c.id = s.contact_id WHERE s.deal_id = ? ORDER BY s.id`, dealID).Scan(&rows).Error
	if err != nil {
		return stanceRow{}, -1, translate(err, "demo stakeholders")
	}
	for i, r := range rows {
		for _, st := range stances {
			if r.Stance == st && (r.DecisionRole == "decision_maker" || r.DecisionRole == "economic_buyer") && r.OwnerID != "" {
				return r, i, nil
			}
		}
	}
	return stanceRow{}, -1, nil
}

// shiftOpenSteps puts the deal back as it was on day, before its target close date moved
// to target: its unfinished steps shift by days too, none due before day (a step would not
// have been planned overdue; it is due a week after day instead), and a step planned to
// start after day had not started.
func shiftOpenSteps(in *confidence.Input, target time.Time, days int, day time.Time) {
	in.Deal.TargetClose = target
	ms := make([]confidence.Milestone, len(in.Milestones))
	copy(ms, in.Milestones)
	for i := range ms {
		m := &ms[i]
		if m.Status == confidence.StatusDone || m.Status == confidence.StatusSkipped {
			continue
		}
		start, due := m.PlannedStart.AddDate(0, 0, days), m.PlannedDue.AddDate(0, 0, days)
		if due.Before(day) {
			due = day.AddDate(0, 0, 7)
		}
		if start.After(due) {
			start = due
		}
		m.PlannedStart, m.PlannedDue = start, due
		if days > 0 && start.After(day) {
			m.Status = confidence.StatusPlanned // planned for later, it had not started yet
		}
		if !m.BaselineDue.IsZero() {
			m.BaselineStart, m.BaselineDue = m.BaselineStart.AddDate(0, 0, days), m.BaselineDue.AddDate(0, 0, days)
			if m.BaselineDue.Before(day) { // the baseline moved with the plan
				m.BaselineStart, m.BaselineDue = start, due
			}
		}
	}
	in.Milestones = ms
}

// rewind is a deal's engine input (today's data) as of the start of an earlier day:
// steps finished on or after it not yet finished (in progress once started), reviews and
// gate decisions from it on not yet held, contacts not later than it.
func rewind(in confidence.Input, day time.Time) confidence.Input {
	out := in
	out.Deal.Status = confidence.DealOpen
	out.Milestones = make([]confidence.Milestone, len(in.Milestones))
	for i, m := range in.Milestones {
		if !m.CompletedOn.IsZero() && !m.CompletedOn.Before(day) {
			m.CompletedOn, m.Status = time.Time{}, confidence.StatusInProgress
		}
		if m.PlannedStart.After(day) && m.Status != confidence.StatusDone && m.Status != confidence.StatusSkipped {
			m.Status = confidence.StatusPlanned
		}
		out.Milestones[i] = m
	}
	out.Stakeholders = make([]confidence.Stakeholder, len(in.Stakeholders))
	for i, s := range in.Stakeholders {
		if s.LastContactOn.After(day) || s.LastContactOn.Equal(day) {
			s.LastContactOn = day.AddDate(0, 0, -7)
		}
		out.Stakeholders[i] = s
	}
	out.Retrospectives = nil
	for _, r := range in.Retrospectives {
		if r.HeldOn.Before(day) {
			out.Retrospectives = append(out.Retrospectives, r)
		}
	}
	out.GateDecisions = nil
	for _, g := range in.GateDecisions {
		if g.DecidedOn.Before(day) {
			out.GateDecisions = append(out.GateDecisions, g)
		}
	}
	return out
}

func (r openDemoDeal) String() string { return fmt.Sprintf("%s (%s)", r.Name, r.ID) }
