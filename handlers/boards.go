package handlers

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"

	"summit/domain/boards"
	"summit/domain/deals"
)

type boardGateResponse struct {
	MilestoneID string `json:"milestone_id"`
	Name        string `json:"name"`
	NameZh      string `json:"name_zh"`
	Due         date   `json:"due"`
	SlipDays    *int   `json:"slip_days"`
}

type boardDealResponse struct {
	DealID            string              `json:"deal_id"`
	Name              string              `json:"name"`
	CustomerName      string              `json:"customer_name"`
	TeamID            string              `json:"team_id"`
	AmountMinor       int64               `json:"amount_minor"`
	DealAmountMinor   int64               `json:"deal_amount_minor"`
	DealCurrency      string              `json:"deal_currency"`
	Probability       float64             `json:"probability"`
	ModelConfidence   float64             `json:"model_confidence"`
	ManualProbability *float64            `json:"manual_probability"`
	ForecastCategory  string              `json:"forecast_category"`
	NextGate          *boardGateResponse  `json:"next_gate"`
	SlipDays          *int                `json:"slip_days"`
	GatesDue          []boardGateResponse `json:"gates_due"`
	IfWon             *float64            `json:"if_won"`
	IfLost            *float64            `json:"if_lost"`
	Swing             *float64            `json:"swing"`
}

type boardStakeholderResponse struct {
	StakeholderID string  `json:"stakeholder_id"`
	Name          string  `json:"name"`
	Title         string  `json:"title"`
	DecisionRole  string  `json:"decision_role"`
	Influence     int     `json:"influence"`
	Stance        string  `json:"stance"`
	OwnerID       *string `json:"owner_id"`
	OwnerName     *string `json:"owner_name"`
	NextStep      string  `json:"next_step"`
	NextStepDue   *date   `json:"next_step_due"`
}

type boardFocusResponse struct {
	DealID       string                     `json:"deal_id"`
	Name         string                     `json:"name"`
	Swing        float64                    `json:"swing"`
	IfWon        float64                    `json:"if_won"`
	IfLost       float64                    `json:"if_lost"`
	Probability  float64                    `json:"probability"`
	NextGate     *boardGateResponse         `json:"next_gate"`
	Stakeholders []boardStakeholderResponse `json:"stakeholders"`
}

type boardTeamResponse struct {
	TeamID              string   `json:"team_id"`
	Name                string   `json:"name"`
	TargetMinor         *int64   `json:"target_minor"`
	WonMinor            int64    `json:"won_minor"`
	ExpectedMinor       int64    `json:"expected_minor"`
	ProbabilityOfTarget *float64 `json:"probability_of_target"`
	OpenDeals           int      `json:"open_deals"`
}

type boardLevelsResponse struct {
	Input struct {
		Done     int `json:"done"`
		Due      int `json:"due"`
		Contacts int `json:"contacts"`
	} `json:"input"`
	InBetween struct {
		Done    int `json:"done"`
		Planned int `json:"planned"`
	} `json:"in_between"`
	Output struct {
		WonMinor    int64  `json:"won_minor"`
		TargetMinor *int64 `json:"target_minor"`
	} `json:"output"`
}

type boardDistributionResponse struct {
	StartMinor int64     `json:"start_minor"`
	UnitMinor  int64     `json:"unit_minor"`
	Mass       []float64 `json:"mass"`
}

type boardResponse struct {
	Period              string                    `json:"period"`
	PeriodFrom          date                      `json:"period_from"`
	PeriodTo            date                      `json:"period_to"`
	AsOf                date                      `json:"as_of"`
	TeamID              *string                   `json:"team_id"`
	TeamName            string                    `json:"team_name"`
	Currency            string                    `json:"currency"`
	Basis               string                    `json:"basis"`
	TargetMinor         *int64                    `json:"target_minor"`
	TopDownMinor        *int64                    `json:"top_down_minor"`
	BottomUpMinor       *int64                    `json:"bottom_up_minor"`
	GapMinor            *int64                    `json:"gap_minor"`
	WonMinor            int64                     `json:"won_minor"`
	ExpectedMinor       int64                     `json:"expected_minor"`
	P10Minor            int64                     `json:"p10_minor"`
	P50Minor            int64                     `json:"p50_minor"`
	P90Minor            int64                     `json:"p90_minor"`
	ProbabilityOfTarget *float64                  `json:"probability_of_target"`
	Method              string                    `json:"method"`
	OpenDeals           int                       `json:"open_deals"`
	Deals               []boardDealResponse       `json:"deals"`
	NextCursor          *string                   `json:"next_cursor"`
	Focus               []boardFocusResponse      `json:"focus"`
	Teams               []boardTeamResponse       `json:"teams"`
	Levels              boardLevelsResponse       `json:"levels"`
	Distribution        boardDistributionResponse `json:"distribution"`
	Compare             boardBasisResponse        `json:"compare"`
}

