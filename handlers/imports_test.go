package handlers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestHandlersDoNotImportTheRepository keeps the layers as drawn (docs/architecture.md):
// cmd → handlers → domain ← repository. The HTTP layer talks to the domain's services
// only: it imports neither the repository, GORM nor the driver, and does not reach past
// a service into its stores (s.deps.Deals.Store…, s.deps.Identity.Teams…). Tests may
// wire the real repository, so only non-test files are checked.
func TestHandlersDoNotImportTheRepository(t *testing.T) {
	forbidden := []string{"summit/repository", "gorm.io", "github.com/jackc/"}
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
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if strings.HasPrefix(p, bad) {
					t.Errorf("%s imports %s", path, p)
				}
			}
		}
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
