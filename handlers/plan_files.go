package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"

	"summit/domain/deals"
	"summit/handlers/sheet"
)

const xlsxMIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// importPlan answers POST /deals/{id}/milestones/import?mode=merge|replace: a multipart
// "file", CSV (UTF-8, or GB18030 as Excel saves it on Chinese Windows) or XLSX (first
// sheet), such as the export in either language. Merge (the default) updates the
// milestones the file names by key, adds its other rows and keeps the rest; replace
// removes the rest (deals.MergePlan). Nothing changes unless every row is valid;
// problems name row and column. The answer is the plan, what the import did and the id
// to undo it with, and the deal's version (ETag) that undo's If-Match must name. What an
// import may cost is bounded (sheet.DefaultLimits): the upload is kept in memory only up
// to importMemory, beyond that Go spools it to a temporary file that is read from.
func (s *server) importPlan(c echo.Context) error {
	mode := deals.ImportMode(c.QueryParam("mode"))
	if mode == "" {
		mode = deals.ImportMerge
	}
	if !mode.Valid() {
		return badQuery("mode", "oneof", "merge replace")
	}
	req := c.Request()
	if err := req.ParseMultipartForm(importMemory); err != nil {
		return badQuery("file", "required", "")
	}
	defer req.MultipartForm.RemoveAll()
	fh, err := c.FormFile("file")
	if err != nil {
		return badQuery("file", "required", "")
	}
	f, err := fh.Open()
	if err != nil {
		return badQuery("file", "required", "")
	}
	defer f.Close()
	rows, err := sheet.Read(req.Context(), fh.Filename, f, fh.Size, importLimits)
	if errors.Is(err, sheet.ErrUnreadable) {
		return badQuery("file", "spreadsheet", "")
	}
	if err != nil {
		return err
	}
	imp, plan, err := s.deps.Deals.ImportPlan(req.Context(), dealActor(c, s), dealIDOf(c), rows, mode)
	if err != nil {
		return err
	}
	setETag(c, imp.DealVersion)
	return c.JSON(http.StatusOK, planImportResponse{Items: milestoneItems(plan), Import: planImportSummary{
		ID: imp.ID, Mode: string(imp.Mode), Added: imp.Summary.Added, Updated: imp.Summary.Updated,
		Removed: imp.Summary.Removed, Unchanged: imp.Summary.Unchanged}})
}

// planImportResponse is the plan after an import and what the import did.
type planImportResponse struct {
	Items  []milestoneResponse `json:"items"`
	Import planImportSummary   `json:"import"`
}

type planImportSummary struct {
	ID        string `json:"id"`
	Mode      string `json:"mode"`
	Added     int    `json:"added"`
	Updated   int    `json:"updated"`
	Removed   int    `json:"removed"`
	Unchanged int    `json:"unchanged"`
}

func milestoneItems(plan []deals.Milestone) []milestoneResponse {
	items := make([]milestoneResponse, 0, len(plan))
	for _, m := range plan {
		items = append(items, toResponseMilestone(m))
	}
	return items
}

// undoPlanImport answers POST /deals/{id}/milestones/import/{import_id}/undo: the plan
// before that import comes back (removed milestones with their ids and baseline dates,
// added ones go, changed ones get their values back), as one activity entry. If-Match
// must be the version the import answered with; if the deal or its plan changed since,
// 412 and nothing changes; an import undone already is 409.
func (s *server) undoPlanImport(c echo.Context) error {
	version, err := ifMatchVersion(c)
	if err != nil {
		return err
	}
	plan, newVersion, err := s.deps.Deals.UndoImport(c.Request().Context(), dealActor(c, s), dealIDOf(c), c.Param("import_id"), version)
	if err != nil {
		return err
	}
	setETag(c, newVersion)
	return c.JSON(http.StatusOK, listResponse[milestoneResponse]{Items: milestoneItems(plan)})
}

// importMemory is how much of an upload stays in memory; the rest goes to disk.
const importMemory = 256 << 10

// importLimits bound one plan import (at most deals.MaxPlanMilestones rows of data).
var importLimits = sheet.DefaultLimits(deals.MaxPlanMilestones)

// exportPlan answers GET /deals/{id}/plan.xlsx[?lang=en|zh-CN]: the plan as typed cells
// (numbers, dates, booleans) with headers, owner roles and statuses in the reader's
// language (lang, else the request's language), a frozen header row with filters, and
// the milestone ids in a hidden last column, so the file imports back onto the same
// milestones (importPlan).
func (s *server) exportPlan(c echo.Context) error {
	ctx := c.Request().Context()
	d, err := s.deps.Deals.Deal(ctx, dealIDOf(c))
	if err != nil {
		return err
	}
	plan, err := s.deps.Deals.Plan(ctx, d.ID)
	if err != nil {
		return err
	}
	locale := requestLocale(c)
	switch l := Locale(c.QueryParam("lang")); l {
	case LocaleEN, LocaleZH:
		locale = l
	case "":
	default:
		return badQuery("lang", "oneof", "en zh-CN")
	}
	book, err := planWorkbook(plan, locale == LocaleZH)
	if err != nil {
		return err
	}
	defer book.Close()
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		return err
	}
	filename := strings.Map(safeFileRune, d.Name) + "-plan.xlsx"
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="plan.xlsx"; filename*=UTF-8''%s`, url.PathEscape(filename)))
	return c.Blob(http.StatusOK, xlsxMIME, buf.Bytes())
}

// planWorkbook lays the plan out on one sheet (see exportPlan).
func planWorkbook(plan []deals.Milestone, zh bool) (*excelize.File, error) {
	book := excelize.NewFile()
	name := map[bool]string{false: "Plan", true: "计划"}[zh]
	if err := book.SetSheetName(book.GetSheetName(0), name); err != nil {
		return book, err
	}
	dateFmt := "yyyy-mm-dd"
	dateStyle, err := book.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return book, err
	}
	headerStyle, err := book.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return book, err
	}
	header := deals.PlanSheetHeader(zh)
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := book.SetSheetRow(name, "A1", &cells); err != nil {
		return book, err
	}
	for i, row := range deals.PlanSheetRows(plan, zh) {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := book.SetSheetRow(name, ref, &row); err != nil {
			return book, err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	lastRow := strconv.Itoa(len(plan) + 1)
	steps := []func() error{
		func() error { return book.SetCellStyle(name, "A1", last+"1", headerStyle) },
		func() error {
			if len(plan) == 0 {
				return nil
			}
			return book.SetCellStyle(name, "G2", "H"+lastRow, dateStyle)
		},
		func() error { return book.SetColWidth(name, "B", "C", 28) },
		func() error { return book.SetColWidth(name, "D", "J", 14) },
		func() error { return book.SetColWidth(name, "K", "K", 40) },
		func() error {
			return book.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		},
		func() error { return book.AutoFilter(name, "A1:"+last+lastRow, nil) },
		func() error { return book.SetColVisible(name, last, false) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return book, err
		}
	}
	return book, nil
}

func safeFileRune(r rune) rune {
	if strings.ContainsRune(`/\:*?"<>|`, r) {
		return '-'
	}
	return r
}