// boardBasisResponse is the scope rolled up on the other basis.
type boardBasisResponse struct {
	Basis               string   `json:"basis"`
	ExpectedMinor       int64    `json:"expected_minor"`
	P10Minor            int64    `json:"p10_minor"`
	P50Minor            int64    `json:"p50_minor"`
	P90Minor            int64    `json:"p90_minor"`
	ProbabilityOfTarget *float64 `json:"probability_of_target"`
}

// boardCursor is the deals page's opaque cursor: the offset and a digest of the query it
// belongs to, base64url JSON. Another query's cursor, or a tampered one, is 400.
type boardCursor struct {
	Offset int    `json:"o"`
	Query  string `json:"q"`
}

func boardQueryDigest(period, teamID, basis string) string {
	h := sha256.Sum256([]byte(period + "\x00" + teamID + "\x00" + basis))
	return hex.EncodeToString(h[:8])
}

// boardQuery reads ?period=, ?team_id= and ?basis= (400 naming a malformed one).
func (s *server) boardQuery(c echo.Context) (boards.Query, error) {
	ctx := c.Request().Context()
	q := c.QueryParams()
	bq := boards.Query{Basis: boards.BasisModel}
	period, err := s.deps.Boards.CurrentQuarter(ctx)
	if err != nil {
		return bq, err
	}
	if q.Has("period") {
		p, err := s.deps.Forecasts.ParsePeriod(ctx, q.Get("period"))
		if errors.Is(err, deals.ErrBadPeriod) {
			return bq, badQuery("period", "period", "")
		}
		if err != nil {
			return bq, err
		}
		period = p
	}
	bq.Period = period
	if q.Has("team_id") {
		id, err := parseUUID(q.Get("team_id"))
		if err != nil {
			return bq, badQuery("team_id", "uuid", "")
		}
		bq.TeamID = &id
	}
	if q.Has("basis") {
		switch b := q.Get("basis"); b {
		case boards.BasisModel, boards.BasisJudgement:
			bq.Basis = b
		default:
			return bq, badQuery("basis", "oneof", "model judgement")
		}
	}
	if bq.Visible, err = s.dealVisibility(ctx, callerOf(c)); err != nil {
		return bq, err
	}
	return bq, nil
}

func digestOf(bq boards.Query) string {
	team := ""
	if bq.TeamID != nil {
		team = *bq.TeamID
	}
	return boardQueryDigest(bq.Period.Name, team, bq.Basis)
}

// board builds the board of the request (the company named in the caller's language).
func (s *server) board(c echo.Context, bq boards.Query) (boards.Board, error) {
	b, err := s.deps.Boards.Board(c.Request().Context(), bq)
	if err != nil {
		return b, err
	}
	if b.TeamID == nil {
		b.TeamName = companyName.in(requestLocale(c))
	}
	return b, nil
}

// exportBoard reads the query and builds the board of an export.
func (s *server) exportBoard(c echo.Context) (boards.Board, error) {
	bq, err := s.boardQuery(c)
	if err != nil {
		return boards.Board{}, err
	}
	return s.board(c, bq)
}

func toBoardGate(g *boards.Gate) *boardGateResponse {
	if g == nil {
		return nil
	}
	return &boardGateResponse{MilestoneID: g.MilestoneID, Name: g.Name, NameZh: g.NameZh, Due: toDate(g.Due), SlipDays: g.SlipDays()}
}

