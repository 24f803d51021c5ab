// Package sheettest builds spreadsheets for tests: plain ones, and zip bombs that
// inflate to gigabytes from a few megabytes without ever holding the inflated bytes.
package sheettest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"testing"

	"github.com/xuri/excelize/v2"
)

// XLSX is a workbook whose first sheet holds rows.
func XLSX(t testing.TB, rows [][]string) []byte {
	t.Helper()
	book := excelize.NewFile()
	defer book.Close()
	for i, row := range rows {
		values := make([]any, len(row))
		for j, v := range row {
			values[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := book.SetSheetRow("Sheet1", cell, &values); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Bomb is an .xlsx file whose first sheet inflates to sheetBytes of valid rows, built
// without holding them: one deflated chunk of rows repeated (each chunk is a
// self-contained run of non-final deflate blocks, so copies may follow each other).
func Bomb(t testing.TB, sheetBytes int64) []byte {
	row := `<row><c t="inlineStr"><is><t>Kick-off</t></is></c><c t="inlineStr"><is><t>pmo</t></is></c></row>`
	return BombSheet(t, sheetBytes, "", row, "")
}

// BombSheet is an .xlsx file whose sheetData is open, then unit repeated, then close.
func BombSheet(t testing.TB, sheetBytes int64, open, unit, close string) []byte {
	t.Helper()
	deflate := func(data []byte, final bool) []byte {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, flate.BestCompression)
		w.Write(data)
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return buf.Bytes()
	}
	head := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + open)
	tail := []byte(close + `</sheetData></worksheet>`)
	chunk := bytes.Repeat([]byte(unit), (1<<20)/len(unit))
	copies := (sheetBytes - int64(len(head)+len(tail))) / int64(len(chunk))

	crc := crc32.NewIEEE()
	crc.Write(head)
	for range copies {
		crc.Write(chunk)
	}
	crc.Write(tail)

	// The other parts come from a real workbook.
	plain := XLSX(t, [][]string{{"name"}})
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		size := int64(len(head)+len(tail)) + copies*int64(len(chunk))
		zHead, zChunk, zTail := deflate(head, false), deflate(chunk, false), deflate(tail, true)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			UncompressedSize64: uint64(size), CompressedSize64: uint64(len(zHead)+len(zTail)) + uint64(copies)*uint64(len(zChunk))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(zHead)
		for range copies {
			w.Write(zChunk)
		}
		w.Write(zTail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
