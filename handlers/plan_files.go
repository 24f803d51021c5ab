package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"

	"summit/domain"
	"summit/domain/deals"
	"summit/handlers/sheet"
)

const xlsxMIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// importPlan answers POST /deals/{id}/milestones/import: a multipart "file", CSV
// (UTF-8, or GB18030 as Excel saves it on Chinese Windows) or XLSX (first sheet). The
// plan is replaced only if every row is valid; problems name row and column. What an
// import may cost is bounded (sheet.DefaultLimits): the upload is kept in memory only
// up to importMemory, beyond that Go spools it to a temporary file that is read from.
func (s *server) importPlan(c echo.Context) error {
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
	plan, err := s.deps.Deals.ImportPlan(req.Context(), dealActor(c, s), dealIDOf(c), rows)
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[deals.Milestone]{Items: plan}, toResponseMilestone)
}

// importMemory is how much of an upload stays in memory; the rest goes to disk.
const importMemory = 256 << 10

// importLimits bound one plan import (at most deals.MaxPlanMilestones rows of data).
var importLimits = sheet.DefaultLimits(deals.MaxPlanMilestones)

// exportPlan answers GET /deals/{id}/plan.xlsx: the plan in the import's columns.
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
	book := excelize.NewFile()
	defer book.Close()
	sheet := book.GetSheetName(0)
	for i, row := range deals.PlanToRows(plan) {
		cellRef, _ := excelize.CoordinatesToCellName(1, i+1)
		values := make([]any, len(row))
		for j, v := range row {
			values[j] = v
		}
		if err := book.SetSheetRow(sheet, cellRef, &values); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		return err
	}
	filename := strings.Map(safeFileRune, d.Name) + "-plan.xlsx"
	c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="plan.xlsx"; filename*=UTF-8''%s`, url.PathEscape(filename)))
	return c.Blob(http.StatusOK, xlsxMIME, buf.Bytes())
}

func safeFileRune(r rune) rune {
	if strings.ContainsRune(`/\:*?"<>|`, r) {
		return '-'
	}
	return r
}