func toBoardDeal(d boards.Deal) boardDealResponse {
	r := boardDealResponse{DealID: d.ID, Name: d.Name, CustomerName: d.CustomerName, TeamID: d.TeamID, AmountMinor: d.Amount,
		DealAmountMinor: d.AmountMinor, DealCurrency: d.Currency, Probability: d.Probability, ModelConfidence: d.Model,
		ManualProbability: d.ManualProbability, ForecastCategory: d.ForecastCategory, NextGate: toBoardGate(d.NextGate),
		SlipDays: d.ContractSlip, GatesDue: make([]boardGateResponse, 0, len(d.GatesDue)), IfWon: d.IfWon, IfLost: d.IfLost, Swing: d.Swing}
	for i := range d.GatesDue {
		r.GatesDue = append(r.GatesDue, *toBoardGate(&d.GatesDue[i]))
	}
	return r
}

// getConfidenceBoard answers GET /boards/confidence (docs/board.md).
func (s *server) getConfidenceBoard(c echo.Context) error {
	limit, err := pageLimit(c)
	if err != nil {
		return err
	}
	bq, err := s.boardQuery(c)
	if err != nil {
		return err
	}
	offset := 0
	if raw := c.QueryParam("cursor"); raw != "" {
		var cur boardCursor
		b, err := base64.RawURLEncoding.DecodeString(raw)
		if err != nil || json.Unmarshal(b, &cur) != nil || cur.Offset < 1 || cur.Query != digestOf(bq) {
			return badQuery("cursor", "cursor", "")
		}
		offset = cur.Offset
	}
	b, err := s.board(c, bq)
	if err != nil {
		return err
	}
	resp := boardResponse{Period: b.Period.Name, PeriodFrom: toDate(b.Period.From), PeriodTo: toDate(b.Period.To.AddDate(0, 0, -1)),
		AsOf: toDate(b.AsOf), TeamID: b.TeamID, TeamName: b.TeamName, Currency: b.Currency, Basis: b.Basis,
		TargetMinor: b.TargetMinor, TopDownMinor: b.TargetMinor, BottomUpMinor: b.BottomUpMinor, GapMinor: b.GapMinor,
		WonMinor: b.WonMinor, ExpectedMinor: b.ExpectedMinor, P10Minor: b.P10Minor, P50Minor: b.P50Minor, P90Minor: b.P90Minor,
		ProbabilityOfTarget: b.ProbabilityOfTarget, Method: b.Method, OpenDeals: len(b.Deals),
		Deals: []boardDealResponse{}, Focus: []boardFocusResponse{}, Teams: []boardTeamResponse{},
		Distribution: boardDistributionResponse{StartMinor: b.Distribution.StartMinor, UnitMinor: b.Distribution.UnitMinor, Mass: b.Distribution.Mass},
		Compare: boardBasisResponse{Basis: b.Compare.Basis, ExpectedMinor: b.Compare.ExpectedMinor, P10Minor: b.Compare.P10Minor,
			P50Minor: b.Compare.P50Minor, P90Minor: b.Compare.P90Minor, ProbabilityOfTarget: b.Compare.ProbabilityOfTarget}}
	end := min(offset+limit, len(b.Deals))
	for i := offset; i < end; i++ {
		resp.Deals = append(resp.Deals, toBoardDeal(b.Deals[i]))
	}
	if end < len(b.Deals) {
		raw, _ := json.Marshal(boardCursor{Offset: end, Query: digestOf(bq)})
		next := base64.RawURLEncoding.EncodeToString(raw)
		resp.NextCursor = &next
	}
	for _, f := range b.Focus {
		d := f.Deal
		fr := boardFocusResponse{DealID: d.ID, Name: d.Name, Probability: d.Probability, NextGate: toBoardGate(d.NextGate),
			Stakeholders: make([]boardStakeholderResponse, 0, len(f.Stakeholders))}
		if d.Swing != nil {
			fr.Swing, fr.IfWon, fr.IfLost = *d.Swing, *d.IfWon, *d.IfLost
		}
		for _, p := range f.Stakeholders {
			fr.Stakeholders = append(fr.Stakeholders, boardStakeholderResponse{StakeholderID: p.ID, Name: p.Name, Title: p.Title,
				DecisionRole: p.DecisionRole, Influence: p.Influence, Stance: p.Stance, OwnerID: p.OwnerID, OwnerName: p.OwnerName,
				NextStep: p.NextStep, NextStepDue: toDatePtr(p.NextStepDue)})
		}
		resp.Focus = append(resp.Focus, fr)
	}
	for _, t := range b.Teams {
		resp.Teams = append(resp.Teams, boardTeamResponse{TeamID: t.TeamID, Name: t.Name, TargetMinor: t.TargetMinor,
			WonMinor: t.WonMinor, ExpectedMinor: t.ExpectedMinor, ProbabilityOfTarget: t.ProbabilityOfTarget, OpenDeals: t.OpenDeals})
	}
	l := b.Levels
	resp.Levels.Input.Done, resp.Levels.Input.Due, resp.Levels.Input.Contacts = l.StepsDone, l.StepsDue, l.Contacts
	resp.Levels.InBetween.Done, resp.Levels.InBetween.Planned = l.GatesDone, l.GatesPlanned
	resp.Levels.Output.WonMinor, resp.Levels.Output.TargetMinor = l.WonMinor, l.TargetMinor
	if resp.Distribution.Mass == nil {
		resp.Distribution.Mass = []float64{}
	}
	return c.JSON(http.StatusOK, resp)
}

