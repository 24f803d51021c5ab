package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"summit/domain"
	"summit/domain/deals"
)

const xlsxMIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// importPlan answers POST /deals/{id}/milestones/import: a multipart "file", CSV
// (UTF-8, or GB18030 as Excel saves it on Chinese Windows) or XLSX (first sheet). The
// plan is replaced only if every row is valid; problems name row and column.
func (s *server) importPlan(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return badQuery("file", "required", "")
	}
	f, err := fh.Open()
	if err != nil {
		return badQuery("file", "required", "")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	rows, err := readSheet(fh.Filename, data)
	if err != nil {
		return badQuery("file", "spreadsheet", "")
	}
	plan, err := s.deps.Deals.ImportPlan(c.Request().Context(), dealActor(c, s), dealIDOf(c), rows)
	if err != nil {
		return err
	}
	return writeList(c, domain.ListParams{}, domain.Page[deals.Milestone]{Items: plan}, toResponseMilestone)
}

// readSheet turns an uploaded CSV or XLSX file into rows of cells.
func readSheet(name string, data []byte) ([][]string, error) {
	if strings.EqualFold(filepath.Ext(name), ".xlsx") || bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		book, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		defer book.Close()
		return book.GetRows(book.GetSheetName(0))
	}
	if !utf8.Valid(data) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		data = decoded
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

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
