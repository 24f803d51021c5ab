package handlers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandlersDoNotReachIntoStores keeps the layers as drawn (docs/architecture.md): the
// HTTP layer calls the domain's services and never reaches past one into its stores
// (s.deps.Deals.Store…, s.deps.Identity.Teams…). Which packages each layer may import
// is TestLayersImportOnlyWhatTheyMay (domain/imports_test.go). Tests may use stores, so
// only non-test files are checked.
func TestHandlersDoNotReachIntoStores(t *testing.T) {
	// fields of the domain services that hold stores
	stores := map[string]bool{"Store": true, "Users": true, "Sessions": true, "Tokens": true, "Teams": true, "Audit": true}
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			// deps.<Service>.<store field>
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || !stores[sel.Sel.Name] {
				return true
			}
			if svc, ok := sel.X.(*ast.SelectorExpr); ok {
				if deps, ok := svc.X.(*ast.SelectorExpr); ok && deps.Sel.Name == "deps" {
					t.Errorf("%s: %s reaches into the %s service's %s; call a service method", fset.Position(sel.Pos()), "deps."+svc.Sel.Name+"."+sel.Sel.Name, svc.Sel.Name, sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d files checked", checked)
	}
}