// boardText labels the exports' headline rows and deal columns.
var boardText = struct {
	period, scope, currency, basis, target, bottomUp, gap, won, expected, p10, p50, p90, probability, method, openDeals,
	stepsDone, stepsDue, contacts, gatesDone, gatesPlanned message
	columns []message
}{
	period: message{"Period", "期间"}, scope: message{"Scope", "范围"}, currency: message{"Currency", "币种"},
	basis: message{"Basis", "口径"}, target: message{"Target (top-down)", "目标（自上而下）"},
	bottomUp: message{"Bottom-up", "自下而上"}, gap: message{"Gap", "差额"}, won: message{"Won", "已赢单"},
	expected: message{"Expected", "预期收入"}, p10: message{"P10", "P10"}, p50: message{"P50", "P50"}, p90: message{"P90", "P90"},
	probability: message{"Probability of target", "达成目标的概率"}, method: message{"Method", "计算方法"},
	openDeals: message{"Open deals", "在谈商机"}, stepsDone: message{"Next steps done", "已完成的下一步"},
	stepsDue: message{"Next steps due", "到期的下一步"}, contacts: message{"Contacts made", "接触次数"},
	gatesDone: message{"Gates passed", "已通过的关口"}, gatesPlanned: message{"Gates planned", "计划的关口"},
	columns: []message{{"Deal", "商机"}, {"Customer", "客户"}, {"Team ID", "团队 ID"}, {"Amount (reporting currency, minor units)", "金额（报告币种，最小单位）"},
		{"Deal amount (minor units)", "商机金额（最小单位）"}, {"Deal currency", "商机币种"}, {"Probability", "概率"},
		{"Model confidence", "模型置信度"}, {"Manual probability", "人工概率"}, {"Forecast category", "预测类别"},
		{"Next gate", "下一关口"}, {"Next gate due", "下一关口到期日"}, {"Slip (days)", "延误（天）"},
		{"If won", "若赢单"}, {"If lost", "若丢单"}, {"Swing", "摆幅"}, {"Deal ID", "商机 ID"}},
}

// The exports' cells are typed — string, int64, float64 or nil (empty) — so that the
// workbook holds numbers; the CSV writes them as text (cellText).
func optInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func optFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// boardHeadline is the exports' headline: (label, value) rows.
func boardHeadline(b boards.Board, l Locale) [][]any {
	t := boardText
	return [][]any{
		{t.period.in(l), b.Period.Name}, {t.scope.in(l), b.TeamName}, {t.currency.in(l), b.Currency}, {t.basis.in(l), b.Basis},
		{t.target.in(l), optInt(b.TargetMinor)}, {t.bottomUp.in(l), optInt(b.BottomUpMinor)}, {t.gap.in(l), optInt(b.GapMinor)},
		{t.won.in(l), b.WonMinor}, {t.expected.in(l), b.ExpectedMinor},
		{t.p10.in(l), b.P10Minor}, {t.p50.in(l), b.P50Minor}, {t.p90.in(l), b.P90Minor},
		{t.probability.in(l), optFloat(b.ProbabilityOfTarget)}, {t.method.in(l), b.Method}, {t.openDeals.in(l), len(b.Deals)},
		{t.stepsDone.in(l), b.Levels.StepsDone}, {t.stepsDue.in(l), b.Levels.StepsDue}, {t.contacts.in(l), b.Levels.Contacts},
		{t.gatesDone.in(l), b.Levels.GatesDone}, {t.gatesPlanned.in(l), b.Levels.GatesPlanned},
	}
}

func boardHeader(l Locale) []any {
	out := make([]any, len(boardText.columns))
	for i, m := range boardText.columns {
		out[i] = m.in(l)
	}
	return out
}

// boardDealRow is one open deal's row in the exports, in the header's columns.
func boardDealRow(d boards.Deal, l Locale) []any {
	var gate, due, slip any
	if g := d.NextGate; g != nil {
		gate, due = g.Name, toDate(g.Due).Format("2006-01-02")
		if l == LocaleZH && g.NameZh != "" {
			gate = g.NameZh
		}
	}
	if d.ContractSlip != nil {
		slip = *d.ContractSlip
	}
	return []any{d.Name, d.CustomerName, d.TeamID, d.Amount, d.AmountMinor, d.Currency, d.Probability, d.Model,
		optFloat(d.ManualProbability), d.ForecastCategory, gate, due, slip, optFloat(d.IfWon), optFloat(d.IfLost), optFloat(d.Swing), d.ID}
}

// csvRecord is row as CSV text, padded to width.
func csvRecord(row []any, width int) []string {
	out := make([]string, max(width, len(row)))
	for i, v := range row {
		out[i] = cellText(v)
	}
	return out
}

func boardFilename(b boards.Board, ext string) string {
	return fmt.Sprintf(`attachment; filename="board-%s.%s"`, b.Period.Name, ext)
}

// exportConfidenceBoardCSV answers GET /boards/confidence.csv: UTF-8 with a byte-order
// mark, the headline rows, a blank row, then the deals' header and rows, streamed.
func (s *server) exportConfidenceBoardCSV(c echo.Context) error {
	b, err := s.exportBoard(c)
	if err != nil {
		return err
	}
	l := requestLocale(c)
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	res.Header().Set("Content-Disposition", boardFilename(b, "csv"))
	res.WriteHeader(http.StatusOK)
	if _, err := res.Write([]byte("\ufeff")); err != nil {
		return nil
	}
	w := csv.NewWriter(res)
	// Every record has the deal columns' width (CSV readers expect rectangles): the
	// headline's label and value, then empty cells; a blank record before the deals.
	width := len(boardText.columns)
	for _, row := range boardHeadline(b, l) {
		_ = w.Write(csvRecord(row, width))
	}
	_ = w.Write(make([]string, width))
	_ = w.Write(csvRecord(boardHeader(l), width))
	for i, d := range b.Deals {
		_ = w.Write(csvRecord(boardDealRow(d, l), width))
		if i%256 == 255 {
			w.Flush()
			res.Flush()
		}
	}
	w.Flush()
	return nil // the status is sent: a broken connection can only be logged
}

// exportConfidenceBoardXLSX answers GET /boards/confidence.xlsx: a summary sheet (the
// headline) and a deals sheet written with excelize's stream writer.
func (s *server) exportConfidenceBoardXLSX(c echo.Context) error {
	b, err := s.exportBoard(c)
	if err != nil {
		return err
	}
	l := requestLocale(c)
	book := excelize.NewFile()
	defer book.Close()
	summary := message{"Summary", "摘要"}.in(l)
	dealsSheet := message{"Deals", "商机"}.in(l)
	if err := book.SetSheetName(book.GetSheetName(0), summary); err != nil {
		return err
	}
	if _, err := book.NewSheet(dealsSheet); err != nil {
		return err
	}
	for _, sh := range []struct {
		name string
		rows func(yield func([]any) bool)
	}{
		{summary, func(yield func([]any) bool) {
			for _, r := range boardHeadline(b, l) {
				if !yield(r) {
					return
				}
			}
		}},
		{dealsSheet, func(yield func([]any) bool) {
			if !yield(boardHeader(l)) {
				return
			}
			for _, d := range b.Deals {
				if !yield(boardDealRow(d, l)) {
					return
				}
			}
		}},
	} {
		sw, err := book.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		row := 1
		for cells := range sh.rows {
			ref, _ := excelize.CoordinatesToCellName(1, row)
			row++
			if err = sw.SetRow(ref, cells); err != nil {
				break
			}
		}
		if err != nil {
			return err
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, xlsxMIME)
	res.Header().Set("Content-Disposition", boardFilename(b, "xlsx"))
	res.WriteHeader(http.StatusOK)
	_ = book.Write(res)
	return nil
}
